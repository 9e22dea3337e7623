//! The checked content of a folder ([`Content`]): every article as the
//! build keeps it, the site, the speakers' other spellings, the
//! photographs' plan and every problem found; and what is derived from it
//! alone: the sections, the news list's pages, the speakers, each
//! article's related links and its published form. Reading it is
//! [`crate::load`]'s; publishing it, [`crate::plan`] and
//! [`crate::publish`]'s.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io;
use std::path::PathBuf;

use reader_model::{
    Aliases, ListItem, ListPage, Paginated, Place, RelatedLink, Section, Slug, Speaker, Speakers,
    Translation, section_slug,
};
use serde_json::Value;

use crate::article_file::{article_json, locate_in};
use crate::checks;
use crate::incremental::read_cache::Loaded;
use crate::locate::Step;
use crate::photos::{self, PhotoUse, Photos};
use crate::problem::{Problem, Severity};
use crate::progress::Phases;
use crate::related;

/// Everything read from a content folder, and what was wrong with it.
pub struct Content {
    pub(crate) root: PathBuf,
    pub(crate) site: Option<Value>,
    /// Other spellings of speakers' names (`speakers.json`, optional).
    pub(crate) aliases: Aliases,
    pub(crate) articles: BTreeMap<Slug, Loaded>,
    /// The names (file stems) of article files that could not be read as
    /// articles: their own error says why, and a link to one is not also
    /// reported as a link to nothing.
    pub(crate) unloaded: HashSet<String>,
    /// Related articles chosen for those whose editor named none (chosen
    /// when first needed: an update whose archive-wide files stand needs
    /// none).
    pub(crate) automatic: std::sync::OnceLock<HashMap<Slug, Vec<Slug>>>,
    pub(crate) photos: Photos,
    /// Where copies of photographs are kept between builds.
    pub(crate) photo_cache: PathBuf,
    pub(crate) problems: Vec<Problem>,
    /// The articles whose files were read and checked (the others were
    /// as the read cache had them).
    pub(crate) fresh: HashSet<Slug>,
    /// Article files read and checked (with those that did not load).
    pub(crate) read: usize,
    /// Where loading's time went.
    pub(crate) phases: Phases,
    /// Each article's translations in the site's other editions (see
    /// [`crate::editions`]).
    pub(crate) translations: HashMap<Slug, Vec<Translation>>,
    /// Each section's counterparts in the site's other editions, by its
    /// name (see [`crate::editions`]).
    pub(crate) section_translations: HashMap<String, Vec<Translation>>,
    /// Each speaker's page in the site's other editions, by its slug (see
    /// [`crate::editions`]).
    pub(crate) speaker_translations: HashMap<Slug, Vec<Translation>>,
}

/// Where copies of photographs are kept between builds unless
/// `$READER_PHOTO_CACHE` says otherwise.
pub const PHOTO_CACHE: &str = "target/photo-cache";

impl Content {
    /// How many article files were read and checked: all, but in an
    /// update those whose read cache entry stands.
    pub fn files_read(&self) -> usize {
        self.read
    }

    /// Where loading's time went.
    pub fn phases(&self) -> &Phases {
        &self.phases
    }

    /// Keeps copies of photographs in `dir` between builds.
    pub fn set_photo_cache(&mut self, dir: PathBuf) {
        self.photo_cache = dir;
    }

    /// Reads and plans the photographs the articles show; an original
    /// `known` has read already is not read again.
    pub(crate) fn inspect_photos(&mut self, known: &Photos) {
        let uses: Vec<PhotoUse> = (self.articles.values())
            .flat_map(|loaded| loaded.photos.iter().cloned())
            .collect();
        let require = self
            .site
            .as_ref()
            .and_then(|site| site["require_photo_credit"].as_bool())
            .unwrap_or(false);
        let (photos, problems) = Photos::inspect(&uses, require, known);
        self.photos = photos;
        self.problems.extend(problems);
    }

