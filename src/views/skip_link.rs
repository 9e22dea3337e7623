use crate::labels::label;
use leptos::prelude::*;
use reader_model::Label;
use wasm_bindgen::JsCast;

/// "Skip to content": the first thing a keyboard reaches. The router would
/// treat the `#main` click as a navigation and only change the URL, so the
/// click moves focus to `<main>` itself (without script, the plain link
/// does the same).
#[component]
pub fn SkipLink() -> impl IntoView {
    let skip = |event: leptos::ev::MouseEvent| {
        let main = document()
            .get_element_by_id("main")
            .and_then(|main| main.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(main) = main {
            event.prevent_default();
            let _ = main.focus();
        }
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip>
            {label(Label::SkipToContent)}
        </a>
    }
}
