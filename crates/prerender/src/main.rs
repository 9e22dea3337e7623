//! `reader-prerender <dist> [--base /news/] [--configs target/deploy]`
//!
//! Run by Trunk after each build (see Trunk.toml), on the staging folder:
//! renders every page, writes the feeds, then the deploy files. The base
//! defaults to Trunk's public URL.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: reader-prerender <dist> [--base /news/] [--configs target/deploy]";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut dist = None;
    let mut base = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".to_owned());
    let mut configs = PathBuf::from("target/deploy");
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--base" | "--configs" => {
                let Some(value) = args.next() else {
                    eprintln!("{arg} needs a value\n{USAGE}");
                    return ExitCode::from(2);
                };
                if arg == "--base" {
                    base = value;
                } else {
                    configs = PathBuf::from(value);
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
    match reader_prerender::prerender(&dist, &base, &configs) {
        Ok(summary) => {
            let c = summary.compressed;
            println!(
                "prerender: {} pages, base {}, {} inline script hash(es), host configs in {}; \
                 {} files compressed, {} bytes -> {} brotli, {} gzip",
                summary.pages,
                summary.base,
                summary.script_hashes,
                configs.display(),
                c.files,
                c.bytes_in,
                c.brotli_bytes,
                c.gzip_bytes
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("prerender: {err}");
            ExitCode::FAILURE
        }
    }
}
