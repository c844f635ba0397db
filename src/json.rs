//! Typed JSON decoding with the failing path named, shared by argument
//! validation (`INVALID_ARGUMENT`) and response decoding (`INVALID_RESPONSE`).

use serde::de::DeserializeOwned;

use crate::error::Error;

/// Parses `json` into `T`. On failure, `make_error(path, problem)` builds the
/// error, where `path` starts at `root` (`params.clipWindow.startTime`) and
/// `problem` says what was expected and what kind of value came — never the
/// value itself, which may be a secret.
pub fn from_json_at<T, F>(json: &str, root: &str, make_error: F) -> Result<T, Error>
where
    T: DeserializeOwned,
    F: Fn(&str, &str) -> Error,
{
    let mut de = serde_json::Deserializer::from_str(json);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = err.path().to_string();
        let at = if path == "." {
            root.to_string()
        } else {
            format!("{root}.{path}")
        };
        make_error(&at, &describe(err.inner()))
    })?;
    de.end()
        .map_err(|_| make_error(root, "holds more than one JSON value"))?;
    Ok(value)
}

/// Rewrites a serde message into one that names what was expected and what kind
/// of value came, without the value itself.
pub fn describe(err: &serde_json::Error) -> String {
    let text = err.to_string();
    // serde_json appends " at line L column C": meaningless to a JS caller.
    let text = match text.find(" at line ") {
        Some(i) => &text[..i],
        None => text.as_str(),
    };
    if let Some(rest) = text.strip_prefix("invalid type: ") {
        let (got, expected) = split_expected(rest);
        return format!("expected {}, got {}", plain(expected), kind_of(got));
    }
    if let Some(rest) = text.strip_prefix("invalid value: ") {
        let (_, expected) = split_expected(rest);
        return format!("expected {}", plain(expected));
    }
    if let Some(rest) = text.strip_prefix("unknown variant ") {
        // "`foo`, expected one of `a`, `b`": the caller's own enum word, never a
        // secret, and naming it helps.
        return format!("unknown value {rest}");
    }
    if let Some(field) = text.strip_prefix("missing field ") {
        return format!("{} is required", field.trim_matches('`'));
    }
    text.to_string()
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
        e if e.starts_with("struct ") || e.starts_with("a map") => "an object",
        other => other,
    }
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
