//! Photographs made fit for every screen. An editor puts the original, as
//! the camera or phone saved it, in `content/images/` and names it in an
//! article; the build:
//!
//! - checks it from its header alone, before decoding a pixel
//!   ([`original`]): a file that is not the picture its name claims, a
//!   decompression bomb or an oversized original is refused, an original
//!   too small for its place is reported, and so is a photo without a
//!   credit where the site requires one;
//! - plans the copies each place it is shown in needs ([`plan`]): widths
//!   for 1×, 2× and 3× screens, cut to the place's shape, in WebP and
//!   JPEG, and the whole photo for readers who open it, under names
//!   hashed from the original's bytes;
//! - makes them ([`encode`]): upright (the camera's orientation flag
//!   applied), with no EXIF, XMP, IPTC or GPS data, each original decoded
//!   once, on every core; a copy already in the cache (by name, so by
//!   content) is not made again.
//!
//! Originals are never published; drawings (SVG) are, as written.

pub mod encode;
pub mod original;
pub mod plan;

use reader_output::Output;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use rayon::prelude::*;
use reader_model::{Image, Place};
use serde_json::Value;

use crate::problem::Problem;
use original::{Original, PhotoError};
use plan::PlaceCopies;

/// The extensions of files the build treats as photographs: it makes
/// copies of them and never publishes them as they are.
pub const PHOTO_EXTENSIONS: [&str; 9] = [
    "jpg", "jpeg", "png", "webp", "gif", "tif", "tiff", "heic", "avif",
];

/// Whether `path` names a photograph (by its extension).
pub fn is_photo(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| PHOTO_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

/// One place an article shows a photograph in.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct PhotoUse {
    /// The article file, and where its `src` is in it.
    pub article: PathBuf,
    pub position: Option<(usize, usize)>,
    /// The original, in the content folder.
    pub original: PathBuf,
    pub place: Place,
    pub credited: bool,
    /// Not named by the editor but taken from another place (the list's
    /// thumbnail from the lead photo): planned, and its problems are that
    /// place's, reported there once.
    pub derived: bool,
}

/// Every photograph the content shows, read and planned.
#[derive(Debug, Default)]
pub struct Photos {
    /// By original, then by place.
    planned: BTreeMap<PathBuf, (Original, BTreeMap<Place, PlaceCopies>)>,
}

/// What [`Photos::write`] did, and its cost.
#[derive(Debug, Clone, Copy, Default)]
pub struct Written {
    pub originals: usize,
    /// Originals decoded (the others' copies were all in the cache).
    pub decoded: usize,
    pub files: usize,
    pub made: usize,
    pub seconds: f64,
}

impl Photos {
    /// Reads each original once (on every core) and plans its copies;
    /// what is wrong becomes a problem at each article place that names it.
    /// An original `known` has read already is not read again (an
    /// edition's photographs, after the whole content's).
    pub fn inspect(uses: &[PhotoUse], require_credit: bool, known: &Self) -> (Self, Vec<Problem>) {
        let paths: BTreeSet<&PathBuf> = uses.iter().map(|use_| &use_.original).collect();
        let read: BTreeMap<&PathBuf, Result<Original, PhotoError>> = paths
            .into_par_iter()
            .map(|path| match known.planned.get(path) {
                Some((original, _)) => (path, Ok(original.clone())),
                None => (path, Original::inspect(path)),
            })
            .collect();
        let mut photos = Self::default();
        let mut problems: Vec<Problem> = Vec::new();
        for use_ in uses {
            let name = use_.original.display();
            let what = use_.place.describe();
            let mut problem = |message: String| {
                if !use_.derived {
                    problems.push(Problem::error(&use_.article, use_.position, &message));
                }
            };
            if require_credit && !use_.credited {
                problem(format!(
                    "{what} ({name}) has no credit, and this site requires one: add `credit:` with who took it"
                ));
            }
            match read.get(&use_.original) {
                Some(Ok(original)) => {
                    let shown = use_.place.shown_width();
                    let planned = plan::for_place(original, use_.place);
                    let cut = planned
                        .files
                        .first()
                        .map_or(original.width, |c| c.crop.width);
                    if cut < shown && !use_.derived {
                        problems.push(Problem::warning(
                            &use_.article,
                            use_.position,
                            &format!(
                                "{what} {name} is {cut} px wide where it is shown; \
                                 the place is {shown} px wide ({} on sharp screens), \
                                 so it will look blurred: use a larger original",
                                shown * 2
                            ),
                        ));
                    }
                    photos
                        .planned
                        .entry(use_.original.clone())
                        .or_insert_with(|| (original.clone(), BTreeMap::new()))
                        .1
                        .insert(use_.place, planned);
                }
                Some(Err(err)) => problem(format!("{what} {name} {err}")),
                None => {}
            }
        }
        (photos, problems)
    }

