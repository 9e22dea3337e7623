use futures::channel::oneshot;
use futures::future::{Either, select};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::loaded::loaded_part;
use crate::client;
use crate::labels::label;
use crate::loader::Loader;
use crate::meta::Meta;
use crate::page_focus::PageArrived;
use crate::paths;
use crate::views::{PageMeta, SearchResultsList, count_text};
use reader_model::Label;
use reader_search::{ExcerptPart, SearchQuery, SearchResults, marks_any};

/// `/search?q=…`: a box, and the articles matching what is typed in it.
///
/// The box drives the search at once. The address follows once the
/// results are on screen (replaced, so a search can be bookmarked, shared
/// and reloaded without filling the history): the router's work, and the
/// browser's own on an address change (it asks for the favicon again),
/// stay off the path from a key press to its results. An address that
/// changes otherwise (the header's box, a results page link, Back) drives
/// the box and the search.
#[component]
pub fn SearchRoute() -> impl IntoView {
    let address = address();
    // The page rendered at build time has an empty box: hydrating, the
    // app shows the same, and the address fills it a moment later.
    let (from_address, page_from_address) = if crate::prerendered::is_hydrating() {
        (String::new(), 1)
    } else {
        address.get_untracked()
    };
    let typed = RwSignal::new(from_address);
    let page = RwSignal::new(page_from_address);
    // Another page of the same results, asked for by the address (a
    // results page link, Back): the focus goes to its first result once it
    // is on screen, as it goes to a new page's heading (the link the
    // reader followed is gone with the page it was on).
    let to_results = StoredValue::new(false);
    // What the reader typed in the page's box before the app came (the
    // app loads on that first act): hydrating empties the box, so at first
    // those words stand for the address's, go back in, and are searched.
    let early = typed_before_the_app();
    // A page opened without words: the search's code is compiled while
    // the reader is still to type (in the browser, once it has painted).
    #[cfg(target_arch = "wasm32")]
    if early.is_none() && address.get_untracked().0.is_empty() {
        leptos::task::spawn_local(async {
            crate::main_thread::after_paint().await;
            client::warm_up_search().await;
        });
    }
    Effect::new(move |previous: Option<()>| {
        let (text, n) = address.get();
        let (text, n) = match (&previous, &early) {
            (None, Some(early)) => (early.clone(), 1),
            _ => (text, n),
        };
        let same_words = typed.get_untracked().trim() == text;
        if !same_words {
            typed.set(text);
        }
        if page.get_untracked() != n {
            to_results.set_value(previous.is_some() && same_words);
            page.set(n);
        }
    });
    // What is searched: the box's words (a space more is the same search).
    let wanted = Memo::new(move |_| typed.read().trim().to_owned());
    let has_query = Memo::new(move |_| !wanted.read().is_empty());
    // What the search found, in a line (`count_text`).
    let said = RwSignal::new(String::new());
    let follow = follow(wanted, page, address);
    let take = move |words: String| {
        typed.set(words);
        page.set(1);
        // An empty box has no results to wait for.
        if !has_query.get_untracked() {
            follow();
        }
    };
    // Words still being composed (pinyin, before the characters are
    // chosen) are not searched: the characters are, once chosen.
    let on_input = move |event: leptos::ev::Event| {
        if !is_composing(&event) {
            take(event_target_value(&event));
        }
    };
    let on_composed = move |event: leptos::ev::CompositionEvent| take(event_target_value(&event));
    let latest = Latest::new(wanted, page, said);
    let results = move || {
        if has_query.get() {
            let answer = Loader::new(move || latest.search(wanted.get(), page.get()));
            loaded_part(
                answer,
                Label::WhatSearch,
                searching,
                move |answer: Option<(String, SearchResults)>| {
                    // A search the reader typed past: the next one is coming.
                    let Some((query, results)) = answer else {
                        return searching();
                    };
                    said.set(count_text(&results, &query));
                    follow();
                    if to_results.get_value() {
                        to_results.set_value(false);
                        focus_first_result();
                    }
                    let excerpts = excerpts(&results, &query);
                    view! { <SearchResultsList results query excerpts /> }.into_any()
                },
            )
        } else {
            said.set(String::new());
            view! {
                <p class="search-page__hint">
                    {label(Label::SearchHint)}
                </p>
                <PageArrived />
            }
            .into_any()
        }
    };
    // The tab, the history and a bookmark name what was searched.
    let title = Signal::derive(move || {
        let query = wanted.get();
        if query.is_empty() {
            label(Label::Search)
        } else {
            crate::labels::labels().fill(Label::SearchTitle, &[("query", &query)])
        }
    });
    view! {
        <PageMeta meta=Meta::search() title />
        <section class="search-page" aria-labelledby="search-heading">
            <h1 id="search-heading" class="news-list__heading">{label(Label::Search)}</h1>
            <form class="search-page__form" role="search" aria-label=label(Label::SearchTheArchive)
                action=paths::search_href("", 1) method="get"
                on:submit=|event: leptos::ev::SubmitEvent| event.prevent_default()>
                <label for=QUERY_BOX_ID>{label(Label::SearchTheNews)}</label>
                <input id=QUERY_BOX_ID type="search" name=paths::QUERY_PARAM autocomplete="off"
                    prop:value=move || typed.get() on:input=on_input
                    on:compositionend=on_composed />
            </form>
            <noscript>
                <p class="search-page__hint">{label(Label::SearchNeedsScript)}</p>
            </noscript>
            // Shown by the page's loader, should the app not start (the
            // page has no results without it); never by the app.
            <p id=DID_NOT_START_ID class="search-page__failed" role="alert" hidden>
                {label(Label::SearchDidNotStart)}
            </p>
            // The count, announced as it changes: on the page from the start.
            <p class="search-page__count" role="status">{move || said.get()}</p>
            {results}
        </section>
    }
}

