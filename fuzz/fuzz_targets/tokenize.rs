//! Any text, cut into words as the search index and the search box cut it
//! (Chinese and every other script): cutting never panics, every query
//! word of a piece of the text is one of the text's index words (so a run
//! an article holds always finds it), and a query over the text
//! highlights without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reader_search::query::SearchQuery;
use reader_search::words::{Cut, tokens};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let indexed: std::collections::HashSet<String> =
        tokens(text, Cut::Index).map(|w| w.into_owned()).collect();
    // Any piece of the text between two of its characters: a query a
    // reader could type after reading it.
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    if bounds.len() > 2 {
        let from = bounds[usize::from(data[0]) % bounds.len()];
        let to = bounds[usize::from(data[data.len() - 1]) % bounds.len()];
        let (from, to) = (from.min(to), from.max(to));
        let piece = &text[from..to];
        // Cut through a word, its ends are other words: only whole runs
        // between separators must match.
        let whole = piece
            .split(|c: char| !c.is_alphanumeric())
            .skip(1)
            .collect::<Vec<_>>();
        if whole.len() > 1 {
            for run in &whole[..whole.len() - 1] {
                for word in tokens(run, Cut::Query) {
                    assert!(indexed.contains(word.as_ref()), "{word:?} of {run:?} not indexed");
                }
            }
        }
        let query = SearchQuery::new(piece);
        let _ = query.highlight(text);
    }
});
