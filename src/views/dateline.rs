use leptos::prelude::*;
use reader_model::Article;

/// `November 22, 2020 | By Zhang Liu | Copyedited by William, Zhang Liu`,
/// with the date machine-readable.
#[component]
pub fn Dateline(article: Article) -> impl IntoView {
    view! {
        <p class="dateline">
            <time datetime=article.published.iso()>{article.published.long()}</time>
            " | "
            <span class="dateline__byline">{article.byline()}</span>
            {article
                .copyedit_line()
                .map(|line| {
                    view! {
                        " | "
                        <span class="dateline__copyedit">{line}</span>
                    }
                })}
        </p>
    }
}
