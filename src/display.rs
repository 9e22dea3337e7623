//! Small decisions about how content is shown, kept out of `view!` so they
//! are plain functions with plain tests.

use reader_model::{Article, ListPage, Site};

/// The document title: `<page> · <site>`, or the page alone while the
/// site's name is not known (or the page is the site's own front page).
pub fn page_title(page: &str, site_name: Option<&str>) -> String {
    match site_name {
        Some(site) if !site.is_empty() && site != page => format!("{page} · {site}"),
        _ => page.to_owned(),
    }
}

/// The news list's title (and the breadcrumb's middle step): the site's,
/// or "News & Events" while the site is not known.
pub fn list_title(site: Option<&Site>) -> String {
    site.map_or_else(
        || "News & Events".to_owned(),
        |site| site.list_title.clone(),
    )
}

/// A list's heading: the section's name, or the news list's title.
pub fn list_heading(list_title: &str, page: &ListPage) -> String {
    page.section
        .as_ref()
        .map_or(list_title, |section| section.name.as_str())
        .to_owned()
}

/// A list page's title and description: `Campus` for its front,
/// `Campus, archive page 2` for an archive page; the site's description
/// for the news list's front, a line about the section on its front, and
/// the dates an archive page covers.
pub fn list_meta(site: Option<&Site>, page: &ListPage) -> (String, String) {
    let heading = list_heading(&list_title(site), page);
    let (title, description) = match (page.page, &page.section) {
        (Some(k), _) => {
            let description = match list_dates(page) {
                Some(dates) => format!("{heading}: articles from {dates}."),
                None => format!("{heading}: earlier articles."),
            };
            (format!("{heading}, archive page {k}"), description)
        }
        (None, Some(section)) => {
            let total = page.total.unwrap_or(page.articles().len());
            let articles = if total == 1 { "article" } else { "articles" };
            let line = format!(
                "{}: {total} {articles} from our newsroom, newest first.",
                section.name
            );
            (heading, line)
        }
        (None, None) => {
            let description = site.map(|site| site.description.clone());
            (heading, description.unwrap_or_default())
        }
    };
    (title, description)
}

/// The days an archive page's articles were published in:
/// `March 3, 2025 to April 14, 2025`, or the one day; `None` when none is
/// dated.
pub fn list_dates(page: &ListPage) -> Option<String> {
    let (oldest, newest) = page.dates()?;
    Some(if oldest == newest {
        newest.long()
    } else {
        format!("{} to {}", oldest.long(), newest.long())
    })
}

/// The search page's title and description.
pub const SEARCH_TITLE: &str = "Search";
pub const SEARCH_DESCRIPTION: &str =
    "Search every article by a word in its headline, summary or text, or a speaker's name.";

/// The speakers index's description.
pub const SPEAKERS_DESCRIPTION: &str =
    "Everyone who has spoken in our news: their roles over the years and each speech.";

/// A speaker page's description.
pub fn speaker_description(name: &str) -> String {
    format!("Every speech by {name} in our news, newest first.")
}

/// A speech page's own title: who spoke, then the article.
pub fn speech_title(speaker: &str, headline: &str) -> String {
    format!("{speaker}: {headline}")
}

/// An article page's title and description: the headline and summary, or,
/// opened at its `speech`-th speech (from 1), that speech's title and
/// caption, for sharing.
pub fn article_meta<R>(article: &Article<R>, speech: Option<usize>) -> (String, String) {
    speech
        .and_then(|n| article.body.speeches().nth(n.wrapping_sub(1)))
        .map_or_else(
            || (article.headline.clone(), article.summary.clone()),
            |s| {
                (
                    speech_title(&s.speaker, &article.headline),
                    s.caption.clone(),
                )
            },
        )
}

/// Up to two initials for a speaker's photo placeholder: `Wu Jincheng` → `WJ`.
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|word| word.chars().next())
        .filter(|c| c.is_alphanumeric())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

/// Which of the stylesheet's placeholder tones a section gets (0–5): stable
/// for a section, different between most sections.
pub fn tone(section: &str) -> u8 {
    let sum = section.bytes().fold(0u32, |acc, b| {
        acc.wrapping_mul(31).wrapping_add(u32::from(b))
    });
    u8::try_from(sum % 6).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_the_page_then_the_site() {
        assert_eq!(
            page_title(
                "Shanghai High-end Medical Equipment Innovation Centre Unveiled at USST",
                Some("USST News")
            ),
            "Shanghai High-end Medical Equipment Innovation Centre Unveiled at USST · USST News"
        );
        assert_eq!(page_title("News & Events", None), "News & Events");
        assert_eq!(page_title("USST News", Some("USST News")), "USST News");
    }

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
        let (title, description) = list_meta(None, &archive);
        assert_eq!(title, "News & Events, archive page 7");
        assert_eq!(
            description,
            "News & Events: articles from March 3, 2025 to April 14, 2025."
        );
        let one_day = page(r#""page":1,"#, &[item("a", "2025-03-03")]);
        assert_eq!(list_dates(&one_day).as_deref(), Some("March 3, 2025"));
        let front = page(r#""total":2,"#, &items);
        assert_eq!(list_meta(None, &front).0, "News & Events");
        assert_eq!(list_dates(&page(r#""page":1,"#, &[])), None);
    }

    #[test]
    fn initials_come_from_the_first_two_words() {
        assert_eq!(initials("Wu Jincheng"), "WJ");
        assert_eq!(initials("Ding Xiaodong"), "DX");
        assert_eq!(initials("José María Martínez"), "JM");
        assert_eq!(initials("  "), "");
        assert_eq!(initials("“Quoted” name"), "N");
    }

    #[test]
    fn tones_are_stable_and_in_range() {
        for section in ["Research", "Campus", "International", "Students", ""] {
            assert!(tone(section) < 6);
            assert_eq!(tone(section), tone(section));
        }
    }
}
