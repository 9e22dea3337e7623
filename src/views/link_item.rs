use leptos::prelude::*;

/// One link of a list, `<li><a href>label</a></li>`: the header's
/// navigation, the footer's links, the breadcrumb's trail.
pub fn link_item(label: String, href: String) -> impl IntoView {
    view! {
        <li>
            <a href=href>{label}</a>
        </li>
    }
}
