use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::display::page_title;
use crate::site_context::use_site;

/// The document title (`<page> · <site>`) and meta description of a page;
/// `noindex` keeps a page (such as "not found") out of search engines.
#[component]
pub fn PageMeta(
    #[prop(into)] title: String,
    #[prop(into)] description: String,
    #[prop(optional)] noindex: bool,
) -> impl IntoView {
    let site = use_site();
    let full_title = move || {
        let name = site.and_then(|site| site.site()).map(|site| site.name);
        page_title(&title, name.as_deref())
    };
    view! {
        <Title text=full_title />
        <Meta name="description" content=description />
        {noindex.then(|| view! { <Meta name="robots" content="noindex" /> })}
    }
}
