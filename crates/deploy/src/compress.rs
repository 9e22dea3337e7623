//! Brotli and gzip copies of the app's own files (wasm, JS, CSS), made
//! once at build time at the highest levels, for hosts that serve
//! precompressed files (nginx `gzip_static`, the test server).
//!
//! Only they pay: every first visit downloads them, and Brotli 11 makes
//! the wasm markedly smaller than the level a CDN uses on the fly. The
//! pages, content and feeds are compressed by the host as it sends them
//! (Netlify, Cloudflare and CloudFront do; the nginx configuration turns
//! `gzip` on), at the level a build could afford for hundreds of thousands
//! of files: compressing them at build time took most of a large
//! archive's build (BENCHMARKS-SCALE.md), for files a reader fetches one
//! at a time.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::DeployError;

/// The app's own files (what every first visit downloads), the only
/// ones precompressed.
const APP: &[&str] = &["wasm", "js", "css"];

/// Files smaller than this are sent as they are.
const MIN_SIZE: u64 = 256;

/// What [`write_copies_for`] did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Compressed {
    pub files: usize,
    pub bytes_in: u64,
    pub brotli_bytes: u64,
    pub gzip_bytes: u64,
}

/// Where `reader-prerender` keeps the copies between builds unless
/// `$READER_COMPRESS_CACHE` says otherwise: Brotli 11 is slow on the wasm,
/// which changes only when the app's code does.
pub const CACHE: &str = "target/compress-cache";

impl std::ops::Add for Compressed {
    type Output = Self;

    fn add(self, other: Self) -> Self {
        Self {
            files: self.files + other.files,
            bytes_in: self.bytes_in + other.bytes_in,
            brotli_bytes: self.brotli_bytes + other.brotli_bytes,
            gzip_bytes: self.gzip_bytes + other.gzip_bytes,
        }
    }
}

/// Writes `<file>.br` (Brotli 11) and `<file>.gz` (gzip 9) next to each
/// of `files` that is one of the app's kinds and big enough to pay
/// ([`compressible`]), replacing older copies; files are compressed in
/// parallel, one per core. With a `cache`, the copies are kept there by
/// the SHA-256 of the file, so an unchanged file is compressed once.
///
/// # Errors
/// A file that cannot be read or written (a cache that cannot be written
/// is only not used).
pub fn write_copies_for(
    files: &[PathBuf],
    cache: Option<&Path>,
) -> Result<Compressed, DeployError> {
    let mut found = Vec::new();
    for path in files {
        let size = fs::metadata(path)
            .map_err(|e| DeployError::Io(path.clone(), e))?
            .len();
        if compressible(path, size) {
            found.push(path.clone());
        }
    }
    write_copies_of_all(&found, cache)
}

fn write_copies_of_all(files: &[PathBuf], cache: Option<&Path>) -> Result<Compressed, DeployError> {
    files
        .par_iter()
        .map(|path| write_copies_of(path, cache))
        .try_reduce(Compressed::default, |a, b| Ok(a + b))
}

/// Whether a file of `size` bytes at `path` gets copies: one of the app's
/// kinds, big enough to pay.
fn compressible(path: &Path, size: u64) -> bool {
    size >= MIN_SIZE
        && path
            .extension()
            .and_then(|ext| ext.to_str())
            .is_some_and(|ext| APP.contains(&ext))
}

fn write_copies_of(path: &Path, cache: Option<&Path>) -> Result<Compressed, DeployError> {
    let data = fs::read(path).map_err(|e| DeployError::Io(path.to_path_buf(), e))?;
    let cached = cache.map(|cache| {
        let key = format!("{:x}", Sha256::digest(&data));
        (
            cache,
            cache.join(format!("{key}.br")),
            cache.join(format!("{key}.gz")),
        )
    });
    let found = cached.as_ref().and_then(|(_, br, gz)| {
        let (brotli, gzip) = (fs::read(br).ok()?, fs::read(gz).ok()?);
        Some((brotli, gzip))
    });
    let (brotli, gzip) = match found {
        Some(copies) => copies,
        None => {
            let brotli = brotli_at(&data, 11);
            let gzip = gzip_at(&data, 9).map_err(|e| DeployError::Io(path.to_path_buf(), e))?;
            if let Some((cache, br, gz)) = &cached {
                // Only a cache: a build without it is slower, not wrong.
                let _ = fs::create_dir_all(cache)
                    .and_then(|()| fs::write(br, &brotli))
                    .and_then(|()| fs::write(gz, &gzip));
            }
            (brotli, gzip)
        }
    };
    write_beside(path, "br", &brotli)?;
    write_beside(path, "gz", &gzip)?;
    Ok(Compressed {
        files: 1,
        bytes_in: data.len() as u64,
        brotli_bytes: brotli.len() as u64,
        gzip_bytes: gzip.len() as u64,
    })
}

fn write_beside(path: &Path, extension: &str, data: &[u8]) -> Result<(), DeployError> {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(extension);
    let target = PathBuf::from(name);
    // Unchanged copies are left as they are (an update in place rewrites
    // nothing that stays the same).
    reader_output::write(&target, data)
        .map(drop)
        .map_err(|e| DeployError::Io(target, e))
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
    fn only_the_apps_files_big_enough_get_copies() {
        let scratch = tempfile::Builder::new()
            .prefix("reader-compress-")
            .tempdir()
            .expect("a scratch folder");
        let dir = scratch.path().join("dist");
        fs::create_dir_all(dir.join("content")).expect("dir");
        fs::write(dir.join("content/a.json"), "x".repeat(1000)).expect("a");
        fs::write(dir.join("index.html"), "x".repeat(1000)).expect("page");
        fs::write(
            dir.join("reader-0123456789abcdef_bg.wasm"),
            "x".repeat(1000),
        )
        .expect("wasm");
        fs::write(dir.join("tiny.css"), "a{}").expect("tiny");
        fs::write(dir.join("photo.jpg"), "x".repeat(1000)).expect("jpg");
        let cache = scratch.path().join("cache");
        let files: Vec<PathBuf> = [
            "content/a.json",
            "index.html",
            "reader-0123456789abcdef_bg.wasm",
            "tiny.css",
            "photo.jpg",
        ]
        .iter()
        .map(|file| dir.join(file))
        .collect();
        let done = write_copies_for(&files, Some(&cache)).expect("copies");
        assert_eq!(done.files, 1);
        let wasm = dir.join("reader-0123456789abcdef_bg.wasm");
        assert!(wasm.with_extension("wasm.br").exists() && wasm.with_extension("wasm.gz").exists());
        for file in [
            "content/a.json.br",
            "index.html.gz",
            "tiny.css.br",
            "photo.jpg.gz",
        ] {
            assert!(!dir.join(file).exists(), "{file}");
        }
        // A second build takes the copies from the cache, by the file's
        // hash: a cached copy marked by hand is what it publishes.
        let cached = fs::read_dir(&cache)
            .expect("cache")
            .map(|entry| entry.expect("entry").path())
            .find(|path| path.extension().is_some_and(|ext| ext == "br"))
            .expect("a cached copy");
        fs::write(&cached, "marked").expect("mark");
        write_copies_for(&files, Some(&cache)).expect("again");
        let published = fs::read(wasm.with_extension("wasm.br")).expect("copy");
        assert_eq!(published, b"marked");
    }
}
