//! The app's loader, moved off the page's critical path.
//!
//! Trunk's `index.html` asks for the app's script and wasm at once: a
//! `modulepreload` and a `preload` (both high priority) and an inline module
//! script that starts the app as soon as the HTML is parsed. On a slow
//! network the wasm (most of the page's bytes) then shares the line with
//! the page's own CSS and pictures, and is counted on the way to its first
//! and largest paints. A prerendered page needs none of it to be read.
//!
//! So the two preload links go, and Trunk's script is replaced by the
//! loader in `loader.js` (plain JavaScript, linted and tested as such:
//! `tests/js/loader.test.mjs`), given this build's values in a `config`
//! line before it: it asks for the script and the wasm only once the
//! reader does something on the page ([`TRIGGERS`]) and the page has
//! loaded and painted, or at once on the pages that need the app. Their
//! integrity hashes (Trunk's SRI) go with them. The new inline script is
//! hashed into the CSP like Trunk's was.

use std::cell::RefCell;

use lol_html::html_content::ContentType;
use lol_html::{RewriteStrSettings, element, rewrite_str};

use crate::PrerenderError;
use crate::reading::{self, ReadingApp};
use crate::scripts::{self, Kind};

/// A file the loader asks for, and its SRI hash.
#[derive(Debug, Default, Clone, PartialEq)]
struct Asset {
    href: String,
    integrity: String,
}

/// The template with its loader deferred, and the whole app's files.
#[derive(Debug, Clone, PartialEq)]
pub struct Deferred {
    pub template: String,
    /// The whole app's script and wasm, as the page asks for them
    /// (under the public URL).
    pub whole_app: [String; 2],
}

/// `template` (Trunk's `index.html`) with its loader deferred; the loader
/// knows the reading app, if the build has one, by its files in the top
/// folder of the site served from `base`.
///
/// # Errors
/// [`PrerenderError::Template`] if the template has no Trunk loader (its
/// module script, the script's `modulepreload` and the wasm's `preload`),
/// or cannot be rewritten.
pub fn defer(
    template: &str,
    offline: Option<&str>,
    reading: Option<(&ReadingApp, &str)>,
) -> Result<Deferred, PrerenderError> {
    let script = RefCell::new(None::<Asset>);
    let wasm = RefCell::new(None::<Asset>);
    let asset = |el: &lol_html::html_content::Element| Asset {
        href: el.get_attribute("href").unwrap_or_default(),
        integrity: el.get_attribute("integrity").unwrap_or_default(),
    };
    // The preloads, which Trunk may write before or after its script.
    let html = rewrite(
        template,
        vec![
            element!("link[rel=modulepreload]", |el| {
                *script.borrow_mut() = Some(asset(el));
                el.remove();
                Ok(())
            }),
            element!("link[rel=preload][as=fetch]", |el| {
                *wasm.borrow_mut() = Some(asset(el));
                el.remove();
                Ok(())
            }),
        ],
    )?;
    let (Some(script), Some(wasm)) = (script.into_inner(), wasm.into_inner()) else {
        return Err(not_found());
    };
    let reading = reading.map(|(app, base)| {
        let asset = |file: &reading::File| Asset {
            href: format!("{base}{}", file.name),
            integrity: file.integrity.clone(),
        };
        (asset(&app.script), asset(&app.wasm))
    });
    let mut replaced = false;
    let html = rewrite(
        &html,
        vec![element!("script[type=module]", |el| {
            let source = loader_source(&script, &wasm, reading.as_ref(), offline);
            el.set_inner_content(&source, ContentType::Html);
            replaced = true;
            Ok(())
        })],
    )?;
    if replaced {
        Ok(Deferred {
            template: html,
            whole_app: [script.href, wasm.href],
        })
    } else {
        Err(not_found())
    }
}

fn not_found() -> PrerenderError {
    PrerenderError::Template(
        "Trunk's loader (a module script, a modulepreload and a wasm preload) was not found".into(),
    )
}

