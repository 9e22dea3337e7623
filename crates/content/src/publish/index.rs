//! The search index: kept, built whole, or updated in place from the
//! articles whose words changed (`reader_search_build`), as planned.

use std::io;

use reader_model::layout::ContentFolder;
use reader_output::Output;
use reader_search_build::{Change, WordSets};

use super::IndexMade;
use crate::article_file::full_source;
use crate::plan::{IndexPlan, Plan};
use crate::progress::Clock;

/// Makes the search index as the plan says, numbering the articles in its
/// order and naming its files by the plan's key length.
pub(super) fn write(plan: &Plan, output: &Output, clock: &mut Clock) -> io::Result<IndexMade> {
    let search_dir = plan.out.join(ContentFolder::Search.name());
    let order = &plan.order;
    Ok(match &plan.index {
        IndexPlan::Keep => {
            output.keep_below(&search_dir)?;
            IndexMade::Kept
        }
        IndexPlan::Update(now, state, before) => {
            // Gone while the files change: a build stopped halfway
            // leaves no state, and the next builds the index whole.
            reader_output::remove_if_there(state)?;
            let changes: Vec<Change> = (before.iter())
                .map(|(id, before)| {
                    Ok(Change {
                        id: *id,
                        before: before.clone(),
                        after: WordSets::of(&full_source(order[*id as usize])?),
                    })
                })
                .collect::<io::Result<_>>()?;
            let made = match reader_search_build::update::update(
                &search_dir,
                plan.key_chars,
                &changes,
                output,
            ) {
                Ok(()) => {
                    output.keep_below(&search_dir)?;
                    IndexMade::Updated(changes.len())
                }
                Err(err) if err.kind() == io::ErrorKind::InvalidData => {
                    let (index, _) =
                        reader_search_build::build(order, |l| full_source(l), plan.key_chars)?;
                    reader_search_build::write(&search_dir, &index, output)?;
                    IndexMade::Whole
                }
                Err(err) => return Err(err),
            };
            clock.phase("search index");
            now.save(state)?;
            made
        }
        IndexPlan::Whole(state) => {
            if let Some(state) = state {
                reader_output::remove_if_there(state)?;
            }
            let (index, indexed) =
                reader_search_build::build(order, |l| full_source(l), plan.key_chars)?;
            clock.phase("search index");
            reader_search_build::write(&search_dir, &index, output)?;
            if let Some(state) = state {
                indexed.save(state)?;
            }
            IndexMade::Whole
        }
    })
}
