//! After `trunk build`: every route of the site as a static HTML page,
//! rendered on the host by the app's own views, plus the feeds and the
//! deploy files. A run is a pipeline: [`Inputs::read`] reads what it
//! starts from, [`Inputs::plan`] decides what it renders, [`Plan::run`]
//! runs the stages.
//!
//! - [`mode`]: the whole site, a shard of it, or an update;
//! - [`inputs`]: the template, the site, the state, the journal, the lists;
//! - [`plan`]: the units of work this run renders;
//! - [`run`]: the stages that render and write;
//! - [`render`]: the app rendered to HTML at a page's URL, on every core;
//! - [`head`]: title, description, canonical, sharing cards, JSON-LD;
//! - [`alternates`]: a page's addresses in the site's languages;
//! - [`template`]: Trunk's `index.html` filled in for each page;
//! - [`styles`]: the parts of the stylesheet each page inlines;
//! - [`icon`]: the site's icon, written into the page;
//! - [`data`]: the page's data for the app, or the files that hold it;
//! - [`loader`]: the page's loader (`loader.js`) in place of Trunk's: the
//!   app asked for at the reader's first act;
//! - [`imports`]: the names each app's wasm imports from its script, shortened;
//! - [`scripts`]: the apps' scripts, minified (Trunk's minifier cannot);
//! - [`reading`]: the reading app's files, named by their content;
//! - [`page`]: the pages and what each shows;
//! - [`work`]: the units of work, each the pages of one piece of content;
//! - [`state`]: what the last build made, so an update renders only what changed;
//! - [`feeds`]: `sitemap.xml`, `robots.txt`, `atom.xml`;
//! - [`offline`]: the service worker, the offline controls, the manifest;
//! - [`public_url`]: absolute URLs of the published site.

pub mod alternates;
pub mod data;
pub mod feeds;
pub mod head;
pub mod icon;
pub mod imports;
pub mod inputs;
pub mod loader;
pub mod mode;
pub mod offline;
pub mod page;
pub mod plan;
pub mod public_url;
pub mod reading;
pub mod render;
pub mod run;
pub mod scripts;
pub mod state;
pub mod styles;
pub mod template;
pub mod work;

use std::fs;
use std::path::{Path, PathBuf};

use reader_deploy::DeployError;
use reader_model::ModelError;

pub use crate::inputs::Inputs;
pub use crate::mode::{Incremental, Mode, Shard};
pub use crate::plan::Plan;
pub use crate::render::with_executor;

#[derive(Debug, thiserror::Error)]
pub enum PrerenderError {
    #[error("{0}: {1}")]
    Io(PathBuf, std::io::Error),
    #[error("{0}: {1}")]
    Content(PathBuf, ModelError),
    #[error(
        "content/site.json: \"origin\" must be the site's address, scheme and host only (\"https://news.example.edu\"), not {0:?}"
    )]
    Origin(String),
    #[error(
        "content/site.json: \"origin\" is missing; canonical links, sharing cards, the sitemap and the feed need the site's address (\"https://news.example.edu\")"
    )]
    NoOrigin,
    #[error("index.html: {0}")]
    Template(String),
    #[error(transparent)]
    Deploy(#[from] DeployError),
    #[error(
        "nothing to update ({} holds no full build's state): run a full build first (trunk build)",
        .0.display()
    )]
    NoState(PathBuf),
    #[error("could not start the renderer: {0}")]
    Runtime(std::io::Error),
}

/// Where one run's time went, in seconds (wall clock).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Timings {
    /// Reading the published content and planning the pages.
    pub read: f64,
    /// Finding the units whose inputs changed (each unit's stamp).
    pub check: f64,
    /// Rendering this shard's pages and writing each one.
    pub render: f64,
    /// The sitemaps, robots.txt, the Atom feed and the host files.
    pub feeds: f64,
    /// The Brotli and gzip copies, and the state kept for the next update.
    pub compress: f64,
}

