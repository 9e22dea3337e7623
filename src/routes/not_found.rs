use leptos::prelude::*;

use crate::page_focus::PageArrived;
use crate::views::NotFoundPage;

/// Any address the app does not know.
#[component]
pub fn NotFoundRoute() -> impl IntoView {
    view! {
        <NotFoundPage message="There is no page at this address. It may have moved, or the link may be mistyped." />
        <PageArrived />
    }
}
