//! The content build: read every article file, check it against the model
//! and the rest of the archive, and write what the app fetches:
//!
//! - `site.json`, as written (minified), with the list of sections added;
//! - `list/front.json` and `list/<k>.json`: the news list's front (its
//!   newest articles) and its archive pages of [`LIST_PAGE_SIZE`], counted
//!   from the oldest so that publishing leaves older pages as they are
//!   (see [`ListPage`]), only what the list shows;
//! - `sections/<section>/front.json`, `sections/<section>/<k>.json`: the
//!   same, one list per section;
//! - `articles/<slug>.json`, each with its related links resolved to
//!   `{slug, headline}`; an article whose editor named none gets the
//!   nearest by shared speakers, then by section ([`related`]);
//! - `speakers/`: everyone who spoke, and a file per person;
//! - `search/<key>.json`: the search index, in small files
//!   ([`search_index`]);
//! - `article.schema.json`, the schema editors' tools read;
//! - `images/`: drawings (SVG), copied; photographs are never published
//!   as saved: `photos/` holds the copies made of them ([`photos`]).
//!
//! Articles may sit in sub-folders of `articles/` (by year, say); slugs
//! must still be unique across the archive.

pub mod checks;
pub mod convert;
pub mod derived;
pub mod generate;
pub mod import;
pub mod locate;
pub mod markdown;
pub mod photos;
mod problem;
mod progress;
pub mod read_cache;
pub mod related;
pub mod search_index;
pub mod stamps;

use search_index::{Indexed, WordSets};
use stamps::ArticleStamps;

use reader_output::{Output, remove_if_there};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use reader_model::{
    Aliases, ArticleSource, LIST_PAGE_SIZE, ListItem, ListPage, ModelError, Paginated, Place,
    RelatedLink, Section, Site, Slug, Speaker, Speakers, section_slug,
};
use serde_json::Value;

use crate::checks::ArticleFile;
use crate::locate::{Step, locate};
use crate::photos::{PhotoUse, Photos};
pub use crate::problem::{Problem, Severity};
use crate::progress::Progress;
use crate::read_cache::{Loaded, Seen};

/// Everything read from a content folder, and what was wrong with it.
pub struct Build {
    root: PathBuf,
    site: Option<Value>,
    /// Other spellings of speakers' names (`speakers.json`, optional).
    aliases: Aliases,
    articles: BTreeMap<Slug, Loaded>,
    /// Related articles chosen for those whose editor named none (chosen
    /// when first needed: an update whose archive-wide files stand needs
    /// none).
    automatic: std::sync::OnceLock<HashMap<Slug, Vec<Slug>>>,
    photos: Photos,
    /// Where copies of photographs are kept between builds.
    photo_cache: PathBuf,
    problems: Vec<Problem>,
    /// The articles whose files were read and checked (the others were
    /// as the read cache had them).
    fresh: HashSet<Slug>,
    /// Article files read and checked (with those that did not load).
    read: usize,
    /// Where loading's time went.
    phases: Phases,
}

/// What [`Build::write_with`] does with the search index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchIndex {
    /// Builds it from every article (what a build publishes).
    Build,
    /// Keeps the index files already in the folder, if any, as they are:
    /// the preview shows a saved edit first and builds the index after
    /// (it is most of the content build's time).
    KeepLast,
    /// Updates the folder's last build in place, keeping what that needs
    /// in this state folder (outside what is published): the index is
    /// updated from the articles whose words changed since it was made
    /// (see [`search_index::Indexed`]), to exactly what
    /// [`SearchIndex::Build`] writes, or built whole when it cannot (no
    /// state, or an article's number changed); and an article whose file,
    /// related links and the tool are all as they were when it was last
    /// published here is not published again ([`ArticleStamps`]).
    Update(PathBuf),
}

/// The search index's state file in an update's state folder (see
/// [`search_index::Indexed`]).
const INDEX_STATE: &str = "search-index";

/// More changed articles than this, and building the index whole is as
/// quick as updating it.
const MOST_CHANGES: usize = 2_000;

/// How the search index of this build is made.
enum IndexPlan {
    Keep,
    Whole(Option<PathBuf>),
    /// Update in place: the state to record, where, and each changed
    /// article's number with its words in the index before.
    Update(Indexed, PathBuf, Vec<(u32, Option<WordSets>)>),
}

/// In an update whose archive-wide files stand ([`derived`]): the
/// articles whose files were read again, each with its related links as
/// they were last published (`None`: not at hand, chosen again).
struct ReadAgain {
    links: HashMap<Slug, Option<Vec<RelatedLink>>>,
}

