//! The passage of an article that shows why a search found it, when its
//! summary does not: the stretch of its text around what the query finds.

use crate::query::SearchQuery;
use crate::results::ExcerptPart;
use crate::words::is_han;

/// The most a passage shows, in columns: a Chinese character takes two,
/// as it does on the screen, so a passage of Chinese is about as long to
/// read as one of English.
pub const PASSAGE_COLUMNS: usize = 200;

/// The most of them before the first match.
const LEAD_COLUMNS: usize = 60;

/// How many characters a cut may move to fall between two words.
const SNAP_CHARS: usize = 20;

/// Marks a cut.
const ELLIPSIS: &str = "…";

impl SearchQuery {
    /// Of `pieces` (an article's texts, `crate::ArticleTexts::blocks`), the
    /// one in which the query finds the most of its different words (the
    /// first of equals), cut to at most [`PASSAGE_COLUMNS`] columns
    /// around the first it finds, with what it finds marked and `…` where
    /// the piece was cut; `None` when it finds nothing in any.
    pub fn passage<'a>(
        &self,
        pieces: impl IntoIterator<Item = &'a str>,
    ) -> Option<Vec<ExcerptPart>> {
        let mut best: Option<(usize, &str, Vec<ExcerptPart>)> = None;
        for piece in pieces {
            let parts = self.highlight(piece);
            let found = distinct_matches(&parts);
            if found > 0 && best.as_ref().is_none_or(|(most, ..)| found > *most) {
                best = Some((found, piece, parts));
            }
        }
        let (_, piece, parts) = best?;
        Some(self.cut(piece, parts))
    }

    /// `piece` (whose marked parts are `parts`) cut around its first match.
    fn cut(&self, piece: &str, parts: Vec<ExcerptPart>) -> Vec<ExcerptPart> {
        let chars: Vec<char> = piece.chars().collect();
        if chars.iter().map(|&c| columns(c)).sum::<usize>() <= PASSAGE_COLUMNS {
            return parts;
        }
        let first = parts
            .iter()
            .take_while(|part| matches!(part, ExcerptPart::Text(_)))
            .map(|part| part.text().chars().count())
            .sum::<usize>();
        let (mut start, mut lead) = (first, 0);
        while start > 0 && lead + columns(chars[start - 1]) <= LEAD_COLUMNS {
            start -= 1;
            lead += columns(chars[start]);
        }
        if start > 0
            && let Some(space) =
                (start..first.min(start + SNAP_CHARS)).find(|&i| chars[i].is_whitespace())
        {
            start = space + 1;
        }
        let (mut end, mut used) = (start, 0);
        while end < chars.len() && used + columns(chars[end]) <= PASSAGE_COLUMNS {
            used += columns(chars[end]);
            end += 1;
        }
        if end < chars.len()
            && let Some(space) = (end.saturating_sub(SNAP_CHARS).max(first + 1)..end)
                .rev()
                .find(|&i| chars[i].is_whitespace())
        {
            end = space;
        }
        // Never a cut inside what shows as one character: an accent, a
        // joiner or what it joins stays with the character before it, and
        // a flag's second letter with its first.
        let inside = |i: usize| {
            joins(chars[i])
                || (i > 0 && chars[i - 1] == ZWJ)
                || (is_regional(chars[i])
                    && chars[..i]
                        .iter()
                        .rev()
                        .take_while(|&&c| is_regional(c))
                        .count()
                        % 2
                        == 1)
        };
        while start < first && inside(start) {
            start += 1;
        }
        while end < chars.len() && inside(end) {
            end += 1;
        }
        let window: String = chars[start..end].iter().collect();
        let mut cut = self.highlight(window.trim());
        if start > 0 {
            cut.insert(0, ExcerptPart::Text(ELLIPSIS.to_owned()));
        }
        if end < chars.len() {
            cut.push(ExcerptPart::Text(ELLIPSIS.to_owned()));
        }
        merge_text(cut)
    }
}

/// The zero-width joiner, which joins the characters on either side of it
/// into one (👩‍💻).
const ZWJ: char = '\u{200d}';

/// Whether `c` belongs with the character before it: a combining accent,
/// a joiner, a variation selector, an emoji's skin tone or tag.
fn joins(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036f}'
        | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}'
        | '\u{fe20}'..='\u{fe2f}'
        | '\u{fe00}'..='\u{fe0f}'
        | ZWJ
        | '\u{1f3fb}'..='\u{1f3ff}'
        | '\u{e0020}'..='\u{e007f}'
        | '\u{e0100}'..='\u{e01ef}')
}

/// Whether `c` is one of the regional indicator letters, of which each
/// pair shows as one flag (🇨🇳: C and N).
fn is_regional(c: char) -> bool {
    ('\u{1f1e6}'..='\u{1f1ff}').contains(&c)
}

/// How many columns `c` takes on the screen: two for a Chinese character.
fn columns(c: char) -> usize {
    if is_han(c) { 2 } else { 1 }
}

impl ExcerptPart {
    /// The part's text, marked or not.
    pub fn text(&self) -> &str {
        match self {
            ExcerptPart::Text(text) | ExcerptPart::Match(text) => text,
        }
    }
}

/// Whether `parts` mark anything.
pub fn marks_any(parts: &[ExcerptPart]) -> bool {
    parts
        .iter()
        .any(|part| matches!(part, ExcerptPart::Match(_)))
}

