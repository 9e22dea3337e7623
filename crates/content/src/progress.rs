//! Progress on long runs: a line on stderr at every tenth of the work, so
//! an editor building 100,000 articles sees it move, and a small build
//! stays quiet; and where a step's time went ([`Clock`]).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Below this many items a step is quick and prints nothing.
const QUIET_BELOW: usize = 2_000;

pub struct Progress {
    what: &'static str,
    total: usize,
    done: AtomicUsize,
    started: Instant,
}

impl Progress {
    pub fn new(what: &'static str, total: usize) -> Self {
        Self {
            what,
            total,
            done: AtomicUsize::new(0),
            started: Instant::now(),
        }
    }

    /// One more item done (from any thread).
    pub fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        let step = (self.total / 10).max(1);
        if self.total >= QUIET_BELOW && (done.is_multiple_of(step) || done == self.total) {
            eprintln!(
                "{} {done} of {} articles ({:.1} s)",
                self.what,
                self.total,
                self.started.elapsed().as_secs_f64()
            );
        }
    }
}

/// Where a step's time went: each phase and its seconds (wall clock).
pub type Phases = Vec<(&'static str, f64)>;

/// Records phases one after the other.
pub(crate) struct Clock {
    last: std::time::Instant,
    pub(crate) phases: Phases,
}

impl Clock {
    pub(crate) fn start() -> Self {
        Self {
            last: std::time::Instant::now(),
            phases: Phases::new(),
        }
    }

    /// The time since the last phase ended, as `name`.
    pub(crate) fn phase(&mut self, name: &'static str) {
        let now = std::time::Instant::now();
        self.phases
            .push((name, now.duration_since(self.last).as_secs_f64()));
        self.last = now;
    }
}