/// Where a step's time went: each phase and its seconds (wall clock).
pub type Phases = Vec<(&'static str, f64)>;

/// What [`Build::write`] did.
#[derive(Debug, Clone, Default)]
pub struct Written {
    pub photos: photos::Written,
    /// Files written (their bytes changed), and files made in all.
    pub written: usize,
    pub made: usize,
    /// Files of an earlier build removed.
    pub removed: usize,
    /// How the search index was made.
    pub index: IndexMade,
    /// Articles published (the others were kept as the last build of the
    /// folder published them: see [`SearchIndex::Update`]).
    pub published: usize,
    /// Whether the archive-wide files were written or stood ([`derived`]).
    pub archive_wide: ArchiveWide,
    pub phases: Phases,
}

/// What a build did with the archive-wide files: `site.json`, the lists,
/// the speakers' files and the related links ([`derived`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ArchiveWide {
    /// Made, each written where its bytes changed.
    #[default]
    Written,
    /// Left as the last build wrote them: nothing they are made from
    /// changed.
    Standing,
}

/// How a build made its search index.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum IndexMade {
    /// Kept as the last build left it.
    #[default]
    Kept,
    /// Built from every article.
    Whole,
    /// Updated in place from this many changed articles.
    Updated(usize),
}

/// Records phases one after the other.
struct Clock {
    last: std::time::Instant,
    phases: Phases,
}

impl Clock {
    fn start() -> Self {
        Self {
            last: std::time::Instant::now(),
            phases: Phases::new(),
        }
    }

    /// The time since the last phase ended, as `name`.
    fn phase(&mut self, name: &'static str) {
        let now = std::time::Instant::now();
        self.phases
            .push((name, now.duration_since(self.last).as_secs_f64()));
        self.last = now;
    }
}

/// Where copies of photographs are kept between builds unless
/// `$READER_PHOTO_CACHE` says otherwise.
pub const PHOTO_CACHE: &str = "target/photo-cache";

impl Build {
    /// Reads `root/site.json` and every `root/articles/**/*.json`. Never
    /// fails: whatever cannot be read or is wrong becomes a [`Problem`].
    pub fn load(root: &Path) -> Self {
        Self::load_cached(root, None)
    }

    /// [`Build::load`], reading again only the files that changed since
    /// the last build with the same `cache` file (see [`read_cache`]),
    /// and keeping what it read there for the next.
    pub fn load_cached(root: &Path, cache: Option<&Path>) -> Self {
        let mut build = Self {
            root: root.to_path_buf(),
            site: None,
            aliases: Aliases::default(),
            articles: BTreeMap::new(),
            automatic: std::sync::OnceLock::new(),
            photos: Photos::default(),
            photo_cache: PathBuf::from(PHOTO_CACHE),
            problems: Vec::new(),
            fresh: HashSet::new(),
            read: 0,
            phases: Phases::new(),
        };
        let mut clock = Clock::start();
        build.site = build.read_model::<Site>(&root.join("site.json"));
        let aliases = root.join("speakers.json");
        if aliases.exists() {
            build.aliases = build
                .read_model::<Aliases>(&aliases)
                .and_then(|value| serde_json::from_value(value).ok())
                .unwrap_or_default();
        }
        let files = build.article_files();
        clock.phase("listing files");
        let tool = stamps::tool();
        let mut cached = cache
            .map(|file| read_cache::load(file, tool, root))
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
        let checked: Vec<(Option<Loaded>, Vec<Problem>, bool)> = jobs
            .into_par_iter()
            .map(|(path, listed, entry)| {
                let seen = Seen::of_listed(&listed, &path);
                let result = match entry.filter(|entry| entry.holds(seen)) {
                    Some(entry) => {
                        let warnings = entry.warnings.clone();
                        (Some(entry), warnings, false)
                    }
                    None => {
                        let (loaded, problems) = load_article(root, &path, seen);
                        (loaded, problems, true)
                    }
                };
                progress.tick();
                result
            })
            .collect();
        cached.entries = HashMap::new();
        let mut fresh = Vec::new();
        for (loaded, problems, read) in checked {
            build.read += usize::from(read);
            build.problems.extend(problems);
            if let Some(loaded) = loaded {
                if read {
                    fresh.push(loaded.source.slug.clone());
                }
                build.add(loaded);
            }
        }
        build.fresh = fresh.iter().cloned().collect();
        clock.phase("reading and checking");
        // A cache that fails to save is only a slower next build.
        if let Some(file) = cache {
            let fresh: Vec<&Loaded> = (fresh.iter())
                .filter_map(|slug| build.articles.get(slug))
                .collect();
            let all = build.articles.par_iter().map(|(_, loaded)| loaded);
            let live = build.articles.len();
            let _ = read_cache::save(file, tool, root, &cached, &fresh, all, live);
            clock.phase("saving the read cache");
        }
        if build.articles.is_empty() && !build.has_errors() {
            build.problems.push(Problem::error(
                &root.join("articles"),
                None,
                "no articles found",
            ));
        }
        build.check_related();
        clock.phase("related");
        build.inspect_photos();
        clock.phase("photos' headers");
        build.phases = clock.phases;
        build
    }

    /// How many article files were read and checked: all, but in an
    /// update those whose read cache entry stands.
    pub fn files_read(&self) -> usize {
        self.read
    }

    /// Where loading's time went.
    pub fn phases(&self) -> &Phases {
        &self.phases
    }

