//! Each page's title and description, written once: the views set them
//! in the document once the app runs (`views::PageMeta`), and the
//! prerender writes the same into each page's `<head>`.

use reader_model::{Article, Label, ListPage, PageContent, PageData, Site};

use crate::display::{list_dates, list_heading, list_title};
use crate::labels::labels;

/// What a page says about itself in the document's head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    /// The page's own title (the document's title adds the site's name:
    /// [`crate::display::page_title`]).
    pub title: String,
    pub description: String,
    /// Kept out of search engines ("not found").
    pub noindex: bool,
}

impl Meta {
    fn indexed(title: String, description: String) -> Self {
        Self {
            title,
            description,
            noindex: false,
        }
    }

    /// The page `data` shows; `speech`: an article opened at its `n`-th
    /// speech (from 1).
    pub fn of(data: &PageData, speech: Option<usize>) -> Self {
        match &data.content {
            PageContent::List(list) => Self::list(Some(&data.site), list),
            PageContent::Article(article) => Self::article(article, speech),
            PageContent::Speakers(_) => Self::speakers(),
            PageContent::Speaker(speaker) => Self::speaker(&speaker.name),
            PageContent::Search => Self::search(),
            PageContent::NotFound => Self::not_found(),
            PageContent::Saved => Self::saved(),
            PageContent::Offline => Self::offline(),
        }
    }

    /// A list page: `Campus` for its front, `Campus, archive page 2` for
    /// an archive page; described by the site's description on the news
    /// list's front, a line about the section on its front, and the dates
    /// an archive page covers.
    pub fn list(site: Option<&Site>, page: &ListPage) -> Self {
        let heading = list_heading(&list_title(site), page);
        let labels = labels();
        match (page.page, &page.section) {
            (Some(k), _) => {
                let description = match list_dates(page) {
                    Some(dates) => labels.fill(
                        Label::ArchiveDescription,
                        &[("list", &heading), ("dates", &dates)],
                    ),
                    None => labels.fill(Label::ArchiveDescriptionUndated, &[("list", &heading)]),
                };
                let title = labels.fill(
                    Label::ArchivePage,
                    &[("list", &heading), ("page", &k.to_string())],
                );
                Self::indexed(title, description)
            }
            (None, Some(section)) => {
                let total = page.total.unwrap_or(page.articles().len());
                let line = labels.fill(
                    Label::SectionDescription,
                    &[
                        ("section", &section.name),
                        ("count", &labels.articles(total)),
                    ],
                );
                Self::indexed(heading, line)
            }
            (None, None) => {
                let description = site.map(|site| site.description.clone());
                Self::indexed(heading, description.unwrap_or_default())
            }
        }
    }

    /// An article: its headline and summary, or, opened at its
    /// `speech`-th speech (from 1), who spoke and the headline, and the
    /// speech's caption, for sharing.
    pub fn article<R>(article: &Article<R>, speech: Option<usize>) -> Self {
        match speech.and_then(|n| article.body.speeches().nth(n.wrapping_sub(1))) {
            Some(speech) => Self::indexed(
                labels().fill(
                    Label::SpeechTitle,
                    &[("name", &speech.speaker), ("headline", &article.headline)],
                ),
                speech.caption.clone(),
            ),
            None => Self::indexed(article.headline.clone(), article.summary.clone()),
        }
    }

    /// A page titled and described by two labels; `noindex` keeps it out
    /// of search engines.
    fn labelled(title: Label, description: Label, noindex: bool) -> Self {
        let labels = labels();
        Self {
            title: labels.get(title).to_owned(),
            description: labels.get(description).to_owned(),
            noindex,
        }
    }

    /// The speakers index.
    pub fn speakers() -> Self {
        Self::labelled(Label::Speakers, Label::SpeakersDescription, false)
    }

    /// One speaker's page.
    pub fn speaker(name: &str) -> Self {
        let description = labels().fill(Label::SpeakerDescription, &[("name", name)]);
        Self::indexed(name.to_owned(), description)
    }

    /// The search page: its results are the articles' own pages, which
    /// search engines index; the page itself is kept out (one HTML for any
    /// query, no content of its own).
    pub fn search() -> Self {
        Self::labelled(Label::Search, Label::SearchDescription, true)
    }

    /// What this device keeps for offline reading: the reader's own, kept
    /// out of search engines.
    pub fn saved() -> Self {
        Self::labelled(Label::Saved, Label::SavedDescription, true)
    }

    /// The page shown offline for a page not saved on the device.
    pub fn offline() -> Self {
        Self::labelled(Label::Offline, Label::OfflineDescription, true)
    }

    /// "Not found", kept out of search engines.
    pub fn not_found() -> Self {
        Self::labelled(Label::NotFound, Label::NotFoundMessage, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_archive_page_is_named_by_number_and_described_by_its_dates() {
        let item = |slug: &str, date: &str| {
            format!(
                r#"{{"slug":"{slug}","headline":"H","published":"{date}","section":"Campus","summary":"s"}}"#
            )
        };
        let page = |fields: &str, items: &[String]| -> ListPage {
            let json = format!(r#"{{{fields}"articles":[{}]}}"#, items.join(","));
            reader_model::from_json(&json).expect("a list page")
        };
        let items = [item("a", "2025-03-03"), item("b", "2025-04-14")];
        let archive = page(r#""page":7,"older":6,"#, &items);
        let meta = Meta::list(None, &archive);
        assert_eq!(meta.title, "News & Events, archive page 7");
        assert_eq!(
            meta.description,
            "News & Events: articles from March 3, 2025 to April 14, 2025."
        );
        let one_day = page(r#""page":1,"#, &[item("a", "2025-03-03")]);
        assert_eq!(list_dates(&one_day).as_deref(), Some("March 3, 2025"));
        let front = page(r#""total":2,"#, &items);
        assert_eq!(Meta::list(None, &front).title, "News & Events");
        assert_eq!(list_dates(&page(r#""page":1,"#, &[])), None);
    }

    #[test]
    fn only_not_found_is_kept_out_of_search_engines() {
        assert!(Meta::not_found().noindex);
        assert!(Meta::search().noindex && !Meta::speakers().noindex);
        assert_eq!(Meta::speaker("Wu Jincheng").title, "Wu Jincheng");
    }
}
