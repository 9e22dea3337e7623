//! `reader-content`: checks the newsroom's content and writes the JSON the
//! app fetches.
//!
//! ```text
//! reader-content check <content-dir>
//! reader-content build <content-dir> <out-dir> [--keep-search-index]
//! reader-content schema <file>
//! reader-content convert <in> <out>
//! reader-content import <page.txt> [out.md]
//! reader-content generate [--chinese] <count> <content-dir>
//! ```
//!
//! Problems are printed as `file:line:column: what is wrong`; any error
//! makes the command exit non-zero and write nothing. Long runs print
//! their progress.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use reader_content::editions::Edition;
use reader_content::generate::Language;
use reader_content::{ArchiveWide, Content, IndexMade, Mode, Problem, Severity};
use reader_output::state::StateFile;

/// The allocator: see the workspace's Cargo.toml.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage: reader-content check <content-dir>
       reader-content build <content-dir> <out-dir> [--keep-search-index]
                                                (<out-dir> is the site's content folder,
                                                 dist/content: another edition's goes
                                                 beside it, dist/zh/content; the build's
                                                 state is kept in ./target/reader-state,
                                                 or $READER_STATE. --keep-search-index:
                                                 the index files already in <out-dir>
                                                 kept as they are, to show an edit before
                                                 the index is made again)
       reader-content schema <file>             (the JSON Schema of an article file)
       reader-content convert <in> <out>        (an article from .json to .md, or back)
       reader-content import <page.txt> [out.md] (a published page's text as a Markdown
                                                 article; default content/articles/<slug>.md)
       reader-content generate [--chinese] <count> <dir>    (a synthetic archive, for benchmarks)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["check", content] => check_and_build(content, None, Mode::Whole, None),
        ["build", content, out] => {
            // The index is updated in place when the folder holds the
            // last build (its state kept outside it, see Indexed).
            let out = PathBuf::from(out);
            // What was published where, and the search index's state:
            // the folder's own (under Trunk, its staging folder's, which
            // the prerender moves with it once the build succeeded).
            let state = reader_output::state_folder(&out);
            // What each article file read as is the content folder's
            // alone: kept for the published folder.
            let cache =
                StateFile::ReadCache.in_folder(&reader_output::state_folder(&published(&out)));
            check_and_build(content, Some(out), Mode::Update(state), Some(cache))
        }
        ["build", content, out, "--keep-search-index"] => {
            check_and_build(content, Some(PathBuf::from(out)), Mode::KeepIndex, None)
        }
        ["schema", file] => done(std::fs::write(file, reader_model::article_schema()), file),
        ["import", page] => import_page(page, None),
        ["import", page, out] => import_page(page, Some(PathBuf::from(out))),
        ["convert", input, output] => {
            match reader_content::convert::convert(input.as_ref(), output.as_ref()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("{message}");
                    ExitCode::FAILURE
                }
            }
        }
        ["generate", count, dir] => generate(count, dir, Language::English),
        ["generate", "--chinese", count, dir] => generate(count, dir, Language::Chinese),
        _ => usage(),
    }
}

/// `reader-content generate`: a synthetic archive of `count` articles.
fn generate(count: &str, dir: &str, language: Language) -> ExitCode {
    match count.replace('_', "").parse::<usize>() {
        Ok(count) => done(
            reader_content::generate::generate(count, &PathBuf::from(dir), language),
            dir,
        ),
        Err(_) => usage(),
    }
}

/// The folder `out` becomes: Trunk builds into its staging folder, then
/// moves it to its dist. The read cache is kept for the published folder,
/// so that the first update after a Trunk build reads only the files
/// changed since.
fn published(out: &std::path::Path) -> PathBuf {
    let var = |name| std::env::var_os(name).filter(|value| !value.is_empty());
    match (var("TRUNK_STAGING_DIR"), var("TRUNK_DIST_DIR")) {
        (Some(staging), Some(dist)) => out.strip_prefix(&staging).map_or_else(
            |_| out.to_path_buf(),
            |below| PathBuf::from(dist).join(below),
        ),
        _ => out.to_path_buf(),
    }
}

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

