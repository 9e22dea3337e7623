use leptos::prelude::*;
use reader_model::ListItem;

use super::{HeadlineText, SectionAndDate, Thumbnail};
use crate::paths;

/// One entry of the news list: picture, section and date, headline (the
/// link, stretched over the whole card) and summary.
#[component]
pub fn NewsCard(item: ListItem) -> impl IntoView {
    view! {
        <article class="news-card">
            <Thumbnail image=item.thumbnail section=item.section.clone() />
            <div class="news-card__text">
                <SectionAndDate
                    section=item.section
                    date=item.published
                    section_class="news-card__section"
                />
                <h2 class="news-card__headline">
                    <a href=paths::article_href(&item.slug)><HeadlineText text=item.headline breaks=item.headline_breaks /></a>
                </h2>
                <p class="news-card__summary">{item.summary}</p>
            </div>
        </article>
    }
}
