//! The index as the build makes it and a query reads it: ranking,
//! unfinished words, cut lists, split files, and updates in place.

use std::collections::{BTreeMap, HashMap};

use reader_search::{
    IndexFile, KEY_CHARS, POSTINGS_CAP, Postings, SHORT_KEY_CHARS, SearchQuery, SearchShard,
    key_of, shard_key,
};
use reader_search_build::IndexBuilder;
use reader_search_build::update::{Listed, Unknowable, shift};

/// The index over `articles`, its files named by three characters (as a
/// large archive's), written and read back as a query reads it.
fn index(articles: &[(&str, &str)]) -> HashMap<String, IndexFile> {
    read_back(written(articles))
}

/// Files as a query reads them.
fn read_back(files: BTreeMap<String, SearchShard>) -> HashMap<String, IndexFile> {
    files
        .into_iter()
        .map(|(key, shard)| {
            let json = reader_model::to_json(&shard).expect("json");
            (key, reader_model::from_json(&json).expect("reads back"))
        })
        .collect()
}

fn builder(articles: &[(&str, &str)]) -> IndexBuilder {
    let mut builder = IndexBuilder::default();
    for (strong, body) in articles.iter() {
        builder.add(strong, body);
    }
    builder
}

fn written(articles: &[(&str, &str)]) -> BTreeMap<String, SearchShard> {
    builder(articles).finish(KEY_CHARS)
}

#[test]
fn a_small_archives_files_are_named_by_two_characters_and_found_by_them() {
    let articles = [
        ("Optical laboratory", "a new lab"),
        ("Optics prize", "the laboratory's optical bench"),
        ("丁晓东 speaks", "上海理工大学"),
    ];
    let files = builder(&articles).finish(SHORT_KEY_CHARS);
    let keys: Vec<&str> = files.keys().map(String::as_str).collect();
    // "op" (optical, optics), "la" (laboratory, lab), …; Han text still by
    // its first character.
    assert!(keys.contains(&"6f70") && keys.contains(&"6c61"), "{keys:?}");
    assert!(!keys.contains(&"6f7074"), "{keys:?}");
    assert!(keys.contains(&shard_key("丁晓东", SHORT_KEY_CHARS).as_str()));
    let files = read_back(files);
    let query = SearchQuery::new("optical lab").filed_by(SHORT_KEY_CHARS);
    assert!(query.keys_needed(&files).is_empty(), "one request a word");
    assert_eq!(query.rank(&files, 0, 10).ids, [0, 1]);
    let query = SearchQuery::new("理工").filed_by(SHORT_KEY_CHARS);
    assert_eq!(query.rank(&files, 0, 10).ids, [2]);
    // The same files asked for as a large archive's: a file that is not
    // there (the site must say how they are named).
    let query = SearchQuery::new("optical");
    assert_eq!(query.keys_needed(&files), ["6f7074"]);
}

