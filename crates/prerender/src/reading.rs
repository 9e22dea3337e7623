//! The reading app's files: Trunk builds the reading app (`src/bin/reading.rs`)
//! beside the whole app as it builds a worker, which it names after the
//! binary (`reading.js`, `reading_bg.wasm`) and adds nothing to the page
//! for. The prerender names the pair by their content, as Trunk names the
//! app's other files (so a host may keep them for good, and a deploy
//! never replaces a file a reader's open page still asks for), and gives
//! the loader their addresses and integrity hashes: the loader starts the
//! reading app on the pages that carry [`READING_ATTRIBUTE`] (the lists, an
//! article and its speeches, the Saved page), the whole app on the others.

use std::fs;
use std::io;
use std::path::Path;

use reader_deploy::Deployment;
use reader_deploy::integrity::{name_hash, sri};
use reader_model::PageContent;
use reader_model::layout::reading_app_files;

use crate::PrerenderError;

/// The binary's name, which Trunk names its files after.
pub const STEM: &str = "reading";

/// The attribute of a page's data element that says the reading app can
/// take the page over.
pub const READING_ATTRIBUTE: &str = "data-reading";

/// One file of the reading app: its name in the top folder and its
/// integrity hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub name: String,
    pub integrity: String,
}

impl File {
    fn of(name: String, bytes: &[u8]) -> Self {
        Self {
            name,
            integrity: sri(bytes),
        }
    }
}

/// The reading app's script and wasm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadingApp {
    pub script: File,
    pub wasm: File,
}

/// Whether the reading app shows `content` (its routes, `src/app.rs`).
pub fn shows(content: &PageContent) -> bool {
    matches!(
        content,
        PageContent::List(_) | PageContent::Article(_) | PageContent::Saved
    )
}

/// The reading app in `dist`'s top folder, its files named by their
/// content first if Trunk has just written them; `None` if the build has
/// no reading app.
///
/// # Errors
/// [`PrerenderError::Io`] if a file cannot be read or renamed;
/// [`PrerenderError::Template`] if only one of the two is there, or more
/// than one reading app.
pub fn prepare(dist: &Path) -> Result<Option<ReadingApp>, PrerenderError> {
    match name_by_content(dist)? {
        Some(app) => Ok(Some(app)),
        None => named_earlier(dist),
    }
}

/// Trunk's `reading.js` and `reading_bg.wasm`, if there, renamed to
/// `reading-<hash>.js` and `reading-<hash>_bg.wasm`, the hash of both.
fn name_by_content(dist: &Path) -> Result<Option<ReadingApp>, PrerenderError> {
    let script = dist.join(format!("{STEM}.js"));
    let wasm = dist.join(format!("{STEM}_bg.wasm"));
    let read = |path: &Path| match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(PrerenderError::Io(path.to_path_buf(), e)),
    };
    match (read(&script)?, read(&wasm)?) {
        (None, None) => Ok(None),
        (Some(script_bytes), Some(wasm_bytes)) => {
            let hash = name_hash(&[&script_bytes, &wasm_bytes]);
            let rename = |from: &Path, to: String, bytes: &[u8]| -> Result<File, PrerenderError> {
                fs::rename(from, dist.join(&to))
                    .map_err(|e| PrerenderError::Io(from.to_path_buf(), e))?;
                Ok(File::of(to, bytes))
            };
            let (script_name, wasm_name) = reading_app_files(&hash);
            Ok(Some(ReadingApp {
                wasm: rename(&wasm, wasm_name, &wasm_bytes)?,
                script: rename(&script, script_name, &script_bytes)?,
            }))
        }
        _ => Err(incomplete(dist)),
    }
}

/// The pair an earlier run named (the full build's, for an update).
fn named_earlier(dist: &Path) -> Result<Option<ReadingApp>, PrerenderError> {
    let names = fs::read_dir(dist)
        .map_err(|e| PrerenderError::Io(dist.to_path_buf(), e))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.starts_with(&format!("{STEM}-")) && Deployment::is_hashed(name))
        .collect::<Vec<_>>();
    let mut scripts = names.iter().filter(|name| name.ends_with(".js"));
    let (script, more) = (scripts.next(), scripts.next());
    let Some(script) = script else {
        return if names.is_empty() {
            Ok(None)
        } else {
            Err(incomplete(dist))
        };
    };
    if more.is_some() {
        return Err(PrerenderError::Template(format!(
            "more than one reading app in {}: {}",
            dist.display(),
            names.join(", ")
        )));
    }
    let wasm = format!("{}_bg.wasm", script.trim_end_matches(".js"));
    if !names.contains(&wasm) {
        return Err(incomplete(dist));
    }
    let file = |name: &str| -> Result<File, PrerenderError> {
        let path = dist.join(name);
        let bytes = fs::read(&path).map_err(|e| PrerenderError::Io(path, e))?;
        Ok(File::of(name.to_owned(), &bytes))
    };
    Ok(Some(ReadingApp {
        script: file(script)?,
        wasm: file(&wasm)?,
    }))
}

fn incomplete(dist: &Path) -> PrerenderError {
    PrerenderError::Template(format!(
        "the reading app in {} lacks its script or its wasm (a build of Trunk cut short?)",
        dist.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An empty folder, removed when the test ends (with the `TempDir`).
    fn scratch(name: &str) -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix(&format!("reader-prerender-reading-{name}-"))
            .tempdir()
            .expect("scratch")
    }

    #[test]
    fn trunks_files_are_named_by_their_content_once() {
        let folder = scratch("named");
        let dist = folder.path();
        fs::write(dist.join("reading.js"), "export default 1;").expect("js");
        fs::write(dist.join("reading_bg.wasm"), b"\0asm").expect("wasm");
        fs::write(dist.join("reader-0123456789abcdef.js"), "whole").expect("whole");
        let app = prepare(dist).expect("prepared").expect("a reading app");
        assert!(app.script.name.starts_with("reading-") && app.script.name.ends_with(".js"));
        assert_eq!(app.wasm.name, app.script.name.replace(".js", "_bg.wasm"));
        assert!(!dist.join("reading.js").exists() && !dist.join("reading_bg.wasm").exists());
        assert_eq!(app.script.integrity, sri(b"export default 1;"));
        assert_eq!(app.wasm.integrity, sri(b"\0asm"));
        // An update finds them as the full build left them.
        assert_eq!(prepare(dist).expect("again"), Some(app));
    }

    #[test]
    fn a_build_without_one_has_none_and_half_of_one_is_an_error() {
        let folder = scratch("none");
        let dist = folder.path();
        fs::write(dist.join("reader-0123456789abcdef.js"), "whole").expect("whole");
        assert_eq!(prepare(dist).expect("prepared"), None);
        fs::write(dist.join("reading.js"), "export default 1;").expect("js");
        assert!(matches!(prepare(dist), Err(PrerenderError::Template(_))));
    }
}
