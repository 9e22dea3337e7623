//! Search without a server, over an archive of any size: the index is
//! static files written by the content build (their format:
//! `crates/search`, `reader_search::format`); a query fetches the one or two files its
//! words are filed in (and, for a word whose file is split, the next),
//! ranks the matches here, and shows them from the news
//! list's own pages, so nothing is downloaded per result.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::rc::Rc;
use std::thread::LocalKey;

use futures::future::{join, join_all};
use reader_model::ListPage;
use reader_model::Slug;
use reader_model::layout::ContentFile;
use reader_search::{
    ArticleTexts, ExcerptPart, IndexFile, KEY_CHARS, SHORT_KEY_CHARS, SearchHit, SearchQuery,
    SearchResults,
};

use super::{FetchError, article, cache, get_json, list_page};
use crate::paths;

/// Files this visit already fetched, by key.
type Kept<K, V> = RefCell<HashMap<K, Rc<V>>>;

thread_local! {
    /// Index files: as a reader types "env", "envi", "environment", every
    /// search after the first finds its file here. (A new build means a
    /// new visit: pages are never cached across builds.)
    static FILES: Kept<String, IndexFile> = RefCell::new(HashMap::new());
    /// Archive pages of the news list that hits were shown from: the next page of
    /// results, or the same search again, needs no request.
    static LIST_PAGES: Kept<usize, ListPage> = RefCell::new(HashMap::new());
}

/// Page `page` (from 1) of the articles matching `text`, best first.
pub fn search(
    text: &str,
    page: usize,
) -> impl Future<Output = Result<SearchResults, FetchError>> + use<> {
    let page = page.max(1);
    // The index's files are named by as many characters as the site says
    // (two in a small archive): known at once on every page the app
    // starts on, else once the site is here.
    let key_chars = cache::search_key_chars();
    let site = key_chars.is_none().then(super::site);
    let query = SearchQuery::new(text).filed_by(key_chars.unwrap_or(KEY_CHARS));
    // The first files are asked for now, in the caller's reactive scope
    // (see `kept`); the few a split file leads to, once it is here. Not
    // knowing yet how the site names its files, those named alike either
    // way (Chinese, short words) are asked for beside the site.
    let mut found = HashMap::new();
    let first = match key_chars {
        Some(_) => requests(query.keys_needed(&found)),
        None => {
            let short = (query.clone().filed_by(SHORT_KEY_CHARS)).keys_needed(&found);
            let mut alike = query.keys_needed(&found);
            alike.retain(|key| short.contains(key));
            requests(alike)
        }
    };
    async move {
        if query.is_empty() {
            return Ok(SearchResults::default());
        }
        let (query, first) = match site {
            Some(site) => {
                let (site, first) = join(site, join_all(first)).await;
                (query.filed_by(site?.search_key_chars), first)
            }
            None => (query, join_all(first).await),
        };
        for (key, file) in first {
            found.insert(key, file?);
        }
        loop {
            let needed = requests(query.keys_needed(&found));
            if needed.is_empty() {
                break;
            }
            for (key, file) in join_all(needed).await {
                found.insert(key, file?);
            }
        }
        let shown = SearchResults::PAGE_SIZE;
        let ranked = query.rank(&found, (page - 1) * shown, shown);
        let mut numbers: Vec<usize> = ranked
            .ids
            .iter()
            .map(|id| ListPage::position(*id as usize).0)
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        let pages = join_all(
            numbers
                .iter()
                .map(|n| kept(&LIST_PAGES, *n, || list_page(None, Some(*n)))),
        )
        .await;
        // A page of the list the index names but the host does not have
        // (the index of one deploy, the lists of another) loses its hits
        // alone; any other failure is the search's (a Retry asks again).
        let mut by_number = HashMap::new();
        for (n, page) in numbers.into_iter().zip(pages) {
            match page {
                Ok(page) => {
                    by_number.insert(n, page);
                }
                Err(FetchError::NotFound) => {}
                Err(error) => return Err(error),
            }
        }
        let mut hits: Vec<(u32, usize, SearchHit)> = (ranked.ids.iter().zip(&ranked.scores))
            .filter_map(|(id, score)| {
                let (n, place) = ListPage::position(*id as usize);
                let item = by_number.get(&n)?.from_oldest(place)?;
                Some((
                    *score,
                    query.matches_in(&item.headline),
                    SearchHit {
                        slug: item.slug.clone(),
                        headline: item.headline.clone(),
                        headline_breaks: item.headline_breaks.clone(),
                        published: item.published,
                        section: item.section.clone(),
                        excerpt: query.highlight(&item.summary),
                    },
                ))
            })
            .collect();
        // Of the hits of a page that score the same, those with more of
        // the words in their headlines first (the index ranks a headline
        // and a summary alike); the order between pages stays the index's.
        hits.sort_by_key(|(score, in_headline, _)| std::cmp::Reverse((*score, *in_headline)));
        let hits = hits.into_iter().map(|(_, _, hit)| hit).collect();
        Ok(SearchResults {
            total: ranked.total,
            more: ranked.more,
            unfinished: ranked.unfinished,
            page,
            hits,
        })
    }
}

