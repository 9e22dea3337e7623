//! How text is cut into words, the same way for the index and for the
//! query: runs of letters and digits, lowercased.

use std::borrow::Cow;

/// The words of `text`, lowercased: runs of letters and digits.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    word_slices(text).map(Cow::into_owned)
}

/// [`words`], borrowing those already lowercase.
pub fn word_slices(text: &str) -> impl Iterator<Item = Cow<'_, str>> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            if word
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            {
                Cow::Borrowed(word)
            } else {
                Cow::Owned(word.to_lowercase())
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lowercase_runs_of_letters_and_digits() {
        let found: Vec<String> = words("USST’s 5G-lab: Nyström, 丁晓东!").collect();
        assert_eq!(found, ["usst", "s", "5g", "lab", "nyström", "丁晓东"]);
    }
}
