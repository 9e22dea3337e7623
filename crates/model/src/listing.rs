use serde::{Deserialize, Deserializer, Serialize};

use crate::{Article, Breaks, Date, Image, Slug, Translation, lenient};

/// How many articles one page of a list holds. Every list (all news, or one
/// section) is published as archive pages of this size, and its front
/// shows at most two of them, so no view ever downloads more than that,
/// however big the archive grows.
pub const LIST_PAGE_SIZE: usize = 20;

/// One page of a list: its front (`content/list/front.json`,
/// `content/sections/<section>/front.json`), or one of its archive pages
/// (`…/<k>.json`). Only what the list shows, newest first whatever order
/// the file holds, and the pages beside it.
///
/// Archive pages are counted from the oldest: page 1 holds the 20 oldest
/// articles, page 2 the next 20, and so on, so a page's articles stay the
/// same when news is published (a new article joins the newest page, or
/// starts one). Publishing rewrites the front, the newest archive page and
/// at most one link on an older page, never the whole archive. The front
/// shows the newest page and, when that holds fewer than 20 articles, the
/// one before it, so it always shows at least 20 (when there are).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListPage {
    #[serde(deserialize_with = "newest_first")]
    articles: Vec<ListItem>,
    /// The archive page's number, from the oldest (1); `None` for the
    /// list's front.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    /// The archive page of the articles just older than these, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub older: Option<usize>,
    /// The archive page of the articles just newer than these; `None` when
    /// they are on the front (and on the front itself).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newer: Option<usize>,
    /// How many articles the whole list has: on the front only (an
    /// archive page must not change with every article published).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<usize>,
    /// The section this list is, or `None` for all news.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Section>,
    /// Whether every article of this archive page is on its list's front
    /// too (the newest archive page, and the one before it while that is
    /// not full): the front is then the page for a search engine to index
    /// ([`Paginated::mark_on_front`]). Never published: an archive page's
    /// file must not change with every article published.
    #[serde(skip)]
    pub on_front: bool,
}

/// A list's pages as the content build writes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paginated {
    /// The newest articles (the list's own address).
    pub front: ListPage,
    /// Archive pages 1, 2, …, oldest first.
    pub archive: Vec<ListPage>,
}

impl Paginated {
    /// Marks the archive pages whose articles the front shows too (those
    /// after the page its "older" link names).
    pub fn mark_on_front(&mut self) {
        let before = self.front.older.unwrap_or(0);
        for page in &mut self.archive {
            page.on_front = page.page.is_some_and(|k| k > before);
        }
    }

    /// Every article of the list, newest first.
    pub fn newest_first(&self) -> Vec<&ListItem> {
        (self.archive.iter().rev())
            .flat_map(ListPage::articles)
            .collect()
    }

    /// A section's list, from the news list's articles `newest_first`
    /// (what the content build writes and the prerender reads again).
    pub fn of_section(newest_first: &[&ListItem], section: &Section) -> Self {
        let items: Vec<ListItem> = (newest_first.iter())
            .filter(|item| item.section == section.name)
            .map(|item| (*item).clone())
            .collect();
        ListPage::paginate(items, Some(section.clone()))
    }
}

/// Where a page's "newer" link leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Newer {
    /// The list's front.
    Front,
    /// An archive page.
    Page(usize),
}

/// A desk of the newsroom ("Research", "Campus"), as the list and the
/// site's navigation name it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Section {
    /// Its address segment: `/section/<slug>`.
    pub slug: Slug,
    /// Its name as editors write it in articles.
    pub name: String,
    /// The same desk in the site's other editions, where translated
    /// articles say which it is (an article in this section whose
    /// translation is in that one). Editors do not write this: the content
    /// build finds it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<Translation>,
}

/// One entry of the news list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItem {
    pub slug: Slug,
    pub headline: String,
    #[serde(default, skip_serializing_if = "Breaks::is_empty")]
    pub headline_breaks: Breaks,
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
    /// The article in the site's other editions (most have none): for the
    /// sitemap's language alternates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<Translation>,
}

