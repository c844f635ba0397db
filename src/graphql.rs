//! GraphQL over HTTP, in plain Rust: one ready-to-send operation, and the
//! error code of an HTTP status. Answers are read by [`crate::check`].

use crate::error::{ErrorCode, Result};
use crate::model::Answer;

/// Whether an operation reads or writes; only reads are retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperationKind {
    /// A `query`: safe to send again.
    Query,
    /// A `mutation`: sending it twice could create (and bill) twice.
    Mutation,
}

/// One ready-to-send GraphQL operation: validated, with what its answer must be.
#[derive(Debug)]
pub struct Operation {
    /// The operation name, e.g. `getJob`.
    pub name: &'static str,
    /// Query or mutation.
    pub kind: OperationKind,
    /// The HTTP body: `{"query", "variables", "operationName"}`.
    pub body: String,
    /// What the answer's `data` holds; none for a caller's own document
    /// (`ugc.request`), whose `data` is handed over as it is.
    pub answer: Option<Answer>,
    /// The expands selected: the answer must have them.
    pub expand: Vec<&'static str>,
    /// The page size asked for (pages only): the page's `limit` if the API
    /// does not say.
    pub limit: i64,
}

impl Operation {
    /// Reads one HTTP answer: the caller's result as JSON text, or the error
    /// it means (one pass over the bytes, see [`crate::check`]).
    pub fn read(&self, status: u16, retry_after: Option<String>, body: &[u8]) -> Result<String> {
        match &self.answer {
            Some(answer) => crate::check::read_answer(
                answer,
                &self.expand,
                self.limit,
                status,
                retry_after,
                body,
            ),
            None => crate::check::read_raw(self.name, status, retry_after, body),
        }
    }
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
