//! After `trunk build`: make `dist/` safe and correct on any static host.
//!
//! - the Content-Security-Policy, with the SHA-256 of the inline loader
//!   script (the prerender's `loader.js`, in place of Trunk's; it names
//!   hashed files, so it changes with every build);
//! - every page with its base folder and a CSP `<meta>` for hosts that
//!   send no headers ([`Deployment::finish_page`]);
//! - each host's configuration: Netlify and Cloudflare Pages (`_headers`,
//!   `_redirects`, inside `dist/`), nginx, S3 + CloudFront, GitHub Pages;
//! - Brotli and gzip copies of the app's wasm, scripts and styles ([`compress`]).
//!
//! The pages themselves are rendered by `reader-prerender`, which runs
//! this step as a library.

pub mod compress;
pub mod csp;
pub mod hosts;
pub mod html;
pub mod integrity;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use reader_model::layout::{HEADERS_FILE, REDIRECTS_FILE};

/// What a deployment of one build needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deployment {
    /// The folder the site is served from: `/` or `/news/`.
    pub base: String,
    /// CSP sources of the pages' inline scripts: the loader (the same on
    /// every page).
    pub script_hashes: Vec<String>,
    /// CSP sources of the inline stylesheet (the same on every page).
    pub style_hashes: Vec<String>,
    /// Files with a content hash in their name, served immutable.
    pub hashed_files: Vec<String>,
    /// The folders of the site's editions but the first, below the base
    /// (`zh/`): each has its content, its photos and its "not found" page.
    pub editions: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum DeployError {
    #[error("{0}: {1}")]
    Io(PathBuf, io::Error),
}

impl Deployment {
    /// What Trunk wrote into `dist`: `template` is its `index.html` (whose
    /// inline loader and styles the CSP must allow); the folder gives the
    /// names of the hashed files.
    ///
    /// # Errors
    /// A folder that cannot be read.
    pub fn plan(dist: &Path, base: &str, template: &str) -> Result<Self, DeployError> {
        let mut hashed_files: Vec<String> = fs::read_dir(dist)
            .map_err(|e| DeployError::Io(dist.to_path_buf(), e))?
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .filter(|name| Deployment::is_hashed(name))
            .collect();
        hashed_files.sort();
        Ok(Self {
            base: base.to_owned(),
            script_hashes: html::inline_script_hashes(template),
            style_hashes: html::inline_style_hashes(template),
            hashed_files,
            editions: Vec::new(),
        })
    }

    /// The folders of every edition below the host's root: the base,
    /// then each other edition's below it (`/news/`, `/news/zh/`).
    pub fn edition_bases(&self) -> Vec<String> {
        std::iter::once(self.base.clone())
            .chain(
                self.editions
                    .iter()
                    .map(|path| format!("{}{path}", self.base)),
            )
            .collect()
    }

    /// The full Content-Security-Policy header value.
    pub fn policy(&self) -> String {
        csp::policy(&self.script_hashes, &self.style_hashes, false)
    }

    /// A page made from Trunk's template, ready to publish: its base folder
    /// written in and the CSP as a `<meta>` for hosts that send no headers.
    pub fn finish_page(&self, html: &str) -> String {
        html::finish(
            html,
            &self.base,
            &csp::policy(&self.script_hashes, &self.style_hashes, true),
        )
    }

    /// Writes each host's rules: `_headers` and `_redirects` into `dist`,
    /// the nginx, CloudFront and S3 files into `configs`.
    ///
    /// # Errors
    /// A file that cannot be written.
    pub fn write_host_files(&self, dist: &Path, configs: &Path) -> Result<(), DeployError> {
        let files = [
            (dist.join(HEADERS_FILE), hosts::netlify::headers(self)),
            (dist.join(REDIRECTS_FILE), hosts::netlify::redirects(self)),
            (
                configs.join("nginx/reader.conf"),
                hosts::nginx::config(self),
            ),
            (
                configs.join("cloudfront/response-headers-policy.json"),
                hosts::cloudfront::response_headers_policy(self),
            ),
            (
                configs.join("cloudfront/viewer-request.js"),
                hosts::cloudfront::viewer_request_function(self),
            ),
            (
                configs.join("cloudfront/custom-error-responses.json"),
                hosts::cloudfront::custom_error_responses(self),
            ),
            (
                configs.join("s3/upload.sh"),
                hosts::cloudfront::s3_upload_script(self),
            ),
            (
                configs.join("nginx/keep.rsync"),
                hosts::nginx::rsync_keep(self),
            ),
        ];
        files.iter().try_for_each(|(path, text)| write(path, text))
    }

    /// Whether `name` (a file in dist's top folder) carries a content hash:
    /// Trunk names them `stem-<hex u64>.ext` or `stem-<hex>_bg.wasm`.
    pub fn is_hashed(name: &str) -> bool {
        let Some((stem, _ext)) = name.rsplit_once('.') else {
            return false;
        };
        let stem = stem.strip_suffix("_bg").unwrap_or(stem);
        stem.rsplit_once('-').is_some_and(|(_, hash)| {
            (12..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
        })
    }
}

/// Writes `text` to `path`, making its folders first.
///
/// # Errors
/// A folder or file that cannot be written.
pub fn write(path: &Path, text: &str) -> Result<(), DeployError> {
    reader_output::write(path, text)
        .map(drop)
        .map_err(|e| DeployError::Io(path.to_path_buf(), e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_trunks_hashed_names() {
        for hashed in [
            "reader-53d35c149a26d73b.js",
            "reader-53d35c149a26d73b_bg.wasm",
            "favicon-cded2d5c6d003a5.svg",
            "styles-d941ef6ec23eb205.css",
        ] {
            assert!(Deployment::is_hashed(hashed), "{hashed}");
        }
        for plain in [
            "index.html",
            "404.html",
            "_headers",
            "site.json",
            "my-favicon.svg",
        ] {
            assert!(!Deployment::is_hashed(plain), "{plain}");
        }
    }
}
