//! The apps' import names, shortened. wasm-bindgen names each function an
//! app's wasm imports from its script after what it calls and a hash
//! (`__wbg_removeEventListener_cc543e35b1012a27`): kilobytes of names in
//! each wasm, and the same again in the script that defines them, which
//! compress badly (the hashes; BENCHMARKS.md has the bytes). [`shorten`] gives them names of one or two
//! letters in both files, which must agree: the wasm's import section is
//! rewritten (nothing else in it moves), and each name in the script
//! where it stands as a name of its own. It runs on Trunk's fresh output,
//! before the scripts are minified (`crate::scripts`); the figures are in
//! bench/size-levers.md.

/// An app's wasm and its script with the wasm's imports renamed, or `None`
/// (both to be left as they are) where they are not as wasm-bindgen
/// writes them: a wasm whose import section does not read, imports from
/// more than one module or of anything but functions, or a script that
/// does not name every import.
pub fn shorten(wasm: &[u8], script: &str) -> Option<(Vec<u8>, String)> {
    let (section, imports) = import_section(wasm)?;
    let module = imports.first()?.module.clone();
    if imports
        .iter()
        .any(|import| import.module != module || !import.function)
    {
        return None;
    }
    let taken = identifiers(script);
    let mut short = short_names().filter(|name| !taken.contains(name.as_str()));
    let renamed: Vec<(String, String)> = (imports.iter())
        .map(|import| Some((import.name.clone(), short.next()?)))
        .collect::<Option<_>>()?;
    if renamed
        .iter()
        .any(|(name, _)| !taken.contains(name.as_str()))
    {
        return None;
    }
    let names: std::collections::HashMap<&str, &str> = (renamed.iter())
        .map(|(name, short)| (name.as_str(), short.as_str()))
        .collect();
    let mut body = Vec::with_capacity(section.body.len());
    push_leb(&mut body, imports.len());
    for import in &imports {
        push_name(&mut body, &import.module);
        push_name(&mut body, names.get(import.name.as_str())?);
        body.extend_from_slice(&wasm[import.description.clone()]);
    }
    let mut out = Vec::with_capacity(wasm.len());
    out.extend_from_slice(&wasm[..section.start]);
    out.push(IMPORT_SECTION);
    push_leb(&mut out, body.len());
    out.extend_from_slice(&body);
    out.extend_from_slice(&wasm[section.body.end..]);
    Some((out, rename_identifiers(script, &names)))
}

/// The import section's id.
const IMPORT_SECTION: u8 = 2;

/// Where a section is: from its id's byte, and its body.
struct Section {
    start: usize,
    body: std::ops::Range<usize>,
}

/// One import: its module and name, whether it is a function, and where
/// its description (what it imports, after its name) is in the wasm.
struct Import {
    module: String,
    name: String,
    function: bool,
    description: std::ops::Range<usize>,
}

/// A reader of the wasm's bytes from `at`.
struct Bytes<'a> {
    wasm: &'a [u8],
    at: usize,
}

impl Bytes<'_> {
    fn byte(&mut self) -> Option<u8> {
        let byte = *self.wasm.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    /// An unsigned LEB128 number.
    fn leb(&mut self) -> Option<usize> {
        let mut value: u64 = 0;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return usize::try_from(value).ok();
            }
        }
        None
    }

    fn name(&mut self) -> Option<String> {
        let length = self.leb()?;
        let bytes = self.wasm.get(self.at..self.at.checked_add(length)?)?;
        self.at += length;
        String::from_utf8(bytes.to_vec()).ok()
    }

    /// Limits: a flag, a minimum and, where the flag says, a maximum.
    fn limits(&mut self) -> Option<()> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 == 1 {
            self.leb()?;
        }
        Some(())
    }
}

/// The wasm's import section and its imports, if it has one that reads.
fn import_section(wasm: &[u8]) -> Option<(Section, Vec<Import>)> {
    if wasm.get(..8)? != b"\0asm\x01\0\0\0" {
        return None;
    }
    let mut bytes = Bytes { wasm, at: 8 };
    while bytes.at < wasm.len() {
        let start = bytes.at;
        let id = bytes.byte()?;
        let length = bytes.leb()?;
        let body = bytes.at..bytes.at.checked_add(length)?;
        if body.end > wasm.len() {
            return None;
        }
        if id == IMPORT_SECTION {
            bytes.at = body.start;
            let imports = imports(&mut bytes)?;
            return (bytes.at == body.end).then_some((Section { start, body }, imports));
        }
        bytes.at = body.end;
    }
    None
}

/// The import section's entries, read from its start.
fn imports(bytes: &mut Bytes) -> Option<Vec<Import>> {
    let count = bytes.leb()?;
    let mut imports = Vec::with_capacity(count.min(4096));
    for _ in 0..count {
        let module = bytes.name()?;
        let name = bytes.name()?;
        let start = bytes.at;
        let kind = bytes.byte()?;
        match kind {
            // A function (its type) or a tag (an attribute, its type).
            0 => drop(bytes.leb()?),
            4 => {
                bytes.byte()?;
                bytes.leb()?;
            }
            // A table: a one-byte reference type, then its limits.
            1 => match bytes.byte()? {
                0x70 | 0x6f => bytes.limits()?,
                _ => return None,
            },
            2 => bytes.limits()?,
            // A global: a one-byte value type, and whether it changes.
            3 => match bytes.byte()? {
                0x7f | 0x7e | 0x7d | 0x7c | 0x7b | 0x70 | 0x6f => drop(bytes.byte()?),
                _ => return None,
            },
            _ => return None,
        }
        imports.push(Import {
            module,
            name,
            function: kind == 0,
            description: start..bytes.at,
        });
    }
    Some(imports)
}

