use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};
use thiserror::Error;

/// The longest slug accepted: long enough for any headline, short enough
/// for any file system and URL.
const MAX_LEN: usize = 120;

/// An article's identifier in URLs and file names: lowercase ASCII letters
/// and digits in runs joined by single hyphens (`usst-medical-equipment-centre`).
///
/// A `Slug` is always safe to put in a path: it cannot hold `/`, `.`, `%`
/// or anything else that could leave its folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Slug(String);

/// Why a string is not a [`Slug`].
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error(
    "{0:?} is not a slug (lowercase letters and digits joined by single hyphens, at most 120 characters)"
)]
pub struct InvalidSlug(pub String);

impl Slug {
    /// Accepts `text` only if it is a well-formed slug.
    ///
    /// # Errors
    /// [`InvalidSlug`] for anything else, including the empty string.
    pub fn parse(text: &str) -> Result<Self, InvalidSlug> {
        let well_formed = !text.is_empty()
            && text.len() <= MAX_LEN
            && text.split('-').all(|run| {
                !run.is_empty()
                    && run
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            });
        if well_formed {
            Ok(Self(text.to_owned()))
        } else {
            Err(InvalidSlug(text.to_owned()))
        }
    }

    /// `<prefix>-<16 hex digits>`: always a slug for a plain prefix.
    pub(crate) fn hashed(prefix: &str, hash: u64) -> Self {
        Self(format!("{prefix}-{hash:016x}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Slug {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Slug::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_seed_slug() {
        let slug = Slug::parse("usst-medical-equipment-centre").expect("valid");
        assert_eq!(slug.as_str(), "usst-medical-equipment-centre");
    }

    #[test]
    fn rejects_anything_that_could_leave_its_folder_or_break_a_url() {
        for bad in [
            "", "-", "a-", "-a", "a--b", "A", "a b", "a/b", "..", "a.json", "a%2fb", "a?b", "a#b",
            "ü", "a_b",
        ] {
            assert!(Slug::parse(bad).is_err(), "{bad:?} should be rejected");
        }
        assert!(Slug::parse(&"a".repeat(MAX_LEN + 1)).is_err());
        assert!(Slug::parse(&"a".repeat(MAX_LEN)).is_ok());
    }
}
