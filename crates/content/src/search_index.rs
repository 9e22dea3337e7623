//! The search index files (`content/search/<key>.json`), built from every
//! article: see `reader_model::search_index` for what they hold and how a
//! query reads them.

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use rayon::prelude::*;
use reader_model::{ArticleSource, ArticleWords, Block, IndexBuilder, SearchShard};

/// An article's strong text (headline, summary, speakers' names) and the
/// rest of its text, as search reads them.
pub fn texts(article: &ArticleSource) -> (String, String) {
    let mut strong = vec![article.headline.as_str(), article.summary.as_str()];
    let mut body: Vec<&str> = vec![article.section.as_str()];
    body.extend(article.authors.iter().map(String::as_str));
    for block in article.body.blocks() {
        match block {
            Block::Paragraph { text, .. } => body.push(text),
            Block::Speech(speech) => {
                strong.push(&speech.speaker);
                body.extend(speech.role.as_deref());
                body.push(&speech.caption);
            }
            Block::Figure(figure) => body.extend(figure.caption.as_deref()),
            Block::Quote(quote) => {
                body.push(&quote.text);
                body.extend(quote.attribution.as_deref());
            }
        }
    }
    (strong.join(" "), body.join(" "))
}

/// How many articles have their words cut at once (in parallel) before
/// they join the index: enough to keep both cores busy, few enough that
/// the cut words of the whole archive never sit in memory together.
const CHUNK: usize = 4_096;

/// The index over `articles`, numbered in the order given (the news
/// list's, newest first).
pub fn build(articles: &[&ArticleSource]) -> BTreeMap<String, SearchShard> {
    let mut builder = IndexBuilder::default();
    for chunk in articles.chunks(CHUNK) {
        let words: Vec<ArticleWords> = chunk
            .par_iter()
            .map(|article| {
                let (strong, body) = texts(article);
                ArticleWords::of(&strong, &body)
            })
            .collect();
        builder.add_all(&words);
    }
    builder.finish()
}

/// Writes each shard as `dir/<key>.json`.
///
/// # Errors
/// Any I/O error.
pub fn write(
    dir: &Path,
    shards: &BTreeMap<String, SearchShard>,
    output: &reader_output::Output,
) -> io::Result<()> {
    shards.par_iter().try_for_each(|(key, shard)| {
        let text = reader_model::to_json(shard).map_err(io::Error::other)?;
        output
            .write(&dir.join(format!("{key}.json")), text)
            .map(drop)
    })
}
