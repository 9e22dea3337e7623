//! What a run of the prerender starts from, read once: Trunk's template
//! (with the loader deferred), the site's settings and public address,
//! the deployment's plan, the state the last build kept, the content
//! build's journal, and what the site's pages are made from (the
//! published lists and speakers, or, when the journal says only articles
//! changed, just those articles).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;
use reader_deploy::Deployment;
use reader_model::layout::{CONTENT_DIR, ContentFile, PAGE_INDEX};
use reader_model::{Article, EditionLink, ListItem, ListPage, Paginated, Site, Speaker, Speakers};

use crate::mode::Mode;
use crate::offline::Offline;
use crate::public_url::PublicUrl;
use crate::reading::{self, ReadingApp};
use crate::state::{self, State};
use crate::styles::Styles;
use crate::work::Work;
use crate::{Options, PrerenderError, loader, read, read_json};

/// What one run starts from.
pub struct Inputs {
    pub(crate) mode: Mode,
    /// The edition this run renders, by its code; `None` for the site's
    /// first (or only) one.
    pub(crate) edition: Option<String>,
    /// Trunk's output, with the content build's in its `content/`.
    pub(crate) dist: PathBuf,
    /// Where the host files that do not go into `dist` are written.
    pub(crate) configs: PathBuf,
    /// The folder the site is served from (`/`, `/news/`).
    pub(crate) base: String,
    /// Trunk's `index.html` as the full build found it (kept in the state:
    /// by an update, `index.html` is the home page).
    pub(crate) trunks: String,
    /// The template every page is written into: Trunk's, with the loader
    /// deferred and a slot for each page's styles.
    pub(crate) template: String,
    /// The stylesheet's parts, for each page's slot.
    pub(crate) styles: Styles,
    /// The reading app, if the build has one (`crate::reading`).
    pub(crate) reading: Option<ReadingApp>,
    /// The hashed files the service worker keeps once a page asks for
    /// them, not at its install: the whole app's, where the build has a
    /// reading app.
    pub(crate) kept_later: Vec<String>,
    pub(crate) deployment: Deployment,
    /// Offline reading: the worker, the controls, the manifest.
    pub(crate) offline: Offline,
    pub(crate) site: Site,
    pub(crate) public: PublicUrl,
    /// The published content.
    pub(crate) content: PathBuf,
    /// The stamp every page shares ([`state::common_stamp`]).
    pub(crate) common: u64,
    /// What the last build of the folder made (empty but for an update).
    pub(crate) previous: State,
    /// The content files changed since the last build, when the content
    /// build's journal says so and nothing every page reads changed.
    pub(crate) journal: Option<HashSet<PathBuf>>,
    pub(crate) scope: Scope,
    /// Where the app's compressed copies are kept between builds.
    pub(crate) compress_cache: Option<PathBuf>,
    /// When the run started, and when it had read all this.
    pub(crate) started: Instant,
    pub(crate) read_at: Instant,
}

/// What the units of work are planned from.
pub enum Scope {
    /// The whole site: its published lists and speakers.
    Site(Archive),
    /// Only these articles changed (the journal says so): every other
    /// unit, and the sitemaps, stand as the last build left them.
    Articles(Vec<ListItem>),
}

/// What every edition's run shares: the app's template and its
/// deployment, offline reading, the base.
struct Shared {
    mode: Mode,
    previous: State,
    /// The site's folder, and this edition's (below it, or the same).
    root: String,
    base: String,
    trunks: String,
    template: String,
    styles: Styles,
    reading: Option<ReadingApp>,
    kept_later: Vec<String>,
    deployment: Deployment,
    offline: Offline,
    started: Instant,
}

