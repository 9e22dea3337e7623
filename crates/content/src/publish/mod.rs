//! Running a [`Plan`]: the content build's stages, in order, each in a
//! file of its own. Every file is written only where its bytes change
//! (`reader_output`), and the journal records what changed, for the
//! prerender's update.
//!
//! 1. forget the state this build changes ([`Plan::forget_state`]), so a
//!    build stopped halfway leaves none to trust;
//! 2. the archive-wide files: `site.json`, the lists, the speakers
//!    ([`lists`]), unless they stand;
//! 3. the articles ([`articles`]);
//! 4. the search index ([`index`]);
//! 5. the schema, drawings and photographs' copies ([`assets`]);
//! 6. what the build no longer makes is removed, the journal closed and
//!    the state recorded.

mod articles;
mod assets;
mod index;
mod lists;

use std::io;

use reader_model::layout::ContentFolder;
use reader_output::Output;
use reader_output::state::StateFile;

use crate::incremental::derived;
use crate::photos;
use crate::plan::{Lists, Mode, Plan};
use crate::progress::{Clock, Phases};

/// What [`Plan::run`] did.
#[derive(Debug, Clone, Default)]
pub struct Written {
    pub photos: photos::Written,
    /// Files written (their bytes changed), and files made in all.
    pub written: usize,
    pub made: usize,
    /// Files of an earlier build removed.
    pub removed: usize,
    /// How the search index was made.
    pub index: IndexMade,
    /// Articles published (the others were kept as the last build of the
    /// folder published them: see [`Mode::Update`]).
    pub published: usize,
    /// Whether the archive-wide files were written or stood
    /// ([`derived`]).
    pub archive_wide: ArchiveWide,
    pub phases: Phases,
}

/// What a build did with the archive-wide files: `site.json`, the lists,
/// the speakers' files and the related links ([`derived`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ArchiveWide {
    /// Made, each written where its bytes changed.
    #[default]
    Written,
    /// Left as the last build wrote them: nothing they are made from
    /// changed.
    Standing,
}

/// How a build made its search index.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum IndexMade {
    /// Kept as the last build left it.
    #[default]
    Kept,
    /// Built from every article.
    Whole,
    /// Updated in place from this many changed articles.
    Updated(usize),
}

impl Plan<'_> {
    /// Writes the published content as planned, and says what it did.
    ///
    /// # Errors
    /// Any I/O error; the folder may then be partly written (and the
    /// state forgotten, so the next build writes everything).
    pub fn run(self) -> io::Result<Written> {
        let journal = reader_output::journal::Writer::begin(&self.state_folder)?;
        let output = Output::new(&self.out);
        let mut clock = Clock::start();
        clock.phases = self.phases.clone();
        self.forget_state()?;
        // The search index is made on a thread of its own, beside the
        // lists' and the articles' files (it reads only the articles'
        // text): its phases are timed from the same start.
        let mut index_clock = Clock::start();
        let (archive_wide, published, index) = std::thread::scope(|scope| {
            let index = scope.spawn(|| {
                let made = index::write(&self, &output, &mut index_clock);
                index_clock.phase("search index files");
                made
            });
            let archive_wide = match &self.lists {
                Lists::Make(list) => {
                    lists::write(
                        self.content,
                        &self.out,
                        &output,
                        list,
                        self.key_chars,
                        &mut clock,
                    )?;
                    ArchiveWide::Written
                }
                Lists::Stand => {
                    clock.phase("archive-wide files standing");
                    ArchiveWide::Standing
                }
            };
            let published = articles::write(&self, &output)?;
            clock.phase("articles");
            let index = index
                .join()
                .map_err(|_| io::Error::other("the search index's thread panicked"))??;
            clock.phase("waiting for the search index");
            Ok::<_, io::Error>((archive_wide, published, index))
        })?;
        clock.phases.extend(index_clock.phases);
        let photos = assets::write(self.content, &self.out, &output)?;
        clock.phase("pictures");
        // Building into the last build's folder: what it no longer makes
        // (a deleted article, a list page that is gone) goes; with the
        // archive-wide files standing, only pictures can.
        let removed = match archive_wide {
            ArchiveWide::Written => output.prune(&self.out)?,
            ArchiveWide::Standing => [ContentFolder::Images, ContentFolder::Photos]
                .into_iter()
                .map(|folder| output.prune(&self.out.join(folder.name())))
                .sum::<io::Result<usize>>()?,
        };
        journal.end(&self.out, &output.changed())?;
        if let (Some(state), Some(key)) = (self.mode.state(), self.key) {
            derived::save(state, key)?;
        }
        clock.phase("pruning");
        Ok(Written {
            photos,
            written: output.written(),
            made: output.made(),
            removed,
            index,
            published,
            archive_wide,
            phases: clock.phases,
        })
    }

    /// Forgets, before any file changes, the state that this build's
    /// files change: the archive-wide files' key (any build into the
    /// folder), and outside an update the articles' stamps (they would
    /// speak of files this build may publish otherwise).
    fn forget_state(&self) -> io::Result<()> {
        derived::forget(&self.state_folder)?;
        if self.mode.state().is_none() {
            reader_output::remove_if_there(&StateFile::Articles.in_folder(&self.state_folder))?;
        }
        Ok(())
    }
}

impl crate::content::Content {
    /// Writes the published content into `out` (created if missing):
    /// [`crate::Content::plan`], then [`Plan::run`].
    ///
    /// # Errors
    /// Any I/O error; the folder may then be partly written.
    pub fn write(&self, out: &std::path::Path) -> io::Result<Written> {
        self.write_with(out, Mode::Whole)
    }

    /// [`Self::write`] as `mode` says.
    ///
    /// # Errors
    /// Any I/O error; the folder may then be partly written.
    pub fn write_with(&self, out: &std::path::Path, mode: Mode) -> io::Result<Written> {
        self.plan(out, mode).run()
    }
}
