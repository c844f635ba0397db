//! `ugc.request(query, variables, options)`: a GraphQL document of the
//! caller's own, for a field the SDK does not cover yet, sent through the same
//! transport as every method (key, headers, timeout, signal, typed errors). A
//! query is retried like every read; a document with a mutation never is.
//! Its `data` is handed over as the API sent it (`AWSJSON` fields stay strings).

use std::rc::Rc;

use wasm_bindgen::JsValue;

use crate::error::{Error, Result};
use crate::graphql::{Operation, OperationKind};
use crate::host;
use crate::input::read::{self, shown_str, Context};
use crate::input::value::{Kind, Value};
use crate::transport::{self, Transport};

/// The name of the call in messages (`request: HTTP 500`).
pub const NAME: &str = "request";

/// Builds the operation of `request(query, variables)`; `variables` is the
/// caller's value, an object or nothing.
pub fn build<V: Value>(query: &V, variables: &V) -> Result<Operation> {
    let document = match query.kind() {
        Kind::String(text) => text,
        _ => {
            return Err(Error::invalid_argument(
                "query",
                format!(
                    "expected a GraphQL document (a string), got {}",
                    query.shown()
                ),
            ))
        }
    };
    let kind = kind_of(&document)?;
    let variables = match variables.kind() {
        Kind::Undefined | Kind::Null => "{}".to_string(),
        Kind::Object => variables.json("variables")?,
        _ => {
            return Err(Error::invalid_argument(
                "variables",
                format!("expected an object, got {}", variables.shown()),
            ))
        }
    };
    let mut body = String::with_capacity(document.len() + variables.len() + 32);
    body.push_str("{\"query\":");
    crate::input::write::string(&mut body, &document);
    body.push_str(",\"variables\":");
    body.push_str(&variables);
    body.push('}');
    Ok(Operation {
        name: NAME,
        kind,
        body,
        answer: None,
        expand: Vec::new(),
        limit: 0,
    })
}

/// Runs `ugc.request(query, variables, options)`: the options and the
/// document read and checked before anything is sent, in the call's task.
pub fn call(
    transport: &Rc<Transport>,
    query: JsValue,
    variables: JsValue,
    options: JsValue,
) -> js_sys::Promise {
    let transport = Rc::clone(transport);
    crate::executor::spawn(async move {
        let context = Context {
            expands: &[],
            control: &["signal"],
        };
        let operation = read::read(&options, &crate::ops::NO_PARAMS, "options", false, context)
            .and_then(|_| build(&query, &variables))
            .map_err(|e| host::to_js_error(&e))?;
        let signal = host::read_signal(&options, "options")?;
        transport::run(&transport, &operation, signal.as_ref()).await
    })
}

/// Whether a document writes: a `mutation` keyword among its top-level
/// words makes it a mutation (never retried). Strings, block strings and
/// comments are read over; anything nested in braces, parentheses or brackets
/// is not top level. The API checks the document itself; this only decides
/// whether it may be sent twice, erring on the side of "no".
fn kind_of(document: &str) -> Result<OperationKind> {
    let bytes = document.as_bytes();
    let mut kind = None;
    let mut depth = 0usize;
    // No top-level word since the last definition ended: a `{` here is the
    // shorthand of a query (`{ getClient { id } }`), not a fragment's body.
    let mut fresh = true;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'#' => {
                while bytes.get(i).is_some_and(|&c| c != b'\n') {
                    i += 1;
                }
            }
            b'"' => i = after_string(bytes, i),
            b'{' | b'(' | b'[' => {
                if depth == 0 && b == b'{' && fresh {
                    kind = kind.or(Some(OperationKind::Query));
                }
                depth += 1;
                i += 1;
            }
            b'}' | b')' | b']' => {
                depth = depth.saturating_sub(1);
                fresh = fresh || (depth == 0 && b == b'}');
                i += 1;
            }
            b'_' | b'a'..=b'z' | b'A'..=b'Z' => {
                let start = i;
                while bytes
                    .get(i)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
                {
                    i += 1;
                }
                if depth == 0 {
                    fresh = false;
                    match bytes.get(start..i).unwrap_or_default() {
                        b"mutation" => kind = Some(OperationKind::Mutation),
                        b"query" => kind = kind.or(Some(OperationKind::Query)),
                        b"subscription" => {
                            return Err(Error::invalid_argument(
                                "query",
                                "is a subscription, which the API does not serve over HTTP; \
                                 send a query or a mutation",
                            ))
                        }
                        _ => {}
                    }
                }
            }
            _ => i += 1,
        }
    }
    kind.ok_or_else(|| {
        Error::invalid_argument(
            "query",
            format!(
                "expected a GraphQL document with a query or a mutation, got {}",
                shown_str(document)
            ),
        )
    })
}

