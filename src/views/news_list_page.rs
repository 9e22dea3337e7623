use leptos::prelude::*;
use reader_model::{ListPage, Site};

use super::{NewsCard, PageMeta, Pagination};
use crate::display::{list_heading, list_meta, list_title};

/// One page of the news list, or of a section's list, newest first, with
/// links to the pages around it.
#[component]
pub fn NewsListPage(page: ListPage, site: Option<Site>) -> impl IntoView {
    let heading = list_heading(&list_title(site.as_ref()), &page);
    let (title, description) = list_meta(site.as_ref(), &page);
    let items = page.articles().to_vec();
    let section = page.section.clone();
    let link = move |n: usize| crate::paths::list_href(section.as_ref(), n);
    let empty = items.is_empty();
    let position = (page.pages > 1).then(|| format!("Page {} of {}", page.page, page.pages));
    view! {
        <PageMeta title description />
        <section class="news-list" aria-labelledby="news-list-heading">
            <h1 id="news-list-heading" class="news-list__heading">{heading}</h1>
            {position.map(|text| view! { <p class="news-list__position">{text}</p> })}
            {empty.then(|| view! { <p class="news-list__empty">"No news has been published yet."</p> })}
            <ol class="news-list__items">
                {items
                    .into_iter()
                    .map(|item| view! { <li><NewsCard item /></li> })
                    .collect_view()}
            </ol>
            <Pagination page=page.page pages=page.pages link labels=("← Newer", "Older →") label="Pages" />
        </section>
    }
}
