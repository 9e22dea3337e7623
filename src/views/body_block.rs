use leptos::prelude::*;
use reader_model::Block;

use super::{FigureBlock, QuoteBlock, SpeechSection};

/// One body block, as text: paragraph, speech section, figure or quote.
#[component]
pub fn BodyBlock(block: Block) -> impl IntoView {
    match block {
        Block::Paragraph { text } => view! { <p>{text}</p> }.into_any(),
        Block::Speech(speech) => view! { <SpeechSection speech /> }.into_any(),
        Block::Figure(figure) => view! { <FigureBlock figure /> }.into_any(),
        Block::Quote(quote) => view! { <QuoteBlock quote /> }.into_any(),
    }
}
