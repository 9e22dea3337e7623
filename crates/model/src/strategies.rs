//! proptest strategies for the model's types (feature `strategies`), shared
//! by the model's and the content tool's property tests.

use proptest::prelude::*;

use crate::{
    Article, Block, Body, Copies, Date, Figure, Image, Quote, RelatedLink, Run, SafeUrl, Slug,
    Speech,
};

/// Any text, printable ASCII, or an attack.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~]{0,40}",
        Just("<script>alert(1)</script>".to_owned())
    ]
}

pub fn slug() -> impl Strategy<Value = Slug> {
    "[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,4}"
        .prop_map(|s| Slug::parse(&s).expect("generated slugs are valid"))
}

pub fn date() -> impl Strategy<Value = Date> {
    (1u16..=9999, 1u8..=12, 1u8..=28)
        .prop_map(|(y, m, d)| Date::from_parts(y, m, d).expect("valid day"))
}

pub fn image() -> impl Strategy<Value = Image> {
    (
        prop_oneof![
            Just("content/images/a.svg"),
            Just("https://example.edu/p.jpg"),
            Just("/x/y.png")
        ],
        text(),
        proptest::option::of(1u32..5000),
        proptest::option::of(1u32..5000),
        proptest::option::of(name()),
        proptest::option::of(copies()),
    )
        .prop_map(|(src, alt, width, height, credit, copies)| Image {
            src: SafeUrl::parse(src).expect("safe"),
            alt,
            width,
            height,
            credit,
            copies,
        })
}

/// What the content build publishes for a photograph.
pub fn copies() -> impl Strategy<Value = Copies> {
    (
        "[a-z]{1,8}\\.[0-9a-f]{12}",
        prop::collection::btree_set(1u32..3000, 1..5),
    )
        .prop_map(|(name, widths)| Copies {
            stem: format!("content/photos/{name}"),
            widths: widths.into_iter().collect(),
            full: SafeUrl::parse(&format!("content/photos/{name}-full.jpg")).expect("safe"),
        })
}

pub fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        text().prop_map(|text| Block::Paragraph {
            text,
            runs: Vec::new()
        }),
        styled_paragraph(),
        (
            proptest::option::of(image()),
            text(),
            proptest::option::of(text()),
            text()
        )
            .prop_map(|(photo, speaker, role, caption)| Block::Speech(Speech {
                photo,
                speaker,
                role,
                caption
            })),
        (proptest::option::of(image()), proptest::option::of(text()))
            .prop_map(|(image, caption)| Block::Figure(Figure { image, caption })),
        (text(), proptest::option::of(text()))
            .prop_map(|(text, attribution)| Block::Quote(Quote { text, attribution })),
    ]
}

/// A person's name as the model keeps it: trimmed, never blank.
pub fn name() -> impl Strategy<Value = String> {
    text()
        .prop_map(|name| name.trim().to_owned())
        .prop_filter("a name", |name| !name.is_empty())
}

/// A published article (related articles as links).
pub fn article() -> impl Strategy<Value = Article> {
    article_with((slug(), text()).prop_map(|(slug, headline)| RelatedLink {
        slug,
        headline,
        headline_breaks: crate::Breaks::default(),
    }))
}

/// An article as an editor writes it (related articles as slugs).
pub fn article_source() -> impl Strategy<Value = crate::ArticleSource> {
    article_with(slug())
}

/// A paragraph with styled runs of words: emphasis, strong emphasis and
/// links, each run kept apart from the next by a plain space, as Markdown
/// writes them.
pub fn styled_paragraph() -> impl Strategy<Value = Block> {
    let styled = (
        "[A-Za-z0-9’]{1,8}( [A-Za-z0-9’]{1,8}){0,3}",
        any::<bool>(),
        any::<bool>(),
        proptest::option::of(prop_oneof![
            Just("https://example.edu/a?b=c&d=e"),
            Just("mailto:news@example.edu"),
            Just("/news/other-article")
        ]),
    )
        .prop_filter("styled", |(_, em, strong, link)| {
            *em || *strong || link.is_some()
        })
        .prop_map(|(text, emphasis, strong, link)| Run {
            text,
            emphasis,
            strong,
            link: link.map(|link| SafeUrl::parse(link).expect("safe")),
        });
    (
        "[A-Za-z]{1,8}",
        prop::collection::vec(styled, 1..4),
        "[A-Za-z]{0,8}",
    )
        .prop_map(|(before, styled, after)| {
            let mut runs = vec![Run::plain(format!("{before} "))];
            for run in styled {
                runs.push(run);
                runs.push(Run::plain(" "));
            }
            if let Some(last) = runs.last_mut() {
                last.text.push_str(&after);
            }
            let text = runs.iter().map(|run| run.text.as_str()).collect();
            Block::Paragraph { text, runs }
        })
}

fn article_with<R: std::fmt::Debug + Clone>(
    related: impl Strategy<Value = R>,
) -> impl Strategy<Value = Article<R>> {
    (
        (
            slug(),
            text(),
            text(),
            proptest::option::of(date()),
            prop::collection::vec(name(), 0..4),
        ),
        (
            prop::collection::vec(name(), 0..3),
            text(),
            proptest::option::of(image()),
            prop::collection::vec(block(), 0..6),
            proptest::option::of(prop::collection::vec(related, 0..3)),
            proptest::option::of((proptest::option::of(image()), proptest::option::of(text()))),
        ),
    )
        .prop_map(
            |(
                (slug, headline, section, published, authors),
                (copy_editors, summary, thumbnail, blocks, related, lead),
            )| Article {
                slug,
                headline,
                headline_breaks: crate::Breaks::default(),
                section,
                published,
                authors,
                copy_editors,
                summary,
                thumbnail,
                lead: lead.map(|(image, caption)| Figure { image, caption }),
                body: Body::new(blocks),
                related,
                language: None,
                translation_key: None,
                translations: Vec::new(),
            },
        )
}
