//! The site's own paths, shared by the app (its links and fetches) and the
//! deploy step (a file per route, each host's rules), so both agree.

use crate::{Section, Slug};

/// A declared base folder as a path: `news` → `/news/`; anything that is
/// not a plain path (`//host`, `https://…`, `..`, empty segments) → `/`.
pub fn normalize_base(declared: &str) -> String {
    let declared = declared.trim();
    let trimmed = declared.trim_matches('/');
    let plain = !declared.contains("//")
        && trimmed.split('/').all(|part| {
            !part.is_empty() && part != ".." && part != "." && !part.contains(['\\', ':', '?', '#'])
        });
    if trimmed.is_empty() || !plain {
        "/".to_owned()
    } else {
        format!("/{trimmed}/")
    }
}

/// An article's page below the base: `news/<slug>`.
pub fn article_path(slug: &Slug) -> String {
    format!("news/{slug}")
}

/// Page `n` (from 1) of a list below the base: all news (`""`,
/// `news/page/<n>`), or one section (`section/<s>`, `section/<s>/page/<n>`).
/// Page 1 has no number: it is the list's own address.
pub fn list_path(section: Option<&Section>, n: usize) -> String {
    if n > 1 {
        numbered_list_path(section, n)
    } else {
        section.map_or_else(String::new, |section| format!("section/{}", section.slug))
    }
}

/// Page `n` of a list at its numbered address, page 1 included
/// (`news/page/1` is the news list's first page too).
pub fn numbered_list_path(section: Option<&Section>, n: usize) -> String {
    match section {
        None => format!("news/page/{n}"),
        Some(section) => format!("section/{}/page/{n}", section.slug),
    }
}

/// A section's address segment, from its name as editors write it:
/// `Campus Life` → `campus-life` (transliterated, like speakers' names).
pub fn section_slug(name: &str) -> Slug {
    crate::speakers::text_slug(name, "section")
}

/// The search page below the base (`search?q=…`).
pub const SEARCH_PATH: &str = "search";

/// The speakers index below the base.
pub const SPEAKERS_PATH: &str = "speakers";

/// One speaker's page below the base: `speakers/<slug>`.
pub fn speaker_path(slug: &Slug) -> String {
    format!("{SPEAKERS_PATH}/{slug}")
}

/// The page of an article's `n`-th speech (counted from 1): the article,
/// opened at that speech, with the speech's own title for sharing.
pub fn speech_path(slug: &Slug, n: usize) -> String {
    format!("news/{slug}/speech/{n}")
}

/// The speech number a page path below the base names
/// (`news/<slug>/speech/<n>` → `n`), if it names one.
pub fn speech_number(path: &str) -> Option<usize> {
    let rest = path.trim_matches('/').strip_prefix("news/")?;
    let (_slug, n) = rest.split_once("/speech/")?;
    n.parse().ok().filter(|n| *n >= 1)
}

/// The `id` (and URL fragment) of an article's `n`-th speech section,
/// counted from 1 in reading order: `speech-2`. Stable as long as the
/// speeches before it stay.
pub fn speech_id(n: usize) -> String {
    format!("speech-{n}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_paths_name_their_number() {
        let slug = Slug::parse("a-b").expect("slug");
        assert_eq!(speech_path(&slug, 2), "news/a-b/speech/2");
        assert_eq!(speech_number("news/a-b/speech/2"), Some(2));
        assert_eq!(speech_number("/news/a-b/speech/12/"), Some(12));
        for other in [
            "news/a-b",
            "news/a-b/speech/0",
            "news/a-b/speech/x",
            "speech/2",
            "",
        ] {
            assert_eq!(speech_number(other), None, "{other}");
        }
    }

    #[test]
    fn list_pages_have_addresses_and_page_one_is_the_list_itself() {
        let campus = Section {
            slug: Slug::parse("campus").expect("slug"),
            name: "Campus".to_owned(),
        };
        assert_eq!(list_path(None, 1), "");
        assert_eq!(list_path(None, 2), "news/page/2");
        assert_eq!(list_path(Some(&campus), 1), "section/campus");
        assert_eq!(list_path(Some(&campus), 7), "section/campus/page/7");
        assert_eq!(section_slug("Campus Life").as_str(), "campus-life");
    }

    #[test]
    fn a_declared_base_becomes_a_folder_path() {
        assert_eq!(normalize_base(""), "/");
        assert_eq!(normalize_base("/"), "/");
        assert_eq!(normalize_base("/news/"), "/news/");
        assert_eq!(normalize_base("news"), "/news/");
        assert_eq!(normalize_base("/a/b"), "/a/b/");
    }

    #[test]
    fn a_base_that_is_not_a_plain_path_falls_back_to_the_root() {
        for bad in [
            "//evil.example/",
            "https://evil.example/",
            "/a/../b/",
            "/a//b/",
            "/a?b",
        ] {
            assert_eq!(normalize_base(bad), "/", "{bad}");
        }
    }

    #[test]
    fn an_article_lives_under_news() {
        let slug = Slug::parse("a-b").expect("slug");
        assert_eq!(article_path(&slug), "news/a-b");
    }
}
