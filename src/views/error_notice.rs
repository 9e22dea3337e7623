use crate::labels::labels;
use leptos::prelude::*;
use reader_model::Label;

use super::PageMeta;
use crate::client::FetchError;
use crate::meta::Meta;

/// A failed load, said plainly, with a Retry button that reloads it.
#[component]
pub fn ErrorNotice(
    error: FetchError,
    /// What was being loaded ("the news list", "this article"), as its label.
    what: Label,
    /// True while a retry is in flight. A signal owned by the route, not
    /// converted here: this view stays on screen while its own reactive
    /// scope is replaced by the retry, so it must not own what it reads.
    pending: ReadSignal<bool>,
    on_retry: Callback<()>,
    /// Whether the failed load is only part of a page that has its own
    /// heading and title (search results): the notice then has an h2 and
    /// leaves the page's title alone.
    #[prop(optional)]
    part: bool,
) -> impl IntoView {
    let labels = labels();
    let heading = labels.fill(Label::CouldNotLoad, &[("what", labels.get(what))]);
    let (retry, retrying) = (
        labels.get(Label::Retry).to_owned(),
        labels.get(Label::Retrying).to_owned(),
    );
    let details = labels.get(Label::ErrorDetails).to_owned();
    let title = if part {
        view! { <h2 id="error-heading">{heading}</h2> }.into_any()
    } else {
        view! {
            <PageMeta meta=Meta {
                title: heading.clone(),
                description: error.reader_message(),
                noindex: true,
            } />
            <h1 id="error-heading">{heading}</h1>
        }
        .into_any()
    };
    view! {
        <section class="notice notice--error" role="alert" aria-labelledby="error-heading">
            {title}
            <p>{error.reader_message()}</p>
            <p>
                // Busy, not disabled, while it retries: a disabled button
                // loses the keyboard's focus.
                <button
                    type="button"
                    class="button"
                    aria-disabled=move || pending.get().then_some("true")
                    on:click=move |_| {
                        if !pending.get_untracked() {
                            on_retry.run(())
                        }
                    }
                >
                    {move || if pending.get() { retrying.clone() } else { retry.clone() }}
                </button>
            </p>
            <details class="notice__detail">
                <summary>{details}</summary>
                {error.to_string()}
            </details>
        </section>
    }
}
