//! `reader-content`: checks the newsroom's content and writes the JSON the
//! app fetches.
//!
//! ```text
//! reader-content check <content-dir>
//! reader-content build <content-dir> <out-dir>
//! ```
//!
//! Problems are printed as `file:line:column: what is wrong`; any error
//! makes the command exit non-zero and write nothing.

use std::path::PathBuf;
use std::process::ExitCode;

use reader_content::{Build, Problem, Severity};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (content, out) = match args.as_slice() {
        [command, content] if command == "check" => (PathBuf::from(content), None),
        [command, content, out] if command == "build" => {
            (PathBuf::from(content), Some(PathBuf::from(out)))
        }
        _ => {
            eprintln!(
                "usage: reader-content check <content-dir>\n       reader-content build <content-dir> <out-dir>"
            );
            return ExitCode::from(2);
        }
    };
    let build = Build::load(&content);
    report(build.problems());
    if build.has_errors() {
        eprintln!("content has errors: nothing written");
        return ExitCode::FAILURE;
    }
    if let Some(out) = out {
        if let Err(err) = build.write(&out) {
            eprintln!("{}: {err}", out.display());
            return ExitCode::FAILURE;
        }
        println!(
            "content: {} articles written to {}",
            build.article_count(),
            out.display()
        );
    } else {
        println!("content: {} articles, no errors", build.article_count());
    }
    ExitCode::SUCCESS
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
