use leptos::prelude::*;
use reader_model::{Block, Run};

use super::{FigureBlock, QuoteBlock, SpeechSection};
use crate::paths;

/// One body block, as text: paragraph, speech section, figure or quote.
#[component]
pub fn BodyBlock(
    block: Block,
    /// For a speech, its place among the article's speeches, from 1.
    #[prop(optional)]
    speech_number: usize,
    /// For a speech, the address of its own page.
    #[prop(optional, into)]
    speech_link: String,
) -> impl IntoView {
    match block {
        Block::Paragraph { text, runs } if runs.is_empty() => view! { <p>{text}</p> }.into_any(),
        Block::Paragraph { runs, .. } => {
            view! { <p>{runs.into_iter().map(run).collect_view()}</p> }.into_any()
        }
        Block::Speech(speech) => {
            view! { <SpeechSection speech number=speech_number link=speech_link /> }.into_any()
        }
        Block::Figure(figure) => view! { <FigureBlock figure /> }.into_any(),
        Block::Quote(quote) => view! { <QuoteBlock quote /> }.into_any(),
    }
}

/// One run of a paragraph: its text, inside `<em>`, `<strong>` and `<a>`
/// as it is emphasised or linked.
fn run(run: Run) -> AnyView {
    let mut shown = run.text.into_any();
    if run.emphasis {
        shown = view! { <em>{shown}</em> }.into_any();
    }
    if run.strong {
        shown = view! { <strong>{shown}</strong> }.into_any();
    }
    if let Some(link) = run.link {
        shown = view! { <a href=paths::resolve(&link)>{shown}</a> }.into_any();
    }
    shown
}
