use leptos::prelude::*;
use reader_model::Article;

use super::{BodyBlock, Breadcrumb, Dateline, PageMeta, RelatedArticles};

/// A whole article: breadcrumb, headline, dateline, the body in published
/// order, then related articles.
#[component]
pub fn ArticlePage(article: Article) -> impl IntoView {
    let blocks = article.body.blocks().to_vec();
    let related = article.related.clone();
    view! {
        <PageMeta title=article.headline.clone() description=article.summary.clone() />
        <Breadcrumb current=article.headline.clone() />
        <article class="article">
            <header class="article__header">
                <p class="article__section">{article.section.clone()}</p>
                <h1 class="article__headline">{article.headline.clone()}</h1>
                <Dateline article=article />
            </header>
            <div class="article__body">
                {blocks.into_iter().map(|block| view! { <BodyBlock block /> }).collect_view()}
            </div>
            <RelatedArticles related />
        </article>
    }
}
