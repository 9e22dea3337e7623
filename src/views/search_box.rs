use crate::labels::labels;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use reader_model::Label;

use crate::paths;

/// The id of the header's search box (the loader knows it: a reader who
/// focuses it on a page the reading app runs is about to need the whole
/// app, see `crates/prerender/src/loader.js`).
pub const SEARCH_BOX_ID: &str = "site-search";

/// The header's search form: a word, then the search page's results.
///
/// Without the app it is a plain GET form to `/search?q=…`; with it, the
/// submission is a client-side navigation (in the reading app, which has
/// no search, a load of the search page).
#[component]
pub fn SearchBox() -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let navigate = use_navigate();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(input) = input.get() else {
            return;
        };
        let query = input.value();
        navigate(
            &paths::search_href(query.trim(), 1),
            paths::navigation(false, true),
        );
        // The search page's own box has the words now.
        input.set_value("");
    };
    let labels = labels();
    view! {
        <form class="search-box" role="search" aria-label=labels.get(Label::Search).to_owned() action=paths::search_href("", 1) method="get" on:submit=on_submit>
            <label class="visually-hidden" for=SEARCH_BOX_ID>{labels.get(Label::SearchTheNews).to_owned()}</label>
            <input id=SEARCH_BOX_ID node_ref=input type="search" name=paths::QUERY_PARAM placeholder=labels.get(Label::SearchTheNews).to_owned() autocomplete="off" />
            <button type="submit">{labels.get(Label::Search).to_owned()}</button>
        </form>
    }
}
