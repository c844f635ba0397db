//! The check of every answer: one pass over the bytes of an HTTP GraphQL
//! answer that checks it against the operation's [`Answer`] description and
//! writes the caller's result as JSON text, building no tree and parsing no
//! float.
//!
//! - The body is checked to be UTF-8 once; then a forward [`json::Reader`]
//!   walks it. Strings and numbers are copied verbatim (escapes kept) from the
//!   body into the output; only `AWSJSON` strings are decoded (into a reused
//!   buffer) and written as the JSON they hold.
//! - The envelope's `errors` may come before or after `data`: `data` is checked
//!   (and written) when it is met, unless errors already came; the output is
//!   dropped if errors turn up after it. A `data` that breaks the schema is
//!   read over again only when `errors` has not come yet, to find them.
//! - Recursion follows only the models (static and shallow); anything else —
//!   unknown keys, the errors, `AWSJSON` content — is read by a loop with a
//!   bit per open container, nested at most [`json::MAX_DEPTH`] deep.
//! - A fault builds its path (`getJob.outputs[2].file.id`) on its way out, so a
//!   good answer pays nothing for it.

mod checker;
mod fault;
mod json;
#[cfg(test)]
mod tests;

use checker::Checker;
use fault::{Fault, Faulty};

use crate::error::{Error, ErrorCode, Result};
use crate::model::Answer;

/// Longest server-provided text copied into a GraphQL error's message.
const MAX_SERVER_TEXT: usize = 300;

/// Reads one HTTP answer of `answer`'s operation: the caller's result as JSON text, or the error it means.
///
/// `expand` names the expands the call asked for (the fields they add are
/// checked and given to the caller); `requested_limit` is the page size sent,
/// the `limit` of a page whose `first` is not a count; `retry_after` is the
/// `Retry-After` header, kept on an HTTP error for the retry policy.
pub fn read_answer(
    answer: &Answer,
    expand: &[&str],
    requested_limit: i64,
    status: u16,
    retry_after: Option<String>,
    body: &[u8],
) -> Result<String> {
    let wanted = Wanted::Checked(answer, expand, requested_limit);
    read(answer.field, wanted, status, retry_after, body)
}

/// Reads one HTTP answer of a caller's own GraphQL document (`ugc.request`):
/// its `data` as JSON text, as the server sent it (checked to be JSON, at
/// most [`json::MAX_DEPTH`] deep), or the error the answer means. `field`
/// names the call in messages.
pub fn read_raw(
    field: &str,
    status: u16,
    retry_after: Option<String>,
    body: &[u8],
) -> Result<String> {
    read(field, Wanted::Raw, status, retry_after, body)
}

/// Both reads: one copy of the code in the module, which `Operation::read`
/// calls either way.
#[inline(never)]
fn read(
    field: &str,
    wanted: Wanted<'_>,
    status: u16,
    retry_after: Option<String>,
    body: &[u8],
) -> Result<String> {
    // Test builds only: a way to make the module fail for real, to show that a
    // panic rejects just its own call (tests/common/mod.rs).
    #[cfg(feature = "fault-injection")]
    #[allow(clippy::panic)]
    {
        const TRIGGER: &[u8] = b"__move_ugc_force_panic__";
        if body.windows(TRIGGER.len()).any(|w| w == TRIGGER) {
            panic!("forced internal failure (fault-injection build)");
        }
    }
    if !(200..300).contains(&status) {
        return Err(http_error(field, status, retry_after, body));
    }
    let Ok(text) = std::str::from_utf8(body) else {
        return Err(not_graphql(field, "it is not UTF-8 text"));
    };
    let checked = matches!(wanted, Wanted::Checked(..));
    // The caller's JSON is about the body's size; a raw read copies its data once at the end.
    let capacity = if checked {
        body.len().saturating_add(64)
    } else {
        0
    };
    let mut checker = Checker::new(text, capacity);
    let envelope = match envelope(&mut checker, wanted) {
        Ok(envelope) => envelope,
        Err(Failure::Answer(fault)) if checked => {
            return Err(Error::invalid_response(fault.message(field)))
        }
        Err(Failure::Body(fault) | Failure::Answer(fault)) => {
            let mut problem = String::new();
            fault.problem(&mut problem);
            return Err(not_graphql(field, &problem));
        }
    };
    if let Some(errors) = envelope.errors.filter(|e| e.count > 0) {
        return Err(graphql_error(field, status, text, &errors));
    }
    match envelope.data {
        Data::Checked => Ok(checker.output()),
        Data::Raw(start, end) => Ok(checker.r.slice(start, end).to_string()),
        Data::Faulty(fault) => Err(Error::invalid_response(fault.message(field))),
        // A caller's own document may answer no data at all.
        _ if !checked => Ok("null".to_string()),
        Data::Absent | Data::Skipped => Err(Error::invalid_response(format!(
            "{field}: the answer has neither data nor errors"
        ))),
    }
}

