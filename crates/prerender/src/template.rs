//! Trunk's `index.html` as the template of every page: the rendered head
//! in place of its `<title>`, the rendered app inside `#shell`, the page's
//! data after it, and the site's language on `<html>`.
//!
//! lol_html (Cloudflare's streaming HTML rewriter) reads the template as a
//! browser would, so Trunk's minified output (optional tags left out,
//! unquoted attributes) is no problem.

use lol_html::html_content::ContentType;
use lol_html::{RewriteStrSettings, element, rewrite_str};
use reader::prerendered::{PAGE_DATA_ID, SHELL_ID};

use crate::PrerenderError;

/// The template with every element `selector` matches given to `handle`,
/// which may change it; an error `handle` returns is the result (the last
/// one, when several elements fail).
///
/// # Errors
/// What `handle` returned; [`PrerenderError::Template`] when the template
/// cannot be rewritten.
pub fn rewrite_elements(
    template: &str,
    selector: &str,
    mut handle: impl FnMut(&mut lol_html::html_content::Element) -> Result<(), PrerenderError>,
) -> Result<String, PrerenderError> {
    let mut failure = None;
    let html = rewrite_str(
        template,
        RewriteStrSettings {
            element_content_handlers: vec![element!(selector, |el| {
                if let Err(error) = handle(el) {
                    failure = Some(error);
                }
                Ok(())
            })],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|error| PrerenderError::Template(error.to_string()))?;
    match failure {
        Some(error) => Err(error),
        None => Ok(html),
    }
}

/// What goes into the template for one page.
pub struct Filling<'a> {
    pub language: &'a str,
    /// The head tags, `<title>` first.
    pub head: &'a str,
    /// The page's styles, in place of the template's slot for them
    /// ([`crate::styles::Styles::for_page`]).
    pub styles: &'a str,
    /// The rendered app.
    pub body: &'a str,
    /// The page's data, JSON already safe inside `<script>`; empty when
    /// `data_source` names where it is.
    pub data_json: &'a str,
    /// The attributes that name the files of the page's data (` data-site=…`,
    /// [`crate::data::carried`]), or nothing when it is `data_json`.
    pub data_source: &'a str,
}

/// The template filled in: the same as [`fill_slowly`], at the cost of
/// copying strings. The template is read by lol_html once per thread (its
/// slots found: the language, the head, the body, the data) and kept; each
/// page is then the template's pieces and the page's, one after the other.
///
/// # Errors
/// [`PrerenderError::Template`] when the template has no `<title>` or no
/// `#shell` to fill, or cannot be rewritten.
pub fn fill(template: &str, filling: &Filling<'_>) -> Result<String, PrerenderError> {
    // A language that lol_html would escape in its attribute: the slow way.
    if filling.language.contains(['"', '&', '<', '>']) {
        return fill_slowly(template, filling);
    }
    thread_local! {
        static COMPILED: std::cell::RefCell<Option<(String, Compiled)>> =
            const { std::cell::RefCell::new(None) };
    }
    COMPILED.with(|compiled| {
        let mut compiled = compiled.borrow_mut();
        if compiled.as_ref().is_none_or(|(kept, _)| kept != template) {
            *compiled = Some((template.to_owned(), Compiled::new(template)?));
        }
        let (_, compiled) = compiled
            .as_ref()
            .ok_or_else(|| PrerenderError::Template("no template".into()))?;
        Ok(compiled.fill(filling))
    })
}

/// Where a page's own parts go in the template.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Slot {
    Language,
    Head,
    Styles,
    Body,
    DataSource,
    Data,
}

/// The marks [`Compiled::new`] fills the template with, found again in
/// lol_html's output: no template holds them.
const MARKS: [(Slot, &str); 6] = [
    (Slot::Language, "\u{1}reader-slot-language\u{1}"),
    (Slot::Head, "\u{1}reader-slot-head\u{1}"),
    (Slot::Styles, "\u{1}reader-slot-styles\u{1}"),
    (Slot::Body, "\u{1}reader-slot-body\u{1}"),
    (Slot::DataSource, "\u{1}reader-slot-data-source\u{1}"),
    (Slot::Data, "\u{1}reader-slot-data\u{1}"),
];

