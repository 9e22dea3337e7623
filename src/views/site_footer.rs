use crate::labels::label;
use leptos::prelude::*;
use reader_model::Label;

use super::link_item;
use crate::paths;

use crate::site_context::use_site;

/// The site's footer: "Stay Connected" and its links, and the site's note.
/// If the site could not be loaded, says so and offers to try again.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    let content = move || {
        let context = site?;
        if let Some(site) = context.site() {
            let footer = site.footer;
            return Some(
                view! {
                    <h2 class="site-footer__heading">{footer.heading}</h2>
                    <ul class="site-footer__links">
                        {footer
                            .links
                            .into_iter()
                            .map(|link| link_item(link.label, paths::resolve(&link.href)))
                            .collect_view()}
                    </ul>
                    {footer.note.map(|note| view! { <p class="site-footer__note">{note}</p> })}
                }
                .into_any(),
            );
        }
        context.error().map(|_| {
            view! {
                <p class="site-footer__note" role="status">
                    {label(Label::FooterUnavailable)}
                    " "
                    <button type="button" class="button button--quiet" on:click=move |_| context.retry()>
                        {label(Label::Retry)}
                    </button>
                </p>
            }
            .into_any()
        })
    };
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">{content}</div>
        </footer>
    }
}
