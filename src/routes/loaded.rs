use leptos::prelude::*;

use crate::client::FetchError;
use crate::loader::Loader;
use crate::page_focus::PageArrived;
use crate::views::{ErrorNotice, NotFoundPage};

/// How a route shows what it loads: `skeleton` until the first answer,
/// `render` for the data, "not found" for a 404 when the route has such a
/// page, otherwise the error with a Retry button. On a reload (a retry, or
/// another article in the same route) what is on screen stays, under a
/// loading bar, until the new answer replaces it.
///
/// When the answer is already here (the page carried its data), the page
/// renders at once, in the same task. The structure is the same on the
/// host and in the browser (no `<Suspense>`, whose synchronous server
/// rendering is its fallback), so the page rendered at build time is the
/// page the app hydrates, node for node.
pub fn loaded<T, V>(
    loader: Loader<T>,
    what: &'static str,
    not_found: Option<&'static str>,
    skeleton: fn() -> AnyView,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> AnyView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    show(loader, what, not_found, skeleton, render, false)
}

/// [`loaded`] for part of a page (search results under the search box): a
/// failure is a notice inside the page, not the page.
pub fn loaded_part<T, V>(
    loader: Loader<T>,
    what: &'static str,
    skeleton: fn() -> AnyView,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> AnyView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    show(loader, what, None, skeleton, render, true)
}

fn show<T, V>(
    loader: Loader<T>,
    what: &'static str,
    not_found: Option<&'static str>,
    skeleton: fn() -> AnyView,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
    part: bool,
) -> AnyView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    let pending = loader.pending();
    let on_retry = Callback::new(move |()| loader.reload());
    // Only a reload shows the bar: before the first answer, the skeleton
    // says the page is coming.
    let reloading = move || pending.get() && loader.has_answer();
    let page = move || {
        let page = match loader.get() {
            None => return skeleton(),
            Some(Ok(data)) => render(data).into_any(),
            Some(Err(FetchError::NotFound)) if not_found.is_some() => {
                view! { <NotFoundPage message=not_found.unwrap_or_default() /> }.into_any()
            }
            Some(Err(error)) => {
                leptos::logging::warn!("could not load {what}: {error}");
                view! { <ErrorNotice error what pending on_retry part /> }.into_any()
            }
        };
        view! {
            {page}
            <PageArrived />
        }
        .into_any()
    };
    view! {
        {move || reloading().then(|| view! { <div class="loading-bar" aria-hidden="true"></div> })}
        {page}
    }
    .into_any()
}
