//! After `trunk build`: every route of the site as a static HTML page,
//! rendered on the host by the app's own views, plus the feeds and the
//! deploy files.
//!
//! - [`render`]: the app rendered to HTML at a page's URL;
//! - [`head`]: title, description, canonical, sharing cards, JSON-LD;
//! - [`template`]: Trunk's `index.html` filled in for each page;
//! - [`loader`]: Trunk's loader, deferred until the page has painted;
//! - [`page`]: the pages and what each shows;
//! - [`work`]: the units of work, each the pages of one piece of content;
//! - [`state`]: what the last build made, so an update renders only what changed;
//! - [`feeds`]: `sitemap.xml`, `robots.txt`, `atom.xml`;
//! - [`public_url`]: absolute URLs of the published site.

pub mod feeds;
pub mod head;
pub mod loader;
pub mod page;
pub mod public_url;
pub mod render;
pub mod state;
pub mod template;
pub mod work;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use rayon::prelude::*;
use reader_deploy::{DeployError, Deployment};
use reader_model::{
    Article, ListItem, ListPage, ModelError, Paginated, Site, Speaker, Speakers, script_safe,
};

use crate::head::Head;
use crate::page::Page;
use crate::public_url::PublicUrl;
use crate::state::State;
use crate::work::Work;

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
        "nothing to update{}: run a full build first (trunk build, or the prerender with --state)",
        .0.as_ref().map(|dir| format!(" ({} holds no full build's state)", dir.display())).unwrap_or_default()
    )]
    NoState(Option<PathBuf>),
    #[error("--update renders the whole site, not a shard")]
    ShardUpdate,
    #[error("could not start the renderer: {0}")]
    Runtime(std::io::Error),
}

/// The part of the pages one run renders, so that a CI matrix can build a
/// large site on several machines: page `n` (in the site's order) is
/// shard `n % count + 1`'s. Every shard writes the same feeds, sitemaps
/// and host files, so the union of the shards' folders is the whole build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// From 1.
    pub index: usize,
    pub count: usize,
}

impl Shard {
    /// Every page, in one run.
    pub const WHOLE: Self = Self { index: 1, count: 1 };

    /// `i/n`, as `--shard` takes it: 1 ≤ i ≤ n.
    ///
    /// # Errors
    /// A message saying what `--shard` takes.
    pub fn parse(text: &str) -> Result<Self, String> {
        let message = || format!("--shard takes i/n with 1 ≤ i ≤ n (1/4, 2/4…), not {text:?}");
        let (index, count) = text.split_once('/').ok_or_else(message)?;
        let index: usize = index.trim().parse().map_err(|_| message())?;
        let count: usize = count.trim().parse().map_err(|_| message())?;
        if index == 0 || index > count {
            return Err(message());
        }
        Ok(Self { index, count })
    }

    /// Whether the `n`-th page (from 0) is this shard's.
    pub fn takes(self, n: usize) -> bool {
        n % self.count == self.index - 1
    }
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

/// How one run goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The part of the pages to render.
    pub shard: Shard,
    /// Where the state of the published folder is kept for the next
    /// update (see [`state`]); `None` keeps none.
    pub state: Option<PathBuf>,
    /// Update a finished build in place after its content changed (the
    /// content build has written into its `content/`): render only the
    /// units whose inputs changed, write only the files whose bytes
    /// change, remove the pages the site no longer has. The app's own
    /// files are left as they are (a change to the app needs a full
    /// build).
    pub update: bool,
    /// Where the app's compressed copies are kept between builds (see
    /// `reader_deploy::compress`); `None` compresses every time.
    pub compress_cache: Option<PathBuf>,
    /// The state folder of the published `content/`, where the content
    /// build keeps the journal of what it changed there (see
    /// `reader_output::journal`): an update trusts it instead of looking
    /// at every content file. `None` keeps no journal.
    pub content_state: Option<PathBuf>,
}

impl Options {
    /// A whole build that keeps no state.
    pub const WHOLE: Self = Self {
        shard: Shard::WHOLE,
        state: None,
        update: false,
        compress_cache: None,
        content_state: None,
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
        shard,
        ..Options::WHOLE
    };
    prerender_with(dist, base, configs, &options)
}