/// Where the string starting at `start` (a `"`) ends: after its closing
/// quote, or at the end of the text if it has none.
fn after_string(bytes: &[u8], start: usize) -> usize {
    let block = bytes.get(start..start + 3) == Some(b"\"\"\"");
    let mut i = start + if block { 3 } else { 1 };
    while let Some(&b) = bytes.get(i) {
        if block {
            if bytes.get(i..i + 4) == Some(b"\\\"\"\"") {
                i += 4;
            } else if bytes.get(i..i + 3) == Some(b"\"\"\"") {
                return i + 3;
            } else {
                i += 1;
            }
        } else {
            match b {
                b'\\' => i += 2,
                b'"' => return i + 1,
                _ => i += 1,
            }
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::value::of;

    fn kind(document: &str) -> Result<OperationKind> {
        kind_of(document)
    }

    #[test]
    fn reads_and_writes_are_told_apart() {
        use OperationKind::{Mutation, Query};
        for (document, expected) in [
            ("{ getClient { id } }", Query),
            ("query Q($id: ID!) { getJob(jobId: $id) { id } }", Query),
            ("# mutation in a comment\nquery { getClient { id } }", Query),
            (r#"query { getJob(jobId: "mutation") { id } }"#, Query),
            (r#"query { a(x: """ a "mutation" \""" """) { id } }"#, Query),
            ("query Q { mutation: getClient { id } }", Query),
            (
                "mutation { updateClient(metadata: \"{}\") { id } }",
                Mutation,
            ),
            (
                "fragment F on Job { id }\nmutation M { a { ...F } }",
                Mutation,
            ),
            ("query A { a } mutation B { b }", Mutation),
        ] {
            assert_eq!(kind(document).unwrap(), expected, "{document}");
        }
    }

    #[test]
    fn documents_that_cannot_be_sent_are_refused() {
        let e = kind("subscription { onJob { id } }").unwrap_err();
        assert!(
            e.message.starts_with("query: is a subscription"),
            "{}",
            e.message
        );
        for bad in ["", "   ", "# only a comment", "fragment F on Job { id }"] {
            let e = kind(bad).unwrap_err();
            assert!(
                e.message.starts_with(
                    "query: expected a GraphQL document with a query or a mutation, got"
                ),
                "{bad}: {}",
                e.message
            );
        }
        // An unclosed string ends the scan, not the module.
        assert!(kind("query { a(x: \"open").is_ok());
        assert!(kind("\"\"\"").is_err());
    }

    #[test]
    fn the_body_carries_the_document_and_the_variables() {
        let op = build(
            &of(r#""query Q($id: ID!) { getJob(jobId: $id) { id } }""#),
            &of(r#"{"id":"job-1"}"#),
        )
        .unwrap();
        let body: serde_json::Value = serde_json::from_str(&op.body).unwrap();
        assert_eq!(
            body["query"],
            "query Q($id: ID!) { getJob(jobId: $id) { id } }"
        );
        assert_eq!(body["variables"]["id"], "job-1");
        assert_eq!(op.kind, OperationKind::Query);
        assert!(op.answer.is_none());
        let op = build(&of(r#""{ getClient { id } }""#), &None).unwrap();
        assert!(op.body.ends_with(r#","variables":{}}"#), "{}", op.body);
    }

    #[test]
    fn wrong_arguments_are_named() {
        let e = build(&of("42"), &None).unwrap_err();
        assert_eq!(
            e.message,
            "query: expected a GraphQL document (a string), got 42"
        );
        let e = build(&of(r#""{ a }""#), &of("[1]")).unwrap_err();
        assert_eq!(e.message, "variables: expected an object, got an array");
    }
}
