//! GraphQL over HTTP, in plain Rust: the request body each operation sends and
//! the mapping of every possible answer — status, AppSync errors, malformed
//! bodies — to data or to an [`Error`].

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::error::{Error, ErrorCode, Result};
use crate::json;

/// Whether an operation reads or writes; only reads are retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperationKind {
    /// A `query`: safe to send again.
    Query,
    /// A `mutation`: sending it twice could create (and bill) twice.
    Mutation,
}

/// Turns the `data` of a successful answer into the JSON the caller receives.
pub type Decoder = Box<dyn Fn(&str) -> Result<String>>;

/// One ready-to-send GraphQL operation: validated, with its decoder.
pub struct Operation {
    /// The operation name, e.g. `getJob`.
    pub name: &'static str,
    /// Query or mutation.
    pub kind: OperationKind,
    /// The HTTP body: `{"query", "variables", "operationName"}`.
    pub body: String,
    /// Reads the answer's `data` into the caller's result.
    pub decode: Decoder,
}

impl Operation {
    /// Builds an operation; `variables` travel as JSON, never spliced into the text.
    pub fn new<V: Serialize>(
        name: &'static str,
        kind: OperationKind,
        document: &str,
        variables: &V,
        decode: Decoder,
    ) -> Result<Self> {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Body<'a, V> {
            query: &'a str,
            variables: &'a V,
            operation_name: &'a str,
        }
        let body = serde_json::to_string(&Body {
            query: document,
            variables,
            operation_name: name,
        })
        .map_err(|e| Error::invalid_argument("params", e))?;
        Ok(Operation {
            name,
            kind,
            body,
            decode,
        })
    }
}

/// A GraphQL answer with its `data` left unparsed until the errors are read.
#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow, default)]
    data: Option<&'a RawValue>,
    #[serde(default)]
    errors: Option<Vec<serde_json::Value>>,
}

/// The fields of an AppSync error that decide the error code.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct ErrorEntry {
    #[serde(default)]
    error_type: Option<String>,
    #[serde(default)]
    message: Option<String>,
}

/// Longest server-provided text copied into an error message.
const MAX_SERVER_TEXT: usize = 300;

/// Maps one HTTP answer to the raw JSON of its `data`, or to the error it means.
///
/// `retry_after` is the `Retry-After` header, kept on the error for the retry policy.
pub fn read_answer(
    operation: &str,
    status: u16,
    retry_after: Option<String>,
    body: &str,
) -> Result<String> {
    // Test builds only: a way to make the module fail for real, to show that a
    // panic rejects just its own call (tests/common/mod.rs).
    #[cfg(feature = "fault-injection")]
    #[allow(clippy::panic)]
    if body.contains("__move_ugc_force_panic__") {
        panic!("forced internal failure (fault-injection build)");
    }
    if !(200..300).contains(&status) {
        return Err(http_error(operation, status, retry_after, body));
    }
    // serde would read a struct from an array too; a GraphQL answer is an object.
    if !body.trim_start().starts_with('{') {
        return Err(Error::invalid_response(format!(
            "{operation}: the body is not a GraphQL JSON object"
        )));
    }
    let envelope: Envelope = serde_json::from_str(body).map_err(|e| {
        Error::invalid_response(format!(
            "{operation}: the body is not a GraphQL JSON object ({})",
            json::describe(&e, false)
        ))
    })?;
    if let Some(errors) = envelope.errors.filter(|e| !e.is_empty()) {
        return Err(graphql_error(operation, Some(status), errors));
    }
    match envelope.data {
        Some(data) if data.get() != "null" => Ok(data.get().to_string()),
        _ => Err(Error::invalid_response(format!(
            "{operation}: the answer has neither data nor errors"
        ))),
    }
}

/// Decodes `data` into `T`, naming the path of any mismatch from the
/// operation's field (`getJob.outputs[2].file.id`), or the operation itself
/// when the data is not even an object.
pub fn decode_data<T: DeserializeOwned>(operation: &str, data: &str) -> Result<T> {
    json::from_json_at(data, "", |at, problem| {
        let at = if at.is_empty() { operation } else { at };
        Error::invalid_response(format!("{at}: {problem}"))
    })
}

