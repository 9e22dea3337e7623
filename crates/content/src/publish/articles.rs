//! The articles: each published as the app fetches it, with its related
//! links resolved and its photographs' copies named. In an update, an
//! article whose stamp stands (its file's text, related links and the
//! tool as when it was last published here) is kept as it is
//! ([`crate::incremental::stamps`]).

use std::collections::HashSet;
use std::ffi::{OsStr, OsString};
use std::fs;
use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};

use reader_model::Slug;
use reader_model::layout::{ContentFile, ContentFolder};
use reader_output::Output;
use reader_output::state::StateFile;

use rayon::prelude::*;

use super::lists::write_json;
use crate::incremental::read_cache::Loaded;
use crate::incremental::stamps::{self, ArticleStamps};
use crate::plan::{Articles, Plan, file_name};
use crate::progress::Progress;

/// Publishes the articles the plan names; returns how many were written
/// (the others were kept as they are).
pub(super) fn write(plan: &Plan, output: &Output) -> io::Result<usize> {
    let content = plan.content;
    let dir = plan.out.join(ContentFolder::Articles.name());
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
    let tool = stamps::tool();
    // What is published there already: one listing, not a stat each
    // (for a few articles, a stat each).
    let present: Option<HashSet<OsString>> = match read_again {
        Some(_) => None,
        None => Some(match fs::read_dir(&dir) {
            Ok(entries) => entries
                .map(|entry| entry.map(|entry| entry.file_name()))
                .collect::<io::Result<_>>()?,
            Err(err) if err.kind() == io::ErrorKind::NotFound => HashSet::new(),
            Err(err) => return Err(err),
        }),
    };
    let articles: Vec<(&Slug, &Loaded)> = match read_again {
        None => content.articles.iter().collect(),
        Some(links) => (content.articles.iter())
            .filter(|(slug, loaded)| links.contains_key(*slug) || !loaded.photos.is_empty())
            .collect(),
    };
    let progress = Progress::new("published", articles.len());
    let published = AtomicUsize::new(0);
    let now = articles
        .par_iter()
        .map(|(slug, loaded)| {
            let name = file_name(&ContentFile::Article(slug));
            let path = dir.join(&name);
            let related = read_again
                .and_then(|links| links.get(*slug).cloned().flatten())
                .unwrap_or_else(|| content.related(slug));
            let stamp =
                (loaded.photos.is_empty()).then(|| stamps::stamp(tool, loaded.text_hash, &related));
            let there = || match &present {
                Some(present) => present.contains(OsStr::new(&name)),
                None => path.is_file(),
            };
            let kept = stamp.is_some() && stamps.get(slug.as_str()) == stamp && there();
            if !kept {
                write_json(output, &path, &content.publish_with(slug, &related)?)?;
                published.fetch_add(1, Ordering::Relaxed);
            }
            progress.tick();
            Ok(((*slug).to_string(), stamp, kept.then_some(path)))
        })
        .collect::<io::Result<Vec<_>>>()?;
    let (now, kept): (Vec<_>, Vec<_>) = (now.into_iter())
        .map(|(slug, stamp, path)| ((slug, stamp), path))
        .unzip();
    // Kept in one go (not a lock each).
    output.keep_all(kept.into_iter().flatten());
    match (&file, read_again) {
        (None, _) => {}
        // Every article, in order.
        (Some(file), None) => {
            let lines: Vec<(String, u64)> = (now.into_iter())
                .filter_map(|(slug, stamp)| Some((slug, stamp?)))
                .collect();
            stamps::write_lines(&lines, file)?;
        }
        (Some(file), Some(_)) => {
            for (slug, stamp) in now {
                stamps.set(slug, stamp);
            }
            stamps::write_lines(&stamps.lines(), file)?;
        }
    }
    Ok(published.into_inner())
}