/// "the body is not a GraphQL JSON object (<reason>)".
#[cold]
fn not_graphql(field: &str, reason: &str) -> Error {
    Error::invalid_response(format!(
        "{field}: the body is not a GraphQL JSON object ({reason})"
    ))
}

/// The `errors` of an answer, as far as they matter.
struct Errors {
    /// The array's text in the body.
    span: (usize, usize),
    /// How many errors it has.
    count: usize,
    /// The first error's `errorType` and `message`: the spans of their
    /// strings' content.
    first: Detail,
}

/// The first error's fields that decide the error code and message.
#[derive(Default)]
struct Detail {
    error_type: Option<(usize, usize)>,
    message: Option<(usize, usize)>,
}

/// What became of `data`.
enum Data {
    /// Not there, or `null`.
    Absent,
    /// Read over without a check (errors came first, or an HTTP error).
    Skipped,
    /// Checked: the caller's result is in the checker's output.
    Checked,
    /// Not what the schema promises.
    Faulty(Box<Fault>),
    /// Read over as JSON and kept as it is (the span of its text).
    Raw(usize, usize),
}

/// An answer's envelope, read.
struct Envelope {
    errors: Option<Errors>,
    data: Data,
}

/// Why an envelope could not be read.
enum Failure {
    /// The body is not a GraphQL JSON object.
    Body(Box<Fault>),
    /// `data.<field>` is broken (the fault's path is under the field).
    Answer(Box<Fault>),
}

/// A fault of the body as a whole.
fn body(fault: Box<Fault>) -> Failure {
    Failure::Body(fault)
}

