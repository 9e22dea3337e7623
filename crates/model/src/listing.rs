use serde::{Deserialize, Deserializer, Serialize};

use crate::{Article, Date, Image, Slug, lenient};

/// The news list (`content/index.json`): only what the list shows, newest
/// first whatever order the file holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsIndex {
    #[serde(deserialize_with = "newest_first")]
    articles: Vec<ListItem>,
}

/// One entry of the news list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItem {
    pub slug: Slug,
    pub headline: String,
    pub published: Date,
    pub section: String,
    pub summary: String,
    #[serde(
        default,
        deserialize_with = "lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumbnail: Option<Image>,
}

impl NewsIndex {
    pub fn new(mut articles: Vec<ListItem>) -> Self {
        sort_newest_first(&mut articles);
        Self { articles }
    }

    /// The entries, newest first (same-day entries by headline).
    pub fn articles(&self) -> &[ListItem] {
        &self.articles
    }
}

impl<R> From<&Article<R>> for ListItem {
    fn from(article: &Article<R>) -> Self {
        Self {
            slug: article.slug.clone(),
            headline: article.headline.clone(),
            published: article.published,
            section: article.section.clone(),
            summary: article.summary.clone(),
            thumbnail: article.thumbnail.clone(),
        }
    }
}

fn sort_newest_first(items: &mut [ListItem]) {
    items.sort_by(|a, b| {
        b.published
            .cmp(&a.published)
            .then_with(|| a.headline.cmp(&b.headline))
    });
}

fn newest_first<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<ListItem>, D::Error> {
    let mut items = Vec::<ListItem>::deserialize(deserializer)?;
    sort_newest_first(&mut items);
    Ok(items)
}
