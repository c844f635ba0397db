//! The one error type of the SDK, in plain Rust.
//!
//! Every failure — a bad argument, an HTTP status, a GraphQL error, a body that
//! is not what the schema promises — becomes an [`Error`] here. The wasm edge
//! (`crate::host`) turns it into the JavaScript `MoveUgcError` class.

use std::fmt;

use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::prelude::wasm_bindgen;

// The class itself is JavaScript (js/host.js, re-exported by every entry of the
// package); its declaration lives here, beside the codes it carries.
#[wasm_bindgen(typescript_custom_section)]
const MOVE_UGC_ERROR_TS: &'static str = r#"
/**
 * The error of every failed move-ugc call: a rejected Promise (or, for the
 * `MoveUgc` constructor, a throw). Check `code` to tell failures apart.
 */
export declare class MoveUgcError extends Error {
  private constructor();
  /** Always `'MoveUgcError'`. */
  readonly name: 'MoveUgcError';
  /** What went wrong. */
  readonly code: ErrorCode;
  /** The HTTP status, where there was an answer. */
  readonly status?: number;
  /** The API's `errorType`, e.g. `'MoveNotFoundError'`. */
  readonly errorType?: string;
  /** The API's `errors` array, as it was sent. */
  readonly graphqlErrors?: object[];
  /**
   * Whether trying again may succeed: a transient failure (network, timeout,
   * 429, 5xx). `false` for a mutation whose fate is unknown (the request may
   * have been carried out, and billed: check before sending it again).
   */
  readonly retryable: boolean;
  /** The underlying failure (e.g. `fetch`'s `TypeError`), where there was one. */
  readonly cause?: unknown;
}

/** Whether `value` is a `MoveUgcError` (also one from another copy of the package). */
export declare function isMoveUgcError(value: unknown): value is MoveUgcError;
"#;

/// What went wrong, as a stable machine-readable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorCode {
    /// An argument was missing or malformed; nothing was sent.
    InvalidArgument,
    /// HTTP 401 or the API's `UnauthorizedException`: the API key was refused.
    Unauthenticated,
    /// HTTP 403: the key may not do this.
    PermissionDenied,
    /// The API's `MoveNotFoundError`: no such job, take, file or volume.
    NotFound,
    /// HTTP 429: too many requests.
    RateLimited,
    /// HTTP 5xx.
    ServerError,
    /// Any other non-2xx HTTP status.
    HttpError,
    /// The API answered with GraphQL errors of another kind.
    GraphqlError,
    /// The request never got an HTTP answer (DNS, refused, reset, CORS).
    NetworkError,
    /// An attempt took longer than `timeoutMs`.
    Timeout,
    /// The caller's `AbortSignal` fired.
    Aborted,
    /// The body was not the JSON the schema promises.
    InvalidResponse,
    /// A job that was waited on ended `FAILED` or `CANCELLED`.
    JobFailed,
    /// `verifyWebhook`: a delivery that is not an authentic Move event (a
    /// missing header, a stale timestamp, no matching signature, a payload
    /// that is not an event); the message says which check failed.
    InvalidSignature,
    /// The SDK's WebAssembly module failed internally (a bug: please report
    /// it); the call was dropped, and the next call runs on a fresh module.
    /// Also `verifyWebhook` in a runtime without WebCrypto (`crypto.subtle`),
    /// where it cannot check anything: the message says so.
    Internal,
}

impl ErrorCode {
    /// The code as JavaScript sees it, e.g. `"NOT_FOUND"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidArgument => "INVALID_ARGUMENT",
            ErrorCode::Unauthenticated => "UNAUTHENTICATED",
            ErrorCode::PermissionDenied => "PERMISSION_DENIED",
            ErrorCode::NotFound => "NOT_FOUND",
            ErrorCode::RateLimited => "RATE_LIMITED",
            ErrorCode::ServerError => "SERVER_ERROR",
            ErrorCode::HttpError => "HTTP_ERROR",
            ErrorCode::GraphqlError => "GRAPHQL_ERROR",
            ErrorCode::NetworkError => "NETWORK_ERROR",
            ErrorCode::Timeout => "TIMEOUT",
            ErrorCode::Aborted => "ABORTED",
            ErrorCode::InvalidResponse => "INVALID_RESPONSE",
            ErrorCode::JobFailed => "JOB_FAILED",
            ErrorCode::InvalidSignature => "INVALID_SIGNATURE",
            ErrorCode::Internal => "INTERNAL",
        }
    }

    /// Whether a read operation that failed this way is worth retrying.
    pub fn is_retryable(self) -> bool {
        matches!(
            self,
            ErrorCode::RateLimited
                | ErrorCode::ServerError
                | ErrorCode::NetworkError
                | ErrorCode::Timeout
        )
    }
}

