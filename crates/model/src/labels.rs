//! The words of the site's chrome (the header, the dateline's "By", the
//! pagination, the errors…) in each language: one table per language,
//! `i18n/<language>.json`, that a translator edits without reading Rust.
//! A table missing a label fails the content build
//! ([`Labels::missing`]). The tables are compiled in (a few kilobytes):
//! the app and the prerender show the same words, and a page carries none.

use std::collections::BTreeMap;

use crate::Date;

/// The tables, by language code. A new language: its table in `i18n/`,
/// and a line here.
const TABLES: [(&str, &str); 2] = [
    ("en", include_str!("../../../i18n/en.json")),
    ("zh", include_str!("../../../i18n/zh.json")),
];

/// A line that names people (`By Zhang Liu and 李锐`): the label's words
/// before and after the names, and each name with the separator before it
/// (empty before the first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameLine {
    pub before: String,
    pub names: Vec<(String, String)>,
    pub after: String,
}

impl NameLine {
    /// The line as one string of text.
    pub fn text(&self) -> String {
        let mut text = self.before.clone();
        for (separator, name) in &self.names {
            text.push_str(separator);
            text.push_str(name);
        }
        text.push_str(&self.after);
        text
    }
}

/// One language's labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    words: BTreeMap<String, String>,
}

macro_rules! labels {
    ($($variant:ident => $key:literal,)*) => {
        /// A label of the chrome, by the key its tables name it with.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Label {
            $($variant,)*
        }

        impl Label {
            /// Every label, which every table must have.
            pub const ALL: &'static [Label] = &[$(Label::$variant,)*];

            /// Its key in the tables.
            pub fn key(self) -> &'static str {
                match self {
                    $(Label::$variant => $key,)*
                }
            }
        }
    };
}

labels! {
    Language => "language",
    SkipToContent => "skip_to_content",
    Navigation => "navigation",
    Sections => "sections",
    SwitchLanguage => "switch_language",
    News => "news",
    Loading => "loading",
    Search => "search",
    SearchTheNews => "search_the_news",
    SearchTheArchive => "search_the_archive",
    Breadcrumb => "breadcrumb",
    Home => "home",
    Date => "date",
    Months => "months",
    DatesBetween => "dates_between",
    By => "by",
    CopyeditedBy => "copyedited_by",
    ListAnd => "list_and",
    ListComma => "list_comma",
    RoleYears => "role_years",
    PhotoCredit => "photo_credit",
    WhoSpoke => "who_spoke",
    SpeechBy => "speech_by",
    SpeechTitle => "speech_title",
    ErrorDetails => "error_details",
    LinkToThisSpeech => "link_to_this_speech",
    LinkBy => "link_by",
    CopyLink => "copy_link",
    CopyLinkTo => "copy_link_to",
    LinkCopied => "link_copied",
    CouldNotCopy => "could_not_copy",
    OpenFullPhoto => "open_full_photo",
    UntranslatedGoesHome => "untranslated_goes_home",
    RelatedArticles => "related_articles",
    SaveForOffline => "save_for_offline",
    SavedRemove => "saved_remove",
    Newer => "newer",
    Older => "older",
    Pages => "pages",
    PageOf => "page_of",
    ArchivePage => "archive_page",
    ArchiveDescription => "archive_description",
    ArchiveDescriptionUndated => "archive_description_undated",
    SectionDescription => "section_description",
    ArticlesOne => "articles_one",
    ArticlesMany => "articles_many",
    NoNews => "no_news",
    SearchDescription => "search_description",
    SearchHint => "search_hint",
    SearchNeedsScript => "search_needs_script",
    SearchDidNotStart => "search_did_not_start",
    Searching => "searching",
    MatchesNone => "matches_none",
    MatchesNoneYet => "matches_none_yet",
    MatchesNoneBegun => "matches_none_begun",
    FirstWordsSearched => "first_words_searched",
    MatchesOne => "matches_one",
    MatchesMany => "matches_many",
    MatchesPastEnd => "matches_past_end",
    MatchesMore => "matches_more",
    BetterMatches => "better_matches",
    MoreResults => "more_results",
    ResultPages => "result_pages",
    Speakers => "speakers",
    SpeakersDescription => "speakers_description",
    SpeakerDescription => "speaker_description",
    AllSpeakers => "all_speakers",
    NoSpeeches => "no_speeches",
    NotFound => "not_found",
    NotFoundMessage => "not_found_message",
    GoToNewsList => "go_to_news_list",
    CouldNotLoad => "could_not_load",
    WhatNewsList => "what_news_list",
    WhatArticle => "what_article",
    WhatSpeakers => "what_speakers",
    WhatSpeaker => "what_speaker",
    WhatSearch => "what_search",
    Retry => "retry",
    Retrying => "retrying",
    FooterUnavailable => "footer_unavailable",
    ErrorOffline => "error_offline",
    ErrorMissing => "error_missing",
    ErrorServer => "error_server",
    ErrorRefused => "error_refused",
    ErrorWebPage => "error_web_page",
    ErrorDamaged => "error_damaged",
    Saved => "saved",
    SavedHeading => "saved_heading",
    SavedDescription => "saved_description",
    SavedIntro => "saved_intro",
    SavedNeedsScript => "saved_needs_script",
    Offline => "offline",
    OfflineDescription => "offline_description",
    OfflineMessage => "offline_message",
    TryAgain => "try_again",
    EverythingSaved => "everything_saved",
    SavedForLater => "saved_for_later",
    RecentlyRead => "recently_read",
    Remove => "remove",
    RemoveFromDevice => "remove_from_device",
    NothingSaved => "nothing_saved",
    OfflineOff => "offline_off",
    CannotKeep => "cannot_keep",
    SavedUnreadable => "saved_unreadable",
    SearchTitle => "search_title",
    SavedAt => "saved_at",
    ReadAt => "read_at",
    SavedCopy => "saved_copy",
    Panic => "panic",
    ReloadPage => "reload_page",
}