impl Inputs {
    /// Reads what a run of the prerender on `dist`, served from `base`, as
    /// `options` say, starts from: the site's first edition (the only one
    /// of a site in one language), whose run writes the site-wide files.
    ///
    /// # Errors
    /// Unreadable or invalid content, a site without an origin, a
    /// template without Trunk's loader, an update without the state of a
    /// full build.
    pub fn read(
        dist: &Path,
        base: &str,
        configs: &Path,
        options: &Options,
    ) -> Result<Self, PrerenderError> {
        let started = Instant::now();
        let mode = options.mode.clone();
        let base = reader_model::normalize_base(base);
        let previous = mode.previous();
        let trunks = match (&mode, &previous.template) {
            (Mode::Update(_), Some(template)) => template.clone(),
            (Mode::Update(incremental), None) => {
                return Err(PrerenderError::NoState(incremental.state.clone()));
            }
            // Trunk's fresh output: its apps' scripts minified first.
            _ => crate::scripts::minify_fresh(dist, &read(&dist.join(PAGE_INDEX))?)?,
        };
        let offline = Offline::new(&base, options.offline);
        // Named by their content before the deployment lists the hashed
        // files, which it then counts among them.
        let reading = reading::prepare(dist)?;
        let loader::Deferred {
            template,
            whole_app,
        } = loader::defer(
            &trunks,
            Some(&offline.controls_href()),
            reading.as_ref().map(|app| (app, base.as_str())),
        )?;
        // The whole app's files, by their names in the top folder.
        let kept_later = match reading {
            Some(_) => (whole_app.iter())
                .filter_map(|href| href.rsplit('/').next())
                .map(str::to_owned)
                .collect(),
            None => Vec::new(),
        };
        let (template, styles) = Styles::read(&template, dist, &base)?;
        let template = crate::icon::inline(&template, dist, &base)?;
        let mut deployment = Deployment::plan(dist, &base, &template)?;
        deployment.style_hashes = styles.hashes();
        // The offline controls are named by their content too.
        deployment.hashed_files.push(offline.controls_file.clone());
        let shared = Shared {
            mode,
            previous,
            root: base.clone(),
            base,
            trunks,
            template,
            styles,
            reading,
            kept_later,
            deployment,
            offline,
            started,
        };
        let mut inputs = Self::of_edition(shared, dist, configs, options, None)?;
        // The host's rules know every edition's folder (its "not found").
        inputs.deployment.editions = (inputs.site.other_editions())
            .map(|edition| edition.path.clone())
            .collect();
        Ok(inputs)
    }

    /// What the run of another of the site's editions (`edition`, below
    /// the first's folder) starts from: this run's template, deployment
    /// and offline reading, the edition's own content, state and journal.
    ///
    /// # Errors
    /// As [`Inputs::read`].
    pub fn read_edition(
        &self,
        edition: &EditionLink,
        options: &Options,
    ) -> Result<Self, PrerenderError> {
        let started = Instant::now();
        let mode = self.mode.for_edition(&edition.code);
        let previous = mode.previous();
        let base = format!("{}{}", self.base, edition.path);
        let mut deployment = self.deployment.clone();
        deployment.base.clone_from(&base);
        let shared = Shared {
            mode,
            previous,
            root: self.base.clone(),
            base,
            trunks: self.trunks.clone(),
            template: self.template.clone(),
            styles: self.styles.clone(),
            reading: self.reading.clone(),
            kept_later: self.kept_later.clone(),
            deployment,
            offline: self.offline.clone(),
            started,
        };
        let dist = self.dist.join(&edition.path);
        Self::of_edition(
            shared,
            &dist,
            &self.configs,
            options,
            Some(edition.code.clone()),
        )
    }

    /// The inputs of one edition's run, its content in `dist`'s.
    fn of_edition(
        shared: Shared,
        dist: &Path,
        configs: &Path,
        options: &Options,
        edition: Option<String>,
    ) -> Result<Self, PrerenderError> {
        let Shared {
            mode,
            previous,
            root,
            base,
            trunks,
            template,
            styles,
            reading,
            kept_later,
            deployment,
            offline,
            started,
        } = shared;
        let content = dist.join(CONTENT_DIR);
        let site_file = content.join(ContentFile::Site.path());
        let site_json = read(&site_file)?;
        let site: Site = reader_model::from_json(&site_json)
            .map_err(|e| PrerenderError::Content(site_file, e))?;
        let origin = site.origin.as_ref().ok_or(PrerenderError::NoOrigin)?;
        let public = PublicUrl::new(origin, &root)?.in_edition(&base[root.len()..]);
        // Trunk's page names the whole app; the reading app's names count
        // too (every page's loader names both).
        let made_from = match &reading {
            Some(app) => format!("{trunks}\n{}\n{}", app.script.name, app.wasm.name),
            None => trunks.clone(),
        };
        let common = state::common_stamp(&made_from, &base, site_json.as_bytes());
        let journal = (previous.journal.as_ref())
            .filter(|journal| mode.is_update() && journal.common == common)
            .zip(
                mode.incremental()
                    .and_then(|inc| inc.content_state.as_deref()),
            )
            .and_then(|(journal, dir)| reader_output::journal::read(dir, &journal.token));
        // When the journal says only articles changed (no list, section or
        // speaker), the lists are not read, and the units are those
        // articles'.
        let standing =
            (journal.as_ref()).and_then(|changed| standing_articles(changed, &previous, &content));
        let scope = match standing {
            Some(items) => Scope::Articles(items),
            None => Scope::Site(Archive::read(&content, &site)?),
        };
        Ok(Self {
            mode,
            edition,
            dist: dist.to_path_buf(),
            configs: configs.to_path_buf(),
            base,
            trunks,
            template,
            styles,
            reading,
            kept_later,
            deployment,
            offline,
            site,
            public,
            content,
            common,
            previous,
            journal,
            scope,
            compress_cache: options.compress_cache.clone(),
            started,
            read_at: Instant::now(),
        })
    }

