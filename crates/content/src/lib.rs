//! The content build: read every content file, check it against the
//! model, resolve related links, and write what the app fetches:
//!
//! - `site.json`, as written (minified);
//! - `index.json`, the news list, newest first, only what the list shows;
//! - `articles/<slug>.json`, each with its related links resolved to
//!   `{slug, headline}` (links to articles that do not exist are left out,
//!   with a warning);
//! - `images/`, copied.

mod problem;

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use reader_model::{
    Aliases, ArticleSource, ListItem, ModelError, NewsIndex, RelatedLink, Site, Slug, Speaker,
    Speakers,
};
use serde_json::Value;

pub use problem::{Problem, Severity};

/// One article file, read and checked.
struct Loaded {
    source: ArticleSource,
    json: Value,
}

/// Everything read from a content folder, and what was wrong with it.
pub struct Build {
    root: PathBuf,
    site: Option<Value>,
    /// Other spellings of speakers' names (`speakers.json`, optional).
    aliases: Aliases,
    articles: BTreeMap<Slug, Loaded>,
    problems: Vec<Problem>,
}

impl Build {
    /// Reads `root/site.json` and `root/articles/*.json`. Never fails:
    /// whatever cannot be read becomes a [`Problem`].
    pub fn load(root: &Path) -> Self {
        let mut build = Self {
            root: root.to_path_buf(),
            site: None,
            aliases: Aliases::default(),
            articles: BTreeMap::new(),
            problems: Vec::new(),
        };
        build.site = build.read_model::<Site>(&root.join("site.json"));
        let aliases = root.join("speakers.json");
        if aliases.exists() {
            build.aliases = build
                .read_model::<Aliases>(&aliases)
                .and_then(|value| serde_json::from_value(value).ok())
                .unwrap_or_default();
        }
        for path in build.article_files() {
            build.load_article(&path);
        }
        if build.articles.is_empty() && !build.has_errors() {
            build.problems.push(Problem::error(
                &root.join("articles"),
                None,
                "no articles found",
            ));
        }
        build.check_related();
        build
    }

    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    pub fn article_count(&self) -> usize {
        self.articles.len()
    }

    /// The news list, newest first.
    pub fn index(&self) -> NewsIndex {
        NewsIndex::new(
            self.articles
                .values()
                .map(|loaded| ListItem::from(&loaded.source))
                .collect(),
        )
    }

    /// Everyone who spoke, and each person's speeches.
    pub fn speakers(&self) -> (Speakers, Vec<Speaker>) {
        let articles: Vec<_> = self.articles.values().map(|l| l.source.clone()).collect();
        reader_model::build_speakers(&articles, &self.aliases)
    }

    /// The published form of one article: its JSON as written, with
    /// `related` resolved to links (dead ones left out).
    pub fn published_article(&self, slug: &Slug) -> Option<Value> {
        let loaded = self.articles.get(slug)?;
        let related: Vec<RelatedLink> = loaded
            .source
            .related
            .iter()
            .filter_map(|slug| {
                self.articles.get(slug).map(|target| RelatedLink {
                    slug: slug.clone(),
                    headline: target.source.headline.clone(),
                })
            })
            .collect();
        let mut json = loaded.json.clone();
        if let Value::Object(map) = &mut json {
            map.insert("related".into(), serde_json::to_value(related).ok()?);
        }
        Some(json)
    }

    /// Writes the published content into `out` (created if missing).
    ///
    /// # Errors
    /// Any I/O error; the folder may then be partly written.
    pub fn write(&self, out: &Path) -> io::Result<()> {
        let articles_dir = out.join("articles");
        fs::create_dir_all(&articles_dir)?;
        if let Some(site) = &self.site {
            write_json(&out.join("site.json"), site)?;
        }
        write_json(&out.join("index.json"), &self.index())?;
        let (speakers, people) = self.speakers();
        let speakers_dir = out.join("speakers");
        fs::create_dir_all(&speakers_dir)?;
        write_json(&speakers_dir.join("index.json"), &speakers)?;
        for person in &people {
            write_json(&speakers_dir.join(format!("{}.json", person.slug)), person)?;
        }
        for slug in self.articles.keys() {
            if let Some(json) = self.published_article(slug) {
                write_json(&articles_dir.join(format!("{slug}.json")), &json)?;
            }
        }
        let images = self.root.join("images");
        if images.is_dir() {
            copy_dir(&images, &out.join("images"))?;
        }
        Ok(())
    }

    fn article_files(&mut self) -> Vec<PathBuf> {
        let dir = self.root.join("articles");
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(err) => {
                self.problems.push(Problem::error(
                    &dir,
                    None,
                    &format!("cannot read folder: {err}"),
                ));
                return Vec::new();
            }
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        files.sort();
        files
    }

    fn load_article(&mut self, path: &Path) {
        let Some(text) = self.read_text(path) else {
            return;
        };
        let source = match reader_model::from_json::<ArticleSource>(&text) {
            Ok(source) => source,
            Err(err) => {
                self.problems.push(model_problem(path, &err));
                return;
            }
        };
        let Ok(json) = serde_json::from_str::<Value>(&text) else {
            return;
        };
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if stem != source.slug.as_str() {
            self.problems.push(Problem::error(
                path,
                None,
                &format!(
                    "slug {:?} does not match the file name (expected {stem:?})",
                    source.slug.as_str()
                ),
            ));
            return;
        }
        for position in source.body.skipped() {
            let kind = json["body"][position]["type"].as_str().unwrap_or("?");
            self.problems.push(Problem::warning(
                path,
                None,
                &format!("body block {position} has unknown type {kind:?}; the app skips it"),
            ));
        }
        self.articles
            .insert(source.slug.clone(), Loaded { source, json });
    }

    fn check_related(&mut self) {
        let mut dead = Vec::new();
        for (slug, loaded) in &self.articles {
            for target in &loaded.source.related {
                if !self.articles.contains_key(target) {
                    dead.push(Problem::warning(
                        &self.root.join("articles").join(format!("{slug}.json")),
                        None,
                        &format!(
                            "related article {:?} does not exist; it is left out",
                            target.as_str()
                        ),
                    ));
                }
            }
        }
        self.problems.extend(dead);
    }

    fn read_text(&mut self, path: &Path) -> Option<String> {
        match fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(err) => {
                self.problems
                    .push(Problem::error(path, None, &format!("cannot read: {err}")));
                None
            }
        }
    }

    /// Reads `path`, checks it against model type `T`, keeps it as JSON.
    fn read_model<T: serde::de::DeserializeOwned>(&mut self, path: &Path) -> Option<Value> {
        let text = self.read_text(path)?;
        if let Err(err) = reader_model::from_json::<T>(&text) {
            self.problems.push(model_problem(path, &err));
            return None;
        }
        serde_json::from_str(&text).ok()
    }
}

fn model_problem(path: &Path, err: &ModelError) -> Problem {
    let message = match err {
        ModelError::Syntax { message, .. } => format!("not valid JSON: {message}"),
        ModelError::Shape { message, .. } => message.clone(),
    };
    Problem::error(path, Some(err.position()), &message)
}

fn write_json<T: serde::Serialize>(path: &Path, value: &T) -> io::Result<()> {
    let text = reader_model::to_json(value).map_err(io::Error::other)?;
    fs::write(path, text)
}

fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