/// [`prerender`] as `options` say: a shard, a build that keeps its state,
/// or an update of a finished build.
///
/// # Errors
/// See [`prerender`]; an update without the state of a full build, or of
/// a shard.
pub fn prerender_with(
    dist: &Path,
    base: &str,
    configs: &Path,
    options: &Options,
) -> Result<Summary, PrerenderError> {
    let started = Instant::now();
    let shard = options.shard;
    let base = reader_model::normalize_base(base);
    let previous = match (&options.state, options.update) {
        (Some(dir), true) if shard == Shard::WHOLE => State::load(dir),
        (None, true) => return Err(PrerenderError::NoState(None)),
        (Some(_), true) => return Err(PrerenderError::ShardUpdate),
        _ => State::default(),
    };
    let trunks = match (&previous.template, options.update) {
        (Some(template), true) => template.clone(),
        (None, true) => return Err(PrerenderError::NoState(options.state.clone())),
        (_, false) => read(&dist.join("index.html"))?,
    };
    let template = loader::defer(&trunks)?;
    let deployment = Deployment::plan(dist, &base, &template)?;
    let site_json = read(&dist.join("content/site.json"))?;
    let site: Site = reader_model::from_json(&site_json)
        .map_err(|e| PrerenderError::Content(dist.join("content/site.json"), e))?;
    let public = PublicUrl::new(site.origin.as_ref().ok_or(PrerenderError::NoOrigin)?, &base)?;
    let content = dist.join("content");
    let common = state::common_stamp(&trunks, &base, site_json.as_bytes());
    // The content files changed since the last build, when the content
    // build's journal says so and nothing every page reads changed.
    let journal = (previous.journal.as_ref())
        .filter(|journal| options.update && journal.common == common)
        .zip(options.content_state.as_deref())
        .and_then(|(journal, dir)| reader_output::journal::read(dir, &journal.token));
    // When it says only articles changed (no list, section or speaker),
    // every other unit, and the sitemaps, stand as the last build left
    // them: the lists are not read, and the units are those articles'.
    let standing =
        (journal.as_ref()).and_then(|changed| standing_articles(changed, &previous, &content));
    let archive = match standing {
        Some(_) => None,
        None => Some(Archive::read(&content, &site)?),
    };
    let units = match (&archive, &standing) {
        (Some(archive), _) => work::plan(&archive.lists, &archive.speakers, &archive.people),
        (None, Some(items)) => items.iter().map(Work::Article).collect(),
        (None, None) => Vec::new(),
    };
    let read_done = Instant::now();

    let mine: Vec<Work> = (units.iter().enumerate())
        .filter(|(n, _)| shard.takes(*n))
        .map(|(_, unit)| *unit)
        .collect();
    if !options.update && !mine.iter().any(Work::is_home) {
        fs::remove_file(dist.join("index.html"))
            .map_err(|e| PrerenderError::Io(dist.join("index.html"), e))?;
    }
    let mut next = State {
        template: Some(trunks.clone()),
        base: Some(base.clone()),
        // The units standing with the lists: all but those checked here.
        units: if standing.is_some() {
            previous.units.clone()
        } else {
            std::collections::HashMap::new()
        },
        ..State::default()
    };
    // Each unit's stamp, on every core (a file's size and time each, or
    // the last one when the journal says its input is unchanged), with
    // what the last build made of it if that still stands.
    let stamped: Vec<(String, u64, Option<&state::Done>)> = mine
        .par_iter()
        .map(|unit| {
            let key = unit.key();
            let before = previous.units.get(&key);
            let inputs = unit.inputs(&content);
            let unchanged = |changed: &HashSet<PathBuf>| {
                (inputs.iter()).all(|input| {
                    input
                        .strip_prefix(&content)
                        .is_ok_and(|below| !changed.contains(below))
                })
            };
            // With the journal, a unit whose input is unchanged stands as
            // the last build left it (its pages are this tool's alone to
            // write: a page removed by hand comes back with the next
            // update without a journal, or a full build).
            if let (Some(done), Some(changed)) = (before, &journal)
                && unchanged(changed)
            {
                return (key, done.stamp, Some(done));
            }
            let stamp = state::stamp(common, &inputs);
            let kept = before.filter(|done| {
                done.stamp == stamp && done.files.iter().all(|f| dist.join(f).is_file())
            });
            (key, stamp, kept)
        })
        .collect();
    let mut todo = Vec::new();
    for ((key, stamp, kept), unit) in stamped.into_iter().zip(&mine) {
        match kept {
            Some(done) => {
                next.units.insert(key, done.clone());
            }
            None => todo.push((key, stamp, *unit)),
        }
    }
    let check_done = Instant::now();
    let written = AtomicUsize::new(0);
    let todo_units: Vec<Work> = todo.iter().map(|(_, _, unit)| *unit).collect();
    let files = render_all(
        &template,
        &todo_units,
        &site,
        &content,
        &public,
        &base,
        &|page, html| {
            let path = dist.join(&page.file);
            let wrote = reader_output::write(&path, deployment.finish_page(html))
                .map_err(|e| PrerenderError::Io(path, e))?;
            if wrote {
                written.fetch_add(1, Ordering::Relaxed);
            }
            Ok(())
        },
    )?;
    let rendered = files.iter().map(Vec::len).sum();
    for ((key, stamp, _), files) in todo.into_iter().zip(files) {
        next.units.insert(key, state::Done { stamp, files });
    }
    let mut removed = 0;
    if options.update {
        // Only a unit rendered again, or gone, can leave a page behind:
        // one its unit no longer makes and no other unit made either.
        let mut all_kept: Option<HashSet<&PathBuf>> = None;
        for (key, done) in &previous.units {
            let now = next.units.get(key);
            if now == Some(done) {
                continue;
            }
            for file in &done.files {
                if now.is_some_and(|now| now.files.contains(file))
                    || all_kept
                        .get_or_insert_with(|| {
                            next.units.values().flat_map(|done| &done.files).collect()
                        })
                        .contains(file)
                {
                    continue;
                }
                let path = dist.join(file);
                if path.is_file() {
                    fs::remove_file(&path).map_err(|e| PrerenderError::Io(path, e))?;
                    removed += 1;
                }
            }
        }
    }
    let render_done = Instant::now();

    // The sitemaps are made from the units and the site: with the lists
    // standing, they stand too.
    if archive.is_some() {
        let entries: Vec<_> = units
            .iter()
            .flat_map(|unit| unit.sitemap_entries(&site))
            .collect();
        for (file, xml) in feeds::sitemaps(&public, &entries, feeds::SITEMAP_LIMIT) {
            write(&dist.join(file), &xml)?;
        }
    }
    write(&dist.join("robots.txt"), &feeds::robots(&public))?;
    // The feed: the newest articles, from the news list's front.
    let front: ListPage = read_json(&content.join("list/front.json"))?;
    let newest = (front.articles().iter())
        .filter(|item| item.published.is_some())
        .take(feeds::FEED_LENGTH)
        .map(|item| work::read_article(&content, item))
        .collect::<Result<Vec<Article>, _>>()?;
    write(
        &dist.join(reader_model::layout::ATOM_FILE),
        &feeds::atom(&public, &site, &newest),
    )?;
    deployment.write_host_files(dist, configs)?;
    let feeds_done = Instant::now();
    // An update leaves the app's files, the only ones with copies, as
    // they are.
    let compressed = if options.update {
        reader_deploy::compress::Compressed::default()
    } else {
        reader_deploy::compress::write_copies(dist, options.compress_cache.as_deref())?
    };
    if let Some(dir) = options.state.as_ref().filter(|_| shard == Shard::WHOLE) {
        // The content build's journal starts afresh from this build; its
        // token is in the state first, so a journal left from before
        // (this build stopped between the two) is not trusted.
        let token = state::Journal::token();
        if options.content_state.is_some() {
            next.journal = Some(state::Journal {
                token: token.clone(),
                common,
            });
        }
        next.save(dir)?;
        if let Some(content_state) = &options.content_state {
            reader_output::journal::reset(content_state, &token).map_err(|e| {
                PrerenderError::Io(reader_output::journal::FILE.in_folder(content_state), e)
            })?;
        }
    }
    let (unit_count, my_units, rendered_units) = match standing {
        Some(_) => (next.units.len(), next.units.len(), todo_units.len()),
        None => (units.len(), mine.len(), todo_units.len()),
    };
    // The state and lists of a large site take a noticeable time to free
    // (0.2-0.3 s at 100,000 articles): on another thread, which the
    // process does not wait for when it ends.
    drop((units, mine, todo_units));
    let lists_standing = standing.is_some();
    std::thread::spawn(move || drop((previous, next, archive, standing)));
    let seconds = |from: Instant, to: Instant| to.duration_since(from).as_secs_f64();
    Ok(Summary {
        units: unit_count,
        my_units,
        rendered_units,
        rendered,
        written: written.into_inner(),
        removed,
        timings: Timings {
            read: seconds(started, read_done),
            check: seconds(read_done, check_done),
            render: seconds(check_done, render_done),
            feeds: seconds(render_done, feeds_done),
            compress: seconds(feeds_done, Instant::now()),
        },
        base,
        script_hashes: deployment.script_hashes.len(),
        compressed,
        journal: journal.is_some(),
        lists_standing,
    })
}

