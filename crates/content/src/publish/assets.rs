//! What the build publishes beside the articles and lists: the schema
//! editors' tools read, the drawings as saved, and the copies made of
//! photographs (never the originals: they may say where they were taken).

use std::fs;
use std::io;
use std::path::Path;

use reader_model::layout::{ContentFile, ContentFolder};
use reader_output::Output;

use crate::content::Content;
use crate::load::IMAGES_DIR;
use crate::photos;

/// Writes the schema, the drawings and the photographs' copies.
pub(super) fn write(content: &Content, out: &Path, output: &Output) -> io::Result<photos::Written> {
    output.write(
        &out.join(ContentFile::Schema.path()),
        reader_model::article_schema(),
    )?;
    let images = content.root.join(IMAGES_DIR);
    if images.is_dir() {
        copy_dir(output, &images, &out.join(ContentFolder::Images.name()))?;
    }
    let photos_dir = out.join(ContentFolder::Photos.name());
    content
        .photos
        .write(&photos_dir, &content.photo_cache, output)
}

/// Copies `from` into `to`, but for photographs: an original may carry
/// where it was taken, and only its copies are published.
fn copy_dir(output: &Output, from: &Path, to: &Path) -> io::Result<()> {
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(output, &entry.path(), &target)?;
        } else if !photos::is_photo(&entry.path()) {
            output.write(&target, fs::read(entry.path())?)?;
        }
    }
    Ok(())
}
