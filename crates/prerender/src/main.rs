//! `reader-prerender <dist> [--base /news/] [--configs target/deploy] [--shard i/n]`
//!
//! Run by Trunk after each build (see Trunk.toml), on the staging folder:
//! renders every page, writes the feeds, then the deploy files. The base
//! defaults to Trunk's public URL. `--shard i/n` (or `$READER_SHARD`)
//! renders only the i-th of n parts of the pages, for a CI matrix whose
//! runners each build a part (see README).

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str =
    "usage: reader-prerender <dist> [--base /news/] [--configs target/deploy] [--shard i/n]";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut dist = None;
    let mut base = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".to_owned());
    let mut configs = PathBuf::from("target/deploy");
    let mut shard = std::env::var("READER_SHARD").ok().filter(|s| !s.is_empty());
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--base" | "--configs" | "--shard" => {
                let Some(value) = args.next() else {
                    eprintln!("{arg} needs a value\n{USAGE}");
                    return ExitCode::from(2);
                };
                match arg.as_str() {
                    "--base" => base = value,
                    "--configs" => configs = PathBuf::from(value),
                    _ => shard = Some(value),
                }
            }
            path if dist.is_none() && !path.starts_with("--") => dist = Some(PathBuf::from(path)),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(dist) = dist else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let shard = match shard.as_deref().map(reader_prerender::Shard::parse) {
        None => reader_prerender::Shard::WHOLE,
        Some(Ok(shard)) => shard,
        Some(Err(message)) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match reader_prerender::prerender_shard(&dist, &base, &configs, shard) {
        Ok(summary) => {
            let c = summary.compressed;
            let t = summary.timings;
            println!(
                "prerender: {} of {} pages (shard {}/{}), base {}, {} inline script hash(es), host configs in {}; \
                 {} files compressed, {} bytes -> {} brotli, {} gzip; \
                 {:.1} s reading, {:.1} s rendering and writing ({:.1} ms a page), {:.1} s feeds, {:.1} s compressing",
                summary.rendered,
                summary.pages,
                shard.index,
                shard.count,
                summary.base,
                summary.script_hashes,
                configs.display(),
                c.files,
                c.bytes_in,
                c.brotli_bytes,
                c.gzip_bytes,
                t.read,
                t.render,
                t.render * 1000.0 / summary.rendered.max(1) as f64,
                t.feeds,
                t.compress
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("prerender: {err}");
            ExitCode::FAILURE
        }
    }
}
