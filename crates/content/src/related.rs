//! Related articles for an article whose editor named none: those where
//! the same people spoke first, then the same section, each nearest in
//! date. Built from sorted groups, so 100,000 articles cost a sort, not a
//! comparison of every pair.

use std::collections::HashMap;

use reader_model::Date;

/// How many related articles are chosen for an article that names none.
pub const AUTOMATIC_COUNT: usize = 3;

/// What relating articles looks at.
pub struct Traits<'a> {
    /// `None` (undated) counts as older than every date.
    pub published: Option<Date>,
    pub section: &'a str,
    /// Who spoke in it, each name as the speakers index counts it.
    pub speakers: Vec<String>,
}

/// For each article (by position in `articles`), up to
/// [`AUTOMATIC_COUNT`] others: shared speakers first, then the same
/// section, nearest in date first.
pub fn automatic(articles: &[Traits]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by_key(|&i| (articles[i].published, i));
    let mut rank = vec![0; articles.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    let mut by_speaker: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_section: HashMap<&str, Vec<usize>> = HashMap::new();
    for &i in &order {
        by_section.entry(articles[i].section).or_default().push(i);
        for name in &articles[i].speakers {
            let group = by_speaker.entry(name.as_str()).or_default();
            if group.last() != Some(&i) {
                group.push(i);
            }
        }
    }
    (0..articles.len())
        .map(|i| {
            let mut chosen: Vec<usize> = Vec::with_capacity(AUTOMATIC_COUNT);
            let groups = articles[i]
                .speakers
                .iter()
                .filter_map(|name| by_speaker.get(name.as_str()))
                .chain(by_section.get(articles[i].section));
            for group in groups {
                for other in nearest(group, i, &rank, articles) {
                    if chosen.len() == AUTOMATIC_COUNT {
                        return chosen;
                    }
                    if !chosen.contains(&other) {
                        chosen.push(other);
                    }
                }
            }
            chosen
        })
        .collect()
}

/// The members of `group` (sorted by date) other than `i`, nearest to
/// `i`'s date first (newer first on a tie), at most [`AUTOMATIC_COUNT`].
fn nearest(group: &[usize], i: usize, rank: &[usize], articles: &[Traits]) -> Vec<usize> {
    let at = group.partition_point(|&g| rank[g] < rank[i]);
    let (mut before, mut after) = (at, at);
    if group.get(after) == Some(&i) {
        after += 1;
    }
    let day = |g: usize| articles[g].published.map_or(i64::MIN / 4, Date::days);
    let mut found = Vec::with_capacity(AUTOMATIC_COUNT);
    while found.len() < AUTOMATIC_COUNT && (before > 0 || after < group.len()) {
        let older = (before > 0).then(|| group[before - 1]);
        let newer = group.get(after).copied();
        let take_newer = match (older, newer) {
            (Some(o), Some(n)) => day(n) - day(i) <= day(i) - day(o),
            (None, Some(_)) => true,
            _ => false,
        };
        if take_newer {
            found.extend(newer);
            after += 1;
        } else {
            found.extend(older);
            before -= 1;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn traits(date: &str, section: &'static str, speakers: &[&str]) -> Traits<'static> {
        Traits {
            published: Some(Date::parse(date).expect("date")),
            section,
            speakers: speakers.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    #[test]
    fn shared_speakers_come_first_then_the_section_nearest_in_date() {
        let articles = [
            traits("2020-01-10", "Campus", &[]),
            traits("2020-01-01", "Campus", &[]),
            traits("2020-01-12", "Campus", &[]),
            traits("2019-01-01", "Research", &["Wu"]),
            traits("2020-01-11", "Campus", &["Wu"]),
            traits("2020-03-01", "Campus", &[]),
        ];
        let related = automatic(&articles);
        // 4's speaker also spoke in 3 (another section); then Campus by date.
        assert_eq!(related[4], [3, 2, 0]);
        assert_eq!(related[0], [4, 2, 1]);
        assert_eq!(related[3], [4]);
    }

    #[test]
    fn an_article_alone_in_its_section_has_none() {
        let articles = [
            traits("2020-01-10", "A", &[]),
            traits("2020-01-10", "B", &[]),
        ];
        assert_eq!(automatic(&articles), [Vec::<usize>::new(), Vec::new()]);
    }
}
