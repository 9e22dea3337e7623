//! Photographs through the content build: camera originals come out
//! upright, sized for their place and without their metadata; what is
//! wrong with an original is reported at the article's `src`; copies are
//! made once.

#[path = "support/camera.rs"]
mod camera;
#[path = "support/scratch.rs"]
mod scratch;

use std::fs;
use std::path::{Path, PathBuf};

use image::{DynamicImage, GenericImageView, ImageDecoder, ImageReader};
use reader_content::{Content, Severity};
use reader_model::{Article, ListPage, from_json};
use scratch::Scratch;

const SITE: &str = r#"{"name": "USST News", "description": "d", "list_title": "News & Events",
  "origin": "https://news.example.edu", "footer": {"heading": "Stay Connected", "links": []}}"#;

/// A content folder with one article whose lead photo is `lead` (a file in
/// `images/`), credited or not, and `files` written into `images/`;
/// removed when the test ends.
fn content(test: &str, lead: &str, credit: bool, files: &[(&str, Vec<u8>)]) -> Scratch {
    let root = Scratch::new(&format!("reader-photos-{test}-"));
    fs::create_dir_all(root.join("articles")).expect("temp dir");
    fs::create_dir_all(root.join("images")).expect("images");
    fs::write(root.join("site.json"), SITE).expect("site");
    for (name, bytes) in files {
        fs::write(root.join("images").join(name), bytes).expect("photo");
    }
    let credit = if credit {
        r#", "credit": "Li Rui""#
    } else {
        ""
    };
    fs::write(
        root.join("articles/a.json"),
        format!(
            r#"{{
  "slug": "a",
  "headline": "A",
  "section": "Campus",
  "published": "2020-01-01",
  "summary": "s",
  "lead": {{
    "image": {{"src": "content/images/{lead}", "alt": "The campus"{credit}}},
    "caption": "The campus at dawn."
  }},
  "body": [{{"type": "paragraph", "text": "t"}}]
}}"#
        ),
    )
    .expect("article");
    root
}

fn build(root: &Path) -> (Content, PathBuf) {
    let mut build = Content::load(root);
    build.set_photo_cache(root.join("cache"));
    let out = root.join("out");
    build.write(&out).expect("written");
    (build, out)
}

fn errors(build: &Content, severity: Severity) -> Vec<String> {
    (build.problems().iter())
        .filter(|p| p.severity == severity)
        .map(ToString::to_string)
        .collect()
}

fn published_files(out: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(out.join("photos"))
        .expect("photos written")
        .map(|entry| entry.expect("entry").path())
        .collect();
    files.sort();
    files
}

