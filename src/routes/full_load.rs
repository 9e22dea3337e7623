use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::views::NotFoundPage;

/// An address the reading app has no route for (search, the speakers'
/// pages, one it does not know), reached by the app itself (the header's
/// search box sends its words through the router; links to such pages
/// never reach it, `leave_other_links_to_the_browser` below): the page at
/// that address is loaded from the host, whose page starts the app that
/// shows it, in place of the history entry the router makes for it, so
/// one entry as a link makes. The router shows a route before it puts its
/// address in the history, so the page is loaded a task later, once the
/// entry is there to replace.
/// Never the page the app started on (the loader starts the reading app
/// only on its own routes' pages): there, where loading it again would
/// only come back here, it says the page was not found.
#[component]
pub fn FullLoad() -> impl IntoView {
    let location = use_location();
    let mut target = location.pathname.get_untracked();
    let search = location.search.get_untracked();
    if !search.is_empty() {
        target.push('?');
        target.push_str(&search);
    }
    let hash = location.hash.get_untracked();
    if !hash.is_empty() {
        if !hash.starts_with('#') {
            target.push('#');
        }
        target.push_str(&hash);
    }
    let loaded = load_unless_arrived_here(&target);
    (!loaded).then(|| view! { <NotFoundPage /> })
}

/// Loads `target` (a path, with its query and fragment) from the host,
/// a task later, in place of the history entry then current, unless it is
/// the page the app started on; whether it will.
fn load_unless_arrived_here(target: &str) -> bool {
    #[cfg(feature = "hydrate")]
    {
        let Some(location) = web_sys::window().map(|window| window.location()) else {
            return false;
        };
        let origin = location.origin().unwrap_or_default();
        let href = format!("{origin}{target}");
        if crate::prerendered::arrived_at().is_some_and(|arrived| arrived == href) {
            return false;
        }
        // (The browser's address is still the page being left.)
        crate::page_focus::hand_over(target.split(['?', '#']).next().unwrap_or(target));
        set_timeout(
            move || {
                let _ = location.replace(&href);
            },
            std::time::Duration::ZERO,
        );
        true
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = target;
        false
    }
}

/// Whether the reading app has a route for `path` (below the router's
/// base): the lists, an article and its speeches, the Saved and offline
/// pages (`ReadingPages` in `src/app.rs`). A route added there and not
/// here only costs the reading app that route: its links are then loaded
/// whole, as the whole app's are.
#[cfg_attr(
    not(any(feature = "hydrate", test)),
    expect(
        dead_code,
        reason = "the browser's click guard asks it; the host tests it"
    )
)]
pub fn reading_route(path: &str) -> bool {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    matches!(
        segments.as_slice(),
        [] | ["saved"]
            | ["offline"]
            | ["news", _]
            | ["news", "archive", _]
            | ["news", _, "speech", _]
            | ["section", _]
            | ["section", _, "archive", _]
    )
}

/// In the reading app, a link to a page it has no route for is left to the
/// browser, which loads that page whole: one history entry, a new document.
/// (Were the router to take the click, it would put the address in the
/// history first, and loading the page over that entry leaves Chromium's
/// Back at the previous address still showing the loaded page.) The
/// router listens for clicks on the window as they bubble; this listener
/// is the window's as they are captured, and stops them going further.
pub fn leave_other_links_to_the_browser() {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        use wasm_bindgen::closure::Closure;
        let Some(window) = web_sys::window() else {
            return;
        };
        let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(|ev: web_sys::MouseEvent| {
            if ev.default_prevented()
                || ev.button() != 0
                || ev.meta_key()
                || ev.alt_key()
                || ev.ctrl_key()
                || ev.shift_key()
            {
                return;
            }
            let anchor = crate::return_position::clicked_link(&ev)
                .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok());
            let (Some(anchor), Some(window)) = (anchor, web_sys::window()) else {
                return;
            };
            if anchor.origin() != window.location().origin().unwrap_or_default() {
                return;
            }
            let path = anchor.pathname();
            let base = crate::paths::router_base().unwrap_or_default();
            if let Some(below) = path.strip_prefix(&base)
                && (below.is_empty() || below.starts_with('/'))
                && !reading_route(below)
            {
                ev.stop_propagation();
            }
        });
        let _ = window.add_event_listener_with_callback_and_bool(
            "click",
            on_click.as_ref().unchecked_ref(),
            true,
        );
        on_click.forget();
    }
}

#[cfg(test)]
mod tests {
    use super::reading_route;

    #[test]
    fn the_reading_path_has_routes_and_the_rest_is_loaded_whole() {
        for path in [
            "/",
            "",
            "/news/a-slug",
            "/news/a-slug/",
            "/news/archive/2",
            "/news/a-slug/speech/3",
            "/section/campus",
            "/section/campus/archive/2",
            "/saved",
            "/offline",
        ] {
            assert!(reading_route(path), "{path}");
        }
        for path in [
            "/search",
            "/speakers",
            "/speakers/ding-xiao-dong",
            "/news/a/b",
            "/atom.xml",
            "/section",
        ] {
            assert!(!reading_route(path), "{path}");
        }
    }
}
