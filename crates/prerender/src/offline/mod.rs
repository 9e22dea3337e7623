//! Offline reading and installing, as the build writes them: the service
//! worker (`sw.js`), the pages' offline controls (`offline/controls-<hash>.js`),
//! and the web app manifest. The worker and the controls are plain
//! JavaScript (`sw.js`, `page.js` here; tested in `tests/browser/offline.test.mjs`),
//! each given this build's values in a `config` line before it: the worker
//! its version, the base, and the list of the build's hashed files, so no
//! list is kept by hand.
//!
//! `READER_OFFLINE=off` makes a kill-switch build: `sw.js` is then
//! `kill-switch.js`, which removes the worker and its caches from every
//! browser that has it, and the pages stop registering it.

use std::hash::{DefaultHasher, Hash, Hasher};

use reader_model::layout::{
    ICON_FILES, MANIFEST_FILE, OFFLINE_PATH, SAVED_PATH, SERVICE_WORKER_FILE, offline_script,
};
use reader_model::{Label, Labels, Site};
use serde_json::{Map, Value, json};

use crate::loader::with_config;
use crate::scripts::Kind;

/// The worker, as written.
const WORKER: &str = include_str!("sw.js");
/// The kill switch, written in the worker's place by a build that turns
/// offline reading off.
const KILL_SWITCH: &str = include_str!("kill-switch.js");
/// The pages' offline controls, as written.
const CONTROLS: &str = include_str!("page.js");

/// How many pages, data files and photos a reader's device keeps, beyond
/// what the reader saved on purpose (the least recently used go first).
pub const CACHE_CAP: usize = 200;

/// Offline reading in one build: on, or the kill switch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offline {
    /// Whether the pages register the worker (else the kill switch).
    pub on: bool,
    /// The folder the site is served from.
    base: String,
    /// The controls' file, below the base, and its text.
    pub controls_file: String,
    controls: String,
}

impl Offline {
    /// Offline reading for a site served from `base`; `on` false for the
    /// kill switch.
    pub fn new(base: &str, on: bool) -> Self {
        let worker = on.then(|| format!("{base}{SERVICE_WORKER_FILE}"));
        let config = json!({
            "worker": worker,
            "base": base,
            "manifest": format!("{base}{MANIFEST_FILE}"),
            "labels": controls_labels(),
        });
        let controls = with_config(&config, CONTROLS, Kind::Module);
        let controls_file = offline_script(&format!("{:016x}", hash(&controls)));
        Self {
            on,
            base: base.to_owned(),
            controls_file,
            controls,
        }
    }

    /// The controls' address, for the loader.
    pub fn controls_href(&self) -> String {
        format!("{}{}", self.base, self.controls_file)
    }

    /// The controls' text.
    pub fn controls(&self) -> &str {
        &self.controls
    }

    /// The start of every cache's name the worker makes, which the kill
    /// switch deletes: of this site's folder, so that another app on the
    /// same origin is never touched.
    fn caches(&self) -> String {
        format!("reader:{}:", self.base)
    }

    /// The worker's text: its version changes with `build` (what every
    /// page is made from) and with the build's hashed files, which it
    /// keeps (`app`, below the base): at its install, but for those in
    /// `later` (the whole app, where the build has a reading app: the
    /// pages read offline, the Saved page among them, need only the
    /// reading app), which it keeps once a page asks for them.
    ///
    /// It serves every edition of `site`: each edition's pages get its
    /// offline page, and its saved copies its words.
    pub fn worker(&self, build: u64, app: &[String], later: &[String], site: &Site) -> String {
        if !self.on {
            return with_config(
                &json!({ "caches": self.caches() }),
                KILL_SWITCH,
                Kind::Classic,
            );
        }
        let base = &self.base;
        let below_base = |files: &[String]| {
            let mut files: Vec<String> = files.iter().map(|file| format!("{base}{file}")).collect();
            files.sort();
            files
        };
        let app = below_base(app);
        let later = below_base(later);
        let shell: Vec<String> = std::iter::once(MANIFEST_FILE)
            .chain(ICON_FILES.iter().map(|(_, file)| *file))
            .map(|file| format!("{base}{file}"))
            .collect();
        let editions = self.editions(site);
        let mut hasher = DefaultHasher::new();
        (
            build,
            &app,
            &later,
            WORKER,
            &self.controls,
            editions.to_string(),
        )
            .hash(&mut hasher);
        let config = json!({
            "version": format!("{:016x}", hasher.finish()),
            "base": base,
            "caches": self.caches(),
            "app": app,
            "later": later,
            "shell": shell,
            "editions": editions,
            "script": self.controls_href(),
            "cap": CACHE_CAP,
        });
        with_config(&config, WORKER, Kind::Classic)
    }

