//! What a run of the prerender will render, decided before it writes
//! anything: the site's units of work, this run's part of them, and of
//! those the ones whose inputs changed since the last build (each unit's
//! stamp against the state's); the others stand as the last build left
//! them. [`Plan::run`] then runs the stages.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use crate::inputs::{Inputs, Scope};
use crate::state::{self, Done, State};
use crate::work::{self, Work};

/// A run, planned.
pub struct Plan<'a> {
    pub(crate) inputs: &'a Inputs,
    /// Every unit of the site, in the site's order (with the lists
    /// standing, only the articles the journal names).
    pub(crate) units: Vec<Work<'a>>,
    /// This run's part of them (its shard's).
    pub(crate) mine: Vec<Work<'a>>,
    /// Those of this run's units to render, each with its key and stamp.
    pub(crate) todo: Vec<(String, u64, Work<'a>)>,
    /// The state the next update will find, so far: the units that stand
    /// (those rendered are added as they are).
    pub(crate) next: State,
    pub(crate) planned: Instant,
}

impl Inputs {
    /// Plans this run: which units it renders.
    pub fn plan(&self) -> Plan<'_> {
        let units = match &self.scope {
            Scope::Site(archive) => work::plan(&archive.lists, &archive.speakers, &archive.people),
            Scope::Articles(items) => items.iter().map(Work::Article).collect(),
        };
        let shard = self.mode.shard();
        let mine: Vec<Work> = (units.iter().enumerate())
            .filter(|(n, _)| shard.takes(*n))
            .map(|(_, unit)| *unit)
            .collect();
        let mut next = State {
            template: Some(self.trunks.clone()),
            base: Some(self.base.clone()),
            // The units standing with the lists: all but those checked here.
            units: match self.scope {
                Scope::Articles(_) => self.previous.units.clone(),
                Scope::Site(_) => HashMap::new(),
            },
            ..State::default()
        };
        let mut todo = Vec::new();
        for ((key, stamp, kept), unit) in self.stamps(&mine).into_iter().zip(&mine) {
            match kept {
                Some(done) => {
                    next.units.insert(key, done.clone());
                }
                None => todo.push((key, stamp, *unit)),
            }
        }
        Plan {
            inputs: self,
            units,
            mine,
            todo,
            next,
            planned: Instant::now(),
        }
    }

    /// Each unit's stamp, on every core (a file's size and time each, or
    /// the last one when the journal says its input is unchanged), with
    /// what the last build made of it if that still stands.
    fn stamps(&self, units: &[Work]) -> Vec<(String, u64, Option<&Done>)> {
        let content = &self.content;
        units
            .par_iter()
            .map(|unit| {
                let key = unit.key();
                let before = self.previous.units.get(&key);
                let inputs = unit.inputs(content);
                let unchanged = |changed: &HashSet<PathBuf>| {
                    (inputs.iter()).all(|input| {
                        input
                            .strip_prefix(content)
                            .is_ok_and(|below| !changed.contains(below))
                    })
                };
                // With the journal, a unit whose input is unchanged stands
                // as the last build left it (its pages are this tool's
                // alone to write: a page removed by hand comes back with
                // the next update without a journal, or a full build).
                // Not a list's page: whether its inputs include the front
                // (an archive page the front shows whole) changes with
                // the articles published, and the stamp covers which.
                if let (Some(done), Some(changed)) = (before, &self.journal)
                    && !matches!(unit, Work::List(_))
                    && unchanged(changed)
                {
                    return (key, done.stamp, Some(done));
                }
                let stamp = state::stamp(self.common, &inputs);
                let kept = before
                    .filter(|done| done.stamp == stamp && done.files.iter().all(|f| self.holds(f)));
                (key, stamp, kept)
            })
            .collect()
    }

    /// Whether the site's folder holds `file` (below it).
    fn holds(&self, file: &Path) -> bool {
        self.dist.join(file).is_file()
    }
}
