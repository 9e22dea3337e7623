use leptos::prelude::*;

use crate::page_focus::PageArrived;
use crate::views::NotFoundPage;

/// What "not found" says about an address the app does not know.
pub const NOT_FOUND_MESSAGE: &str =
    "There is no page at this address. It may have moved, or the link may be mistyped.";

/// Any address the app does not know.
#[component]
pub fn NotFoundRoute() -> impl IntoView {
    view! {
        <NotFoundPage message=NOT_FOUND_MESSAGE />
        <PageArrived />
    }
}