    /// Keeps copies of photographs in `dir` between builds.
    pub fn set_photo_cache(&mut self, dir: PathBuf) {
        self.photo_cache = dir;
    }

    fn inspect_photos(&mut self) {
        let uses: Vec<PhotoUse> = (self.articles.values())
            .flat_map(|loaded| loaded.photos.iter().cloned())
            .collect();
        let require = self
            .site
            .as_ref()
            .and_then(|site| site["require_photo_credit"].as_bool())
            .unwrap_or(false);
        let (photos, problems) = Photos::inspect(&uses, require);
        self.photos = photos;
        self.problems.extend(problems);
    }

    /// The original a published picture's `src` names, if it is one of
    /// the content's photographs.
    fn original(&self, src: &str) -> Option<PathBuf> {
        let url = reader_model::SafeUrl::parse(src).ok()?;
        checks::content_file(&self.root, &url).filter(|path| photos::is_photo(path))
    }

    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    pub fn article_count(&self) -> usize {
        self.articles.len()
    }

    /// Every section an article names, by name.
    pub fn sections(&self) -> Vec<Section> {
        let names: BTreeSet<&str> = self
            .articles
            .values()
            .map(|loaded| loaded.source.section.as_str())
            .collect();
        names
            .into_iter()
            .map(|name| Section {
                slug: section_slug(name),
                name: name.to_owned(),
            })
            .collect()
    }

    /// The news list as its front and archive pages (each section's list
    /// is made from it: see [`Build::write_with`]).
    pub fn list_pages(&self) -> Paginated {
        ListPage::paginate(self.list_items(), None)
    }

    fn list_items(&self) -> Vec<ListItem> {
        self.articles
            .values()
            .map(|loaded| {
                let mut item = ListItem::from(&*loaded.source);
                if let Some(image) = &mut item.thumbnail
                    && let Some(original) = self.original(image.src.as_str())
                {
                    self.photos.publish(image, &original, Place::Thumbnail);
                }
                item
            })
            .collect()
    }

    /// Everyone who spoke, and each person's speeches.
    pub fn speakers(&self) -> (Speakers, Vec<Speaker>) {
        let articles = self.articles.values().map(|loaded| &*loaded.source);
        reader_model::build_speakers(articles, &self.aliases)
    }

    /// The related articles an article is published with: those its
    /// editor named (that exist), else the ones chosen for it.
    pub fn related(&self, slug: &Slug) -> Vec<RelatedLink> {
        let Some(loaded) = self.articles.get(slug) else {
            return Vec::new();
        };
        let named = &loaded.source.related;
        let slugs = if named.is_empty() {
            (self.automatic.get_or_init(|| self.choose_related()))
                .get(slug)
                .map_or(&[][..], Vec::as_slice)
        } else {
            named.as_slice()
        };
        slugs
            .iter()
            .filter_map(|slug| {
                self.articles.get(slug).map(|target| RelatedLink {
                    slug: slug.clone(),
                    headline: target.source.headline.clone(),
                })
            })
            .collect()
    }

    /// The published form of one article: its JSON as written, with
    /// `related` resolved to links.
    ///
    /// # Errors
    /// The file cannot be read again, or no longer parses.
    pub fn published_article(&self, slug: &Slug) -> io::Result<Value> {
        self.publish_with(slug, &self.related(slug))
    }

