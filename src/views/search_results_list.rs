use crate::labels::labels;
use leptos::prelude::*;
use reader_model::Label;
use reader_search::{ExcerptPart, SearchQuery, SearchResults};

use super::{HeadlineText, Pagination, SectionAndDate};
use crate::paths;

/// How many characters of the query the count repeats.
const QUERY_SHOWN: usize = 80;

/// What a search found, in a line ("6 articles match “lab”, best
/// first."): the search page shows it in its live region, which is on the
/// page from the start, so that screen readers announce the first count
/// too.
pub fn count_text(results: &SearchResults, query: &str) -> String {
    let query = query.trim();
    let pages = results.pages();
    let past_end = results.page.max(1) > pages;
    let (total, pages_text) = (results.total.to_string(), pages.to_string());
    // The words as the count repeats them: a long query (a pasted
    // paragraph) cut short, so the count stays a line or two.
    let said = match query.char_indices().nth(QUERY_SHOWN) {
        Some((at, _)) => format!("{}…", query[..at].trim_end()),
        None => query.to_owned(),
    };
    let values = [
        ("query", said.as_str()),
        ("count", total.as_str()),
        ("pages", pages_text.as_str()),
    ];
    let labels = labels();
    let query = SearchQuery::new(query);
    let found = match results.total {
        0 if query.last_word_too_short_to_begin() => labels.fill(Label::MatchesNoneYet, &values),
        0 if results.unfinished => labels.fill(Label::MatchesNoneBegun, &values),
        0 => labels.fill(Label::MatchesNone, &values),
        _ if past_end => labels.fill(Label::MatchesPastEnd, &values),
        1 => labels.fill(Label::MatchesOne, &values),
        _ if results.more => labels.fill(Label::MatchesMore, &values),
        _ => labels.fill(Label::MatchesMany, &values),
    };
    if query.left_out {
        let most = reader_search::MOST_WORDS.to_string();
        let note = labels.fill(Label::FirstWordsSearched, &[("count", most.as_str())]);
        format!("{found} {note}")
    } else {
        found
    }
}

/// The articles a search found, best first: headline (the link), section
/// and date, and its excerpt (`excerpts`, one for each hit, in order: the
/// summary with the matching words marked, or, once the route has it, the
/// passage of the text they are in).
#[component]
pub fn SearchResultsList(
    results: SearchResults,
    #[prop(into)] query: String,
    excerpts: Vec<RwSignal<Vec<ExcerptPart>>>,
) -> impl IntoView {
    let query = query.trim().to_owned();
    // A query of no words has page 0; a page past the last (an old link,
    // an edited address) has no hits, and its one link goes to the last.
    let (page, pages) = (results.page.max(1), results.pages());
    let past_end = page > pages;
    let first = (page - 1) * SearchResults::PAGE_SIZE + 1;
    let words = query.clone();
    let newer = match past_end {
        true => Some(paths::search_href(&words, pages)),
        false => (page > 1).then(|| paths::search_href(&words, page - 1)),
    };
    let older = (!past_end && page < pages).then(|| paths::search_href(&words, page + 1));
    let labels = labels();
    let (page_text, pages_text) = (page.to_string(), pages.to_string());
    let position = (!past_end).then(|| {
        labels.fill(
            Label::PageOf,
            &[("page", &page_text), ("pages", &pages_text)],
        )
    });
    let links = (
        labels.get(Label::BetterMatches).to_owned(),
        labels.get(Label::MoreResults).to_owned(),
    );
    let pages_label = labels.get(Label::ResultPages).to_owned();
    view! {
        <ol class="search-results" start=first>
            {results
                .hits
                .into_iter()
                .zip(excerpts)
                .map(|(hit, excerpt)| {
                    view! {
                        <li class="search-result">
                            <h2 class="search-result__headline">
                                <a href=paths::article_href(&hit.slug)><HeadlineText text=hit.headline breaks=hit.headline_breaks /></a>
                            </h2>
                            <SectionAndDate section=hit.section date=hit.published />
                            <p class="search-result__excerpt">
                                {move || {
                                    excerpt
                                        .get()
                                        .into_iter()
                                        .map(|part| match part {
                                            ExcerptPart::Text(text) => text.into_any(),
                                            ExcerptPart::Match(text) => view! { <mark>{text}</mark> }.into_any(),
                                        })
                                        .collect_view()
                                }}
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <Pagination newer older position labels=links label=pages_label />
    }
}
