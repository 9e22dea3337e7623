//! How text is cut into words, the same way for the index and for the
//! query, so the two can never disagree.
//!
//! - Text is folded as NFKC folds width: full-width letters and digits
//!   (`ＵＳＳＴ２０２０`) are ordinary ones. (This is the part of NFKC that
//!   Chinese text carries; the same few lines run at build time and in the
//!   browser, with no Unicode tables to ship.)
//! - A Latin letter with a diacritic is the letter without it (`Élise`,
//!   `Nyström`: `elise`, `nystrom`), from a table of Latin-1's and Latin
//!   Extended-A's letters, not Unicode's decomposition tables.
//! - Runs of letters and digits are words, lowercased (`5G-lab` is `5g`
//!   and `lab`). A comma that groups a number's digits (`1,500`) is part
//!   of its word and left out of it: `1,500` is `1500`, as a reader may
//!   type it either way.
//! - Runs of Chinese characters (Han) have no spaces to cut at, and no
//!   dictionary is shipped to cut them: the index files every character
//!   and every overlapping pair of characters (`理工大学`: 理, 工, 大, 学,
//!   理工, 工大, 大学), and a query asks for the pairs of each run it holds
//!   (one character alone, for a run of one). Any run of two or more
//!   characters is then found wherever it stands, and a run the text does
//!   not hold is not (`医疗器械` needs 医疗, 疗器 and 器械).
//! - The pairs may stand apart in a text (大学生, university student: 大学
//!   here and 学生 there). An article's strong text (its headline, summary
//!   and speakers' names, see `texts.rs`) is also filed by its overlapping
//!   triples (理工大, 工大学), which say where a run stands whole, and rank
//!   those articles first ([`han_triples`]). Not its body's: there they
//!   would file about as many words again as the pairs, for a ranking the
//!   headline and summary mostly decide.

use std::borrow::Cow;

/// How a run of Han characters is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cut {
    /// For the index's body text: every character and every overlapping
    /// pair.
    Index,
    /// For the index's strong text: every character, every overlapping pair
    /// and every overlapping triple.
    Strong,
    /// For a query: every overlapping pair (a run of one: the character).
    Query,
}

/// The words of an article's body `text` as the index files them,
/// lowercased.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    word_slices(text).map(Cow::into_owned)
}

/// [`words`], borrowing those that are already as filed.
pub fn word_slices(text: &str) -> impl Iterator<Item = Cow<'_, str>> {
    tokens(text, Cut::Index)
}

/// The words of an article's strong `text` (its headline, summary and
/// speakers' names) as the index files them: [`words`], and the triples of
/// its runs of Han characters.
pub fn strong_words(text: &str) -> impl Iterator<Item = String> + '_ {
    strong_word_slices(text).map(Cow::into_owned)
}

/// [`strong_words`], borrowing those that are already as filed.
pub fn strong_word_slices(text: &str) -> impl Iterator<Item = Cow<'_, str>> {
    tokens(text, Cut::Strong)
}

/// The words of `text`, its runs of Han characters cut as `cut` says.
pub fn tokens(text: &str, cut: Cut) -> impl Iterator<Item = Cow<'_, str>> {
    runs(text).flat_map(move |run| {
        let (fast, slow) = if run.contains(',') {
            let joined = run.replace(',', "");
            if joined.is_ascii() {
                (Some(Cow::Owned(joined.to_ascii_lowercase())), None)
            } else {
                (None, Some(mixed(&joined, cut)))
            }
        } else if run.is_ascii() {
            (Some(lowercase(run)), None)
        } else {
            (None, Some(mixed(run, cut)))
        };
        fast.into_iter().chain(slow.into_iter().flatten())
    })
}

/// The runs of letters and digits in `text`, each with the commas that
/// group its numbers' digits ([`groups_digits`]); a possessive's `'s`
/// ([`possessive`]) is left out.
fn runs(text: &str) -> impl Iterator<Item = &str> {
    let mut start = None;
    let mut skip_to = 0;
    let ends = text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')));
    ends.filter_map(move |(at, c)| {
        if at < skip_to {
            None
        } else if c.is_alphanumeric() || (c == ',' && start.is_some() && groups_digits(text, at)) {
            start.get_or_insert(at);
            None
        } else {
            if start.is_some() && possessive(&text[at..]) {
                skip_to = at + c.len_utf8() + 1;
            }
            start.take().map(|from| &text[from..at])
        }
    })
}

/// Whether `rest`, just after a word, is a possessive's `'s` (or `’s`):
/// "the library's doors" is about the library, and a search for
/// "library's" is a search for "library" (an "s" alone is no word).
fn possessive(rest: &str) -> bool {
    let mut chars = rest.chars();
    matches!(chars.next(), Some('\'' | '’'))
        && matches!(chars.next(), Some('s' | 'S'))
        && !chars.next().is_some_and(char::is_alphanumeric)
}