    /// [`Build::published_article`] with these related links.
    fn publish_with(&self, slug: &Slug, related: &[RelatedLink]) -> io::Result<Value> {
        let loaded = self
            .articles
            .get(slug)
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, slug.as_str()))?;
        let text = fs::read_to_string(&loaded.path)?;
        let (mut json, _) = article_json(&loaded.path, &text)?;
        if let Value::Object(map) = &mut json {
            map.insert(
                "related".into(),
                serde_json::to_value(related).map_err(io::Error::other)?,
            );
            map.remove("$schema");
        }
        for (steps, place) in checks::images(&json) {
            let image = steps.iter().try_fold(&mut json, |value, step| match step {
                Step::Key(key) => value.get_mut(key.as_str()),
                Step::Index(index) => value.get_mut(*index),
            });
            if let Some(image) = image
                && let Some(original) = image["src"].as_str().and_then(|src| self.original(src))
            {
                self.photos.publish_json(image, &original, place);
            }
        }
        Ok(json)
    }

    /// Publishes the articles into `dir`: every one, or in an update
    /// whose archive-wide files stand (`only`) those read again and those
    /// with photographs; in an update (a `state` folder), only those
    /// whose stamp changed since they were last published there; the
    /// rest are kept as they are. Returns how many were published.
    fn write_articles(
        &self,
        output: &Output,
        dir: &Path,
        state: Option<&Path>,
        only: Option<&ReadAgain>,
    ) -> io::Result<usize> {
        if only.is_some_and(|only| only.links.is_empty())
            && self
                .articles
                .values()
                .all(|loaded| loaded.photos.is_empty())
        {
            // Nothing read again, no photographs: every article stands.
            return Ok(0);
        }
        let file = state.map(|state| state.join("articles"));
        let mut stamps = file.as_deref().map(ArticleStamps::load).unwrap_or_default();
        // Gone while the files change: a build stopped halfway leaves no
        // stamps, and the next publishes every article.
        if let Some(file) = &file {
            remove_if_there(file)?;
        }
        let tool = stamps::tool();
        // What is published there already: one listing, not a stat each
        // (for a few articles, a stat each).
        let present: Option<HashSet<std::ffi::OsString>> = match only {
            Some(_) => None,
            None => Some(match fs::read_dir(dir) {
                Ok(entries) => entries
                    .map(|entry| entry.map(|entry| entry.file_name()))
                    .collect::<io::Result<_>>()?,
                Err(err) if err.kind() == io::ErrorKind::NotFound => HashSet::new(),
                Err(err) => return Err(err),
            }),
        };
        let articles: Vec<(&Slug, &Loaded)> = match only {
            None => self.articles.iter().collect(),
            Some(only) => (self.articles.iter())
                .filter(|(slug, loaded)| {
                    only.links.contains_key(*slug) || !loaded.photos.is_empty()
                })
                .collect(),
        };
        let progress = Progress::new("published", articles.len());
        let published = std::sync::atomic::AtomicUsize::new(0);
        let now = articles
            .par_iter()
            .map(|(slug, loaded)| {
                let name = format!("{slug}.json");
                let path = dir.join(&name);
                let related = only
                    .and_then(|only| only.links.get(*slug).cloned().flatten())
                    .unwrap_or_else(|| self.related(slug));
                let stamp = (loaded.photos.is_empty())
                    .then(|| stamps::stamp(tool, loaded.text_hash, &related));
                let there = || match &present {
                    Some(present) => present.contains(std::ffi::OsStr::new(&name)),
                    None => path.is_file(),
                };
                let kept = stamp.is_some() && stamps.get(slug.as_str()) == stamp && there();
                if !kept {
                    write_json(output, &path, &self.publish_with(slug, &related)?)?;
                    published.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
                progress.tick();
                Ok(((*slug).to_string(), stamp, kept.then_some(path)))
            })
            .collect::<io::Result<Vec<_>>>()?;
        let (now, kept): (Vec<_>, Vec<_>) = (now.into_iter())
            .map(|(slug, stamp, path)| ((slug, stamp), path))
            .unzip();
        // Kept in one go (not a lock each).
        output.keep_all(kept.into_iter().flatten());
        match (&file, only) {
            (None, _) => {}
            // Every article, in order.
            (Some(file), None) => {
                let lines: Vec<(String, u64)> = (now
                    .into_iter()
                    .filter_map(|(slug, stamp)| Some((slug, stamp?))))
                .collect();
                stamps::write_lines(&lines, file)?;
            }
            (Some(file), Some(_)) => {
                for (slug, stamp) in now {
                    stamps.set(slug, stamp);
                }
                stamps::write_lines(&stamps.lines(), file)?;
            }
        }
        Ok(published.into_inner())
    }

    /// How this build makes its search index (see [`SearchIndex`]): for
    /// an update, which articles' words changed since the index was made,
    /// and their words as indexed then, read from their published files
    /// (checked against the state's hash of them).
    fn index_plan(
        &self,
        search: &SearchIndex,
        search_dir: &Path,
        order: &[&Loaded],
        then: Option<&Indexed>,
        published: &Path,
    ) -> IndexPlan {
        let state = match search {
            SearchIndex::KeepLast if search_dir.is_dir() => return IndexPlan::Keep,
            SearchIndex::Build | SearchIndex::KeepLast => return IndexPlan::Whole(None),
            SearchIndex::Update(state) => state.join(INDEX_STATE),
        };
        let whole = || IndexPlan::Whole(Some(state.clone()));
        let Some(then) = then.filter(|_| search_dir.is_dir()) else {
            return whole();
        };
        let now = Indexed {
            articles: (order.iter())
                .map(|loaded| (loaded.source.slug.to_string(), loaded.index_hash))
                .collect(),
        };
        let Some(changed) = now.changed_since(then).filter(|c| c.len() <= MOST_CHANGES) else {
            return whole();
        };
        let mut before = Vec::with_capacity(changed.len());
        for id in changed {
            let Some((slug, hash)) = then.articles.get(id as usize) else {
                before.push((id, None));
                continue;
            };
            let file = published.join(format!("{slug}.json"));
            let article: Option<reader_model::Article> = fs::read_to_string(&file)
                .ok()
                .and_then(|text| reader_model::from_json(&text).ok());
            match article.filter(|article| Indexed::hash_of(article) == *hash) {
                Some(article) => before.push((id, Some(WordSets::of(&article)))),
                None => return whole(),
            }
        }
        IndexPlan::Update(now, state, before)
    }

    /// Writes the published content into `out` (created if missing), and
    /// says what making the photographs' copies took.
    ///
    /// # Errors
    /// Any I/O error; the folder may then be partly written.
    pub fn write(&self, out: &Path) -> io::Result<Written> {
        self.write_with(out, SearchIndex::Build)
    }

    /// [`Build::write`], building the search index or keeping the one
    /// already in `out` (see [`SearchIndex`]).
    ///
    /// # Errors
    /// Any I/O error; the folder may then be partly written.
    pub fn write_with(&self, out: &Path, search: SearchIndex) -> io::Result<Written> {
        let state = state_dir(&search);
        // What this build changes, for the prerender's update (when it
        // keeps a journal of this folder: see reader_output::journal).
        let state_folder =
            state.map_or_else(|| reader_output::state_folder(out), Path::to_path_buf);
        let journal = reader_output::journal::Writer::begin(&state_folder)?;
        let output = Output::new(out);
        let mut clock = Clock::start();
        // In an update, whether the archive-wide files stand as the last
        // build wrote them, and then the search index's order (theirs).
        let key = state.map(|_| {
            derived::key(
                stamps::tool(),
                self.site.as_ref(),
                &self.aliases,
                &self.articles,
                self.photos.fingerprint(),
            )
        });
        // The search index as the last update made it (read once).
        let indexed = state.and_then(|state| Indexed::load(&state.join(INDEX_STATE)));
        let standing = state
            .filter(|state| key.is_some() && derived::load(state) == key)
            .filter(|_| self.holds_last_build(out))
            .and_then(|_| self.order_as_indexed(indexed.as_ref()?));
        // Gone while the files change (any build into the folder): a
        // build stopped halfway leaves none, and the next writes them all.
        derived::forget(&state_folder)?;
        if state.is_none() {
            // Stamps of articles this build may publish otherwise.
            remove_if_there(&state_folder.join("articles"))?;
        }
        let (order, read_again) = match standing {
            Some(order) => {
                clock.phase("archive-wide files standing");
                (order, Some(self.read_again(&out.join("articles"))))
            }
            None => (self.write_archive_wide(out, &output, &mut clock)?, None),
        };
        let search_dir = out.join("search");
        // Before the articles are published again: their words as indexed.
        let plan = self.index_plan(
            &search,
            &search_dir,
            &order,
            indexed.as_ref(),
            &out.join("articles"),
        );
        clock.phase("search index plan");
        let articles_dir = out.join("articles");
        let published = self.write_articles(&output, &articles_dir, state, read_again.as_ref())?;
        clock.phase("articles");
        let index = self.write_index(plan, &order, &search_dir, &output, &mut clock)?;
        clock.phase("search index files");
        output.write(
            &out.join("article.schema.json"),
            reader_model::article_schema(),
        )?;
        let images = self.root.join("images");
        if images.is_dir() {
            copy_dir(&output, &images, &out.join("images"))?;
        }
        let photos_dir = out.join(photos::plan::FOLDER);
        let photos = self.photos.write(&photos_dir, &self.photo_cache, &output)?;
        clock.phase("pictures");
        // Building into the last build's folder: what it no longer makes
        // (a deleted article, a list page that is gone) goes; with the
        // archive-wide files standing, only pictures can.
        let removed = match read_again {
            None => output.prune(out)?,
            Some(_) => output.prune(&out.join("images"))? + output.prune(&photos_dir)?,
        };
        journal.end(out, &output.changed())?;
        if let (Some(state), Some(key)) = (state, key) {
            derived::save(state, key)?;
        }
        clock.phase("pruning");
        Ok(Written {
            photos,
            written: output.written(),
            made: output.made(),
            removed,
            index,
            published,
            archive_wide: if read_again.is_some() {
                ArchiveWide::Standing
            } else {
                ArchiveWide::Written
            },
            phases: clock.phases,
        })
    }

    /// Writes `site.json`, the lists, and the speakers' files; returns the
    /// articles in the search index's order (the news list's, from the
    /// oldest).
    fn write_archive_wide<'a>(
        &'a self,
        out: &Path,
        output: &Output,
        clock: &mut Clock,
    ) -> io::Result<Vec<&'a Loaded>> {
        let sections = self.sections();
        if let Some(site) = &self.site {
            let mut site = site.clone();
            if let Value::Object(map) = &mut site {
                map.insert(
                    "sections".into(),
                    serde_json::to_value(&sections).map_err(io::Error::other)?,
                );
            }
            write_json(output, &out.join("site.json"), &site)?;
        }
        let list = self.list_pages();
        write_pages(output, &out.join("list"), &list)?;
        // Each section's list from the news list's items, already newest
        // first (no pass over every article).
        let newest_first = list.newest_first();
        sections.par_iter().try_for_each(|section| {
            let dir = out.join("sections").join(section.slug.as_str());
            write_pages(output, &dir, &Paginated::of_section(&newest_first, section))
        })?;
        clock.phase("lists");
        let (speakers, people) = self.speakers();
        let speakers_dir = out.join("speakers");
        write_json(output, &speakers_dir.join("index.json"), &speakers)?;
        people.par_iter().try_for_each(|person| {
            let file = speakers_dir.join(format!("{}.json", person.slug));
            write_json(output, &file, person)
        })?;
        clock.phase("speakers");
        // Search numbers articles by their place in the news list, from
        // the oldest (the archive pages' order).
        Ok((list.archive.iter())
            .flat_map(|page| page.articles().iter().rev())
            .filter_map(|item| self.articles.get(&item.slug))
            .collect())
    }

    /// Whether `out` still holds what the last build wrote there: its
    /// archive-wide files, its search index and a file for every article
    /// (a folder emptied since holds none: Trunk's staging folder is made
    /// afresh for each build, while its state stays until a build
    /// succeeds).
    fn holds_last_build(&self, out: &Path) -> bool {
        let files = ["site.json", "list/front.json", "speakers/index.json"];
        let folders = ["search", "sections"];
        let published =
            |entry: &fs::DirEntry| entry.file_name().to_string_lossy().ends_with(".json");
        files.iter().all(|file| out.join(file).is_file())
            && folders.iter().all(|folder| out.join(folder).is_dir())
            && fs::read_dir(out.join("articles")).is_ok_and(|entries| {
                entries.filter_map(Result::ok).filter(published).count() == self.articles.len()
            })
    }

    /// The articles in the order the search index was made in (`indexed`),
    /// if it holds every article and no other (the news list's order when
    /// no article's place in it can have changed).
    fn order_as_indexed(&self, indexed: &Indexed) -> Option<Vec<&Loaded>> {
        let order: Vec<&Loaded> = (indexed.articles.iter())
            .map(|(slug, _)| self.articles.get(&Slug::parse(slug).ok()?))
            .collect::<Option<_>>()?;
        (order.len() == self.articles.len()).then_some(order)
    }

    /// The articles read again, with their related links as published in
    /// `dir` (which stand with the archive-wide files).
    fn read_again(&self, dir: &Path) -> ReadAgain {
        #[derive(serde::Deserialize)]
        struct Published {
            related: Vec<RelatedLink>,
        }
        let links = (self.fresh.par_iter())
            .map(|slug| {
                let text = fs::read_to_string(dir.join(format!("{slug}.json"))).ok();
                let published = text.and_then(|text| serde_json::from_str::<Published>(&text).ok());
                (slug.clone(), published.map(|p| p.related))
            })
            .collect();
        ReadAgain { links }
    }

    /// Makes the search index as `plan` says, in `order`.
    fn write_index(
        &self,
        plan: IndexPlan,
        order: &[&Loaded],
        search_dir: &Path,
        output: &Output,
        clock: &mut Clock,
    ) -> io::Result<IndexMade> {
        Ok(match plan {
            IndexPlan::Keep => {
                output.keep_below(search_dir)?;
                IndexMade::Kept
            }
            IndexPlan::Update(now, state, before) => {
                // Gone while the files change: a build stopped halfway
                // leaves no state, and the next builds the index whole.
                remove_if_there(&state)?;
                let changes: Vec<search_index::Change> = before
                    .into_iter()
                    .map(|(id, before)| {
                        Ok(search_index::Change {
                            id,
                            before,
                            after: WordSets::of(&full_source(order[id as usize])?),
                        })
                    })
                    .collect::<io::Result<_>>()?;
                let made = match search_index::update(search_dir, &changes, output) {
                    Ok(()) => {
                        output.keep_below(search_dir)?;
                        IndexMade::Updated(changes.len())
                    }
                    Err(err) if err.kind() == io::ErrorKind::InvalidData => {
                        let (index, _) = search_index::build(order, |l| full_source(l))?;
                        search_index::write(search_dir, &index, output)?;
                        IndexMade::Whole
                    }
                    Err(err) => return Err(err),
                };
                clock.phase("search index");
                now.save(&state)?;
                made
            }
            IndexPlan::Whole(state) => {
                if let Some(state) = &state {
                    remove_if_there(state)?;
                }
                let (index, indexed) = search_index::build(order, |l| full_source(l))?;
                clock.phase("search index");
                search_index::write(search_dir, &index, output)?;
                if let Some(state) = &state {
                    indexed.save(state)?;
                }
                IndexMade::Whole
            }
        })
    }

    fn add(&mut self, loaded: Loaded) {
        let slug = loaded.source.slug.clone();
        if let Some(first) = self.articles.get(&slug) {
            self.problems.push(Problem::error(
                &loaded.path,
                locate_in(&loaded.path, &["slug".into()]),
                &format!(
                    "slug {:?} is already used by {}",
                    slug.as_str(),
                    first.path.display()
                ),
            ));
            return;
        }
        self.articles.insert(slug, loaded);
    }

    /// Every article file below `articles/`, in order, with its entry in
    /// its folder's listing (which gives its size and time without
    /// looking the path up again).
    fn article_files(&mut self) -> Vec<(PathBuf, fs::DirEntry)> {
        let dir = self.root.join("articles");
        let mut files = Vec::new();
        if let Err(err) = collect_articles(&dir, &mut files) {
            self.problems.push(Problem::error(
                &dir,
                None,
                &format!("cannot read folder: {err}"),
            ));
        }
        debug_assert!(files.is_sorted_by(|a, b| a.0 <= b.0));
        files
    }

    /// A related article an editor named must exist.
    fn check_related(&mut self) {
        let mut dead = Vec::new();
        for loaded in self.articles.values() {
            let missing: Vec<usize> = (loaded.source.related.iter().enumerate())
                .filter(|(_, target)| !self.articles.contains_key(*target))
                .map(|(i, _)| i)
                .collect();
            if missing.is_empty() {
                continue;
            }
            for i in missing {
                dead.push(Problem::error(
                    &loaded.path,
                    locate_in(&loaded.path, &["related".into(), i.into()]),
                    &format!(
                        "related article {:?} does not exist",
                        loaded.source.related[i].as_str()
                    ),
                ));
            }
        }
        self.problems.extend(dead);
    }

    fn choose_related(&self) -> HashMap<Slug, Vec<Slug>> {
        let slugs: Vec<&Slug> = self.articles.keys().collect();
        let canonical = self.aliases.canonical_names();
        let traits: Vec<related::Traits> = self
            .articles
            .values()
            .map(|loaded| related::Traits {
                published: loaded.source.published,
                section: &loaded.source.section,
                speakers: loaded
                    .source
                    .body
                    .speeches()
                    .map(|speech| {
                        let name = speech.speaker.trim();
                        canonical.get(name).map_or(name, |c| c).to_owned()
                    })
                    .collect(),
            })
            .collect();
        let chosen = related::automatic(&traits);
        self.articles
            .iter()
            .zip(chosen)
            .filter(|((_, loaded), _)| loaded.source.related.is_empty())
            .map(|((slug, _), chosen)| {
                (
                    slug.clone(),
                    chosen.into_iter().map(|i| slugs[i].clone()).collect(),
                )
            })
            .collect()
    }

    fn read_text(&mut self, path: &Path) -> Option<String> {
        match fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(err) => {
                self.problems
                    .push(Problem::error(path, None, &format!("cannot read: {err}")));
                None
            }
        }
    }

    /// Reads `path`, checks it against model type `T`, keeps it as JSON.
    fn read_model<T: serde::de::DeserializeOwned>(&mut self, path: &Path) -> Option<Value> {
        let text = self.read_text(path)?;
        if let Err(err) = reader_model::from_json::<T>(&text) {
            self.problems.push(model_problem(path, &err));
            return None;
        }
        serde_json::from_str(&text).ok()
    }
}

