use leptos::prelude::*;
use reader_model::{Article, Block, Place};

use crate::hydrate_later::later;
use crate::meta::Meta;
use crate::paths;

use super::{
    BodyBlock, Breadcrumb, Dateline, FigureBlock, HeadlineText, KeepButton, PageMeta,
    RelatedArticles, WhoSpoke,
};

/// A whole article: breadcrumb, headline, dateline, who spoke, the body in
/// published order (speeches numbered from 1), then related articles.
/// Opened at one of its speeches (`speech`, from 1), the page takes that
/// speech's title and caption as its own, for sharing.
#[component]
pub fn ArticlePage(
    article: Article,
    #[prop(default = None)] speech: Option<usize>,
) -> impl IntoView {
    let meta = Meta::article(&article, speech);
    let speakers = article.body.speeches().cloned().collect::<Vec<_>>();
    let mut speeches = 0;
    let blocks = article
        .body
        .blocks()
        .iter()
        .cloned()
        .map(|block| {
            if matches!(block, Block::Speech(_)) {
                speeches += 1;
            }
            (block, speeches)
        })
        .collect::<Vec<_>>();
    let related = article.related_articles().to_vec();
    let lead = article.lead.clone();
    let slug = article.slug.clone();
    view! {
        <PageMeta meta />
        <Breadcrumb current=article.headline.clone() />
        <article class="article">
            {later(view! {
                <header class="article__header">
                    <div class="article__top">
                        <p class="article__section">{article.section.clone()}</p>
                        <KeepButton href=paths::article_href(&slug) />
                    </div>
                    <h1 class="article__headline">
                        <HeadlineText text=article.headline.clone() breaks=article.headline_breaks.clone() />
                    </h1>
                    <Dateline article=article />
                </header>
                {lead.map(|figure| view! { <FigureBlock figure place=Place::Lead /> })}
                <WhoSpoke speakers />
                <div class="article__body">
                    {blocks
                        .into_iter()
                        .map(|(block, speech_number)| {
                            let speech_link = paths::speech_href(&slug, speech_number);
                            view! { <BodyBlock block speech_number speech_link /> }
                        })
                        .collect_view()}
                </div>
                <RelatedArticles related />
            }
            .into_any())}
        </article>
    }
}
