use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use reader_model::Slug;

use super::loaded::loaded;
use crate::client::{self, FetchError};
use crate::loader::Loader;
use crate::routes::NOT_FOUND_MESSAGE;
use crate::views::{ArticlePage, ArticleSkeleton};

/// `/news/<slug>`: one article; `/news/<slug>/speech/<n>`: the same,
/// opened at its `n`-th speech. A slug that cannot exist is "not found" at
/// once, without asking the server.
#[component]
pub fn ArticleRoute() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| {
        params
            .read()
            .get("slug")
            .and_then(|slug| Slug::parse(&slug).ok())
    });
    let speech = Memo::new(move |_| params.read().get("n").and_then(|n| n.parse::<usize>().ok()));
    let article = Loader::new(move || {
        let request = slug.get().map(|slug| client::article(&slug));
        async move {
            match request {
                Some(request) => request.await,
                None => Err(FetchError::NotFound),
            }
        }
    });
    loaded(
        article,
        "this article",
        // The same words as the prerendered 404.html the host answers with,
        // so the page does not change when the app takes it over.
        Some(NOT_FOUND_MESSAGE),
        || view! { <ArticleSkeleton /> }.into_any(),
        move |article| view! { <ArticlePage article speech=speech.get_untracked() /> },
    )
}