/// Whether the comma at byte `at` of `text` groups a number's digits: a
/// digit before it and three after, then no fourth (`1,500`, `12,000,000`;
/// not `2020,2021`).
pub fn groups_digits(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    at > 0 && digit(at - 1) && (at + 1..at + 4).all(digit) && !digit(at + 4)
}

/// An ASCII word, lowercased (borrowed when it already is).
fn lowercase(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_ascii_lowercase())
    }
}

/// A run of letters and digits beyond ASCII: folded, then cut into its
/// words and its runs of Han characters.
fn mixed(run: &str, cut: Cut) -> Vec<Cow<'static, str>> {
    let folded: Vec<char> = run.chars().map(fold).collect();
    let mut out = Vec::new();
    for part in by_script(&folded) {
        if is_han(part[0]) {
            cut_han(part, cut, &mut out);
        } else {
            out.push(Cow::Owned(part.iter().collect::<String>().to_lowercase()));
        }
    }
    out
}

/// `chars` cut where Han characters meet others: its runs of Han text and
/// the runs between them, in order, none empty.
fn by_script(chars: &[char]) -> impl Iterator<Item = &[char]> {
    chars.chunk_by(|a, b| is_han(*a) == is_han(*b))
}

/// The pairs of each run of Han characters in a query's `text` long enough
/// to hold more than one word (three pairs or more: four characters),
/// run by run, as [`tokens`] cuts them for a query.
pub fn long_han_runs(text: &str) -> Vec<Vec<String>> {
    (han_runs(text).into_iter())
        .filter(|run| run.len() >= 4)
        .map(|run| pieces(&run, 2).collect())
        .collect()
}

/// The overlapping triples of the runs of Han characters in a query's
/// `text` (`大学生`: 大学生; `理工大学`: 理工大, 工大学), run by run, none
/// twice. A query does not need them to match: a text with the pairs of
/// a run in different places matches it too, but a text that has its
/// triples holds the run as it was typed, and ranks first.
pub fn han_triples(text: &str) -> Vec<String> {
    let mut triples: Vec<String> = Vec::new();
    for run in han_runs(text) {
        for triple in pieces(&run, 3) {
            if !triples.contains(&triple) {
                triples.push(triple);
            }
        }
    }
    triples
}

/// The runs of Han characters in a query's `text`, folded, as [`tokens`]
/// finds them.
fn han_runs(text: &str) -> Vec<Vec<char>> {
    let mut runs = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let chars: Vec<char> = word.chars().map(fold).collect();
        runs.extend(
            (by_script(&chars))
                .filter(|part| is_han(part[0]))
                .map(<[char]>::to_vec),
        );
    }
    runs
}

/// A run of Han characters, cut into characters and pairs for the index
/// (and triples, for its strong text), and into pairs for a query.
fn cut_han(run: &[char], cut: Cut, out: &mut Vec<Cow<'static, str>>) {
    if cut != Cut::Query || run.len() == 1 {
        out.extend(run.iter().map(|c| Cow::Owned(c.to_string())));
    }
    out.extend(pieces(run, 2).map(Cow::Owned));
    if cut == Cut::Strong {
        out.extend(pieces(run, 3).map(Cow::Owned));
    }
}

/// The overlapping pieces of `length` characters of a run of Han
/// characters (`理工大`, 2: 理工, 工大).
fn pieces(run: &[char], length: usize) -> impl Iterator<Item = String> + '_ {
    run.windows(length).map(|piece| piece.iter().collect())
}

/// A character as NFKC folds its width: a full-width ASCII form is the
/// ASCII character; and a Latin letter with a diacritic as its letter
/// without it (`É`, `ö`, `ł`: `e`, `o`, `l`), so that `Elise` finds
/// `Élise` and `Nyström` is found as `Nystrom`.
pub fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{C0}'..='\u{17F}' => (LATIN.chars())
            .nth((u32::from(c) - 0xC0) as usize)
            .unwrap_or(c),
        _ => c,
    }
}

/// U+00C0 to U+017F (Latin-1's letters and Latin Extended-A), each as its
/// letter without diacritics, lowercase (`words` lowercases anyway);
/// ligatures, `ß`, `þ` and the two signs among them stay as they are.
const LATIN: &str = concat!(
    "aaaaaaæceeeeiiiidnooooo×ouuuuyþß",
    "aaaaaaæceeeeiiiidnooooo÷ouuuuyþy",
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii",
    "ĲĳjjkkkllllllllllnnnnnnnnnooooooŒœrrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs",
);

