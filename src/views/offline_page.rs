use leptos::prelude::*;

use super::PageMeta;
use crate::meta::Meta;
use crate::paths;

/// What the service worker shows, offline, for a page not saved on this
/// device (a static page: the app never runs on it). The offline controls
/// fill the list of what is saved, and run "Try again".
#[component]
pub fn OfflinePage() -> impl IntoView {
    view! {
        <PageMeta meta=Meta::offline() />
        <section class="notice notice--offline" aria-labelledby="offline-heading">
            <h1 id="offline-heading">"You’re offline"</h1>
            <p>
                "This page isn’t saved on this device. Check your connection and try again, or read one of the articles saved here."
            </p>
            <p>
                <button type="button" class="button" data-retry="">"Try again"</button>
            </p>
            <div class="saved__list" data-saved-list="" aria-live="polite"></div>
            <p>
                <a href=paths::saved_href()>"Everything saved on this device"</a>
            </p>
        </section>
    }
}
