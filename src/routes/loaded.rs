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
/// renders at once, in the same task. At build time (`ssr`) that is the
/// only way: synchronous server rendering always shows a `<Transition>`'s
/// fallback, so the prerender, which has every page's data, renders the
/// page itself.
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
    #[cfg(feature = "ssr")]
    if let Some(Ok(data)) = loader.get_untracked() {
        return view! {
            {render(data)}
            <PageArrived />
        }
        .into_any();
    }
    let (pending, set_pending) = signal(false);
    let on_retry = Callback::new(move |()| loader.reload());
    view! {
        {move || pending.get().then(|| view! { <div class="loading-bar" aria-hidden="true"></div> })}
        <Transition fallback=skeleton set_pending>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    let page = match loader.await {
                        Ok(data) => render(data).into_any(),
                        Err(FetchError::NotFound) if not_found.is_some() => {
                            view! { <NotFoundPage message=not_found.unwrap_or_default() /> }
                                .into_any()
                        }
                        Err(error) => {
                            leptos::logging::warn!("could not load {what}: {error}");
                            view! { <ErrorNotice error what pending=pending on_retry part /> }.into_any()
                        }
                    };
                    view! {
                        {page}
                        <PageArrived />
                    }
                })
            }}
        </Transition>
    }
    .into_any()
}
