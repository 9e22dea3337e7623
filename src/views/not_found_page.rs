use leptos::prelude::*;

use super::PageMeta;
use crate::paths;

/// The id of the "not found" heading: the loader starts the app at once
/// on a page that has it (the host serves "not found" for any address it
/// does not have; the app may know it: an old list address, say).
pub const HEADING_ID: &str = "not-found-heading";

/// "Not found", with a way home; kept out of search engines.
#[component]
pub fn NotFoundPage(
    /// What could not be found, in a sentence.
    #[prop(into)]
    message: String,
) -> impl IntoView {
    view! {
        <PageMeta title="Page not found" description=message.clone() noindex=true />
        <section class="notice notice--not-found" aria-labelledby=HEADING_ID>
            <h1 id=HEADING_ID>"Page not found"</h1>
            <p>{message}</p>
            <p>
                <a class="button" href=paths::home()>
                    "Go to the news list"
                </a>
            </p>
        </section>
    }
}
