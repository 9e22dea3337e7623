use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::loaded::loaded_part;
use crate::client;
use crate::display::{SEARCH_DESCRIPTION, SEARCH_TITLE};
use crate::loader::Loader;
use crate::page_focus::PageArrived;
use crate::paths;
use crate::views::{PageMeta, SearchResultsList};

/// `/search?q=…`: a box, and the articles matching what is typed in it.
/// Each change of the box replaces the address, so a search can be
/// bookmarked, shared and reloaded.
#[component]
pub fn SearchRoute() -> impl IntoView {
    let query = use_query_map();
    let typed = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let page = Memo::new(move |_| {
        query
            .read()
            .get("page")
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|n| *n >= 1)
            .unwrap_or(1)
    });
    let has_query = Memo::new(move |_| !typed.read().trim().is_empty());
    let navigate = use_navigate();
    let on_input = move |event| {
        let text = event_target_value(&event);
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            ..NavigateOptions::default()
        };
        navigate(&paths::search_href(text.trim(), 1), options);
    };
    let results = move || {
        if has_query.get() {
            let answer = Loader::new(move || client::search(&typed.get(), page.get()));
            loaded_part(
                answer,
                "search results",
                || view! { <p class="search-page__hint">"Searching…"</p> }.into_any(),
                move |results| view! { <SearchResultsList results query=typed.get_untracked() /> },
            )
        } else {
            view! {
                <p class="search-page__hint">
                    "Type a word from a headline or an article, or a speaker’s name."
                </p>
                <PageArrived />
            }
            .into_any()
        }
    };
    view! {
        <PageMeta title=SEARCH_TITLE description=SEARCH_DESCRIPTION />
        <section class="search-page" aria-labelledby="search-heading">
            <h1 id="search-heading" class="news-list__heading">{SEARCH_TITLE}</h1>
            <form class="search-page__form" role="search" aria-label="Search the archive"
                action=paths::search_href("", 1) method="get"
                on:submit=|event: leptos::ev::SubmitEvent| event.prevent_default()>
                <label for="search-query">"Search the news"</label>
                <input id="search-query" type="search" name="q" autocomplete="off"
                    prop:value=move || typed.get() on:input=on_input />
            </form>
            <noscript>
                <p class="search-page__hint">
                    "Search runs in your browser and needs JavaScript. Every article is also listed, newest first, in the news list and in each section."
                </p>
            </noscript>
            {results}
        </section>
    }
}
