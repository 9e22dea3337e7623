//! After `trunk build`: every route of the site as a static HTML page,
//! rendered on the host by the app's own views, plus the feeds and the
//! deploy files.
//!
//! - [`render`]: the app rendered to HTML at a page's URL;
//! - [`head`]: title, description, canonical, sharing cards, JSON-LD;
//! - [`template`]: Trunk's `index.html` filled in for each page;
//! - [`loader`]: Trunk's loader, deferred until the page has painted;
//! - [`page`]: the pages and what each shows;
//! - [`feeds`]: `sitemap.xml`, `robots.txt`, `atom.xml`;
//! - [`public_url`]: absolute URLs of the published site.

pub mod feeds;
pub mod head;
pub mod loader;
pub mod page;
pub mod public_url;
pub mod render;
pub mod template;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use reader_deploy::{DeployError, Deployment};
use reader_model::{Article, ListPage, ModelError, Site, Speaker, Speakers, script_safe};

use crate::head::Head;
use crate::page::Page;
use crate::public_url::PublicUrl;

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
    /// Rendering this shard's pages and writing each one.
    pub render: f64,
    /// The sitemaps, robots.txt, the Atom feed and the host files.
    pub feeds: f64,
    /// The Brotli and gzip copies.
    pub compress: f64,
}

/// What one run wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The site's pages, and those this run rendered (its shard's).
    pub pages: usize,
    pub rendered: usize,
    pub timings: Timings,
    pub base: String,
    pub script_hashes: usize,
    /// The Brotli and gzip copies written.
    pub compressed: reader_deploy::compress::Compressed,
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
    prerender_shard(dist, base, configs, Shard::WHOLE)
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
    let started = Instant::now();
    let base = reader_model::normalize_base(base);
    let template = loader::defer(&read(&dist.join("index.html"))?)?;
    let deployment = Deployment::plan(dist, &base, &template)?;
    let site: Site = read_json(&dist.join("content/site.json"))?;
    let list = read_list(&dist.join("content/list"))?;
    let sections = site
        .sections
        .iter()
        .map(|section| read_list(&dist.join("content/sections").join(section.slug.as_str())))
        .collect::<Result<Vec<_>, _>>()?;
    let speakers: Speakers = read_json(&dist.join("content/speakers/index.json"))?;
    let people = speakers
        .speakers
        .iter()
        .map(|person| read_json(&dist.join(format!("content/speakers/{}.json", person.slug))))
        .collect::<Result<Vec<Speaker>, _>>()?;
    let articles = list
        .iter()
        .flat_map(ListPage::articles)
        .map(|item| read_json(&dist.join(format!("content/articles/{}.json", item.slug))))
        .collect::<Result<Vec<Article>, _>>()?;
    let public = PublicUrl::new(site.origin.as_ref().ok_or(PrerenderError::NoOrigin)?, &base)?;

    let mut pages = vec![Page::not_found(&site), Page::search(&site)];
    for page in list.into_iter().chain(sections.into_iter().flatten()) {
        if page.page == 1 {
            pages.push(Page::list_numbered(&site, page.clone()));
        }
        pages.push(Page::list(&site, page));
    }
    pages.push(Page::speakers(&site, &speakers));
    pages.extend(
        people
            .into_iter()
            .map(|person| Page::speaker(&site, person)),
    );
    for article in &articles {
        pages.push(Page::article(&site, article.clone()));
        for n in 1..=article.body.speeches().count() {
            pages.push(Page::speech(&site, article.clone(), n));
        }
    }
    let read_done = Instant::now();
    let mine: Vec<&Page> = (pages.iter().enumerate())
        .filter(|(n, _)| shard.takes(*n))
        .map(|(_, page)| page)
        .collect();
    if !mine.iter().any(|page| page.file == Path::new("index.html")) {
        fs::remove_file(dist.join("index.html"))
            .map_err(|e| PrerenderError::Io(dist.join("index.html"), e))?;
    }
    render_all(&template, &mine, &public, &base, &|page, html| {
        write(&dist.join(&page.file), &deployment.finish_page(html))
    })?;
    let render_done = Instant::now();

    let entries: Vec<_> = pages.iter().filter_map(Page::sitemap_entry).collect();
    for (file, xml) in feeds::sitemaps(&public, &entries, feeds::SITEMAP_LIMIT) {
        write(&dist.join(file), &xml)?;
    }
    write(&dist.join("robots.txt"), &feeds::robots(&public))?;
    write(
        &dist.join(feeds::ATOM_FILE),
        &feeds::atom(&public, &site, &articles),
    )?;
    deployment.write_host_files(dist, configs)?;
    let feeds_done = Instant::now();
    let compressed = reader_deploy::compress::write_copies(dist)?;
    let seconds = |from: Instant, to: Instant| to.duration_since(from).as_secs_f64();
    Ok(Summary {
        pages: pages.len(),
        rendered: mine.len(),
        timings: Timings {
            read: seconds(started, read_done),
            render: seconds(read_done, render_done),
            feeds: seconds(render_done, feeds_done),
            compress: seconds(feeds_done, Instant::now()),
        },
        base,
        script_hashes: deployment.script_hashes.len(),
        compressed,
    })
}

/// Every page, rendered on every core and handed to `done` (which writes
/// it) as soon as it is rendered: no page is kept once written. The pages
/// are cut into one run per core, each rendered on its own thread with its
/// own executor (the app's state while rendering is per thread).
fn render_all(
    template: &str,
    pages: &[&Page],
    public: &PublicUrl,
    base: &str,
    done: &(dyn Fn(&Page, &str) -> Result<(), PrerenderError> + Sync),
) -> Result<(), PrerenderError> {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let run = pages.len().div_ceil(cores).max(1);
    std::thread::scope(|scope| {
        let threads = pages
            .chunks(run)
            .map(|part| {
                std::thread::Builder::new()
                    // The views' generic code nests deeply in a debug build.
                    .stack_size(32 << 20)
                    .spawn_scoped(scope, move || {
                        reader::paths::set_host_base(base);
                        with_executor(|| {
                            part.iter().try_for_each(|page| {
                                done(page, &render_page(template, page, public, base)?)
                            })
                        })
                        .and_then(|rendered| rendered)
                    })
                    .map_err(PrerenderError::Runtime)
            })
            .collect::<Result<Vec<_>, _>>()?;
        for thread in threads {
            match thread.join() {
                Ok(part) => part?,
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        Ok(())
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

/// Every page of a list, from `dir/1.json` to the last it names.
fn read_list(dir: &Path) -> Result<Vec<ListPage>, PrerenderError> {
    let first: ListPage = read_json(&dir.join("1.json"))?;
    let mut pages = Vec::with_capacity(first.pages);
    let count = first.pages;
    pages.push(first);
    for n in 2..=count {
        pages.push(read_json(&dir.join(format!("{n}.json")))?);
    }
    Ok(pages)
}

fn read(path: &Path) -> Result<String, PrerenderError> {
    fs::read_to_string(path).map_err(|e| PrerenderError::Io(path.to_path_buf(), e))
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, PrerenderError> {
    reader_model::from_json(&read(path)?)
        .map_err(|e| PrerenderError::Content(path.to_path_buf(), e))
}

fn write(path: &Path, text: &str) -> Result<(), PrerenderError> {
    Ok(reader_deploy::write(path, text)?)
}
