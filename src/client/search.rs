//! Search without a server, over an archive of any size: the index is
//! static files written by the content build (see
//! `reader_model::search_index`); a query fetches the one or two files its
//! words are filed in, ranks the matches here, and shows them from the news
//! list's own pages, so nothing is downloaded per result.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::rc::Rc;

use futures::future::join_all;
use reader_model::{IndexFile, ListPage, SearchHit, SearchQuery, SearchResults};

use super::{FetchError, get_json, list_page};
use crate::paths;

thread_local! {
    /// Index files already fetched in this visit: as a reader types
    /// "env", "envi", "environment", every search after the first finds
    /// its file here. (A new build means a new visit: pages are never
    /// cached across builds.)
    static FILES: RefCell<HashMap<String, Rc<IndexFile>>> = RefCell::new(HashMap::new());
}

/// Page `page` (from 1) of the articles matching `text`, best first.
pub fn search(
    text: &str,
    page: usize,
) -> impl Future<Output = Result<SearchResults, FetchError>> + use<> {
    let page = page.max(1);
    let query = SearchQuery::new(text);
    let mut found: HashMap<String, Rc<IndexFile>> = HashMap::new();
    let mut shards = Vec::new();
    for key in query.shard_keys() {
        match FILES.with(|files| files.borrow().get(&key).cloned()) {
            Some(file) => {
                found.insert(key, file);
            }
            None => {
                let request = get_json::<IndexFile>(paths::search_shard_json(&key));
                shards.push(async move { (key, request.await) });
            }
        }
    }
    async move {
        if query.is_empty() {
            return Ok(SearchResults::default());
        }
        for (key, answer) in join_all(shards).await {
            match answer {
                Ok(file) => {
                    let file = Rc::new(file);
                    FILES.with(|files| files.borrow_mut().insert(key.clone(), Rc::clone(&file)));
                    found.insert(key, file);
                }
                // No word starts that way: nothing was filed there.
                Err(FetchError::NotFound) => {}
                Err(error) => return Err(error),
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
        let pages = join_all(numbers.iter().map(|n| list_page(None, *n))).await;
        let mut by_number = HashMap::new();
        for (n, page) in numbers.into_iter().zip(pages) {
            by_number.insert(n, page?);
        }
        let hits = ranked
            .ids
            .iter()
            .filter_map(|id| {
                let (n, place) = ListPage::position(*id as usize);
                let item = by_number.get(&n)?.articles().get(place)?;
                Some(SearchHit {
                    slug: item.slug.clone(),
                    headline: item.headline.clone(),
                    published: item.published,
                    section: item.section.clone(),
                    excerpt: query.highlight(&item.summary),
                })
            })
            .collect();
        Ok(SearchResults {
            total: ranked.total,
            more: ranked.more,
            page,
            hits,
        })
    }
}