    pub fn is_empty(&self) -> bool {
        self.planned.is_empty()
    }

    /// A hash of the plan: each original's copies by name, and what pages
    /// are told of them (a name holds the original's hash and the size).
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        for (path, (_, places)) in &self.planned {
            path.hash(&mut hasher);
            for (place, planned) in places {
                (place, &planned.src, planned.width, planned.height).hash(&mut hasher);
                (serde_json::to_string(&planned.copies).unwrap_or_default()).hash(&mut hasher);
                for copy in &planned.files {
                    copy.file.hash(&mut hasher);
                }
            }
        }
        hasher.finish()
    }

    /// What the page is told about the photograph at `original` in
    /// `place`, if it is one.
    pub fn planned(&self, original: &Path, place: Place) -> Option<&PlaceCopies> {
        self.planned.get(original)?.1.get(&place)
    }

    /// `image` as published in `place`: its `src`, size and copies, when
    /// `original` is a planned photograph.
    pub fn publish(&self, image: &mut Image, original: &Path, place: Place) {
        if let Some(planned) = self.planned(original, place)
            && let Ok(src) = reader_model::SafeUrl::parse(&planned.src)
        {
            image.src = src;
            image.width = Some(planned.width);
            image.height = Some(planned.height);
            image.copies = Some(planned.copies.clone());
        }
    }

    /// The same for an image object in an article's JSON.
    pub fn publish_json(&self, image: &mut Value, original: &Path, place: Place) {
        if let (Some(planned), Value::Object(map)) = (self.planned(original, place), image) {
            map.insert("src".into(), planned.src.clone().into());
            map.insert("width".into(), planned.width.into());
            map.insert("height".into(), planned.height.into());
            if let Ok(copies) = serde_json::to_value(&planned.copies) {
                map.insert("copies".into(), copies);
            }
        }
    }

    /// Writes every copy into `out` (`…/content/photos`), taking those
    /// already made from `cache` and adding the others to it.
    ///
    /// # Errors
    /// A file that cannot be written, or an original that cannot be
    /// decoded or encoded (it changed since it was inspected).
    pub fn write(&self, out: &Path, cache: &Path, output: &Output) -> io::Result<Written> {
        if self.planned.is_empty() {
            return Ok(Written::default());
        }
        let started = Instant::now();
        fs::create_dir_all(out)?;
        fs::create_dir_all(cache)?;
        let made = AtomicUsize::new(0);
        let decoded = AtomicUsize::new(0);
        let files = AtomicUsize::new(0);
        self.planned
            .par_iter()
            .try_for_each(|(_, (original, places))| {
                let mut wanted: BTreeMap<&str, &plan::Copy> = BTreeMap::new();
                for copy in places.values().flat_map(|planned| &planned.files) {
                    wanted.insert(copy.file.as_str(), copy);
                }
                let missing: Vec<&plan::Copy> = (wanted.values().copied())
                    .filter(|copy| !cache.join(&copy.file).is_file())
                    .collect();
                if !missing.is_empty() {
                    let pixels = original.decode().map_err(|err| {
                        io::Error::other(format!("{}: {err}", original.path.display()))
                    })?;
                    decoded.fetch_add(1, Ordering::Relaxed);
                    missing.par_iter().try_for_each(|copy| {
                        let bytes = encode::encode(&pixels, copy).map_err(|err| {
                            io::Error::other(format!("{}: {err}", original.path.display()))
                        })?;
                        made.fetch_add(1, Ordering::Relaxed);
                        // The WebP and JPEG copies of one width are written at
                        // once: each under its own temporary name.
                        reader_output::write_atomically(&cache.join(&copy.file), &bytes)
                    })?;
                }
                for file in wanted.keys() {
                    publish_file(&cache.join(file), &out.join(file))?;
                    output.keep(&out.join(file));
                    files.fetch_add(1, Ordering::Relaxed);
                }
                Ok::<(), io::Error>(())
            })?;
        Ok(Written {
            originals: self.planned.len(),
            decoded: decoded.into_inner(),
            files: files.into_inner(),
            made: made.into_inner(),
            seconds: started.elapsed().as_secs_f64(),
        })
    }
}

/// Puts a cached copy in the build: a hard link where the file system
/// allows one, else a copy.
fn publish_file(cached: &Path, published: &Path) -> io::Result<()> {
    // A copy's name carries the hash of what made it: one already
    // published (by the last build into this folder) is this one.
    if published.is_file() {
        return Ok(());
    }
    fs::hard_link(cached, published).or_else(|_| fs::copy(cached, published).map(|_| ()))
}
