//! Dropping one unsafe value instead of failing the whole document.
//!
//! An editor's `javascript:` link must not run, and must not blank the
//! article either: the link (or image) is left out and the rest is shown.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

/// A model value read from a looser wire form, which may be refused.
pub(crate) trait Lenient: Sized {
    type Wire: DeserializeOwned;
    fn accept(wire: Self::Wire) -> Option<Self>;
}

/// `Option<T>` that is `None` when the value is absent, null, or refused.
pub(crate) fn option<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Lenient,
{
    Ok(Option::<T::Wire>::deserialize(deserializer)?.and_then(T::accept))
}

/// `Vec<T>` without the refused values.
pub(crate) fn list<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Lenient,
{
    Ok(Vec::<T::Wire>::deserialize(deserializer)?
        .into_iter()
        .filter_map(T::accept)
        .collect())
}

/// A URL that is not safe is dropped.
impl Lenient for crate::SafeUrl {
    type Wire = String;
    fn accept(wire: String) -> Option<Self> {
        Self::parse(&wire).ok()
    }
}
