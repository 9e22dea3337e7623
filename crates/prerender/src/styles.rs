//! The stylesheet's parts, inlined into each page as far as it shows them.
//!
//! Trunk's `index.html` links the stylesheet's parts (`assets/styles/`):
//! requests that would hold up the first paint by a round trip, the
//! slowest part of a page's first view on a phone. So the prerender puts
//! into each page, in `<style>` elements that the CSP allows by their
//! hashes (like the loader), the parts that page shows before the app
//! runs ([`parts_of`]): every page the base, an article the article's
//! part, a list the lists'. The others (what other pages and the running
//! app's own states use) go into an inert `<template>` of links that the
//! loader moves into the head once the app runs (after its wasm and data
//! have come, so they never compete), long before a route change needs
//! them; a page writes only the bytes it needs. The files stay published
//! under their hashed names, for the app and for the pages an old build
//! wrote.

use std::path::Path;

use lol_html::html_content::ContentType;
use reader_model::PageContent;

use crate::PrerenderError;
use crate::feeds::escape;

/// The id of the `<template>` holding the links to the parts a page did
/// not inline (the loader's `stylesId`).
pub const LATER_ID: &str = "reader-styles";

/// The element that marks, in the template, where a page's styles go.
pub const SLOT: &str = "reader-styles";

/// The parts of the stylesheet, by their file's name in `assets/styles/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Every page: tokens, base elements, header, breadcrumb, footer.
    Base,
    /// The news lists' cards, thumbnails and pagination.
    Lists,
    /// The article and its blocks.
    Article,
    Search,
    Speakers,
    Saved,
    /// Errors, "not found", "offline".
    Notices,
    /// What only the running app shows (skeletons, the loading bar, the
    /// panic notice): never inlined.
    App,
}

impl Part {
    const ALL: [Part; 8] = [
        Part::Base,
        Part::Lists,
        Part::Article,
        Part::Search,
        Part::Speakers,
        Part::Saved,
        Part::Notices,
        Part::App,
    ];

    /// Its file's name in `assets/styles/`, without `.css`.
    pub fn name(self) -> &'static str {
        match self {
            Part::Base => "base",
            Part::Lists => "lists",
            Part::Article => "article",
            Part::Search => "search",
            Part::Speakers => "speakers",
            Part::Saved => "saved",
            Part::Notices => "notices",
            Part::App => "app",
        }
    }

    /// The part Trunk published as `file` (`article-1a2b….css`).
    fn of_file(file: &str) -> Option<Part> {
        let stem = file.strip_suffix(".css")?;
        let (name, hash) = stem.rsplit_once('-')?;
        let hashed = !hash.is_empty() && hash.bytes().all(|b| b.is_ascii_hexdigit());
        Part::ALL
            .into_iter()
            .find(|part| hashed && part.name() == name)
    }
}

/// The parts each kind of page shows before the app runs, in the
/// stylesheet's order: a list, an article, the speakers' pages, search,
/// saved and offline, not found.
const KINDS: [&[Part]; 6] = [
    &[Part::Base, Part::Lists],
    &[Part::Base, Part::Article],
    &[Part::Base, Part::Speakers],
    &[Part::Base, Part::Lists, Part::Search],
    &[Part::Base, Part::Saved, Part::Notices],
    &[Part::Base, Part::Notices],
];

/// The parts a page of `content` shows before the app runs (one of the
/// kinds above). (`tests/browser/styles.test.mjs` proves, for a page of
/// each kind, that linking every other part changes nothing it shows.)
pub fn parts_of(content: &PageContent) -> &'static [Part] {
    KINDS[match content {
        PageContent::List(_) => 0,
        PageContent::Article(_) => 1,
        PageContent::Speakers(_) | PageContent::Speaker(_) => 2,
        PageContent::Search => 3,
        PageContent::Saved | PageContent::Offline => 4,
        PageContent::NotFound => 5,
    }]
}

/// One part as Trunk published it: its link (with Trunk's integrity hash)
/// and its text.
#[derive(Debug, Clone, PartialEq)]
struct Sheet {
    part: Part,
    link: String,
    css: String,
}

/// The stylesheet's parts of one build.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Styles {
    /// In the order Trunk linked them.
    sheets: Vec<Sheet>,
    /// What goes into the slot of each of [`KINDS`], made once.
    slots: Vec<String>,
}

