//! The one GraphQL-over-fetch transport, shared by every service of a client:
//! authorisation, per-attempt timeout, the caller's `signal`, and retries of
//! reads (never of mutations).

use std::rc::Rc;

use gloo_net::http::Request;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use web_sys::AbortSignal;

use crate::error::{Error, ErrorCode, Result};
use crate::graphql::{read_answer, Operation, OperationKind};
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

/// Sends operations to the API for one client.
pub struct Transport {
    config: ClientConfig,
}

impl Transport {
    /// A transport for validated settings.
    pub fn new(config: ClientConfig) -> Self {
        Transport { config }
    }

    /// The client's settings.
    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// Sends `operation`, retrying reads on transient failures, and returns the
    /// caller's result as JSON text.
    pub async fn execute(&self, operation: &Operation, signal: Option<&AbortSignal>) -> Result<String> {
        let retries = match operation.kind {
            OperationKind::Query => self.config.max_retries,
            OperationKind::Mutation => 0,
        };
        let mut attempt = 0;
        loop {
            if signal.is_some_and(|s| s.aborted()) {
                return Err(host::aborted_error(operation.name));
            }
            let result = self
                .send(operation, signal)
                .await
                .and_then(|data| (operation.decode)(&data));
            match result {
                Err(error) if error.retryable() && attempt < retries => {
                    let retry_after = error.retry_after.as_deref().and_then(|h| {
                        retry::retry_after_ms(h, js_sys::Date::now(), |d| {
                            Some(js_sys::Date::parse(d)).filter(|ms| ms.is_finite())
                        })
                    });
                    let delay = retry::delay_ms(attempt, retry_after, js_sys::Math::random());
                    JsFuture::from(host::sleep(delay, signal.cloned()))
                        .await
                        .map_err(|_| host::aborted_error(operation.name))?;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    /// One HTTP attempt: the raw `data` of a good answer, or the error it means.
    async fn send(&self, operation: &Operation, signal: Option<&AbortSignal>) -> Result<String> {
        let attempt = Attempt::new(self.config.timeout_ms, signal.cloned());
        let result = self.fetch(operation, &attempt).await;
        attempt.finish();
        let (status, retry_after, body) = result.map_err(|message| {
            if attempt.aborted() {
                host::aborted_error(operation.name)
            } else if attempt.timed_out() {
                Error::new(
                    ErrorCode::Timeout,
                    format!("{}: no answer within {} ms", operation.name, self.config.timeout_ms),
                )
            } else {
                Error::new(
                    ErrorCode::NetworkError,
                    format!("{}: could not reach the API: {message}", operation.name),
                )
            }
        })?;
        read_answer(operation.name, status, retry_after, &body).map_err(|e| self.scrub(e))
    }

    /// POSTs the operation and reads the whole body under the attempt's signal.
    async fn fetch(
        &self,
        operation: &Operation,
        attempt: &Attempt,
    ) -> std::result::Result<(u16, Option<String>, String), String> {
        let request = Request::post(&self.config.endpoint_url)
            .header("Authorization", &self.config.api_key)
            .header("Content-Type", "application/json")
            .abort_signal(Some(&attempt.fetch_signal()))
            .body(operation.body.as_str())
            .map_err(|e| e.to_string())?;
        let response = request.send().await.map_err(|e| e.to_string())?;
        let status = response.status();
        let retry_after = response.headers().get("retry-after");
        let body = response.text().await.map_err(|e| e.to_string())?;
        Ok((status, retry_after, body))
    }

    /// Removes the key from server-provided text, should a server echo it.
    fn scrub(&self, mut error: Error) -> Error {
        let key = self.config.api_key.as_str();
        if error.message.contains(key) {
            error.message = error.message.replace(key, "[redacted]");
        }
        if let Some(raw) = error.graphql_errors.as_mut().filter(|r| r.contains(key)) {
            *raw = raw.replace(key, "[redacted]");
        }
        error
    }
}

/// Runs one SDK method: reads the params, builds the operation with `build`
/// (all validation happens here, before anything is sent), executes it, and
/// resolves with the decoded result. Every failure rejects with a MoveUgcError.
pub fn call(
    transport: &Rc<Transport>,
    params: &JsValue,
    required: bool,
    build: impl FnOnce(&str) -> Result<Operation>,
) -> js_sys::Promise {
    let prepared = host::read_params(params, "params", required).and_then(|p| {
        let operation = build(&p.json).map_err(|e| host::to_js_error(&e))?;
        Ok((operation, p.signal))
    });
    let transport = Rc::clone(transport);
    future_to_promise(async move {
        let (operation, signal) = prepared?;
        let json = transport
            .execute(&operation, signal.as_ref())
            .await
            .map_err(|e| host::to_js_error(&e))?;
        js_sys::JSON::parse(&json)
    })
}