    /// Each edition, as the worker tells them apart: its folder, its
    /// offline page, its Saved page (kept at install, so that the offline
    /// page's link to it works offline), its language and the line over a
    /// saved copy; the
    /// deepest folder first (the worker takes the first that holds a
    /// page).
    fn editions(&self, site: &Site) -> Value {
        let base = &self.base;
        let mut editions: Vec<(String, String)> = if site.editions.is_empty() {
            vec![(String::new(), site.language.clone())]
        } else {
            (site.editions.iter())
                .map(|e| (e.path.clone(), e.language.clone()))
                .collect()
        };
        editions.sort_by_key(|(path, _)| std::cmp::Reverse(path.len()));
        let editions: Vec<Value> = (editions.iter())
            .map(|(path, language)| {
                let labels = Labels::of(language).unwrap_or_else(Labels::english);
                json!({
                    "base": format!("{base}{path}"),
                    "page": format!("{base}{path}{OFFLINE_PATH}/"),
                    "saved": format!("{base}{path}{SAVED_PATH}/"),
                    "lang": language,
                    "saved_copy": labels.get(Label::SavedCopy),
                })
            })
            .collect();
        Value::Array(editions)
    }

    /// The web app manifest: the site's name, addresses relative to the
    /// manifest (so a site in a folder installs as itself), the maskable
    /// icons and the site's colours.
    pub fn manifest(&self, site: &Site) -> String {
        let icons: Vec<_> = ICON_FILES
            .iter()
            .map(|(size, file)| {
                json!({
                    "src": file,
                    "sizes": format!("{size}x{size}"),
                    "type": "image/png",
                    "purpose": "any maskable",
                })
            })
            .collect();
        let manifest = json!({
            "id": "./",
            "name": site.name,
            "short_name": site.name,
            "description": site.description,
            "lang": site.language,
            "start_url": "./",
            "scope": "./",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": "#0b3d7a",
            "icons": icons,
        });
        serde_json::to_string_pretty(&manifest).unwrap_or_default() + "\n"
    }
}

/// The words the offline controls show, in every language with a table
/// (the page's `<html lang>` picks).
fn controls_labels() -> Value {
    const USED: [Label; 10] = [
        Label::OfflineOff,
        Label::CannotKeep,
        Label::SavedUnreadable,
        Label::NothingSaved,
        Label::SavedForLater,
        Label::RecentlyRead,
        Label::SavedAt,
        Label::ReadAt,
        Label::Remove,
        Label::RemoveFromDevice,
    ];
    let mut all = Map::new();
    for language in Labels::languages() {
        let labels = Labels::of(language).unwrap_or_else(Labels::english);
        let words: Map<String, Value> = (USED.iter())
            .map(|label| (label.key().to_owned(), json!(labels.get(*label))))
            .collect();
        all.insert(language.to_owned(), Value::Object(words));
    }
    Value::Object(all)
}

fn hash(text: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worker_names_this_builds_files_and_changes_with_them() {
        let offline = Offline::new("/news/", true);
        assert!(offline.controls_file.starts_with("offline/controls-"));
        assert_eq!(
            offline.controls_href(),
            format!("/news/{}", offline.controls_file)
        );
        let files = ["reader-0123456789abcdef.js".to_owned()];
        let site: Site = reader_model::from_json(
            r#"{"name": "N", "description": "D", "list_title": "L", "footer": {"heading": "F"}, "language": "zh-CN"}"#,
        )
        .expect("site");
        let worker = offline.worker(1, &files, &[], &site);
        assert!(worker.starts_with("const config = {"), "{worker}");
        assert!(
            worker.contains(r#""/news/reader-0123456789abcdef.js""#),
            "{worker}"
        );
        assert!(worker.contains(r#""page":"/news/offline/""#), "{worker}");
        assert!(
            worker.contains("您已离线"),
            "the saved copy's line in the site's language: {worker}"
        );
        assert!(worker.contains("self.addEventListener(`fetch`"), "{worker}");
        assert_ne!(
            worker,
            offline.worker(2, &files, &[], &site),
            "a new build, a new version"
        );
        let kill = Offline::new("/news/", false).worker(1, &files, &[], &site);
        assert!(kill.contains("unregister()") && !kill.contains("reader-0123"));
        // The kill switch deletes the caches the worker names, and no other.
        let caches = r#""caches":"reader:/news/:""#;
        assert!(worker.contains(caches) && kill.contains(caches), "{kill}");
        assert!(
            Offline::new("/news/", false)
                .controls()
                .contains(r#""worker":null"#)
        );
        assert!(
            offline
                .controls()
                .contains(r#""manifest":"/news/manifest.webmanifest""#)
        );
    }

    #[test]
    fn the_manifest_is_relative_so_a_site_in_a_folder_installs_as_itself() {
        let site: Site = reader_model::from_json(
            r#"{"name": "USST News", "description": "D", "list_title": "L", "footer": {"heading": "F"}}"#,
        )
        .expect("site");
        let manifest: serde_json::Value =
            serde_json::from_str(&Offline::new("/news/", true).manifest(&site)).expect("json");
        for field in ["id", "start_url", "scope"] {
            assert_eq!(manifest[field], "./");
        }
        assert_eq!(manifest["display"], "standalone");
        assert_eq!(manifest["icons"][1]["sizes"], "512x512");
        assert_eq!(manifest["icons"][0]["purpose"], "any maskable");
    }
}