/// The id of the search page's own box.
const QUERY_BOX_ID: &str = "search-query";

/// The id of the search page's notice that the app did not start (the
/// loader's `didNotStartId`).
pub const DID_NOT_START_ID: &str = "search-did-not-start";

/// What the page shows while a search is under way.
fn searching() -> AnyView {
    view! { <p class="search-page__hint">{label(Label::Searching)}</p> }.into_any()
}

/// The one search that counts: the newest. A loader runs its requests one
/// after another, each to its end, so a search the reader has typed past
/// would hold up the next and then show its results under the newer
/// words. Here a search in flight ends, with no answer (`None`), as soon
/// as the words or the page change; the answer of one that ends names
/// the words it answers.
#[derive(Clone, Copy)]
struct Latest {
    /// The search in flight (its words and page), and what ends it.
    running: StoredValue<Option<(String, usize, oneshot::Sender<()>)>, LocalStorage>,
}

impl Latest {
    fn new(wanted: Memo<String>, page: RwSignal<usize>, said: RwSignal<String>) -> Self {
        let running = StoredValue::new_local(None::<(String, usize, oneshot::Sender<()>)>);
        Effect::new(move |previous: Option<()>| {
            let (text, n) = (wanted.get(), page.get());
            if previous.is_none() {
                return;
            }
            // What the page says it found was found for other words.
            said.set(String::new());
            running.update_value(|running| {
                if running
                    .as_ref()
                    .is_some_and(|(t, m, _)| (t, *m) != (&text, n))
                {
                    *running = None;
                }
            });
        });
        Self { running }
    }

    /// Page `n` of the articles matching `text`, unless a newer search
    /// comes first.
    fn search(
        self,
        text: String,
        n: usize,
    ) -> impl std::future::Future<
        Output = Result<Option<(String, SearchResults)>, client::FetchError>,
    > + use<> {
        let request = client::search(&text, n);
        let (end, ended) = oneshot::channel();
        self.running.set_value(Some((text.clone(), n, end)));
        async move {
            match select(Box::pin(request), ended).await {
                Either::Left((answer, _)) => answer.map(|results| Some((text, results))),
                Either::Right(_) => Ok(None),
            }
        }
    }
}

