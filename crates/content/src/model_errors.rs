//! Every place an editor's JSON (an article, `site.json`) does not fit
//! the model, not only the first: serde stops at the first error, so an
//! editor with three mistakes in a file would fix one, build, and only
//! then hear of the next.
//!
//! The document is read as the model reads it; the value the error is
//! about is set aside (an array's element taken out, a field given a
//! sample's value or removed), and the document is read again, until it
//! reads or the errors run out. Each error names the steps to its value
//! (`crate::locate` finds the line and column). An error that only the
//! setting aside caused (a body emptied, a field removed then missed) is
//! not reported.

use std::collections::HashMap;

use reader_model::{ArticleSource, Site};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::locate::Step;

/// At most this many errors are reported for one file (a file of another
/// shape altogether would give one per value).
const MOST: usize = 20;

/// An error: the steps to its value (into the JSON as written) and what
/// serde says of it.
pub type Found = (Vec<Step>, String);

/// What `json` fails to be as an article. Empty if it reads.
pub fn article_errors(json: &Value) -> Vec<Found> {
    (errors::<ArticleSource>(json, &article_sample()).into_iter())
        .map(|(steps, message)| {
            let message = said(&steps, message);
            (steps, message)
        })
        .collect()
}

/// What `json` fails to be as a site's settings (`site.json`, or one of
/// its editions' over it). Empty if it reads.
pub fn site_errors(json: &Value) -> Vec<Found> {
    errors::<Site>(json, &site_sample())
}

/// What `json` fails to be as a `T`: each error's steps and message. A
/// top-level field in error is given `sample`'s value for it (a field
/// every `T` must have) or removed (one it may leave out).
pub fn errors<T: DeserializeOwned>(json: &Value, sample: &Map<String, Value>) -> Vec<Found> {
    if !json.is_object() {
        // Not the model's shape at all: what serde says of it is enough.
        return serde_path_to_error::deserialize::<_, T>(json)
            .err()
            .map(|err| (steps_of(err.path()), err.into_inner().to_string()))
            .into_iter()
            .collect();
    }
    let mut document = json.clone();
    let mut found: Vec<Found> = Vec::new();
    // What was set aside (steps into `json`): errors at or above it are
    // the setting aside's, not the editor's; and the elements taken out
    // of each array, so that a later error's steps still count the
    // editor's elements.
    let mut set_aside: Vec<Vec<Step>> = Vec::new();
    let mut taken_out: HashMap<Vec<Step>, Vec<usize>> = HashMap::new();
    for _ in 0..MOST * 2 {
        let Err(err) = serde_path_to_error::deserialize::<_, T>(&document) else {
            break;
        };
        let steps = steps_of(err.path());
        let written = as_written(&steps, &taken_out);
        let message = err.into_inner().to_string();
        let missing = missing_field(&message);
        // The value the error is about: a missing field's, or the one
        // the steps lead to.
        let mut about = written.clone();
        about.extend(missing.map(|field| Step::Key(field.to_owned())));
        let ours = set_aside.iter().any(|aside| aside.starts_with(&about))
            || missing.is_some() && value_at(json, &about).is_some();
        if found
            .iter()
            .any(|(at, said)| *at == written && *said == message)
        {
            // Setting it aside did not help: nothing more can be learnt.
            break;
        }
        if !ours {
            found.push((written.clone(), message.clone()));
            if found.len() == MOST {
                break;
            }
        }
        match set_aside_at(&mut document, &steps, missing, sample) {
            Some(Aside::Element(depth)) => {
                let array = written[..depth].to_vec();
                if let Some(Step::Index(index)) = written.get(depth) {
                    taken_out.entry(array).or_default().push(*index);
                }
                set_aside.push(written[..=depth].to_vec());
            }
            Some(Aside::Field(key)) => set_aside.push(vec![Step::Key(key)]),
            None => break,
        }
    }
    found
}

/// serde's `message` about the article's value at `steps`, or what the
/// checks say of an empty field every article needs (null: nothing after
/// its name in Markdown), so that it reads the same as an empty text.
fn said(steps: &[Step], message: String) -> String {
    let empty = match steps {
        [Step::Key(key)] if message.starts_with("invalid type: null") => {
            crate::checks::empty_field(key)
        }
        _ => None,
    };
    empty.unwrap_or(message)
}