/// Reads and checks one article file on its own.
fn load_article(root: &Path, path: &Path, seen: Option<Seen>) -> (Option<Loaded>, Vec<Problem>) {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            return (
                None,
                vec![Problem::error(path, None, &format!("cannot read: {err}"))],
            );
        }
    };
    let (source, json, markdown) = match parse_article(path, &text) {
        Ok(parsed) => parsed,
        Err(problems) => return (None, problems),
    };
    let file = ArticleFile {
        path,
        text: &text,
        json: &json,
        markdown: markdown.as_ref(),
        root,
    };
    let checked = checks::check(&file, &source);
    if checked
        .problems
        .iter()
        .any(|p| p.severity == Severity::Error)
    {
        return (None, checked.problems);
    }
    let index_hash = Indexed::hash_of(&source);
    let source = read_cache::slim(source);
    let loaded = Loaded {
        path: path.to_path_buf(),
        seen,
        index_hash,
        outline_hash: derived::outline_hash(&source),
        source: Box::new(source),
        text_hash: stamps::text_hash(&text),
        warnings: checked.problems.clone(),
        photos: checked.photos,
        locals: checked.locals,
    };
    (Some(loaded), checked.problems)
}

/// An article file's text as the model, its JSON, and for Markdown where
/// its values are; or what is wrong with it.
#[allow(clippy::type_complexity)]
fn parse_article(
    path: &Path,
    text: &str,
) -> Result<(ArticleSource, Value, Option<markdown::Positions>), Vec<Problem>> {
    match parse_source(path, text)? {
        (source, Some(article)) => Ok((source, article.json, Some(article.positions))),
        (source, None) => {
            let json = serde_json::from_str::<Value>(text).map_err(|_| Vec::new())?;
            Ok((source, json, None))
        }
    }
}

