use serde::de::DeserializeOwned;

use super::FetchError;

/// Turns an HTTP answer into content or the reason it is not content.
///
/// Pure, so the error mapping is tested on the host: the status decides
/// first (404 is "not found"), then whether the body is JSON at all (a
/// CDN's HTML fallback is not), then whether the JSON fits the model.
///
/// # Errors
/// See [`FetchError`]'s variants.
pub fn decode<T: DeserializeOwned>(
    status: u16,
    content_type: Option<&str>,
    body: &str,
) -> Result<T, FetchError> {
    match status {
        200..=299 => {}
        404 | 410 => return Err(FetchError::NotFound),
        other => return Err(FetchError::Status(other)),
    }
    let content_type = content_type.unwrap_or("").trim();
    let media_type = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let declared_json = media_type == "application/json" || media_type.ends_with("+json");
    let looks_like_markup = body.trim_start().starts_with('<');
    if looks_like_markup || !(declared_json || media_type.is_empty() || media_type == "text/plain")
    {
        return Err(FetchError::NotJson {
            content_type: if content_type.is_empty() {
                "no content type".to_owned()
            } else {
                content_type.to_owned()
            },
        });
    }
    Ok(reader_model::from_json(body)?)
}

#[cfg(test)]
mod tests {
    use reader_model::{ListPage, ModelError};

    use super::*;

    const INDEX: &str = r#"{"articles":[],"total":0}"#;

    #[test]
    fn reads_json_answered_with_200() {
        let index: ListPage = decode(200, Some("application/json"), INDEX).expect("decodes");
        assert!(index.articles().is_empty());
        let index: ListPage =
            decode(200, Some("application/json; charset=utf-8"), INDEX).expect("decodes");
        assert!(index.articles().is_empty());
    }

    #[test]
    fn maps_404_to_not_found_whatever_the_body() {
        for body in ["", "<!doctype html><title>404</title>", INDEX] {
            assert_eq!(
                decode::<ListPage>(404, Some("text/html"), body),
                Err(FetchError::NotFound)
            );
        }
    }

    #[test]
    fn maps_other_statuses_to_status_errors() {
        for status in [301, 400, 403, 500, 502, 503] {
            assert_eq!(
                decode::<ListPage>(status, Some("application/json"), INDEX),
                Err(FetchError::Status(status))
            );
        }
    }

    /// A CDN rewrite rule answering a missing JSON file with index.html and
    /// 200 must read as "not JSON", not as a parse failure deep in serde.
    #[test]
    fn maps_an_html_fallback_to_not_json() {
        let page = "<!DOCTYPE html><html><body>app shell</body></html>";
        assert!(matches!(
            decode::<ListPage>(200, Some("text/html; charset=utf-8"), page),
            Err(FetchError::NotJson { .. })
        ));
        // Even when the host mislabels it as JSON.
        assert!(matches!(
            decode::<ListPage>(200, Some("application/json"), page),
            Err(FetchError::NotJson { .. })
        ));
        assert!(matches!(
            decode::<ListPage>(200, Some("image/png"), INDEX),
            Err(FetchError::NotJson { .. })
        ));
    }

    #[test]
    fn maps_malformed_json_to_a_syntax_error() {
        let truncated = &INDEX[..INDEX.len() - 3];
        assert!(matches!(
            decode::<ListPage>(200, Some("application/json"), truncated),
            Err(FetchError::Invalid(ModelError::Syntax { .. }))
        ));
    }

    #[test]
    fn maps_json_of_the_wrong_shape_to_a_shape_error() {
        for body in [r#"{"articles": 3}"#, r#"{"items": []}"#, "[]", "null"] {
            assert!(
                matches!(
                    decode::<ListPage>(200, Some("application/json"), body),
                    Err(FetchError::Invalid(ModelError::Shape { .. }))
                ),
                "{body}"
            );
        }
    }

    #[test]
    fn every_error_has_a_sentence_for_the_reader() {
        let errors = [
            FetchError::Network("offline".into()),
            FetchError::NotFound,
            FetchError::Status(500),
            FetchError::Status(403),
            FetchError::NotJson {
                content_type: "text/html".into(),
            },
        ];
        for error in errors {
            assert!(error.reader_message().ends_with('.'), "{error:?}");
        }
    }
}
