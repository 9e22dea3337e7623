use leptos::prelude::*;

/// One link of a list, `<li><a href>label</a></li>`: the footer's links,
/// the breadcrumb's trail (the header's links say which is the current
/// page, `site_header.rs`).
pub fn link_item(label: String, href: String) -> impl IntoView {
    view! {
        <li>
            <a href=href>{label}</a>
        </li>
    }
}
