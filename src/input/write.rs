//! JSON text written straight from checked values: the request body of an
//! operation, with its variables. No serializer: strings are escaped here,
//! numbers keep the text the host gave them.

use std::fmt::Write as _;

use super::Arg;

/// Appends `s` as a JSON string. Runs of characters that need no escape are
/// copied whole (a document is 2 KB of them, written on every call).
pub fn string(out: &mut String, s: &str) {
    out.push('"');
    let mut run = 0;
    for (i, b) in s.bytes().enumerate() {
        let escaped = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        // `i` is at an ASCII byte: a character boundary.
        out.push_str(s.get(run..i).unwrap_or_default());
        if escaped.is_empty() {
            let _ = write!(out, "\\u{b:04x}");
        } else {
            out.push_str(escaped);
        }
        run = i + 1;
    }
    out.push_str(s.get(run..).unwrap_or_default());
    out.push('"');
}

/// Appends one value as GraphQL variables carry it (`Json` as an `AWSJSON` string).
pub fn arg(out: &mut String, value: &Arg) {
    match value {
        Arg::Str(s) => string(out, s),
        Arg::Int(n) => {
            let _ = write!(out, "{n}");
        }
        Arg::Number(_, text) => out.push_str(text),
        Arg::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Arg::Enum(name) => string(out, name),
        Arg::Json(text) => string(out, text),
        // Settings of the client, never variables of an operation.
        Arg::Null | Arg::Function | Arg::Headers(_) => out.push_str("null"),
        Arg::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                arg(out, item);
            }
            out.push(']');
        }
        Arg::Object(args) => object(out, args.0.iter().map(|(k, v)| (*k, v))),
    }
}

/// Appends an object of `(name, value)` pairs.
pub fn object<'a>(out: &mut String, pairs: impl Iterator<Item = (&'a str, &'a Arg)>) {
    out.push('{');
    for (i, (name, value)) in pairs.enumerate() {
        if i > 0 {
            out.push(',');
        }
        string(out, name);
        out.push(':');
        arg(out, value);
    }
    out.push('}');
}

/// The HTTP body of a GraphQL request: `{"query","variables","operationName"}`.
pub fn body<'a>(
    document: &str,
    operation: &str,
    variables: impl Iterator<Item = (&'a str, &'a Arg)>,
) -> String {
    let mut out = String::with_capacity(document.len() + 256);
    out.push_str("{\"query\":");
    string(&mut out, document);
    out.push_str(",\"variables\":");
    object(&mut out, variables);
    out.push_str(",\"operationName\":");
    string(&mut out, operation);
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Args;

    #[test]
    fn values_are_written_as_json_with_metadata_as_a_string() {
        let args = Args(vec![
            ("name", Arg::Str("a \"quoted\"\n\u{1} name".into())),
            ("first", Arg::Int(-3)),
            ("t", Arg::Number(1.5, "1.5".into())),
            ("on", Arg::Bool(true)),
            ("format", Arg::Enum("MP4")),
            ("metadata", Arg::Json(r#"{"a":[1]}"#.into())),
            ("cleared", Arg::Null),
            (
                "list",
                Arg::List(vec![
                    Arg::Int(1),
                    Arg::Object(Args(vec![("x", Arg::Bool(false))])),
                ]),
            ),
        ]);
        let text = body("query q { q }", "q", args.0.iter().map(|(k, v)| (*k, v)));
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed["variables"]["name"], "a \"quoted\"\n\u{1} name");
        assert_eq!(parsed["variables"]["first"], -3);
        assert_eq!(parsed["variables"]["t"], 1.5);
        assert_eq!(parsed["variables"]["metadata"], r#"{"a":[1]}"#);
        assert!(parsed["variables"]["cleared"].is_null());
        assert_eq!(parsed["variables"]["list"][1]["x"], false);
        assert_eq!(parsed["operationName"], "q");
        assert_eq!(parsed["query"], "query q { q }");
    }
}
