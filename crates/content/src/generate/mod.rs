//! A synthetic archive for measuring scale: `count` articles in the
//! newsroom's style, spread over sections, years and speakers, the same
//! for the same count on every machine (a fixed pseudo-random sequence).
//! In English (`english.rs`) or Chinese (`chinese.rs`): the same archive's
//! shape, each language's words.
//!
//! The vocabulary mixes common newsroom words with a long tail of made-up
//! terms and names drawn by a Zipf-like law, so a search index over it
//! grows as a real archive's does, not as a thousand copies of one text.

mod chinese;
mod english;

use std::fs;
use std::io;
use std::path::Path;

use serde_json::json;

/// The language of a generated archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// The English desk's words (the default).
    English,
    /// The Chinese desk's: Han text with no spaces, Chinese names, a
    /// `zh-CN` site.
    Chinese,
}

/// What differs between the languages: their words, names and settings.
trait Voice {
    /// A word of the text: common or from the long tail.
    fn word(&self, random: &mut Random) -> String;
    /// A sentence of `words` words, with its punctuation.
    fn sentence(&self, random: &mut Random, words: usize) -> String;
    /// A person's name from a rank (the same rank, the same person).
    fn person(&self, rank: usize) -> String;
    /// The `number`-th article's headline.
    fn headline(&self, random: &mut Random, number: usize) -> String;
    fn sections(&self) -> &'static [&'static str];
    fn roles(&self) -> &'static [&'static str];
    /// The picture's alternative text.
    fn alt(&self) -> &'static str;
    /// `site.json`.
    fn site(&self) -> String;

    fn paragraph(&self, random: &mut Random) -> String {
        (0..4 + random.below(3))
            .map(|_| {
                let length = 10 + random.below(12);
                self.sentence(random, length)
            })
            .collect::<Vec<_>>()
            .join(self.sentence_gap())
    }

    /// What stands between two sentences.
    fn sentence_gap(&self) -> &'static str {
        " "
    }
}

/// A small, fast, fixed pseudo-random sequence (SplitMix64).
pub(crate) struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }

    /// A rank in `0..n`, small ones far likelier (about Zipf's law).
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        let rank = ((n as f64 + 1.0).powf(u) - 1.0).floor();
        (rank as usize).min(n.saturating_sub(1))
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Writes a content folder at `dir`: `site.json`, `images/` and `count`
/// articles under `articles/<year>/`, in `language`.
///
/// # Errors
/// Any I/O error.
pub fn generate(count: usize, dir: &Path, language: Language) -> io::Result<()> {
    let voice: Box<dyn Voice> = match language {
        Language::English => Box::new(english::English::new()),
        Language::Chinese => Box::new(chinese::Chinese::new()),
    };
    let voice = voice.as_ref();
    let mut random = Random(0x5eed_0000 + count as u64);
    fs::create_dir_all(dir.join("images"))?;
    fs::write(dir.join("site.json"), voice.site())?;
    fs::write(dir.join("images/generated.svg"), PICTURE)?;
    let first_day = reader_model::Date::parse("2000-01-01").map_or(0, |d| d.days());
    for i in 0..count {
        let days = first_day + (i as i64 * 9_600) / count.max(1) as i64;
        let date = date_from_days(days);
        let year = &date[..4];
        let slug = format!("generated-{}-{}", i + 1, year);
        let article = article(voice, &mut random, &slug, &date, i + 1);
        let folder = dir.join("articles").join(year);
        fs::create_dir_all(&folder)?;
        let text = serde_json::to_string_pretty(&article).map_err(io::Error::other)?;
        fs::write(folder.join(format!("{slug}.json")), text)?;
    }
    Ok(())
}

/// One article, as its JSON file holds it.
fn article(
    voice: &dyn Voice,
    random: &mut Random,
    slug: &str,
    date: &str,
    number: usize,
) -> serde_json::Value {
    let headline = voice.headline(random, number);
    let mut body = Vec::new();
    let paragraphs = 5 + random.below(5);
    for p in 0..paragraphs {
        body.push(json!({"type": "paragraph", "text": voice.paragraph(random)}));
        if p == 1 && random.below(2) == 0 {
            for _ in 0..1 + random.below(2) {
                let speaker = voice.person(random.zipf(3_000));
                body.push(json!({
                    "type": "speech",
                    "speaker": speaker,
                    "role": random.pick(voice.roles()),
                    "caption": voice.sentence(random, 14),
                }));
            }
        }
    }
    let sections = voice.sections();
    let mut article = json!({
        "slug": slug,
        "headline": headline,
        // Some desks publish far more than others.
        "section": sections[random.zipf(sections.len())],
        "published": date,
        "author": voice.person(random.zipf(40)),
        "summary": voice.sentence(random, 24),
        "body": body,
    });
    if random.below(3) == 0 {
        article["thumbnail"] = json!({
            "src": "content/images/generated.svg",
            "alt": voice.alt(),
            "width": 1200,
            "height": 800
        });
    }
    article
}

/// `YYYY-MM-DD` of a day number from [`reader_model::Date::days`].
fn date_from_days(days: i64) -> String {
    // Howard Hinnant's civil_from_days, for the same epoch as Date::days.
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

const PICTURE: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 800"><rect width="1200" height="800" fill="#1f4e79"/><path d="M0 600 L300 420 L520 560 L800 360 L1200 620 V800 H0 Z" fill="#e8eef5"/></svg>"##;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_dates_round_trip() {
        for text in ["2000-01-01", "2020-02-29", "2026-11-26", "1999-12-31"] {
            let days = reader_model::Date::parse(text).expect("date").days();
            assert_eq!(date_from_days(days), text);
        }
    }

    #[test]
    fn the_same_count_gives_the_same_archive() {
        let scratch = tempfile::Builder::new()
            .prefix("reader-gen-")
            .tempdir()
            .expect("a scratch folder");
        let (a, b) = (scratch.path().join("a"), scratch.path().join("b"));
        generate(30, &a, Language::English).expect("a");
        generate(30, &b, Language::English).expect("b");
        let read = |dir: &Path| {
            fs::read_to_string(dir.join("articles/2000/generated-1-2000.json")).expect("first")
        };
        assert_eq!(read(&a), read(&b));
        let build = crate::Content::load(&a);
        assert!(!build.has_errors(), "{:?}", build.problems());
        assert_eq!(build.article_count(), 30);
    }

    #[test]
    fn a_chinese_archive_is_one_chinese_edition_of_chinese_text() {
        let scratch = tempfile::Builder::new()
            .prefix("reader-gen-zh-")
            .tempdir()
            .expect("a scratch folder");
        let dir = scratch.path();
        generate(40, dir, Language::Chinese).expect("generate");
        let (editions, problems) = crate::Content::load(dir).editions();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(editions.len(), 1);
        assert_eq!(editions[0].code, "zh");
        assert_eq!(editions[0].content.article_count(), 40);
        let first =
            fs::read_to_string(dir.join("articles/2000/generated-1-2000.json")).expect("first");
        let article: serde_json::Value = serde_json::from_str(&first).expect("json");
        let headline = article["headline"].as_str().unwrap_or_default();
        assert!(headline.starts_with("上海理工大学"), "{headline}");
        assert!(
            !headline.contains(' '),
            "Chinese words run together: {headline}"
        );
    }
}
