//! The prerender's work, cut into units that each make the pages of one
//! piece of content. The lists, sections and speakers are small and read
//! once; an article is read from `content/articles/` only when its unit
//! is rendered, and dropped once its pages are written, so a build of
//! 100,000 articles holds a few of them at a time, not the archive.

use std::path::{Path, PathBuf};

use reader_model::layout::{ContentFile, article_path, list_path, speaker_path};
use reader_model::{Article, ListItem, ListPage, Site, Speaker, Speakers};

use crate::PrerenderError;
use crate::feeds::SitemapEntry;
use crate::page::Page;

/// One unit of work: the pages made from one piece of content.
#[derive(Debug, Clone, Copy)]
pub enum Work<'a> {
    NotFound,
    Search,
    /// What this device keeps for offline reading.
    Saved,
    /// What the service worker shows offline for a page not saved.
    Offline,
    /// The front or an archive page of the news list or of a section's.
    List(&'a ListPage),
    Speakers(&'a Speakers),
    Speaker(&'a Speaker),
    /// An article (read when rendered) and its speech pages.
    Article(&'a ListItem),
}

impl Work<'_> {
    /// This unit's pages, with their data; an article is read from
    /// `content` (the published content folder) now.
    ///
    /// # Errors
    /// An article that cannot be read or is not valid.
    pub fn pages(&self, site: &Site, content: &Path) -> Result<Vec<Page>, PrerenderError> {
        Ok(match *self {
            Self::NotFound => vec![Page::not_found(site)],
            Self::Search => vec![Page::search(site)],
            Self::Saved => vec![Page::saved(site)],
            Self::Offline => vec![Page::offline(site)],
            Self::List(page) => vec![Page::list(site, page.clone())],
            Self::Speakers(speakers) => vec![Page::speakers(site, speakers)],
            Self::Speaker(person) => vec![Page::speaker(site, person.clone())],
            Self::Article(item) => {
                let article = read_article(content, item)?;
                let speeches = article.body.speeches().count();
                let mut pages = Vec::with_capacity(1 + speeches);
                for n in 1..=speeches {
                    pages.push(Page::speech(site, article.clone(), n));
                }
                pages.insert(0, Page::article(site, article));
                pages
            }
        })
    }

    /// What this unit adds to the sitemap, known without reading an
    /// article: an article's entry is its address and the day the list
    /// gives it (what [`Page::sitemap_entry`] gives its page; speech
    /// pages have none).
    pub fn sitemap_entries(&self, site: &Site) -> Vec<SitemapEntry> {
        match *self {
            Self::Article(item) => vec![SitemapEntry {
                path: article_path(&item.slug),
                lastmod: item.published,
                translations: reader_model::layout::article_translations(&item.translations),
            }],
            // Without making the page (a copy of the list or speaker); an
            // archive page the front shows is the front's to list.
            Self::List(page) if page.on_front => Vec::new(),
            Self::List(page) => vec![SitemapEntry {
                path: list_path(page.section.as_ref(), page.page),
                lastmod: crate::page::list_lastmod(page),
                translations: crate::page::list_translations(site, page),
            }],
            Self::Speaker(person) => vec![SitemapEntry {
                path: speaker_path(&person.slug),
                lastmod: crate::page::speaker_lastmod(person),
                translations: reader_model::layout::speaker_translations(&person.translations),
            }],
            _ => self
                .pages(site, Path::new(""))
                .unwrap_or_default()
                .iter()
                .filter_map(Page::sitemap_entry)
                .collect(),
        }
    }

    /// What names this unit from one build to the next.
    pub fn key(&self) -> String {
        match *self {
            Self::NotFound => "not-found".to_owned(),
            Self::Search => "search".to_owned(),
            Self::Saved => "saved".to_owned(),
            Self::Offline => "offline".to_owned(),
            Self::List(page) => format!("list {}", list_path(page.section.as_ref(), page.page)),
            Self::Speakers(_) => "speakers".to_owned(),
            Self::Speaker(person) => format!("speaker {}", person.slug),
            Self::Article(item) => format!("article {}", item.slug),
        }
    }

    /// The published content files (below `content`) this unit's pages
    /// are made from, beside the site and the template every page uses:
    /// when none of them changed, neither did the pages.
    pub fn inputs(&self, content: &Path) -> Vec<PathBuf> {
        match *self {
            Self::NotFound | Self::Search | Self::Saved | Self::Offline => Vec::new(),
            // An archive page the front shows names it as its canonical
            // page: made again when the front changes (and, once it is
            // no longer on the front, as its inputs change).
            Self::List(page) if page.on_front => {
                let front = ContentFile::List {
                    section: page.section.as_ref().map(|section| &section.slug),
                    page: None,
                };
                vec![list_file(content, page), content.join(front.path())]
            }
            Self::List(page) => vec![list_file(content, page)],
            Self::Speakers(_) => vec![content.join(ContentFile::Speakers.path())],
            Self::Speaker(person) => vec![content.join(ContentFile::Speaker(&person.slug).path())],
            Self::Article(item) => vec![content.join(ContentFile::Article(&item.slug).path())],
        }
    }

    /// Whether this unit writes the home page (`index.html`).
    pub fn is_home(&self) -> bool {
        matches!(self, Self::List(page) if page.is_front() && page.section.is_none())
    }
}

/// Every unit of the site, in the site's order: not found, search, the
/// news list's pages and each section's, the speakers, each speaker, each
/// article (newest first).
pub fn plan<'a>(
    lists: &'a [ListPage],
    speakers: &'a Speakers,
    people: &'a [Speaker],
) -> Vec<Work<'a>> {
    let mut work = vec![Work::NotFound, Work::Search, Work::Saved, Work::Offline];
    work.extend(lists.iter().map(Work::List));
    work.push(Work::Speakers(speakers));
    work.extend(people.iter().map(Work::Speaker));
    // The news list's archive pages hold every article once.
    work.extend(
        lists
            .iter()
            .filter(|page| page.section.is_none() && !page.is_front())
            .rev()
            .flat_map(ListPage::articles)
            .map(Work::Article),
    );
    work
}

