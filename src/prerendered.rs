//! Taking over a prerendered page.
//!
//! Every page is first served as static HTML rendered at build time by the
//! same views (crates/prerender). Its data is JSON in
//! `<script type="application/json" id="reader-data">`, which the CSP lets
//! sit there because it never runs: carried in the page, or (a list's, an
//! article's, a speaker's) put there by the loader from the content files
//! the page names, fetched with the app (crates/prerender/src/data.rs).
//! The app reads it before anything else, so it fetches nothing again,
//! renders the same page from it and *hydrates* the page: it attaches to
//! the nodes already on screen instead of replacing them, so nothing is
//! painted twice and nothing moves.
//!
//! When the page cannot be hydrated (its data is missing or unreadable, or
//! an earlier attempt at this address found the page and the app
//! disagreeing), the app renders the page afresh in its place instead.

use std::cell::Cell;

use leptos::prelude::{ArcRwSignal, Get, Set, document};
use reader_model::PageData;
use wasm_bindgen::JsCast;

use crate::client::cache;

/// The `id` of the element that holds a page's data.
pub const PAGE_DATA_ID: &str = "reader-data";

/// The `id` of the element that holds the prerendered page.
pub const SHELL_ID: &str = "shell";

/// The class on `<html>` once the app runs.
pub const APP_CLASS: &str = "app";

/// Marks the head tags that describe one page (canonical link, sharing
/// cards, structured data); the app drops them when it takes over, since
/// after the reader moves on they would describe the wrong page.
pub const PAGE_HEAD_ATTRIBUTE: &str = "data-page";

/// How the app takes the page over.
pub enum Takeover {
    /// The page and its data are here: hydrate the page in this element.
    Hydrate(web_sys::HtmlElement),
    /// Render the app afresh in this element (emptied first).
    Render(web_sys::HtmlElement),
}

/// Says on `<html data-app>` how the app took the page over
/// (`"hydrated"` or `"rendered"`), once it has, and marks the moment in the
/// browser's performance timeline (`reader:interactive`) for the bench.
pub fn mark_interactive(how: &str) {
    TAKEN_OVER.with(|taken| taken.set(true));
    let document = document();
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-app", how);
    }
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark("reader:interactive");
    }
}

/// The history entry's state after a failed hydration: the reload of the
/// entry renders afresh instead (see [`hydration_failed`]). The history
/// entry keeps it across reloads, and reading it costs nothing (the first
/// touch of `sessionStorage` is a noticeable part of the start-up task).
/// The loader reads it too: such a load starts the app at once.
pub const FAILED_STATE: &str = "reader:hydration-failed";

thread_local! {
    static HYDRATING: Cell<bool> = const { Cell::new(false) };
    static TAKEN_OVER: ArcRwSignal<bool> = ArcRwSignal::new(false);
}

/// Whether the app has taken the page over, tracked: false while it
/// attaches to the prerendered page (and on the host), true once it has
/// ([`mark_interactive`]). A view that shows more than the prerendered
/// page could (what the address's query asks for) reads it, so that it
/// hydrates what was rendered and shows the rest a moment later.
pub fn taken_over() -> bool {
    TAKEN_OVER.with(|taken| taken.get())
}

/// True while the app attaches to the prerendered page: the first render,
/// which must show exactly what the page shows.
pub fn is_hydrating() -> bool {
    HYDRATING.with(Cell::get)
}

/// Runs `hydrate` with [`is_hydrating`] true.
#[cfg(feature = "hydrate")]
fn hydrating<T>(hydrate: impl FnOnce() -> T) -> T {
    HYDRATING.with(|flag| flag.set(true));
    let result = hydrate();
    HYDRATING.with(|flag| flag.set(false));
    result
}

/// Leptos's hydration reads three globals that its own server integration
/// writes into the page (resources, errors and stream chunks sent along
/// with it); a static page sends none, so they are set here, empty, rather
/// than by an inline script that the CSP would have to allow.
#[cfg(feature = "hydrate")]
fn set_hydration_globals() {
    if let Some(window) = web_sys::window() {
        for global in [
            "__RESOLVED_RESOURCES",
            "__SERIALIZED_ERRORS",
            "__INCOMPLETE_CHUNKS",
        ] {
            let _ = js_sys::Reflect::set(&window, &global.into(), &js_sys::Array::new());
        }
    }
}

