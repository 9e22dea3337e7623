//! The index as the build makes it and a query reads it: ranking,
//! unfinished words, cut lists, split files, and updates in place.

use std::collections::{BTreeMap, HashMap};

use reader_search::{
    IndexFile, POSTINGS_CAP, Postings, SearchQuery, SearchShard, key_of, shard_key,
};
use reader_search_build::IndexBuilder;
use reader_search_build::update::{Listed, Unknowable, shift};

/// The index over `articles`, written and read back as a query reads it.
fn index(articles: &[(&str, &str)]) -> HashMap<String, IndexFile> {
    written(articles)
        .into_iter()
        .map(|(key, shard)| {
            let json = reader_model::to_json(&shard).expect("json");
            (key, reader_model::from_json(&json).expect("reads back"))
        })
        .collect()
}

fn written(articles: &[(&str, &str)]) -> std::collections::BTreeMap<String, SearchShard> {
    let mut builder = IndexBuilder::default();
    for (strong, body) in articles.iter() {
        builder.add(strong, body);
    }
    builder.finish()
}

#[test]
fn every_word_must_match_and_headlines_rank_first_then_newest() {
    let shards = index(&[
        ("Sports day", "running"),                       // 0: oldest
        ("Optical laboratory", "nothing else"),          // 1
        ("Library reopens", "optical fibre laboratory"), // 2
        ("Optical lab opens", "a new laboratory"),       // 3: newest
    ]);
    let ranked = SearchQuery::new("optical laboratory").rank(&shards, 0, 10);
    assert_eq!(ranked.ids, [1, 3, 2]);
    assert_eq!((ranked.total, ranked.more), (3, false));
    assert!(
        SearchQuery::new("optical running")
            .rank(&shards, 0, 10)
            .ids
            .is_empty()
    );
}

#[test]
fn the_last_word_may_be_unfinished() {
    let shards = index(&[("Optics", ""), ("Optical", ""), ("Opera", "")]);
    assert_eq!(SearchQuery::new("opti").rank(&shards, 0, 10).ids, [1, 0]);
    assert_eq!(
        SearchQuery::new("opti sports").rank(&shards, 0, 10).ids,
        Vec::<u32>::new()
    );
    let none: HashMap<String, IndexFile> = HashMap::new();
    assert_eq!(SearchQuery::new("opti").keys_needed(&none), ["6f7074"]);
}

#[test]
fn long_lists_keep_the_newest_and_say_there_are_more() {
    let articles: Vec<(&str, &str)> = vec![("", "campus"); POSTINGS_CAP + 10];
    let shards = index(&articles);
    let ranked = SearchQuery::new("campus").rank(&shards, 0, 20);
    assert_eq!(ranked.total, POSTINGS_CAP);
    assert!(ranked.more);
    let newest = (POSTINGS_CAP + 10) as u32 - 1;
    assert_eq!(
        ranked.ids,
        (newest - 19..=newest).rev().collect::<Vec<u32>>()
    );
    let next = SearchQuery::new("campus").rank(&shards, 20, 20);
    assert_eq!(
        next.ids,
        (newest - 39..=newest - 20).rev().collect::<Vec<u32>>()
    );
    assert_eq!(
        SearchQuery::new("campus")
            .rank(&shards, POSTINGS_CAP - 1, 5)
            .ids,
        [10],
        "the oldest listed is the 4,000th newest"
    );
    let postings = &written(&articles)["63616d"].words["campus"];
    assert_eq!(postings.count, POSTINGS_CAP + 10);
    assert!(
        postings.body[1..].iter().all(|gap| *gap == 1),
        "stored as gaps"
    );
}