/// The file of `content` a list page is published from:
/// `list/front.json`, `list/<k>.json`, `sections/<s>/front.json`, …
pub fn list_file(content: &Path, page: &ListPage) -> PathBuf {
    content.join(ContentFile::list_page(page).path())
}

/// The article `item` names, from `content/articles/<slug>.json`.
///
/// # Errors
/// A file that cannot be read, or is not a valid article.
pub fn read_article(content: &Path, item: &ListItem) -> Result<Article, PrerenderError> {
    crate::read_json(&content.join(ContentFile::Article(&item.slug).path()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from<T: serde::de::DeserializeOwned>(json: &str) -> T {
        reader_model::from_json(json).expect("model")
    }

    #[test]
    fn a_units_sitemap_entries_are_its_pages_own() {
        let site: Site = from(include_str!("../../../content/site.json"));
        let item = |slug: &str, day: &str| -> ListItem {
            from(&format!(
                r#"{{"slug": "{slug}", "headline": "H", "published": "{day}", "section": "Campus", "summary": "S"}}"#
            ))
        };
        let items: Vec<ListItem> = (1..=45)
            .map(|n| item(&format!("a-{n}"), &format!("2024-01-{:02}", n % 28 + 1)))
            .collect();
        let section = reader_model::Section {
            slug: from("\"campus\""),
            name: "Campus".into(),
            translations: Vec::new(),
        };
        let news = ListPage::paginate(items.clone(), None);
        let campus = ListPage::paginate(items, Some(section));
        let lists: Vec<ListPage> = [news, campus]
            .into_iter()
            .flat_map(|list| std::iter::once(list.front).chain(list.archive))
            .collect();
        let speaker: Speaker = from(
            r#"{"slug": "wu-jincheng", "name": "Wu Jincheng", "appearances": [
                {"article": "a-1", "headline": "H", "published": "2024-02-03", "speech": 1, "caption": "C"},
                {"article": "a-2", "headline": "H", "published": "2024-03-01", "speech": 1, "caption": "C"}]}"#,
        );
        let speakers: Speakers = from(
            r#"{"speakers": [{"slug": "wu-jincheng", "name": "Wu Jincheng", "roles": [], "articles": 2}]}"#,
        );
        let people = vec![speaker];
        let units = plan(&lists, &speakers, &people);
        let mut lists_seen = 0;
        for unit in units
            .iter()
            .filter(|unit| !matches!(unit, Work::Article(_)))
        {
            let from_pages: Vec<SitemapEntry> = (unit.pages(&site, Path::new("")))
                .expect("pages")
                .iter()
                .filter_map(Page::sitemap_entry)
                .collect();
            assert_eq!(unit.sitemap_entries(&site), from_pages, "{}", unit.key());
            lists_seen += usize::from(matches!(unit, Work::List(_)));
        }
        assert_eq!(lists_seen, lists.len());
        // Of 45 articles, the front shows archive pages 2 and 3 whole: they
        // name the front as their canonical page and leave the sitemap to
        // it; page 1 is its own.
        for list in &lists {
            let page = Page::list(&site, list.clone());
            let own = list_path(list.section.as_ref(), list.page);
            let front = list_path(list.section.as_ref(), None);
            let canonical = if list.page.is_some_and(|k| k >= 2) {
                front
            } else {
                own
            };
            assert_eq!(page.canonical_path(), Some(canonical), "{:?}", list.page);
            assert_eq!(
                page.sitemap_entry().is_some(),
                list.page.is_none_or(|k| k < 2)
            );
            // Made again when the front changes.
            let inputs = Work::List(list).inputs(Path::new("c"));
            assert_eq!(
                inputs.len(),
                if list.on_front { 2 } else { 1 },
                "{:?}",
                list.page
            );
        }
        let wu = units
            .iter()
            .find(|unit| unit.key() == "speaker wu-jincheng");
        let entry = &wu.expect("the speaker's unit").sitemap_entries(&site)[0];
        assert_eq!(entry.lastmod, Some(from("\"2024-03-01\"")));
    }
}
