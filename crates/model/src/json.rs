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
