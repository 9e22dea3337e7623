//! Back and Forward return the reader to where they were: the same scroll
//! position, and focus on the link they had followed from there.
//!
//! The browser cannot do it for an app: when Back fires, the page it would
//! scroll is still the one being left, and the one returned to arrives a
//! moment later. So the app keeps, per address, where the reader was when
//! they left it (following a link, or going Back or Forward), and when a
//! page arrives through Back or Forward it puts the reader there before
//! the browser paints: no jump.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// Where the reader was on one page.
#[derive(Clone, Debug, Default, PartialEq)]
struct Position {
    /// `window.scrollY`.
    y: f64,
    /// The `href` of the link they followed from it, if they did.
    link: Option<String>,
}

thread_local! {
    /// Per address (path, query and fragment), where the reader was when
    /// they left it.
    static LEFT: RefCell<HashMap<String, Position>> = RefCell::new(HashMap::new());
    /// The address of the page on screen.
    static HERE: RefCell<String> = const { RefCell::new(String::new()) };
    /// Whether the page arriving next came through Back or Forward.
    static TRAVERSED: Cell<bool> = const { Cell::new(false) };
}

fn scroll_y() -> f64 {
    web_sys::window()
        .and_then(|window| window.scroll_y().ok())
        .unwrap_or_default()
}

/// The link (`a[href]`) an event happened in, if any.
pub(crate) fn clicked_link(event: &web_sys::Event) -> Option<web_sys::Element> {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("a[href]").ok().flatten())
}

/// Listens for the reader leaving a page. Call once, before the router
/// starts (so these listeners run before its own).
pub fn install() {
    let Some(window) = web_sys::window() else {
        return;
    };
    // The app puts the reader back itself; the browser's own attempt comes
    // too early and would jump. A reload or another site's Back still get
    // the browser's (see the pagehide listener).
    if let Ok(history) = window.history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    // A link followed: where the reader was, and which link.
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(|event: web_sys::MouseEvent| {
        let link = clicked_link(&event).and_then(|link| link.get_attribute("href"));
        if link.is_some() {
            leave(link);
            TRAVERSED.with(|traversed| traversed.set(false));
        }
    });
    // Back or Forward: the page being left is still on screen, unscrolled.
    let on_popstate = Closure::<dyn Fn()>::new(|| {
        leave(None);
        TRAVERSED.with(|traversed| traversed.set(true));
    });
    // Leaving the app altogether: let the browser restore this entry on a
    // reload or on returning from another site.
    let on_pagehide = Closure::<dyn Fn()>::new(|| {
        if let Some(history) = web_sys::window().and_then(|window| window.history().ok()) {
            let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Auto);
        }
    });
    let capture = web_sys::AddEventListenerOptions::new();
    capture.set_capture(true);
    if let Some(document) = window.document() {
        let _ = document.add_event_listener_with_callback_and_add_event_listener_options(
            "click",
            on_click.as_ref().unchecked_ref(),
            &capture,
        );
    }
    let _ =
        window.add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
    let _ =
        window.add_event_listener_with_callback("pagehide", on_pagehide.as_ref().unchecked_ref());
    // They stay for the life of the page.
    on_click.forget();
    on_popstate.forget();
    on_pagehide.forget();
}

/// The router's address (path, query and fragment) changed, by any
/// navigation, a replaced address too: it is what is on screen from now on.
pub fn moved(address: String) {
    HERE.with(|here| *here.borrow_mut() = address);
}

/// Notes where the reader is on the page on screen, as they leave it.
fn leave(link: Option<String>) {
    let here = HERE.with(|here| here.borrow().clone());
    let position = Position {
        y: scroll_y(),
        link,
    };
    LEFT.with(|left| left.borrow_mut().insert(here, position));
}

/// Called when the page at `address` (the router's path, query and
/// fragment) has arrived: its content is in the DOM, or, for a step
/// within the same page, the fragment has changed. If it came through
/// Back or Forward and the reader had been at that address, scrolls to
/// where they were and focuses the link they had followed from there;
/// returns `None` if it was not such a return, else whether a link took
/// the focus (if not, the caller may focus the part the address names).
pub fn arrived(address: &str) -> Option<bool> {
    if !TRAVERSED.with(|traversed| traversed.replace(false)) {
        return None;
    }
    let position = LEFT.with(|left| left.borrow().get(address).cloned())?;
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, position.y);
    }
    let link = position.link.as_deref().and_then(find_link);
    if let Some(link) = &link {
        focus_in_place(link);
    }
    Some(link.is_some())
}

/// Focuses an element without scrolling to it (the reader is put back
/// where they were; the element may be at the edge of the screen).
pub(crate) fn focus_in_place(element: &web_sys::HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}

/// The link in the page's content with this `href`.
fn find_link(href: &str) -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    let links = document.query_selector_all("main a[href]").ok()?;
    (0..links.length())
        .filter_map(|index| links.item(index))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|link| link.get_attribute("href").as_deref() == Some(href))
}
