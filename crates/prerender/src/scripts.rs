//! The apps' scripts, minified (and first their wasm's import names
//! shortened in both files, `crate::imports`). wasm-bindgen writes each app's script
//! (the JavaScript that loads its wasm and answers its calls into the
//! browser) spelled out for reading (BENCHMARKS.md has its size). Trunk's release build
//! tries to minify it and cannot (its minifier, minify-js 0.5, stops at
//! wasm-bindgen's `export default`: "WARN Failed to minify JS"), so it
//! ships as written. The prerender minifies both apps' scripts as Trunk has
//! just written them, with oxc (whitespace and the names of local and
//! top-level bindings only; its compressor, which rewrites code, is left
//! out), and brings the whole app's integrity hash in the template up to
//! date. The reading app's files are hashed afterwards
//! ([`crate::reading::prepare`]), from the minified bytes.
//!
//! Only a full build's run does this, on Trunk's fresh output; an update
//! starts from the template its full build saved, integrity and all, and
//! from its scripts, already minified.

use std::fs;
use std::path::Path;

use oxc_allocator::Allocator;
use oxc_codegen::{Codegen, CodegenOptions};
use oxc_minifier::{Minifier, MinifierOptions};
use oxc_parser::Parser;
use oxc_span::SourceType;
use reader_deploy::integrity::sri;

use crate::PrerenderError;
use crate::template::rewrite_elements;

/// How the browser runs a script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An ES module (the apps' scripts, the loader, the offline controls):
    /// its top-level names are its own, and renamed too.
    Module,
    /// A classic script (the service worker): its top-level names are
    /// globals, and keep their names.
    Classic,
}

/// `source` minified: its whitespace and comments gone, its local
/// bindings renamed (and a module's top-level ones; exports and
/// properties keep their names, and so do names it uses but does not
/// declare, such as the `config` a build puts before it); `None` if it
/// does not parse.
pub fn minify(source: &str, kind: Kind) -> Option<String> {
    let allocator = Allocator::default();
    let source_type = match kind {
        Kind::Module => SourceType::mjs(),
        Kind::Classic => SourceType::script(),
    };
    let parsed = Parser::new(&allocator, source, source_type).parse();
    if parsed.panicked || !parsed.diagnostics.is_empty() {
        return None;
    }
    let mut program = parsed.program;
    let options = MinifierOptions {
        mangle: Some(Default::default()),
        mangle_properties: None,
        compress: None,
    };
    let minified = Minifier::new(options).minify(&allocator, &mut program);
    Some(
        Codegen::new()
            .with_options(CodegenOptions::minify())
            .with_scoping(minified.scoping)
            .build(&program)
            .code,
    )
}

/// The script at `path` minified in place; its bytes as they now are. A
/// script that does not parse is left as it is, and said so on stderr: the
/// site still works, only heavier.
fn minify_file(path: &Path) -> Result<Vec<u8>, PrerenderError> {
    let source = fs::read_to_string(path).map_err(|e| PrerenderError::Io(path.to_path_buf(), e))?;
    match minify(&source, Kind::Module) {
        Some(code) => {
            fs::write(path, &code).map_err(|e| PrerenderError::Io(path.to_path_buf(), e))?;
            Ok(code.into_bytes())
        }
        None => {
            eprintln!(
                "prerender: {} is not JavaScript oxc can read; shipped as it is (not minified)",
                path.display()
            );
            Ok(source.into_bytes())
        }
    }
}

/// The wasm at `wasm` and its script at `script` with the wasm's import
/// names shortened in both ([`crate::imports::shorten`]); left as they
/// are, and said so on stderr, where they are not as wasm-bindgen writes
/// them (the site still works, only heavier). The wasm's bytes as they
/// now are.
fn shorten_imports(script: &Path, wasm: &Path) -> Result<Vec<u8>, PrerenderError> {
    let source =
        fs::read_to_string(script).map_err(|e| PrerenderError::Io(script.to_path_buf(), e))?;
    let bytes = fs::read(wasm).map_err(|e| PrerenderError::Io(wasm.to_path_buf(), e))?;
    match crate::imports::shorten(&bytes, &source) {
        Some((bytes, source)) => {
            fs::write(wasm, &bytes).map_err(|e| PrerenderError::Io(wasm.to_path_buf(), e))?;
            fs::write(script, source).map_err(|e| PrerenderError::Io(script.to_path_buf(), e))?;
            Ok(bytes)
        }
        None => {
            eprintln!(
                "prerender: the imports of {} are not as wasm-bindgen writes them; their names are left as they are",
                wasm.display()
            );
            Ok(bytes)
        }
    }
}