/// Hydrates the page in `shell` with `app`, as `leptos::mount::hydrate_from`
/// does, but over several tasks of the event loop: the app's views are made
/// in this one (the router, the reactive state, every component that is not
/// a route's), attached to the page's nodes in the next, and the parts
/// marked to be attached later (`hydrate_later`: the routed page, an
/// article's content, a list's cards) one task each after that, so that
/// none holds the main thread long on a slow phone (most of each is V8
/// compiling, on the main thread, the wasm functions it calls for the first
/// time).
/// Until the page is attached, a link followed is left to the browser (a
/// normal load of the next page), since the router, already listening,
/// would otherwise change the route under the page being attached.
/// The app runs for the rest of the page's life.
#[cfg(feature = "hydrate")]
pub async fn hydrate<V: leptos::IntoView + 'static>(shell: web_sys::HtmlElement, app: fn() -> V) {
    use leptos::reactive::owner::Owner;
    use leptos::tachys::hydration::Cursor;
    use leptos::tachys::view::{PositionState, RenderHtml};
    use std::sync::Arc;

    // wasm-bindgen-futures drives the reactive system (an error only says
    // it already does).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    set_hydration_globals();
    let links = LinksToTheBrowser::hold();
    let owner = Owner::new_root(Some(Arc::new(
        hydration_context::HydrateSharedContext::new(),
    )));
    let view = hydrating(|| owner.with(|| app().into_view()));
    crate::main_thread::next_task().await;
    let mounted = hydrating(|| {
        owner.with(|| {
            view.hydrate::<true>(
                &Cursor::new(shell.unchecked_into()),
                &PositionState::default(),
            )
        })
    });
    // The parts marked to be attached later (the routed page, an
    // article's content, a list's cards), a task each, in the order they
    // were met (a part met while attaching another comes after it).
    while let Some(part) = crate::hydrate_later::queued() {
        crate::main_thread::next_task().await;
        hydrating(|| part.attach());
    }
    if let Some(context) = owner.shared_context() {
        context.hydration_complete();
    }
    drop(links);
    // Nothing unmounts the app: its owner and its nodes' state stay.
    std::mem::forget(mounted);
    std::mem::forget(owner);
}

/// While held, a click on a link is kept from the app's listeners (the
/// router's), and the browser follows the link itself.
#[cfg(feature = "hydrate")]
struct LinksToTheBrowser(Option<wasm_bindgen::closure::Closure<dyn Fn(web_sys::Event)>>);

#[cfg(feature = "hydrate")]
impl LinksToTheBrowser {
    fn hold() -> Self {
        let Some(window) = web_sys::window() else {
            return Self(None);
        };
        let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(
            |event: web_sys::Event| {
                if crate::return_position::clicked_link(&event).is_some() {
                    event.stop_immediate_propagation();
                }
            },
        );
        let added = window
            .add_event_listener_with_callback_and_bool(
                "click",
                listener.as_ref().unchecked_ref(),
                true,
            )
            .is_ok();
        Self(added.then_some(listener))
    }
}

#[cfg(feature = "hydrate")]
impl Drop for LinksToTheBrowser {
    fn drop(&mut self) {
        if let (Some(listener), Some(window)) = (&self.0, web_sys::window()) {
            let _ = window.remove_event_listener_with_callback_and_bool(
                "click",
                listener.as_ref().unchecked_ref(),
                true,
            );
        }
    }
}

/// Called by the panic hook: if the panic came while hydrating, the page
/// and the app disagreed (a stale page, an edited one). Marks the history
/// entry and reloads it once, and that load renders the app afresh instead
/// of hydrating (so it cannot loop). Returns whether it did (then no notice
/// is needed).
pub fn hydration_failed() -> bool {
    if !is_hydrating() {
        return false;
    }
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(history) = window.history() else {
        return false;
    };
    history.replace_state(&FAILED_STATE.into(), "").is_ok() && window.location().reload().is_ok()
}

/// Whether an earlier load of this history entry failed to hydrate.
fn failed_here() -> bool {
    web_sys::window()
        .and_then(|window| window.history().ok())
        .and_then(|history| history.state().ok())
        .and_then(|state| state.as_string())
        .is_some_and(|state| state == FAILED_STATE)
}

thread_local! {
    static STARTED_AT: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The address of the page the app took over (as `location.href` then).
pub fn arrived_at() -> Option<String> {
    STARTED_AT.with(|started| started.borrow().clone())
}

/// Reads the page's data into the client, removes the page's own head
/// tags, and says how to take the page over: hydrate it if it carried
/// data the app can read, else render the app afresh.
/// Data that does not parse is ignored (with a console warning): the app
/// then fetches as if the page had carried none.
pub fn take_over() -> Option<Takeover> {
    let document = document();
    if let Some(href) = document
        .location()
        .and_then(|location| location.href().ok())
    {
        STARTED_AT.with(|started| *started.borrow_mut() = Some(href));
    }
    // Controls that need the app (copy link) show from now on.
    if let Some(root) = document.document_element() {
        let _ = root.class_list().add_1(APP_CLASS);
    }
    let path = document
        .location()
        .and_then(|location| location.pathname().ok())
        .unwrap_or_default();
    let mut carried = false;
    if let Some(script) = document.get_element_by_id(PAGE_DATA_ID) {
        match script
            .text_content()
            .map(|json| reader_model::from_json::<PageData>(&json))
        {
            Some(Ok(data)) => {
                // On the "not found" page the host has nothing at this
                // address: the app need not ask for it again.
                if data.is_not_found() {
                    cache::preload_missing(&path);
                }
                cache::preload(data);
                carried = true;
            }
            Some(Err(error)) => leptos::logging::warn!("the page's data is unreadable: {error}"),
            None => {}
        }
        script.remove();
    }
    if let Ok(tags) = document.query_selector_all(&format!("head [{PAGE_HEAD_ATTRIBUTE}]")) {
        for index in 0..tags.length() {
            if let Some(tag) = tags.item(index)
                && let Some(parent) = tag.parent_node()
            {
                let _ = parent.remove_child(&tag);
            }
        }
    }
    let shell = document
        .get_element_by_id(SHELL_ID)
        .and_then(|shell| shell.dyn_into::<web_sys::HtmlElement>().ok())?;
    if carried && shell.has_child_nodes() && !failed_here() {
        Some(Takeover::Hydrate(shell))
    } else {
        shell.set_text_content(None);
        Some(Takeover::Render(shell))
    }
}