impl Labels {
    /// The labels of the language `code` (`en`, `zh`, or a tag such as
    /// `zh-CN`: its first part), if it has a table.
    pub fn of(code: &str) -> Option<Self> {
        let code = code.split(['-', '_']).next().unwrap_or(code);
        let (_, table) = TABLES.iter().find(|(language, _)| *language == code)?;
        Self::parse(table).ok()
    }

    /// English: the labels of a site that names no language.
    pub fn english() -> Self {
        Self::of("en").unwrap_or_else(|| Self {
            words: BTreeMap::new(),
        })
    }

    /// A table as written.
    ///
    /// # Errors
    /// JSON that is not an object of strings.
    pub fn parse(table: &str) -> Result<Self, crate::ModelError> {
        Ok(Self {
            words: crate::from_json(table)?,
        })
    }

    /// The language codes that have a table.
    pub fn languages() -> impl Iterator<Item = &'static str> {
        TABLES.iter().map(|(code, _)| *code)
    }

    /// The labels a table lacks (each fails the build).
    pub fn missing(&self) -> Vec<&'static str> {
        (Label::ALL.iter())
            .map(|label| label.key())
            .filter(|key| !self.words.contains_key(*key))
            .collect()
    }

    /// A label as written.
    pub fn get(&self, label: Label) -> &str {
        self.words.get(label.key()).map_or("", String::as_str)
    }

    /// A label with its `{name}`s filled in.
    pub fn fill(&self, label: Label, values: &[(&str, &str)]) -> String {
        let mut text = self.get(label).to_owned();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// A day as this language writes it: `November 22, 2020`,
    /// `2020年11月22日`.
    pub fn date(&self, date: Date) -> String {
        let months: Vec<&str> = self.get(Label::Months).split('|').collect();
        let month = months
            .get(usize::from(date.month()) - 1)
            .copied()
            .unwrap_or("");
        self.fill(
            Label::Date,
            &[
                ("year", &date.year().to_string()),
                ("month", month),
                ("day", &date.day().to_string()),
            ],
        )
    }

    /// `label` (one with a `{names}`) with `names` listed in it as a
    /// sentence in this language says them (`A`, `A and B`, `A, B and C`;
    /// `A、B、C`), the last after `last` (`Label::ListAnd`, or
    /// `Label::ListComma` for a plain list), kept apart so that a view
    /// can mark each name (its language) where it fills them in.
    pub fn name_line(&self, label: Label, names: &[String], last: Label) -> NameLine {
        let template = self.get(label);
        let (before, after) = template.split_once("{names}").unwrap_or((template, ""));
        let count = names.len();
        let names = names
            .iter()
            .enumerate()
            .map(|(at, name)| {
                let separator = match at {
                    0 => "",
                    at if at + 1 == count => self.get(last),
                    _ => self.get(Label::ListComma),
                };
                (separator.to_owned(), name.clone())
            })
            .collect();
        NameLine {
            before: before.to_owned(),
            names,
            after: after.to_owned(),
        }
    }

    /// `1 article`, `3 articles`.
    pub fn articles(&self, count: usize) -> String {
        match count {
            1 => self.get(Label::ArticlesOne).to_owned(),
            n => self.fill(Label::ArticlesMany, &[("count", &n.to_string())]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_has_every_label() {
        for code in Labels::languages() {
            let labels = Labels::of(code).expect("a table that reads");
            assert_eq!(labels.missing(), Vec::<&str>::new(), "i18n/{code}.json");
        }
    }

    #[test]
    fn dates_lists_and_counts_read_as_each_language_writes_them() {
        let day = Date::parse("2020-11-22").expect("a day");
        let en = Labels::english();
        let zh = Labels::of("zh-CN").expect("zh");
        assert_eq!(en.date(day), "November 22, 2020");
        assert_eq!(zh.date(day), "2020年11月22日");
        let names = [
            "Zhang Liu".to_owned(),
            "Li Rui".to_owned(),
            "William".to_owned(),
        ];
        let byline = |labels: &Labels, names: &[String]| {
            labels.name_line(Label::By, names, Label::ListAnd).text()
        };
        assert_eq!(byline(&en, &names), "By Zhang Liu, Li Rui and William");
        assert_eq!(byline(&en, &names[..2]), "By Zhang Liu and Li Rui");
        assert_eq!(
            byline(&zh, &["张柳".to_owned(), "李芮".to_owned()]),
            "作者：张柳、李芮"
        );
        let line = zh.name_line(Label::By, &names[..2], Label::ListAnd);
        assert_eq!(line.before, "作者：");
        assert_eq!(
            line.names,
            [
                (String::new(), "Zhang Liu".to_owned()),
                ("、".to_owned(), "Li Rui".to_owned())
            ]
        );
        assert_eq!(line.text(), "作者：Zhang Liu、Li Rui");
        let copyedit = en.name_line(Label::CopyeditedBy, &names, Label::ListComma);
        assert_eq!(copyedit.text(), "Copyedited by Zhang Liu, Li Rui, William");
        assert_eq!(en.articles(1), "1 article");
        assert_eq!(zh.articles(3), "3 篇文章");
        assert_eq!(
            en.fill(Label::By, &[("names", "Zhang Liu")]),
            "By Zhang Liu"
        );
    }

    #[test]
    fn a_table_missing_a_label_says_which() {
        let labels = Labels::parse(r#"{"language": "X"}"#).expect("json");
        assert!(labels.missing().contains(&"skip_to_content"));
        assert!(Labels::of("xx").is_none());
    }
}