/// A failure of an SDK call.
///
/// It never holds the API key: nothing that builds an `Error` has access to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    /// What kind of failure this is.
    pub code: ErrorCode,
    /// A sentence for people.
    pub message: String,
    /// The HTTP status, where there was an answer.
    pub status: Option<u16>,
    /// The first GraphQL error's `errorType`, e.g. `MoveNotFoundError`.
    pub error_type: Option<String>,
    /// The API's `errors` array, as the JSON text it sent.
    pub graphql_errors: Option<String>,
    /// Seconds the server asked us to wait (`Retry-After`), if it said.
    pub retry_after: Option<String>,
    /// A mutation that may have been carried out although it failed (lost in
    /// flight): never `retryable`, whatever its code.
    pub fate_unknown: bool,
    /// The underlying JavaScript failure (e.g. `fetch`'s `TypeError`), if any.
    pub cause: Option<wasm_bindgen::JsValue>,
}

impl Error {
    /// An error with a code and a message and nothing else.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error {
            code,
            message: message.into(),
            status: None,
            error_type: None,
            graphql_errors: None,
            retry_after: None,
            fate_unknown: false,
            cause: None,
        }
    }

    /// `INVALID_ARGUMENT` naming the argument: `"<argument>: <problem>"`.
    pub fn invalid_argument(argument: &str, problem: impl fmt::Display) -> Self {
        Error::new(ErrorCode::InvalidArgument, format!("{argument}: {problem}"))
    }

    /// `INVALID_RESPONSE`: the server's body was not what the schema promises.
    pub fn invalid_response(problem: impl fmt::Display) -> Self {
        Error::new(
            ErrorCode::InvalidResponse,
            format!("the API sent a response the SDK cannot read: {problem}"),
        )
    }

    /// Whether the transport may try the same read again (and whether the
    /// caller may: not for a mutation whose fate is unknown).
    pub fn retryable(&self) -> bool {
        !self.fate_unknown && self.code.is_retryable()
    }

    /// Marks a failed mutation that may have been carried out all the same
    /// (no answer, a timeout, a 5xx): not retryable, and the message says why.
    pub fn in_doubt(mut self) -> Self {
        if matches!(
            self.code,
            ErrorCode::NetworkError | ErrorCode::Timeout | ErrorCode::ServerError
        ) {
            self.fate_unknown = true;
            self.message.push_str(
                " (the request may have been carried out all the same: check before sending it again)",
            );
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message)
    }
}

impl std::error::Error for Error {}

/// The result of every fallible SDK operation.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_render_as_the_documented_strings() {
        assert_eq!(ErrorCode::InvalidArgument.as_str(), "INVALID_ARGUMENT");
        assert_eq!(ErrorCode::GraphqlError.as_str(), "GRAPHQL_ERROR");
        assert_eq!(ErrorCode::JobFailed.as_str(), "JOB_FAILED");
        assert_eq!(ErrorCode::InvalidSignature.as_str(), "INVALID_SIGNATURE");
        assert_eq!(
            serde_json::to_string(&ErrorCode::InvalidSignature).unwrap(),
            "\"INVALID_SIGNATURE\""
        );
        assert_eq!(ErrorCode::Internal.as_str(), "INTERNAL");
        assert_eq!(
            serde_json::to_string(&ErrorCode::Internal).unwrap(),
            "\"INTERNAL\""
        );
        // The serde name (used for the generated TypeScript union) agrees.
        let json = serde_json::to_string(&ErrorCode::PermissionDenied).unwrap();
        assert_eq!(json, "\"PERMISSION_DENIED\"");
    }

    #[test]
    fn only_transient_failures_are_retryable() {
        assert!(ErrorCode::RateLimited.is_retryable());
        assert!(ErrorCode::ServerError.is_retryable());
        assert!(ErrorCode::NetworkError.is_retryable());
        assert!(ErrorCode::Timeout.is_retryable());
        assert!(!ErrorCode::NotFound.is_retryable());
        assert!(!ErrorCode::Aborted.is_retryable());
        assert!(!ErrorCode::InvalidResponse.is_retryable());
        assert!(!ErrorCode::HttpError.is_retryable());
        assert!(!ErrorCode::Internal.is_retryable());
        assert!(!ErrorCode::InvalidSignature.is_retryable());
    }

    #[test]
    fn invalid_argument_names_the_argument() {
        let e = Error::invalid_argument("params.takeId", "must be a non-empty string");
        assert_eq!(e.code, ErrorCode::InvalidArgument);
        assert_eq!(e.message, "params.takeId: must be a non-empty string");
    }
}