/// The file of `dist`'s top folder an element of the template names by
/// its `href`.
fn top_file(el: &lol_html::html_content::Element, what: &str) -> Result<String, PrerenderError> {
    let href = el.get_attribute("href").unwrap_or_default();
    let name = href.rsplit('/').next().unwrap_or_default();
    if name.is_empty() || name.starts_with('.') {
        return Err(PrerenderError::Template(format!(
            "the app's {what} {href:?} is not a file of the top folder"
        )));
    }
    Ok(name.to_owned())
}

/// Sets `el`'s integrity hash, if it has one, to `bytes`'.
fn set_integrity(
    el: &mut lol_html::html_content::Element,
    bytes: &[u8],
) -> Result<(), PrerenderError> {
    if el.has_attribute("integrity") {
        el.set_attribute("integrity", &sri(bytes))
            .map_err(|e| PrerenderError::Template(e.to_string()))?;
    }
    Ok(())
}

/// Trunk's fresh output in `dist` with both apps' import names shortened
/// and their scripts minified: the whole app's (whose script and wasm
/// `template`, Trunk's `index.html`, preloads) and the reading app's
/// (`reading.js` and `reading_bg.wasm`, if the build has one). Returns the
/// template with the whole app's integrity hashes made from the files'
/// new bytes.
///
/// # Errors
/// [`PrerenderError::Io`] if a file cannot be read or written;
/// [`PrerenderError::Template`] if the template preloads no script, or
/// names a file outside `dist`'s top folder.
pub fn minify_fresh(dist: &Path, template: &str) -> Result<String, PrerenderError> {
    let stem = crate::reading::STEM;
    let reading = dist.join(format!("{stem}.js"));
    let reading_wasm = dist.join(format!("{stem}_bg.wasm"));
    if reading.exists() {
        if reading_wasm.exists() {
            shorten_imports(&reading, &reading_wasm)?;
        }
        minify_file(&reading)?;
    }
    let mut script = None;
    let mut wasm = None;
    rewrite_elements(template, "link[rel=modulepreload][href]", |el| {
        script = Some(top_file(el, "script")?);
        Ok(())
    })?;
    rewrite_elements(template, "link[rel=preload][as=fetch][href]", |el| {
        wasm = Some(top_file(el, "wasm")?);
        Ok(())
    })?;
    let Some(script) = script else {
        return Err(PrerenderError::Template(
            "Trunk's template preloads no script (its modulepreload)".into(),
        ));
    };
    // A template that preloads no wasm, or one not there (a folder made
    // by hand, a test's): the script alone is minified.
    let template = match wasm.filter(|wasm| dist.join(wasm).is_file()) {
        Some(wasm) => {
            let bytes = shorten_imports(&dist.join(&script), &dist.join(wasm))?;
            rewrite_elements(template, "link[rel=preload][as=fetch][href]", |el| {
                set_integrity(el, &bytes)
            })?
        }
        None => template.to_owned(),
    };
    minify_whole(dist, &template, &script)
}