fn rewrite(
    html: &str,
    handlers: Vec<(
        std::borrow::Cow<'_, lol_html::Selector>,
        lol_html::ElementContentHandlers<'_>,
    )>,
) -> Result<String, PrerenderError> {
    rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: handlers,
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|error| PrerenderError::Template(error.to_string()))
}

/// What the reader does that starts the app: listened for on `window`,
/// while capturing, passively (a scroll is never held up).
pub const TRIGGERS: [&str; 6] = [
    "pointerdown",
    "pointermove",
    "touchstart",
    "keydown",
    "wheel",
    "scroll",
];

/// The history state of a page reloaded because a deploy removed its app:
/// it reloads once, never again.
pub const STALE_STATE: &str = "reader:stale-build";

/// The loader as written, with its notes (see [`loader_source`]).
pub const SOURCE: &str = include_str!("loader.js");

/// The loader's source: a `config` line with this build's values (Trunk's
/// file names, hashed, under the public URL, and their SRI hashes, the
/// reading app's likewise, or `null`; the
/// app's names for what the loader looks at; the offline controls'
/// script), then `loader.js` without the lines that are only comments and
/// without each line's indent.
fn loader_source(
    script: &Asset,
    wasm: &Asset,
    reading: Option<&(Asset, Asset)>,
    offline: Option<&str>,
) -> String {
    let reading = reading.map(|(script, wasm)| {
        serde_json::json!({
            "script": script.href,
            "scriptIntegrity": script.integrity,
            "wasm": wasm.href,
            "wasmIntegrity": wasm.integrity,
        })
    });
    let config = serde_json::json!({
        "script": script.href,
        "scriptIntegrity": script.integrity,
        "wasm": wasm.href,
        "wasmIntegrity": wasm.integrity,
        "reading": reading,
        "readingAttribute": reading::READING_ATTRIBUTE,
        "searchBoxId": reader::views::search_box::SEARCH_BOX_ID,
        "triggers": TRIGGERS,
        "dataId": reader::prerendered::PAGE_DATA_ID,
        "notFoundId": reader::views::not_found_page::HEADING_ID,
        "failedState": reader::prerendered::FAILED_STATE,
        "queryParam": reader::paths::QUERY_PARAM,
        "savedListId": reader::views::saved_page::SAVED_LIST_ID,
        "offline": offline,
        "staleState": STALE_STATE,
        "stylesId": crate::styles::LATER_ID,
        "didNotStartId": reader::routes::DID_NOT_START_ID,
    });
    with_config(&config, SOURCE, Kind::Module)
}

/// A script as a page or the browser runs it: a line that sets its
/// `config`, then `source` minified ([`scripts::minify`]: the scripts'
/// notes stay in the repository). Should oxc not read it, `source`
/// without the lines that are only comments and without each line's
/// indent.
pub(crate) fn with_config(config: &serde_json::Value, source: &str, kind: Kind) -> String {
    let mut script = format!("const config = {config};\n");
    match scripts::minify(source, kind) {
        Some(minified) => script.push_str(&minified),
        None => {
            for line in source.lines().map(str::trim) {
                if !line.is_empty() && !line.starts_with("//") {
                    script.push_str(line);
                    script.push('\n');
                }
            }
        }
    }
    script
}

#[cfg(test)]
mod tests {
    use super::*;

    // As Trunk 0.21 writes it: the script first, then the preloads.
    const TRUNK: &str = "<!doctype html><html><head><title>x</title>\
        <script type=module>import init, * as bindings from '/reader-1a2b.js';\n\
        const wasm = await init({ module_or_path: '/reader-1a2b_bg.wasm' });</script>\
        <link crossorigin href=/reader-1a2b.js integrity=sha384-JS rel=modulepreload>\
        <link as=fetch crossorigin href=/reader-1a2b_bg.wasm integrity=sha384-WASM rel=preload type=application/wasm>\
        </head><body><div id=shell></div></body></html>";