/// Whether an `input` event comes while an input method composes.
fn is_composing(event: &leptos::ev::Event) -> bool {
    use wasm_bindgen::JsCast;
    event
        .dyn_ref::<web_sys::InputEvent>()
        .is_some_and(web_sys::InputEvent::is_composing)
}

/// While the app hydrates the prerendered search page: what is in its box
/// (the reader typed it before the app came), if anything.
fn typed_before_the_app() -> Option<String> {
    use wasm_bindgen::JsCast;
    if !crate::prerendered::is_hydrating() {
        return None;
    }
    let input = document().get_element_by_id(QUERY_BOX_ID)?;
    let text = input.dyn_into::<web_sys::HtmlInputElement>().ok()?.value();
    (!text.trim().is_empty()).then_some(text)
}

/// What the address asks for: the words, and the page of results (from 1).
fn address() -> Memo<(String, usize)> {
    let query = use_query_map();
    Memo::new(move |_| {
        let query = query.read();
        let page = query
            .get(paths::PAGE_PARAM)
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|n| *n >= 1)
            .unwrap_or(1);
        (query.get(paths::QUERY_PARAM).unwrap_or_default(), page)
    })
}

/// The address, made to say what is searched (after the next frame, out
/// of the rendering that calls it); nothing if it already does, or if the
/// reader has left the page meanwhile.
fn follow(
    wanted: Memo<String>,
    page: RwSignal<usize>,
    address: Memo<(String, usize)>,
) -> impl Fn() + Copy + Send + Sync + 'static {
    let navigate = StoredValue::new_local(use_navigate());
    move || {
        request_animation_frame(move || {
            let (Some(text), Some(n), Some(shown)) = (
                wanted.try_get_untracked(),
                page.try_get_untracked(),
                address.try_get_untracked(),
            ) else {
                return;
            };
            if shown != (text.clone(), n) {
                let options = paths::navigation(true, false);
                navigate.with_value(|navigate| navigate(&paths::search_href(&text, n), options));
            }
        });
    }
}

/// Moves the focus to the first result's link once it is on screen (the
/// count, if the page has none).
fn focus_first_result() {
    request_animation_frame(|| {
        let document = document();
        let target = document
            .query_selector(".search-result__headline a")
            .ok()
            .flatten()
            .or_else(|| {
                document
                    .query_selector(".search-page__count")
                    .ok()
                    .flatten()
            });
        if let Some(target) = target.and_then(|el| {
            use wasm_bindgen::JsCast;
            el.dyn_into::<web_sys::HtmlElement>().ok()
        }) {
            if target.get_attribute("href").is_none() {
                let _ = target.set_attribute("tabindex", "-1");
            }
            let _ = target.focus();
        }
    });
}

/// Each hit's excerpt: its summary with the query's words marked; where the
/// summary has none of them (they are only in the article's text), the
/// passage of the text they are in, once the article is here
/// (`client::passage`). A hit whose headline holds every word says why it
/// was found: its article is not fetched. A hit whose article cannot be
/// had keeps its summary; results replaced before their articles come
/// (the reader typed on) cancel those requests.
fn excerpts(results: &SearchResults, query: &str) -> Vec<RwSignal<Vec<ExcerptPart>>> {
    let words = SearchQuery::new(query);
    (results.hits.iter())
        .map(|hit| {
            let shown = RwSignal::new(hit.excerpt.clone());
            if !marks_any(&hit.excerpt) && !words.all_in(&hit.headline) {
                let passage = client::passage(&hit.slug, query);
                leptos::task::spawn_local(async move {
                    if let Some(passage) = passage.await {
                        let _ = shown.try_set(passage);
                    }
                });
            }
            shown
        })
        .collect()
}
