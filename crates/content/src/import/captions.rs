//! A page's photo captions: which are of someone speaking (a speech
//! section, in English or in Chinese), which are a photo's.

use reader_model::Speech;

use super::is_chinese;

/// A caption of someone speaking: `Wu Jianyong, Secretary of …, delivered a
/// speech in the meeting` or `USST President Ding Xiaodong addressed a
/// speech …`.
pub(super) fn speech(line: &str) -> Option<Speech> {
    let verb = [" delivered ", " addressed ", " gave ", " made "]
        .iter()
        .filter_map(|verb| line.find(verb).map(|at| (at, verb.len())))
        .min()?;
    let rest = &line[verb.0 + verb.1..];
    if !rest.starts_with("a speech")
        && !rest.starts_with("the speech")
        && !rest.starts_with("a keynote")
        && !rest.starts_with("an address")
        && !rest.starts_with("a report")
    {
        return None;
    }
    let who = line[..verb.0].trim().trim_end_matches(',').trim();
    let (speaker, role) = match who.split_once(", ") {
        // `<Name>, <role>`
        Some((name, role)) => (name.trim(), Some(role.trim().trim_end_matches(',').trim())),
        // `<role> <Name>`: the name is the last two words, found by where
        // each word starts, so that any space between them (two, a
        // non-breaking one, an ideographic one) is a space.
        None => {
            let starts: Vec<usize> = (who.char_indices())
                .zip(std::iter::once(' ').chain(who.chars()))
                .filter(|((_, c), before)| !c.is_whitespace() && before.is_whitespace())
                .map(|((at, _), _)| at)
                .collect();
            let name_at = *starts.len().checked_sub(2).and_then(|at| starts.get(at))?;
            let role = who[..name_at].trim();
            (&who[name_at..], (!role.is_empty()).then_some(role))
        }
    };
    let speaker = speaker.split_whitespace().collect::<Vec<_>>().join(" ");
    (!speaker.is_empty()).then(|| Speech {
        photo: None,
        speaker,
        role: role.map(str::to_owned),
        caption: line.to_owned(),
    })
}

/// The Chinese site's caption of someone speaking: `吴金城在会上致辞`,
/// `丁晓东讲话`, `副校长陈华在年会上致辞`; a title before the name
/// (校长, 书记, 主任…) is the role.
pub(super) fn chinese_speech(line: &str) -> Option<Speech> {
    const VERBS: [&str; 4] = ["致辞", "讲话", "发言", "作报告"];
    const TITLES: [&str; 9] = [
        "书记", "校长", "主任", "院长", "主席", "部长", "教授", "市长", "会长",
    ];
    if !is_chinese(line) || line.chars().count() > 30 || line.ends_with(['。', '！', '？']) {
        return None;
    }
    let verb = VERBS.iter().find(|verb| line.ends_with(*verb))?;
    let who = line.strip_suffix(verb)?;
    // `<who>在<where>致辞`: the speaker is before 在.
    let who = who.split_once('在').map_or(who, |(who, _)| who).trim();
    let title_end = (TITLES.iter())
        .filter_map(|title| who.find(title).map(|at| at + title.len()))
        .filter(|end| *end < who.len())
        .max();
    let (role, speaker) = match title_end {
        Some(end) => (Some(&who[..end]), &who[end..]),
        None => (None, who),
    };
    let length = speaker.chars().count();
    ((2..=4).contains(&length) && speaker.chars().all(reader_search::words::is_han)).then(|| {
        Speech {
            photo: None,
            speaker: speaker.to_owned(),
            role: role.map(str::to_owned),
            caption: line.to_owned(),
        }
    })
}

/// A short line that does not end a sentence: a photo's caption.
pub(super) fn is_caption(line: &str) -> bool {
    // A list's item or markup, pasted with the text, is text: a paragraph
    // the editor sees as written, never a picture's caption.
    let listed = line.starts_with(['-', '*', '•', '<', '#', '>'])
        || line.split_once(['.', ')']).is_some_and(|(n, rest)| {
            !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && rest.starts_with(' ')
        });
    if listed {
        return false;
    }
    let ends_sentence = line.ends_with([
        '.', '!', '?', '。', '”', '"', '’', ':', ';', '！', '？', '：', '；',
    ]);
    let short = if is_chinese(line) {
        line.chars().count() <= 40
    } else {
        line.split_whitespace().count() <= 25
    };
    !ends_sentence && short
}

#[cfg(test)]
mod tests {
    use super::{is_caption, speech};

    #[test]
    fn a_speakers_name_is_the_last_two_words_whatever_the_spaces_between() {
        for (line, speaker, role) in [
            (
                "USST President Ding Xiaodong delivered a speech",
                "Ding Xiaodong",
                "USST President",
            ),
            (
                "President Ding  Xiaodong delivered a speech",
                "Ding Xiaodong",
                "President",
            ),
            (
                "Vice President \u{c9}mile\u{a0}Durand delivered a speech",
                "\u{c9}mile Durand",
                "Vice President",
            ),
            (
                "Dean \u{c9}mile\u{3000}Durand gave a keynote",
                "\u{c9}mile Durand",
                "Dean",
            ),
        ] {
            let found = speech(line).expect(line);
            assert_eq!(found.speaker, speaker, "{line}");
            assert_eq!(found.role.as_deref(), Some(role), "{line}");
        }
        let alone = speech("Ding Xiaodong delivered a speech").expect("a name alone");
        assert_eq!(
            (alone.speaker.as_str(), alone.role),
            ("Ding Xiaodong", None)
        );
        assert!(speech("Ding delivered a speech").is_none());
    }

    #[test]
    fn a_short_line_is_a_caption_unless_it_is_a_list_item_or_markup() {
        assert!(is_caption("Participants visit the solar energy laboratory"));
        assert!(is_caption("与会嘉宾参观太阳能实验室"));
        for text in [
            "- the first bullet-like line",
            "* another",
            "• a third",
            "1. the first step",
            "2) the second",
            "<b>bold html</b> in the text",
            "# a heading",
        ] {
            assert!(!is_caption(text), "{text}");
        }
        assert!(!is_caption("The ceremony ended at noon."));
    }
}
