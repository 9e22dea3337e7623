//! What a content build will do, decided before it writes anything: from
//! the checked [`Content`], the folder it publishes into and that folder's
//! saved state ([`crate::incremental`]), a typed [`Plan`]: whether the
//! archive-wide files are made or stand, which articles are published, in
//! which order search numbers them, and how the search index is made.
//! [`crate::publish`] then runs it, stage by stage.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use reader_model::layout::{ContentFile, ContentFolder};
use reader_model::{Paginated, RelatedLink, Slug};
use reader_output::state::StateFile;
use reader_search_build::{Indexed, WordSets};

use crate::content::Content;
use crate::incremental::read_cache::Loaded;
use crate::incremental::{derived, stamps};
use crate::progress::{Clock, Phases};

/// How a content build publishes into its folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Every file made from the content; nothing kept for an update
    /// (`reader-content check`, the tests).
    Whole,
    /// Every file, but the search index's files already in the folder
    /// kept as they are: for a caller that shows a saved edit first and
    /// makes the index after (`build --keep-search-index`). The preview no
    /// longer needs it: it runs an update, which makes again only the
    /// index files an edit changes.
    KeepIndex,
    /// An update of the folder's last build, in place, keeping what that
    /// needs in this state folder (outside what is published): only what
    /// changed is published again (see [`crate::incremental`]), to
    /// exactly what [`Mode::Whole`] writes.
    Update(PathBuf),
}

impl Mode {
    /// The state folder of an update.
    pub fn state(&self) -> Option<&Path> {
        match self {
            Self::Update(state) => Some(state),
            Self::Whole | Self::KeepIndex => None,
        }
    }
}

/// More changed articles than this, and building the index whole is as
/// quick as updating it.
const MOST_CHANGES: usize = 2_000;

/// A content build, planned: what [`Plan::run`] writes, and how.
pub struct Plan<'a> {
    pub(crate) content: &'a Content,
    /// The published content folder.
    pub(crate) out: PathBuf,
    pub(crate) mode: Mode,
    /// Where the journal of what this build changes is kept, for the
    /// prerender's update: the update's state folder, or the folder's own.
    pub(crate) state_folder: PathBuf,
    pub(crate) lists: Lists,
    /// The articles in the search index's order (the news list's, from
    /// the oldest).
    pub(crate) order: Vec<&'a Loaded>,
    pub(crate) articles: Articles,
    pub(crate) index: IndexPlan,
    /// How many characters name the search index's files
    /// ([`reader_search::key_chars_for`] the archive), as `site.json` says.
    pub(crate) key_chars: usize,
    /// In an update, the key of what the archive-wide files are made from
    /// ([`derived`]), recorded once every file is written.
    pub(crate) key: Option<u64>,
    /// Where planning's time went.
    pub(crate) phases: Phases,
}

/// The archive-wide files: `site.json`, the lists, the speakers' files
/// (and the related links, which the articles carry).
pub(crate) enum Lists {
    /// Made, with the news list's pages (each section's list is made
    /// from it).
    Make(Paginated),
    /// Left as the last build wrote them: nothing they are made from
    /// changed.
    Stand,
}

/// Which articles are published.
pub(crate) enum Articles {
    /// Every one (in an update, but those whose stamp stands).
    All,
    /// In an update whose archive-wide files stand: the articles read
    /// again, each with its related links as they were last published
    /// (`None`: not at hand, chosen again), and those with photographs.
    ReadAgain(HashMap<Slug, Option<Vec<RelatedLink>>>),
}

/// How the search index of this build is made.
pub(crate) enum IndexPlan {
    /// The files in the folder kept as they are.
    Keep,
    /// Built from every article, its state recorded in an update.
    Whole(Option<PathBuf>),
    /// Updated in place: the state to record, where, and each changed
    /// article's number with its words in the index before.
    Update(Indexed, PathBuf, Vec<(u32, Option<WordSets>)>),
}

