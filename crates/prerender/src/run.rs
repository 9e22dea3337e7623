//! Running a [`Plan`]: the prerender's stages, in order.
//!
//! 1. the pages: each unit to render, rendered on every core and written
//!    as soon as it is ([`crate::render`]); a shard that does not render
//!    the home page removes Trunk's template from its `index.html`;
//! 2. in an update, the pages the site no longer has are removed;
//! 3. the sitemaps (unless the lists stand), `robots.txt`, the Atom feed
//!    ([`crate::feeds`]), the service worker, the offline controls and the
//!    manifest ([`crate::offline`]), and each host's configuration;
//! 4. the compressed copies of the app's files (not in an update);
//! 5. the state for the next update, and the content build's journal
//!    begun afresh.

use std::collections::HashSet;
use std::fs;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use reader_model::layout::{
    ATOM_FILE, ContentFile, MANIFEST_FILE, PAGE_INDEX, ROBOTS_FILE, SERVICE_WORKER_FILE,
};
use reader_model::{Article, ListPage};

use crate::inputs::Scope;
use crate::mode::{Incremental, Mode};
use crate::plan::Plan;
use crate::render::render_all;
use crate::state::{self, Done};
use crate::work::{self, Work};
use crate::{PrerenderError, Summary, Timings, feeds, read_json, write};