fn push_leb(out: &mut Vec<u8>, mut value: usize) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn push_name(out: &mut Vec<u8>, name: &str) {
    push_leb(out, name.len());
    out.extend_from_slice(name.as_bytes());
}

/// `a` … `z`, `A` … `Z`, then `aa`, `ab`, …: JavaScript names, shortest
/// first.
fn short_names() -> impl Iterator<Item = String> {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let one = LETTERS.iter().map(|&a| char::from(a).to_string());
    let two = LETTERS.iter().flat_map(|&a| {
        LETTERS
            .iter()
            .map(move |&b| format!("{}{}", char::from(a), char::from(b)))
    });
    one.chain(two)
}

fn is_identifier_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// `script` cut where name characters meet others: its runs of name
/// characters (names, and numbers) and the runs between them, in order.
/// The one scanner both the names' check and their renaming read.
fn runs(script: &str) -> impl Iterator<Item = &str> {
    let mut rest = script;
    std::iter::from_fn(move || {
        let name = is_identifier_char(rest.chars().next()?);
        let end = rest
            .find(|c: char| is_identifier_char(c) != name)
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(end);
        rest = tail;
        Some(run)
    })
}

/// The runs of name characters in `script` (names, and numbers).
fn identifiers(script: &str) -> std::collections::HashSet<&str> {
    runs(script)
        .filter(|run| run.starts_with(is_identifier_char))
        .collect()
}

/// `script` with each run of name characters that `names` has replaced
/// by its new name.
fn rename_identifiers(script: &str, names: &std::collections::HashMap<&str, &str>) -> String {
    runs(script)
        .map(|run| names.get(run).copied().unwrap_or(run))
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A wasm module that imports `names` (functions of type 0) from
    /// `module`, with a type section before and a custom section after.
    pub(crate) fn wasm(module: &str, names: &[&str]) -> Vec<u8> {
        let mut out = b"\0asm\x01\0\0\0".to_vec();
        // One type: () -> ().
        out.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        let mut body = Vec::new();
        push_leb(&mut body, names.len());
        for name in names {
            push_name(&mut body, module);
            push_name(&mut body, name);
            body.extend_from_slice(&[0, 0]);
        }
        out.push(IMPORT_SECTION);
        push_leb(&mut out, body.len());
        out.extend_from_slice(&body);
        out.extend_from_slice(&[0, 5, 4, b'n', b'o', b't', b'e']);
        out
    }

    const SCRIPT: &str = r#"function imports(){const e={__proto__:null,__wbg_log_0123456789abcdef:function(e){console.log(e)},__wbindgen_throw:function(e){throw e}};return{"./app_bg.js":e}}const a=1;function __wbg_log_0123456789abcdefX(){}"#;

    #[test]
    fn both_files_get_the_same_short_names_and_nothing_else_changes() {
        let names = ["__wbg_log_0123456789abcdef", "__wbindgen_throw"];
        let (wasm_out, script_out) =
            shorten(&wasm("./app_bg.js", &names), SCRIPT).expect("shortened");
        // `a` is a name of the script's own: the first is `b`.
        assert_eq!(wasm_out, wasm("./app_bg.js", &["b", "c"]));
        assert_eq!(
            script_out,
            r#"function imports(){const e={__proto__:null,b:function(e){console.log(e)},c:function(e){throw e}};return{"./app_bg.js":e}}const a=1;function __wbg_log_0123456789abcdefX(){}"#
        );
        let (_, imports) = import_section(&wasm_out).expect("it reads");
        let read: Vec<&str> = imports.iter().map(|import| import.name.as_str()).collect();
        assert_eq!(read, ["b", "c"]);
        assert!(
            wasm_out.ends_with(&[0, 5, 4, b'n', b'o', b't', b'e']),
            "the custom section after is kept"
        );
    }

    #[test]
    fn what_is_not_as_wasm_bindgen_writes_it_is_left_alone() {
        let names = ["__wbg_log_0123456789abcdef", "__wbindgen_throw"];
        // An import the script does not define.
        let missing = wasm(
            "./app_bg.js",
            &["__wbg_log_0123456789abcdef", "__wbg_gone_0000000000000000"],
        );
        assert!(shorten(&missing, SCRIPT).is_none());
        // Not a wasm module; a truncated one.
        assert!(shorten(b"not wasm", SCRIPT).is_none());
        let whole = wasm("./app_bg.js", &names);
        assert!(shorten(&whole[..whole.len() - 12], SCRIPT).is_none());
        // No imports at all.
        assert!(shorten(&wasm("./app_bg.js", &[]), SCRIPT).is_none());
    }

    #[test]
    fn two_hundred_imports_get_names_of_one_or_two_letters() {
        let names: Vec<String> = (0..200)
            .map(|i| format!("__wbg_f{i}_0123456789abcdef"))
            .collect();
        let script: String = names
            .iter()
            .map(|name| format!("{name}:function(){{}},"))
            .collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let (wasm_out, script_out) =
            shorten(&wasm("./app_bg.js", &refs), &script).expect("shortened");
        assert!(wasm_out.len() < wasm("./app_bg.js", &refs).len() / 2);
        assert!(!script_out.contains("__wbg"), "{script_out}");
        assert!(
            script_out.starts_with("a:function(){},b:function(){},"),
            "{script_out}"
        );
        let (_, imports) = import_section(&wasm_out).expect("it reads");
        assert!(imports.iter().all(|import| import.name.len() <= 2));
        let unique: std::collections::HashSet<&str> =
            imports.iter().map(|import| import.name.as_str()).collect();
        assert_eq!(unique.len(), 200);
    }
}
