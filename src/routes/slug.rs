use std::future::Future;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use reader_model::Slug;

use crate::client::FetchError;
use crate::loader::Loader;

/// The route's `:slug` parameter, if it is a slug a page could have.
pub fn slug_param() -> Memo<Option<Slug>> {
    let params = use_params_map();
    Memo::new(move |_| {
        params
            .read()
            .get("slug")
            .and_then(|slug| Slug::parse(&slug).ok())
    })
}

/// Loads `fetch(slug)` whenever the slug changes; a slug that cannot exist
/// is "not found" at once, without asking the server.
pub fn load_by_slug<T, Fut>(slug: Memo<Option<Slug>>, fetch: fn(&Slug) -> Fut) -> Loader<T>
where
    T: Clone + 'static,
    Fut: Future<Output = Result<T, FetchError>> + 'static,
{
    Loader::new(move || {
        let request = slug.get().map(|slug| fetch(&slug));
        async move {
            match request {
                Some(request) => request.await,
                None => Err(FetchError::NotFound),
            }
        }
    })
}
