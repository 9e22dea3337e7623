use serde::de::DeserializeOwned;

use crate::ModelError;

/// Parses one content document (an article, the list index, the site).
///
/// # Errors
/// [`ModelError::Syntax`] when the text is not JSON, [`ModelError::Shape`]
/// when it is JSON that does not fit `T`.
pub fn from_json<T: DeserializeOwned>(json: &str) -> Result<T, ModelError> {
    Ok(serde_json::from_str(json)?)
}

/// Writes one content document as compact JSON, the form the content tool
/// publishes.
///
/// # Errors
/// Only if `T`'s serialisation fails, which the model's types never do.
pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String, serde_json::Error> {
    serde_json::to_string(value)
}
