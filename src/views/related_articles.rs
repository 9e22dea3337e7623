use crate::labels::label;
use leptos::prelude::*;
use reader_model::Label;
use reader_model::RelatedLink;

use super::HeadlineText;
use crate::paths;

/// "Related articles": links to other articles, resolved (and dead ones
/// left out) by the content tool. Nothing at all when there are none.
#[component]
pub fn RelatedArticles(related: Vec<RelatedLink>) -> impl IntoView {
    (!related.is_empty()).then(|| {
        view! {
            <section class="related" aria-labelledby="related-heading">
                <h2 id="related-heading">{label(Label::RelatedArticles)}</h2>
                <ul>
                    {related
                        .into_iter()
                        .map(|link| {
                            view! {
                                <li>
                                    <a href=paths::article_href(&link.slug)><HeadlineText text=link.headline breaks=link.headline_breaks /></a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
