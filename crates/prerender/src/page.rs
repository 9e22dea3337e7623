//! The pages of the site: where each is served and the data it shows.

use std::path::PathBuf;

use crate::alternates;
use crate::feeds::SitemapEntry;

use reader_model::layout::{
    NOT_FOUND_FILE, OFFLINE_PATH, SAVED_PATH, SEARCH_PATH, SPEAKERS_PATH, article_path, list_path,
    page_file, speaker_path, speech_path,
};
use reader_model::{
    Article, Block, Date, Image, ListPage, PageContent, PageData, Site, Speaker, Speakers,
};

/// One page to prerender.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Its address below the base (`""`, `news/<slug>`); `None` for "not
    /// found", which answers any address.
    pub path: Option<String>,
    /// Its file in `dist/`.
    pub file: PathBuf,
    /// What it shows, and carries for the app.
    pub data: PageData,
    /// For a speech page, which of the article's speeches (from 1).
    pub speech: Option<usize>,
}

impl Page {
    /// The page at `path` (below the base), served as `<path>/index.html`.
    fn at(path: String, data: PageData, speech: Option<usize>) -> Self {
        Self {
            file: PathBuf::from(page_file(&path)),
            path: Some(path),
            data,
            speech,
        }
    }

    /// The front or an archive page of the news list, or of a section's.
    pub fn list(site: &Site, page: ListPage) -> Self {
        let path = list_path(page.section.as_ref(), page.page);
        Self::at(path, PageData::new(site, PageContent::List(page)), None)
    }

    /// The search page: the box, and the results once the app runs.
    pub fn search(site: &Site) -> Self {
        let data = PageData::new(site, PageContent::Search);
        Self::at(SEARCH_PATH.to_owned(), data, None)
    }

    pub fn article(site: &Site, article: Article) -> Self {
        Self::at(
            article_path(&article.slug),
            article_data(site, article),
            None,
        )
    }

    /// The article opened at its `n`-th speech (from 1).
    pub fn speech(site: &Site, article: Article, n: usize) -> Self {
        Self::at(
            speech_path(&article.slug, n),
            article_data(site, article),
            Some(n),
        )
    }

    /// What this device keeps for offline reading.
    pub fn saved(site: &Site) -> Self {
        let data = PageData::new(site, PageContent::Saved);
        Self::at(SAVED_PATH.to_owned(), data, None)
    }

    /// What the service worker shows offline for a page not saved.
    pub fn offline(site: &Site) -> Self {
        let data = PageData::new(site, PageContent::Offline);
        Self::at(OFFLINE_PATH.to_owned(), data, None)
    }

    pub fn not_found(site: &Site) -> Self {
        Self {
            path: None,
            file: PathBuf::from(NOT_FOUND_FILE),
            data: PageData::new(site, PageContent::NotFound),
            speech: None,
        }
    }

    pub fn speakers(site: &Site, speakers: &Speakers) -> Self {
        let data = PageData::new(site, PageContent::Speakers(speakers.clone()));
        Self::at(SPEAKERS_PATH.to_owned(), data, None)
    }

    pub fn speaker(site: &Site, speaker: Speaker) -> Self {
        let path = speaker_path(&speaker.slug);
        Self::at(
            path,
            PageData::new(site, PageContent::Speaker(speaker)),
            None,
        )
    }

    /// The address this page's content is published at, below the base:
    /// the article's for a speech page, the list's front for an archive
    /// page it shows whole; `None` for "not found".
    pub fn canonical_path(&self) -> Option<String> {
        self.path.as_ref()?;
        match &self.data.content {
            PageContent::Article(article) => Some(article_path(&article.slug)),
            // An archive page whose articles are all on the front: the
            // front (the same articles, and more).
            PageContent::List(list) if list.on_front => {
                Some(list_path(list.section.as_ref(), None))
            }
            _ => self.path.clone(),
        }
    }

    /// The page as a sitemap lists it, with the day its content last
    /// changed; `None` for pages a search engine should not index on their
    /// own: "not found", the search page (its results need the app) and
    /// speech pages (their canonical address is the article's).
    pub fn sitemap_entry(&self) -> Option<SitemapEntry> {
        let path = self.path.clone()?;
        if self.canonical_path().as_ref() != Some(&path) || path == SEARCH_PATH {
            return None;
        }
        let site = &self.data.site;
        let (lastmod, translations) = match &self.data.content {
            PageContent::Article(article) => (
                article.published,
                reader_model::layout::article_translations(&article.translations),
            ),
            PageContent::List(list) => (list_lastmod(list), list_translations(site, list)),
            PageContent::Speaker(speaker) => (
                speaker_lastmod(speaker),
                reader_model::layout::speaker_translations(&speaker.translations),
            ),
            PageContent::Speakers(_) => (None, alternates::everywhere(site, SPEAKERS_PATH)),
            PageContent::Search | PageContent::NotFound => (None, Vec::new()),
            // The reader's own: kept out of search engines.
            PageContent::Saved | PageContent::Offline => return None,
        };
        Some(SitemapEntry {
            path,
            lastmod,
            translations,
        })
    }

    /// The address the app is routed at to render this page, below the
    /// host (`/news/` + path); "not found" uses an address no route takes.
    pub fn url(&self, base: &str) -> String {
        format!("{base}{}", self.path.as_deref().unwrap_or("404"))
    }
}

fn article_data(site: &Site, article: Article) -> PageData {
    PageData::new(site, PageContent::Article(article))
}

/// The picture that stands for an article on sharing cards: its lead
/// photo, else its thumbnail, else the first picture in its body.
pub fn lead_image(article: &Article) -> Option<&Image> {
    let lead = article.lead.as_ref().and_then(|lead| lead.image.as_ref());
    lead.or(article.thumbnail.as_ref()).or_else(|| {
        article.body.blocks().iter().find_map(|block| match block {
            Block::Figure(figure) => figure.image.as_ref(),
            Block::Speech(speech) => speech.photo.as_ref(),
            _ => None,
        })
    })
}

/// A list page's translations: the home's are the other editions' homes,
/// a section's front its list in the editions its translations name.
pub fn list_translations(site: &Site, list: &ListPage) -> Vec<(String, String)> {
    match (&list.section, list.page) {
        (None, None) => alternates::everywhere(site, ""),
        (Some(section), None) => reader_model::layout::section_translations(section),
        _ => Vec::new(),
    }
}

/// The day a list page's content last changed: its newest article's.
pub fn list_lastmod(list: &ListPage) -> Option<Date> {
    (list.articles().iter())
        .filter_map(|item| item.published)
        .max()
}

/// The day a speaker's page last changed: their newest speech's.
pub fn speaker_lastmod(speaker: &Speaker) -> Option<Date> {
    (speaker.appearances.iter())
        .filter_map(|speech| speech.published)
        .max()
}
