//! The editions' settings, read from `content/site.json` and checked: the
//! first edition's are the file's own fields, each other's an entry of its
//! `languages` over them; every edition's language needs a complete table
//! of labels.

use std::path::Path;

use reader_model::Labels;
use serde_json::{Map, Value};

use crate::article_file::locate_in;
use crate::locate::Step;
use crate::problem::Problem;

/// An edition's settings, read from `site.json`.
pub(super) struct Settings {
    pub(super) code: String,
    pub(super) language: String,
    pub(super) name: String,
    pub(super) site: Value,
    /// Where it is written in `site.json`.
    at: Vec<Step>,
}

/// Where an edition's pages and content are, below the site's root.
pub(super) fn path_of(at: usize, code: &str) -> String {
    if at == 0 {
        String::new()
    } else {
        format!("{code}/")
    }
}

/// The editions `site.json` configures, each checked: its code, its
/// language, a complete table of labels for it.
pub(super) fn settings(
    site: Option<&Value>,
    file: &Path,
    problems: &mut Vec<Problem>,
) -> Vec<Settings> {
    let Some(Value::Object(top)) = site else {
        return Vec::new();
    };
    let language = top.get("language").and_then(Value::as_str).unwrap_or("en");
    let mut first = top.clone();
    first.remove("languages");
    let mut all = vec![Settings {
        code: code_of(language),
        language: language.to_owned(),
        name: top
            .get("language_name")
            .and_then(Value::as_str)
            .unwrap_or(language)
            .to_owned(),
        site: Value::Object(first.clone()),
        at: vec!["language".into()],
    }];
    let others = top.get("languages").and_then(Value::as_array);
    for (i, other) in others.into_iter().flatten().enumerate() {
        let steps: Vec<Step> = vec!["languages".into(), i.into()];
        match other_edition(&first, other, &all, &steps) {
            Ok(settings) => {
                let mut own: Vec<Problem> = (own_errors(other, &settings.site, &steps).iter())
                    .map(|(steps, message)| Problem::error(file, locate_in(file, steps), message))
                    .collect();
                own.sort_by_key(|problem| problem.position);
                problems.extend(own);
                all.push(settings);
            }
            Err((steps, message)) => {
                problems.push(Problem::error(file, locate_in(file, &steps), &message));
            }
        }
    }
    check_labels(&all, file, problems);
    all
}

/// Where a problem with an edition's settings is, and what it is.
type SettingsError = (Vec<Step>, String);

/// The settings of `other`, an edition `site.json`'s `languages` names
/// at `steps`: the `first` edition's, with its own over them.
fn other_edition(
    first: &Map<String, Value>,
    other: &Value,
    all: &[Settings],
    steps: &[Step],
) -> Result<Settings, SettingsError> {
    let Some(map) = other.as_object() else {
        return Err((steps.to_vec(), "an edition is an object of settings".into()));
    };
    let field = |name: &str| map.get(name).and_then(Value::as_str).map(str::to_owned);
    let (Some(code), Some(language)) = (field("code"), field("language")) else {
        return Err((
            steps.to_vec(),
            "an edition names its `code` (zh) and its `language` (zh-CN)".into(),
        ));
    };
    if !code.bytes().all(|b| b.is_ascii_lowercase()) || all.iter().any(|s| s.code == code) {
        return Err((
            [steps, &["code".into()]].concat(),
            format!("edition code {code:?}: lowercase letters, and one edition each"),
        ));
    }
    let mut edition = first.clone();
    for (key, value) in map {
        if key != "code" {
            edition.insert(key.clone(), value.clone());
        }
    }
    Ok(Settings {
        name: field("language_name").unwrap_or_else(|| language.clone()),
        code,
        language,
        site: Value::Object(edition),
        at: [steps, &["language".into()]].concat(),
    })
}

/// What an edition's settings (`site`: the first edition's with `other`,
/// written at `steps`, over them) fail to be as the model reads them, and
/// an `origin` of its own that is not scheme and host alone, where `other`
/// says it: an error in a field it does not set is the first edition's,
/// reported with `site.json`'s own.
fn own_errors(other: &Value, site: &Value, steps: &[Step]) -> Vec<(Vec<Step>, String)> {
    let own = |at: &[Step]| match at.first() {
        Some(Step::Key(key)) => other.get(key).is_some(),
        _ => false,
    };
    let origin = other.get("origin").and_then(crate::site_file::origin_error);
    let origin = origin.map(|message| (vec![Step::from("origin")], message));
    (crate::model_errors::site_errors(site).into_iter())
        .filter(|(at, _)| own(at))
        .chain(origin)
        .map(|(at, message)| ([steps, &at].concat(), message))
        .collect()
}

/// Every edition's language has a complete table of labels.
fn check_labels(all: &[Settings], file: &Path, problems: &mut Vec<Problem>) {
    for settings in all {
        let missing = match Labels::of(&settings.language) {
            None => vec!["(the whole table)"],
            Some(labels) => labels.missing(),
        };
        if !missing.is_empty() {
            problems.push(Problem::error(
                file,
                locate_in(file, &settings.at),
                &format!(
                    "language {:?} has no complete table of labels: i18n/{}.json lacks {}",
                    settings.language,
                    settings.code,
                    missing.join(", ")
                ),
            ));
        }
    }
}

/// An edition's code from its language's tag: `zh-CN` → `zh`.
fn code_of(language: &str) -> String {
    language
        .split(['-', '_'])
        .next()
        .unwrap_or(language)
        .to_ascii_lowercase()
}