/// An article file's text as the model (a Markdown article with what it
/// reads as), or what is wrong with it.
fn parse_source(
    path: &Path,
    text: &str,
) -> Result<(ArticleSource, Option<markdown::MarkdownArticle>), Vec<Problem>> {
    if markdown::is_markdown(path) {
        markdown::read_article(text, crate::file_slug(path))
            .map(|(source, article)| (source, Some(article)))
            .map_err(|errors| {
                (errors.iter())
                    .map(|err| Problem::error(path, Some(err.position), &err.message))
                    .collect()
            })
    } else {
        reader_model::from_json::<ArticleSource>(text)
            .map(|source| (source, None))
            .map_err(|err| vec![model_problem(path, &err)])
    }
}

/// The whole article in `loaded`'s file (the build keeps it slimmed).
///
/// # Errors
/// The file cannot be read again, or no longer reads as an article.
fn full_source(loaded: &Loaded) -> io::Result<ArticleSource> {
    let text = fs::read_to_string(&loaded.path)?;
    parse_source(&loaded.path, &text)
        .map(|(source, _)| source)
        .map_err(|problems| {
            let first = problems
                .first()
                .map_or_else(String::new, ToString::to_string);
            io::Error::new(io::ErrorKind::InvalidData, first)
        })
}

/// The slug an article file's name gives: its name without the extension.
pub fn file_slug(path: &Path) -> &str {
    path.file_stem().and_then(|s| s.to_str()).unwrap_or("")
}

