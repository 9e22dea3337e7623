//! Where a value sits in a JSON text, as the line and column an editor's
//! tool jumps to: the model says *what* is wrong (`/body/3/speaker`), this
//! says *where*.

/// One step into a JSON document: an object's key or an array's index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    Key(String),
    Index(usize),
}

impl From<&str> for Step {
    fn from(key: &str) -> Self {
        Self::Key(key.to_owned())
    }
}

impl From<usize> for Step {
    fn from(index: usize) -> Self {
        Self::Index(index)
    }
}

impl Step {
    /// The key this step takes, if it is a key.
    pub fn key(&self) -> Option<&str> {
        match self {
            Self::Key(key) => Some(key),
            Self::Index(_) => None,
        }
    }
}

/// Calls `found` with every string below `value` and the steps to it
/// (the checks that look at every text of a file, wherever it is).
pub fn each_string(value: &serde_json::Value, found: &mut dyn FnMut(&[Step], &str)) {
    fn walk(
        value: &serde_json::Value,
        steps: &mut Vec<Step>,
        found: &mut dyn FnMut(&[Step], &str),
    ) {
        match value {
            serde_json::Value::String(text) => found(steps, text),
            serde_json::Value::Array(values) => {
                for (index, value) in values.iter().enumerate() {
                    steps.push(index.into());
                    walk(value, steps, found);
                    steps.pop();
                }
            }
            serde_json::Value::Object(fields) => {
                for (key, value) in fields {
                    steps.push(key.as_str().into());
                    walk(value, steps, found);
                    steps.pop();
                }
            }
            _ => {}
        }
    }
    walk(value, &mut Vec::new(), found);
}

/// The 1-based line and column where the value at `path` starts in
/// `text`; for a path that does not exist, where its nearest existing
/// parent starts. `None` only when `text` is not JSON at all.
pub fn locate(text: &str, path: &[Step]) -> Option<(usize, usize)> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        at: 0,
    };
    scanner.skip_space();
    let mut found = scanner.at;
    for step in path {
        match scanner.enter(step) {
            Some(at) => found = at,
            None => break,
        }
    }
    (found < text.len()).then(|| line_column(text, found))
}

/// 1-based line and column (in characters) of byte `offset`.
/// Where each line of a text starts: many offsets into one text (each
/// block of a long article) turned into line and column without reading
/// the text from its start for each.
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        Self { text, starts }
    }

    /// [`line_column`] of `offset`.
    pub fn at(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line.saturating_sub(1)];
        (line, self.text[start..offset].chars().count() + 1)
    }
}

pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.at += 1;
        }
    }

    /// From the start of an object or array, moves to the start of the
    /// value `step` names and returns its offset.
    fn enter(&mut self, step: &Step) -> Option<usize> {
        match (self.peek()?, step) {
            (b'{', Step::Key(key)) => {
                self.at += 1;
                loop {
                    self.skip_space();
                    if self.peek()? == b'}' {
                        return None;
                    }
                    let start = self.at;
                    self.skip_value()?;
                    let name: String = serde_json::from_slice(&self.bytes[start..self.at]).ok()?;
                    self.skip_space();
                    (self.peek()? == b':').then_some(())?;
                    self.at += 1;
                    self.skip_space();
                    if &name == key {
                        return Some(self.at);
                    }
                    self.skip_value()?;
                    self.skip_space();
                    if self.peek()? == b',' {
                        self.at += 1;
                    }
                }
            }
            (b'[', Step::Index(index)) => {
                self.at += 1;
                for _ in 0..*index {
                    self.skip_space();
                    if self.peek()? == b']' {
                        return None;
                    }
                    self.skip_value()?;
                    self.skip_space();
                    if self.peek()? == b',' {
                        self.at += 1;
                    }
                }
                self.skip_space();
                (self.peek()? != b']').then_some(self.at)
            }
            _ => None,
        }
    }

    /// Moves past one value (string, number, literal, object or array).
    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => {
                self.at += 1;
                loop {
                    match self.peek()? {
                        b'\\' => self.at += 2,
                        b'"' => {
                            self.at += 1;
                            return Some(());
                        }
                        _ => self.at += 1,
                    }
                }
            }
            open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.at += 1;
                loop {
                    self.skip_space();
                    match self.peek()? {
                        b if b == close => {
                            self.at += 1;
                            return Some(());
                        }
                        b',' | b':' => self.at += 1,
                        _ => self.skip_value()?,
                    }
                }
            }
            _ => {
                while self
                    .peek()
                    .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
                {
                    self.at += 1;
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"slug\": \"a\",\n  \"body\": [\n    {\"type\": \"p\", \"te\\\"xt\": \"x,]}\"},\n    {\"type\": \"speech\", \"speaker\": \"\"}\n  ],\n  \"related\": [\"b\", \"c\"]\n}";

    #[test]
    fn the_lines_index_says_what_reading_from_the_start_says() {
        let text = "---\nheadline: 上海\n---\n\nA line.\n\n中文段落。\nend";
        let lines = Lines::new(text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(lines.at(offset), line_column(text, offset), "at {offset}");
        }
        assert_eq!(lines.at(text.len() + 5), line_column(text, text.len()));
    }

    #[test]
    fn finds_keys_and_indexes_past_strings_that_look_like_json() {
        assert_eq!(locate(TEXT, &["slug".into()]), Some((2, 11)));
        assert_eq!(
            locate(TEXT, &["body".into(), 1.into(), "speaker".into()]),
            Some((5, 35))
        );
        assert_eq!(locate(TEXT, &["related".into(), 1.into()]), Some((7, 20)));
    }

    #[test]
    fn a_missing_step_points_at_its_nearest_parent() {
        assert_eq!(locate(TEXT, &["related".into(), 5.into()]), Some((7, 14)));
        assert_eq!(locate(TEXT, &["nothing".into()]), Some((1, 1)));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        assert_eq!(locate("{\"é\": 1, \"b\": 2}", &["b".into()]), Some((1, 15)));
    }
}
