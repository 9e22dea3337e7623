//! A page's dateline, in the English site's words or the Chinese site's:
//! its date, its byline and its copy editors.

use reader_model::Date;

/// What a dateline said.
#[derive(Default)]
pub(super) struct Dateline {
    pub(super) date: Option<Date>,
    pub(super) authors: Vec<String>,
    pub(super) copy_editors: Vec<String>,
    /// Parts that are none of these.
    pub(super) unplaced: Vec<String>,
}

impl Dateline {
    /// `November 22, 2020 | By Zhang Liu | Copyedited by William, Zhang Liu`
    /// and every shape with parts missing; `None` when the line has no date
    /// and no byline (it is then the first paragraph).
    ///
    /// The Chinese site's: `发布时间：2020-11-22  作者：张柳  编辑/审核：王伟/李明`,
    /// its parts apart by two spaces (or an ideographic one) or `|`.
    pub(super) fn read(line: &str) -> Option<Self> {
        let mut dateline = Self::default();
        let mut after_byline = false;
        for part in dateline_parts(line) {
            let part = strip_label(part, DATE_LABELS).unwrap_or(part);
            if let Some(date) = date(part) {
                dateline.date = Some(date);
            } else if let Some(names) = strip_label(part, AUTHOR_LABELS) {
                dateline.authors = split_names(names);
                after_byline = true;
            } else if let Some(names) = strip_label(
                part,
                &[
                    "copyedited by",
                    "copy edited by",
                    "copy-edited by",
                    "editor:",
                    "editors:",
                    "编辑/审核：",
                    "编辑/审核:",
                    "责任编辑：",
                    "编辑：",
                    "编辑:",
                    "审核：",
                    "审核:",
                ],
            ) {
                dateline.copy_editors = split_names(names);
            } else if after_byline
                && dateline.copy_editors.is_empty()
                && part.split_whitespace().count() <= 12
            {
                // Names after the byline without a label: the copy editors.
                dateline.copy_editors = split_names(part);
            } else {
                dateline.unplaced.push(part.to_owned());
            }
        }
        (dateline.date.is_some() || after_byline).then_some(dateline)
    }

    pub(super) fn describe(&self) -> String {
        let mut parts = Vec::new();
        parts.push(match self.date {
            Some(date) => format!("date {}", date.iso()),
            None => "no date".to_owned(),
        });
        parts.push(if self.authors.is_empty() {
            "no author".to_owned()
        } else {
            format!("author(s) {}", self.authors.join("; "))
        });
        parts.push(if self.copy_editors.is_empty() {
            "no copy editors".to_owned()
        } else {
            format!("copy editor(s) {}", self.copy_editors.join("; "))
        });
        parts.join(", ")
    }
}

/// The labels of a dateline's date (left out: the date is read as it is).
const DATE_LABELS: &[&str] = &[
    "发布时间：",
    "发布时间:",
    "发布日期：",
    "发布日期:",
    "日期：",
    "日期:",
];

/// The labels of a byline.
const AUTHOR_LABELS: &[&str] = &["by ", "作者：", "作者:", "文：", "文:", "撰稿：", "撰稿:"];

/// A dateline's parts: apart by `|`, or in the Chinese site's, by two
/// spaces or an ideographic one.
fn dateline_parts(line: &str) -> Vec<&str> {
    let parts: Vec<&str> = if line.contains('|') {
        line.split('|').collect()
    } else {
        line.split("  ")
            .flat_map(|part| part.split('\u{3000}'))
            .collect()
    };
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// `part` without its label (any case), when it starts with one.
fn strip_label<'a>(part: &'a str, labels: &[&str]) -> Option<&'a str> {
    let lower = part.to_lowercase();
    labels.iter().find_map(|label| {
        lower
            .starts_with(label)
            .then(|| part.get(label.len()..))
            .flatten()
            .map(str::trim)
    })
}

/// `Zhang Liu, Li Rui`, `A and B`, `张柳、李锐`, `王伟/李明` as names.
fn split_names(names: &str) -> Vec<String> {
    names
        .split([',', '、', '，', ';', '&', '/'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// `November 22, 2020`, `Nov 22, 2020`, `22 November 2020`, `2020-11-22`,
/// `2020/11/22`, `2020年11月22日`.
fn date(text: &str) -> Option<Date> {
    let words: Vec<&str> = text
        .trim_end_matches('日')
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '/' | '.' | '年' | '月'))
        .filter(|w| !w.is_empty())
        .collect();
    let month = |word: &str| {
        let word = word.to_lowercase();
        (word.len() >= 3)
            .then(|| MONTHS.iter().position(|m| m.starts_with(&word)))
            .flatten()
            .and_then(|i| u8::try_from(i + 1).ok())
    };
    let number = |word: &str| word.parse::<u16>().ok();
    let (year, month, day) = match words.as_slice() {
        [y, m, d] if y.len() == 4 && number(y).is_some() => {
            (number(y)?, u8::try_from(number(m)?).ok()?, number(d)?)
        }
        [m, d, y] if month(m).is_some() => (number(y)?, month(m)?, number(d)?),
        [d, m, y] if month(m).is_some() => (number(y)?, month(m)?, number(d)?),
        _ => return None,
    };
    Date::from_parts(year, month, u8::try_from(day).ok()?)
}
