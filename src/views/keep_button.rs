use leptos::prelude::*;
use reader_model::Label;

use crate::labels::label;

/// "Save for offline": keeps the article at `href` on this device until the
/// reader removes it (on the Saved page, or here). The service worker does
/// the keeping; the offline controls (`crates/prerender/src/offline/page.js`)
/// show the button once it can, and say which it is (`data-kept`). Not a
/// toggle (`aria-pressed`): its name says what it does, and changes.
#[component]
pub fn KeepButton(
    /// The article's address, from the site's root.
    #[prop(into)]
    href: String,
) -> impl IntoView {
    view! {
        <button type="button" class="keep" data-keep=href hidden=true>
            <span class="keep__save">{label(Label::SaveForOffline)}</span>
            <span class="keep__saved">{label(Label::SavedRemove)}</span>
        </button>
    }
}