impl ListPage {
    /// Where the article numbered `id` is shown: its archive page (from 1)
    /// and its place on that page counted from the oldest (from 0).
    /// Articles are numbered in list order from the oldest (0), the
    /// numbering the search index uses, so an article's number stays when
    /// newer ones are published.
    pub fn position(id: usize) -> (usize, usize) {
        (id / LIST_PAGE_SIZE + 1, id % LIST_PAGE_SIZE)
    }

    /// The entry at `place` on this page, counted from the oldest (see
    /// [`ListPage::position`]).
    pub fn from_oldest(&self, place: usize) -> Option<&ListItem> {
        let i = self.articles.len().checked_sub(place + 1)?;
        self.articles.get(i)
    }

    /// A whole list as its archive pages, each [`LIST_PAGE_SIZE`] long and
    /// counted from the oldest, and its front.
    pub fn paginate(mut items: Vec<ListItem>, section: Option<Section>) -> Paginated {
        sort_newest_first(&mut items);
        items.reverse();
        let total = items.len();
        let count = total.div_ceil(LIST_PAGE_SIZE);
        // The first archive page the front shows: the newest, and the one
        // before it while the newest is not full.
        let front_from = if count <= 1 || total.is_multiple_of(LIST_PAGE_SIZE) {
            count.max(1)
        } else {
            count - 1
        };
        let archive: Vec<Self> = items
            .chunks(LIST_PAGE_SIZE)
            .enumerate()
            .map(|(i, chunk)| {
                let page = i + 1;
                let mut articles = chunk.to_vec();
                articles.reverse();
                Self {
                    articles,
                    page: Some(page),
                    older: (page > 1).then(|| page - 1),
                    newer: (page + 1 < front_from).then_some(page + 1),
                    total: None,
                    section: section.clone(),
                    on_front: false,
                }
            })
            .collect();
        let mut newest = items.split_off((front_from - 1) * LIST_PAGE_SIZE);
        newest.reverse();
        let front = Self {
            articles: newest,
            page: None,
            older: (front_from > 1).then(|| front_from - 1),
            newer: None,
            total: Some(total),
            section,
            on_front: false,
        };
        let mut list = Paginated { front, archive };
        list.mark_on_front();
        list
    }

    /// Where page `n` of this list went, as earlier builds numbered its
    /// pages (from the newest: `news/page/<n>`), asked of the list's front:
    /// the page that now shows that page's newest article, the front
    /// (`Some(None)`) or an archive page (`Some(Some(k))`); `None` when the
    /// list is not that long, or this is not a front.
    pub fn moved_page(&self, n: usize) -> Option<Option<usize>> {
        let total = self.total?;
        let from_newest = n.checked_sub(1)?.checked_mul(LIST_PAGE_SIZE)?;
        if n == 1 || from_newest < self.articles.len() {
            return Some(None);
        }
        let id = total.checked_sub(from_newest + 1)?;
        Some(Some(Self::position(id).0))
    }

    /// The entries, newest first (same-day entries by headline).
    pub fn articles(&self) -> &[ListItem] {
        &self.articles
    }

    /// Whether this is the list's front (its newest articles).
    pub fn is_front(&self) -> bool {
        self.page.is_none()
    }

    /// Where the link to newer articles leads, if anywhere.
    pub fn newer_link(&self) -> Option<Newer> {
        self.page
            .map(|_| self.newer.map_or(Newer::Front, Newer::Page))
    }

    /// The oldest and newest dates on this page, if any entry is dated.
    pub fn dates(&self) -> Option<(Date, Date)> {
        let mut dated = self.articles.iter().filter_map(|item| item.published);
        let first = dated.next()?;
        Some(dated.fold((first, first), |(old, new), d| (old.min(d), new.max(d))))
    }
}

impl<R> From<&Article<R>> for ListItem {
    fn from(article: &Article<R>) -> Self {
        Self {
            slug: article.slug.clone(),
            headline: article.headline.clone(),
            headline_breaks: article.headline_breaks.clone(),
            published: article.published,
            section: article.section.clone(),
            summary: article.summary.clone(),
            thumbnail: article
                .thumbnail
                .clone()
                .or_else(|| article.lead.as_ref().and_then(|lead| lead.image.clone())),
            translations: article.translations.clone(),
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
