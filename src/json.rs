//! Typed JSON decoding with the failing path named, shared by argument
//! validation (`INVALID_ARGUMENT`) and response decoding (`INVALID_RESPONSE`).
//!
//! The path comes from where serde_json stopped (its line and column), read back
//! against the text by a small scanner — rather than from a wrapping
//! deserializer, which would compile a second copy of every visitor.

use serde::de::DeserializeOwned;

use crate::error::Error;

/// Parses `json` into `T`. On failure, `make_error(path, problem)` builds the
/// error, where `path` starts at `root` (`params.clipWindow.startTime`) and
/// `problem` says what was expected and what came (only its kind for a
/// secret: `apiKey`, `secret`).
pub fn from_json_at<T, F>(json: &str, root: &str, make_error: F) -> Result<T, Error>
where
    T: DeserializeOwned,
    F: Fn(&str, &str) -> Error,
{
    let mut de = serde_json::Deserializer::from_str(json);
    let value: T = T::deserialize(&mut de).map_err(|err| {
        let path = path_at(json, offset_of(json, err.line(), err.column()));
        let mut at = match path.as_str() {
            "" => root.to_string(),
            p if root.is_empty() || p.starts_with('[') => format!("{root}{p}"),
            p => format!("{root}.{p}"),
        };
        // A missing field is named by its own path: `params.takeId: is required`.
        if let Some(field) = missing_field(&err) {
            at = if at.is_empty() {
                field
            } else {
                format!("{at}.{field}")
            };
            return make_error(&at, "is required");
        }
        let secret = SECRETS.iter().any(|name| at.ends_with(&format!(".{name}")));
        make_error(&at, &describe(&err, secret))
    })?;
    de.end()
        .map_err(|_| make_error(root, "holds more than one JSON value"))?;
    Ok(value)
}

/// The field a "missing field" error names, if it is one.
fn missing_field(err: &serde_json::Error) -> Option<String> {
    let text = err.to_string();
    let rest = text.strip_prefix("missing field `")?;
    rest.split_once('`').map(|(field, _)| field.to_string())
}

/// Properties whose values a message must never show.
const SECRETS: [&str; 2] = ["apiKey", "secret"];

/// The byte offset of a 1-based line and column, clamped to the text.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column).min(text.len())
}

/// One level of nesting while scanning.
enum Frame {
    /// In an object; the key whose value is being read, if any.
    Object(Option<String>),
    /// In an array, at this index.
    Array(usize),
}

/// The path (`clipWindow.startTime`, `expand[1]`) of the value being read at
/// `offset` in `text`, JSON that serde_json has read up to there.
pub fn path_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut expect_key = false;
    let mut i = 0;
    while let Some(&byte) = bytes.get(i).filter(|_| i < end) {
        match byte {
            b'"' => {
                let start = i + 1;
                i += 1;
                while let Some(&c) = bytes.get(i).filter(|&&c| c != b'"') {
                    i += if c == b'\\' { 2 } else { 1 };
                }
                if expect_key {
                    if let Some(Frame::Object(key)) = stack.last_mut() {
                        let raw = text.get(start..i.min(bytes.len())).unwrap_or_default();
                        *key = Some(raw.to_string());
                    }
                    expect_key = false;
                }
            }
            b'{' => {
                stack.push(Frame::Object(None));
                expect_key = true;
            }
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(index)) => *index += 1,
                Some(Frame::Object(key)) => {
                    *key = None;
                    expect_key = true;
                }
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(index) => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}

/// Rewrites a serde message into one that names what was expected and shows
/// what came (only its kind when `secret`).
pub fn describe(err: &serde_json::Error, secret: bool) -> String {
    let text = err.to_string();
    // serde_json appends " at line L column C": meaningless to a JS caller.
    let text = match text.find(" at line ") {
        Some(i) => &text[..i],
        None => text.as_str(),
    };
    let invalid = text
        .strip_prefix("invalid type: ")
        .or_else(|| text.strip_prefix("invalid value: "));
    if let Some(rest) = invalid {
        let (got, expected) = split_expected(rest);
        let got = if secret {
            kind_of(got).to_string()
        } else {
            value_of(got)
        };
        return format!("expected {}, got {got}", plain(expected));
    }
    if let Some(rest) = text.strip_prefix("unknown field ") {
        let (field, expected) = split_expected(rest);
        let known: Vec<&str> = expected
            .split(['`', ','])
            .map(str::trim)
            .filter(|w| {
                !w.is_empty()
                    && *w != "or"
                    && !w.starts_with("one of")
                    && !w.starts_with("there are no")
            })
            .collect();
        return unknown_property(field.trim_matches('`'), &known);
    }
    if let Some(rest) = text.strip_prefix("unknown variant ") {
        let (variant, expected) = split_expected(rest);
        return format!(
            "expected {}, got \"{}\"",
            plain(expected),
            variant.trim_matches('`')
        );
    }
    text.to_string()
}