/// The error code of a non-2xx HTTP status.
pub fn status_code(status: u16) -> ErrorCode {
    match status {
        401 => ErrorCode::Unauthenticated,
        403 => ErrorCode::PermissionDenied,
        429 => ErrorCode::RateLimited,
        500..=599 => ErrorCode::ServerError,
        _ => ErrorCode::HttpError,
    }
}

/// The single field of a `data` object (`{"getJob": …}` → the job), whatever
/// the operation's name.
pub struct Field<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Field<T> {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        struct Visit<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visit<T> {
            type Value = Field<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object with one field")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Field<T>, A::Error> {
                let Some((_, value)) = map.next_entry::<serde::de::IgnoredAny, T>()? else {
                    return Err(serde::de::Error::custom("the data object is empty"));
                };
                while map
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(Field(value))
            }
        }
        deserializer.deserialize_map(Visit(std::marker::PhantomData))
    }
}

/// The error for a non-2xx status, with the API's errors if the body has them.
fn http_error(operation: &str, status: u16, retry_after: Option<String>, body: &str) -> Error {
    let code = status_code(status);
    let errors = serde_json::from_str::<Envelope>(body)
        .ok()
        .and_then(|e| e.errors)
        .filter(|e| !e.is_empty());
    let detail = errors
        .as_ref()
        .and_then(|e| e.first())
        .and_then(|first| serde_json::from_value::<ErrorEntry>(first.clone()).ok())
        .unwrap_or_default();
    let mut message = format!("{operation}: HTTP {status}");
    if let Some(text) = &detail.message {
        message.push_str(": ");
        message.push_str(&clip(text));
    }
    Error {
        code,
        message,
        status: Some(status),
        error_type: detail.error_type,
        graphql_errors: errors.and_then(|e| serde_json::to_string(&e).ok()),
        retry_after,
        ..Error::new(code, "")
    }
}

/// The error for a GraphQL `errors` array, keyed on the first `errorType`.
fn graphql_error(operation: &str, status: Option<u16>, errors: Vec<serde_json::Value>) -> Error {
    let first = errors
        .first()
        .and_then(|e| serde_json::from_value::<ErrorEntry>(e.clone()).ok())
        .unwrap_or_default();
    let code = match first.error_type.as_deref() {
        Some("MoveNotFoundError") => ErrorCode::NotFound,
        Some("UnauthorizedException") => ErrorCode::Unauthenticated,
        _ => ErrorCode::GraphqlError,
    };
    let text = first
        .message
        .as_deref()
        .map(clip)
        .unwrap_or_else(|| "the API reported an error".to_string());
    let message = match &first.error_type {
        Some(kind) => format!("{operation}: {text} ({kind})"),
        None => format!("{operation}: {text}"),
    };
    Error {
        code,
        message,
        status,
        error_type: first.error_type,
        graphql_errors: serde_json::to_string(&errors).ok(),
        ..Error::new(code, "")
    }
}