/// The template as pieces of text between the page's slots.
struct Compiled {
    /// Text, then the slot after it; the last piece has none.
    pieces: Vec<(String, Option<Slot>)>,
}

impl Compiled {
    fn new(template: &str) -> Result<Self, PrerenderError> {
        if MARKS.iter().any(|(_, mark)| template.contains(mark)) {
            return Err(PrerenderError::Template(
                "index.html holds a slot mark".into(),
            ));
        }
        let mark = |slot: Slot| {
            MARKS
                .iter()
                .find(|(s, _)| *s == slot)
                .map_or("", |(_, m)| m)
        };
        let marked = fill_slowly(
            template,
            &Filling {
                language: mark(Slot::Language),
                head: mark(Slot::Head),
                styles: mark(Slot::Styles),
                body: mark(Slot::Body),
                data_json: mark(Slot::Data),
                data_source: mark(Slot::DataSource),
            },
        )?;
        let mut pieces = Vec::new();
        let mut rest = marked.as_str();
        loop {
            let next = MARKS
                .iter()
                .filter_map(|(slot, mark)| rest.find(mark).map(|at| (at, *slot, mark.len())))
                .min_by_key(|(at, _, _)| *at);
            match next {
                Some((at, slot, len)) => {
                    pieces.push((rest[..at].to_owned(), Some(slot)));
                    rest = &rest[at + len..];
                }
                None => {
                    pieces.push((rest.to_owned(), None));
                    break;
                }
            }
        }
        Ok(Self { pieces })
    }

    fn fill(&self, filling: &Filling<'_>) -> String {
        let parts = |slot: Slot| match slot {
            Slot::Language => filling.language,
            Slot::Head => filling.head,
            Slot::Styles => filling.styles,
            Slot::Body => filling.body,
            Slot::DataSource => filling.data_source,
            Slot::Data => filling.data_json,
        };
        let length = self
            .pieces
            .iter()
            .map(|(text, slot)| text.len() + slot.map_or(0, |s| parts(s).len()))
            .sum();
        let mut html = String::with_capacity(length);
        for (text, slot) in &self.pieces {
            html.push_str(text);
            if let Some(slot) = slot {
                html.push_str(parts(*slot));
            }
        }
        html
    }
}