impl Plan<'_> {
    /// Runs the plan: renders and writes what it says, and says what it
    /// did.
    ///
    /// # Errors
    /// Content that no longer reads, or a file that cannot be written.
    pub fn run(mut self) -> Result<Summary, PrerenderError> {
        let inputs = self.inputs;
        let checked = self.planned;
        if inputs.is_first_edition()
            && !inputs.mode.is_update()
            && !self.mine.iter().any(Work::is_home)
        {
            let home = inputs.dist.join(PAGE_INDEX);
            fs::remove_file(&home).map_err(|e| PrerenderError::Io(home, e))?;
        }
        let (rendered, written) = self.render()?;
        let removed = match inputs.mode {
            Mode::Update(_) => self.remove_stale()?,
            Mode::Whole(_) | Mode::Shard(_) => 0,
        };
        let rendered_at = Instant::now();
        self.write_feeds()?;
        let feeds_at = Instant::now();
        // The app's files: the worker and the deployment's hashed files
        // (Trunk's, in the top folder, and the offline controls); no page
        // or content file is one. An update leaves Trunk's as they are; it
        // writes the worker and the offline controls again (the worker's
        // version follows what every page is made from), so only their
        // copies are made again. All are the first edition's.
        let compressed = if inputs.is_first_edition() {
            let dist = &inputs.dist;
            let worker = dist.join(SERVICE_WORKER_FILE);
            let app: Vec<PathBuf> = if inputs.mode.is_update() {
                vec![worker, dist.join(&inputs.offline.controls_file)]
            } else {
                let hashed = inputs.deployment.hashed_files.iter();
                hashed.map(|file| dist.join(file)).chain([worker]).collect()
            };
            reader_deploy::compress::write_copies_for(&app, inputs.compress_cache.as_deref())?
        } else {
            reader_deploy::compress::Compressed::default()
        };
        if let Mode::Whole(Some(incremental)) | Mode::Update(incremental) = &inputs.mode {
            self.save_state(incremental)?;
        }
        let lists_standing = matches!(inputs.scope, Scope::Articles(_));
        let (units, my_units) = if lists_standing {
            (self.next.units.len(), self.next.units.len())
        } else {
            (self.units.len(), self.mine.len())
        };
        let rendered_units = self.todo.len();
        // The state and lists of a large site take a noticeable time to
        // free: on another thread, which the process does not wait for.
        let Self { next, .. } = self;
        std::thread::spawn(move || drop(next));
        let seconds = |from: Instant, to: Instant| to.duration_since(from).as_secs_f64();
        Ok(Summary {
            units,
            my_units,
            rendered_units,
            rendered,
            written,
            removed,
            timings: Timings {
                read: seconds(inputs.started, inputs.read_at),
                check: seconds(inputs.read_at, checked),
                render: seconds(checked, rendered_at),
                feeds: seconds(rendered_at, feeds_at),
                compress: seconds(feeds_at, Instant::now()),
            },
            base: inputs.base.clone(),
            script_hashes: inputs.deployment.script_hashes.len(),
            compressed,
            journal: inputs.journal.is_some(),
            lists_standing,
        })
    }

    /// Renders the units to render and writes each page; returns how many
    /// pages were rendered, and written (their bytes changed).
    fn render(&mut self) -> Result<(usize, usize), PrerenderError> {
        let inputs = self.inputs;
        let written = AtomicUsize::new(0);
        let units: Vec<Work> = self.todo.iter().map(|(_, _, unit)| *unit).collect();
        let files = render_all(inputs, &units, &|page, html| {
            let path = inputs.dist.join(&page.file);
            let wrote = reader_output::write(&path, inputs.deployment.finish_page(html))
                .map_err(|e| PrerenderError::Io(path, e))?;
            if wrote {
                written.fetch_add(1, Ordering::Relaxed);
            }
            Ok(())
        })?;
        let rendered = files.iter().map(Vec::len).sum();
        for ((key, stamp, _), files) in self.todo.iter().zip(files) {
            let done = Done {
                stamp: *stamp,
                files,
            };
            self.next.units.insert(key.clone(), done);
        }
        Ok((rendered, written.into_inner()))
    }

    /// Removes the pages of the last build that no unit makes now: only a
    /// unit rendered again, or gone, can leave one behind. Returns how
    /// many were removed.
    fn remove_stale(&self) -> Result<usize, PrerenderError> {
        let mut removed = 0;
        let mut all_kept: Option<HashSet<&PathBuf>> = None;
        for (key, done) in &self.inputs.previous.units {
            let now = self.next.units.get(key);
            if now == Some(done) {
                continue;
            }
            for file in &done.files {
                if now.is_some_and(|now| now.files.contains(file))
                    || all_kept
                        .get_or_insert_with(|| {
                            self.next
                                .units
                                .values()
                                .flat_map(|done| &done.files)
                                .collect()
                        })
                        .contains(file)
                {
                    continue;
                }
                let path = self.inputs.dist.join(file);
                if path.is_file() {
                    fs::remove_file(&path).map_err(|e| PrerenderError::Io(path, e))?;
                    removed += 1;
                }
            }
        }
        Ok(removed)
    }

    /// The sitemaps (made from the units and the site: with the lists
    /// standing, they stand too), `robots.txt`, the feed of the newest
    /// articles (from the news list's front) and the host files.
    fn write_feeds(&self) -> Result<(), PrerenderError> {
        let inputs = self.inputs;
        let dist = &inputs.dist;
        if let Scope::Site(_) = inputs.scope {
            let entries: Vec<_> = (self.units.iter())
                .flat_map(|unit| unit.sitemap_entries(&inputs.site))
                .collect();
            let sitemaps =
                feeds::sitemaps(&inputs.public, &inputs.site, &entries, feeds::SITEMAP_LIMIT);
            for (file, xml) in sitemaps {
                write(&dist.join(file), &xml)?;
            }
        }
        let front = ContentFile::List {
            section: None,
            page: None,
        };
        let front: ListPage = read_json(&inputs.content.join(front.path()))?;
        let newest = (front.articles().iter())
            .filter(|item| item.published.is_some())
            .take(feeds::FEED_LENGTH)
            .map(|item| work::read_article(&inputs.content, item))
            .collect::<Result<Vec<Article>, _>>()?;
        let atom = feeds::atom(&inputs.public, &inputs.site, &newest);
        write(&dist.join(ATOM_FILE), &atom)?;
        if !inputs.is_first_edition() {
            return Ok(());
        }
        // The site's own, written by its first edition's run: crawlers
        // read `robots.txt` at the root only, one worker serves every
        // edition, and the host's rules cover them all.
        write(
            &dist.join(ROBOTS_FILE),
            &feeds::robots(&inputs.public, &inputs.site),
        )?;
        // Offline reading and installing: the worker names this build's
        // hashed files; with a reading app, the whole app's are kept once
        // a page asks for them, not at install.
        let offline = &inputs.offline;
        write(&dist.join(&offline.controls_file), offline.controls())?;
        let worker = offline.worker(
            inputs.common,
            &inputs.deployment.hashed_files,
            &inputs.kept_later,
            &inputs.site,
        );
        write(&dist.join(SERVICE_WORKER_FILE), &worker)?;
        write(&dist.join(MANIFEST_FILE), &offline.manifest(&inputs.site))?;
        inputs.deployment.write_host_files(dist, &inputs.configs)?;
        Ok(())
    }

    /// Keeps the state for the next update, and begins the content
    /// build's journal afresh from this build: its token is in the state
    /// first, so a journal left from before (this build stopped between
    /// the two) is not trusted.
    fn save_state(&mut self, incremental: &Incremental) -> Result<(), PrerenderError> {
        let token = state::Journal::token();
        if incremental.content_state.is_some() {
            self.next.journal = Some(state::Journal {
                token: token.clone(),
                common: self.inputs.common,
            });
        }
        self.next.save(&incremental.state)?;
        if let Some(content_state) = &incremental.content_state {
            reader_output::journal::reset(content_state, &token).map_err(|e| {
                PrerenderError::Io(reader_output::journal::FILE.in_folder(content_state), e)
            })?;
        }
        Ok(())
    }
}