/// What the operation needs of `data`.
#[derive(Clone, Copy)]
enum Wanted<'x> {
    /// Nothing: only the errors matter (an HTTP error's body).
    Nothing,
    /// Checked against the answer, with the expands and the page size.
    Checked(&'x Answer, &'x [&'x str], i64),
    /// Kept as it is, whatever it holds (a caller's own document).
    Raw,
}

/// Reads the envelope `{"data": …, "errors": […]}` in one pass, checking
/// `data` as `wanted` says (or only reading over it).
fn envelope(c: &mut Checker<'_>, wanted: Wanted<'_>) -> std::result::Result<Envelope, Failure> {
    match c.r.peek() {
        Some(b'{') => {}
        Some(b'[') => return Err(body(Fault::check("it is an array".into()))),
        Some(b'"') => return Err(body(Fault::check("it is a string".into()))),
        Some(_) => return Err(body(c.r.syntax("expected '{'"))),
        None => return Err(body(Fault::check("it is empty".into()))),
    }
    let mut errors: Option<Option<Errors>> = None;
    let mut data: Option<Data> = None;
    if c.r.open(b'}') {
        loop {
            let (start, end) = c.r.key().map_err(body)?;
            match c.r.slice(start, end) {
                "data" => {
                    if data.is_some() {
                        return Err(body(Fault::check("data is given twice".into())));
                    }
                    let has_errors = matches!(&errors, Some(Some(e)) if e.count > 0);
                    data = Some(match wanted {
                        Wanted::Checked(answer, expand, limit) if !has_errors => {
                            read_data(c, answer, expand, limit, errors.is_some())?
                        }
                        Wanted::Raw if !has_errors => {
                            let start = c.r.pos;
                            c.r.skip(1).map_err(body)?;
                            Data::Raw(start, c.r.pos)
                        }
                        _ => {
                            c.r.skip(1).map_err(body)?;
                            Data::Skipped
                        }
                    });
                }
                "errors" => {
                    if errors.is_some() {
                        return Err(body(Fault::check("errors are given twice".into())));
                    }
                    errors = Some(read_errors(c).map_err(body)?);
                }
                _ => c.r.skip(1).map_err(body)?,
            }
            if !c.r.next_member().map_err(body)? {
                break;
            }
        }
    }
    c.r.end().map_err(body)?;
    Ok(Envelope {
        errors: errors.flatten(),
        data: data.unwrap_or(Data::Absent),
    })
}

/// Checks the value of `data`. `errors_seen`: `errors` came before (and were
/// empty), so a fault in `data` is the answer's outcome at once.
fn read_data(
    c: &mut Checker<'_>,
    answer: &Answer,
    expand: &[&str],
    limit: i64,
    errors_seen: bool,
) -> std::result::Result<Data, Failure> {
    let start = c.r.pos;
    if matches!(c.r.peek(), Some(b'n')) {
        c.r.literal(b"null").map_err(body)?;
        return Ok(Data::Absent);
    }
    match c.data(answer, expand, limit) {
        Ok(()) => Ok(Data::Checked),
        Err(fault) if fault.is_syntax() || errors_seen => Err(Failure::Answer(fault)),
        Err(fault) => {
            // Errors may still come, and would win: read over `data` to find them.
            c.r.pos = start;
            c.r.skip(1).map_err(body)?;
            Ok(Data::Faulty(fault))
        }
    }
}

/// The value of `errors`: `null` or an array, of which the first error's
/// `errorType` and `message` are noted.
fn read_errors(c: &mut Checker<'_>) -> Faulty<Option<Errors>> {
    match c.r.peek() {
        Some(b'n') => {
            c.r.literal(b"null")?;
            return Ok(None);
        }
        Some(b'[') => {}
        _ => return Err(Fault::check("its errors are not a list".into())),
    }
    let start = c.r.pos;
    let mut count = 0;
    let mut first = Detail::default();
    if c.r.open(b']') {
        loop {
            if count == 0 && matches!(c.r.peek(), Some(b'{')) {
                first = read_error(c)?;
            } else {
                c.r.skip(2)?;
            }
            count += 1;
            if !c.r.next_item()? {
                break;
            }
        }
    }
    Ok(Some(Errors {
        span: (start, c.r.pos),
        count,
        first,
    }))
}

/// The first error (at its `{`): its `errorType` and `message` if both are
/// strings or absent (else neither, as if it had none).
fn read_error(c: &mut Checker<'_>) -> Faulty<Detail> {
    let mut detail = Detail::default();
    let mut odd = false;
    if c.r.open(b'}') {
        loop {
            let (start, end) = c.r.key()?;
            let key = c.r.slice(start, end);
            if key == "errorType" || key == "message" {
                let value = match c.r.peek() {
                    Some(b'"') => c.r.string().map(|(start, end, _)| Some((start, end)))?,
                    Some(b'n') => c.r.literal(b"null").map(|()| None)?,
                    _ => {
                        odd = true;
                        c.r.skip(3)?;
                        None
                    }
                };
                if key == "errorType" {
                    detail.error_type = value;
                } else {
                    detail.message = value;
                }
            } else {
                c.r.skip(3)?;
            }
            if !c.r.next_member()? {
                break;
            }
        }
    }
    Ok(if odd { Detail::default() } else { detail })
}

/// The content of a checked string with its escapes decoded.
fn decoded(text: &str, (start, end): (usize, usize)) -> String {
    let raw = text.get(start..end).unwrap_or_default();
    let mut out = String::with_capacity(raw.len());
    match json::unescape(raw, &mut out) {
        Some(()) => out,
        None => raw.to_string(),
    }
}

/// The error for a non-2xx status, with the API's errors if the body has them.
fn http_error(field: &str, status: u16, retry_after: Option<String>, body: &[u8]) -> Error {
    let code = crate::graphql::status_code(status);
    let mut message = format!("{field}: HTTP {status}");
    let mut error_type = None;
    let mut graphql_errors = None;
    if let Ok(text) = std::str::from_utf8(body) {
        let mut c = Checker::new(text, 0);
        let errors = envelope(&mut c, Wanted::Nothing)
            .ok()
            .and_then(|e| e.errors)
            .filter(|e| e.count > 0);
        if let Some(errors) = errors {
            if let Some(span) = errors.first.message {
                message.push_str(": ");
                message.push_str(&clip(&decoded(text, span)));
            }
            error_type = errors.first.error_type.map(|span| decoded(text, span));
            graphql_errors = text.get(errors.span.0..errors.span.1).map(str::to_string);
        }
    }
    Error {
        code,
        message,
        status: Some(status),
        error_type,
        graphql_errors,
        retry_after,
        ..Error::new(code, "")
    }
}

/// The error for a GraphQL `errors` array, keyed on the first `errorType`.
fn graphql_error(field: &str, status: u16, text: &str, errors: &Errors) -> Error {
    let error_type = errors.first.error_type.map(|span| decoded(text, span));
    let code = match error_type.as_deref() {
        Some("MoveNotFoundError") => ErrorCode::NotFound,
        Some("UnauthorizedException") => ErrorCode::Unauthenticated,
        _ => ErrorCode::GraphqlError,
    };
    let said = match errors.first.message {
        Some(span) => clip(&decoded(text, span)),
        None => "the API reported an error".to_string(),
    };
    let message = match &error_type {
        Some(kind) => format!("{field}: {said} ({})", clip(kind)),
        None => format!("{field}: {said}"),
    };
    Error {
        code,
        message,
        status: Some(status),
        error_type,
        graphql_errors: text.get(errors.span.0..errors.span.1).map(str::to_string),
        ..Error::new(code, "")
    }
}

/// Server text, cut to a readable length on a character boundary.
fn clip(text: &str) -> String {
    fault::cut(text, MAX_SERVER_TEXT)
}
