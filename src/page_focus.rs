//! After a client-side navigation, keyboard and screen-reader users land on
//! the new page as they would after a full load: focus moves to its heading
//! and the heading is announced. The first page of a visit, and a page that
//! re-renders at the same address (the site's data arriving, a retry),
//! leave focus where the reader put it.
//!
//! An address with a fragment (`#speech-2`) names a part of the page: on
//! arrival, even on the first page, and whenever the fragment changes,
//! focus moves to that part and its label is announced. Back and Forward
//! between the parts of one page return to where the reader was at each
//! (`return_position`), as they do between pages.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::paths;

#[derive(Clone, Copy)]
struct Arrivals {
    /// The path of the last page that arrived; `None` before the first.
    last_path: StoredValue<Option<String>>,
    /// What the live region says.
    announcement: RwSignal<String>,
}

/// Wraps the routed part of the app and holds the live region that
/// announces each new page. Must be inside the `<Router>`.
#[component]
pub fn PageFocus(children: Children) -> impl IntoView {
    let arrivals = Arrivals {
        last_path: StoredValue::new(None),
        announcement: RwSignal::new(String::new()),
    };
    provide_context(arrivals);
    provide_context(Announcer(arrivals.announcement));
    // Every change of address, and a step within the same page: a link to
    // another part of it (a "Who spoke" name, or another speech of the
    // same article), or Back and Forward between its parts.
    let location = use_location();
    Effect::new(move |previous: Option<(String, Option<String>)>| {
        let path = location.pathname.get();
        let page = format!("{path}{}", location.search.get());
        let hash = location.hash.get();
        let address = format!("{page}{hash}");
        crate::return_position::moved(address.clone());
        let part = paths::named_part(&path, &hash);
        if let Some((previous_page, previous_part)) = previous
            && previous_page == page
        {
            match crate::return_position::arrived(&address) {
                // Back or Forward: where the reader was at that address,
                // on the link they had followed, else on the part.
                Some(true) => {}
                Some(false) => {
                    if let Some(id) = &part {
                        focus_part(id, false);
                    }
                }
                None => {
                    if let Some(id) = part.clone().filter(|_| part != previous_part) {
                        focus_part_later(arrivals, id, true);
                    }
                }
            }
        }
        (page, part)
    });
    view! {
        {children()}
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            {move || arrivals.announcement.get()}
        </div>
    }
}

/// The page's live region (the one screen readers already hear page
/// arrivals from), for components that have something to say.
#[derive(Clone, Copy)]
pub struct Announcer(RwSignal<String>);

impl Announcer {
    pub fn say(self, text: &str) {
        self.0.set(text.to_owned());
    }
}

/// Placed at the end of every page's content: runs once that content is on
/// screen, and moves focus to it if the address changed since the last one.
#[component]
pub fn PageArrived() -> impl IntoView {
    let arrivals = use_context::<Arrivals>();
    let location = use_location();
    Effect::new(move |_| {
        let Some(arrivals) = arrivals else {
            return;
        };
        let path = location.pathname.get_untracked();
        let hash = location.hash.get_untracked();
        let part = paths::named_part(&path, &hash);
        let last = arrivals.last_path.get_value();
        arrivals.last_path.set_value(Some(path.clone()));
        let address = format!("{path}{}{hash}", location.search.get_untracked());
        if let Some(focused_link) = crate::return_position::arrived(&address) {
            // Back where the reader was, on the link they had followed (or
            // the part the address names, or else, as after Forward, the
            // page's heading, without scrolling to it): only the page is
            // announced.
            if !focused_link {
                match part {
                    Some(id) => {
                        focus_part(&id, false);
                    }
                    None => {
                        focus_heading_in_place();
                    }
                }
            }
            if let Some(heading) = heading_text() {
                arrivals.announcement.set(heading);
            }
        } else if let Some(id) = part {
            // The first page: the browser (at a fragment) or the loader (on
            // a speech's page) has put the reader at the part already, and
            // they may have scrolled on since: focusing it must not move them.
            focus_part_later(arrivals, id, last.is_some());
        } else if last.as_ref().is_some_and(|last| *last != path) {
            // A new page, after a link in the app.
            request_animation_frame(move || {
                if let Some(heading) = focus_heading() {
                    arrivals.announcement.set(heading);
                }
            });
        } else if last.is_none() && handed_over(&path) && nothing_focused() {
            // The first page, one the other app loaded whole for a link
            // followed in it (search from the reading app's header): as
            // after a link in the app, unless the reader has put the
            // focus somewhere already, and without moving the page (this
            // app may have started at the reader's first scroll).
            if focus_heading_in_place().is_some()
                && let Some(heading) = heading_text()
            {
                arrivals.announcement.set(heading);
            }
        }
    });
}