#[test]
fn a_camera_photo_is_published_upright_sized_and_without_its_metadata() {
    let original = camera::camera_jpeg(&camera::red_over_blue(1600, 1000), 6);
    // The original is what a phone writes: stored sideways, flagged, and
    // carrying where it was taken.
    let mut decoder = ImageReader::new(std::io::Cursor::new(original.clone()))
        .with_guessed_format()
        .expect("format")
        .into_decoder()
        .expect("decoder");
    assert_eq!(decoder.dimensions(), (1000, 1600));
    assert_eq!(
        decoder.orientation().expect("orientation"),
        image::metadata::Orientation::Rotate90
    );
    assert_eq!(camera::metadata_blocks(&original).len(), 3 + 4);
    drop(decoder);

    let root = content("camera", "phone.jpg", true, &[("phone.jpg", original)]);
    let (build, out) = build(&root);
    assert_eq!(errors(&build, Severity::Error), Vec::<String>::new());
    assert!(
        !out.join("images/phone.jpg").exists(),
        "the original was published"
    );

    let files = published_files(&out);
    // Lead: 360, 720, 1080, 1440; thumbnail (the list shows the lead):
    // 160, 240, 320, 480; each in WebP and JPEG; and the whole photo.
    assert_eq!(files.len(), 8 * 2 + 1, "{files:?}");
    for file in &files {
        let bytes = fs::read(file).expect("copy");
        assert_eq!(
            camera::metadata_blocks(&bytes),
            Vec::<String>::new(),
            "{} carries metadata",
            file.display()
        );
        let copy = image::load_from_memory(&bytes).expect("a picture");
        let (width, height) = copy.dimensions();
        let name = file.display();
        // Upright: red on top, blue below, whatever the shape.
        let top = copy.get_pixel(width / 2, height / 8).0;
        let bottom = copy.get_pixel(width / 2, height * 7 / 8).0;
        assert!(top[0] > 150 && top[2] < 100, "{name}: top is {top:?}");
        assert!(
            bottom[2] > 150 && bottom[0] < 100,
            "{name}: bottom is {bottom:?}"
        );
        assert!(width > height, "{name} is {width}×{height}: sideways");
    }

    let article: Article =
        from_json(&fs::read_to_string(out.join("articles/a.json")).expect("json"))
            .expect("an article");
    let lead = article
        .lead
        .and_then(|lead| lead.image)
        .expect("the lead photo");
    assert_eq!(
        lead.credit_line(&reader_model::Labels::english())
            .as_deref(),
        Some("Photo: Li Rui")
    );
    let copies = lead.copies.expect("copies");
    assert_eq!(copies.widths, [360, 720, 1080, 1440]);
    assert_eq!((lead.width, lead.height), (Some(720), Some(450)));
    assert!(
        lead.src.as_str().starts_with("content/photos/phone."),
        "{}",
        lead.src.as_str()
    );
    assert!(lead.src.as_str().ends_with("-720.jpg"));
    assert!(copies.full.as_str().ends_with("-1600.jpg"));
    for width in &copies.widths {
        for format in reader_model::Format::ALL {
            let file = copies.file(*width, format);
            assert!(
                root.join("out")
                    .join(file.trim_start_matches("content/"))
                    .is_file(),
                "{file}"
            );
        }
    }
    let list: ListPage =
        from_json(&fs::read_to_string(out.join("list/front.json")).expect("list")).expect("a page");
    let thumbnail = list.articles()[0]
        .thumbnail
        .clone()
        .expect("the lead, as thumbnail");
    assert_eq!((thumbnail.width, thumbnail.height), (Some(240), Some(160)));
    assert_eq!(
        thumbnail.copies.expect("copies").widths,
        [160, 240, 320, 480]
    );
}

#[test]
fn copies_are_made_once_and_again_only_when_the_original_changes() {
    let photo = |colour: u8| {
        DynamicImage::ImageRgb8(image::RgbImage::from_pixel(
            800,
            600,
            image::Rgb([colour, 90, 90]),
        ))
    };
    let root = content(
        "cache",
        "a.jpg",
        true,
        &[("a.jpg", camera::camera_jpeg(&photo(200), 1))],
    );
    let mut first = Content::load(&root);
    first.set_photo_cache(root.join("cache"));
    let made = first.write(&root.join("out")).expect("first").photos;
    let names = published_files(&root.join("out"));
    let _ = fs::remove_dir_all(root.join("out"));
    let (_, out) = build(&root);
    assert_eq!(published_files(&out), names, "the same names");
    // Nothing was decoded the second time: every copy came from the cache.
    let again = Content::load(&root);
    let mut again = again;
    again.set_photo_cache(root.join("cache"));
    let written = again.write(&root.join("out2")).expect("again").photos;
    assert_eq!(
        (written.decoded, written.made),
        (0, 0),
        "{made:?} then {written:?}"
    );

    fs::write(
        root.join("images/a.jpg"),
        camera::camera_jpeg(&photo(30), 1),
    )
    .expect("edit");
    let mut edited = Content::load(&root);
    edited.set_photo_cache(root.join("cache"));
    let written = edited.write(&root.join("out3")).expect("edited").photos;
    assert_eq!(written.decoded, 1);
    let renamed = published_files(&root.join("out3"));
    let old: Vec<_> = names.iter().filter_map(|p| p.file_name()).collect();
    assert!(
        renamed
            .iter()
            .all(|p| !old.contains(&p.file_name().expect("name"))),
        "{renamed:?}"
    );
}

/// The one problem of `severity`, which must point at the lead's `src`
/// (line 8 of the article, after `"src": `) and say `what`.
fn reported(root: &Path, severity: Severity, what: &str) {
    let build = Content::load(root);
    let found = errors(&build, severity);
    assert_eq!(found.len(), 1, "{found:?}");
    let at = format!("{}:8:22: ", root.join("articles/a.json").display());
    assert!(found[0].starts_with(&at), "{found:?} does not start {at}");
    assert!(found[0].contains(what), "{found:?} does not say {what}");
}