/// An article file's JSON: as written, or what its Markdown reads as.
fn article_json(path: &Path, text: &str) -> io::Result<(Value, Option<markdown::Positions>)> {
    if markdown::is_markdown(path) {
        let article = markdown::read(text, crate::file_slug(path)).map_err(|errors| {
            io::Error::other(
                errors
                    .first()
                    .map_or_else(String::new, |e| e.message.clone()),
            )
        })?;
        Ok((article.json, Some(article.positions)))
    } else {
        Ok((serde_json::from_str(text).map_err(io::Error::other)?, None))
    }
}

/// Where the value at `steps` is in an article file.
fn locate_in(path: &Path, steps: &[Step]) -> Option<(usize, usize)> {
    let text = fs::read_to_string(path).unwrap_or_default();
    match article_json(path, &text) {
        Ok((_, Some(positions))) => Some(positions.locate(steps)),
        _ => locate(&text, steps),
    }
}

/// The article files (`.json`, `.md`) below `dir`, each with its entry,
/// in the order of their paths (each folder's names sorted: no
/// comparison of whole paths); sub-folders (an archive by year, say)
/// listed on every core.
fn collect_articles(dir: &Path, files: &mut Vec<(PathBuf, fs::DirEntry)>) -> io::Result<()> {
    let mut entries: Vec<(std::ffi::OsString, bool, fs::DirEntry)> = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let folder = entry.file_type()?.is_dir();
        entries.push((entry.file_name(), folder, entry));
    }
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let folders: Vec<PathBuf> = (entries.iter())
        .filter(|(_, folder, _)| *folder)
        .map(|(name, _, _)| dir.join(name))
        .collect();
    let below: Vec<Vec<(PathBuf, fs::DirEntry)>> = folders
        .par_iter()
        .map(|folder| {
            let mut files = Vec::new();
            collect_articles(folder, &mut files).map(|()| files)
        })
        .collect::<io::Result<_>>()?;
    let mut below = below.into_iter();
    for (name, folder, entry) in entries {
        let path = dir.join(&name);
        if folder {
            files.extend(below.next().into_iter().flatten());
        } else if path
            .extension()
            .is_some_and(|ext| ext == "json" || ext == "md")
        {
            files.push((path, entry));
        }
    }
    Ok(())
}

