//! The one GraphQL-over-fetch transport, shared by every service of a client:
//! authorisation, per-attempt timeout, the caller's `signal`, and retries of
//! reads (never of mutations).

use std::rc::Rc;

use gloo_net::http::Response;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

use crate::error::{Error, ErrorCode, Result};
use crate::graphql::{Operation, OperationKind};
use crate::host::{self, Attempt};
use crate::options::ClientConfig;
use crate::retry;

#[wasm_bindgen(typescript_custom_section)]
const REQUEST_OPTIONS_TS: &'static str = r#"
/** Options every method accepts beside its own params. */
export interface RequestOptions {
  /** Aborts the call: it rejects with a `MoveUgcError` of code `ABORTED`. */
  signal?: AbortSignal;
}
"#;

/// Why an attempt got no answer: a message, and the runtime's error.
struct NoAnswer {
    message: String,
    cause: Option<JsValue>,
}

impl NoAnswer {
    fn new(message: impl Into<String>) -> Self {
        NoAnswer {
            message: message.into(),
            cause: None,
        }
    }
}

/// Sends operations to the API for one client.
pub struct Transport {
    config: ClientConfig,
    /// The caller's `fetch`, or undefined for the global one.
    fetch: JsValue,
    /// The client's `defaultHeaders` as a JS object, made once (undefined if none).
    headers: JsValue,
}

impl Transport {
    /// A transport for validated settings and the caller's `fetch` (undefined: the global one).
    pub fn new(config: ClientConfig, fetch: JsValue) -> Self {
        let headers = if config.default_headers.is_empty() {
            JsValue::UNDEFINED
        } else {
            let object = js_sys::Object::new();
            for (name, value) in &config.default_headers {
                let _ = js_sys::Reflect::set(&object, &name.into(), &value.into());
            }
            object.into()
        };
        Transport {
            config,
            fetch,
            headers,
        }
    }

    /// The client's settings.
    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// Sends `operation`, retrying reads on transient failures, and returns the
    /// caller's result as JSON text. A mutation that failed without a clear
    /// answer may still have happened: its error says so and is not retryable.
    pub async fn execute(
        &self,
        operation: &Operation,
        signal: Option<&AbortSignal>,
    ) -> Result<String> {
        let retries = match operation.kind {
            OperationKind::Query => self.config.max_retries,
            OperationKind::Mutation => 0,
        };
        let result = self
            .with_retries(operation.name, retries, signal, &mut || {
                Box::pin(self.send(operation, signal))
            })
            .await;
        match operation.kind {
            OperationKind::Mutation => result.map_err(Error::in_doubt),
            OperationKind::Query => result,
        }
    }

    /// One request to a presigned storage URL (host.js `storage`): a PUT of
    /// `body` (an upload), or with no body a GET whose bytes go into `sink`
    /// (a download). Storage is not the API: no `Authorization` and no API
    /// header goes there. Both are idempotent, so both are retried like a
    /// read, honouring `Retry-After`. A download's `timeoutMs` bounds the wait
    /// for the answer and then each wait for the next chunk, never the whole
    /// transfer; an upload has none (a large video takes what it takes).
    pub async fn storage(
        &self,
        name: &str,
        url: &str,
        body: &JsValue,
        sink: &JsValue,
        signal: Option<&AbortSignal>,
        on_progress: Option<&js_sys::Function>,
    ) -> Result<()> {
        let timeout_ms = self.config.timeout_ms;
        self.with_retries(name, self.config.max_retries, signal, &mut || {
            Box::pin(async move {
                let attempt = Attempt::new(timeout_ms, signal.cloned());
                // Through the client's `fetch`, but without its key or headers.
                let sent =
                    host::storage(&attempt, url, body, sink, on_progress.cloned(), &self.fetch);
                let result = JsFuture::from(sent).await;
                attempt.finish();
                match result {
                    // [status, Retry-After]
                    Ok(answer) => {
                        // (A number from the host's own answer: `as` saturates anything odd.)
                        let status = js_sys::Reflect::get_u32(&answer, 0)
                            .ok()
                            .and_then(|s| s.as_f64())
                            .unwrap_or(0.0) as u16;
                        let retry_after = js_sys::Reflect::get_u32(&answer, 1)
                            .ok()
                            .and_then(|r| r.as_string());
                        storage_answer(name, status, retry_after)
                    }
                    Err(_) if attempt.aborted() => Err(host::aborted_error(name)),
                    Err(_) if attempt.timed_out() => Err(Error::new(
                        ErrorCode::Timeout,
                        format!("{name}: the storage sent nothing for {timeout_ms} ms"),
                    )),
                    Err(reason) => Err(unreachable_storage(name, reason)),
                }
            })
        })
        .await
        .map(|_| ())
    }