/// The whole app's script (`script`, which `template` preloads) minified,
/// and the template with its integrity hash made from the new bytes.
fn minify_whole(dist: &Path, template: &str, script: &str) -> Result<String, PrerenderError> {
    let bytes = minify_file(&dist.join(script))?;
    rewrite_elements(template, "link[rel=modulepreload][href]", |el| {
        set_integrity(el, &bytes)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODULE: &str = "
        let wasm;
        // The exports' names are what the loader calls.
        function helperWithALongName(value) {
            const doubled = value * 2;
            return doubled;
        }
        export function initSync(module) {
            wasm = module;
            return helperWithALongName(21);
        }
        async function __wbg_init(module_or_path) {
            return { answer: helperWithALongName(21), module_or_path };
        }
        export default __wbg_init;
    ";

    /// An empty folder of this test's own, removed when the test ends
    /// (with the `TempDir`).
    fn folder(name: &str) -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix(&format!("scripts-{name}-"))
            .tempdir()
            .expect("a temporary folder")
    }

    #[test]
    fn a_module_is_smaller_and_keeps_its_exports_and_properties() {
        let out = minify(MODULE, Kind::Module).expect("the module parses");
        assert!(out.len() < MODULE.len() / 2, "{out}");
        assert!(!out.contains("helperWithALongName"), "{out}");
        assert!(!out.contains("The exports"), "comments go: {out}");
        assert!(out.contains("initSync"), "{out}");
        assert!(out.contains("export default"), "{out}");
        assert!(out.contains("answer:"), "a property keeps its name: {out}");
        assert_eq!(
            minify(MODULE, Kind::Module),
            Some(out),
            "the same every time"
        );
    }

    #[test]
    fn a_classic_script_keeps_its_globals_and_what_it_does_not_declare() {
        let source = "function handle(event) { const request = event.request; return config.base + request.url; }\nself.addEventListener('fetch', handle);";
        let out = minify(source, Kind::Classic).expect("the script parses");
        assert!(out.contains("function handle("), "{out}");
        assert!(!out.contains("const request"), "{out}");
        assert!(out.contains("config.base"), "{out}");
        let module = minify(source, Kind::Module).expect("the module parses");
        assert!(!module.contains("handle"), "{module}");
        assert!(module.contains("config.base"), "{module}");
    }

    #[test]
    fn what_does_not_parse_is_not_minified() {
        assert_eq!(minify("export default ;;; {", Kind::Module), None);
    }

    #[test]
    fn the_fresh_scripts_are_minified_and_the_integrity_follows() {
        let scratch = folder("fresh");
        let dist = scratch.path();
        // Each app's script defines the one function its wasm imports.
        let script = format!(
            "{MODULE}\nexport function __wbg_get_imports() {{ return {{ __wbg_log_0123456789abcdef: function(e) {{ console.log(e); }} }}; }}"
        );
        let wasm = crate::imports::tests::wasm("./app_bg.js", &["__wbg_log_0123456789abcdef"]);
        for stem in ["reader-1a2b", "reading"] {
            fs::write(dist.join(format!("{stem}.js")), &script).expect("written");
            fs::write(dist.join(format!("{stem}_bg.wasm")), &wasm).expect("written");
        }
        let template = "<head><link rel=modulepreload href=/news/reader-1a2b.js integrity=sha384-OLD crossorigin><link rel=preload href=/news/reader-1a2b_bg.wasm as=fetch type=application/wasm integrity=sha384-OLDWASM crossorigin></head>";
        let out = minify_fresh(dist, template).expect("minified");
        let whole = fs::read(dist.join("reader-1a2b.js")).expect("there");
        let reading = fs::read(dist.join("reading.js")).expect("there");
        assert!(whole.len() < script.len() / 2);
        assert_eq!(whole, reading);
        assert!(
            !String::from_utf8_lossy(&whole).contains("__wbg_log"),
            "the import's name is short"
        );
        let shortened = crate::imports::tests::wasm("./app_bg.js", &["a"]);
        for stem in ["reader-1a2b", "reading"] {
            assert_eq!(
                fs::read(dist.join(format!("{stem}_bg.wasm"))).expect("there"),
                shortened
            );
        }
        assert!(out.contains(&sri(&whole)), "{out}");
        assert!(out.contains(&sri(&shortened)), "{out}");
        assert!(!out.contains("sha384-OLD"), "{out}");
    }

    #[test]
    fn a_template_without_the_apps_script_is_an_error() {
        let scratch = folder("no-script");
        let dist = scratch.path();
        assert!(matches!(
            minify_fresh(dist, "<head></head>"),
            Err(PrerenderError::Template(_))
        ));
    }
}
