use leptos::prelude::*;

use super::{Breadcrumb, PageMeta};
use crate::labels::label;
use crate::meta::Meta;
use reader_model::Label;

/// The id of the Saved page's list: the loader starts the offline controls
/// at once on a page that has it.
pub const SAVED_LIST_ID: &str = "saved-list";

/// What this device keeps for offline reading. The list is the service
/// worker's: the offline controls (`crates/prerender/src/offline/page.js`)
/// fill the element marked `data-saved-list`, which the app leaves as it
/// is but for a hidden line that holds the place of theirs (`saved__pending`:
/// the words of an empty list, so that they take its place without moving
/// the page).
#[component]
pub fn SavedPage() -> impl IntoView {
    view! {
        <PageMeta meta=Meta::saved() />
        <Breadcrumb current=label(Label::Saved) />
        <section class="saved" aria-labelledby="saved-heading">
            <h1 id="saved-heading" class="saved__heading">{label(Label::SavedHeading)}</h1>
            <p class="saved__intro">{label(Label::SavedIntro)}</p>
            <div id=SAVED_LIST_ID class="saved__list" data-saved-list="" aria-live="polite">
                <p class="saved__pending" aria-hidden="true">{label(Label::NothingSaved)}</p>
            </div>
            <noscript>
                <p class="saved__empty">{label(Label::SavedNeedsScript)}</p>
            </noscript>
        </section>
    }
}