impl Styles {
    /// Trunk's stylesheet links in `template` (below `base`, in `dist`):
    /// the template with the first replaced by the slot for a page's
    /// styles and the others removed, and the parts read.
    ///
    /// # Errors
    /// [`PrerenderError::Io`] when a linked part cannot be read;
    /// [`PrerenderError::Template`] when a link names no part of
    /// `assets/styles/`, when one would end its own `<style>`, or the
    /// template cannot be rewritten.
    pub fn read(template: &str, dist: &Path, base: &str) -> Result<(String, Self), PrerenderError> {
        let mut sheets = Vec::new();
        let html =
            crate::template::rewrite_elements(template, "link[rel=stylesheet][href]", |el| {
                let href = el.get_attribute("href").unwrap_or_default();
                let Some(file) = href.strip_prefix(base).filter(|f| !f.contains("..")) else {
                    return Ok(());
                };
                let Some(part) = Part::of_file(file) else {
                    return Err(PrerenderError::Template(format!(
                        "the stylesheet {href} is none of assets/styles/ ({})",
                        Part::ALL.map(Part::name).join(", ")
                    )));
                };
                let integrity = (el.get_attribute("integrity"))
                    .map(|hash| format!(r#" integrity="{}""#, escape(&hash)))
                    .unwrap_or_default();
                let link = format!(
                    r#"<link rel="stylesheet" href="{}"{integrity}>"#,
                    escape(&href)
                );
                let css = read_styles(&dist.join(file))?;
                if sheets.is_empty() {
                    el.replace(&format!("<{SLOT}></{SLOT}>"), ContentType::Html);
                } else {
                    el.remove();
                }
                sheets.push(Sheet { part, link, css });
                Ok(())
            })?;
        let slots = KINDS.iter().map(|parts| slot(&sheets, parts)).collect();
        Ok((html, Self { sheets, slots }))
    }

    /// The CSP sources (`'sha256-…'`) of every part a page may inline.
    pub fn hashes(&self) -> Vec<String> {
        (self.sheets.iter())
            .filter(|sheet| sheet.part != Part::App)
            .map(|sheet| reader_deploy::html::sha256_source(&sheet.css))
            .collect()
    }

    /// What goes into the slot of a page of `content`: its parts, each in
    /// a `<style>`, then a `<template>` of links to the others.
    pub fn for_page(&self, content: &PageContent) -> &str {
        let parts = parts_of(content);
        (KINDS.iter().position(|kind| *kind == parts))
            .and_then(|kind| self.slots.get(kind))
            .map_or("", String::as_str)
    }
}

/// The slot of a page showing `parts` of `sheets`.
fn slot(sheets: &[Sheet], parts: &[Part]) -> String {
    let mut html = String::new();
    let mut later = String::new();
    for sheet in sheets {
        if parts.contains(&sheet.part) {
            html.push_str("<style>");
            html.push_str(&sheet.css);
            html.push_str("</style>");
        } else {
            later.push_str(&sheet.link);
        }
    }
    if !later.is_empty() {
        html.push_str(&format!(r#"<template id="{LATER_ID}">{later}</template>"#));
    }
    html
}

fn read_styles(path: &Path) -> Result<String, PrerenderError> {
    let css = crate::read(path)?;
    if css.to_ascii_lowercase().contains("</style") {
        return Err(PrerenderError::Template(format!(
            "{} holds \"</style\": it cannot be inlined",
            path.display()
        )));
    }
    Ok(css.trim_end().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A dist folder of its own per test, holding `files`, removed when
    /// the test ends (with the `TempDir`).
    fn dist(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::Builder::new()
            .prefix("reader-styles-")
            .tempdir()
            .expect("temp dir");
        for (name, css) in files {
            std::fs::write(dir.path().join(name), css).expect("css");
        }
        dir
    }

    const TEMPLATE: &str = "<title>x</title>\
        <link href=/news/base-1a.css integrity=sha384-B rel=stylesheet>\
        <link href=/news/article-2b.css integrity=sha384-A rel=stylesheet>\
        <link href=/news/lists-3c.css rel=stylesheet><body>";

    fn styles() -> (tempfile::TempDir, String, Styles) {
        let dir = dist(&[
            ("base-1a.css", "body{margin:0}\n"),
            ("article-2b.css", "a>b{color:red}"),
            ("lists-3c.css", "ul{padding:0}"),
        ]);
        let (html, styles) = Styles::read(TEMPLATE, dir.path(), "/news/").expect("read");
        (dir, html, styles)
    }

    #[test]
    fn the_links_become_one_slot() {
        let (_dir, html, styles) = styles();
        assert_eq!(
            html,
            "<title>x</title><reader-styles></reader-styles><body>"
        );
        assert_eq!(
            styles.hashes(),
            ["body{margin:0}", "a>b{color:red}", "ul{padding:0}"]
                .map(reader_deploy::html::sha256_source)
        );
    }

    #[test]
    fn a_page_inlines_its_parts_and_links_the_others_later() {
        let (_dir, _, styles) = styles();
        assert_eq!(
            styles.for_page(&PageContent::NotFound),
            "<style>body{margin:0}</style><template id=\"reader-styles\">\
             <link rel=\"stylesheet\" href=\"/news/article-2b.css\" integrity=\"sha384-A\">\
             <link rel=\"stylesheet\" href=\"/news/lists-3c.css\"></template>"
        );
        assert_eq!(
            styles.for_page(&PageContent::Search),
            "<style>body{margin:0}</style><style>ul{padding:0}</style><template id=\"reader-styles\">\
             <link rel=\"stylesheet\" href=\"/news/article-2b.css\" integrity=\"sha384-A\"></template>"
        );
    }

    #[test]
    fn other_sites_links_stay_and_a_missing_or_unknown_file_is_an_error() {
        let dir = dist(&[("base-1a.css", "p{}")]);
        let other = "<link href=https://cdn.example/x.css rel=stylesheet>";
        assert_eq!(Styles::read(other, dir.path(), "/").expect("kept").0, other);
        let missing = Styles::read("<link href=/base-9f.css rel=stylesheet>", dir.path(), "/");
        assert!(
            matches!(missing, Err(PrerenderError::Io(..))),
            "{missing:?}"
        );
        let unknown = Styles::read("<link href=/styles-1a.css rel=stylesheet>", dir.path(), "/")
            .expect_err("not a part");
        assert!(unknown.to_string().contains("assets/styles/"), "{unknown}");
    }

    #[test]
    fn a_stylesheet_that_would_end_its_element_is_refused() {
        let dir = dist(&[(
            "base-1a.css",
            "p::after{content:'</style><script>x()</script>'}",
        )]);
        let error = Styles::read("<link href=/base-1a.css rel=stylesheet>", dir.path(), "/")
            .expect_err("refused");
        assert!(error.to_string().contains("</style"), "{error}");
    }
}
