use leptos::prelude::*;
use reader_model::Quote;

/// A pulled quotation and who said it.
#[component]
pub fn QuoteBlock(quote: Quote) -> impl IntoView {
    view! {
        <figure class="quote">
            <blockquote>
                <p>{quote.text}</p>
            </blockquote>
            {quote
                .attribution
                .map(|who| view! { <figcaption class="quote__attribution">{who}</figcaption> })}
        </figure>
    }
}
