//! `reader-prerender <dist> [--base /news/] [--configs target/deploy] [--shard i/n] [--update]`
//!
//! Run by Trunk after each build (see Trunk.toml), on the staging folder:
//! renders every page, writes the feeds, then the deploy files, and keeps
//! what it made (crate::state) for updates. The base defaults to Trunk's
//! public URL. `--shard i/n` (or `$READER_SHARD`) renders only the i-th of
//! n parts of the pages, for a CI matrix whose runners each build a part
//! (see docs/deploy.md). `--update` updates a finished build after a
//! content build into its `content/` (scripts/update.sh): only what
//! changed is rendered and written.

use std::path::PathBuf;
use std::process::ExitCode;

use reader_model::layout::CONTENT_DIR;
use reader_prerender::state::State;
use reader_prerender::{Incremental, Mode, Options, PrerenderError, Shard, Summary};

/// The allocator: see the workspace's Cargo.toml.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage: reader-prerender <dist> [--base /news/] [--configs target/deploy] [--shard i/n] [--update]";

/// The command line, read.
struct Args {
    dist: PathBuf,
    base: Option<String>,
    configs: PathBuf,
    shard: Shard,
    update: bool,
}

/// The command line, or what to say about it.
fn args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let mut dist = None;
    let mut base = std::env::var("TRUNK_PUBLIC_URL").ok();
    let mut update = false;
    let mut configs = PathBuf::from("target/deploy");
    let mut shard = std::env::var("READER_SHARD").ok().filter(|s| !s.is_empty());
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--base" | "--configs" | "--shard" => {
                let value = args.next().ok_or_else(|| format!("{arg} needs a value"))?;
                match arg.as_str() {
                    "--base" => base = Some(value),
                    "--configs" => configs = PathBuf::from(value),
                    _ => shard = Some(value),
                }
            }
            "--update" => update = true,
            path if dist.is_none() && !path.starts_with("--") => dist = Some(PathBuf::from(path)),
            _ => return Err(String::new()),
        }
    }
    let shard = shard.as_deref().map_or(Ok(Shard::WHOLE), Shard::parse)?;
    if update && shard != Shard::WHOLE {
        return Err("--update renders the whole site, not a shard".to_owned());
    }
    Ok(Args {
        dist: dist.ok_or_else(String::new)?,
        base,
        configs,
        shard,
        update,
    })
}

fn main() -> ExitCode {
    let args = match args() {
        Ok(args) => args,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("{message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    // The state belongs to the published folder: Trunk renders into its
    // staging folder and then moves it to its dist.
    let published =
        std::env::var_os("TRUNK_DIST_DIR").map_or_else(|| args.dist.clone(), PathBuf::from);
    let state = reader_prerender::state::folder_for(&published);
    // The published content's state: the content build's journal, and
    // what it keeps of the last build (moved there from Trunk's staging
    // folder's once the build succeeded).
    let content_state = reader_output::state_folder(&published.join(CONTENT_DIR));
    // An update keeps the base the site was built for.
    let base = (args.base.clone())
        .or_else(|| args.update.then(|| State::load(&state).base).flatten())
        .unwrap_or_else(|| "/".to_owned());
    let compress_cache = std::env::var_os("READER_COMPRESS_CACHE")
        .filter(|dir| !dir.is_empty())
        .map_or_else(
            || PathBuf::from(reader_deploy::compress::CACHE),
            PathBuf::from,
        );
    let incremental = Incremental {
        state,
        content_state: Some(content_state.clone()),
    };
    let mode = match (args.update, args.shard) {
        (true, _) => Mode::Update(incremental),
        (false, Shard::WHOLE) => Mode::Whole(Some(incremental)),
        (false, shard) => Mode::Shard(shard),
    };
    // READER_OFFLINE=off: the kill switch (docs/deploy.md).
    let offline = std::env::var("READER_OFFLINE").map_or(true, |value| value != "off");
    let options = Options {
        mode,
        compress_cache: Some(compress_cache),
        offline,
    };
    let result = reader_prerender::prerender_with(&args.dist, &base, &args.configs, &options)
        .and_then(|summary| {
            // The build succeeded: the content build's state of Trunk's
            // staging folder (what it published there, its search index)
            // becomes the published folder's, as Trunk moves the folder.
            // Not before: a failed build leaves the published folder, and
            // its state, as they were.
            if !args.update {
                let from = reader_output::state_folder(&args.dist.join(CONTENT_DIR));
                reader_output::move_state(&from, &content_state)
                    .map_err(|e| PrerenderError::Io(from, e))?;
            }
            Ok(summary)
        });
    match result {
        Ok(summary) => {
            println!("{}", report(&summary, &args));
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("prerender: {err}");
            ExitCode::FAILURE
        }
    }
}

/// What a run did, in one line.
fn report(summary: &Summary, args: &Args) -> String {
    let c = summary.compressed;
    let t = summary.timings;
    let journal = match (summary.journal, summary.lists_standing) {
        (true, true) => {
            ", the content build's journal saying only articles changed: lists, speakers and sitemaps standing"
        }
        (true, false) => ", the content build's journal saying which content changed",
        _ => "",
    };
    let per_page = if summary.rendered > 0 {
        format!(
            " ({:.1} ms a page)",
            t.render * 1000.0 / summary.rendered as f64
        )
    } else {
        String::new()
    };
    format!(
        "prerender: {} pages from {} of {} units of work (shard {}/{}; {} units unchanged{journal}), {} written, {} removed, base {}, {} inline script hash(es), host configs in {}; \
         {} files compressed, {} bytes -> {} brotli, {} gzip; \
         {:.2} s reading, {:.2} s checking units, {:.2} s rendering and writing{per_page}, {:.2} s feeds, {:.2} s compressing and keeping state",
        summary.rendered,
        summary.rendered_units,
        summary.units,
        args.shard.index,
        args.shard.count,
        summary.my_units - summary.rendered_units,
        summary.written,
        summary.removed,
        summary.base,
        summary.script_hashes,
        args.configs.display(),
        c.files,
        c.bytes_in,
        c.brotli_bytes,
        c.gzip_bytes,
        t.read,
        t.check,
        t.render,
        t.feeds,
        t.compress
    )
}
