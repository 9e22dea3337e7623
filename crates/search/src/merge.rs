//! Lists of article numbers merged as a query needs them: the lists of
//! the words a prefix stands for (the best weight of each article), the
//! words a query needs all of (the weights added), a long Chinese run's
//! pairs, most of which an article must have, and the Chinese triples an
//! article need not have but ranks higher for. Every list is in ascending
//! order, so each merge is one pass.

/// Article numbers, each with a weight: ascending, each number once.
pub(crate) type Weighted = Vec<(u32, u32)>;

/// The numbers in at least `need` of `lists`, with their weights added.
pub(crate) fn at_least(lists: &[&Weighted], need: usize) -> Weighted {
    let mut counted: Vec<(u32, u32, usize)> = Vec::new();
    for list in lists {
        let mut merged = Vec::with_capacity(counted.len() + list.len());
        let (mut i, mut j) = (0, 0);
        while i < counted.len() || j < list.len() {
            match (counted.get(i), list.get(j)) {
                (Some(&(a, w, n)), Some(&(b, v))) if a == b => {
                    merged.push((a, w + v, n + 1));
                    i += 1;
                    j += 1;
                }
                (Some(&(a, w, n)), Some(&(b, _))) if a < b => {
                    merged.push((a, w, n));
                    i += 1;
                }
                (Some(&x), None) => {
                    merged.push(x);
                    i += 1;
                }
                (_, Some(&(b, v))) => {
                    merged.push((b, v, 1));
                    j += 1;
                }
                (None, None) => break,
            }
        }
        counted = merged;
    }
    (counted.into_iter())
        .filter(|(_, _, n)| *n >= need)
        .map(|(id, weight, _)| (id, weight))
        .collect()
}

/// The numbers of `scores`, each with `factor` times its weight in
/// `list` added, where `list` has it.
pub(crate) fn boost(scores: &[(u32, u32)], list: &[(u32, u32)], factor: u32) -> Weighted {
    let mut rest = list.iter().peekable();
    (scores.iter())
        .map(|&(id, score)| {
            while rest.next_if(|(listed, _)| *listed < id).is_some() {}
            match rest.next_if(|(listed, _)| *listed == id) {
                Some((_, weight)) => (id, score + factor * weight),
                None => (id, score),
            }
        })
        .collect()
}

/// Every number in `a` or `b`, with the better of its weights.
pub(crate) fn union_best(a: &[(u32, u32)], b: &[(u32, u32)]) -> Weighted {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        match x.0.cmp(&y.0) {
            std::cmp::Ordering::Less => {
                out.push(x);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(y);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push((x.0, x.1.max(y.1)));
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// A word's matches: the numbers listed, and, for a word so common that
/// its lists keep only its newest articles, the number from which on they
/// are whole (below it, an article not listed may still have the word).
pub(crate) type Matches = (Weighted, Option<u32>);

/// The numbers in both `a` and `b`, with their weights added. Below the
/// number from which a list is whole, a number the other list alone holds
/// counts as in both, at the weakest weight: a word so common is likely
/// there, and an older article found by a rarer word is not lost for it
/// ("rosnorberber usst" finds the one article with the rare word, however
/// old, though "usst" lists only the newest).
pub(crate) fn intersect_sum(a: &Matches, b: &Matches) -> Matches {
    let ((a, a_whole), (b, b_whole)) = (a, b);
    let unlisted = |id: u32, whole: &Option<u32>| whole.is_some_and(|from| id < from);
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let (mut i, mut j) = (0, 0);
    loop {
        match (a.get(i), b.get(j)) {
            (Some(&x), Some(&y)) if x.0 == y.0 => {
                out.push((x.0, x.1 + y.1));
                i += 1;
                j += 1;
            }
            (Some(&x), y) if y.is_none_or(|y| x.0 < y.0) => {
                if unlisted(x.0, b_whole) {
                    out.push((x.0, x.1 + 1));
                }
                i += 1;
            }
            (_, Some(&y)) => {
                if unlisted(y.0, a_whole) {
                    out.push((y.0, y.1 + 1));
                }
                j += 1;
            }
            _ => break,
        }
    }
    (out, (*a_whole).max(*b_whole))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_boost_adds_to_the_scores_of_the_numbers_listed_and_adds_none() {
        let scores = [(1, 2), (4, 2), (7, 3), (9, 1)];
        let list = [(0, 2), (4, 1), (5, 2), (9, 2), (12, 1)];
        assert_eq!(boost(&scores, &list, 2), [(1, 2), (4, 4), (7, 3), (9, 5)]);
        assert_eq!(boost(&scores, &[], 2), scores);
        assert_eq!(boost(&[], &list, 2), []);
    }
}
