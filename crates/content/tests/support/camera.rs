//! Photographs as a camera or phone saves them, for tests and the bench:
//! a JPEG whose pixels are stored turned, with the EXIF flag that says how
//! to turn them upright, the camera's make and the GPS position where it
//! was taken, and the same position again in XMP and IPTC blocks.

use image::{DynamicImage, RgbImage};

/// Where the test photos say they were taken (the campus, to the metre).
pub const LATITUDE: (u32, u32, u32) = (31, 17, 31);
pub const LONGITUDE: (u32, u32, u32) = (121, 33, 18);

/// What a camera original carries that a published file must not: the
/// EXIF block's header, XMP's namespace, IPTC's Photoshop block, the
/// camera's make (long enough never to occur by chance in pixel data).
pub const METADATA_MARKS: [&[u8]; 4] = [
    b"Exif\0\0",
    b"http://ns.adobe.com/xap/1.0/",
    b"Photoshop 3.0",
    b"Campus Camera",
];

/// The metadata blocks in a JPEG (APP1 to APP15 segments: EXIF, XMP,
/// IPTC, ICC...) or WebP (EXIF and XMP chunks) file, by marker or name.
pub fn metadata_blocks(bytes: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    if bytes.starts_with(&[0xFF, 0xD8]) {
        let mut at = 2;
        while at + 4 <= bytes.len() && bytes[at] == 0xFF {
            let marker = bytes[at + 1];
            if marker == 0xDA {
                break; // the pixels start
            }
            let length = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
            if (0xE1..=0xEF).contains(&marker) {
                found.push(format!("APP{}", marker - 0xE0));
            }
            at += 2 + length;
        }
    } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        let mut at = 12;
        while at + 8 <= bytes.len() {
            let name = &bytes[at..at + 4];
            let size =
                u32::from_le_bytes([bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]]);
            if name == b"EXIF" || name == b"XMP " {
                found.push(String::from_utf8_lossy(name).into_owned());
            }
            at += 8 + size as usize + (size as usize % 2);
        }
    }
    for mark in METADATA_MARKS {
        if bytes.windows(mark.len()).any(|window| window == mark) {
            found.push(String::from_utf8_lossy(mark).into_owned());
        }
    }
    found
}

/// EXIF's orientation flags: 1 upright, 3 upside down, 6 stored turned
/// left (shown after a quarter turn right), 8 stored turned right.
pub fn stored_for(upright: &DynamicImage, orientation: u16) -> DynamicImage {
    match orientation {
        3 => upright.rotate180(),
        6 => upright.rotate270(),
        8 => upright.rotate90(),
        _ => upright.clone(),
    }
}

/// `upright` saved as a camera would: turned for `orientation`, a JPEG at
/// quality 92, with EXIF (make, model, orientation, GPS), XMP and IPTC.
pub fn camera_jpeg(upright: &DynamicImage, orientation: u16) -> Vec<u8> {
    let stored = stored_for(upright, orientation).to_rgb8();
    let mut plain = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 92)
        .encode_image(&stored)
        .expect("a JPEG in memory");
    let mut out = plain[..2].to_vec(); // SOI
    out.extend(segment(
        0xE1,
        &[b"Exif\0\0".as_slice(), &tiff(orientation)].concat(),
    ));
    out.extend(segment(0xE1, &xmp()));
    out.extend(segment(0xED, &iptc()));
    out.extend(&plain[2..]);
    out
}

/// A picture whose top half is red and bottom half blue: which way up it
/// was published is plain from its pixels.
pub fn red_over_blue(width: u32, height: u32) -> DynamicImage {
    DynamicImage::ImageRgb8(RgbImage::from_fn(width, height, |_, y| {
        if y < height / 2 {
            image::Rgb([220, 20, 20])
        } else {
            image::Rgb([20, 20, 220])
        }
    }))
}

fn segment(marker: u8, data: &[u8]) -> Vec<u8> {
    let length = u16::try_from(data.len() + 2).expect("a segment under 64 KB");
    let mut out = vec![0xFF, marker];
    out.extend(length.to_be_bytes());
    out.extend(data);
    out
}

