use leptos::prelude::*;

use crate::page_focus::PageArrived;
use crate::views::{OfflinePage, SavedPage};

/// `/saved`: what this device keeps for offline reading.
#[component]
pub fn SavedRoute() -> impl IntoView {
    view! {
        <SavedPage />
        <PageArrived />
    }
}

/// `/offline`: the page the service worker shows offline for a page not
/// saved on the device; rendered at build time only (the app never runs
/// on it).
#[component]
pub fn OfflineRoute() -> impl IntoView {
    view! { <OfflinePage /> }
}