    /// The original a published picture's `src` names, if it is one of
    /// the content's photographs.
    pub(crate) fn original(&self, src: &str) -> Option<PathBuf> {
        let url = reader_model::SafeUrl::parse(src).ok()?;
        checks::content_file(&self.root, &url).filter(|path| photos::is_photo(path))
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

    /// Every section an article names, by name.
    pub fn sections(&self) -> Vec<Section> {
        let names: BTreeSet<&str> = self
            .articles
            .values()
            .map(|loaded| loaded.source.section.as_str())
            .collect();
        names
            .into_iter()
            .map(|name| Section {
                slug: section_slug(name),
                name: name.to_owned(),
                translations: (self.section_translations.get(name).cloned()).unwrap_or_default(),
            })
            .collect()
    }

    /// The news list as its front and archive pages (each section's list
    /// is made from it: see [`crate::publish`]).
    pub fn list_pages(&self) -> Paginated {
        ListPage::paginate(self.list_items(), None)
    }

    fn list_items(&self) -> Vec<ListItem> {
        self.articles
            .values()
            .map(|loaded| {
                let mut item = ListItem::from(&*loaded.source);
                if let Some(translations) = self.translations.get(&loaded.source.slug) {
                    item.translations.clone_from(translations);
                }
                if let Some(image) = &mut item.thumbnail
                    && let Some(original) = self.original(image.src.as_str())
                {
                    self.photos.publish(image, &original, Place::Thumbnail);
                }
                item
            })
            .collect()
    }

    /// Everyone who spoke, and each person's speeches.
    pub fn speakers(&self) -> (Speakers, Vec<Speaker>) {
        let articles = self.articles.values().map(|loaded| &*loaded.source);
        let (index, mut pages) = reader_model::build_speakers(articles, &self.aliases);
        for page in &mut pages {
            if let Some(translations) = self.speaker_translations.get(&page.slug) {
                page.translations.clone_from(translations);
            }
        }
        (index, pages)
    }

    /// The related articles an article is published with: those its
    /// editor named (that exist; `[]`: none), else the ones chosen for it.
    pub fn related(&self, slug: &Slug) -> Vec<RelatedLink> {
        let Some(loaded) = self.articles.get(slug) else {
            return Vec::new();
        };
        let slugs = match &loaded.source.related {
            Some(named) => named.as_slice(),
            None => (self.automatic.get_or_init(|| self.choose_related()))
                .get(slug)
                .map_or(&[][..], Vec::as_slice),
        };
        slugs
            .iter()
            .filter_map(|slug| {
                self.articles.get(slug).map(|target| RelatedLink {
                    slug: slug.clone(),
                    headline: target.source.headline.clone(),
                    headline_breaks: target.source.headline_breaks.clone(),
                })
            })
            .collect()
    }

    /// The published form of one article: its JSON as written, with
    /// `related` resolved to links.
    ///
    /// # Errors
    /// The file cannot be read again, or no longer parses.
    pub fn published_article(&self, slug: &Slug) -> io::Result<Value> {
        self.publish_with(slug, &self.related(slug))
    }

    /// [`Content::published_article`] with these related links.
    pub(crate) fn publish_with(&self, slug: &Slug, related: &[RelatedLink]) -> io::Result<Value> {
        let loaded = self
            .articles
            .get(slug)
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, slug.as_str()))?;
        let text = crate::article_file::read_source(&loaded.path)?;
        let (mut json, _) = article_json(&loaded.path, &text)?;
        if let Value::Object(map) = &mut json {
            map.insert(
                "related".into(),
                serde_json::to_value(related).map_err(io::Error::other)?,
            );
            if let Some(translations) = self.translations.get(slug) {
                map.insert(
                    "translations".into(),
                    serde_json::to_value(translations).map_err(io::Error::other)?,
                );
            }
            // The build's, never a file's own (editors do not write it).
            map.remove("headline_breaks");
            if !loaded.source.headline_breaks.is_empty() {
                map.insert(
                    "headline_breaks".into(),
                    serde_json::to_value(&loaded.source.headline_breaks)
                        .map_err(io::Error::other)?,
                );
            }
            map.remove("$schema");
        }
        for (steps, place) in checks::images(&json) {
            let image = steps.iter().try_fold(&mut json, |value, step| match step {
                Step::Key(key) => value.get_mut(key.as_str()),
                Step::Index(index) => value.get_mut(*index),
            });
            if let Some(image) = image
                && let Some(original) = image["src"].as_str().and_then(|src| self.original(src))
            {
                self.photos.publish_json(image, &original, place);
            }
        }
        Ok(json)
    }

    pub(crate) fn add(&mut self, loaded: Loaded) {
        let slug = loaded.source.slug.clone();
        if let Some(first) = self.articles.get(&slug) {
            self.problems.push(Problem::error(
                &loaded.path,
                locate_in(&loaded.path, &["slug".into()]),
                &format!(
                    "slug {:?} is already used by {}",
                    slug.as_str(),
                    first.path.display()
                ),
            ));
            return;
        }
        self.articles.insert(slug, loaded);
    }

    /// A section that one article alone names, spelt nearly as one that
    /// others name ("Reserch", "research"), is most likely a typo: a
    /// warning at the article's field (a new section is no error, so the
    /// build goes on and publishes it).
    pub(crate) fn check_sections(&mut self) {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for loaded in self.articles.values() {
            *counts.entry(loaded.source.section.trim()).or_default() += 1;
        }
        let mut warnings = Vec::new();
        for loaded in self.articles.values() {
            let section = loaded.source.section.trim();
            if counts.get(section) != Some(&1) {
                continue;
            }
            let meant = (counts.iter())
                .filter(|(other, count)| **count > 1 && **other != section)
                .map(|(other, _)| {
                    (
                        strsim::damerau_levenshtein(&section.to_lowercase(), &other.to_lowercase()),
                        *other,
                    )
                })
                .filter(|(distance, other)| *distance <= 2 && *distance < other.chars().count() / 2)
                .min();
            if let Some((_, meant)) = meant {
                warnings.push(Problem::warning(
                    &loaded.path,
                    locate_in(&loaded.path, &["section".into()]),
                    &format!(
                        "section {section:?} is this article's alone: did you mean {meant:?}? (a new section gets its own list and link)"
                    ),
                ));
            }
        }
        self.problems.extend(warnings);
    }

    /// A related article an editor named must exist, in the article's own
    /// edition (`elsewhere`: the editions of the site's other articles,
    /// by slug), be another article, and be named once.
    pub(crate) fn check_related(&mut self, elsewhere: &HashMap<Slug, String>) {
        let mut dead = Vec::new();
        for (slug, loaded) in &self.articles {
            let related = loaded.source.related_articles();
            for (i, target) in related.iter().enumerate() {
                let other;
                let wrong = if !self.articles.contains_key(target) {
                    if self.unloaded.contains(target.as_str()) {
                        continue;
                    }
                    match elsewhere.get(target) {
                        Some(code) => {
                            other = format!(
                                "is in the other edition ({code}): an article's related articles are of its own edition"
                            );
                            other.as_str()
                        }
                        None => "does not exist",
                    }
                } else if target == slug {
                    "is this article itself"
                } else if related[..i].contains(target) {
                    "is named twice"
                } else {
                    continue;
                };
                dead.push(Problem::error(
                    &loaded.path,
                    locate_in(&loaded.path, &["related".into(), i.into()]),
                    &format!("related article {:?} {wrong}", target.as_str()),
                ));
            }
        }
        self.problems.extend(dead);
    }

    fn choose_related(&self) -> HashMap<Slug, Vec<Slug>> {
        let slugs: Vec<&Slug> = self.articles.keys().collect();
        let canonical = self.aliases.canonical_names();
        let traits: Vec<related::Traits> = self
            .articles
            .values()
            .map(|loaded| related::Traits {
                published: loaded.source.published,
                section: &loaded.source.section,
                speakers: loaded
                    .source
                    .body
                    .speeches()
                    .map(|speech| {
                        let name = speech.speaker.trim();
                        canonical.get(name).map_or(name, |c| c).to_owned()
                    })
                    .collect(),
            })
            .collect();
        let chosen = related::automatic(&traits);
        self.articles
            .iter()
            .zip(chosen)
            .filter(|((_, loaded), _)| loaded.source.related.is_none())
            .map(|((slug, _), chosen)| {
                (
                    slug.clone(),
                    chosen.into_iter().map(|i| slugs[i].clone()).collect(),
                )
            })
            .collect()
    }
}
