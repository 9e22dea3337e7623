use leptos::prelude::*;

use super::PageMeta;
use crate::labels::label;
use crate::meta::Meta;
use crate::paths;
use reader_model::Label;

/// The id of the "not found" heading: the loader starts the app at once
/// on a page that has it (the host serves "not found" for any address it
/// does not have; the app may know it: an old list address, say).
pub const HEADING_ID: &str = "not-found-heading";

/// "Not found", with a way home; kept out of search engines.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <PageMeta meta=Meta::not_found() />
        <section class="notice notice--not-found" aria-labelledby=HEADING_ID>
            <h1 id=HEADING_ID>{label(Label::NotFound)}</h1>
            <p>{label(Label::NotFoundMessage)}</p>
            <p>
                <a class="button" href=paths::home()>
                    {label(Label::GoToNewsList)}
                </a>
            </p>
        </section>
    }
}
