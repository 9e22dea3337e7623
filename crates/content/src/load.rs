//! Reading a content folder: `site.json`, `speakers.json` and every
//! article file below `articles/` (in sub-folders too), each checked on
//! its own core; an update reads again only the files that changed since
//! the last build ([`crate::incremental::read_cache`]). Never fails:
//! whatever cannot be read or is wrong becomes a [`Problem`].

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use reader_model::{Aliases, Site};
use serde_json::{Map, Value};

use crate::article_file::{json_problems, load_article};
use crate::content::{Content, PHOTO_CACHE};
use crate::incremental::read_cache::{self, Loaded, Seen};
use crate::incremental::stamps;
use crate::model_errors;
use crate::photos::Photos;
use crate::problem::Problem;
use crate::progress::{Clock, Phases, Progress};

/// What editors write, in the content folder: the site's settings.
pub const SITE_FILE: &str = "site.json";
/// The speakers' other spellings (optional).
pub const ALIASES_FILE: &str = "speakers.json";
/// The articles, in sub-folders if the newsroom likes (by year, say).
pub const ARTICLES_DIR: &str = "articles";
/// Pictures: drawings (published as they are) and photographs (published
/// as the copies made of them).
pub const IMAGES_DIR: &str = "images";

impl Content {
    /// Reads `root/site.json` and every `root/articles/**/*.json`. Never
    /// fails: whatever cannot be read or is wrong becomes a [`Problem`].
    pub fn load(root: &Path) -> Self {
        Self::load_cached(root, None)
    }

    /// [`Content::load`], reading again only the files that changed since
    /// the last build with the same `cache` file (see [`read_cache`]),
    /// and keeping what it read there for the next.
    pub fn load_cached(root: &Path, cache: Option<&Path>) -> Self {
        let mut content = Self {
            root: root.to_path_buf(),
            site: None,
            aliases: Aliases::default(),
            articles: BTreeMap::new(),
            unloaded: HashSet::new(),
            automatic: std::sync::OnceLock::new(),
            photos: Photos::default(),
            photo_cache: PathBuf::from(PHOTO_CACHE),
            problems: Vec::new(),
            fresh: HashSet::new(),
            read: 0,
            phases: Phases::new(),
            translations: HashMap::new(),
            section_translations: HashMap::new(),
            speaker_translations: HashMap::new(),
        };
        let mut clock = Clock::start();
        let site_file = root.join(SITE_FILE);
        if let Some((site, text)) =
            content.read_model::<Site>(&site_file, model_errors::site_errors)
        {
            (content.problems).extend(crate::site_file::check(&site_file, &text, &site));
            content.site = Some(site);
        }
        let aliases = root.join(ALIASES_FILE);
        if aliases.exists() {
            content.aliases = (content.read_model::<Aliases>(&aliases, |json| {
                model_errors::errors::<Aliases>(json, &Map::new())
            }))
            .and_then(|(value, _)| serde_json::from_value(value).ok())
            .unwrap_or_default();
        }
        content.read_articles(cache, &mut clock);
        if content.articles.is_empty() && !content.has_errors() {
            content.problems.push(Problem::error(
                &root.join(ARTICLES_DIR),
                None,
                "no articles found",
            ));
        }
        content.check_related(&HashMap::new());
        content.check_sections();
        clock.phase("related");
        content.inspect_photos(&crate::photos::Photos::default());
        clock.phase("photos' headers");
        content.phases = clock.phases;
        content
    }

    /// Reads and checks every article file, on every core: those the read
    /// `cache` holds as they are now from it, the others from their files;
    /// then keeps what was read in the cache for the next build.
    fn read_articles(&mut self, cache: Option<&Path>, clock: &mut Clock) {
        let root = self.root.clone();
        let files = self.article_files();
        clock.phase("listing files");
        let tool = stamps::tool();
        let mut cached = cache
            .map(|file| read_cache::load(file, tool, &root))
            .unwrap_or_default();
        if cache.is_some() {
            clock.phase("read cache");
        }
        let jobs: Vec<(PathBuf, fs::DirEntry, Option<Loaded>)> = (files.into_iter())
            .map(|(path, listed)| {
                let entry = cached.entries.remove(&path);
                (path, listed, entry)
            })
            .collect();
        let progress = Progress::new("checked", jobs.len());
        let checked: Vec<(PathBuf, Option<Loaded>, Vec<Problem>, bool)> = jobs
            .into_par_iter()
            .map(|(path, listed, entry)| {
                let seen = Seen::of_listed(&listed, &path);
                let result = match entry.filter(|entry| entry.holds(seen)) {
                    Some(entry) => {
                        let warnings = entry.warnings.clone();
                        (Some(entry), warnings, false)
                    }
                    None => {
                        let (loaded, problems) = load_article(&root, &path, seen);
                        (loaded, problems, true)
                    }
                };
                progress.tick();
                (path, result.0, result.1, result.2)
            })
            .collect();
        cached.entries = HashMap::new();
        let mut fresh = Vec::new();
        for (path, loaded, problems, read) in checked {
            self.read += usize::from(read);
            self.problems.extend(problems);
            match loaded {
                Some(loaded) => {
                    if read {
                        fresh.push(loaded.source.slug.clone());
                    }
                    self.add(loaded);
                }
                None => {
                    self.unloaded.insert(crate::file_slug(&path).to_owned());
                }
            }
        }
        self.fresh = fresh.iter().cloned().collect();
        clock.phase("reading and checking");
        // A cache that fails to save is only a slower next build.
        if let Some(file) = cache {
            let fresh: Vec<&Loaded> = (fresh.iter())
                .filter_map(|slug| self.articles.get(slug))
                .collect();
            let all = self.articles.par_iter().map(|(_, loaded)| loaded);
            let live = self.articles.len();
            let _ = read_cache::save(file, tool, &root, &cached, &fresh, all, live);
            clock.phase("saving the read cache");
        }
    }

