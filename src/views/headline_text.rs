use leptos::prelude::*;
use reader_model::Breaks;

/// A headline as text, with a `<wbr>` after each piece between the places
/// its lines may break (a Chinese headline's words, found by the content
/// build): where headlines are styled `word-break: keep-all` in Chinese, a
/// line then breaks only there. A headline with no breaks is one piece. A
/// component, so that its views are made by one piece of code wherever a
/// headline is.
#[component]
pub fn HeadlineText(text: String, breaks: Breaks) -> impl IntoView {
    breaks
        .pieces(&text)
        .into_iter()
        .map(|piece| view! { {piece.to_owned()}<wbr /> })
        .collect_view()
}
