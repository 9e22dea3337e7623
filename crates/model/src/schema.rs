//! The JSON Schema of an article file, derived from the model (feature
//! `schema`): editors' tools complete fields and flag mistakes as they
//! type, and the schema can never disagree with what the build accepts
//! because it is generated from the same types.
//!
//! The derive covers the plain structs; the types that parse their own
//! text (slugs, dates, URLs) or read a looser wire form (pictures, the
//! body) describe themselves here.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::{ArticleSource, Block, Body, Date, Image, SafeUrl, Slug};

/// The schema of `content/articles/<slug>.json`, as pretty JSON.
pub fn article_schema() -> String {
    let mut schema = schemars::schema_for!(ArticleSource);
    schema.insert(
        "title".to_owned(),
        "A news article (content/articles/<slug>.json)".into(),
    );
    // `author` is `authors` under the name the first articles used.
    if let Some(properties) = schema
        .get_mut("properties")
        .and_then(serde_json::Value::as_object_mut)
    {
        properties.insert(
            "author".to_owned(),
            serde_json::json!({
                "description": "The same as `authors` (give one of the two): one name, or a list.",
                "$ref": "#/$defs/Names"
            }),
        );
    }
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

impl JsonSchema for Slug {
    fn schema_name() -> Cow<'static, str> {
        "Slug".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "Lowercase letters and digits joined by single hyphens; the file's name without .json.",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "maxLength": 120
        })
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A day, as YYYY-MM-DD.",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

impl JsonSchema for SafeUrl {
    fn schema_name() -> Cow<'static, str> {
        "Url".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "https:, http: or mailto:, or a path on this site (content/images/a.jpg). Anything else is left out.",
            "minLength": 1
        })
    }
}

impl JsonSchema for Image {
    fn schema_name() -> Cow<'static, str> {
        "Image".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let src = generator.subschema_for::<SafeUrl>();
        json_schema!({
            "type": "object",
            "description": "A picture. A photograph in content/images/ (JPEG, PNG, WebP) is resized for its place by the build, which also finds its size; for a drawing or a picture elsewhere, give its size so the page can keep its place while it loads.",
            "properties": {
                "src": src,
                "alt": {
                    "type": "string",
                    "minLength": 1,
                    "description": "What the picture shows, for readers who cannot see it."
                },
                "width": {"type": "integer", "minimum": 1, "description": "Width in pixels."},
                "height": {"type": "integer", "minimum": 1, "description": "Height in pixels."},
                "credit": {
                    "type": "string",
                    "description": "Who took the photo (Li Rui, Xinhua), shown as \"Photo: Li Rui\" with its caption."
                }
            },
            "required": ["src", "alt"]
        })
    }
}

/// People's names: one name, or a list of names, in any script.
pub(crate) struct Names;

impl JsonSchema for Names {
    fn schema_name() -> Cow<'static, str> {
        "Names".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let name = json_schema!({"type": "string", "minLength": 1, "pattern": "\\S"});
        json_schema!({
            "description": "One name (\"Zhang Liu\") or a list of names ([\"Zhang Liu\", \"李锐\"]), in any script.",
            "oneOf": [name, {"type": "array", "items": name}]
        })
    }
}

impl JsonSchema for Body {
    fn schema_name() -> Cow<'static, str> {
        "Body".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let block = generator.subschema_for::<Block>();
        json_schema!({
            "type": "array",
            "description": "The article's blocks in reading order.",
            "items": block
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_describes_every_field_an_editor_writes() {
        let schema: serde_json::Value =
            serde_json::from_str(&article_schema()).expect("the schema is JSON");
        let properties = schema["properties"].as_object().expect("properties");
        for field in [
            "slug",
            "headline",
            "section",
            "published",
            "author",
            "authors",
            "copy_editors",
            "summary",
            "thumbnail",
            "body",
            "related",
        ] {
            assert!(properties.contains_key(field), "{field} missing");
        }
        let text = article_schema();
        for kind in ["paragraph", "speech", "figure", "quote"] {
            assert!(
                text.contains(&format!("\"{kind}\"")),
                "block {kind} missing"
            );
        }
    }
}
