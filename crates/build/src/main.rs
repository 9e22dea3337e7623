//! `reader-build`: the site's full build (see the library's notes); run
//! from the repository by scripts/build.sh.

use std::path::PathBuf;
use std::process::ExitCode;

use reader_build::args::Args;
use reader_build::error::BuildError;
use reader_build::inputs::Env;
use reader_build::plan::{Inputs, plan};
use reader_build::run::{Place, run, target_dir};
use reader_build::versions;

fn build() -> Result<(), BuildError> {
    let argv = std::env::args_os()
        .skip(1)
        .map(|arg| {
            arg.into_string()
                .map_err(|arg| BuildError::Args(format!("{} is not UTF-8", arg.to_string_lossy())))
        })
        .collect::<Result<Vec<String>, BuildError>>()?;
    let args = Args::parse(&argv)?;
    // The variables the plan reads; one that is not UTF-8 is none of them
    // (the steps the build runs inherit every variable as it is), and one
    // set empty counts as not set (READER_TOOLS_PROFILE= is the default
    // profile, as in scripts/build.sh).
    let env: Env = std::env::vars_os()
        .filter(|(_, value)| !value.is_empty())
        .filter_map(|(name, value)| Some((name.into_string().ok()?, value.into_string().ok()?)))
        .collect();
    let root: PathBuf = std::env::current_dir().map_err(BuildError::io("."))?;
    let target = target_dir(&root, &env);
    let store = target.join("app-bundles");
    let versions = versions::versions(&root, &env, &target.join("tool-versions.json"));
    let p = plan(&Inputs {
        root: &root,
        args: &args,
        env: &env,
        versions: &versions,
        store: &store,
        target: &target,
    });
    run(
        &Place {
            root: &root,
            env: &env,
            target: &target,
        },
        &p,
    )
}

fn main() -> ExitCode {
    match build() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("build: {err}");
            ExitCode::FAILURE
        }
    }
}