/// How many different words (letter case aside) `parts` mark.
fn distinct_matches(parts: &[ExcerptPart]) -> usize {
    let mut marked: Vec<String> = (parts.iter())
        .filter_map(|part| match part {
            ExcerptPart::Match(text) => Some(text.to_lowercase()),
            ExcerptPart::Text(_) => None,
        })
        .collect();
    marked.sort_unstable();
    marked.dedup();
    marked.len()
}

/// `parts` with neighbouring plain runs joined.
fn merge_text(parts: Vec<ExcerptPart>) -> Vec<ExcerptPart> {
    let mut merged: Vec<ExcerptPart> = Vec::with_capacity(parts.len());
    for part in parts {
        match (merged.last_mut(), part) {
            (Some(ExcerptPart::Text(before)), ExcerptPart::Text(text)) => before.push_str(&text),
            (_, part) => merged.push(part),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(parts: &[ExcerptPart]) -> String {
        parts
            .iter()
            .map(|part| match part {
                ExcerptPart::Text(text) => text.clone(),
                ExcerptPart::Match(text) => format!("[{text}]"),
            })
            .collect()
    }

    #[test]
    fn a_short_piece_is_shown_whole_with_its_matches_marked() {
        let query = SearchQuery::new("pudong");
        let passage = query.passage(["Nothing here.", "The opening-up of Pudong."]);
        assert_eq!(
            passage.as_deref().map(shown).as_deref(),
            Some("The opening-up of [Pudong].")
        );
        assert!(marks_any(&passage.unwrap_or_default()));
    }

    #[test]
    fn nothing_found_is_no_passage() {
        let query = SearchQuery::new("pudong");
        assert_eq!(query.passage(["Nothing here.", "Nor here."]), None);
        assert_eq!(SearchQuery::new("").passage(["Anything."]), None);
    }

    #[test]
    fn the_piece_with_more_of_the_words_wins() {
        let query = SearchQuery::new("medical equipment");
        let passage = query.passage([
            "Medical students.",
            "New medical equipment.",
            "Equipment and medical kits.",
        ]);
        assert_eq!(
            passage.as_deref().map(shown).as_deref(),
            Some("New [medical] [equipment].")
        );
    }

    #[test]
    fn a_long_piece_is_cut_between_words_around_the_first_match() {
        let before = "word ".repeat(40);
        let after = " more".repeat(60);
        let piece = format!("{before}the Pudong district{after}");
        let query = SearchQuery::new("pudong");
        let passage = query.passage([piece.as_str()]).unwrap_or_default();
        let text = shown(&passage);
        assert!(text.starts_with("…word "), "{text}");
        assert!(text.ends_with(" more…"), "{text}");
        assert!(text.contains("the [Pudong] district"), "{text}");
        let inside = text.trim_start_matches('…').trim_end_matches('…');
        let shown_chars = inside.chars().filter(|c| !matches!(c, '[' | ']')).count();
        assert!(shown_chars <= PASSAGE_COLUMNS, "{text}");
        assert!(!inside.starts_with(' ') && !inside.ends_with(' '), "{text}");
        let lead = inside.find("the [Pudong]").unwrap_or(usize::MAX);
        assert!(lead <= LEAD_COLUMNS, "{text}");
    }

    #[test]
    fn a_cut_never_splits_an_accent_or_a_joined_emoji_from_its_character() {
        let query = SearchQuery::new("pudong");
        for lead in 0..4 {
            for tail in 0..3 {
                let piece = format!(
                    "{}{}Pudong {}{}",
                    "x".repeat(lead),
                    "e\u{301}".repeat(60),
                    "y".repeat(tail),
                    "👩\u{200d}💻".repeat(80)
                );
                let text = shown(&query.passage([piece.as_str()]).unwrap_or_default());
                let inside = text.trim_start_matches('…').trim_end_matches('…');
                let first = inside.chars().next().unwrap_or(' ');
                assert!(!joins(first), "{lead} {tail}: starts with {first:?}");
                assert!(
                    inside.ends_with("👩\u{200d}💻"),
                    "{lead} {tail}: ends {:?}",
                    inside.chars().rev().take(3).collect::<String>()
                );
            }
        }
    }

    #[test]
    fn a_cut_never_splits_a_flag() {
        let query = SearchQuery::new("pudong");
        for lead in 0..4 {
            let piece = format!("{}Pudong {}", "x ".repeat(lead), "🇨🇳".repeat(120));
            let text = shown(&query.passage([piece.as_str()]).unwrap_or_default());
            let flags = text.trim_start_matches('…').trim_end_matches('…');
            let letters = flags.chars().filter(|&c| is_regional(c)).count();
            assert!(letters > 0 && letters % 2 == 0, "{lead}: {letters} letters");
            assert!(flags.ends_with("🇨🇳"), "{lead}");
        }
    }

    #[test]
    fn chinese_text_is_cut_by_characters_each_two_columns_wide() {
        let piece = format!("{}学生志愿者{}", "校".repeat(120), "园".repeat(200));
        let query = SearchQuery::new("学生");
        let text = shown(&query.passage([piece.as_str()]).unwrap_or_default());
        assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
        assert!(text.contains("[学生]志愿者"), "{text}");
        assert_eq!(text.chars().count(), PASSAGE_COLUMNS / 2 + 4);
        assert!(
            text.starts_with(&format!("…{}[学生]", "校".repeat(LEAD_COLUMNS / 2))),
            "{text}"
        );
    }
}
