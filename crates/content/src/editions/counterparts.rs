//! The sections' and the speakers' counterparts in the site's other
//! editions, elected by the translated articles: each pair of an article
//! and its translation says that the article's section is the
//! translation's section there, and (where they share their speeches)
//! that each of its speakers is the translation's speaker of that speech.

use std::collections::{BTreeMap, HashMap};

use reader_model::layout::section_slug;
use reader_model::{Slug, Translation};

use crate::incremental::read_cache::Loaded;

/// Each edition's sections' counterparts in the others, by the section's
/// name: where an article of section `S` has a translation in another
/// edition, that translation's section is `S` there. Sections are
/// free text in each language ("Research", "科研"), so translated articles
/// are what link them; where they disagree, the section most of them
/// name wins (the first by name on a tie), and a section no translated
/// article is in has none.
pub(super) fn section_translations(
    parts: &[BTreeMap<Slug, Loaded>],
    codes: &[&str],
    translations: &HashMap<Slug, Vec<Translation>>,
) -> Vec<HashMap<String, Vec<Translation>>> {
    (parts.iter())
        .map(|articles| {
            let mut votes: Votes<&str, &str> = BTreeMap::new();
            for (loaded, _, there, other) in translated(articles, parts, codes, translations) {
                let (ours, theirs) = (&loaded.source.section, &other.source.section);
                vote(&mut votes, ours.as_str(), there, theirs.as_str());
            }
            (elected(votes, codes, section_slug))
                .map(|(section, counterparts)| (section.to_owned(), counterparts))
                .collect()
        })
        .collect()
}

/// Each edition's speakers' pages in the others, by the page's slug: a
/// translated article that shares its speeches with its translation
/// ([`Translation::speeches`]) names, in each of its speeches, the same
/// person as the translation's speech of that number (丁晓东 there for
/// Ding Xiaodong here). Where the articles disagree, the person most of
/// them name wins (the first by slug on a tie); a speaker who speaks in
/// no such article has none.
pub(super) fn speaker_translations(
    parts: &[BTreeMap<Slug, Loaded>],
    codes: &[&str],
    translations: &HashMap<Slug, Vec<Translation>>,
    aliases: &reader_model::Aliases,
) -> Vec<HashMap<Slug, Vec<Translation>>> {
    let canonical = aliases.canonical_names();
    let slug_of = |written: &str| {
        reader_model::speaker_person(written, &canonical).map(reader_model::name_slug)
    };
    (parts.iter())
        .map(|articles| {
            let mut votes: Votes<Slug, Slug> = BTreeMap::new();
            for (loaded, translation, there, other) in
                translated(articles, parts, codes, translations)
            {
                if translation.speeches == 0 {
                    continue;
                }
                let pairs = (loaded.source.body.speeches()).zip(other.source.body.speeches());
                for (ours, theirs) in pairs {
                    if let (Some(ours), Some(theirs)) =
                        (slug_of(&ours.speaker), slug_of(&theirs.speaker))
                    {
                        vote(&mut votes, ours, there, theirs);
                    }
                }
            }
            elected(votes, codes, |slug| slug).collect()
        })
        .collect()
}

/// Each of `articles` with each of its translations that the site has: the
/// article, the translation, its edition (as an index of `codes`) and the
/// translated article there.
fn translated<'a>(
    articles: &'a BTreeMap<Slug, Loaded>,
    parts: &'a [BTreeMap<Slug, Loaded>],
    codes: &'a [&str],
    translations: &'a HashMap<Slug, Vec<Translation>>,
) -> impl Iterator<Item = (&'a Loaded, &'a Translation, usize, &'a Loaded)> {
    articles.iter().flat_map(move |(slug, loaded)| {
        (translations.get(slug).into_iter().flatten()).filter_map(move |translation| {
            let there = codes.iter().position(|code| *code == translation.edition)?;
            let other = parts[there].get(&translation.slug)?;
            Some((loaded, translation, there, other))
        })
    })
}

/// Counterparts voted for: a thing here (a section, a speaker) → edition
/// there (its index) → a counterpart there → how many translated articles
/// say so.
type Votes<K, V> = BTreeMap<K, BTreeMap<usize, BTreeMap<V, usize>>>;

/// One translated article's say: `ours` is `theirs` in edition `there`.
fn vote<K: Ord, V: Ord>(votes: &mut Votes<K, V>, ours: K, there: usize, theirs: V) {
    *votes
        .entry(ours)
        .or_default()
        .entry(there)
        .or_default()
        .entry(theirs)
        .or_default() += 1;
}

/// Each thing's counterparts: in each edition, the one most translated
/// articles name (the first in order on a tie), its page named by `slug`.
fn elected<K: Ord, V: Ord>(
    votes: Votes<K, V>,
    codes: &[&str],
    slug: impl Fn(V) -> Slug,
) -> impl Iterator<Item = (K, Vec<Translation>)> {
    votes.into_iter().map(move |(ours, editions)| {
        let counterparts = (editions.into_iter())
            .filter_map(|(there, names)| {
                let most = names.values().copied().max()?;
                let (name, _) = names.into_iter().find(|(_, n)| *n == most)?;
                Some(Translation {
                    edition: codes[there].to_owned(),
                    slug: slug(name),
                    speeches: 0,
                })
            })
            .collect();
        (ours, counterparts)
    })
}
