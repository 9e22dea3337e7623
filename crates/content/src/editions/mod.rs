//! The site's editions, one per language: English at the site's root and,
//! say, Chinese under `zh/`, each a site of its own (its lists, sections,
//! speakers, search index and pages), built from one content folder.
//!
//! `content/site.json` configures them: its own fields are the first
//! edition's (its `language`, `en`, names it), and each entry of its
//! `languages` is another edition's settings (`code`, `language`,
//! `language_name`, and the site's `name`, `description`, `list_title`,
//! `home`, `nav` and `footer` in that language). An article says its
//! edition with `language: zh`; without it, it is the first edition's. An
//! article may name a `translation_key` it shares with its translation in
//! another edition; the build finds the pairs, and reports a key that
//! dangles or names two articles of one edition, where it is written.
//! Every edition's language must have a complete table of labels
//! (`i18n/`, `reader_model::Labels`).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use reader_model::{EditionLink, Slug, Translation};
use serde_json::{Value, json};

use crate::article_file::locate_in;
use crate::content::Content;
use crate::load::SITE_FILE;
use crate::plan::Mode;
use crate::problem::Problem;
use reader_output::state::EditionState;

mod counterparts;
mod settings;
mod translations;
use counterparts::{section_translations, speaker_translations};
use settings::{path_of, settings};
use translations::translations;

/// One edition, as the build makes it.
pub struct Edition {
    /// Its language's code (`en`, `zh`).
    pub code: String,
    /// Its folder below the site's root: `""` for the first edition,
    /// `zh/` for another.
    pub path: String,
    /// Its articles and settings.
    pub content: Content,
}

impl Edition {
    /// Where this edition is published when the first edition is into
    /// `out` (a site's `content/`): `out` itself for the first, the same
    /// place below the edition's folder for another (`zh/content`).
    pub fn out(&self, out: &Path) -> PathBuf {
        if self.path.is_empty() {
            return out.to_path_buf();
        }
        let parent = out.parent().unwrap_or(Path::new(""));
        let name = out.file_name().unwrap_or_default();
        parent.join(&self.path).join(name)
    }

    /// How this edition is built when the first is built as `mode`: an
    /// update keeps its state in the first's state folder
    /// (`reader_output::state::EditionState`).
    pub fn mode(&self, mode: &Mode) -> Mode {
        match mode {
            Mode::Update(state) if !self.path.is_empty() => {
                Mode::Update(EditionState::Content.in_folder(state, &self.code))
            }
            other => other.clone(),
        }
    }
}

