use leptos::prelude::*;
use reader_model::Article;

use super::Published;

/// `November 22, 2020 | By Zhang Liu | Copyedited by William, Zhang Liu`,
/// with the date machine-readable: only the parts the article has, joined
/// by separators, and nothing at all when it has none of them.
#[component]
pub fn Dateline(article: Article) -> impl IntoView {
    let labels = crate::labels::labels();
    let byline = article.byline(&labels);
    let copyedit = article.copyedit_line(&labels);
    let date = article.published;
    (date.is_some() || byline.is_some() || copyedit.is_some()).then(|| {
        let after_date = date.is_some();
        let after_byline = after_date || byline.is_some();
        view! {
            <p class="dateline">
                <Published date />
                {byline
                    .map(|line| {
                        view! {
                            {after_date.then_some(" | ")}
                            <span class="dateline__byline">{line}</span>
                        }
                    })}
                {copyedit
                    .map(|line| {
                        view! {
                            {after_byline.then_some(" | ")}
                            <span class="dateline__copyedit">{line}</span>
                        }
                    })}
            </p>
        }
    })
}