    /// Runs `attempt` until it succeeds, fails for good, or `retries` retries
    /// of transient failures are spent, waiting as the retry policy says.
    async fn with_retries<'a>(
        &self,
        name: &str,
        retries: u32,
        signal: Option<&AbortSignal>,
        attempt: &mut dyn FnMut() -> std::pin::Pin<
            Box<dyn std::future::Future<Output = Result<String>> + 'a>,
        >,
    ) -> Result<String> {
        let mut retry = 0;
        loop {
            if signal.is_some_and(|s| s.aborted()) {
                return Err(host::aborted_error(name));
            }
            match attempt().await {
                Err(error) if error.retryable() && retry < retries => {
                    let retry_after = error.retry_after.as_deref().and_then(|h| {
                        retry::retry_after_ms(h, js_sys::Date::now(), |d| {
                            Some(js_sys::Date::parse(d)).filter(|ms| ms.is_finite())
                        })
                    });
                    let delay = retry::delay_ms(retry, retry_after, js_sys::Math::random());
                    JsFuture::from(host::sleep(delay, signal.cloned()))
                        .await
                        .map_err(|_| host::aborted_error(name))?;
                    retry += 1;
                }
                other => return other,
            }
        }
    }

    /// One HTTP attempt: the caller's result (checked, as JSON text), or the
    /// error the answer means.
    async fn send(&self, operation: &Operation, signal: Option<&AbortSignal>) -> Result<String> {
        let attempt = Attempt::new(self.config.timeout_ms, signal.cloned());
        let result = self.fetch(operation, &attempt).await;
        attempt.finish();
        let (status, retry_after, bytes) = result.map_err(|failure| {
            if attempt.aborted() {
                host::aborted_error(operation.name)
            } else if attempt.timed_out() {
                Error::new(
                    ErrorCode::Timeout,
                    format!(
                        "{}: no answer within {} ms",
                        operation.name, self.config.timeout_ms
                    ),
                )
            } else {
                let mut error = Error::new(
                    ErrorCode::NetworkError,
                    format!(
                        "{}: could not reach the API: {}",
                        operation.name, failure.message
                    ),
                );
                error.cause = failure.cause;
                error
            }
        })?;
        // The body crosses into the module as bytes (one copy), not as a string
        // (a decode in the host and an encode into the module), and is read in
        // one pass.
        operation
            .read(status, retry_after, &bytes)
            .map_err(|e| self.scrub(e))
    }

    /// POSTs the operation and reads the whole body under the attempt's signal.
    async fn fetch(
        &self,
        operation: &Operation,
        attempt: &Attempt,
    ) -> std::result::Result<(u16, Option<String>, Vec<u8>), NoAnswer> {
        // gloo-net reads the answer; the request goes out with a plain init
        // (see host.js `Attempt.post`), the runtime's own fetch, so that a
        // failure keeps the runtime's error as the `cause`.
        let sent = attempt.post(
            &self.config.endpoint_url,
            self.config.api_key.as_deref().unwrap_or_default(),
            &operation.body,
            &self.fetch,
            &self.headers,
        );
        let answer = JsFuture::from(sent).await.map_err(|cause| NoAnswer {
            message: describe_js_error(&cause),
            cause: Some(cause),
        })?;
        let response: Response = answer
            .dyn_into::<web_sys::Response>()
            .map_err(|_| {
                NoAnswer::new(if self.config.custom_fetch {
                    "options.fetch did not resolve with a Response"
                } else {
                    "fetch did not resolve with a Response"
                })
            })?
            .into();
        let status = response.status();
        // Only a refusal (429, 503…) says when to come back.
        let retry_after = if (200..300).contains(&status) {
            None
        } else {
            response.headers().get("retry-after")
        };
        // (gloo's error is not formatted: its Display brings code for every
        // variant; a body that cannot be read is a network failure either way.)
        let body = response
            .binary()
            .await
            .map_err(|_| NoAnswer::new("the answer's body could not be read"))?;
        Ok((status, retry_after, body))
    }

    /// Removes the key from server-provided text, should a server echo it.
    fn scrub(&self, mut error: Error) -> Error {
        let Some(key) = self.config.api_key.as_deref() else {
            return error;
        };
        redact(&mut error.message, key);
        if let Some(raw) = error.graphql_errors.as_mut() {
            redact(raw, key);
        }
        error
    }
}

/// Replaces every `key` in `text` with `[redacted]`. (A byte search: a
/// `&str` pattern would link a general string searcher, 5 KB of the module
/// with the panic messages it brings.) The key is visible ASCII
/// (options.rs), so a match starts and ends on character boundaries.
fn redact(text: &mut String, key: &str) {
    let (hay, needle) = (text.as_bytes(), key.as_bytes());
    if needle.is_empty() || !hay.windows(needle.len()).any(|w| w == needle) {
        return;
    }
    let mut out = Vec::with_capacity(hay.len());
    let mut i = 0;
    while let Some(rest) = hay.get(i..) {
        if rest.is_empty() {
            break;
        }
        if rest.starts_with(needle) {
            out.extend_from_slice(b"[redacted]");
            i += needle.len();
        } else {
            out.extend_from_slice(rest.get(..1).unwrap_or_default());
            i += 1;
        }
    }
    if let Ok(redacted) = String::from_utf8(out) {
        *text = redacted;
    }
}

