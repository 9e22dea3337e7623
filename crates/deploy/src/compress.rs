//! Brotli and gzip copies of every compressible file, made once at build
//! time, for hosts that serve precompressed files (nginx `gzip_static`,
//! the test server) instead of compressing each response on the fly at a
//! lower level.
//!
//! What pays is compressed hardest: the app itself (wasm, JS, CSS), which
//! every first visit downloads, at Brotli's highest quality (11); pages,
//! content and feeds, of which an archive has hundreds of thousands, each
//! read rarely, at quality 6, about 12 % larger and 25 to 50 times faster
//! (at 11 they took 97 % of a 500-article build's prerender, 96.8 s of
//! 99 s); their gzip copies at level 6, as small as at 9.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::DeployError;

/// Extensions worth compressing (text, and wasm, which shrinks by ~2/3).
const COMPRESSIBLE: &[&str] = &["html", "js", "css", "wasm", "json", "svg", "xml", "txt"];

/// Files smaller than this are sent as they are.
const MIN_SIZE: u64 = 256;

/// What [`write_copies`] did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Compressed {
    pub files: usize,
    pub bytes_in: u64,
    pub brotli_bytes: u64,
    pub gzip_bytes: u64,
}

/// Writes `<file>.br` and `<file>.gz` at the file's [`Levels`]
/// next to every compressible file under `dir`, replacing older copies;
/// files are compressed in parallel, one per core.
///
/// # Errors
/// A file or folder that cannot be read or written.
pub fn write_copies(dir: &Path) -> Result<Compressed, DeployError> {
    compressible_files(dir)?
        .par_iter()
        .map(|path| write_copies_of(path))
        .try_reduce(Compressed::default, |a, b| {
            Ok(Compressed {
                files: a.files + b.files,
                bytes_in: a.bytes_in + b.bytes_in,
                brotli_bytes: a.brotli_bytes + b.brotli_bytes,
                gzip_bytes: a.gzip_bytes + b.gzip_bytes,
            })
        })
}

fn write_copies_of(path: &Path) -> Result<Compressed, DeployError> {
    let data = fs::read(path).map_err(|e| DeployError::Io(path.to_path_buf(), e))?;
    let levels = Levels::of(path);
    let brotli = brotli_at(&data, levels.brotli);
    let gzip = gzip_at(&data, levels.gzip).map_err(|e| DeployError::Io(path.to_path_buf(), e))?;
    write_beside(path, "br", &brotli)?;
    write_beside(path, "gz", &gzip)?;
    Ok(Compressed {
        files: 1,
        bytes_in: data.len() as u64,
        brotli_bytes: brotli.len() as u64,
        gzip_bytes: gzip.len() as u64,
    })
}

fn compressible_files(dir: &Path) -> Result<Vec<PathBuf>, DeployError> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = fs::read_dir(&folder).map_err(|e| DeployError::Io(folder.clone(), e))?;
        for entry in entries {
            let entry = entry.map_err(|e| DeployError::Io(folder.clone(), e))?;
            let path = entry.path();
            let meta = entry
                .metadata()
                .map_err(|e| DeployError::Io(path.clone(), e))?;
            if meta.is_dir() {
                folders.push(path);
            } else if meta.len() >= MIN_SIZE
                && path
                    .extension()
                    .and_then(|ext| ext.to_str())
                    .is_some_and(|ext| COMPRESSIBLE.contains(&ext))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

fn write_beside(path: &Path, extension: &str, data: &[u8]) -> Result<(), DeployError> {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(extension);
    let target = PathBuf::from(name);
    fs::write(&target, data).map_err(|e| DeployError::Io(target, e))
}

/// The app's own files (what every first visit downloads).
const APP: &[&str] = &["wasm", "js", "css"];

/// How hard a file is compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Levels {
    pub brotli: i32,
    pub gzip: u32,
}

impl Levels {
    /// The highest for the app's files (Brotli 11, gzip 9); Brotli 6 and
    /// gzip 6 for the rest (gzip 9 makes them no smaller).
    pub fn of(path: &Path) -> Self {
        let app = path
            .extension()
            .and_then(|ext| ext.to_str())
            .is_some_and(|ext| APP.contains(&ext));
        if app {
            Self {
                brotli: 11,
                gzip: 9,
            }
        } else {
            Self { brotli: 6, gzip: 6 }
        }
    }
}

/// Brotli at `quality` with a 4 MiB window (at 11, what `brotli -q 11`
/// does).
pub fn brotli_at(data: &[u8], quality: i32) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 3);
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin: 22,
        ..Default::default()
    };
    // Writing into a Vec cannot fail.
    let _ = brotli::BrotliCompress(&mut &data[..], &mut out, &params);
    out
}

/// gzip at `level` (0 to 9).
///
/// # Errors
/// Only if writing into memory fails.
pub fn gzip_at(data: &[u8], level: u32) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(level));
    encoder.write_all(data)?;
    encoder.finish()
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn copies_decompress_to_the_original() {
        let text = "<p>The same sentence, again and again.</p>".repeat(50);
        let brotli = brotli_at(text.as_bytes(), 11);
        let gzip = gzip_at(text.as_bytes(), 9).expect("gzip");
        assert!(brotli.len() < text.len() / 10 && gzip.len() < text.len() / 10);
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &brotli[..], &mut back).expect("brotli");
        assert_eq!(back, text.as_bytes());
        let mut back = String::new();
        flate2::read::GzDecoder::new(&gzip[..])
            .read_to_string(&mut back)
            .expect("gzip");
        assert_eq!(back, text);
    }

    #[test]
    fn the_app_is_compressed_hardest_and_pages_fast() {
        let best = Levels {
            brotli: 11,
            gzip: 9,
        };
        let fast = Levels { brotli: 6, gzip: 6 };
        assert_eq!(
            Levels::of(Path::new("reader-0123456789abcdef_bg.wasm")),
            best
        );
        assert_eq!(Levels::of(Path::new("styles-0123456789abcdef.css")), best);
        assert_eq!(Levels::of(Path::new("news/a/index.html")), fast);
        assert_eq!(Levels::of(Path::new("content/articles/a.json")), fast);
        let page =
            "<article><h1>A headline</h1><p>A paragraph of the article.</p></article>".repeat(40);
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &brotli_at(page.as_bytes(), 6)[..], &mut back)
            .expect("brotli");
        assert_eq!(back, page.as_bytes());
    }

    #[test]
    fn only_compressible_files_big_enough_get_copies() {
        let dir = std::env::temp_dir().join(format!("reader-compress-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("content")).expect("dir");
        fs::write(dir.join("content/a.json"), "x".repeat(1000)).expect("a");
        fs::write(dir.join("tiny.css"), "a{}").expect("tiny");
        fs::write(dir.join("photo.jpg"), "x".repeat(1000)).expect("jpg");
        let done = write_copies(&dir).expect("copies");
        assert_eq!(done.files, 1);
        assert!(dir.join("content/a.json.br").exists() && dir.join("content/a.json.gz").exists());
        assert!(!dir.join("tiny.css.br").exists() && !dir.join("photo.jpg.gz").exists());
        let _ = fs::remove_dir_all(&dir);
    }
}
