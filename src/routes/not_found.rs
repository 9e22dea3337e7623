use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_location, use_navigate};

use crate::client;
use crate::page_focus::PageArrived;
use crate::paths;
use crate::views::NotFoundPage;

/// Any address the app does not know. An address of the list pages of
/// earlier builds (`/news/page/3`, counted from the newest) moves on to
/// the page that now shows that page's articles, once the list's front
/// says where (archive pages are now counted from the oldest, so they
/// keep their articles as news is published).
#[component]
pub fn NotFoundRoute() -> impl IntoView {
    let pathname = use_location().pathname.get_untracked();
    if let Some((section, n)) = paths::old_list_page(&pathname) {
        let front = client::list_page(section.as_ref(), None);
        let navigate = use_navigate();
        spawn_local(async move {
            if let Ok(front) = front.await
                && let Some(page) = front.moved_page(n)
            {
                let to = paths::list_href(front.section.as_ref(), page);
                navigate(&to, paths::navigation(true, true));
            }
        });
    }
    view! {
        <NotFoundPage />
        <PageArrived />
    }
}