/// Server text, cut to a readable length on a character boundary.
fn clip(text: &str) -> String {
    match text.char_indices().nth(MAX_SERVER_TEXT) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(status: u16, body: &str) -> Error {
        read_answer("getJob", status, None, body).unwrap_err()
    }

    #[test]
    fn data_is_passed_through_raw() {
        let data = read_answer("getJob", 200, None, r#"{"data":{"getJob":{"id":"j"}}}"#).unwrap();
        assert_eq!(data, r#"{"getJob":{"id":"j"}}"#);
    }

    #[test]
    fn statuses_map_to_codes() {
        assert_eq!(err(401, "").code, ErrorCode::Unauthenticated);
        assert_eq!(err(403, "{}").code, ErrorCode::PermissionDenied);
        assert_eq!(err(429, "slow down").code, ErrorCode::RateLimited);
        assert_eq!(err(500, "").code, ErrorCode::ServerError);
        assert_eq!(
            err(502, "<html>bad gateway</html>").code,
            ErrorCode::ServerError
        );
        assert_eq!(err(503, "").code, ErrorCode::ServerError);
        assert_eq!(err(404, "").code, ErrorCode::HttpError);
        assert_eq!(err(400, "").code, ErrorCode::HttpError);
        assert_eq!(err(302, "").code, ErrorCode::HttpError);
        let e = err(503, "");
        assert_eq!(e.status, Some(503));
        assert!(e.retryable());
    }

    #[test]
    fn retry_after_is_kept_on_http_errors() {
        let e = read_answer("listJobs", 429, Some("3".into()), "").unwrap_err();
        assert_eq!(e.retry_after.as_deref(), Some("3"));
    }

    #[test]
    fn an_appsync_401_keeps_its_error_type() {
        let body = r#"{"errors":[{"errorType":"UnauthorizedException","message":"You are not authorized to make this call."}]}"#;
        let e = err(401, body);
        assert_eq!(e.code, ErrorCode::Unauthenticated);
        assert_eq!(e.error_type.as_deref(), Some("UnauthorizedException"));
        assert!(e.message.contains("not authorized"));
        assert!(e.graphql_errors.unwrap().contains("UnauthorizedException"));
    }

    #[test]
    fn graphql_error_types_map_to_codes() {
        let body = |t: &str| {
            format!(
                r#"{{"data":null,"errors":[{{"path":["getJob"],"data":null,"errorType":"{t}","errorInfo":null,"locations":[{{"line":2,"column":3,"sourceName":null}}],"message":"Resource not found in move-ugc-api."}}]}}"#
            )
        };
        let e = err(200, &body("MoveNotFoundError"));
        assert_eq!(e.code, ErrorCode::NotFound);
        assert_eq!(e.status, Some(200));
        assert_eq!(
            e.message,
            "getJob: Resource not found in move-ugc-api. (MoveNotFoundError)"
        );
        let raw: serde_json::Value = serde_json::from_str(&e.graphql_errors.unwrap()).unwrap();
        assert_eq!(raw[0]["locations"][0]["line"], 2);
        assert_eq!(
            err(200, &body("UnauthorizedException")).code,
            ErrorCode::Unauthenticated
        );
        assert_eq!(
            err(200, &body("ValidationError")).code,
            ErrorCode::GraphqlError
        );
        assert_eq!(
            err(200, &body("InternalFailure")).code,
            ErrorCode::GraphqlError
        );
        // An error entry that is not even an object still yields GRAPHQL_ERROR.
        assert_eq!(err(200, r#"{"errors":[42]}"#).code, ErrorCode::GraphqlError);
    }

    #[test]
    fn malformed_bodies_are_invalid_responses() {
        for body in [
            "",
            "<html><body>ok</body></html>",
            r#"{"data": {"getJob": {"id": "j"}"#,
            r#"{"data": null}"#,
            r#"{}"#,
            r#"[]"#,
            r#"[{"data": {}}]"#,
            r#""data""#,
            r#"{"data": {"a": 1}} trailing"#,
        ] {
            assert_eq!(err(200, body).code, ErrorCode::InvalidResponse, "{body}");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let depth = 100_000;
        let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        // In data: the raw capture passes, the typed decoding refuses it.
        let data = read_answer(
            "getJob",
            200,
            None,
            &format!(r#"{{"data":{{"getJob":{nested}}}}}"#),
        )
        .unwrap();
        let e = decode_data::<Field<serde_json::Value>>("getJob", &data)
            .err()
            .unwrap();
        assert_eq!(e.code, ErrorCode::InvalidResponse);
        // In errors, and as the whole body.
        assert_eq!(
            err(200, &format!(r#"{{"errors":[{nested}]}}"#)).code,
            ErrorCode::InvalidResponse
        );
        assert_eq!(err(200, &nested).code, ErrorCode::InvalidResponse);
    }

    #[test]
    fn long_server_messages_are_clipped() {
        let long = "é".repeat(1000);
        let e = err(200, &format!(r#"{{"errors":[{{"message":"{long}"}}]}}"#));
        assert!(e.message.chars().count() < 400);
    }

    #[test]
    fn bodies_carry_variables_not_spliced_text() {
        let op = Operation::new(
            "getJob",
            OperationKind::Query,
            "query getJob($jobId: ID!) { getJob(jobId: $jobId) { id } }",
            &serde_json::json!({ "jobId": "\" } evil { \"" }),
            Box::new(|d| Ok(d.to_string())),
        )
        .unwrap();
        let body: serde_json::Value = serde_json::from_str(&op.body).unwrap();
        assert_eq!(body["operationName"], "getJob");
        assert_eq!(body["variables"]["jobId"], "\" } evil { \"");
        assert!(!body["query"].as_str().unwrap().contains("evil"));
    }
}