    /// The loader's `config` line in `html`, as JSON.
    fn config_of(html: &str) -> serde_json::Value {
        let line = html
            .split("const config = ")
            .nth(1)
            .and_then(|rest| rest.split(";\n").next())
            .expect("a config line");
        serde_json::from_str(line).expect("config is JSON")
    }

    #[test]
    fn the_preloads_go_and_the_loader_waits_for_the_page_and_the_reader() {
        let deferred = defer(TRUNK, Some("/offline/controls-1.js"), None).expect("deferred");
        assert_eq!(
            deferred.whole_app,
            [
                "/reader-1a2b.js".to_owned(),
                "/reader-1a2b_bg.wasm".to_owned()
            ]
        );
        let html = deferred.template;
        assert!(!html.contains("rel=modulepreload"), "{html}");
        assert!(!html.contains("rel=preload"), "{html}");
        assert!(!html.contains("await init"), "{html}");
        let config = config_of(&html);
        assert_eq!(config["script"], "/reader-1a2b.js");
        assert_eq!(config["scriptIntegrity"], "sha384-JS");
        assert_eq!(config["wasm"], "/reader-1a2b_bg.wasm");
        assert_eq!(config["wasmIntegrity"], "sha384-WASM");
        assert_eq!(config["triggers"][0], "pointerdown");
        assert_eq!(config["dataId"], "reader-data");
        assert_eq!(config["notFoundId"], "not-found-heading");
        assert_eq!(config["failedState"], "reader:hydration-failed");
        assert_eq!(config["queryParam"], "q");
        assert_eq!(config["savedListId"], "saved-list");
        assert_eq!(config["offline"], "/offline/controls-1.js");
        assert_eq!(config["stylesId"], "reader-styles");
        assert_eq!(config["reading"], serde_json::Value::Null);
        assert_eq!(config["readingAttribute"], "data-reading");
        assert_eq!(config["searchBoxId"], "site-search");
        // The file itself, minified: what it asks of the browser and of
        // the app's script keeps its names.
        let script = html
            .split("</script>")
            .next()
            .and_then(|head| head.split(";\n").nth(1))
            .unwrap_or_default();
        assert!(script.len() < SOURCE.len() / 2, "minified: {script}");
        for part in [
            "import(config.offline)",
            "WebAssembly.compileStreaming(",
            ".default({module_or_path:",
            "window.wasmBindings=",
            "`TrunkApplicationStarted`",
            "document.readyState===`complete`",
            "config.triggers.forEach(",
        ] {
            assert!(script.contains(part), "missing {part}: {script}");
        }
        assert!(!html.contains("// "), "comments are dropped: {html}");
        // Nothing else moved.
        assert!(html.contains("<title>x</title>") && html.contains("<div id=shell></div>"));
    }

    #[test]
    fn a_template_without_trunks_loader_is_an_error() {
        let error = defer(
            "<title>x</title><script type=module>go()</script>",
            None,
            None,
        )
        .expect_err("no loader");
        assert!(error.to_string().contains("Trunk's loader"), "{error}");
    }

    #[test]
    fn the_loader_knows_the_reading_app_under_the_public_url() {
        let app = ReadingApp {
            script: reading::File {
                name: "reading-0123456789abcdef.js".into(),
                integrity: "sha384-RJS".into(),
            },
            wasm: reading::File {
                name: "reading-0123456789abcdef_bg.wasm".into(),
                integrity: "sha384-RWASM".into(),
            },
        };
        let html = defer(TRUNK, None, Some((&app, "/news/")))
            .expect("deferred")
            .template;
        let config = config_of(&html);
        assert_eq!(
            config["reading"],
            serde_json::json!({
                "script": "/news/reading-0123456789abcdef.js",
                "scriptIntegrity": "sha384-RJS",
                "wasm": "/news/reading-0123456789abcdef_bg.wasm",
                "wasmIntegrity": "sha384-RWASM",
            })
        );
        assert_eq!(config["script"], "/reader-1a2b.js");
    }
}