/// The published lists, sections and speakers: what plans the site's
/// units (see [`work::plan`]).
struct Archive {
    lists: Vec<ListPage>,
    speakers: Speakers,
    people: Vec<Speaker>,
}

impl Archive {
    /// The news list and the speakers as published in `content`; each
    /// section's list made from the news list as the content build made
    /// it (not read again: half the files).
    fn read(content: &Path, site: &Site) -> Result<Self, PrerenderError> {
        let mut list = read_list(&content.join("list"))?;
        let news = Paginated {
            front: list.remove(0),
            archive: list,
        };
        let newest_first = news.newest_first();
        let sections: Vec<Paginated> = (site.sections.par_iter())
            .map(|section| Paginated::of_section(&newest_first, section))
            .collect();
        drop(newest_first);
        let speakers: Speakers = read_json(&content.join("speakers/index.json"))?;
        let people = (speakers.speakers.par_iter())
            .map(|person| read_json(&content.join(format!("speakers/{}.json", person.slug))))
            .collect::<Result<Vec<Speaker>, _>>()?;
        let lists = (std::iter::once(news).chain(sections))
            .flat_map(|list| std::iter::once(list.front).chain(list.archive))
            .collect();
        Ok(Self {
            lists,
            speakers,
            people,
        })
    }
}

