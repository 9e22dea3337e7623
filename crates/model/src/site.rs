use serde::{Deserialize, Serialize};

use crate::{Link, SafeUrl, Section, lenient};

/// The site itself: its name, navigation and footer (`content/site.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Site {
    /// Short name, used in the header and after each page title.
    pub name: String,
    /// One sentence about the site: the list page's meta description.
    pub description: String,
    /// The heading of the news list and the middle breadcrumb.
    pub list_title: String,
    /// Where the breadcrumb's "Home" leads (the institution's home page).
    #[serde(deserialize_with = "lenient::option", default)]
    pub home: Option<Link>,
    #[serde(deserialize_with = "lenient::list", default)]
    pub nav: Vec<Link>,
    pub footer: Footer,
    /// Where the site is published, scheme and host only
    /// (`https://news.example.edu`); the folder comes from the build.
    /// Canonical links, sharing cards, the sitemap and the feed need it.
    #[serde(
        default,
        deserialize_with = "lenient::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub origin: Option<SafeUrl>,
    /// The language the site is written in, as a BCP 47 tag (`en`).
    #[serde(default = "english")]
    pub language: String,
    /// Whether every photograph must say who took it (`credit`); the
    /// content build refuses one that does not.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub require_photo_credit: bool,
    /// The newsroom's sections, in the site's navigation. Editors do not
    /// write this: the content build lists every section an article names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    /// The site's editions, one per language, for the language switch and
    /// the pages' alternates. Editors write them as `languages` in
    /// `content/site.json`; the content build publishes them here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editions: Vec<EditionLink>,
    /// How many characters of a word name the search index's files
    /// ([`SEARCH_KEY_CHARS`], or `reader_search::SHORT_KEY_CHARS` in a
    /// small archive). Editors do not write this: the content build
    /// publishes the length its index was made with, and the app asks for
    /// the index's files by it. A site published without it has an index
    /// of [`SEARCH_KEY_CHARS`].
    #[serde(default = "long_search_keys")]
    pub search_key_chars: usize,
}

/// One edition of the site, as the others link to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionLink {
    /// Its language's code (`en`, `zh`).
    pub code: String,
    /// Its language, as its readers name it (`English`, `中文`).
    pub name: String,
    /// Its language as a BCP 47 tag (`en`, `zh-CN`).
    pub language: String,
    /// Its folder below the site's base: `""` for the first edition,
    /// `zh/` for another.
    pub path: String,
    /// Whether it is the edition this `site.json` is (of).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub current: bool,
}

impl Site {
    /// This edition, among the site's (none for a site of one edition).
    pub fn current_edition(&self) -> Option<&EditionLink> {
        self.editions
            .iter()
            .find(|edition| edition.current && edition.has_safe_path())
    }

    /// The other editions (those whose folder is one the content build
    /// could have written: a link is never made to another).
    pub fn other_editions(&self) -> impl Iterator<Item = &EditionLink> {
        (self.editions.iter()).filter(|edition| !edition.current && edition.has_safe_path())
    }
}

impl EditionLink {
    /// Whether its folder is `""` or lowercase letters and a slash
    /// (`zh/`), as the content build writes it: a link to it stays on the
    /// site whatever a damaged `site.json` says (`//elsewhere/` would not).
    pub fn has_safe_path(&self) -> bool {
        self.path.is_empty()
            || self.path.strip_suffix('/').is_some_and(|name| {
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase())
            })
    }
}

fn english() -> String {
    "en".to_owned()
}

/// How many characters of a word name a large archive's search index
/// files, and those of every index made before the site said
/// (`reader_search::KEY_CHARS` is this).
pub const SEARCH_KEY_CHARS: usize = 3;

fn long_search_keys() -> usize {
    SEARCH_KEY_CHARS
}

/// The site's footer: a heading over contact and social links, and a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Footer {
    pub heading: String,
    #[serde(deserialize_with = "lenient::list", default)]
    pub links: Vec<Link>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A site's `origin` as its pages name it, without a trailing `/`, if it
/// is one: `http(s)://host`, scheme and host only (a path is not: the
/// folder comes from the build's base). The prerender needs it; the
/// content check refuses any other.
pub fn site_origin(origin: &SafeUrl) -> Option<&str> {
    let text = origin.as_str().trim_end_matches('/');
    let host = (text.strip_prefix("https://")).or_else(|| text.strip_prefix("http://"))?;
    (!host.is_empty() && !host.contains(['/', '?', '#', '@'])).then_some(text)
}
