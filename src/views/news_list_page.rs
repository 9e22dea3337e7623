use leptos::prelude::*;
use reader_model::NewsIndex;

use super::{NewsCard, PageMeta};

/// The news list, newest first.
#[component]
pub fn NewsListPage(
    index: NewsIndex,
    /// The list's heading ("News & Events").
    #[prop(into)]
    title: String,
    /// The page's meta description.
    #[prop(into)]
    description: String,
) -> impl IntoView {
    let items = index.articles().to_vec();
    let empty = items.is_empty();
    view! {
        <PageMeta title=title.clone() description />
        <section class="news-list" aria-labelledby="news-list-heading">
            <h1 id="news-list-heading" class="news-list__heading">{title}</h1>
            {empty.then(|| view! { <p class="news-list__empty">"No news has been published yet."</p> })}
            <ol class="news-list__items">
                {items
                    .into_iter()
                    .map(|item| view! { <li><NewsCard item /></li> })
                    .collect_view()}
            </ol>
        </section>
    }
}
