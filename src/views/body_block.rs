use leptos::prelude::*;
use reader_model::Block;

use super::{FigureBlock, QuoteBlock, SpeechSection};

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
        Block::Paragraph { text } => view! { <p>{text}</p> }.into_any(),
        Block::Speech(speech) => {
            view! { <SpeechSection speech number=speech_number link=speech_link /> }.into_any()
        }
        Block::Figure(figure) => view! { <FigureBlock figure /> }.into_any(),
        Block::Quote(quote) => view! { <QuoteBlock quote /> }.into_any(),
    }
}