/// The message of a thrown JS value, for an error message.
fn describe_js_error(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown failure".to_string())
}

/// What a storage answer means: done (2xx), or the error of its status
/// (as for the API, but 404 is `NOT_FOUND`: storage has no such object).
fn storage_answer(name: &str, status: u16, retry_after: Option<String>) -> Result<String> {
    if (200..300).contains(&status) {
        return Ok(String::new());
    }
    let code = match status {
        404 => ErrorCode::NotFound,
        _ => crate::graphql::status_code(status),
    };
    let mut error = Error::new(code, format!("{name}: the storage answered HTTP {status}"));
    error.status = Some(status);
    error.retry_after = retry_after;
    Err(error)
}

/// `NETWORK_ERROR`: storage could not be reached, or the transfer broke off.
fn unreachable_storage(name: &str, reason: JsValue) -> Error {
    let mut error = Error::new(
        ErrorCode::NetworkError,
        format!(
            "{name}: could not reach the storage, or the transfer broke off: {}",
            describe_js_error(&reason)
        ),
    );
    error.cause = Some(reason);
    error
}

/// Runs one SDK method: reads the params, builds the operation with `build`
/// (all validation happens here, before anything is sent), executes it, and
/// resolves with the decoded result. Every failure rejects with a MoveUgcError.
///
/// Everything runs inside the call's task (see `executor`), validation
/// included, so that even a failure of the module itself only rejects this
/// call. `build` is a plain function pointer, not a generic closure, so that
/// one copy of this glue serves every method.
pub fn call(
    transport: &Rc<Transport>,
    params: &JsValue,
    build: fn(&JsValue) -> Result<Operation>,
) -> js_sys::Promise {
    let transport = Rc::clone(transport);
    let params = params.clone();
    crate::executor::spawn(async move {
        let signal = host::read_signal(&params, "params")?;
        let operation = build(&params).map_err(|e| host::to_js_error(&e))?;
        run(&transport, &operation, signal.as_ref()).await
    })
}

/// `call` for the methods that take an id first: `retrieve(id, params)`.
pub fn call_with_id(
    transport: &Rc<Transport>,
    id: &JsValue,
    id_name: &'static str,
    params: &JsValue,
    build: fn(&str, &JsValue) -> Result<Operation>,
) -> js_sys::Promise {
    let transport = Rc::clone(transport);
    let (id, params) = (id.clone(), params.clone());
    crate::executor::spawn(async move {
        let id = host::read_string(&id, id_name).map_err(|e| host::to_js_error(&e))?;
        let signal = host::read_signal(&params, "params")?;
        let operation = build(&id, &params).map_err(|e| host::to_js_error(&e))?;
        run(&transport, &operation, signal.as_ref()).await
    })
}

/// Runs one storage request of a method written in JavaScript (host.js
/// `uploadFile` and `downloadFile`, js/node-files.js): a PUT of `body` to
/// `url`, or with no body a GET of `url` into `sink`, retried like a read
/// (see [`Transport::storage`]), with `options.signal` and
/// `options.onProgress`; its promise. With no `url`, the call's params
/// (`options`) are only checked against `params` (beside `signal` and
/// `onProgress`), before anything is sent: a refusal is thrown. (Not
/// inlined: each service's export of it stays a call.)
#[inline(never)]
pub fn transfer(
    transport: &Rc<Transport>,
    params: &'static crate::input::Input,
    url: JsValue,
    options: JsValue,
    body: JsValue,
    sink: JsValue,
) -> std::result::Result<JsValue, JsValue> {
    let Some(url) = url.as_string() else {
        crate::input::read::check_params(&options, params).map_err(|e| host::to_js_error(&e))?;
        return Ok(JsValue::UNDEFINED);
    };
    let transport = Rc::clone(transport);
    Ok(crate::executor::spawn(async move {
        let signal = host::read_signal(&options, "params")?;
        let on_progress = host::read_callback(&options, "params", "onProgress")?;
        let name = if body.is_undefined() {
            "download"
        } else {
            "upload"
        };
        transport
            .storage(
                name,
                &url,
                &body,
                &sink,
                signal.as_ref(),
                on_progress.as_ref(),
            )
            .await
            .map_err(|e| host::to_js_error(&e))?;
        Ok(JsValue::UNDEFINED)
    })
    .into())
}

/// Executes an operation and hands its result to JavaScript.
pub(crate) async fn run(
    transport: &Transport,
    operation: &Operation,
    signal: Option<&AbortSignal>,
) -> std::result::Result<JsValue, JsValue> {
    let json = transport
        .execute(operation, signal)
        .await
        .map_err(|e| host::to_js_error(&e))?;
    js_sys::JSON::parse(&json)
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn the_key_is_redacted_wherever_it_appears() {
        let mut text = String::from("key mv_key_abc é then mv_key_abcmv_key_abc.");
        redact(&mut text, "mv_key_abc");
        assert_eq!(text, "key [redacted] é then [redacted][redacted].");
        let mut none = String::from("nothing here");
        redact(&mut none, "mv_key_abc");
        assert_eq!(none, "nothing here");
    }
}