/// The articles the content build's journal says changed, as list items,
/// when nothing else that pages are made from did (only articles, and
/// the search index, pictures and schema no page reads) and each was
/// published by the last build; `None` otherwise.
fn standing_articles(
    changed: &HashSet<PathBuf>,
    previous: &State,
    content: &Path,
) -> Option<Vec<ListItem>> {
    let mut items = Vec::new();
    for path in changed {
        let top = path.components().next()?.as_os_str().to_str()?;
        match top {
            "articles" => {
                let article: Article = read_json(&content.join(path)).ok()?;
                let item = ListItem::from(&article);
                if !previous.units.contains_key(&Work::Article(&item).key()) {
                    return None;
                }
                items.push(item);
            }
            "search" | "photos" | "images" | "article.schema.json" => {}
            _ => return None,
        }
    }
    items.sort_by(|a, b| a.slug.cmp(&b.slug));
    Some(items)
}

/// Every unit's pages, rendered on every core and each handed to `done`
/// (which writes it) as soon as it is rendered: no page is kept once
/// written, no article once its pages are. The units are cut into one run
/// per core, each rendered on its own thread with its own executor (the
/// app's state while rendering is per thread). Returns the files of each
/// unit's pages, in the units' order.
fn render_all(
    template: &str,
    units: &[Work],
    site: &Site,
    content: &Path,
    public: &PublicUrl,
    base: &str,
    done: &(dyn Fn(&Page, &str) -> Result<(), PrerenderError> + Sync),
) -> Result<Vec<Vec<PathBuf>>, PrerenderError> {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let run = units.len().div_ceil(cores).max(1);
    std::thread::scope(|scope| {
        let threads = units
            .chunks(run)
            .map(|part| {
                std::thread::Builder::new()
                    // The views' generic code nests deeply in a debug build.
                    .stack_size(32 << 20)
                    .spawn_scoped(scope, move || {
                        reader::paths::set_host_base(base);
                        with_executor(|| {
                            let mut files = Vec::with_capacity(part.len());
                            for unit in part {
                                let pages = unit.pages(site, content)?;
                                for page in &pages {
                                    done(page, &render_page(template, page, public, base)?)?;
                                }
                                files.push(pages.into_iter().map(|page| page.file).collect());
                            }
                            Ok(files)
                        })
                        .and_then(|rendered| rendered)
                    })
                    .map_err(PrerenderError::Runtime)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut files = Vec::with_capacity(units.len());
        for thread in threads {
            match thread.join() {
                Ok(part) => files.extend(part?),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        Ok(files)
    })
}

/// One page: the app rendered at its URL, in the template, with its head
/// and its data.
fn render_page(
    template: &str,
    page: &Page,
    public: &PublicUrl,
    base: &str,
) -> Result<String, PrerenderError> {
    let head = Head::of(page, public).to_html(page);
    let data_json = script_safe(
        &reader_model::to_json(&page.data).map_err(|e| PrerenderError::Template(e.to_string()))?,
    );
    let body = render::render(&page.url(base), page.data.clone());
    template::fill(
        template,
        &template::Filling {
            language: &page.data.site.language,
            head: &head,
            body: &body,
            data_json: &data_json,
        },
    )
}

/// Runs `work` where Leptos can start tasks: a single-threaded tokio
/// runtime with a local task set.
///
/// # Errors
/// [`PrerenderError::Runtime`] if the runtime cannot start.
pub fn with_executor<T>(work: impl FnOnce() -> T) -> Result<T, PrerenderError> {
    // Set once per process; a second call finds it set, which is fine.
    let _ = any_spawner::Executor::init_tokio();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(PrerenderError::Runtime)?;
    let local = tokio::task::LocalSet::new();
    Ok(local.block_on(&runtime, async move { work() }))
}

/// Every page of a list: its front (`dir/front.json`), then its archive
/// pages from `dir/1.json` to the last there is.
fn read_list(dir: &Path) -> Result<Vec<ListPage>, PrerenderError> {
    let archive_pages = (1..)
        .take_while(|k| dir.join(format!("{k}.json")).is_file())
        .count();
    let files: Vec<PathBuf> = std::iter::once(dir.join("front.json"))
        .chain((1..=archive_pages).map(|k| dir.join(format!("{k}.json"))))
        .collect();
    files.par_iter().map(|file| read_json(file)).collect()
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
