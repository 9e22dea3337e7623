//! Articles paired with their translations in the other editions, by the
//! key they share (`translation_key`), and what is wrong with a key.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use reader_model::{Slug, Translation};

use crate::article_file::locate_in;
use crate::problem::Problem;

/// Each article's translations, by its shared key; what is wrong with a
/// key (one that no other edition has, or two articles of one edition
/// share) is reported at the key. A key that the text of a file that
/// failed to load names (`failed`) is not said to dangle.
pub(super) fn translations(
    parts: &[BTreeMap<Slug, crate::incremental::read_cache::Loaded>],
    codes: &[&str],
    failed: &[String],
    problems: &mut Vec<Problem>,
) -> HashMap<Slug, Vec<Translation>> {
    let mut by_key: BTreeMap<&str, Vec<(usize, &Slug, &Path)>> = BTreeMap::new();
    for (at, articles) in parts.iter().enumerate() {
        for (slug, loaded) in articles {
            if let Some(key) = loaded.source.translation_key.as_deref() {
                by_key
                    .entry(key)
                    .or_default()
                    .push((at, slug, &loaded.path));
            }
        }
    }
    let mut found: HashMap<Slug, Vec<Translation>> = HashMap::new();
    for (key, articles) in by_key {
        let here = |path: &Path| locate_in(path, &["translation_key".into()]);
        let mut editions: Vec<usize> = articles.iter().map(|(at, _, _)| *at).collect();
        editions.sort_unstable();
        editions.dedup();
        if editions.len() < 2 {
            if failed.iter().any(|text| text.contains(key)) {
                continue;
            }
            for (_, _, path) in &articles {
                problems.push(Problem::error(
                    path,
                    here(path),
                    &format!("translation key {key:?}: no article of another edition has it"),
                ));
            }
            continue;
        }
        let mut shared = false;
        for (i, (at, _, path)) in articles.iter().enumerate() {
            if let Some((_, first, _)) = articles[..i].iter().find(|(other, _, _)| other == at) {
                shared = true;
                problems.push(Problem::error(
                    path,
                    here(path),
                    &format!(
                        "translation key {key:?} is {first}'s already, in the same edition ({}): a key names one article in each",
                        codes[*at]
                    ),
                ));
            }
        }
        if shared {
            continue;
        }
        let speeches = |at: usize, slug: &Slug| {
            parts[at]
                .get(slug)
                .map_or(0, |loaded| loaded.source.body.speeches().count())
        };
        for (at, slug, _) in &articles {
            let ours = speeches(*at, slug);
            let others = (articles.iter())
                .filter(|(other, _, _)| other != at)
                .map(|(other, slug, _)| {
                    let theirs = speeches(*other, slug);
                    Translation {
                        edition: codes[*other].to_owned(),
                        slug: (*slug).clone(),
                        speeches: if theirs == ours { theirs } else { 0 },
                    }
                })
                .collect();
            found.insert((*slug).clone(), others);
        }
    }
    found
}
