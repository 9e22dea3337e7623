//! The English desk's words for a generated archive.

use serde_json::json;

use super::{Random, Voice};

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

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// English: words between spaces, made-up terms from Latin syllables.
pub(super) struct English {
    common: Vec<&'static str>,
}

impl English {
    pub(super) fn new() -> Self {
        Self {
            common: COMMON.split_whitespace().collect(),
        }
    }
}

impl Voice for English {
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
            *first = capitalised(first);
        }
        text.join(" ") + "."
    }

    fn person(&self, rank: usize) -> String {
        format!(
            "{} {}",
            capitalised(&term(rank * 7 + 3)),
            capitalised(&term(rank * 13 + 5))
        )
    }

    fn headline(&self, random: &mut Random, number: usize) -> String {
        let mut words: Vec<String> = (0..5 + random.below(5))
            .map(|_| capitalised(&self.word(random)))
            .collect();
        words.push(number.to_string());
        format!("USST {}", words.join(" "))
    }

    fn sections(&self) -> &'static [&'static str] {
        &SECTIONS
    }

    fn roles(&self) -> &'static [&'static str] {
        &ROLES
    }

    fn alt(&self) -> &'static str {
        "A drawing of the university's campus"
    }

    fn site(&self) -> String {
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
}