/// Steps into the document as it now is (elements taken out of its
/// arrays) as steps into the document as written.
fn as_written(steps: &[Step], taken_out: &HashMap<Vec<Step>, Vec<usize>>) -> Vec<Step> {
    let mut written = Vec::with_capacity(steps.len());
    for step in steps {
        let step = match step {
            Step::Index(index) => {
                let mut gone = taken_out.get(&written).cloned().unwrap_or_default();
                gone.sort_unstable();
                let index = gone
                    .into_iter()
                    .fold(*index, |index, out| index + usize::from(out <= index));
                Step::Index(index)
            }
            key => key.clone(),
        };
        written.push(step);
    }
    written
}

/// serde's path to a value as steps into the JSON (a tagged enum's
/// variant is no step: its fields sit in the same object).
pub fn steps_of(path: &serde_path_to_error::Path) -> Vec<Step> {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(Step::Index(*index)),
            Segment::Map { key } => Some(Step::Key(key.clone())),
            Segment::Enum { .. } | Segment::Unknown => None,
        })
        .collect()
}

/// The field serde says is missing ("missing field `speaker`").
fn missing_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("missing field `")?;
    rest.split('`').next()
}

/// What [`set_aside_at`] set aside.
enum Aside {
    /// The element of the array `depth` steps down (the step after it).
    Element(usize),
    /// A top-level field, given the sample's value or removed.
    Field(String),
}

/// Sets aside the value an error at `steps` is about, so that the next
/// reading goes past it; `None` when there is nothing to set aside.
///
/// - Inside an array (a block of the body, a run, a related article):
///   the element is taken out.
/// - Else the top-level field is given the `sample`'s value (a field
///   every document needs), or removed (a field it may leave out).
/// - A top-level field that is missing is given the sample's.
fn set_aside_at(
    document: &mut Value,
    steps: &[Step],
    missing: Option<&str>,
    sample: &Map<String, Value>,
) -> Option<Aside> {
    if let Some(last) = steps
        .iter()
        .rposition(|step| matches!(step, Step::Index(_)))
    {
        let (array, index) = (&steps[..last], &steps[last]);
        let (Some(Value::Array(items)), Step::Index(index)) =
            (value_at_mut(document, array), index)
        else {
            return None;
        };
        (*index < items.len()).then(|| items.remove(*index))?;
        return Some(Aside::Element(last));
    }
    let object = document.as_object_mut()?;
    let key = match (steps.first(), missing) {
        (Some(Step::Key(key)), _) => key.clone(),
        (None, Some(field)) => field.to_owned(),
        _ => return None,
    };
    match sample.get(&key) {
        Some(value) if object.get(&key) != Some(value) => {
            object.insert(key.clone(), value.clone());
        }
        Some(_) => return None,
        None => {
            object.remove(&key)?;
        }
    }
    Some(Aside::Field(key))
}

/// The least article that reads: a value for every field an article
/// must have.
fn article_sample() -> Map<String, Value> {
    let mut fields = Map::new();
    for (key, value) in [
        ("slug", Value::from("sample")),
        ("headline", Value::from("Sample")),
        ("section", Value::from("Sample")),
        ("summary", Value::from("Sample.")),
    ] {
        fields.insert(key.to_owned(), value);
    }
    let mut paragraph = Map::new();
    paragraph.insert("type".to_owned(), Value::from("paragraph"));
    paragraph.insert("text".to_owned(), Value::from("Sample."));
    fields.insert(
        "body".to_owned(),
        Value::Array(vec![Value::Object(paragraph)]),
    );
    fields
}

/// The least site's settings that read: a value for every field
/// `site.json` must have.
fn site_sample() -> Map<String, Value> {
    let mut fields = Map::new();
    for key in ["name", "description", "list_title"] {
        fields.insert(key.to_owned(), Value::from("Sample"));
    }
    let mut footer = Map::new();
    footer.insert("heading".to_owned(), Value::from("Sample"));
    fields.insert("footer".to_owned(), Value::Object(footer));
    fields
}

fn value_at<'a>(value: &'a Value, steps: &[Step]) -> Option<&'a Value> {
    steps.iter().try_fold(value, |value, step| match step {
        Step::Key(key) => value.get(key),
        Step::Index(index) => value.get(index),
    })
}

