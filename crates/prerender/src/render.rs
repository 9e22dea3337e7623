//! The app's own views, rendered to HTML on the host.
//!
//! Each page is rendered by the real [`reader::App`], routed at its URL,
//! with its data put where the app's client finds it
//! ([`reader::client::cache`]): the same components the browser runs, so
//! the static page and the app cannot drift apart. The units of work are
//! rendered on every core ([`render_all`]), each page written into the
//! template with its head and its data ([`render_page`]).

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use reader::client::cache;
use reader_model::layout::speech_id;
use reader_model::{PageContent, PageData};

use crate::PrerenderError;
use crate::data::{self, Carried};
use crate::head::Head;
use crate::inputs::Inputs;
use crate::page::Page;
use crate::reading;
use crate::template;
use crate::work::Work;

/// The app's `<body>` at `url` (a path below the host, base included),
/// showing `data`. Must run inside [`with_executor`]: the app's
/// loaders start tasks, even when their answer is already here.
pub fn render(url: &str, data: PageData) -> String {
    cache::preload(data);
    let owner = Owner::new();
    let body = owner.with(|| {
        provide_context(RequestUrl::new(url));
        view! { <reader::App /> }.to_html()
    });
    owner.cleanup();
    cache::clear();
    body
}

/// How many units a rendering thread takes at a time.
const BATCH: usize = 8;