/// Whether `c` is a Chinese (Han) character: the CJK Unified Ideographs,
/// their extensions and the compatibility ideographs, and 〇 (the zero of
/// years written in characters: 二〇二六年).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// Whether a word is a piece of Han text (a character, a pair or a
/// triple).
pub fn is_han_word(word: &str) -> bool {
    word.chars().next().is_some_and(is_han)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, how: Cut) -> Vec<String> {
        tokens(text, how).map(Cow::into_owned).collect()
    }

    #[test]
    fn words_are_lowercase_runs_of_letters_and_digits() {
        let found: Vec<String> = words("USST’s 5G-lab: Nyström!").collect();
        assert_eq!(found, ["usst", "5g", "lab", "nystrom"]);
    }

    #[test]
    fn a_possessives_s_is_no_word() {
        assert_eq!(
            cut("the library's doors", Cut::Query),
            ["the", "library", "doors"]
        );
        assert_eq!(cut("Xiaodong’s", Cut::Index), ["xiaodong"]);
        assert_eq!(cut("USST'S", Cut::Query), ["usst"]);
        // Not a possessive: a word goes on after the s, or no word before.
        assert_eq!(cut("it'sy rock 's", Cut::Query), ["it", "sy", "rock", "s"]);
    }

    #[test]
    fn han_runs_are_cut_into_characters_and_pairs_for_the_index_and_pairs_for_a_query() {
        assert_eq!(
            cut("理工大学", Cut::Index),
            ["理", "工", "大", "学", "理工", "工大", "大学"]
        );
        assert_eq!(
            cut("理工大学", Cut::Strong),
            [
                "理",
                "工",
                "大",
                "学",
                "理工",
                "工大",
                "大学",
                "理工大",
                "工大学"
            ]
        );
        assert_eq!(cut("USST 理工", Cut::Strong), ["usst", "理", "工", "理工"]);
        assert_eq!(cut("理工大学", Cut::Query), ["理工", "工大", "大学"]);
        assert_eq!(cut("沪", Cut::Query), ["沪"]);
        assert_eq!(cut("张柳", Cut::Index), ["张", "柳", "张柳"]);
    }

    #[test]
    fn a_querys_triples_are_those_of_each_han_run_once() {
        assert_eq!(han_triples("大学生"), ["大学生"]);
        assert_eq!(
            han_triples("理工大学 USST 大学生"),
            ["理工大", "工大学", "大学生"]
        );
        assert_eq!(han_triples("大学 5G实验室 实验室"), ["实验室"]);
        assert!(han_triples("大学 学生 students").is_empty());
    }

    #[test]
    fn a_year_in_characters_is_one_han_run() {
        assert_eq!(
            cut("二〇二六年", Cut::Query),
            ["二〇", "〇二", "二六", "六年"]
        );
    }

    #[test]
    fn mixed_text_cuts_latin_words_and_han_runs_apart() {
        assert_eq!(cut("5G实验室", Cut::Query), ["5g", "实验", "验室"]);
        assert_eq!(cut("5G 实验室", Cut::Query), ["5g", "实验", "验室"]);
        assert_eq!(cut("USST，2020年", Cut::Query), ["usst", "2020", "年"]);
    }

    #[test]
    fn a_number_is_one_word_with_or_without_the_commas_that_group_its_digits() {
        assert_eq!(cut("1,500 students", Cut::Index), ["1500", "students"]);
        assert_eq!(cut("1500", Cut::Query), ["1500"]);
        assert_eq!(cut("12,000,000元", Cut::Query), ["12000000", "元"]);
        assert_eq!(
            cut("2020,2021, 1,5 and 3,", Cut::Index),
            ["2020", "2021", "1", "5", "and", "3"]
        );
        assert_eq!(cut("a,500 ,500", Cut::Index), ["a", "500", "500"]);
    }

    #[test]
    fn latin_letters_are_found_without_their_diacritics() {
        assert_eq!(
            cut("Élise Durand, Anders Nyström", Cut::Query),
            ["elise", "durand", "anders", "nystrom"]
        );
        assert_eq!(
            cut("Łódź Ñandú Šťastný", Cut::Index),
            ["lodz", "nandu", "stastny"]
        );
        assert_eq!(cut("Straße Æsir", Cut::Index), ["straße", "æsir"]);
        assert_eq!(LATIN.chars().count(), 0x180 - 0xC0);
        for (c, folded) in ('\u{C0}'..='\u{17F}').zip(LATIN.chars()) {
            assert!(
                folded == c || folded.is_ascii_lowercase() || c.to_lowercase().eq([folded]),
                "{c} → {folded}"
            );
        }
    }

    #[test]
    fn full_width_letters_and_digits_are_ordinary_ones() {
        assert_eq!(cut("ＵＳＳＴ　２０２０", Cut::Index), ["usst", "2020"]);
        assert_eq!(fold('Ａ'), 'A');
        assert_eq!(fold('９'), '9');
        assert_eq!(fold('中'), '中');
    }
}
