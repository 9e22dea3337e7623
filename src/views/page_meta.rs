use leptos::prelude::*;

use crate::display::page_title;
use crate::meta::Meta;
use crate::site_context::use_site;

/// The document title (`<page> · <site>`) and meta description of a page
/// ([`Meta`]); `noindex` keeps a page (such as "not found") out of search
/// engines.
///
/// It renders nothing: once the page is on screen it writes the head
/// itself. A prerendered page's head already says the same (the prerender
/// writes it from the same data, `crates/prerender/src/head.rs`), so this
/// only matters after a client-side navigation.
///
/// A page whose title changes while it is shown (the search page names
/// what is searched) gives it as `title`, which stands for the meta's:
/// one effect writes the head, so no other can overwrite it.
#[component]
pub fn PageMeta(meta: Meta, #[prop(optional)] title: Option<Signal<String>>) -> impl IntoView {
    let Meta {
        title: fixed_title,
        description,
        noindex,
    } = meta;
    let site = use_site();
    Effect::new(move |_| {
        let name = site.and_then(|site| site.site()).map(|site| site.name);
        let document = document();
        let title = title.map(|title| title.get());
        let title = title.as_deref().unwrap_or(&fixed_title);
        document.set_title(&page_title(title, name.as_deref()));
        set_meta(&document, "description", Some(&description));
        set_meta(&document, "robots", noindex.then_some("noindex"));
    });
}

/// Sets `<meta name=… content=…>` in the head, adding the tag if needed;
/// `None` removes it.
fn set_meta(document: &web_sys::Document, name: &str, content: Option<&str>) {
    let existing = document
        .query_selector(&format!(r#"head meta[name="{name}"]"#))
        .ok()
        .flatten();
    match (existing, content) {
        (Some(tag), Some(content)) => {
            let _ = tag.set_attribute("content", content);
        }
        (Some(tag), None) => tag.remove(),
        (None, Some(content)) => {
            let Ok(tag) = document.create_element("meta") else {
                return;
            };
            let _ = tag.set_attribute("name", name);
            let _ = tag.set_attribute("content", content);
            if let Some(head) = document.head() {
                let _ = head.append_child(&tag);
            }
        }
        (None, None) => {}
    }
}
