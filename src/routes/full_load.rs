use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::views::NotFoundPage;

/// An address the reading app has no route for (search, the speakers'
/// pages, one it does not know): the page at that address is loaded from
/// the host, whose page starts the app that shows it. (The router shows a
/// route before it puts its address in the history, so this is the
/// browser's own navigation to it, one history entry as a link makes.)
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

/// Loads `target` (a path, with its query and fragment) from the host
/// unless it is the page the app started on; whether it did.
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
        location.assign(&href).is_ok()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = target;
        false
    }
}
