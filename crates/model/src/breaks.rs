//! Where a headline may break between lines. Chinese is written without
//! spaces, so a browser breaks a line of it between any two characters,
//! inside a word as readily as between two (军工路校区新图 / 书馆). The
//! content build finds a Chinese headline's words and publishes the places
//! between them; the app lets a line break there and nowhere else within a
//! run of characters.

use serde::{Deserialize, Serialize};

/// The places a headline may break, each a count of characters from its
/// start, in order. Empty for a headline with nothing to add (any without
/// Chinese in it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Breaks(pub Vec<u16>);

impl Breaks {
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `text` cut at these places. One out of order, repeated, at the
    /// start or past the end (from a hostile or stale file) is passed over,
    /// so the pieces always join into `text`.
    pub fn pieces<'a>(&self, text: &'a str) -> Vec<&'a str> {
        let mut pieces = Vec::with_capacity(self.0.len() + 1);
        let (mut start, mut chars_before) = (0, 0);
        let mut chars = text.char_indices().enumerate();
        for &at in &self.0 {
            let at = usize::from(at);
            if at <= chars_before {
                continue;
            }
            let Some((_, (byte, _))) = chars.find(|(n, _)| *n == at) else {
                break;
            };
            pieces.push(&text[start..byte]);
            (start, chars_before) = (byte, at);
        }
        pieces.push(&text[start..]);
        pieces
    }
}

#[cfg(test)]
mod tests {
    use super::Breaks;

    #[test]
    fn cuts_a_headline_at_its_breaks_by_characters() {
        let breaks = Breaks(vec![3, 5, 6, 9, 11]);
        assert_eq!(
            breaks.pieces("军工路校区新图书馆落成启用"),
            ["军工路", "校区", "新", "图书馆", "落成", "启用"]
        );
    }

    #[test]
    fn no_breaks_is_the_whole_text() {
        assert_eq!(Breaks::default().pieces("USST Library"), ["USST Library"]);
        assert_eq!(Breaks::default().pieces(""), [""]);
    }

    #[test]
    fn breaks_out_of_order_or_out_of_range_are_passed_over() {
        let text = "上海理工大学5G实验室";
        for (breaks, pieces) in [
            (vec![0, 6, 6, 4, 8], vec!["上海理工大学", "5G", "实验室"]),
            (vec![6, 40, 8], vec!["上海理工大学", "5G实验室"]),
            (vec![11, 12], vec!["上海理工大学5G实验室"]),
        ] {
            assert_eq!(Breaks(breaks).pieces(text), pieces);
        }
    }
}
