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
/// two letters or digits, one of them a Chinese character. None for a
/// headline without Chinese. Next to punctuation or a space the browser's
/// own rules stand (never after an opening quote or before a closing one).
pub fn breaks(headline: &str) -> Breaks {
    if !headline.chars().any(is_han) {
        return Breaks::default();
    }
    let chars: Vec<char> = headline.chars().collect();
    let places = JIEBA
        .cut(headline, true)
        .iter()
        .map(|token| token.start)
        .filter(|&at| at > 0 && at < chars.len())
        .filter(|&at| {
            let (before, after) = (chars[at - 1], chars[at]);
            before.is_alphanumeric() && after.is_alphanumeric() && (is_han(before) || is_han(after))
        })
        .filter_map(|at| u16::try_from(at).ok())
        .collect();
    Breaks(places)
}

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
    fn a_headline_without_chinese_has_no_breaks() {
        for headline in ["USST Library Reopens After Renovation", "", "2020"] {
            assert!(breaks(headline).is_empty(), "{headline}");
        }
    }
}
