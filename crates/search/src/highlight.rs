//! What a query finds in a text, marked: its words, and in runs of
//! Chinese characters the stretches its pairs cover (the excerpts' and
//! passages' highlights).

use crate::query::SearchQuery;
use crate::results::ExcerptPart;
use crate::words::{fold, groups_digits, is_han, is_han_word};

impl SearchQuery {
    /// The indices of the query's words that `word` (as written in a
    /// text) is.
    fn finds(&self, word: &str) -> impl Iterator<Item = usize> {
        let lower = if word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            std::borrow::Cow::Borrowed(word)
        } else {
            let chars = word.chars().filter(|&c| c != ',');
            std::borrow::Cow::Owned(chars.map(fold).collect::<String>().to_lowercase())
        };
        (self.words.iter().enumerate())
            .filter(move |(i, w)| {
                *lower == **w || (self.begun(*i) && lower.starts_with(w.as_str()))
            })
            .map(|(i, _)| i)
    }

    /// Whether `text` holds every one of the query's words: a hit's
    /// headline that says alone why it was found.
    pub fn all_in(&self, text: &str) -> bool {
        let mut seen = vec![false; self.words.len()];
        for (start, end) in latin_words(text) {
            for i in self.finds(&text[start..end]) {
                seen[i] = true;
            }
        }
        for (i, word) in self.words.iter().enumerate() {
            if is_han_word(word) && text.contains(word.as_str()) {
                seen[i] = true;
            }
        }
        !seen.is_empty() && seen.into_iter().all(|seen| seen)
    }

    /// How many stretches of `text` the query finds (see
    /// [`SearchQuery::highlight`]).
    pub fn matches_in(&self, text: &str) -> usize {
        (self.highlight(text).iter())
            .filter(|part| matches!(part, ExcerptPart::Match(_)))
            .count()
    }

    /// `text` cut into plain runs and what the query finds: its words, and
    /// in runs of Chinese characters the stretches its pairs cover.
    pub fn highlight(&self, text: &str) -> Vec<ExcerptPart> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut found: Vec<(usize, usize)> = (latin_words(text).into_iter())
            .filter(|&(start, end)| self.finds(&text[start..end]).next().is_some())
            .collect();
        found.extend(self.han_matches(text, &chars));
        found.sort_unstable();
        let mut parts = Vec::new();
        let mut plain = 0;
        for (start, end) in found {
            if start < plain {
                continue;
            }
            if plain < start {
                parts.push(ExcerptPart::Text(text[plain..start].to_owned()));
            }
            parts.push(ExcerptPart::Match(text[start..end].to_owned()));
            plain = end;
        }
        if plain < text.len() {
            parts.push(ExcerptPart::Text(text[plain..].to_owned()));
        }
        parts
    }

    /// The stretches of Han characters in `text` that the query's pieces
    /// of Han text cover (as byte ranges).
    fn han_matches(&self, text: &str, chars: &[(usize, char)]) -> Vec<(usize, usize)> {
        let han: Vec<&str> = self
            .words
            .iter()
            .filter(|w| is_han_word(w))
            .map(String::as_str)
            .collect();
        if han.is_empty() {
            return Vec::new();
        }
        let end_of = |i: usize| chars.get(i + 1).map_or(text.len(), |(at, _)| *at);
        let mut covered = vec![false; chars.len()];
        for (i, (at, c)) in chars.iter().enumerate() {
            if !is_han(*c) {
                continue;
            }
            if han.contains(&&text[*at..end_of(i)]) {
                covered[i] = true;
            }
            if let Some((_, next)) = chars.get(i + 1)
                && is_han(*next)
                && han.contains(&&text[*at..end_of(i + 1)])
            {
                covered[i] = true;
                covered[i + 1] = true;
            }
        }
        let mut stretches = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if !covered[i] {
                i += 1;
                continue;
            }
            let start = chars[i].0;
            while i < chars.len() && covered[i] {
                i += 1;
            }
            stretches.push((start, chars.get(i).map_or(text.len(), |(at, _)| *at)));
        }
        stretches
    }
}

/// The words of `text` outside runs of Chinese characters, as byte
/// ranges: letters and digits, and the commas that group a number's
/// digits (1,500).
fn latin_words(text: &str) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut word_start = None;
    let ends = (text.char_indices()).chain(std::iter::once((text.len(), ' ')));
    for (at, c) in ends {
        if (c.is_alphanumeric() && !is_han(c))
            || (c == ',' && word_start.is_some() && groups_digits(text, at))
        {
            word_start.get_or_insert(at);
            continue;
        }
        if let Some(start) = word_start.take() {
            words.push((start, at));
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use crate::query::SearchQuery;
    use crate::results::ExcerptPart;

    #[test]
    fn a_text_holds_all_the_words_or_not() {
        let query = SearchQuery::new("optical LAB");
        assert!(query.all_in("New Optical-imaging labs open"));
        assert!(!query.all_in("New optical instruments"));
        let query = SearchQuery::new("上海理工大学 5G");
        assert!(query.all_in("上海理工大学5G实验室揭牌启用"));
        assert!(!query.all_in("上海理工大学新图书馆启用"));
        assert!(!SearchQuery::new("").all_in("anything"));
    }

    #[test]
    fn highlights_the_words_a_query_matches_and_keeps_the_rest() {
        let parts = SearchQuery::new("optical lab").highlight("New Optical-imaging labs, <b>");
        assert_eq!(
            parts,
            [
                ExcerptPart::Text("New ".into()),
                ExcerptPart::Match("Optical".into()),
                ExcerptPart::Text("-imaging ".into()),
                ExcerptPart::Match("labs".into()),
                ExcerptPart::Text(", <b>".into()),
            ]
        );
    }

    #[test]
    fn a_number_is_marked_whether_typed_with_its_commas_or_without() {
        for typed in ["1500", "1,500"] {
            let parts = SearchQuery::new(typed).highlight("Over 1,500 seats, 2,1500 rows");
            assert_eq!(
                parts,
                [
                    ExcerptPart::Text("Over ".into()),
                    ExcerptPart::Match("1,500".into()),
                    ExcerptPart::Text(" seats, 2,".into()),
                    ExcerptPart::Match("1500".into()),
                    ExcerptPart::Text(" rows".into()),
                ],
                "{typed}"
            );
        }
    }

    #[test]
    fn highlights_the_chinese_a_query_covers() {
        let parts = SearchQuery::new("医疗器械").highlight("上海高端医疗器械创新中心，医疗设备");
        assert_eq!(
            parts,
            [
                ExcerptPart::Text("上海高端".into()),
                ExcerptPart::Match("医疗器械".into()),
                ExcerptPart::Text("创新中心，".into()),
                ExcerptPart::Match("医疗".into()),
                ExcerptPart::Text("设备".into()),
            ]
        );
        let mixed = SearchQuery::new("5G 实验室").highlight("新建5G实验室启用");
        assert_eq!(
            mixed,
            [
                ExcerptPart::Text("新建".into()),
                ExcerptPart::Match("5G".into()),
                ExcerptPart::Match("实验室".into()),
                ExcerptPart::Text("启用".into()),
            ]
        );
    }
}
