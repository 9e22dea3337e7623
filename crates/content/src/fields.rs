//! Fields the model does not know, in an article file: a misspelt name
//! (`autor`, `captoin`) would otherwise be dropped without a word, and
//! what the editor wrote in it lost. Read against the article's JSON
//! Schema (`reader_model::article_schema`), which is derived from the
//! model, so the two never disagree about what a field is called.

use std::sync::LazyLock;

use serde_json::{Map, Value};

use crate::checks::ArticleFile;
use crate::locate::Step;
use crate::problem::Problem;

/// The article schema, read once.
static SCHEMA: LazyLock<Value> =
    LazyLock::new(|| serde_json::from_str(&reader_model::article_schema()).unwrap_or(Value::Null));

/// Keys an article file may carry that the model does not read: the
/// schema an editor's tool is pointed at.
const TOOLING: [&str; 1] = ["$schema"];

/// An error for every field of `file` that the model does not know,
/// naming the field it most likely meant.
pub fn unknown_fields(file: &ArticleFile) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut at = Vec::new();
    walk(file, &SCHEMA, file.json, &mut at, &mut problems);
    problems
}

fn walk(
    file: &ArticleFile,
    node: &Value,
    value: &Value,
    at: &mut Vec<Step>,
    problems: &mut Vec<Problem>,
) {
    let node = resolve(node);
    if let Some(variant) = variant_for(node, value) {
        return walk(file, variant, value, at, problems);
    }
    match value {
        Value::Object(fields) => {
            let known = properties(node);
            if known.is_empty() {
                return;
            }
            for (key, field) in fields {
                at.push(key.as_str().into());
                match known.iter().find(|(name, _)| *name == key) {
                    Some((_, schema)) => walk(file, schema, field, at, problems),
                    None if at.len() == 1 && TOOLING.contains(&key.as_str()) => {}
                    None => problems.push(file.error(at, &unknown(key, &known))),
                }
                at.pop();
            }
        }
        Value::Array(items) => {
            if let Some(item) = node.get("items") {
                for (index, element) in items.iter().enumerate() {
                    at.push(index.into());
                    walk(file, item, element, at, problems);
                    at.pop();
                }
            }
        }
        _ => {}
    }
}

/// What to say of a field named `key` where the fields are `known`.
fn unknown(key: &str, known: &[(&str, &Value)]) -> String {
    let nearest = (known.iter())
        .map(|(name, _)| (strsim::damerau_levenshtein(key, name), *name))
        .filter(|(distance, name)| *distance <= 2 && *distance < name.len().max(2) - 1)
        .min();
    let mut names: Vec<&str> = known.iter().map(|(name, _)| *name).collect();
    names.retain(|name| *name != "type");
    match nearest {
        Some((_, name)) => format!(
            "unknown field {key:?}: did you mean {name:?}? (what is written in it would be lost)"
        ),
        None => format!(
            "unknown field {key:?}; the fields here are {} (what is written in it would be lost)",
            names.join(", ")
        ),
    }
}

/// `node` with its `$ref` followed (`#/$defs/<name>`), where it is only
/// a reference.
fn resolve(node: &Value) -> &Value {
    match reference(node) {
        Some(target) if node.get("properties").is_none() => resolve(target),
        _ => node,
    }
}

fn reference(node: &Value) -> Option<&Value> {
    let name = node.get("$ref")?.as_str()?.strip_prefix("#/$defs/")?;
    SCHEMA.get("$defs")?.get(name)
}

/// The fields an object schema names, its own and its reference's (a
/// block's `type` beside the fields of the struct it refers to).
fn properties(node: &Value) -> Vec<(&str, &Value)> {
    let mut found: Vec<(&str, &Value)> = node
        .get("properties")
        .and_then(Value::as_object)
        .map(Map::iter)
        .into_iter()
        .flatten()
        .map(|(name, schema)| (name.as_str(), schema))
        .collect();
    if let Some(target) = reference(node) {
        found.extend(properties(resolve(target)));
    }
    found
}

/// Of a schema of alternatives (`oneOf`, `anyOf`), the one `value` is: a
/// block by its `type`, else the first of `value`'s own kind. None where
/// `node` has no alternatives or none fits (an unknown block's type is
/// the checks' warning, not a field's error).
fn variant_for<'a>(node: &'a Value, value: &Value) -> Option<&'a Value> {
    let variants = node
        .get("oneOf")
        .or_else(|| node.get("anyOf"))?
        .as_array()?;
    let tag = value.get("type").and_then(Value::as_str);
    let tagged = |variant: &&Value| {
        let tag_schema = properties(resolve(variant))
            .into_iter()
            .find(|(name, _)| *name == "type");
        match tag_schema.and_then(|(_, schema)| schema.get("const")) {
            Some(constant) => tag.is_some() && constant.as_str() == tag,
            None => kind_fits(resolve(variant), value),
        }
    };
    variants.iter().find(tagged).map(resolve)
}

/// Whether a schema without a tag is for values of `value`'s kind.
fn kind_fits(node: &Value, value: &Value) -> bool {
    let kinds: Vec<&str> = match node.get("type") {
        Some(Value::String(kind)) => vec![kind.as_str()],
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).collect(),
        _ => return node.get("properties").is_some() && value.is_object(),
    };
    kinds.iter().any(|kind| match *kind {
        "object" => value.is_object(),
        "array" => value.is_array(),
        _ => false,
    })
}