impl Content {
    /// The content of each of the site's editions, and what is wrong with
    /// them (an article in a language the site has not, a language without
    /// a complete table of labels, a translation key that dangles or is
    /// shared within an edition, a related article in another edition). A
    /// site of one language is one edition: this content, as it is.
    pub fn editions(self) -> (Vec<Edition>, Vec<Problem>) {
        let site_file = self.root.join(SITE_FILE);
        let mut problems = Vec::new();
        let settings = settings(self.site.as_ref(), &site_file, &mut problems);
        if settings.len() < 2 {
            problems.extend(self.problems.iter().cloned());
            // An article in a language the site has no edition for would
            // be published in this one, as if in its language.
            if let Some(only) = settings.first() {
                for loaded in self.articles.values() {
                    let language = loaded.source.language.as_deref();
                    if let Some(code) = language.filter(|code| *code != only.code) {
                        problems.push(not_the_sites(loaded, code, &[&only.code]));
                    }
                }
            }
            let code = settings
                .first()
                .map_or_else(|| "en".to_owned(), |s| s.code.clone());
            let edition = Edition {
                code,
                path: String::new(),
                content: self,
            };
            return (vec![edition], problems);
        }
        let codes: Vec<&str> = settings.iter().map(|s| s.code.as_str()).collect();
        let mut parts: Vec<BTreeMap<Slug, crate::incremental::read_cache::Loaded>> =
            settings.iter().map(|_| BTreeMap::new()).collect();
        for (slug, loaded) in self.articles.iter() {
            let code = loaded.source.language.as_deref().unwrap_or(codes[0]);
            match codes.iter().position(|known| *known == code) {
                Some(at) => {
                    parts[at].insert(slug.clone(), loaded.clone());
                }
                None => problems.push(not_the_sites(loaded, code, &codes)),
            }
        }
        // The files that failed to load: a key one of them names is not
        // said to dangle (its article is missing for that reason alone).
        let mut failed: Vec<&Path> = (self.problems.iter())
            .filter(|problem| problem.severity == crate::Severity::Error)
            .map(|problem| problem.file.as_path())
            .collect();
        failed.dedup();
        let failed: Vec<String> = (failed.iter())
            .filter_map(|path| crate::article_file::read_source(path).ok())
            .collect();
        let translations = translations(&parts, &codes, &failed, &mut problems);
        let mut section_translations = section_translations(&parts, &codes, &translations);
        let mut speaker_translations =
            speaker_translations(&parts, &codes, &translations, &self.aliases);
        // Each article's edition, for a related article named across them.
        let elsewhere: HashMap<Slug, String> = (parts.iter().zip(&codes))
            .flat_map(|(articles, code)| {
                articles
                    .keys()
                    .map(|slug| (slug.clone(), (*code).to_owned()))
            })
            .collect();
        let links: Vec<EditionLink> = (settings.iter().enumerate())
            .map(|(at, s)| EditionLink {
                code: s.code.clone(),
                name: s.name.clone(),
                language: s.language.clone(),
                path: path_of(at, &s.code),
                current: false,
            })
            .collect();
        let editions = (settings.into_iter().zip(parts).enumerate())
            .map(|(at, (settings, articles))| {
                let mut site = settings.site;
                let mut links = links.clone();
                links[at].current = true;
                if let Value::Object(map) = &mut site {
                    map.insert("editions".into(), json!(links));
                }
                let sections = std::mem::take(&mut section_translations[at]);
                let speakers = std::mem::take(&mut speaker_translations[at]);
                let content = self.edition(
                    site,
                    articles,
                    &translations,
                    sections,
                    speakers,
                    &elsewhere,
                );
                Edition {
                    path: path_of(at, &settings.code),
                    code: settings.code,
                    content,
                }
            })
            .collect::<Vec<_>>();
        // What loading found (each file read and checked), then what each
        // edition's own checks find (a related article in another
        // edition), each said once.
        problems.extend(self.problems.iter().cloned());
        for edition in &editions {
            for problem in &edition.content.problems {
                if !problems.contains(problem) {
                    problems.push(problem.clone());
                }
            }
        }
        (editions, problems)
    }

    /// This content, holding only `articles`, with `site` as its settings.
    fn edition(
        &self,
        site: Value,
        articles: BTreeMap<Slug, crate::incremental::read_cache::Loaded>,
        translations: &HashMap<Slug, Vec<Translation>>,
        section_translations: HashMap<String, Vec<Translation>>,
        speaker_translations: HashMap<Slug, Vec<Translation>>,
        elsewhere: &HashMap<Slug, String>,
    ) -> Content {
        let mut content = Content {
            root: self.root.clone(),
            site: Some(site),
            aliases: self.aliases.clone(),
            fresh: (self.fresh.iter())
                .filter(|slug| articles.contains_key(*slug))
                .cloned()
                .collect(),
            translations: (articles.keys())
                .filter_map(|slug| Some((slug.clone(), translations.get(slug)?.clone())))
                .collect(),
            section_translations,
            speaker_translations,
            articles,
            unloaded: self.unloaded.clone(),
            automatic: std::sync::OnceLock::new(),
            photos: crate::photos::Photos::default(),
            photo_cache: self.photo_cache.clone(),
            problems: Vec::new(),
            read: 0,
            phases: self.phases.clone(),
        };
        content.check_related(elsewhere);
        content.inspect_photos(&self.photos);
        content
    }
}

/// An article in `code`, a language none of the site's editions (`codes`)
/// is in.
fn not_the_sites(
    loaded: &crate::incremental::read_cache::Loaded,
    code: &str,
    codes: &[&str],
) -> Problem {
    Problem::error(
        &loaded.path,
        locate_in(&loaded.path, &["language".into()]),
        &format!(
            "language {code:?} is not one of the site's ({}): add its edition to site.json's \"languages\", or remove the field",
            codes.join(", ")
        ),
    )
}
