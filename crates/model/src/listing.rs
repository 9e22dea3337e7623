use serde::{Deserialize, Deserializer, Serialize};

use crate::{Article, Date, Image, Slug, lenient};

/// How many articles one page of a list holds. Every list (all news, or one
/// section) is published as pages of this size, so no view ever downloads
/// more than one page, however big the archive grows.
pub const LIST_PAGE_SIZE: usize = 20;

/// One page of a list (`content/list/<n>.json`, or
/// `content/sections/<section>/<n>.json`): only what the list shows, newest
/// first whatever order the file holds, and where it sits among the pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListPage {
    #[serde(deserialize_with = "newest_first")]
    articles: Vec<ListItem>,
    /// This page's number, from 1.
    pub page: usize,
    /// How many pages the list has (at least 1, even when empty).
    pub pages: usize,
    /// How many articles the whole list has.
    pub total: usize,
    /// The section this list is, or `None` for all news.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Section>,
}

/// A desk of the newsroom ("Research", "Campus"), as the list and the
/// site's navigation name it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Section {
    /// Its address segment: `/section/<slug>`.
    pub slug: Slug,
    /// Its name as editors write it in articles.
    pub name: String,
}

/// One entry of the news list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItem {
    pub slug: Slug,
    pub headline: String,
    /// `None` for an undated article (listed after every dated one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    pub section: String,
    pub summary: String,
    #[serde(
        default,
        deserialize_with = "lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub thumbnail: Option<Image>,
}

impl ListPage {
    /// Where the `n`-th article of a list (from 0, newest first) is shown:
    /// its page's number (from 1) and its place on that page.
    pub fn position(n: usize) -> (usize, usize) {
        (n / LIST_PAGE_SIZE + 1, n % LIST_PAGE_SIZE)
    }

    /// A whole list as its pages, each [`LIST_PAGE_SIZE`] long: page 1 is
    /// the newest. An empty list is one empty page.
    pub fn paginate(mut items: Vec<ListItem>, section: Option<Section>) -> Vec<Self> {
        sort_newest_first(&mut items);
        let total = items.len();
        let pages = total.div_ceil(LIST_PAGE_SIZE).max(1);
        let mut chunks: Vec<Vec<ListItem>> = Vec::with_capacity(pages);
        let mut items = items.into_iter().peekable();
        while items.peek().is_some() {
            chunks.push(items.by_ref().take(LIST_PAGE_SIZE).collect());
        }
        if chunks.is_empty() {
            chunks.push(Vec::new());
        }
        chunks
            .into_iter()
            .enumerate()
            .map(|(i, articles)| Self {
                articles,
                page: i + 1,
                pages,
                total,
                section: section.clone(),
            })
            .collect()
    }

    /// The entries, newest first (same-day entries by headline).
    pub fn articles(&self) -> &[ListItem] {
        &self.articles
    }

    /// The page before this one, if any.
    pub fn previous(&self) -> Option<usize> {
        (self.page > 1).then(|| self.page - 1)
    }

    /// The page after this one, if any.
    pub fn next(&self) -> Option<usize> {
        (self.page < self.pages).then(|| self.page + 1)
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
            thumbnail: article
                .thumbnail
                .clone()
                .or_else(|| article.lead.as_ref().and_then(|lead| lead.image.clone())),
        }
    }
}

fn sort_newest_first(items: &mut [ListItem]) {
    items.sort_by(|a, b| {
        b.published
            .cmp(&a.published)
            .then_with(|| a.headline.cmp(&b.headline))
            .then_with(|| a.slug.cmp(&b.slug))
    });
}

fn newest_first<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<ListItem>, D::Error> {
    let mut items = Vec::<ListItem>::deserialize(deserializer)?;
    sort_newest_first(&mut items);
    Ok(items)
}
