//! After `trunk build`: make `dist/` safe and correct on any static host.
//!
//! - the Content-Security-Policy, with the SHA-256 of Trunk's inline
//!   loader script (it names hashed files, so it changes with every build);
//! - `index.html` with its base folder and a CSP `<meta>` for hosts that
//!   send no headers;
//! - a real file for every route (`news/<slug>/index.html`, `404.html`),
//!   so deep links work even where no rewrite rule can be set;
//! - each host's configuration: Netlify and Cloudflare Pages (`_headers`,
//!   `_redirects`, inside `dist/`), nginx, S3 + CloudFront, GitHub Pages.

pub mod csp;
pub mod hosts;
pub mod html;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use reader_model::{NewsIndex, article_path};

/// What a deployment of one build needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deployment {
    /// The folder the site is served from: `/` or `/news/`.
    pub base: String,
    /// CSP sources of index.html's inline scripts.
    pub script_hashes: Vec<String>,
    /// Files with a content hash in their name, served immutable.
    pub hashed_files: Vec<String>,
    /// Every page path below the base (`news/<slug>`).
    pub routes: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum DeployError {
    #[error("{0}: {1}")]
    Io(PathBuf, io::Error),
    #[error("{0}: {1}")]
    Content(PathBuf, reader_model::ModelError),
}

impl Deployment {
    /// The full Content-Security-Policy header value.
    pub fn policy(&self) -> String {
        csp::policy(&self.script_hashes, false)
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

/// Reads `dist` (after Trunk wrote it), then writes the deploy files into
/// it and the host configurations into `configs`.
///
/// # Errors
/// A file that cannot be read or written, or a list index that does not parse.
pub fn prepare(dist: &Path, base: &str, configs: &Path) -> Result<Deployment, DeployError> {
    let read = |path: PathBuf| fs::read_to_string(&path).map_err(|e| DeployError::Io(path, e));
    let write = |path: PathBuf, text: &str| {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| DeployError::Io(parent.to_path_buf(), e))?;
        }
        fs::write(&path, text).map_err(|e| DeployError::Io(path, e))
    };

    let index_path = dist.join("index.html");
    let html = read(index_path.clone())?;
    let index_json = dist.join("content/index.json");
    let news: NewsIndex = reader_model::from_json(&read(index_json.clone())?)
        .map_err(|e| DeployError::Content(index_json, e))?;
    let mut hashed_files: Vec<String> = fs::read_dir(dist)
        .map_err(|e| DeployError::Io(dist.to_path_buf(), e))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| Deployment::is_hashed(name))
        .collect();
    hashed_files.sort();
    let deployment = Deployment {
        base: base.to_owned(),
        script_hashes: html::inline_script_hashes(&html),
        hashed_files,
        routes: news
            .articles()
            .iter()
            .map(|item| article_path(&item.slug))
            .collect(),
    };

    let page = html::finish(&html, base, &csp::policy(&deployment.script_hashes, true));
    write(index_path, &page)?;
    write(dist.join("404.html"), &page)?;
    for route in &deployment.routes {
        write(dist.join(route).join("index.html"), &page)?;
    }
    write(dist.join("_headers"), &hosts::netlify::headers(&deployment))?;
    write(
        dist.join("_redirects"),
        &hosts::netlify::redirects(&deployment),
    )?;
    write(
        configs.join("nginx/reader.conf"),
        &hosts::nginx::config(&deployment),
    )?;
    write(
        configs.join("cloudfront/response-headers-policy.json"),
        &hosts::cloudfront::response_headers_policy(&deployment),
    )?;
    write(
        configs.join("cloudfront/viewer-request.js"),
        &hosts::cloudfront::viewer_request_function(&deployment),
    )?;
    write(
        configs.join("s3/upload.sh"),
        &hosts::cloudfront::s3_upload_script(&deployment),
    )?;
    Ok(deployment)
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
