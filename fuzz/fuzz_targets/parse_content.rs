//! Any bytes, read as every kind of content file the app fetches: parsing
//! must answer (a value or a positioned error) and never panic; and what
//! parses must survive JSON and back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reader_model::{Article, ArticleSource, NewsIndex, Site, from_json, to_json};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(article) = from_json::<Article>(text) {
        let json = to_json(&article).expect("the model always serialises");
        assert_eq!(from_json::<Article>(&json).as_ref(), Ok(&article));
    }
    let _ = from_json::<ArticleSource>(text);
    let _ = from_json::<NewsIndex>(text);
    let _ = from_json::<Site>(text);
});
