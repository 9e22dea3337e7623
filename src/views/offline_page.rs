use crate::labels::label;
use leptos::prelude::*;
use reader_model::Label;

use super::PageMeta;
use crate::meta::Meta;
use crate::paths;

/// What the service worker shows, offline, for a page not saved on this
/// device (a static page: the app never runs on it), and what the app
/// shows for one it cannot load while the device is offline
/// (`routes/loaded.rs`). The offline controls fill the list of what is
/// saved, and run "Try again".
#[component]
pub fn OfflinePage() -> impl IntoView {
    view! {
        <PageMeta meta=Meta::offline() />
        <section class="notice notice--offline" aria-labelledby="offline-heading">
            <h1 id="offline-heading">{label(Label::Offline)}</h1>
            <p>{label(Label::OfflineMessage)}</p>
            <p>
                <button type="button" class="button" data-retry="">{label(Label::TryAgain)}</button>
            </p>
            <div class="saved__list" data-saved-list="" aria-live="polite">
                <p class="saved__pending" aria-hidden="true">{label(Label::NothingSaved)}</p>
            </div>
            <p>
                <a href=paths::saved_href()>{label(Label::EverythingSaved)}</a>
            </p>
        </section>
    }
}
