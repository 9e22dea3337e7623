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

/// A page of a list below the base: the front of all news (`""`) or of
/// one section (`section/<s>`), or archive page `k` (counted from the
/// oldest, see [`crate::ListPage`]) of either: `news/archive/<k>`,
/// `section/<s>/archive/<k>`.
pub fn list_path(section: Option<&Section>, page: Option<usize>) -> String {
    match (section, page) {
        (None, None) => String::new(),
        (Some(section), None) => format!("section/{}", section.slug),
        (None, Some(k)) => format!("news/archive/{k}"),
        (Some(section), Some(k)) => format!("section/{}/archive/{k}", section.slug),
    }
}

/// The list page an address of earlier builds names, when list pages
/// were counted from the newest: `news/page/<n>` or
/// `section/<s>/page/<n>` → the section's slug (if any) and `n`.
pub fn old_list_page(path: &str) -> Option<(Option<Slug>, usize)> {
    let path = path.trim_matches('/');
    let (list, n) = path.rsplit_once("/page/")?;
    let n = n.parse::<usize>().ok().filter(|n| *n >= 1)?;
    let section = match list {
        "news" => None,
        _ => Some(Slug::parse(list.strip_prefix("section/")?).ok()?),
    };
    Some((section, n))
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
    fn a_list_has_a_front_and_archive_pages() {
        let campus = Section {
            slug: Slug::parse("campus").expect("slug"),
            name: "Campus".to_owned(),
        };
        assert_eq!(list_path(None, None), "");
        assert_eq!(list_path(None, Some(2)), "news/archive/2");
        assert_eq!(list_path(Some(&campus), None), "section/campus");
        assert_eq!(
            list_path(Some(&campus), Some(7)),
            "section/campus/archive/7"
        );
        assert_eq!(section_slug("Campus Life").as_str(), "campus-life");
    }

    #[test]
    fn old_list_addresses_name_their_list_and_page() {
        assert_eq!(old_list_page("news/page/3"), Some((None, 3)));
        assert_eq!(
            old_list_page("/section/campus/page/12/"),
            Some((Slug::parse("campus").ok(), 12))
        );
        for other in [
            "news/page/0",
            "news/page/x",
            "news/archive/3",
            "section/Bad!/page/2",
            "other/page/2",
            "news/a/page/2",
        ] {
            assert_eq!(old_list_page(other), None, "{other}");
        }
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
