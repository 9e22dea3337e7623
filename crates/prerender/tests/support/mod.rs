//! What the prerender's tests share: Trunk's output, as the prerender
//! finds it.

/// Trunk's loader, which the prerender replaces (crates/prerender/src/loader.rs).
pub const LOADER: &str = "import init from '/reader-0123456789abcdef.js';init();";

pub fn template() -> String {
    format!(
        "<!doctype html><html lang=en><meta charset=utf-8><title>x</title>\
         <meta content=__READER_BASE__ name=reader-base><script type=module>{LOADER}</script>\
         <link crossorigin href=/reader-0123456789abcdef.js integrity=sha384-JS rel=modulepreload>\
         <link as=fetch crossorigin href=/reader-0123456789abcdef_bg.wasm integrity=sha384-WASM rel=preload type=application/wasm>\
         <body><div id=shell></div></body></html>"
    )
}