/// The passage of the article `slug` that shows why a search for `text`
/// found it (a hit whose summary does not say: the words are only in its
/// text, or its dateline's names), from the article itself, fetched through the client as any
/// article is (its request tied now to the caller's reactive scope, and
/// cancelled with it), once the results are on screen. `None` when the article cannot be had or the
/// words are not in its text: the hit keeps its summary.
pub fn passage(slug: &Slug, text: &str) -> impl Future<Output = Option<Vec<ExcerptPart>>> + use<> {
    let request = article(slug);
    let query = SearchQuery::new(text);
    let labels = crate::labels::labels();
    async move {
        // The results are painted first: the article is asked for (and
        // read) only then, not in the frame that shows them.
        crate::main_thread::after_paint().await;
        let article = request.await.ok()?;
        // The words may be only in who wrote or edited it: its byline
        // and copy-editing line, as the article's page says them.
        (query.passage(ArticleTexts::of(&article).blocks)).or_else(|| {
            let byline = article.byline(&labels).map(|line| line.text());
            let copyedit = article.copyedit_line(&labels).map(|line| line.text());
            query.passage(byline.iter().chain(&copyedit).map(String::as_str))
        })
    }
}

/// The search's own code run once, a step a task, over an index file made
/// here, before the reader's first query: the browser compiles a wasm
/// function the first time it is called, on the main thread, so a first
/// search would otherwise also wait for the query's, the index's and the
/// ranking's code to compile. Nothing is fetched or kept.
pub async fn warm_up() {
    const WORDS: &str = "上海理工 news";
    // An index file and a page of the news list, as the build writes them.
    const FILE: &str = r#"{"words":{"上海":{"n":2,"s":[1],"b":[2]},"news":{"n":1,"s":[3]}}}"#;
    use crate::main_thread::next_task;
    next_task().await;
    let query = SearchQuery::new(WORDS).filed_by(KEY_CHARS);
    next_task().await;
    let Ok(file) = super::decode::<IndexFile>(200, Some("application/json"), FILE) else {
        return;
    };
    let file = Rc::new(file);
    let none: HashMap<String, Rc<IndexFile>> = HashMap::new();
    let found: HashMap<String, Rc<IndexFile>> = (query.keys_needed(&none).into_iter())
        .map(|key| (key, Rc::clone(&file)))
        .collect();
    next_task().await;
    let ranked = query.rank(&found, 0, SearchResults::PAGE_SIZE);
    next_task().await;
    std::hint::black_box((ranked, query.highlight(WORDS), query.all_in(WORDS)));
    // The hits are shown from the news list's pages, read as these are.
    next_task().await;
    const LIST: &str = r#"{"articles":[{"slug":"a","headline":"上海 news","published":"2020-01-01","section":"S","summary":"S."}],"page":1}"#;
    std::hint::black_box(super::decode::<ListPage>(200, Some("application/json"), LIST).ok());
}

/// Requests for the index files of `keys` (files kept from earlier
/// searches answer at once), each answered with its key.
fn requests(
    keys: Vec<String>,
) -> Vec<impl Future<Output = (String, Result<Rc<IndexFile>, FetchError>)> + use<>> {
    keys.into_iter()
        .map(|key| {
            let url = paths::content_href(ContentFile::SearchIndex(&key));
            let file = kept(&FILES, key.clone(), move || {
                let request = get_json::<IndexFile>(url);
                async move {
                    match request.await {
                        // No word starts that way: nothing was filed there.
                        Err(FetchError::NotFound) => Ok(IndexFile::default()),
                        answer => answer,
                    }
                }
            });
            async move { (key, file.await) }
        })
        .collect()
}

/// What `store` kept for `key`, else `fetch`'s answer, then kept for the
/// rest of the visit. `fetch` is called now, not when the answer is
/// awaited, so its request belongs to the caller's reactive scope; a
/// failure is not kept (a Retry asks again).
fn kept<K, V, Fut, F>(
    store: &'static LocalKey<Kept<K, V>>,
    key: K,
    fetch: F,
) -> impl Future<Output = Result<Rc<V>, FetchError>> + use<K, V, Fut, F>
where
    K: Eq + Hash + 'static,
    V: 'static,
    Fut: Future<Output = Result<V, FetchError>>,
    F: FnOnce() -> Fut,
{
    let answer = store
        .with(|kept| kept.borrow().get(&key).cloned())
        .ok_or_else(fetch);
    async move {
        match answer {
            Ok(known) => Ok(known),
            Err(request) => {
                let value = Rc::new(request.await?);
                store.with(|kept| kept.borrow_mut().insert(key, Rc::clone(&value)));
                Ok(value)
            }
        }
    }
}