/// What a caller reads about a property no one knows: a "did you mean" for a
/// near miss, and the names there are.
pub fn unknown_property(name: &str, known: &[&str]) -> String {
    format!(
        "unknown property{} (the properties are {})",
        crate::suggest::hint(name, known),
        known.join(", ")
    )
}

/// Splits `"<got>, expected <what>"`.
fn split_expected(text: &str) -> (&str, &str) {
    match text.rfind(", expected ") {
        Some(i) => (&text[..i], &text[i + ", expected ".len()..]),
        None => (text, "another type"),
    }
}

/// Serde's name for an expected Rust type, in the words of a JavaScript caller.
fn plain(expected: &str) -> &str {
    match expected {
        "f64" | "f32" => "a number",
        "u8" | "u16" | "u32" | "u64" | "usize" => "a non-negative integer",
        "i8" | "i16" | "i32" | "i64" | "isize" => "an integer",
        "a sequence" => "an array",
        "a boolean" | "a string" => expected,
        e if e.starts_with("struct ") || e.starts_with("a map") => "an object",
        other => other,
    }
}

/// What a serde `Unexpected` rendering shows, as a JavaScript caller would
/// write it: `2.5`, `"FBX"`, `true`, `null`, `an object`.
fn value_of(unexpected: &str) -> String {
    let between_ticks = |prefix: &str| {
        unexpected
            .strip_prefix(prefix)
            .map(|rest| rest.trim_matches('`').to_string())
    };
    if let Some(s) = unexpected.strip_prefix("string ") {
        // serde quotes it already; cut very long ones.
        // (+1 for serde's opening quote)
        let cut: String = s.chars().take(crate::args::MAX_SHOWN_CHARS + 1).collect();
        return if cut.len() < s.len() {
            format!("{cut}…\"")
        } else {
            cut
        };
    }
    if let Some(n) = between_ticks("floating point ") {
        return n.parse::<f64>().map_or(n, crate::args::shown_number);
    }
    if let Some(n) = between_ticks("integer ").or_else(|| between_ticks("boolean ")) {
        return n;
    }
    kind_of(unexpected).to_string()
}

/// The kind of a serde `Unexpected` rendering, with any value stripped.
fn kind_of(unexpected: &str) -> &'static str {
    const KINDS: [(&str, &str); 8] = [
        ("string", "a string"),
        ("integer", "a number"),
        ("floating point", "a number"),
        ("boolean", "a boolean"),
        ("null", "null"),
        ("map", "an object"),
        ("sequence", "an array"),
        ("unit", "null"),
    ];
    KINDS
        .iter()
        .find(|(prefix, _)| unexpected.starts_with(prefix))
        .map(|(_, kind)| *kind)
        .unwrap_or("another type")
}

#[cfg(test)]
mod tests {
    use super::path_at;

    fn at(text: &str, marker: &str) -> String {
        path_at(text, text.find(marker).unwrap() + marker.len())
    }

    #[test]
    fn paths_follow_keys_and_indices() {
        let t = r#"{"takeId":"t","clipWindow":{"startTime":"x","endTime":2},"expand":["a","b"],"n":[[1,2],[3,{"k":4}]]}"#;
        assert_eq!(at(t, r#""takeId""#), "takeId");
        assert_eq!(at(t, r#""startTime":"x""#), "clipWindow.startTime");
        assert_eq!(at(t, r#""endTime":2}"#), "clipWindow");
        assert_eq!(at(t, r#""b""#), "expand[1]");
        assert_eq!(at(t, r#"{"k":4"#), "n[1][1].k");
        assert_eq!(path_at(t, t.len()), "");
        assert_eq!(path_at(t, 0), "");
    }

    #[test]
    fn escaped_quotes_and_huge_offsets_are_harmless() {
        let t = r#"{"a\"b":{"c":1}}"#;
        assert_eq!(at(t, r#""c":1"#), r#"a\"b.c"#);
        assert_eq!(path_at(t, usize::MAX), "");
        let deep = "[".repeat(100_000);
        assert_eq!(path_at(&deep, deep.len()).len(), 300_000);
    }
}