/// Whether the focus is on nothing in particular (the page's body).
fn nothing_focused() -> bool {
    let active = document().active_element();
    active.is_none_or(|element| element.tag_name().eq_ignore_ascii_case("body"))
}

/// Where the app, loading a page whole that it has no route for (the
/// reading app's link to search, or to a speaker), names that page's path
/// for the app that starts there.
const HANDED_OVER: &str = "reader:handed-over";

/// Names `path`, about to be loaded whole by the app, so that the app that
/// starts there takes its arrival as a link followed within the app: its
/// heading focused and announced, not the focus left at the page's top.
pub fn hand_over(path: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.set_item(HANDED_OVER, path);
    }
}

/// Whether the first page, at `path`, is one the other app handed over
/// ([`hand_over`]); forgets it either way.
fn handed_over(path: &str) -> bool {
    let Some(storage) = session_storage() else {
        return false;
    };
    let named = storage.get_item(HANDED_OVER).ok().flatten();
    let _ = storage.remove_item(HANDED_OVER);
    named.is_some_and(|named| named == path)
}

/// This tab's session storage, where the browser allows it.
fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// A page shown after its load had failed (the reader pressed Retry): its
/// heading is focused and announced, as a new page's is (the Retry button
/// the focus was on is gone).
pub fn arrived_again() {
    let arrivals = use_context::<Arrivals>();
    request_animation_frame(move || {
        if let (Some(arrivals), Some(heading)) = (arrivals, focus_heading()) {
            arrivals.announcement.set(heading);
        }
    });
}

/// On the next frame, focuses the element with this `id` (`speech-2`), if
/// the page has it (scrolling it into view if `scroll`), and announces its
/// label.
fn focus_part_later(arrivals: Arrivals, id: String, scroll: bool) {
    request_animation_frame(move || {
        if let Some(label) = focus_part(&id, scroll) {
            arrivals.announcement.set(label);
        }
    });
}

/// Focuses the element with this `id` (scrolling it into view if `scroll`)
/// and returns its label: its `aria-label`, else its text.
fn focus_part(id: &str, scroll: bool) -> Option<String> {
    use wasm_bindgen::JsCast;
    let target = document().get_element_by_id(id)?;
    if !target.has_attribute("tabindex") {
        target.set_attribute("tabindex", "-1").ok()?;
    }
    let element = target.dyn_ref::<web_sys::HtmlElement>()?;
    if scroll {
        element.focus().ok()?;
    } else {
        crate::return_position::focus_in_place(element);
    }
    target
        .get_attribute("aria-label")
        .or_else(|| target.text_content())
}

/// The text of the page's `<h1>`.
fn heading_text() -> Option<String> {
    document()
        .query_selector("main h1")
        .ok()
        .flatten()?
        .text_content()
}

/// Focuses the page's `<h1>` where it is, without scrolling to it.
fn focus_heading_in_place() -> Option<()> {
    use wasm_bindgen::JsCast;
    let heading = document().query_selector("main h1").ok().flatten()?;
    heading.set_attribute("tabindex", "-1").ok()?;
    crate::return_position::focus_in_place(heading.dyn_ref::<web_sys::HtmlElement>()?);
    Some(())
}

/// Focuses the page's `<h1>` and returns its text.
fn focus_heading() -> Option<String> {
    use wasm_bindgen::JsCast;
    let heading = document().query_selector("main h1").ok().flatten()?;
    heading.set_attribute("tabindex", "-1").ok()?;
    heading.dyn_ref::<web_sys::HtmlElement>()?.focus().ok()?;
    heading.text_content()
}
