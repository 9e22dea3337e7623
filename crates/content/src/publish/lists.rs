//! The archive-wide files: `site.json` (with the sections added), the
//! news list's pages and each section's, the speakers' index and a file
//! per person.

use std::io;
use std::path::Path;

use rayon::prelude::*;
use reader_model::layout::ContentFile;
use reader_model::{LIST_PAGE_SIZE, ListPage, Paginated};
use reader_output::Output;
use serde_json::Value;

use crate::content::Content;
use crate::progress::Clock;

/// Writes `site.json` (with the sections every article names, and how many
/// characters name the search index's files: `key_chars`, which the app
/// asks for them by), the lists (from the news list's pages, `list`), and
/// the speakers' files.
pub(super) fn write(
    content: &Content,
    out: &Path,
    output: &Output,
    list: &Paginated,
    key_chars: usize,
    clock: &mut Clock,
) -> io::Result<()> {
    let sections = content.sections();
    if let Some(site) = &content.site {
        let mut site = site.clone();
        if let Value::Object(map) = &mut site {
            map.insert(
                "sections".into(),
                serde_json::to_value(&sections).map_err(io::Error::other)?,
            );
            map.insert("search_key_chars".into(), key_chars.into());
        }
        write_json(output, &out.join(ContentFile::Site.path()), &site)?;
    }
    write_pages(output, out, list)?;
    // Each section's list from the news list's items, already newest
    // first (no pass over every article).
    let newest_first = list.newest_first();
    sections.par_iter().try_for_each(|section| {
        write_pages(output, out, &Paginated::of_section(&newest_first, section))
    })?;
    clock.phase("lists");
    let (speakers, people) = content.speakers();
    write_json(output, &out.join(ContentFile::Speakers.path()), &speakers)?;
    people.par_iter().try_for_each(|person| {
        let file = out.join(ContentFile::Speaker(&person.slug).path());
        write_json(output, &file, person)
    })?;
    clock.phase("speakers");
    Ok(())
}

/// A list's front and its archive pages, each as its file below `out`
/// (written only where their bytes change: publishing an article changes
/// the front and the newest pages).
fn write_pages(output: &Output, out: &Path, list: &Paginated) -> io::Result<()> {
    debug_assert!(
        list.archive
            .iter()
            .all(|p| p.articles().len() <= LIST_PAGE_SIZE)
    );
    let write = |page: &ListPage| {
        let file = out.join(ContentFile::list_page(page).path());
        write_json(output, &file, page)
    };
    write(&list.front)?;
    // On every core: a large archive's list has thousands of pages to
    // compare.
    list.archive.par_iter().try_for_each(write)
}

/// `value` as JSON at `path`, written only if its bytes change.
pub(super) fn write_json<T: serde::Serialize>(
    output: &Output,
    path: &Path,
    value: &T,
) -> io::Result<()> {
    let text = reader_model::to_json(value).map_err(io::Error::other)?;
    output.write(path, text).map(drop)
}