#[test]
fn a_file_that_is_not_the_picture_it_claims_is_an_error() {
    let mut png = Vec::new();
    camera::red_over_blue(800, 600)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .expect("png");
    let root = content("disguised", "a.jpg", true, &[("a.jpg", png)]);
    reported(
        &root,
        Severity::Error,
        "is named .jpg but is not a JPG: its bytes are a PNG file",
    );
    let root = content(
        "text",
        "b.jpg",
        true,
        &[("b.jpg", b"<html>not found</html>".to_vec())],
    );
    reported(&root, Severity::Error, "is not a picture");
}

#[test]
fn a_picture_cut_short_is_an_error() {
    let jpeg = camera::camera_jpeg(&camera::red_over_blue(800, 600), 1);
    let root = content(
        "cut-jpeg",
        "a.jpg",
        true,
        &[("a.jpg", jpeg[..jpeg.len() / 2].to_vec())],
    );
    reported(&root, Severity::Error, "is cut short");
    let mut png = Vec::new();
    camera::red_over_blue(800, 600)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .expect("png");
    let root = content(
        "cut-png",
        "b.png",
        true,
        &[("b.png", png[..png.len() - 20].to_vec())],
    );
    reported(&root, Severity::Error, "is cut short");
    // Whole, with what a phone may add after the picture's end: published.
    let mut trailed = jpeg.clone();
    trailed.extend_from_slice(b"a motion photo's video");
    let root = content("trailed-jpeg", "c.jpg", true, &[("c.jpg", trailed)]);
    assert!(!Content::load(&root).has_errors());
}

#[test]
fn a_decompression_bomb_is_refused_from_its_header() {
    // A 60-byte PNG declaring 100,000 × 100,000 pixels (30 GB decoded).
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = 100_000u32.to_be_bytes().repeat(2);
    header.extend([8, 2, 0, 0, 0]);
    // An empty zlib stream: one stored block of no bytes.
    let pixels = [
        0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x01,
    ];
    for (kind, data) in [
        (b"IHDR", &header[..]),
        (b"IDAT", &pixels[..]),
        (b"IEND", &[][..]),
    ] {
        let body = [kind.as_slice(), data].concat();
        png.extend(u32::try_from(data.len()).expect("short").to_be_bytes());
        png.extend(&body);
        png.extend(crc32(&body).to_be_bytes());
    }
    let root = content("bomb", "bomb.png", true, &[("bomb.png", png)]);
    reported(
        &root,
        Severity::Error,
        "declares 100000 × 100000 pixels (10000 megapixels; at most 64)",
    );
}

#[test]
fn a_huge_original_is_refused_before_it_is_read() {
    let root = content("huge", "huge.jpg", true, &[]);
    let file = fs::File::create(root.join("images/huge.jpg")).expect("file");
    file.set_len(60 * 1024 * 1024).expect("a sparse 60 MB file");
    reported(
        &root,
        Severity::Error,
        "is 60.0 MB; an original may be at most 40 MB",
    );
}

#[test]
fn an_original_too_small_for_its_place_is_a_warning() {
    let root = content(
        "small",
        "small.jpg",
        true,
        &[(
            "small.jpg",
            camera::camera_jpeg(&camera::red_over_blue(400, 300), 1),
        )],
    );
    reported(
        &root,
        Severity::Warning,
        "is 400 px wide where it is shown; the place is 672 px wide",
    );
    // Published all the same, at the sizes it has.
    let (_, out) = build(&root);
    let article: Article =
        from_json(&fs::read_to_string(out.join("articles/a.json")).expect("json"))
            .expect("an article");
    let lead = article.lead.and_then(|lead| lead.image).expect("lead");
    assert_eq!(lead.copies.expect("copies").widths, [360, 400]);
}

#[test]
fn a_missing_credit_is_an_error_where_the_site_requires_one() {
    let jpeg = camera::camera_jpeg(&camera::red_over_blue(800, 600), 1);
    let root = content("credit", "a.jpg", false, &[("a.jpg", jpeg)]);
    assert_eq!(
        errors(&Content::load(&root), Severity::Error),
        Vec::<String>::new()
    );
    let site = SITE.replacen('{', r#"{"require_photo_credit": true, "#, 1);
    fs::write(root.join("site.json"), site).expect("site");
    reported(
        &root,
        Severity::Error,
        "has no credit, and this site requires one",
    );
}

/// PNG's CRC-32 (of a chunk's type and data).
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