fn model_problem(path: &Path, err: &ModelError) -> Problem {
    let message = match err {
        ModelError::Syntax { message, .. } => format!("not valid JSON: {message}"),
        ModelError::Shape { message, .. } => message.clone(),
    };
    Problem::error(path, Some(err.position()), &message)
}

/// The state folder of an update, if this is one.
fn state_dir(search: &SearchIndex) -> Option<&Path> {
    match search {
        SearchIndex::Update(state) => Some(state),
        SearchIndex::Build | SearchIndex::KeepLast => None,
    }
}

/// A list as `dir/front.json` and its archive pages `dir/1.json`,
/// `dir/2.json`, … (written only where their bytes change: publishing an
/// article changes the front and the newest pages).
fn write_pages(output: &Output, dir: &Path, list: &Paginated) -> io::Result<()> {
    debug_assert!(
        list.archive
            .iter()
            .all(|p| p.articles().len() <= LIST_PAGE_SIZE)
    );
    write_json(output, &dir.join("front.json"), &list.front)?;
    // On every core: at 100,000 articles a list has 5,000 pages to compare.
    list.archive
        .par_iter()
        .enumerate()
        .try_for_each(|(n, page)| write_json(output, &dir.join(format!("{}.json", n + 1)), page))
}

/// `value` as JSON at `path`, written only if its bytes change.
fn write_json<T: serde::Serialize>(output: &Output, path: &Path, value: &T) -> io::Result<()> {
    let text = reader_model::to_json(value).map_err(io::Error::other)?;
    output.write(path, text).map(drop)
}

/// Copies `from` into `to`, but for photographs: an original may carry
/// where it was taken, and only its copies are published.
fn copy_dir(output: &Output, from: &Path, to: &Path) -> io::Result<()> {
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(output, &entry.path(), &target)?;
        } else if !photos::is_photo(&entry.path()) {
            output.write(&target, fs::read(entry.path())?)?;
        }
    }
    Ok(())
}
