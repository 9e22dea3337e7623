//! What the model alone cannot say about `site.json`: its `origin` is the
//! site's address (which every page's canonical link, sharing card, the
//! sitemap and the feed need), and its links are safe (an unsafe one,
//! `javascript:`, would be left out of the navigation without a word).

use std::path::Path;

use reader_model::SafeUrl;
use serde_json::Value;

use crate::locate::{Step, each_string, locate};
use crate::problem::Problem;

/// Every problem with `site` (read from `path`, whose `text` it is).
pub(crate) fn check(path: &Path, text: &str, site: &Value) -> Vec<Problem> {
    let mut problems = Vec::new();
    let at = |steps: &[Step]| locate(text, steps);
    let origin = &site["origin"];
    if origin.is_null() {
        problems.push(Problem::error(
            path,
            None,
            "\"origin\" is missing: give the site's address, scheme and host only (\"https://news.example.edu\"); canonical links, sharing cards, the sitemap and the feed need it",
        ));
    } else if let Some(message) = origin_error(origin) {
        problems.push(Problem::error(path, at(&["origin".into()]), &message));
    }
    each_string(site, &mut |steps, href| {
        let link = steps.last().and_then(Step::key) == Some("href");
        if link && SafeUrl::parse(href).is_err() {
            problems.push(Problem::error(
                path,
                at(steps),
                &format!("link {href:?} is not a safe URL; the site would leave it out"),
            ));
        }
    });
    problems
}

/// What is wrong with `origin`, a site's (or an edition's) address, if it
/// is not scheme and host alone.
pub(crate) fn origin_error(origin: &Value) -> Option<String> {
    let safe = origin.as_str().and_then(|text| SafeUrl::parse(text).ok());
    safe.as_ref().and_then(reader_model::site_origin).is_none().then(|| {
        format!(
            "\"origin\" must be the site's address, scheme and host only (\"https://news.example.edu\"), not {origin}"
        )
    })
}
