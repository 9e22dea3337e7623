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

/// Every file below `dir`, by its path below `dir`.
#[allow(dead_code)] // not every test binary reads folders back
pub fn files(dir: &std::path::Path) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    let mut found = std::collections::BTreeMap::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let bytes = std::fs::read(&path).expect("file");
                found.insert(path.strip_prefix(dir).expect("below").to_path_buf(), bytes);
            }
        }
    }
    found
}

/// Scratch folders, removed when their test ends: the content tests' own.
#[path = "../../../content/tests/support/scratch.rs"]
mod scratch;
pub use scratch::Scratch;
