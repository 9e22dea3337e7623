use crate::labels::label;
use leptos::prelude::*;
use reader_model::Label;
use reader_model::{ListPage, Newer, Site};

use super::{NewsCard, PageMeta, Pagination};
use crate::display::{list_dates, list_heading, list_title};
use crate::hydrate_later::later;
use crate::meta::Meta;

/// The front or an archive page of the news list, or of a section's list,
/// newest first, with links to the pages around it and, on an archive
/// page, the days it covers.
#[component]
pub fn NewsListPage(page: ListPage, site: Option<Site>) -> impl IntoView {
    let heading = list_heading(&list_title(site.as_ref()), &page);
    let meta = Meta::list(site.as_ref(), &page);
    let items = page.articles().to_vec();
    let section = page.section.clone();
    let href = move |page: Option<usize>| crate::paths::list_href(section.as_ref(), page);
    let newer = page.newer_link().map(|newer| match newer {
        Newer::Front => href(None),
        Newer::Page(k) => href(Some(k)),
    });
    let older = page.older.map(|k| href(Some(k)));
    let empty = items.is_empty();
    let position = page.page.and(list_dates(&page));
    view! {
        <PageMeta meta />
        <section class="news-list" aria-labelledby="news-list-heading">
            <h1 id="news-list-heading" class="news-list__heading">{heading}</h1>
            {position.clone().map(|text| view! { <p class="news-list__position">{text}</p> })}
            {empty.then(|| view! { <p class="news-list__empty">{label(Label::NoNews)}</p> })}
            <ol class="news-list__items">
                {later(
                    items
                        .into_iter()
                        .map(|item| view! { <li><NewsCard item /></li> })
                        .collect_view()
                        .into_any(),
                )}
            </ol>
            <Pagination newer older position labels=(label(Label::Newer), label(Label::Older)) label=label(Label::Pages) />
        </section>
    }
}
