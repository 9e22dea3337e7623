//! The articles: each published as the app fetches it, with its related
//! links resolved and its photographs' copies named. In an update, an
//! article whose stamp stands (its file's text, related links and the
//! tool as when it was last published here) is kept as it is
//! ([`crate::incremental::stamps`]).

use std::collections::{HashMap, HashSet};
use std::ffi::{OsStr, OsString};
use std::fs;
use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use reader_model::layout::{ContentFile, ContentFolder};
use reader_model::{RelatedLink, Slug};
use reader_output::Output;
use reader_output::state::StateFile;

use rayon::prelude::*;

use super::lists::write_json;
use crate::content::Content;
use crate::incremental::read_cache::Loaded;
use crate::incremental::stamps::{self, ArticleStamps};
use crate::plan::{Articles, Plan, file_name};
use crate::progress::Progress;

/// Publishes the articles the plan names; returns how many were written
/// (the others were kept as they are).
pub(super) fn write(plan: &Plan, output: &Output) -> io::Result<usize> {
    let content = plan.content;
    let read_again = match &plan.articles {
        Articles::All => None,
        Articles::ReadAgain(links) => Some(links),
    };
    if read_again.is_some_and(|links| links.is_empty())
        && content
            .articles
            .values()
            .all(|loaded| loaded.photos.is_empty())
    {
        // Nothing read again, no photographs: every article stands.
        return Ok(0);
    }
    let file = plan
        .mode
        .state()
        .map(|state| StateFile::Articles.in_folder(state));
    let mut stamps = file.as_deref().map(ArticleStamps::load).unwrap_or_default();
    // Gone while the files change: a build stopped halfway leaves no
    // stamps, and the next publishes every article.
    if let Some(file) = &file {
        reader_output::remove_if_there(file)?;
    }
    let dir = plan.out.join(ContentFolder::Articles.name());
    let articles: Vec<(&Slug, &Loaded)> = match read_again {
        None => content.articles.iter().collect(),
        Some(links) => (content.articles.iter())
            .filter(|(slug, loaded)| links.contains_key(*slug) || !loaded.photos.is_empty())
            .collect(),
    };
    let job = Job {
        content,
        dir: &dir,
        read_again,
        stamps: &stamps,
        // What is published there already: one listing, not a stat each
        // (for a few articles, a stat each).
        present: match read_again {
            Some(_) => None,
            None => Some(listing(&dir)?),
        },
    };
    let (now, published) = job.publish(&articles, output)?;
    if let Some(file) = &file {
        let lines = match read_again {
            // Every article, in order.
            None => (now.into_iter())
                .filter_map(|(slug, stamp)| Some((slug, stamp?)))
                .collect(),
            Some(_) => {
                for (slug, stamp) in now {
                    stamps.set(slug, stamp);
                }
                stamps.lines()
            }
        };
        stamps::write_lines(&lines, file)?;
    }
    Ok(published)
}

/// What publishing each article needs.
struct Job<'a> {
    content: &'a Content,
    /// The published articles' folder.
    dir: &'a Path,
    /// In an update whose archive-wide files stand: the related links of
    /// the articles read again, as published.
    read_again: Option<&'a HashMap<Slug, Option<Vec<RelatedLink>>>>,
    /// The stamps each article was last published with.
    stamps: &'a ArticleStamps,
    /// The files in the folder (`None`: look each one up).
    present: Option<HashSet<OsString>>,
}

impl Job<'_> {
    /// Publishes `articles` on every core, each unless its stamp stands;
    /// returns each one's stamp now, and how many were written.
    #[allow(clippy::type_complexity)]
    fn publish(
        &self,
        articles: &[(&Slug, &Loaded)],
        output: &Output,
    ) -> io::Result<(Vec<(String, Option<u64>)>, usize)> {
        let tool = stamps::tool();
        let progress = Progress::new("published", articles.len());
        let published = AtomicUsize::new(0);
        let done = articles
            .par_iter()
            .map(|(slug, loaded)| {
                let name = file_name(&ContentFile::Article(slug));
                let path = self.dir.join(&name);
                let related = (self.read_again)
                    .and_then(|links| links.get(*slug).cloned().flatten())
                    .unwrap_or_else(|| self.content.related(slug));
                let translations =
                    (self.content.translations.get(*slug)).map_or(&[][..], Vec::as_slice);
                let stamp = (loaded.photos.is_empty())
                    .then(|| stamps::stamp(tool, loaded.text_hash, &related, translations));
                let there = || match &self.present {
                    Some(present) => present.contains(OsStr::new(&name)),
                    None => path.is_file(),
                };
                let kept = stamp.is_some() && self.stamps.get(slug.as_str()) == stamp && there();
                if !kept {
                    write_json(output, &path, &self.content.publish_with(slug, &related)?)?;
                    published.fetch_add(1, Ordering::Relaxed);
                }
                progress.tick();
                Ok(((*slug).to_string(), stamp, kept.then_some(path)))
            })
            .collect::<io::Result<Vec<_>>>()?;
        let (now, kept): (Vec<_>, Vec<_>) = (done.into_iter())
            .map(|(slug, stamp, path)| ((slug, stamp), path))
            .unzip();
        // Kept in one go (not a lock each).
        output.keep_all(kept.into_iter().flatten());
        Ok((now, published.into_inner()))
    }
}

/// The names of the files in `dir` (none if it is not there).
fn listing(dir: &Path) -> io::Result<HashSet<OsString>> {
    match fs::read_dir(dir) {
        Ok(entries) => entries
            .map(|entry| entry.map(|entry| entry.file_name()))
            .collect(),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(HashSet::new()),
        Err(err) => Err(err),
    }
}
