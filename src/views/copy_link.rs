use crate::labels::labels;
use leptos::prelude::*;
use reader_model::Label;

/// A button that copies `href` (made absolute) to the clipboard and says
/// whether it worked, on the button (for a few seconds) and through the
/// page's live region.
///
/// It needs the app: the prerendered page keeps its place but hides it
/// (`visibility`, so nothing moves when the app starts and shows it).
#[component]
pub fn CopyLink(
    /// The address to copy, absolute or from the site's root.
    #[prop(into)]
    href: String,
    /// What is copied, for screen readers, after the button's words
    /// (" to the speech by …").
    #[prop(into)]
    what: String,
) -> impl IntoView {
    let (said, set_said) = signal(None::<String>);
    let labels = labels();
    let (copied, failed) = (
        labels.get(Label::LinkCopied).to_owned(),
        labels.get(Label::CouldNotCopy).to_owned(),
    );
    let copy_label = labels.get(Label::CopyLink).to_owned();
    // The live region is found now, while the component's context is at hand.
    let announcer = use_context::<crate::page_focus::Announcer>();
    let copy = move |_| {
        let href = href.clone();
        let (copied, failed) = (copied.clone(), failed.clone());
        leptos::task::spawn_local(async move {
            let outcome = if write_clipboard(&href).await {
                copied
            } else {
                failed
            };
            if let Some(announcer) = announcer {
                announcer.say(&outcome);
            }
            set_said.set(Some(outcome));
            // The outcome said, the button is "Copy link" again.
            set_timeout(
                move || set_said.set(None),
                std::time::Duration::from_secs(4),
            );
        });
    };
    view! {
        <button type="button" class="speech__copy" on:click=copy>
            {move || said.get().unwrap_or_else(|| copy_label.clone())}
            // What is copied, after "Copy link" only: not after the outcome.
            <span class="visually-hidden">
                {move || if said.read().is_none() { what.clone() } else { String::new() }}
            </span>
        </button>
    }
}

/// Writes `href`, made absolute against the page, to the clipboard.
#[cfg(target_arch = "wasm32")]
async fn write_clipboard(href: &str) -> bool {
    let window = window();
    let origin = window.location().origin().unwrap_or_default();
    let url = if href.starts_with('/') {
        format!("{origin}{href}")
    } else {
        href.to_owned()
    };
    let promise = window.navigator().clipboard().write_text(&url);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

#[cfg(not(target_arch = "wasm32"))]
async fn write_clipboard(_href: &str) -> bool {
    false
}
