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

/// What one run wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub pages: usize,
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
    let rendered = render_all(&template, &pages, &public, &base)?;
    for (page, html) in pages.iter().zip(&rendered) {
        write(&dist.join(&page.file), &deployment.finish_page(html))?;
    }

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
    let compressed = reader_deploy::compress::write_copies(dist)?;
    Ok(Summary {
        pages: pages.len(),
        base,
        script_hashes: deployment.script_hashes.len(),
        compressed,
    })
}

/// Every page, rendered on every core: the pages are cut into one run
/// per core, each rendered on its own thread with its own executor (the
/// app's state while rendering is per thread), in order.
fn render_all(
    template: &str,
    pages: &[Page],
    public: &PublicUrl,
    base: &str,
) -> Result<Vec<String>, PrerenderError> {
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
                            part.iter()
                                .map(|page| render_page(template, page, public, base))
                                .collect::<Result<Vec<String>, PrerenderError>>()
                        })
                        .and_then(|rendered| rendered)
                    })
                    .map_err(PrerenderError::Runtime)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut rendered = Vec::with_capacity(pages.len());
        for thread in threads {
            match thread.join() {
                Ok(part) => rendered.extend(part?),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        Ok(rendered)
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
