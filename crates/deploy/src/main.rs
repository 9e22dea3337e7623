//! `reader-deploy <dist> [--base /news/] [--configs target/deploy]`
//!
//! Run by Trunk after each build (see Trunk.toml), on the staging folder.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: reader-deploy <dist> [--base /news/] [--configs target/deploy]";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut dist = None;
    let mut base = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".to_owned());
    let mut configs = PathBuf::from("target/deploy");
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--base" | "--configs" => {
                let Some(value) = args.next() else {
                    eprintln!("{arg} needs a value");
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
    let base = reader_model::normalize_base(&base);
    match reader_deploy::prepare(&dist, &base, &configs) {
        Ok(deployment) => {
            println!(
                "deploy: base {}, {} inline script hash(es), {} routes, host configs in {}",
                deployment.base,
                deployment.script_hashes.len(),
                deployment.routes.len(),
                configs.display()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("deploy: {err}");
            ExitCode::FAILURE
        }
    }
}
