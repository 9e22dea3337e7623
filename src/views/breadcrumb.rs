use crate::labels::label;
use leptos::prelude::*;
use reader_model::Label;

use super::link_item;
use crate::display::list_title;
use crate::paths;
use crate::site_context::use_site;

/// Home › News & Events › (its parent, if any) › (the current page).
///
/// "Home" leads to the institution's home page when the site names one,
/// "News & Events" to the news list. Both follow the site once it loads.
/// `parent` is the page this one belongs to, as its label and address (a
/// speaker's page: all speakers).
#[component]
pub fn Breadcrumb(
    #[prop(into)] current: String,
    #[prop(optional)] parent: Option<(String, String)>,
) -> impl IntoView {
    let context = use_site();
    let ancestors = move || {
        let site = context.and_then(|context| context.site());
        let (home_label, home_href) = site
            .as_ref()
            .and_then(|site| site.home.clone())
            .map_or_else(
                || (label(Label::Home), paths::home()),
                |home| (home.label, paths::resolve(&home.href)),
            );
        let list_title = list_title(site.as_ref());
        view! {
            {link_item(home_label, home_href)}
            {link_item(list_title, paths::home())}
        }
    };
    view! {
        <nav class="breadcrumb" aria-label=label(Label::Breadcrumb)>
            <ol>
                {ancestors}
                {parent.map(|(parent_label, href)| link_item(parent_label, href))}
                <li aria-current="page">{current}</li>
            </ol>
        </nav>
    }
}
