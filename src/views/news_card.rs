use leptos::prelude::*;
use reader_model::ListItem;

use super::Thumbnail;
use crate::paths;

/// One entry of the news list: picture, section and date, headline (the
/// link, stretched over the whole card) and summary.
#[component]
pub fn NewsCard(item: ListItem) -> impl IntoView {
    view! {
        <article class="news-card">
            <Thumbnail image=item.thumbnail section=item.section.clone() />
            <div class="news-card__text">
                <p class="news-card__meta">
                    <span class="news-card__section">{item.section}</span>
                    " · "
                    <time datetime=item.published.iso()>{item.published.long()}</time>
                </p>
                <h2 class="news-card__headline">
                    <a href=paths::article_href(&item.slug)>{item.headline}</a>
                </h2>
                <p class="news-card__summary">{item.summary}</p>
            </div>
        </article>
    }
}
