//! The command line: the flags of `trunk build` that this build understands.

use crate::error::BuildError;

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Args {
    /// `--release`: the app built optimised.
    pub release: bool,
    /// `--public-url`: where the site is served from; always ends in `/`.
    pub public_url: String,
    /// `--dist`: the folder the site is built into, relative to the repository.
    pub dist: String,
}

impl Args {
    /// cargo's and Trunk's name for the build's profile.
    pub fn profile(&self) -> &'static str {
        if self.release { "release" } else { "debug" }
    }

    /// Reads `argv` (without the program's name).
    pub fn parse<S: AsRef<str>>(argv: &[S]) -> Result<Self, BuildError> {
        let mut args = Self {
            release: false,
            public_url: "/".into(),
            dist: "dist".into(),
        };
        let mut it = argv.iter().map(AsRef::as_ref);
        while let Some(arg) = it.next() {
            let mut value = || {
                it.next()
                    .map(str::to_owned)
                    .ok_or_else(|| BuildError::Args(format!("{arg} needs a value")))
            };
            match arg {
                "--release" => args.release = true,
                "--public-url" => args.public_url = value()?,
                "--dist" => args.dist = value()?,
                _ => {
                    if let Some(url) = arg.strip_prefix("--public-url=") {
                        args.public_url = url.into();
                    } else if let Some(dist) = arg.strip_prefix("--dist=") {
                        args.dist = dist.into();
                    } else {
                        return Err(BuildError::Args(format!(
                            "unknown argument {arg} (use --release, --public-url, --dist)"
                        )));
                    }
                }
            }
        }
        let url = &args.public_url;
        if !url.starts_with('/') && !url.starts_with("http://") && !url.starts_with("https://") {
            return Err(BuildError::Args(format!(
                "--public-url must start with / or http(s)://, not {url}"
            )));
        }
        if !args.public_url.ends_with('/') {
            args.public_url.push('/');
        }
        Ok(args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_what_trunk_build_takes_and_says_what_it_does_not() {
        let args = Args::parse(&["--release", "--public-url", "/news", "--dist", "target/x"]);
        assert_eq!(
            args.ok(),
            Some(Args {
                release: true,
                public_url: "/news/".into(),
                dist: "target/x".into()
            })
        );
        let eq = Args::parse(&["--public-url=https://x.org/n", "--dist=d"]).ok();
        assert_eq!(
            eq.map(|a| (a.public_url, a.dist)),
            Some(("https://x.org/n/".into(), "d".into()))
        );
        for wrong in [&["--watch"][..], &["--dist"], &["--public-url", "news"]] {
            assert!(
                matches!(Args::parse(wrong), Err(BuildError::Args(_))),
                "{wrong:?}"
            );
        }
    }
}