fn done(result: std::io::Result<()>, target: &str) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{target}: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Checks `content` and builds each of its editions: the first into
/// `out`, another into the same place below its own folder (`zh/content`
/// beside `content`). With a read `cache`, reads again only the article
/// files that changed since the last build (reader_content::incremental::read_cache).
fn check_and_build(
    content: &str,
    out: Option<PathBuf>,
    mode: Mode,
    cache: Option<PathBuf>,
) -> ExitCode {
    let started = Instant::now();
    let mut build = Content::load_cached(&PathBuf::from(content), cache.as_deref());
    if let Some(cache) = std::env::var_os("READER_PHOTO_CACHE") {
        build.set_photo_cache(PathBuf::from(cache));
    }
    let (editions, problems) = build.editions();
    report(&problems);
    let errors = (problems.iter())
        .filter(|p| p.severity == Severity::Error)
        .count();
    if errors > 0 {
        eprintln!("content has {errors} error(s): nothing written");
        return ExitCode::FAILURE;
    }
    for edition in editions {
        let Some(out) = &out else {
            println!(
                "content: {} articles{}, no errors",
                edition.content.article_count(),
                edition_name(&edition)
            );
            continue;
        };
        let (out, mode) = (edition.out(out), edition.mode(&mode));
        if let Err(code) = build_edition(&edition, &out, mode, started) {
            return code;
        }
        // The process ends here: the system takes the archive's memory
        // back at once, where freeing each article's strings one by one
        // takes a noticeable time in a large archive.
        std::mem::forget(edition);
    }
    ExitCode::SUCCESS
}

/// ` (zh)` for an edition but the first.
fn edition_name(edition: &Edition) -> String {
    if edition.path.is_empty() {
        String::new()
    } else {
        format!(" ({})", edition.code)
    }
}

/// Builds one edition into `out` and says what it did.
fn build_edition(
    edition: &Edition,
    out: &std::path::Path,
    mode: Mode,
    started: Instant,
) -> Result<(), ExitCode> {
    let build = &edition.content;
    let written = build.write_with(out, mode).map_err(|err| {
        eprintln!("{}: {err}", out.display());
        ExitCode::FAILURE
    })?;
    let photos = &written.photos;
    if photos.originals > 0 {
        println!(
            "photos: {} originals, {} files: {} made from {} decoded originals, the rest from the cache ({:.2} s, {:.0} ms a decoded original)",
            photos.originals,
            photos.files,
            photos.made,
            photos.decoded,
            photos.seconds,
            photos.seconds * 1000.0 / photos.decoded.max(1) as f64
        );
    }
    let phases: Vec<String> = (build.phases().iter().chain(&written.phases))
        .map(|(name, seconds)| format!("{name} {seconds:.2} s"))
        .collect();
    println!(
        "content: {} articles{} in {} sections written to {} ({} files read, {} published again, search index {}, archive-wide files {}): {} files, {} changed, {} removed ({:.1} s: {})",
        build.article_count(),
        edition_name(edition),
        build.sections().len(),
        out.display(),
        build.files_read(),
        written.published,
        match written.index {
            IndexMade::Kept => "kept".to_owned(),
            IndexMade::Whole => "built whole".to_owned(),
            IndexMade::Updated(n) => format!("updated from {n} articles"),
        },
        match written.archive_wide {
            ArchiveWide::Written => "made",
            ArchiveWide::Standing => "standing",
        },
        written.made,
        written.written,
        written.removed,
        started.elapsed().as_secs_f64(),
        phases.join(", ")
    );
    Ok(())
}

fn report(problems: &[Problem]) {
    for problem in problems {
        let label = match problem.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        eprintln!("{problem} ({label})");
    }
}

/// `import`: writes the Markdown article and prints what was guessed and
/// what the editor must complete. Never overwrites a file.
fn import_page(page: &str, out: Option<PathBuf>) -> ExitCode {
    let text = match std::fs::read_to_string(page) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("{page}: {err}");
            return ExitCode::FAILURE;
        }
    };
    let imported = match reader_content::import::import(&text) {
        Ok(imported) => imported,
        Err(err) => {
            eprintln!("{page}: {err}");
            return ExitCode::FAILURE;
        }
    };
    // A Chinese article goes with the Chinese desk's files, as the guide
    // keeps them.
    let out = out.unwrap_or_else(|| {
        let folder = match imported.article.language.as_deref() {
            Some(code) => PathBuf::from("content/articles").join(code),
            None => PathBuf::from("content/articles"),
        };
        folder.join(format!("{}.md", imported.article.slug))
    });
    if out.exists() {
        eprintln!("{}: already exists; not overwritten", out.display());
        return ExitCode::FAILURE;
    }
    if !reader_content::markdown::is_markdown(&out) {
        eprintln!(
            "{}: import writes a Markdown article: name it .md (then `reader-content convert <in.md> <out.json>` gives its JSON, if wanted)",
            out.display()
        );
        return ExitCode::FAILURE;
    }
    let markdown = match reader_content::markdown::write::article(&imported.article) {
        Ok(markdown) => markdown,
        Err(err) => {
            eprintln!("{page}: {err}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(err) = std::fs::write(&out, markdown) {
        eprintln!("{}: {err}", out.display());
        return ExitCode::FAILURE;
    }
    println!("{page} -> {}", out.display());
    println!("guessed:");
    for line in &imported.guessed {
        println!("  {line}");
    }
    println!("to complete before the build accepts it:");
    for line in &imported.missing {
        println!("  {line}");
    }
    ExitCode::SUCCESS
}
