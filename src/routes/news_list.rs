use leptos::prelude::*;

use super::loaded::loaded;
use crate::client;
use crate::display::list_title;
use crate::loader::Loader;
use crate::site_context::use_site;
use crate::views::{ListSkeleton, NewsListPage};

/// `/`: the news list.
#[component]
pub fn NewsListRoute() -> impl IntoView {
    let index = Loader::new(client::news_index);
    let site = use_site();
    loaded(
        index,
        "the news list",
        None,
        || view! { <ListSkeleton /> }.into_any(),
        move |index| {
            let site = site.and_then(|site| site.site());
            let title = list_title(site.as_ref());
            let description = site.map(|site| site.description).unwrap_or_default();
            view! { <NewsListPage index title description /> }
        },
    )
}
