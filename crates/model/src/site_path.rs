//! The site's own paths, shared by the app (its links and fetches) and the
//! deploy step (a file per route, each host's rules), so both agree.

use crate::Slug;

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

#[cfg(test)]
mod tests {
    use super::*;

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
