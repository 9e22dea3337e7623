use reader_model::Label;
use std::sync::Arc;

use leptos::prelude::*;

use crate::client::FetchError;
use crate::loader::Loader;
use crate::page_focus::PageArrived;
use crate::views::{ErrorNotice, NotFoundPage, OfflinePage};

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
    what: Label,
    not_found: bool,
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
    what: Label,
    skeleton: fn() -> AnyView,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> AnyView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    show(loader, what, false, skeleton, render, true)
}

fn show<T, V>(
    loader: Loader<T>,
    what: Label,
    not_found: bool,
    skeleton: fn() -> AnyView,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
    part: bool,
) -> AnyView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    // The only part that knows the data's type: the answer, rendered. The
    // rest is built once for every route ([`frame`]), not once per type.
    let answer = Answer {
        rendered: Arc::new(move || {
            loader
                .get()
                .map(|answer| answer.map(|data| render(data).into_any()))
        }),
        has_answer: Arc::new(move || loader.has_answer()),
        pending: loader.pending(),
        on_retry: Callback::new(move |()| loader.reload()),
    };
    frame(answer, what, not_found, skeleton, part)
}

/// A loader's answer with its data's type erased: the page it renders.
struct Answer {
    /// The rendered page once there is an answer, or the error (reactive).
    rendered: Arc<dyn Fn() -> Option<Result<AnyView, FetchError>> + Send + Sync>,
    /// Whether there is an answer yet (reactive).
    has_answer: Arc<dyn Fn() -> bool + Send + Sync>,
    /// True while a request is in flight.
    pending: ReadSignal<bool>,
    /// Asks again.
    on_retry: Callback<()>,
}

/// Asks again (`on_retry`) when the device comes back online, while the
/// view that calls it is on screen: a moment after the browser says so,
/// when a request has its network again.
fn retry_when_online(on_retry: Callback<()>) {
    use std::sync::atomic::{AtomicBool, Ordering};
    // Not once the view is gone (the reader moved on meanwhile).
    let shown = Arc::new(AtomicBool::new(true));
    let still = Arc::clone(&shown);
    let handle = window_event_listener(leptos::ev::online, move |_| {
        let still = Arc::clone(&still);
        set_timeout(
            move || {
                if still.load(Ordering::Relaxed) {
                    on_retry.run(());
                }
            },
            BACK_ONLINE,
        );
    });
    on_cleanup(move || {
        shown.store(false, Ordering::Relaxed);
        handle.remove();
    });
}

/// How long after coming back online a page is asked for again.
const BACK_ONLINE: std::time::Duration = std::time::Duration::from_secs(1);

fn frame(
    answer: Answer,
    what: Label,
    not_found: bool,
    skeleton: fn() -> AnyView,
    part: bool,
) -> AnyView {
    let Answer {
        rendered,
        has_answer,
        pending,
        on_retry,
    } = answer;
    // Only a reload shows the bar: before the first answer, the skeleton
    // says the page is coming.
    let reloading = move || pending.get() && has_answer();
    // A page that comes after a Retry takes the focus and is announced.
    let retried = StoredValue::new(false);
    let on_retry = Callback::new(move |()| {
        retried.set_value(!part);
        on_retry.run(());
    });
    let page = move || {
        let page = match rendered() {
            None => return skeleton(),
            Some(Ok(page)) => {
                if retried.get_value() {
                    retried.set_value(false);
                    crate::page_focus::arrived_again();
                }
                page
            }
            Some(Err(FetchError::NotFound)) if not_found => view! { <NotFoundPage /> }.into_any(),
            // The device is offline and never saved this page: what the
            // worker shows for it on a full load (what is saved instead);
            // asked for again once the device is back online.
            Some(Err(error)) if !part && error.device_offline() => {
                retry_when_online(on_retry);
                view! { <OfflinePage /> }.into_any()
            }
            Some(Err(error)) => {
                if error.device_offline() {
                    retry_when_online(on_retry);
                }
                leptos::logging::warn!("could not load {}: {error}", what.key());
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
