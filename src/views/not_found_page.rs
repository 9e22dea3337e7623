use leptos::prelude::*;

use super::PageMeta;
use crate::paths;

/// "Not found", with a way home; kept out of search engines.
#[component]
pub fn NotFoundPage(
    /// What could not be found, in a sentence.
    #[prop(into)]
    message: String,
) -> impl IntoView {
    view! {
        <PageMeta title="Page not found" description=message.clone() noindex=true />
        <section class="notice notice--not-found" aria-labelledby="not-found-heading">
            <h1 id="not-found-heading">"Page not found"</h1>
            <p>{message}</p>
            <p>
                <a class="button" href=paths::home()>
                    "Go to the news list"
                </a>
            </p>
        </section>
    }
}