#[test]
fn a_heavy_two_character_file_is_split_as_a_three_characters_one_is() {
    // "con…" words in every article: their two-character file ("co")
    // weighs more than a small budget.
    let words = ["conference", "concert", "cat", "contract", "con"];
    let articles: Vec<(&str, String)> = (0..40)
        .map(|i| ("", words[..=(i % words.len())].join(" ")))
        .collect();
    let articles: Vec<(&str, &str)> = articles.iter().map(|(s, b)| (*s, b.as_str())).collect();
    let written = builder(&articles).finish_within(300, SHORT_KEY_CHARS);
    let co = &written[&shard_key("co", SHORT_KEY_CHARS)];
    assert!(co.split && co.words.is_empty());
    assert!(!written[&shard_key("cat", SHORT_KEY_CHARS)].split);
    // "cat" in one request; "con…" in more, still found.
    for (word, total, requests) in [
        ("concert", 32, 3),
        ("cont", 16, 3),
        ("con", 8, 2),
        ("cat", 24, 1),
    ] {
        let query = SearchQuery::new(word).filed_by(SHORT_KEY_CHARS);
        let (files, rounds) = fetched(&query, &written);
        assert_eq!(query.rank(&files, 0, 100).total, total, "{word}");
        assert_eq!(rounds, requests, "{word}");
    }
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
fn a_word_being_typed_stands_for_the_words_it_begins_that_most_articles_have() {
    // Seventy words begin "ann" before "annual" in alphabetical order, each
    // in one article; "annual" is in ten.
    let rare: Vec<String> = (0..70).map(|i| format!("anna{i:02}")).collect();
    let mut articles: Vec<(&str, &str)> = rare.iter().map(|word| ("", word.as_str())).collect();
    articles.extend(std::iter::repeat_n(("", "annual"), 10));
    let shards = index(&articles);
    let ranked = SearchQuery::new("ann").rank(&shards, 0, 100);
    assert!(
        (70..80).all(|id| ranked.ids.contains(&id)),
        "every article with \"annual\": {:?}",
        ranked.ids
    );
    assert_eq!(
        ranked.total,
        10 + 63,
        "annual, and the 63 next most common (all one article each)"
    );
}

#[test]
fn an_old_article_with_a_rare_word_is_found_with_a_word_too_common_to_list_it() {
    // Every article has "usst" (so its list keeps only the newest); the
    // oldest alone has "rosnorberber", and its headline "campus".
    let mut articles: Vec<(&str, &str)> = vec![("USST news", "usst"); POSTINGS_CAP + 10];
    articles[0] = ("USST campus", "rosnorberber");
    articles[POSTINGS_CAP + 5] = ("USST campus", "nothing rare");
    let shards = index(&articles);
    let alone = SearchQuery::new("rosnorberber").rank(&shards, 0, 10);
    assert_eq!(alone.ids, [0]);
    for query in ["rosnorberber usst", "usst rosnorberber"] {
        let ranked = SearchQuery::new(query).rank(&shards, 0, 10);
        assert_eq!(ranked.ids, [0], "{query}");
        assert_eq!(ranked.total, 1, "{query}");
    }
    // Two words that are both listed whole are still both needed, and
    // a newer article is matched by its lists as before.
    assert_eq!(
        SearchQuery::new("rosnorberber campus")
            .rank(&shards, 0, 10)
            .ids,
        [0]
    );
    assert_eq!(
        SearchQuery::new("campus usst").rank(&shards, 0, 10).ids,
        [POSTINGS_CAP as u32 + 5, 0]
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
    let written = builder(&articles).finish_within(1_000, KEY_CHARS);
    let con = &written[&shard_key("con", KEY_CHARS)];
    assert!(con.split);
    assert_eq!(con.words.keys().collect::<Vec<_>>(), ["con"]);
    // "conc" (concert) and "conf" (conference): each one word now.
    assert!(written.contains_key(&key_of("conc", 4)) && written.contains_key(&key_of("conf", 4)));
    assert!(!written[&shard_key("cat", KEY_CHARS)].split);
    for shard in written.values() {
        let real = reader_model::to_json(shard).expect("json").len();
        assert!(shard.words.len() < 2 || real <= 1_000, "{real} bytes");
    }
    // A word in a split file: one more round of requests; still found.
    let query = SearchQuery::new("concert");
    let (files, rounds) = fetched(&query, &written);
    assert_eq!(rounds, 2);
    assert_eq!(query.rank(&files, 0, 1000).total, 200);
    // Typed as far as the split file's name: that word itself, and the
    // words it begins not yet (a letter more finds them).
    let query = SearchQuery::new("con");
    let (files, rounds) = fetched(&query, &written);
    assert_eq!(rounds, 1);
    let ranked = query.rank(&files, 0, 1000);
    assert_eq!((ranked.total, ranked.unfinished), (50, true));
    // Not being typed: the word "con" alone was asked for.
    let ranked = SearchQuery::new("con cat").rank(&files, 0, 1000);
    assert!(!ranked.unfinished);
    // Begun one letter further: the words it begins.
    let query = SearchQuery::new("cont");
    let (files, _) = fetched(&query, &written);
    assert_eq!(query.rank(&files, 0, 1000).total, 150);
    // A word no file holds: nothing, without asking forever.
    let query = SearchQuery::new("conx");
    let (files, rounds) = fetched(&query, &written);
    assert_eq!((query.rank(&files, 0, 10).total, rounds), (0, 2));
}

#[test]
fn chinese_words_written_together_find_an_article_that_has_them_apart() {
    let apart = [
        ("图书馆重新开放", "学生可以借书"), // 0: 图书馆 and 学生, apart
        ("学生运动会", "跑步"),             // 1: 学生 alone
        ("图书馆延长开放时间", "周末"),     // 2: 图书馆 alone
    ];
    let shards = index(&apart);
    // No article has every pair (馆学 is in none): two thirds of them.
    let ranked = SearchQuery::new("图书馆学生").rank(&shards, 0, 10);
    assert_eq!((ranked.ids, ranked.total), (vec![0], 1));
    // An article with the run whole: only it, as before.
    let mut whole = apart.to_vec();
    whole.push(("图书馆学生志愿者", "")); // 3
    let shards = index(&whole);
    assert_eq!(SearchQuery::new("图书馆学生").rank(&shards, 0, 10).ids, [3]);
    // A run of three characters is one word: it stays whole.
    let shards = index(&apart);
    assert_eq!(
        SearchQuery::new("书馆学").rank(&shards, 0, 10).ids,
        Vec::<u32>::new()
    );
    // Other words stay whole beside a loosened run.
    assert_eq!(
        SearchQuery::new("图书馆学生 跑步").rank(&shards, 0, 10).ids,
        Vec::<u32>::new()
    );
    assert_eq!(
        SearchQuery::new("图书馆学生 借书").rank(&shards, 0, 10).ids,
        [0]
    );
}

#[test]
fn chinese_words_written_as_typed_rank_above_their_pairs_apart() {
    let articles = [
        ("大学生志愿者", ""),         // 0: 大学生 in the headline
        ("上海理工大学", "学生社团"), // 1: 大学 and 学生 apart, both strong and body
        ("新学期", "大学生创业大赛"), // 2: 大学生 in the text only
        ("大学新闻", "学生记者"),     // 3: apart, 大学 in the headline
        ("学生运动会", "跑步"),       // 4: 学生 alone
    ];
    let shards = index(&articles);
    // Every article with both pairs matches; the one whose headline holds
    // the run whole comes first; the others by their pairs (a body's runs
    // are not filed whole), the newest first among equals.
    let ranked = SearchQuery::new("大学生").rank(&shards, 0, 10);
    assert_eq!((ranked.ids, ranked.total), (vec![0, 3, 1, 2], 4));
    // The triple's file is the pairs' own: no request more.
    let none: HashMap<String, IndexFile> = HashMap::new();
    assert_eq!(
        SearchQuery::new("大学生").keys_needed(&none),
        [shard_key("大", KEY_CHARS), shard_key("学", KEY_CHARS)]
    );
    // A run of two has no triple: found as before (the headlines first).
    assert_eq!(
        SearchQuery::new("大学").rank(&shards, 0, 10).ids,
        [3, 1, 0, 2]
    );
}

#[test]
fn a_split_files_light_keys_share_parts_and_each_is_one_request_away() {
    // 大 begins 200 rare pairs (大一, 大丁, …) and a common one, 大学,
    // whose triples (大学生, 大学城, in the headlines) make it heavier
    // than a file alone.
    let rare = |i: u32| char::from_u32(0x4E00 + i).expect("a Han character");
    let articles: Vec<(&str, String)> = (0..600)
        .map(|i| {
            let headline = if i % 2 == 0 { "大学生" } else { "大学城" };
            (headline, format!("大{}", rare(i % 200)))
        })
        .collect();
    let articles: Vec<(&str, &str)> = articles.iter().map(|(s, b)| (*s, b.as_str())).collect();
    let written = builder(&articles).finish_within(2_000, KEY_CHARS);
    let da = &written[&key_of("大", 1)];
    assert!(da.split && da.words.keys().eq(["大"]));
    // The rare pairs share files: a few, not 200.
    let under_da: Vec<&String> = written
        .keys()
        .filter(|key| key.starts_with(&key_of("大", 1)) && key.len() > key_of("大", 1).len())
        .collect();
    assert!(
        (3..=40).contains(&under_da.len()),
        "{} files under 大",
        under_da.len()
    );
    for shard in written.values() {
        let real = reader_model::to_json(shard).expect("json").len();
        assert!(shard.words.len() < 2 || real <= 2_000, "{real} bytes");
    }
    // Each rare pair: its first character's file, then its part.
    for i in 0..200 {
        let pair = format!("大{}", rare(i));
        let query = SearchQuery::new(&pair);
        let (files, rounds) = fetched(&query, &written);
        assert_eq!((query.rank(&files, 0, 10).total, rounds), (3, 2), "{pair}");
    }
    // 大学 is a part alone, split again: its triples one file further.
    let daxue = &written[&key_of("大学", 2)];
    assert!(daxue.split && daxue.words.keys().eq(["大学"]));
    assert_eq!(daxue.parts, [key_of("大学城", 3), key_of("大学生", 3)]);
    assert_eq!(da.parts.len() + daxue.parts.len(), under_da.len());
    let query = SearchQuery::new("大学生");
    let (files, rounds) = fetched(&query, &written);
    assert_eq!(rounds, 3);
    let ranked = query.rank(&files, 0, 600);
    assert_eq!(ranked.total, 300);
    assert!(
        ranked.ids.iter().all(|id| id % 2 == 0),
        "the articles with 大学生"
    );
    // A pair no article has, after the first part or before it: nothing,
    // and no request past its part.
    for (absent, requests) in [(format!("大{}", rare(300)), 2), ("大㐀".to_owned(), 1)] {
        let query = SearchQuery::new(&absent);
        let (files, rounds) = fetched(&query, &written);
        assert_eq!(
            (query.rank(&files, 0, 10).total, rounds),
            (0, requests),
            "{absent}"
        );
    }
}
