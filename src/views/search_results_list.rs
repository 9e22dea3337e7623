use leptos::prelude::*;
use reader_search::{ExcerptPart, SearchResults};

use super::{Pagination, SectionAndDate};
use crate::paths;

/// The articles a search found, best first: headline (the link), section
/// and date, and an excerpt with the matching words marked. The count is
/// announced to screen readers as it changes.
#[component]
pub fn SearchResultsList(results: SearchResults, #[prop(into)] query: String) -> impl IntoView {
    let query = query.trim().to_owned();
    let (page, pages) = (results.page, results.pages());
    let first = (page.max(1) - 1) * SearchResults::PAGE_SIZE + 1;
    let words = query.clone();
    let newer = (page > 1).then(|| paths::search_href(&words, page - 1));
    let older = (page < pages).then(|| paths::search_href(&words, page + 1));
    let position = Some(format!("Page {page} of {pages}"));
    let count = match results.total {
        0 => format!("No articles match “{query}”."),
        1 => format!("1 article matches “{query}”."),
        n if results.more => format!("More than {n} articles match “{query}”, best first."),
        n => format!("{n} articles match “{query}”, best first."),
    };
    view! {
        <p class="search-page__count" role="status">{count}</p>
        <ol class="search-results" start=first>
            {results
                .hits
                .into_iter()
                .map(|hit| {
                    view! {
                        <li class="search-result">
                            <h2 class="search-result__headline">
                                <a href=paths::article_href(&hit.slug)>{hit.headline}</a>
                            </h2>
                            <SectionAndDate section=hit.section date=hit.published />
                            <p class="search-result__excerpt">
                                {hit
                                    .excerpt
                                    .into_iter()
                                    .map(|part| match part {
                                        ExcerptPart::Text(text) => text.into_any(),
                                        ExcerptPart::Match(text) => view! { <mark>{text}</mark> }.into_any(),
                                    })
                                    .collect_view()}
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <Pagination newer older position labels=("← Better matches", "More results →") label="Result pages" />
    }
}
