//! Where a Chinese headline may break between lines: between its words,
//! as jieba (the common Chinese word segmenter, with its own dictionary)
//! cuts it. The app lets a line break there and nowhere else within a run
//! of characters (`reader_model::Breaks`), so `军工路校区新图书馆落成启用`
//! breaks as `军工路校区新 / 图书馆落成启用`, never inside 图书馆.

use std::sync::LazyLock;

use jieba_rs::Jieba;
use reader_model::Breaks;
use reader_search::words::is_han;

/// The segmenter, made once and only for a site with Chinese headlines
/// (its dictionary takes a tenth of a second to load).
static JIEBA: LazyLock<Jieba> = LazyLock::new(Jieba::new);

/// The places between `headline`'s words where a line may break: between
/// two letters or digits, one of them a Chinese character, and not inside
/// what reads as a person's name ([`in_a_name`]). None for a headline
/// without Chinese. Next to punctuation or a space the browser's own rules
/// stand (never after an opening quote or before a closing one).
pub fn breaks(headline: &str) -> Breaks {
    if !headline.chars().any(is_han) {
        return Breaks::default();
    }
    let chars: Vec<char> = headline.chars().collect();
    let tokens = JIEBA.cut(headline, true);
    let places = (tokens.windows(2))
        .filter(|pair| !in_a_name(pair[0].word, pair[1].word))
        .map(|pair| pair[1].start)
        .filter(|&at| at > 0 && at < chars.len())
        .filter(|&at| {
            let (before, after) = (chars[at - 1], chars[at]);
            before.is_alphanumeric() && after.is_alphanumeric() && (is_han(before) || is_han(after))
        })
        .filter_map(|at| u16::try_from(at).ok())
        .collect();
    Breaks(places)
}

/// Whether the place between two of jieba's words is likely inside a
/// person's name it does not know: a surname (a word of one or two
/// characters that starts with one, 庄 or 陈程) and what follows it,
/// three characters at most together (庄|松林, 陈程|都). Names are two or
/// three characters; keeping a few words that are not a name together
/// (高校|将) only moves a line's end to the next place.
fn in_a_name(before: &str, after: &str) -> bool {
    let (surname, rest) = (before.chars().count(), after.chars().count());
    before.chars().next().is_some_and(|c| SURNAMES.contains(c))
        && (1..=2).contains(&surname)
        && (1..=2).contains(&rest)
        && surname + rest <= 3
        && after.chars().all(is_han)
}

/// The hundred commonest Chinese surnames, in the order of their
/// frequency (the 2020 census): nine in ten people bear one of them.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常庄";

#[cfg(test)]
mod tests {
    use super::breaks;

    fn cut(headline: &str) -> Vec<&str> {
        breaks(headline).pieces(headline)
    }

    #[test]
    fn a_chinese_headline_breaks_between_its_words() {
        assert_eq!(
            cut("军工路校区新图书馆落成启用"),
            ["军工路", "校区", "新", "图书馆", "落成", "启用"]
        );
        assert_eq!(
            cut("上海理工大学5G实验室揭牌启用"),
            ["上海理工大学", "5G", "实验室", "揭牌", "启用"]
        );
    }

    #[test]
    fn punctuation_and_spaces_keep_the_browsers_rules() {
        // No place next to the quotes: a line never ends with “ or starts with ”.
        let pieces = cut("我校“小叶子”志愿者");
        assert!(
            pieces
                .iter()
                .all(|p| !p.starts_with('”') && !p.ends_with('“')),
            "{pieces:?}"
        );
        assert_eq!(pieces.concat(), "我校“小叶子”志愿者");
        assert_eq!(cut("USST 与 上海电气"), ["USST 与 上海", "电气"]);
    }

    #[test]
    fn a_name_jieba_does_not_know_is_not_broken() {
        // Cut as 庄 / 松林 and 陈程 / 都 by the dictionary.
        assert_eq!(
            cut("庄松林院士为新生上第一课"),
            ["庄松林", "院士", "为", "新生", "上", "第一课"]
        );
        assert_eq!(cut("陈程都获评上海市优秀教师")[0], "陈程都");
        // Names it knows, and words after a name, as before.
        assert_eq!(cut("陈华教授荣获国家科学技术进步奖")[..2], ["陈华", "教授"]);
        assert_eq!(cut("校长丁晓东会见德国客人")[..2], ["校长", "丁晓东"]);
    }

    #[test]
    fn a_headline_without_chinese_has_no_breaks() {
        for headline in ["USST Library Reopens After Renovation", "", "2020"] {
            assert!(breaks(headline).is_empty(), "{headline}");
        }
    }
}