/// Every unit's pages, rendered on every core and each handed to `done`
/// (which writes it) as soon as it is rendered: no page is kept once
/// written, no article once its pages are. One thread per core, each with
/// its own executor (the app's state while rendering is per thread), takes
/// the next few units as it is free (an article with speeches is several
/// pages, a list one: runs cut in advance left one core idle at the end).
/// Returns the files of each unit's pages, in the units' order.
pub(crate) fn render_all(
    inputs: &Inputs,
    units: &[Work],
    done: &(dyn Fn(&Page, &str) -> Result<(), PrerenderError> + Sync),
) -> Result<Vec<Vec<PathBuf>>, PrerenderError> {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let next = AtomicUsize::new(0);
    let next = &next;
    std::thread::scope(|scope| {
        let threads = (0..cores.min(units.len().div_ceil(BATCH)).max(1))
            .map(|_| {
                std::thread::Builder::new()
                    // The views' generic code nests deeply in a debug build.
                    .stack_size(32 << 20)
                    .spawn_scoped(scope, move || {
                        reader::paths::set_host_base(&inputs.base);
                        let rendered = with_executor(|| render_taken(inputs, units, next, done))
                            .and_then(|rendered| rendered);
                        if rendered.is_err() {
                            // The others stop at their next batch.
                            next.store(units.len(), Ordering::Relaxed);
                        }
                        rendered
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
        files.sort_unstable_by_key(|(unit, _)| *unit);
        Ok(files.into_iter().map(|(_, files)| files).collect())
    })
}

/// The units one thread renders: batches taken from `next` until none is
/// left; each unit's files with its place among `units`.
fn render_taken(
    inputs: &Inputs,
    units: &[Work],
    next: &AtomicUsize,
    done: &(dyn Fn(&Page, &str) -> Result<(), PrerenderError> + Sync),
) -> Result<Vec<(usize, Vec<PathBuf>)>, PrerenderError> {
    let mut files = Vec::new();
    loop {
        let first = next.fetch_add(BATCH, Ordering::Relaxed);
        if first >= units.len() {
            return Ok(files);
        }
        let batch = &units[first..units.len().min(first + BATCH)];
        for (offset, unit) in batch.iter().enumerate() {
            let pages = unit.pages(&inputs.site, &inputs.content)?;
            let mut body = None;
            for page in &pages {
                done(page, &render_page(inputs, page, &mut body)?)?;
            }
            files.push((
                first + offset,
                pages.into_iter().map(|page| page.file).collect(),
            ));
        }
    }
}

/// One page: the app rendered at its URL, in the template, with its head
/// and its data. `body` holds the body of the page rendered before it in
/// the same unit: a speech page's body is its article's (only their heads
/// differ, `a_speech_page_shows_its_article` checks it), so the article's,
/// rendered first, serves each of its speech pages; unless the article
/// shares its speeches with a translation, whose language switch then
/// leads to the same speech there ([`shares_speeches`]).
fn render_page(
    inputs: &Inputs,
    page: &Page,
    body: &mut Option<String>,
) -> Result<String, PrerenderError> {
    // The chrome's words in the page's language, for its head and body.
    reader::labels::set_host_language(&page.data.site.language);
    let head = Head::of(page, &inputs.public).to_html(page);
    let (data_json, mut data_source) = match data::carried(&page.data, &inputs.base)? {
        Carried::Inline(json) => (json, String::new()),
        Carried::Named(source) => (String::new(), source),
    };
    // The reading app takes over the pages it has routes for.
    if inputs.reading.is_some() && reading::shows(&page.data.content) {
        data_source.push(' ');
        data_source.push_str(reading::READING_ATTRIBUTE);
    }
    // A speech's page opens at that speech (`loader.js`).
    if let Some(n) = page.speech {
        data_source.push_str(&format!(r#" data-part="{}""#, speech_id(n)));
    }
    let reuse = page.speech.is_some() && !shares_speeches(&page.data.content);
    let rendered = match body.take() {
        Some(article) if reuse => article,
        _ => render(&page.url(&inputs.base), page.data.clone()),
    };
    let body = body.insert(rendered);
    let html = template::fill(
        &inputs.template,
        &template::Filling {
            language: &page.data.site.language,
            head: &head,
            styles: inputs.styles.for_page(&page.data.content),
            body,
            data_json: &data_json,
            data_source: &data_source,
        },
    )?;
    match page.data.content {
        // The service worker's offline page: static, the offline controls
        // its only script.
        PageContent::Offline => template::without_app(&html, &inputs.offline.controls_href()),
        _ => Ok(html),
    }
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

/// Whether the page's article shares its speeches with a translation
/// (`reader_model::Translation::speeches`): its speech pages' language
/// switch then leads to each speech's translation, so their bodies differ
/// from the article's.
fn shares_speeches(content: &PageContent) -> bool {
    matches!(content, PageContent::Article(article)
        if article.translations.iter().any(|translation| translation.speeches > 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use reader_model::{Article, Site};

    /// The body of a speech page is its article's, whichever speech it
    /// opens at: what lets the prerender render it once ([`render_page`]).
    /// Should the app ever show a speech page otherwise, this fails, and
    /// the body must be rendered for each page again.
    #[test]
    fn a_speech_page_shows_its_article() {
        let site: Site = reader_model::from_json(
            r#"{"name": "N", "description": "D", "list_title": "L", "footer": {"heading": "F"}}"#,
        )
        .expect("site");
        let article: Article = reader_model::from_json(
            r#"{"slug":"a-b","headline":"H","section":"campus","published":"2024-05-01","summary":"S","body":[
                {"type":"paragraph","text":"Before."},
                {"type":"speech","speaker":"Ding Xiaodong","role":"President","caption":"First.","image":{"src":"images/d.jpg","alt":"D"}},
                {"type":"paragraph","text":"Between."},
                {"type":"speech","speaker":"Li Ming","role":"Dean","caption":"Second.","image":{"src":"images/l.jpg","alt":"L"}}]}"#,
        )
        .expect("article");
        let pages = [
            Page::article(&site, article.clone()),
            Page::speech(&site, article.clone(), 1),
            Page::speech(&site, article, 2),
        ];
        let bodies = with_executor(|| {
            pages
                .iter()
                .map(|page| render(&page.url("/"), page.data.clone()))
                .collect::<Vec<_>>()
        })
        .expect("rendered");
        assert!(bodies[0].contains("Ding Xiaodong") && bodies[0].contains("Between."));
        assert_eq!(bodies[1], bodies[0], "the first speech's page");
        assert_eq!(bodies[2], bodies[0], "the second speech's page");
        assert!(!shares_speeches(&pages[1].data.content));
    }

    /// An article that shares its speeches with a translation: each speech
    /// page's switch leads to that speech there, so the prerender renders
    /// each ([`shares_speeches`]); that is the only difference.
    #[test]
    fn a_speech_page_of_a_translated_article_switches_to_the_same_speech() {
        let site: Site = reader_model::from_json(
            r#"{"name": "N", "description": "D", "list_title": "L", "footer": {"heading": "F"},
                "editions": [{"code": "en", "current": true, "language": "en", "name": "English", "path": ""},
                    {"code": "zh", "language": "zh-CN", "name": "中文", "path": "zh/"}]}"#,
        )
        .expect("site");
        let article: Article = reader_model::from_json(
            r#"{"slug":"a-b","headline":"H","section":"campus","published":"2024-05-01","summary":"S","body":[
                {"type":"speech","speaker":"Ding Xiaodong","role":"President","caption":"First."},
                {"type":"speech","speaker":"Li Ming","role":"Dean","caption":"Second."}],
                "translations":[{"edition":"zh","slug":"zhongxin","speeches":2}]}"#,
        )
        .expect("article");
        let pages = [
            Page::article(&site, article.clone()),
            Page::speech(&site, article, 2),
        ];
        assert!(shares_speeches(&pages[1].data.content));
        let bodies = with_executor(|| {
            reader::paths::set_host_base("/");
            pages
                .iter()
                .map(|page| render(&page.url("/"), page.data.clone()))
                .collect::<Vec<_>>()
        })
        .expect("rendered");
        assert!(
            bodies[0].contains(r#"href="/zh/news/zhongxin""#),
            "{}",
            bodies[0]
        );
        assert_eq!(
            bodies[1],
            bodies[0].replace(
                r#"href="/zh/news/zhongxin""#,
                r#"href="/zh/news/zhongxin/speech/2""#
            )
        );
    }
}
