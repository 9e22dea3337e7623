//! A synthetic archive for measuring scale: `count` articles in the
//! newsroom's style, spread over sections, years and speakers, the same
//! for the same count on every machine (a fixed pseudo-random sequence).
//!
//! The vocabulary mixes common newsroom words with a long tail of made-up
//! terms and names drawn by a Zipf-like law, so a search index over it
//! grows as a real archive's does, not as a thousand copies of one text.

use std::fs;
use std::io;
use std::path::Path;

use serde_json::json;

const COMMON: &str = "university students research campus international school \
    engineering science technology laboratory professor president forum conference \
    ceremony award team project design energy power optical medical equipment \
    library graduate undergraduate teachers faculty exchange cooperation partner \
    delegation innovation development future shanghai china europe academic \
    programme course lecture seminar workshop competition prize national city \
    industry company enterprise manufacturing intelligent machine data digital \
    network system health environment green carbon water climate materials \
    physics chemistry mathematics management business economics language culture \
    history art music sport volunteer community alumni anniversary centre institute \
    committee office department leaders guests visit agreement signed opened \
    launched held hosted welcomed announced presented discussed introduced \
    celebrated completed developed published received won joined organised said \
    new first young global important successful annual modern practical public";

const SECTIONS: [&str; 8] = [
    "Campus",
    "Research",
    "International",
    "Students",
    "Events",
    "Teaching",
    "Alumni",
    "Sport",
];

const ROLES: [&str; 8] = [
    "President of USST",
    "Vice President of USST",
    "Dean of the School of Optical-Electrical and Computer Engineering",
    "Director of the International Office",
    "Professor of Mechanical Engineering",
    "Student representative",
    "Visiting scholar",
    "Chair of the University Council",
];

const SYLLABLES: [&str; 32] = [
    "an", "ber", "chen", "da", "el", "fu", "gor", "han", "is", "jin", "ka", "lo", "mi", "nor",
    "ol", "pa", "qi", "ros", "sun", "ta", "ul", "vel", "wen", "xi", "ya", "zhu", "mar", "tin",
    "lei", "son", "ne", "ra",
];

/// A small, fast, fixed pseudo-random sequence (SplitMix64).
struct Random(u64);

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

/// A made-up word from the rank's syllables (the same rank, the same word).
fn term(rank: usize) -> String {
    let mut word = String::new();
    let mut n = rank + 32;
    while n > 0 {
        word.push_str(SYLLABLES[n % 32]);
        n /= 32;
    }
    word
}

struct Words {
    common: Vec<&'static str>,
}

impl Words {
    fn word(&self, random: &mut Random) -> String {
        if random.below(3) == 0 {
            term(random.zipf(40_000))
        } else {
            random.pick(&self.common).to_owned()
        }
    }

    fn sentence(&self, random: &mut Random, words: usize) -> String {
        let mut text: Vec<String> = (0..words).map(|_| self.word(random)).collect();
        if let Some(first) = text.first_mut() {
            let mut chars = first.chars();
            if let Some(c) = chars.next() {
                *first = c.to_uppercase().chain(chars).collect();
            }
        }
        text.join(" ") + "."
    }

    fn paragraph(&self, random: &mut Random) -> String {
        (0..4 + random.below(3))
            .map(|_| {
                let length = 10 + random.below(12);
                self.sentence(random, length)
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A person's name from a rank (the same rank, the same person).
fn person(rank: usize) -> String {
    format!(
        "{} {}",
        capitalised(&term(rank * 7 + 3)),
        capitalised(&term(rank * 13 + 5))
    )
}

/// Writes a content folder at `dir`: `site.json`, `images/` and `count`
/// articles under `articles/<year>/`.
///
/// # Errors
/// Any I/O error.
pub fn generate(count: usize, dir: &Path) -> io::Result<()> {
    let words = Words {
        common: COMMON.split_whitespace().collect(),
    };
    let mut random = Random(0x5eed_0000 + count as u64);
    fs::create_dir_all(dir.join("images"))?;
    fs::write(dir.join("site.json"), site())?;
    fs::write(dir.join("images/generated.svg"), PICTURE)?;
    let first_day = reader_model::Date::parse("2000-01-01").map_or(0, |d| d.days());
    for i in 0..count {
        let days = first_day + (i as i64 * 9_600) / count.max(1) as i64;
        let date = date_from_days(days);
        let year = &date[..4];
        let mut headline_words: Vec<String> = (0..5 + random.below(5))
            .map(|_| capitalised(&words.word(&mut random)))
            .collect();
        headline_words.push(format!("{}", i + 1));
        let headline = format!("USST {}", headline_words.join(" "));
        let slug = format!("generated-{}-{}", i + 1, year);
        let mut body = Vec::new();
        let paragraphs = 5 + random.below(5);
        for p in 0..paragraphs {
            body.push(json!({"type": "paragraph", "text": words.paragraph(&mut random)}));
            if p == 1 && random.below(2) == 0 {
                for _ in 0..1 + random.below(2) {
                    let speaker = person(random.zipf(3_000));
                    body.push(json!({
                        "type": "speech",
                        "speaker": speaker,
                        "role": random.pick(&ROLES),
                        "caption": words.sentence(&mut random, 14),
                    }));
                }
            }
        }
        let mut article = json!({
            "slug": slug,
            "headline": headline,
            // Some desks publish far more than others.
            "section": SECTIONS[random.zipf(SECTIONS.len())],
            "published": date,
            "author": person(random.zipf(40)),
            "summary": words.sentence(&mut random, 24),
            "body": body,
        });
        if random.below(3) == 0 {
            article["thumbnail"] = json!({
                "src": "content/images/generated.svg",
                "alt": "A drawing of the university's campus",
                "width": 1200,
                "height": 800
            });
        }
        let folder = dir.join("articles").join(year);
        fs::create_dir_all(&folder)?;
        let text = serde_json::to_string_pretty(&article).map_err(io::Error::other)?;
        fs::write(folder.join(format!("{slug}.json")), text)?;
    }
    Ok(())
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

fn site() -> String {
    json!({
        "name": "USST News",
        "origin": "https://news.example.edu",
        "description": "A generated archive for measuring the reader at scale.",
        "list_title": "News & Events",
        "nav": [
            {"label": "News & Events", "href": "/"},
            {"label": "Speakers", "href": "/speakers"},
            {"label": "Search", "href": "/search"}
        ],
        "footer": {"heading": "Stay Connected", "links": [
            {"label": "Email the News Office", "href": "mailto:news@example.edu"}
        ]}
    })
    .to_string()
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
        let a = std::env::temp_dir().join(format!("reader-gen-a-{}", std::process::id()));
        let b = std::env::temp_dir().join(format!("reader-gen-b-{}", std::process::id()));
        generate(30, &a).expect("a");
        generate(30, &b).expect("b");
        let read = |dir: &Path| {
            fs::read_to_string(dir.join("articles/2000/generated-1-2000.json")).expect("first")
        };
        assert_eq!(read(&a), read(&b));
        let build = crate::Content::load(&a);
        assert!(!build.has_errors(), "{:?}", build.problems());
        assert_eq!(build.article_count(), 30);
    }
}