    /// Whether this run is the first edition's, which writes the site-wide
    /// files: the app's compressed copies, `robots.txt`, offline reading,
    /// the host's rules.
    pub fn is_first_edition(&self) -> bool {
        self.edition.is_none()
    }
}

/// The published lists, sections and speakers: what plans the site's
/// units (see [`crate::work::plan`]).
pub struct Archive {
    pub(crate) lists: Vec<ListPage>,
    pub(crate) speakers: Speakers,
    pub(crate) people: Vec<Speaker>,
}

impl Archive {
    /// The news list and the speakers as published in `content`; each
    /// section's list made from the news list as the content build made
    /// it (not read again: half the files).
    fn read(content: &Path, site: &Site) -> Result<Self, PrerenderError> {
        let mut list = read_list(content)?;
        let mut news = Paginated {
            front: list.remove(0),
            archive: list,
        };
        news.mark_on_front();
        let newest_first = news.newest_first();
        let sections: Vec<Paginated> = (site.sections.par_iter())
            .map(|section| Paginated::of_section(&newest_first, section))
            .collect();
        drop(newest_first);
        let speakers: Speakers = read_json(&content.join(ContentFile::Speakers.path()))?;
        let people = (speakers.speakers.par_iter())
            .map(|person| read_json(&content.join(ContentFile::Speaker(&person.slug).path())))
            .collect::<Result<Vec<Speaker>, _>>()?;
        let lists = (std::iter::once(news).chain(sections))
            .flat_map(|list| std::iter::once(list.front).chain(list.archive))
            .collect();
        Ok(Self {
            lists,
            speakers,
            people,
        })
    }
}

/// Every page of the news list: its front, then its archive pages from
/// the first to the last there is.
fn read_list(content: &Path) -> Result<Vec<ListPage>, PrerenderError> {
    let file = |page| {
        content.join(
            ContentFile::List {
                section: None,
                page,
            }
            .path(),
        )
    };
    let archive_pages = (1..).take_while(|k| file(Some(*k)).is_file()).count();
    let files: Vec<PathBuf> = std::iter::once(file(None))
        .chain((1..=archive_pages).map(|k| file(Some(k))))
        .collect();
    files.par_iter().map(|file| read_json(file)).collect()
}

/// The articles the content build's journal says changed, as list items,
/// when nothing else that pages are made from did (only articles, and
/// the search index, pictures and schema no page reads) and each was
/// published by the last build; `None` otherwise.
fn standing_articles(
    changed: &HashSet<PathBuf>,
    previous: &State,
    content: &Path,
) -> Option<Vec<ListItem>> {
    use reader_model::layout::ContentFolder;
    let unread = [
        ContentFolder::Search.name(),
        ContentFolder::Photos.name(),
        ContentFolder::Images.name(),
    ];
    let schema = ContentFile::Schema.path();
    let mut items = Vec::new();
    for path in changed {
        let top = path.components().next()?.as_os_str().to_str()?;
        if top == ContentFolder::Articles.name() {
            let article: Article = read_json(&content.join(path)).ok()?;
            let item = ListItem::from(&article);
            if !previous.units.contains_key(&Work::Article(&item).key()) {
                return None;
            }
            items.push(item);
        } else if !(unread.contains(&top) || top == schema) {
            return None;
        }
    }
    items.sort_by(|a, b| a.slug.cmp(&b.slug));
    Some(items)
}
