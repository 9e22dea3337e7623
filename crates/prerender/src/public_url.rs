//! Absolute URLs of the published site: what canonical links, sharing
//! cards, the sitemap and the feed need.

use reader_model::SafeUrl;

use crate::PrerenderError;

/// The site's origin (`https://news.example.edu`) and the folder one of
/// its editions is served from (`/` or `/news/`, `/news/zh/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl {
    origin: String,
    base: String,
    /// The folder the site is served from: the first edition's.
    root: String,
}

impl PublicUrl {
    /// `origin` must be `http(s)://host` (a trailing `/` is fine, a path is
    /// not: the folder comes from the build's base).
    ///
    /// # Errors
    /// [`PrerenderError::Origin`] for anything else.
    pub fn new(origin: &SafeUrl, base: &str) -> Result<Self, PrerenderError> {
        match reader_model::site_origin(origin) {
            Some(text) => Ok(Self {
                origin: text.to_owned(),
                base: reader_model::normalize_base(base),
                root: reader_model::normalize_base(base),
            }),
            None => Err(PrerenderError::Origin(origin.to_string())),
        }
    }

    /// A page of the site: `path` is below the base (`""`, `news/a-b`).
    pub fn page(&self, path: &str) -> String {
        format!("{}{}{path}", self.origin, self.base)
    }

    /// A file every edition shares, in the site's own folder (the icons).
    pub fn site_file(&self, file: &str) -> String {
        format!("{}{}{file}", self.origin, self.root)
    }

    /// The same site's edition in the folder `edition` (`zh/`) below the
    /// site's: its pages are below that.
    #[must_use]
    pub fn in_edition(&self, edition: &str) -> Self {
        Self {
            origin: self.origin.clone(),
            base: format!("{}{edition}", self.root),
            root: self.root.clone(),
        }
    }

    /// A link or picture named in the content, made absolute: other sites'
    /// URLs as written, this site's under the origin and base.
    pub fn resolve(&self, url: &SafeUrl) -> String {
        if url.is_external() {
            url.to_string()
        } else {
            format!(
                "{}{}",
                self.origin,
                reader::paths::resolve_under(&self.base, url)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> SafeUrl {
        SafeUrl::parse(text).expect("safe")
    }

    #[test]
    fn pages_and_pictures_become_absolute_under_the_base() {
        let public = PublicUrl::new(&url("https://news.example.edu/"), "/news/").expect("origin");
        assert_eq!(public.page(""), "https://news.example.edu/news/");
        assert_eq!(
            public.page("news/a-b"),
            "https://news.example.edu/news/news/a-b"
        );
        assert_eq!(
            public.resolve(&url("content/images/a.svg")),
            "https://news.example.edu/news/content/images/a.svg"
        );
        assert_eq!(
            public.resolve(&url("https://cdn.example.org/a.jpg")),
            "https://cdn.example.org/a.jpg"
        );
    }

    #[test]
    fn an_editions_pages_are_below_its_folder_and_its_others_below_theirs() {
        let site = PublicUrl::new(&url("https://news.example.edu"), "/news/").expect("origin");
        let zh = site.in_edition("zh/");
        assert_eq!(zh.page("news/a"), "https://news.example.edu/news/zh/news/a");
        assert_eq!(
            zh.resolve(&url("content/images/a.svg")),
            "https://news.example.edu/news/zh/content/images/a.svg"
        );
        assert_eq!(zh.in_edition("").page(""), "https://news.example.edu/news/");
    }

    #[test]
    fn an_origin_is_a_scheme_and_a_host_only() {
        for bad in [
            "/",
            "news",
            "mailto:news@example.edu",
            "https://news.example.edu/news/",
            "https://user@news.example.edu",
            "https://news.example.edu?x",
        ] {
            assert!(PublicUrl::new(&url(bad), "/").is_err(), "{bad}");
        }
        assert!(PublicUrl::new(&url("http://127.0.0.1:8080"), "/").is_ok());
    }
}