/// A little-endian TIFF block: IFD0 with make, model, orientation and a
/// pointer to the GPS IFD, which holds latitude and longitude.
fn tiff(orientation: u16) -> Vec<u8> {
    // Layout: header (8), IFD0 (2 + 4×12 + 4 = 54) at 8, GPS IFD
    // (2 + 5×12 + 4 = 66) at 62, then the values that do not fit in an
    // entry at 128.
    let mut data = Vec::new();
    let mut entries0 = Vec::new();
    let mut gps = Vec::new();
    let extra_at = 128u32;
    let mut extra: Vec<u8> = Vec::new();
    let put = |bytes: &[u8], extra: &mut Vec<u8>| {
        let at = extra_at + u32::try_from(extra.len()).expect("small");
        extra.extend(bytes);
        if extra.len() % 2 == 1 {
            extra.push(0);
        }
        at
    };
    let make = b"Campus Camera\0";
    let model = b"Phone 12 Pro\0";
    entries0.push(entry(0x010F, 2, make.len() as u32, put(make, &mut extra)));
    entries0.push(entry(0x0110, 2, model.len() as u32, put(model, &mut extra)));
    entries0.push(entry(0x0112, 3, 1, u32::from(orientation)));
    entries0.push(entry(0x8825, 4, 1, 62));
    let rational = |(d, m, s): (u32, u32, u32)| {
        [d, 1, m, 1, s, 1]
            .iter()
            .flat_map(|n| n.to_le_bytes())
            .collect::<Vec<u8>>()
    };
    gps.push(entry(0x0000, 1, 4, u32::from_le_bytes([2, 3, 0, 0])));
    gps.push(entry(0x0001, 2, 2, u32::from_le_bytes([b'N', 0, 0, 0])));
    gps.push(entry(0x0002, 5, 3, put(&rational(LATITUDE), &mut extra)));
    gps.push(entry(0x0003, 2, 2, u32::from_le_bytes([b'E', 0, 0, 0])));
    gps.push(entry(0x0004, 5, 3, put(&rational(LONGITUDE), &mut extra)));
    data.extend(b"II*\0");
    data.extend(8u32.to_le_bytes());
    for (entries, next) in [(&entries0, 0u32), (&gps, 0u32)] {
        data.extend(u16::try_from(entries.len()).expect("few").to_le_bytes());
        for entry in entries {
            data.extend(entry);
        }
        data.extend(next.to_le_bytes());
    }
    assert_eq!(data.len(), 128, "the layout above");
    data.extend(extra);
    data
}

/// One 12-byte IFD entry; `value` is the value itself when it fits in
/// four bytes (SHORTs in the low half), else where it is.
fn entry(tag: u16, kind: u16, count: u32, value: u32) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend(tag.to_le_bytes());
    out.extend(kind.to_le_bytes());
    out.extend(count.to_le_bytes());
    out.extend(value.to_le_bytes());
    out
}

fn xmp() -> Vec<u8> {
    let packet = format!(
        "http://ns.adobe.com/xap/1.0/\0<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\
         <rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"{},{}.5N\" exif:GPSLongitude=\"{},{}.3E\"/>\
         </rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>",
        LATITUDE.0, LATITUDE.1, LONGITUDE.0, LONGITUDE.1
    );
    packet.into_bytes()
}

/// A Photoshop IPTC block naming the place (city) and the photographer.
fn iptc() -> Vec<u8> {
    let mut records = Vec::new();
    for (dataset, text) in [(90u8, "Shanghai"), (80u8, "Li Rui")] {
        records.extend([0x1C, 2, dataset]);
        records.extend(u16::try_from(text.len()).expect("short").to_be_bytes());
        records.extend(text.as_bytes());
    }
    let mut out = b"Photoshop 3.0\0".to_vec();
    out.extend(b"8BIM");
    out.extend(0x0404u16.to_be_bytes());
    out.extend([0, 0]); // empty Pascal name, padded
    out.extend(u32::try_from(records.len()).expect("short").to_be_bytes());
    out.extend(&records);
    if records.len() % 2 == 1 {
        out.push(0);
    }
    out
}