/// What one run wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The units of work of the whole site (see [`work`]), this run's
    /// (its shard's), and those of them it rendered (an update skips the
    /// units whose inputs did not change).
    pub units: usize,
    pub my_units: usize,
    pub rendered_units: usize,
    /// The pages rendered, those whose bytes changed (written), and the
    /// pages of the last build that the site no longer has (removed).
    pub rendered: usize,
    pub written: usize,
    pub removed: usize,
    pub timings: Timings,
    pub base: String,
    pub script_hashes: usize,
    /// The Brotli and gzip copies written.
    pub compressed: reader_deploy::compress::Compressed,
    /// Whether the update took what changed from the content build's
    /// journal (else it looked at every content file).
    pub journal: bool,
    /// Whether the journal said only articles changed, so that the lists,
    /// the speakers' pages and the sitemaps stood as they were (their
    /// files not even read).
    pub lists_standing: bool,
}

impl Summary {
    /// This run's figures with another edition's run added.
    fn add(&mut self, other: &Self) {
        self.units += other.units;
        self.my_units += other.my_units;
        self.rendered_units += other.rendered_units;
        self.rendered += other.rendered;
        self.written += other.written;
        self.removed += other.removed;
        let (t, o) = (&mut self.timings, other.timings);
        t.read += o.read;
        t.check += o.check;
        t.render += o.render;
        t.feeds += o.feeds;
        t.compress += o.compress;
        self.journal &= other.journal;
        self.lists_standing &= other.lists_standing;
    }
}

/// How one run goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub mode: Mode,
    /// Where the app's compressed copies are kept between builds (see
    /// `reader_deploy::compress`); `None` compresses every time.
    pub compress_cache: Option<PathBuf>,
    /// Whether the pages register the service worker (offline reading);
    /// `false` writes the kill switch in its place (see [`offline`]).
    pub offline: bool,
}

impl Options {
    /// A whole build that keeps no state.
    pub const WHOLE: Self = Self {
        mode: Mode::Whole(None),
        compress_cache: None,
        offline: true,
    };
}

/// Renders every page of the site in `dist` (Trunk's output, with the
/// content JSON in `dist/content/`), served from `base`; writes the feeds,
/// finishes each page for deployment and writes each host's configuration
/// (`_headers` and `_redirects` into `dist`, the rest into `configs`).
///
/// # Errors
/// Unreadable or invalid content, a site without an origin, a template
/// without a place for the page, or a file that cannot be written.
pub fn prerender(dist: &Path, base: &str, configs: &Path) -> Result<Summary, PrerenderError> {
    prerender_with(dist, base, configs, &Options::WHOLE)
}

/// [`prerender`], rendering only `shard`'s pages (every shard writes the
/// shared files). A shard that does not render the home page removes
/// Trunk's template from its `index.html`, so the union of the shards
/// holds only the rendered one.
///
/// # Errors
/// See [`prerender`].
pub fn prerender_shard(
    dist: &Path,
    base: &str,
    configs: &Path,
    shard: Shard,
) -> Result<Summary, PrerenderError> {
    let options = Options {
        mode: Mode::Shard(shard),
        ..Options::WHOLE
    };
    prerender_with(dist, base, configs, &options)
}

/// [`prerender`] as `options` say: a shard, a build that keeps its state,
/// or an update of a finished build.
///
/// # Errors
/// See [`prerender`]; an update without the state of a full build.
pub fn prerender_with(
    dist: &Path,
    base: &str,
    configs: &Path,
    options: &Options,
) -> Result<Summary, PrerenderError> {
    let first = Inputs::read(dist, base, configs, options)?;
    let editions: Vec<_> = first.site.other_editions().cloned().collect();
    let mut summary = first.plan().run()?;
    // Each other edition: a site of its own in its folder, made with the
    // first's template, deployment and offline reading.
    for edition in &editions {
        let inputs = first.read_edition(edition, options)?;
        summary.add(&inputs.plan().run()?);
        std::thread::spawn(move || drop(inputs));
    }
    // A large site's lists and state take a noticeable time to free: on
    // another thread, which the process does not wait for when it ends.
    std::thread::spawn(move || drop(first));
    Ok(summary)
}

fn read(path: &Path) -> Result<String, PrerenderError> {
    fs::read_to_string(path).map_err(|e| PrerenderError::Io(path.to_path_buf(), e))
}

pub(crate) fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, PrerenderError> {
    reader_model::from_json(&read(path)?)
        .map_err(|e| PrerenderError::Content(path.to_path_buf(), e))
}

fn write(path: &Path, text: &str) -> Result<(), PrerenderError> {
    Ok(reader_deploy::write(path, text)?)
}