#[test]
fn shifting_an_article_lists_as_a_new_build_would_or_says_it_cannot() {
    let cap = POSTINGS_CAP as u32;
    // Strong: every even number below 2 * (cap + 5), cut; body: 3.
    let strong: Vec<u32> = (0..cap + 5).map(|i| i * 2).collect();
    let body = [1, 3, 5];
    let built = |strong: &[u32], body: &[u32]| {
        let (mut strong, mut body) = (strong.to_vec(), body.to_vec());
        strong.sort_unstable();
        body.sort_unstable();
        Postings::new(&strong, &body)
    };
    let shifted = |id, from, to| {
        let mut postings = built(&strong, &body);
        shift(&mut postings, id, from, to).map(|()| postings)
    };
    let (s, b) = (Some(Listed::Strong), Some(Listed::Body));
    let newest = 2 * (cap + 5);
    let with = |list: &[u32], id| [list, &[id]].concat();
    let without = |list: &[u32], id| {
        list.iter()
            .copied()
            .filter(|x| *x != id)
            .collect::<Vec<_>>()
    };
    // Published since: the newest joins a cut list, the oldest listed leaves it.
    assert_eq!(
        shifted(newest, None, s),
        Ok(built(&with(&strong, newest), &body))
    );
    // Older than every listed one: only the count knows it.
    assert_eq!(shifted(7, None, s), Ok(built(&with(&strong, 7), &body)));
    assert_eq!(shifted(2, s, None), Ok(built(&without(&strong, 2), &body)));
    assert_eq!(
        shifted(3, b, s),
        Ok(built(&with(&strong, 3), &without(&body, 3)))
    );
    assert_eq!(shifted(5, b, None), Ok(built(&strong, &without(&body, 5))));
    assert_eq!(shifted(9, None, b), Ok(built(&strong, &with(&body, 9))));
    // A listed article leaves a cut list: the next older is not known.
    assert_eq!(shifted(newest - 2, s, None), Err(Unknowable));
    // The lists do not hold what the change says.
    assert_eq!(shifted(9, b, None), Err(Unknowable));
    assert_eq!(shifted(3, None, b), Err(Unknowable));
    assert_eq!(shifted(3, b, b), Ok(built(&strong, &body)));
}

/// What the app does: asks for the files a query needs until it has
/// them all (a file that does not exist reads as empty); how many
/// rounds of requests that took.
fn fetched(
    query: &SearchQuery,
    written: &BTreeMap<String, SearchShard>,
) -> (HashMap<String, IndexFile>, usize) {
    let mut files = HashMap::new();
    let mut rounds = 0;
    loop {
        let keys = query.keys_needed(&files);
        if keys.is_empty() {
            return (files, rounds);
        }
        rounds += 1;
        for key in keys {
            let file = written.get(&key).map_or_else(IndexFile::default, |shard| {
                reader_model::from_json(&reader_model::to_json(shard).expect("json"))
                    .expect("reads back")
            });
            files.insert(key, file);
        }
    }
}

#[test]
fn a_heavy_file_is_split_by_one_more_character_and_still_found() {
    // "con" begins many words; "cat" is one. Article i has the first
    // i % 6 + 1 of them.
    let words = ["cat", "conference", "concert", "contract", "control", "con"];
    let articles: Vec<(&str, String)> = (0..300)
        .map(|i| ("", words[..=(i % words.len())].join(" ")))
        .collect();
    let articles: Vec<(&str, &str)> = articles.iter().map(|(s, b)| (*s, b.as_str())).collect();
    let mut builder = IndexBuilder::default();
    for (strong, body) in articles.iter() {
        builder.add(strong, body);
    }
    let written = builder.finish_within(1_000);
    let con = &written[&shard_key("con")];
    assert!(con.split);
    assert_eq!(con.words.keys().collect::<Vec<_>>(), ["con"]);
    // "conc" (concert) and "conf" (conference): each one word now.
    assert!(written.contains_key(&key_of("conc", 4)) && written.contains_key(&key_of("conf", 4)));
    assert!(!written[&shard_key("cat")].split);
    for shard in written.values() {
        let real = reader_model::to_json(shard).expect("json").len();
        assert!(shard.words.len() < 2 || real <= 1_000, "{real} bytes");
    }
    // A word in a split file: one more round of requests; still found.
    let query = SearchQuery::new("concert");
    let (files, rounds) = fetched(&query, &written);
    assert_eq!(rounds, 2);
    assert_eq!(query.rank(&files, 0, 1000).total, 200);
    // Typed as far as the split file's name: that word itself.
    let query = SearchQuery::new("con");
    let (files, rounds) = fetched(&query, &written);
    assert_eq!(rounds, 1);
    assert_eq!(query.rank(&files, 0, 1000).total, 50);
    // Begun one letter further: the words it begins.
    let query = SearchQuery::new("cont");
    let (files, _) = fetched(&query, &written);
    assert_eq!(query.rank(&files, 0, 1000).total, 150);
    // A word no file holds: nothing, without asking forever.
    let query = SearchQuery::new("conx");
    let (files, rounds) = fetched(&query, &written);
    assert_eq!((query.rank(&files, 0, 10).total, rounds), (0, 2));
}
