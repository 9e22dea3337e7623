//! How a run of the prerender goes: the whole site (keeping its state for
//! updates, or not), one part of it (a CI matrix), or an update of a
//! finished build. A shard never keeps state and never updates: what it
//! renders is only part of the site, so nothing could start from it.

use std::path::PathBuf;

/// What one run renders, and what it keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Every page of the site; with [`Incremental`], the state an update
    /// starts from is kept (a full `trunk build`).
    Whole(Option<Incremental>),
    /// Only this part of the pages; every part writes the same feeds,
    /// sitemaps and host files, so the union of the parts' folders is the
    /// whole build.
    Shard(Shard),
    /// An update of a finished build in place, after the content build
    /// wrote into its `content/`: only the units whose inputs changed are
    /// rendered, only the files whose bytes change are written, and the
    /// pages the site no longer has are removed. The app's own files are
    /// left as they are (a change to the app needs a full build).
    Update(Incremental),
}

/// Where an incremental build keeps its state (see `reader_output::state`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incremental {
    /// The prerender's state of the published site (see [`crate::state`]).
    pub state: PathBuf,
    /// The state folder of the published `content/`, where the content
    /// build keeps the journal of what it changed there
    /// (`reader_output::journal`): an update trusts it instead of looking
    /// at every content file. `None` keeps no journal.
    pub content_state: Option<PathBuf>,
}

impl Incremental {
    /// The state of the site's edition `code` (`zh`): kept in the first
    /// edition's folders (see `reader_output::state::EditionState`).
    #[must_use]
    pub fn for_edition(&self, code: &str) -> Self {
        use reader_output::state::EditionState;
        Self {
            state: EditionState::Pages.in_folder(&self.state, code),
            content_state: (self.content_state.as_deref())
                .map(|state| EditionState::Content.in_folder(state, code)),
        }
    }
}

impl Mode {
    /// This mode for another of the site's editions (`code`): the same,
    /// with the edition's own state folders.
    pub fn for_edition(&self, code: &str) -> Self {
        match self {
            Self::Whole(incremental) => {
                Self::Whole(incremental.as_ref().map(|inc| inc.for_edition(code)))
            }
            Self::Update(incremental) => Self::Update(incremental.for_edition(code)),
            Self::Shard(shard) => Self::Shard(*shard),
        }
    }

    /// What the last build left: its state in an update, none otherwise.
    pub(crate) fn previous(&self) -> crate::state::State {
        match self {
            Self::Update(incremental) => crate::state::State::load(&incremental.state),
            Self::Whole(_) | Self::Shard(_) => crate::state::State::default(),
        }
    }

    /// The part of the pages this run renders.
    pub fn shard(&self) -> Shard {
        match self {
            Self::Shard(shard) => *shard,
            Self::Whole(_) | Self::Update(_) => Shard::WHOLE,
        }
    }

    /// Whether this run updates a finished build.
    pub fn is_update(&self) -> bool {
        matches!(self, Self::Update(_))
    }

    /// Where this run keeps state for the next update, if it does.
    pub fn incremental(&self) -> Option<&Incremental> {
        match self {
            Self::Whole(incremental) => incremental.as_ref(),
            Self::Update(incremental) => Some(incremental),
            Self::Shard(_) => None,
        }
    }
}

/// The part of the pages one run renders, so that a CI matrix can build a
/// large site on several machines: page `n` (in the site's order) is
/// shard `n % count + 1`'s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// From 1.
    pub index: usize,
    pub count: usize,
}

impl Shard {
    /// Every page, in one run.
    pub const WHOLE: Self = Self { index: 1, count: 1 };

    /// `i/n`, as `--shard` takes it: 1 ≤ i ≤ n.
    ///
    /// # Errors
    /// A message saying what `--shard` takes.
    pub fn parse(text: &str) -> Result<Self, String> {
        let message = || format!("--shard takes i/n with 1 ≤ i ≤ n (1/4, 2/4…), not {text:?}");
        let (index, count) = text.split_once('/').ok_or_else(message)?;
        let index: usize = index.trim().parse().map_err(|_| message())?;
        let count: usize = count.trim().parse().map_err(|_| message())?;
        if index == 0 || index > count {
            return Err(message());
        }
        Ok(Self { index, count })
    }

    /// Whether the `n`-th page (from 0) is this shard's.
    pub fn takes(self, n: usize) -> bool {
        n % self.count == self.index - 1
    }
}
