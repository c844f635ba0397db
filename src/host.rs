//! The wasm edge: what the module imports from `js/host.js`, and the
//! conversions between JavaScript values and the plain-Rust core.

use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use crate::error::{Error, ErrorCode};

#[wasm_bindgen(module = "/js/host.js")]
extern "C" {
    #[wasm_bindgen(js_name = createError)]
    fn create_error(
        code: &str,
        message: &str,
        status: Option<u16>,
        error_type: Option<String>,
        graphql_errors: Option<String>,
        retryable: bool,
        cause: &JsValue,
    ) -> JsValue;

    /// A value as an error message shows it (`2.5`, `"FBX"`, `undefined`, `an object`).
    pub fn shown(value: &JsValue) -> String;

    /// An environment variable (Node's `process.env`), if set and not empty.
    #[wasm_bindgen(js_name = envVar)]
    pub fn env_var(name: &str) -> Option<String>;

    /// Whether this is a browser page (a `window` with a `document`).
    #[wasm_bindgen(js_name = isBrowserPage)]
    pub fn is_browser_page() -> bool;

    /// What is wrong with an API endpoint URL, in words, if anything (the
    /// host's URL parser, the one its `fetch` uses).
    #[wasm_bindgen(js_name = endpointProblem)]
    pub fn endpoint_problem(url: &str) -> Option<String>;

    /// Reads `params.signal`: undefined, or an AbortSignal.
    #[wasm_bindgen(js_name = readSignal, catch)]
    pub fn read_signal(params: &JsValue, name: &str) -> Result<Option<AbortSignal>, JsValue>;

    /// The abort plumbing of one HTTP attempt (timeout and caller signal).
    pub type Attempt;

    /// Starts the timer and listens to the caller's signal.
    #[wasm_bindgen(constructor)]
    pub fn new(timeout_ms: u32, signal: Option<AbortSignal>) -> Attempt;

    /// POSTs a GraphQL body to the API under the attempt's signal, with the
    /// key (if not empty) and the client's headers, through the client's
    /// `fetch` (the global one if undefined): `fetch`'s promise.
    #[wasm_bindgen(method)]
    pub fn post(
        this: &Attempt,
        url: &str,
        key: &str,
        body: &str,
        fetch: &JsValue,
        headers: &JsValue,
    ) -> js_sys::Promise;

    /// Whether the timeout fired.
    #[wasm_bindgen(method, getter, js_name = timedOut)]
    pub fn timed_out(this: &Attempt) -> bool;

    /// Whether the caller's signal fired.
    #[wasm_bindgen(method, getter)]
    pub fn aborted(this: &Attempt) -> bool;

    /// Stops the timer and the listener.
    #[wasm_bindgen(method)]
    pub fn finish(this: &Attempt);

    /// Resolves after `ms`; rejects when `signal` aborts (and with INTERNAL
    /// should the module fail meanwhile: the call waiting is dropped).
    pub fn sleep(ms: f64, signal: Option<AbortSignal>) -> js_sys::Promise;

    /// Starts call `id`: a promise that host.js settles, polling through `poll`.
    #[wasm_bindgen(js_name = startTask)]
    pub fn start_task(id: u32, poll: &JsValue) -> js_sys::Promise;

    /// Tells host.js that the module panicked (it traps next), and why.
    #[wasm_bindgen(js_name = recordPanic)]
    pub fn record_panic(message: &str);

    /// Asks host.js to poll call `id` again.
    #[wasm_bindgen(js_name = wakeTask)]
    pub fn wake_task(id: u32);

    /// Settles the promise of call `id`.
    #[wasm_bindgen(js_name = settleTask)]
    pub fn settle_task(id: u32, ok: bool, value: &JsValue);

    /// Reads an optional callback such as `params.onProgress`.
    #[wasm_bindgen(js_name = readCallback, catch)]
    pub fn read_callback(
        params: &JsValue,
        name: &str,
        key: &str,
    ) -> Result<Option<js_sys::Function>, JsValue>;

    /// One request to a presigned storage URL under `attempt`, through
    /// `fetch` (undefined: the global one): a PUT of `body`, or with no body
    /// a GET whose 2xx body goes into `sink`. Resolves with `[status,
    /// Retry-After]`; rejects when no answer came or the body broke off.
    pub fn storage(
        attempt: &Attempt,
        url: &str,
        body: &JsValue,
        sink: &JsValue,
        on_progress: Option<js_sys::Function>,
        fetch: &JsValue,
    ) -> js_sys::Promise;
}

#[wasm_bindgen(module = "/js/host.js")]
extern "C" {
    /// `files.upload`, which the package's JavaScript adds to `Files`
    /// (scripts/build-pkg.mjs) with the module's object as `this`; the wasm
    /// tests add it the same way. (Unused by the module itself, so not in
    /// its build.)
    #[wasm_bindgen(thread_local_v2, js_name = uploadFile)]
    pub static UPLOAD_FILE: js_sys::Function;

    /// `jobs.waitForCompletion`, added to `Jobs` the same way.
    #[wasm_bindgen(thread_local_v2, js_name = waitForCompletion)]
    pub static WAIT_FOR_COMPLETION: js_sys::Function;
}

/// The JavaScript `MoveUgcError` for an [`Error`].
pub fn to_js_error(error: &Error) -> JsValue {
    create_error(
        error.code.as_str(),
        &error.message,
        error.status,
        error.error_type.clone(),
        error.graphql_errors.clone(),
        error.retryable(),
        error.cause.as_ref().unwrap_or(&JsValue::UNDEFINED),
    )
}

/// Reads a string argument such as an id.
pub fn read_string(value: &JsValue, name: &str) -> Result<String, Error> {
    value.as_string().ok_or_else(|| {
        Error::invalid_argument(name, format!("expected a string, got {}", shown(value)))
    })
}

/// `ABORTED`: the caller's signal fired.
pub fn aborted_error(operation: &str) -> Error {
    Error::new(
        ErrorCode::Aborted,
        format!("{operation}: the operation was aborted"),
    )
}
