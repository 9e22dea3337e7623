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

/// What goes into the template for one page.
pub struct Filling<'a> {
    pub language: &'a str,
    /// The head tags, `<title>` first.
    pub head: &'a str,
    /// The rendered app.
    pub body: &'a str,
    /// The page's data, JSON already safe inside `<script>`.
    pub data_json: &'a str,
}

/// The template filled in.
///
/// # Errors
/// [`PrerenderError::Template`] when the template has no `<title>` or no
/// `#shell` to fill, or cannot be rewritten.
pub fn fill(template: &str, filling: &Filling<'_>) -> Result<String, PrerenderError> {
    let shell_selector = format!("#{SHELL_ID}");
    let data_script = format!(
        r#"<script type="application/json" id="{PAGE_DATA_ID}">{}</script>"#,
        filling.data_json
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
        <script type=module>init()</script><body><div id=shell><p>loading</p></div></body></html>";

    #[test]
    fn fills_head_body_data_and_language() {
        let html = fill(
            TEMPLATE,
            &Filling {
                language: "en-GB",
                head: "<title>T</title><meta name=description content=d>",
                body: "<main><h1>H</h1></main>",
                data_json: r#"{"a":1}"#,
            },
        )
        .expect("filled");
        assert_eq!(
            html,
            "<!doctype html><html lang=\"en-GB\"><meta charset=utf-8><title>T</title><meta name=description content=d>\
             <script type=module>init()</script><body><div id=shell><main><h1>H</h1></main></div>\
             <script type=\"application/json\" id=\"reader-data\">{\"a\":1}</script></body></html>"
        );
    }

    #[test]
    fn a_template_without_a_shell_is_an_error() {
        let filling = Filling {
            language: "en",
            head: "",
            body: "",
            data_json: "{}",
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
