//! The site's full build, planned, then run: what `trunk build` does, but
//! with the app bundle reused when nothing that made it changed.
//!
//! ```text
//! scripts/build.sh [--release] [--public-url /news/] [--dist dist]
//! ```
//!
//! The content is $READER_CONTENT (content/ by default), as for Trunk's
//! hooks; every other READER_* setting reaches the stages as it does under
//! Trunk.
//!
//! The app bundle is what Trunk makes from the app alone: index.html (the
//! template), the script, the wasm, the styles and the copied icons. It
//! depends on the app's sources, never on the articles, so a build whose
//! app inputs did not change (the usual case: an editor's build, CI
//! between runs, a newsroom's nightly rebuild) takes it from
//! target/app-bundles/ instead of paying Trunk's work again. It is keyed by
//! - the fixed inputs: every Cargo.toml and Cargo.lock,
//!   .cargo/config.toml, Trunk.toml, index.html, everything in assets/, the
//!   tools' versions (rustc, trunk, wasm-bindgen, npm's binaryen), the
//!   build's flags (release, public URL) and the environment that changes
//!   what cargo or Trunk make (RUSTFLAGS, CARGO_PROFILE_*, …);
//! - and every source file cargo says the app was compiled from (its
//!   dep-info, so a file pulled in by include_str! counts, wherever it
//!   lives), each by its SHA-256. Registry sources are left out: they are
//!   named by Cargo.lock's checksummed versions, which the key holds.
//!
//! A changed input of either kind rebuilds the bundle; nothing else does.
//!
//! The stages, in order (scripts/pipeline.sh holds what each runs):
//! 1. tools:     the stages' tools (this build among them) reused, or
//!    made by cargo (in the optimised `tools` profile unless
//!    READER_TOOLS_PROFILE says otherwise); a build made anew goes on as
//!    the new executable;
//! 2. bundle:    reuse, or `trunk build` with READER_APP_ONLY=1 (its hooks
//!    do nothing) into the store;
//! 3. stage:     the bundle copied into a staging folder beside the dist;
//! 4. content:   scripts/pipeline.sh content (Trunk's pre_build hook);
//! 5. prerender: scripts/pipeline.sh prerender (Trunk's post_build hook);
//! 6. publish:   the staging folder renamed to the dist (a rename, not
//!    Trunk's copy of every file); the old one deleted by a process of its
//!    own, after.
//!
//! A build into a dist it made before, from the same app bundle and the
//! same settings (public URL, content folder, host files' folder, offline
//! reading), updates it in place instead of stages 3 to 6: the content
//! build and the prerender do only what changed (scripts/pipeline.sh
//! update, as scripts/update.sh), and the result is the whole build's,
//! byte for byte (scripts/test.sh compares them). READER_BUILD_FRESH=1
//! builds afresh.
//!
//! The plan is [`plan`], the stages [`run`]; a compiled program, so that a
//! small archive's build costs what its stages cost, with no interpreter
//! to start first (BENCHMARKS-SCALE.md has what a script cost).

pub mod args;
pub mod bundle;
pub mod error;
pub mod inputs;
pub mod plan;
pub mod run;
pub mod stamp;
pub mod versions;