impl Content {
    /// Plans a build of this content into `out` (see [`Mode`]). Reads the
    /// folder's state and the published files it needs to know what
    /// changed; writes nothing.
    pub fn plan(&self, out: &Path, mode: Mode) -> Plan<'_> {
        let mut clock = Clock::start();
        let state = mode.state();
        let state_folder =
            state.map_or_else(|| reader_output::state_folder(out), Path::to_path_buf);
        // In an update, whether the archive-wide files stand as the last
        // build wrote them, and then the search index's order (theirs).
        let key = state.map(|_| {
            derived::key(
                stamps::tool(),
                self.site.as_ref(),
                &self.aliases,
                &self.articles,
                &self.translations,
                derived::counterparts(&self.section_translations, &self.speaker_translations),
                self.photos.fingerprint(),
            )
        });
        // The search index as the last update made it (read once).
        let indexed =
            state.and_then(|state| Indexed::load(&StateFile::SearchIndex.in_folder(state)));
        // How the index in the folder names its files (as its site.json
        // says), and how this build's must: when they differ, nothing of
        // the index or the site stands.
        let key_chars = reader_search::key_chars_for(self.articles.len());
        let same_keys = published_key_chars(out) == Some(key_chars);
        let standing = state
            .filter(|state| key.is_some() && derived::load(state) == key)
            .filter(|_| same_keys && self.holds_last_build(out))
            .and_then(|_| self.order_as_indexed(indexed.as_ref()?));
        let published = out.join(ContentFolder::Articles.name());
        let (lists, order, articles) = match standing {
            Some(order) => (
                Lists::Stand,
                order,
                Articles::ReadAgain(self.read_again(&published)),
            ),
            None => {
                let list = self.list_pages();
                let order = self.index_order(&list);
                (Lists::Make(list), order, Articles::All)
            }
        };
        clock.phase("planning the lists");
        let search = out.join(ContentFolder::Search.name());
        let then = Then {
            indexed: indexed.as_ref(),
            same_keys,
        };
        let index = self.index_plan(&mode, &search, &order, &then, &published);
        clock.phase("search index plan");
        Plan {
            content: self,
            out: out.to_path_buf(),
            mode,
            state_folder,
            lists,
            order,
            articles,
            index,
            key_chars,
            key,
            phases: clock.phases,
        }
    }

    /// The articles in the order search numbers them: the news list's,
    /// from the oldest (the archive pages' order).
    fn index_order(&self, list: &Paginated) -> Vec<&Loaded> {
        (list.archive.iter())
            .flat_map(|page| page.articles().iter().rev())
            .filter_map(|item| self.articles.get(&item.slug))
            .collect()
    }

    /// Whether `out` still holds what the last build wrote there: its
    /// archive-wide files, its search index and a file for every article
    /// (a folder emptied since holds none: Trunk's staging folder is made
    /// afresh for each build, while its state stays until a build
    /// succeeds).
    fn holds_last_build(&self, out: &Path) -> bool {
        let front = ContentFile::List {
            section: None,
            page: None,
        };
        let files = [ContentFile::Site, front, ContentFile::Speakers];
        let folders = [ContentFolder::Search, ContentFolder::Sections];
        let published =
            |entry: &fs::DirEntry| entry.file_name().to_string_lossy().ends_with(".json");
        files.iter().all(|file| out.join(file.path()).is_file())
            && folders
                .iter()
                .all(|folder| out.join(folder.name()).is_dir())
            && fs::read_dir(out.join(ContentFolder::Articles.name())).is_ok_and(|entries| {
                entries.filter_map(Result::ok).filter(published).count() == self.articles.len()
            })
    }

    /// The articles in the order the search index was made in (`indexed`),
    /// if it holds every article and no other (the news list's order when
    /// no article's place in it can have changed).
    fn order_as_indexed(&self, indexed: &Indexed) -> Option<Vec<&Loaded>> {
        let order: Vec<&Loaded> = (indexed.articles.iter())
            .map(|(slug, _)| self.articles.get(&Slug::parse(slug).ok()?))
            .collect::<Option<_>>()?;
        (order.len() == self.articles.len()).then_some(order)
    }

    /// The articles read again, with their related links as published in
    /// `dir` (which stand with the archive-wide files).
    fn read_again(&self, dir: &Path) -> HashMap<Slug, Option<Vec<RelatedLink>>> {
        #[derive(serde::Deserialize)]
        struct Published {
            related: Vec<RelatedLink>,
        }
        (self.fresh.par_iter())
            .map(|slug| {
                let file = dir.join(file_name(&ContentFile::Article(slug)));
                let text = fs::read_to_string(file).ok();
                let published = text.and_then(|text| serde_json::from_str::<Published>(&text).ok());
                (slug.clone(), published.map(|p| p.related))
            })
            .collect()
    }

    /// How this build makes its search index (see [`Mode`]): for an
    /// update, which articles' words changed since the index was made,
    /// and their words as indexed then, read from their published files
    /// (checked against the state's hash of them).
    fn index_plan(
        &self,
        mode: &Mode,
        search_dir: &Path,
        order: &[&Loaded],
        then: &Then,
        published: &Path,
    ) -> IndexPlan {
        let state = match mode {
            Mode::KeepIndex if then.same_keys && search_dir.is_dir() => return IndexPlan::Keep,
            Mode::Whole | Mode::KeepIndex => return IndexPlan::Whole(None),
            Mode::Update(state) => StateFile::SearchIndex.in_folder(state),
        };
        let whole = || IndexPlan::Whole(Some(state.clone()));
        let Some(then) = then
            .indexed
            .filter(|_| then.same_keys && search_dir.is_dir())
        else {
            return whole();
        };
        let now = Indexed {
            articles: (order.iter())
                .map(|loaded| (loaded.source.slug.to_string(), loaded.index_hash))
                .collect(),
        };
        let Some(changed) = now.changed_since(then).filter(|c| c.len() <= MOST_CHANGES) else {
            return whole();
        };
        let mut before = Vec::with_capacity(changed.len());
        for id in changed {
            let Some((slug, hash)) = then.articles.get(id as usize) else {
                before.push((id, None));
                continue;
            };
            let Ok(slug) = Slug::parse(slug) else {
                return whole();
            };
            let file = published.join(file_name(&ContentFile::Article(&slug)));
            let article: Option<reader_model::Article> = fs::read_to_string(&file)
                .ok()
                .and_then(|text| reader_model::from_json(&text).ok());
            match article.filter(|article| Indexed::hash_of(article) == *hash) {
                Some(article) => before.push((id, Some(WordSets::of(&article)))),
                None => return whole(),
            }
        }
        IndexPlan::Update(now, state, before)
    }
}

/// What a build knows of the index the folder's last build made.
struct Then<'a> {
    /// What it was made from (in an update).
    indexed: Option<&'a Indexed>,
    /// Whether its files are named as this build's must be.
    same_keys: bool,
}

/// How many characters name the search index's files in the content
/// folder `out`, as its published `site.json` says (`None`: no site there,
/// or one published before it said).
fn published_key_chars(out: &Path) -> Option<usize> {
    #[derive(serde::Deserialize)]
    struct Published {
        search_key_chars: usize,
    }
    let text = fs::read_to_string(out.join(ContentFile::Site.path())).ok()?;
    Some(
        serde_json::from_str::<Published>(&text)
            .ok()?
            .search_key_chars,
    )
}

/// A published file's name in its folder.
pub(crate) fn file_name(file: &ContentFile) -> String {
    let path = file.path();
    path.rsplit_once('/')
        .map_or_else(|| path.clone(), |(_, name)| name.to_owned())
}