fn value_at_mut<'a>(value: &'a mut Value, steps: &[Step]) -> Option<&'a mut Value> {
    steps.iter().try_fold(value, |value, step| match step {
        Step::Key(key) => value.get_mut(key),
        Step::Index(index) => value.get_mut(index),
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{Step, article_errors};

    fn article() -> serde_json::Value {
        json!({
            "slug": "a",
            "headline": "A headline",
            "section": "Campus",
            "published": "2022-11-08",
            "author": "Sun Yue",
            "summary": "What happened.",
            "body": [
                {"type": "paragraph", "text": "One."},
                {"type": "speech", "speaker": "Li Ming", "caption": "Said so."},
                {"type": "paragraph", "text": "Two."}
            ],
            "related": ["b"]
        })
    }

    fn steps(found: &[(Vec<Step>, String)]) -> Vec<Vec<Step>> {
        found.iter().map(|(steps, _)| steps.clone()).collect()
    }

    #[test]
    fn an_article_that_reads_has_no_errors() {
        assert!(article_errors(&article()).is_empty());
    }

    #[test]
    fn every_field_that_does_not_fit_is_reported_once() {
        let mut a = article();
        a["section"] = json!(5);
        a["published"] = json!("2022-13-08");
        // A paragraph without its text; a speech whose caption is a list.
        a["body"][0] = json!({"type": "paragraph"});
        a["body"][1]["caption"] = json!(["not", "text"]);
        a["related"] = json!(["b", 7]);
        let found = article_errors(&a);
        let expected: [Vec<Step>; 5] = [
            vec!["section".into()],
            vec!["published".into()],
            vec!["body".into(), 0.into()],
            // The second block is still the second, though the first was
            // set aside before it was read (serde names the block, not
            // the field inside it).
            vec!["body".into(), 1.into()],
            vec!["related".into(), 1.into()],
        ];
        let at = steps(&found);
        assert_eq!(at.len(), expected.len(), "{found:?}");
        for steps in &expected {
            assert!(at.contains(steps), "{steps:?} not in {found:?}");
        }
        let said = |steps: &[Step]| {
            let found = found.iter().find(|(at, _)| at == steps);
            found.map_or("", |(_, message)| message.as_str())
        };
        assert!(
            said(&expected[0]).contains("expected a string"),
            "{found:?}"
        );
        assert!(said(&expected[1]).contains("no day"), "{found:?}");
        assert!(
            said(&expected[2]).contains("missing field `text`"),
            "{found:?}"
        );
        assert!(
            said(&expected[3]).contains("expected a string"),
            "{found:?}"
        );
    }

    #[test]
    fn a_missing_field_is_reported_and_what_setting_aside_causes_is_not() {
        let mut a = article();
        let fields = a.as_object_mut().expect("an object");
        fields.remove("headline");
        // A body whose only blocks are wrong: taking them out leaves it
        // empty, which the editor did not write.
        fields.insert(
            "body".to_owned(),
            json!([{"type": "speech", "caption": "No one."}]),
        );
        let found = article_errors(&a);
        let said: Vec<&str> = found.iter().map(|(_, message)| message.as_str()).collect();
        assert_eq!(said.len(), 2, "{found:?}");
        assert!(
            said.iter().any(|m| m.contains("missing field `headline`")),
            "{found:?}"
        );
        assert!(
            said.iter().any(|m| m.contains("missing field `speaker`")),
            "{found:?}"
        );
    }

    #[test]
    fn only_an_article_is_told_of_its_empty_fields() {
        let mut a = article();
        a["section"] = serde_json::Value::Null;
        let said = article_errors(&a);
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(said[0].1.starts_with("section is empty"), "{said:?}");
        // Another file's field of the same name (an alias, say) keeps
        // serde's words.
        let other = super::errors::<std::collections::HashMap<String, String>>(
            &json!({"section": null}),
            &serde_json::Map::new(),
        );
        assert_eq!(other.len(), 1, "{other:?}");
        assert!(other[0].1.starts_with("invalid type: null"), "{other:?}");
    }

    #[test]
    fn a_document_of_another_shape_says_so_once() {
        for other in [json!([1, 2, 3]), json!("text"), json!(null)] {
            assert_eq!(article_errors(&other).len(), 1, "{other}");
        }
    }
}
