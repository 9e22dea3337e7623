use crate::labels::labels;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use reader_model::Label;

use crate::paths;

/// The header's search form: a word, then the search page's results.
///
/// Without the app it is a plain GET form to `/search?q=…`; with it, the
/// submission is a client-side navigation.
#[component]
pub fn SearchBox() -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let navigate = use_navigate();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let query = input.get().map(|input| input.value()).unwrap_or_default();
        navigate(
            &paths::search_href(query.trim(), 1),
            paths::navigation(false, true),
        );
    };
    let labels = labels();
    view! {
        <form class="search-box" role="search" aria-label=labels.get(Label::Search).to_owned() action=paths::search_href("", 1) method="get" on:submit=on_submit>
            <label class="visually-hidden" for="site-search">{labels.get(Label::SearchTheNews).to_owned()}</label>
            <input id="site-search" node_ref=input type="search" name=paths::QUERY_PARAM placeholder=labels.get(Label::SearchTheNews).to_owned() autocomplete="off" />
            <button type="submit">{labels.get(Label::Search).to_owned()}</button>
        </form>
    }
}