/// The template filled in by lol_html, page by page.
///
/// # Errors
/// [`PrerenderError::Template`] when the template has no `<title>` or no
/// `#shell` to fill, or cannot be rewritten.
pub fn fill_slowly(template: &str, filling: &Filling<'_>) -> Result<String, PrerenderError> {
    let shell_selector = format!("#{SHELL_ID}");
    let data_script = format!(
        r#"<script type="application/json" id="{PAGE_DATA_ID}"{}>{}</script>"#,
        filling.data_source, filling.data_json
    );
    let mut found_title = false;
    let mut found_shell = false;
    let html = rewrite_str(
        template,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("html", |el| {
                    el.set_attribute("lang", filling.language)?;
                    Ok(())
                }),
                element!("title", |el| {
                    found_title = true;
                    el.replace(filling.head, ContentType::Html);
                    Ok(())
                }),
                element!(crate::styles::SLOT, |el| {
                    el.replace(filling.styles, ContentType::Html);
                    Ok(())
                }),
                element!(shell_selector, |el| {
                    found_shell = true;
                    el.set_inner_content(filling.body, ContentType::Html);
                    el.after(&data_script, ContentType::Html);
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|error| PrerenderError::Template(error.to_string()))?;
    match (found_title, found_shell) {
        (true, true) => Ok(html),
        (false, _) => Err(PrerenderError::Template("index.html has no <title>".into())),
        (_, false) => Err(PrerenderError::Template(format!(
            "index.html has no element with id=\"{SHELL_ID}\""
        ))),
    }
}

/// A filled page as a static page: no loader, no data for the app (which
/// never runs on it), and `script` (a same-origin module) as its only
/// script.
///
/// # Errors
/// [`PrerenderError::Template`] when the page cannot be rewritten.
pub fn without_app(html: &str, script: &str) -> Result<String, PrerenderError> {
    let data_selector = format!("#{PAGE_DATA_ID}");
    let later_selector = format!("template#{}", crate::styles::LATER_ID);
    let shell_selector = format!("#{SHELL_ID}");
    let tag = format!(r#"<script type="module" src="{script}"></script>"#);
    rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("script[type=module]", |el| {
                    el.remove();
                    Ok(())
                }),
                element!(data_selector, |el| {
                    el.remove();
                    Ok(())
                }),
                // The links to the styles the app would add: no app here.
                element!(later_selector, |el| {
                    el.remove();
                    Ok(())
                }),
                // After the page (Trunk's minified template may leave out
                // `<head>` and `<body>`; the shell is always there).
                element!(shell_selector, |el| {
                    el.after(&tag, ContentType::Html);
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|error| PrerenderError::Template(error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "<!doctype html><html lang=en><meta charset=utf-8><title>x</title>\
        <reader-styles></reader-styles><script type=module>init()</script><body><div id=shell><p>loading</p></div></body></html>";

    #[test]
    fn fills_head_body_data_and_language() {
        let html = fill(
            TEMPLATE,
            &Filling {
                language: "en-GB",
                head: "<title>T</title><meta name=description content=d>",
                styles: "<style>p{}</style>",
                body: "<main><h1>H</h1></main>",
                data_json: r#"{"a":1}"#,
                data_source: "",
            },
        )
        .expect("filled");
        assert_eq!(
            html,
            "<!doctype html><html lang=\"en-GB\"><meta charset=utf-8><title>T</title><meta name=description content=d>\
             <style>p{}</style><script type=module>init()</script><body><div id=shell><main><h1>H</h1></main></div>\
             <script type=\"application/json\" id=\"reader-data\">{\"a\":1}</script></body></html>"
        );
    }

    /// The pieces, filled, are what lol_html writes page by page: for
    /// Trunk's minified template and a spelled-out one, and for text that
    /// looks like markup or a mark's neighbour.
    #[test]
    fn the_kept_template_fills_as_lol_html_does() {
        let spelled_out = "<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\" />\n    <title>USST News</title>\n\
            <style>a>b{color:red}</style><reader-styles></reader-styles>\n  </head>\n  <body>\n    <div id=\"shell\"></div>\n  </body>\n</html>\n";
        for template in [TEMPLATE, spelled_out] {
            for (language, head, body, data_json, data_source) in [
                (
                    "en-GB",
                    "<title>T</title><meta name=description content=d>",
                    "<main><h1>H</h1></main>",
                    r#"{"a":1}"#,
                    "",
                ),
                (
                    "zh-CN",
                    "<title>中文 &amp; “x”</title>",
                    "<p>\u{1}</p><div id=shell>",
                    "",
                    r#" data-site="/content/site.json""#,
                ),
                ("", "", "", "</div>", ""),
            ] {
                let filling = Filling {
                    language,
                    head,
                    styles: head,
                    body,
                    data_json,
                    data_source,
                };
                assert_eq!(
                    fill(template, &filling).expect("fast"),
                    fill_slowly(template, &filling).expect("slow"),
                    "{template} {language}"
                );
            }
        }
    }

    #[test]
    fn a_template_without_a_shell_is_an_error() {
        let filling = Filling {
            language: "en",
            head: "",
            styles: "",
            body: "",
            data_json: "{}",
            data_source: "",
        };
        let error = fill("<title>x</title><body></body>", &filling).expect_err("no shell");
        assert!(error.to_string().contains("id=\"shell\""), "{error}");
    }

    #[test]
    fn the_offline_page_keeps_no_app_and_one_script() {
        let page = "<html><head><title>t</title><script type=module>loader()</script></head>\
            <body><div id=shell><p>x</p></div><script type=\"application/json\" id=reader-data>{}</script></body></html>";
        let html = without_app(page, "/offline/controls-1.js").expect("static");
        assert!(
            !html.contains("loader()") && !html.contains("reader-data"),
            "{html}"
        );
        assert!(
            html.contains(r#"</div><script type="module" src="/offline/controls-1.js"></script>"#),
            "{html}"
        );
        assert!(html.contains("<p>x</p>"));
    }
}
