//! The app's loader, moved off the page's critical path.
//!
//! Trunk's `index.html` asks for the app's script and wasm at once: a
//! `modulepreload` and a `preload` (both high priority) and an inline module
//! script that starts the app as soon as the HTML is parsed. On a slow
//! network the wasm (most of the page's bytes) then shares the line with
//! the page's own CSS and pictures, and is counted on the way to its first
//! and largest paints. A prerendered page needs none of it to be read: the
//! app only has to be there for the reader's next step.
//!
//! So the two preload links go, and the loader asks for the script and the
//! wasm only once the reader does something on the page (a touch, a
//! scroll, a key, the mouse moving: [`TRIGGERS`]), and the page has loaded
//! and painted (the `load` event, then the next frame). A reader who only
//! reads downloads and runs nothing but the page: its links are real links
//! to prerendered pages, and the controls that need the app (copy link)
//! show once it runs. Pages that need the app to show what they are for
//! start it at once: a page served without its data (an address the
//! host answers with the app's shell: the app fetches what it shows), the
//! "not found" page (the host serves it for any address it does not have,
//! and the app may know it: an old list address leads to its new one), the
//! search page opened at a query (its results), and a page reloaded after
//! a failed hydration (the app then renders it afresh:
//! `reader::prerendered::FAILED_STATE`). Their integrity hashes (Trunk's SRI)
//! go with them: the script through a `modulepreload` link added at that
//! moment (which the import then uses), the wasm through `fetch`'s
//! `integrity`. What the loader does once they are in is Trunk's: start
//! the app, expose its bindings as `window.wasmBindings`, and dispatch
//! `TrunkApplicationStarted`. The new inline script is hashed into the
//! CSP like Trunk's was.

use std::cell::RefCell;

use lol_html::html_content::ContentType;
use lol_html::{RewriteStrSettings, element, rewrite_str};

use crate::PrerenderError;

/// A file the loader asks for, and its SRI hash.
#[derive(Debug, Default, Clone, PartialEq)]
struct Asset {
    href: String,
    integrity: String,
}

/// `template` (Trunk's `index.html`) with its loader deferred.
///
/// # Errors
/// [`PrerenderError::Template`] if the template has no Trunk loader (its
/// module script, the script's `modulepreload` and the wasm's `preload`),
/// or cannot be rewritten.
pub fn defer(template: &str) -> Result<String, PrerenderError> {
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
    let mut replaced = false;
    let html = rewrite(
        &html,
        vec![element!("script[type=module]", |el| {
            el.set_inner_content(&loader_source(&script, &wasm), ContentType::Html);
            replaced = true;
            Ok(())
        })],
    )?;
    if replaced { Ok(html) } else { Err(not_found()) }
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

/// The loader's source. The values are Trunk's file names (hashed, under
/// the public URL) and SRI hashes; they are written as JSON strings, which
/// are valid JavaScript string literals.
fn loader_source(script: &Asset, wasm: &Asset) -> String {
    let text = |value: &str| serde_json::to_string(value).unwrap_or_else(|_| "\"\"".into());
    let triggers = serde_json::to_string(&TRIGGERS).unwrap_or_else(|_| "[]".into());
    format!(
        "const start=()=>{{\
const link=document.createElement('link');\
link.rel='modulepreload';link.href={script};link.integrity={script_integrity};link.crossOrigin='anonymous';\
document.head.append(link);\
import({script}).then((bindings)=>bindings.default({{module_or_path:fetch({wasm},{{integrity:{wasm_integrity}}})}})\
.then((wasm)=>{{window.wasmBindings=bindings;dispatchEvent(new CustomEvent('TrunkApplicationStarted',{{detail:{{wasm}}}}));}}));\
}};\
const painted=()=>performance.getEntriesByName('first-contentful-paint').length>0;\
const afterPaint=(tries)=>requestAnimationFrame(()=>setTimeout(()=>painted()||tries<1?start():afterPaint(tries-1)));\
const loaded=()=>afterPaint(60);\
const begin=()=>document.readyState==='complete'?loaded():addEventListener('load',loaded,{{once:true}});\
const triggers={triggers};\
const options={{capture:true,passive:true}};\
const first=()=>{{triggers.forEach((name)=>removeEventListener(name,first,options));begin();}};\
const eager=!document.getElementById({data})||document.getElementById({not_found})||history.state==={failed}||new URLSearchParams(location.search).has({query});\
eager?begin():triggers.forEach((name)=>addEventListener(name,first,options));",
        data = text(reader::prerendered::PAGE_DATA_ID),
        not_found = text(reader::views::not_found_page::HEADING_ID),
        failed = text(reader::prerendered::FAILED_STATE),
        query = text(reader::paths::QUERY_PARAM),
        script = text(&script.href),
        script_integrity = text(&script.integrity),
        wasm = text(&wasm.href),
        wasm_integrity = text(&wasm.integrity),
    )
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

    #[test]
    fn the_preloads_go_and_the_loader_waits_for_the_page_and_the_reader() {
        let html = defer(TRUNK).expect("deferred");
        assert!(!html.contains("modulepreload integrity"), "{html}");
        assert!(!html.contains("rel=modulepreload"), "{html}");
        assert!(!html.contains("rel=preload"), "{html}");
        assert!(!html.contains("await init"), "{html}");
        for part in [
            r#"link.href="/reader-1a2b.js";link.integrity="sha384-JS""#,
            r#"import("/reader-1a2b.js")"#,
            r#"fetch("/reader-1a2b_bg.wasm",{integrity:"sha384-WASM"})"#,
            "addEventListener('load',loaded,{once:true})",
            "getEntriesByName('first-contentful-paint')",
            // Only once the reader does something, or at once where the
            // page needs the app.
            r#"const triggers=["pointerdown","pointermove","touchstart","keydown","wheel","scroll"]"#,
            "triggers.forEach((name)=>addEventListener(name,first,options))",
            r#"!document.getElementById("reader-data")||document.getElementById("not-found-heading")"#,
            r#"history.state==="reader:hydration-failed""#,
            "has(\"q\");eager?begin()",
            "window.wasmBindings=bindings",
            "TrunkApplicationStarted",
        ] {
            assert!(html.contains(part), "missing {part}: {html}");
        }
        // Nothing else moved.
        assert!(html.contains("<title>x</title>") && html.contains("<div id=shell></div>"));
    }

    #[test]
    fn a_template_without_trunks_loader_is_an_error() {
        let error =
            defer("<title>x</title><script type=module>go()</script>").expect_err("no loader");
        assert!(error.to_string().contains("Trunk's loader"), "{error}");
    }
}
