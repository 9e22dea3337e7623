//! Writes the photo article's pictures as a camera saves them (see
//! `tests/fixtures/photos/README.md`):
//!
//! ```text
//! cargo run -p reader-content --example camera_originals -- <skimage/data> <images-dir>
//! ```

#[path = "../tests/support/camera.rs"]
#[allow(dead_code)]
mod camera;

use std::path::PathBuf;
use std::process::ExitCode;

/// (scikit-image's file, the file written, the EXIF orientation).
const PHOTOS: [(&str, &str, u16); 4] = [
    ("hubble_deep_field.jpg", "deep-field.jpg", 6),
    ("astronaut.png", "astronaut.jpg", 1),
    ("camera.png", "photographer.jpg", 8),
    ("chelsea.png", "chelsea.jpg", 3),
];

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [data, out] = args.as_slice() else {
        eprintln!("usage: camera_originals <skimage/data> <images-dir>");
        return ExitCode::from(2);
    };
    if let Err(err) = std::fs::create_dir_all(out) {
        eprintln!("{}: {err}", out.display());
        return ExitCode::FAILURE;
    }
    for (from, to, orientation) in PHOTOS {
        let source = data.join(from);
        let upright = match image::open(&source) {
            Ok(image) => image,
            Err(err) => {
                eprintln!("{}: {err}", source.display());
                return ExitCode::FAILURE;
            }
        };
        let target = out.join(to);
        if let Err(err) = std::fs::write(&target, camera::camera_jpeg(&upright, orientation)) {
            eprintln!("{}: {err}", target.display());
            return ExitCode::FAILURE;
        }
    }
    println!(
        "{} camera originals written to {}",
        PHOTOS.len(),
        out.display()
    );
    ExitCode::SUCCESS
}