    /// Every article file below `articles/`, in order, with its entry in
    /// its folder's listing (which gives its size and time without
    /// looking the path up again).
    fn article_files(&mut self) -> Vec<(PathBuf, fs::DirEntry)> {
        let dir = self.root.join(ARTICLES_DIR);
        let mut files = Vec::new();
        let mut others = Vec::new();
        if let Err(err) = collect_articles(&dir, &mut files, &mut others) {
            self.problems.push(Problem::error(
                &dir,
                None,
                &format!("cannot read folder: {err}"),
            ));
        }
        for other in others {
            self.problems.push(Problem::warning(
                &other,
                None,
                "not an article file (.json, .md or .markdown, in lower case): skipped",
            ));
        }
        debug_assert!(files.is_sorted_by(|a, b| a.0 <= b.0));
        files
    }

    fn read_text(&mut self, path: &Path) -> Option<String> {
        match crate::article_file::read_source(path) {
            Ok(text) => Some(text),
            Err(err) => {
                self.problems
                    .push(Problem::error(path, None, &format!("cannot read: {err}")));
                None
            }
        }
    }

    /// Reads `path`, checks it against model type `T` (each value that
    /// does not fit reported by `every`), keeps it as JSON, with its text
    /// (for the places of what a later check finds).
    fn read_model<T: serde::de::DeserializeOwned>(
        &mut self,
        path: &Path,
        every: fn(&Value) -> Vec<model_errors::Found>,
    ) -> Option<(Value, String)> {
        let text = self.read_text(path)?;
        if let Err(err) = reader_model::from_json::<T>(&text) {
            (self.problems).extend(json_problems(path, &text, &err, every));
            return None;
        }
        Some((serde_json::from_str(&text).ok()?, text))
    }
}

/// The article files (`.json`, `.md`) below `dir`, each with its entry,
/// in the order of their paths (each folder's names sorted: no
/// comparison of whole paths); sub-folders (an archive by year, say)
/// listed on every core. Hidden files and folders (an editor's lock or
/// swap file, `.#a.json`; macOS's `._a.md`; `.git`) are passed over;
/// any other file goes into `others`, for a warning.
fn collect_articles(
    dir: &Path,
    files: &mut Vec<(PathBuf, fs::DirEntry)>,
    others: &mut Vec<PathBuf>,
) -> io::Result<()> {
    let mut entries: Vec<(std::ffi::OsString, bool, fs::DirEntry)> = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let folder = entry.file_type()?.is_dir();
        entries.push((entry.file_name(), folder, entry));
    }
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let folders: Vec<PathBuf> = (entries.iter())
        .filter(|(_, folder, _)| *folder)
        .map(|(name, _, _)| dir.join(name))
        .collect();
    type Listed = (Vec<(PathBuf, fs::DirEntry)>, Vec<PathBuf>);
    let below: Vec<Listed> = folders
        .par_iter()
        .map(|folder| {
            let (mut files, mut others) = (Vec::new(), Vec::new());
            collect_articles(folder, &mut files, &mut others).map(|()| (files, others))
        })
        .collect::<io::Result<_>>()?;
    let mut below = below.into_iter();
    for (name, folder, entry) in entries {
        let path = dir.join(&name);
        if folder {
            if let Some((found, other)) = below.next() {
                files.extend(found);
                others.extend(other);
            }
        } else if path.extension().is_some_and(|ext| ext == "json")
            || crate::markdown::is_markdown(&path)
        {
            files.push((path, entry));
        } else {
            others.push(path);
        }
    }
    Ok(())
}
