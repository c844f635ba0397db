//! The wasm-bindgen-test cases shared by the Node (`node.rs`) and the headless
//! Chromium (`browser.rs`) suites. They drive the exported Rust API against the
//! fake Move API started by `scripts/with-fake-api.sh`.

/// Declares every shared case below as a wasm-bindgen test of the suite that
/// includes this module (`node.rs`, `browser.rs`), so the two cannot drift.
macro_rules! wasm_cases {
    () => {
        wasm_cases!(
            constructor_rejects_bad_options,
            jobs_round_trip,
            errors_map_and_the_client_survives,
            reads_are_retried_and_mutations_are_not,
            abort_rejects_with_aborted,
            upload_take_job_and_wait,
        );
    };
    ($($case:ident),* $(,)?) => {$(
        #[wasm_bindgen_test::wasm_bindgen_test]
        async fn $case() {
            common::$case().await;
        }
    )*};
}

use gloo_net::http::Request;
use js_sys::{Promise, Reflect};
use move_ugc::MoveUgc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The fake's origin (compile-time, set by the Makefile).
pub fn fake_origin() -> &'static str {
    option_env!("MOVE_UGC_FAKE_URL").unwrap_or("http://127.0.0.1:4010")
}

/// The key the fake accepts (fake-api/server.mjs).
pub const KEY: &str = "mv_key_fake_local_0000000001";

pub fn obj(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test JSON")
}

pub fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("property")
}

pub fn get_str(value: &JsValue, key: &str) -> String {
    get(value, key).as_string().unwrap_or_default()
}

pub fn client(extra: &str) -> MoveUgc {
    let options = format!(
        r#"{{"apiKey":"{KEY}","endpointUrl":"{}/graphql","dangerouslyAllowBrowser":true{extra}}}"#,
        fake_origin()
    );
    MoveUgc::new(obj(&options)).expect("client")
}

pub async fn ok(promise: Promise) -> JsValue {
    match JsFuture::from(promise).await {
        Ok(v) => v,
        Err(e) => panic!("expected success, got {}", get_str(&e, "message")),
    }
}

/// Awaits a promise that must reject with a MoveUgcError of `code`.
pub async fn rejects(promise: Promise, code: &str) -> JsValue {
    let error = JsFuture::from(promise)
        .await
        .expect_err("expected a rejection");
    assert!(error.is_instance_of::<js_sys::Error>(), "not an Error");
    assert_eq!(get_str(&error, "name"), "MoveUgcError");
    assert_eq!(
        get_str(&error, "code"),
        code,
        "{}",
        get_str(&error, "message")
    );
    error
}

async fn control(path: &str, body: &str) -> String {
    let response = Request::post(&format!("{}{path}", fake_origin()))
        .header("content-type", "application/json")
        .body(body)
        .expect("request")
        .send()
        .await
        .expect("fake control");
    response.text().await.expect("text")
}

/// A take in the fake's store to start jobs on.
pub async fn seed_take() -> String {
    let answer = obj(&control("/__fake/seed", "{}").await);
    get_str(&answer, "takeId")
}

pub async fn inject(fault: &str) {
    control("/__fake/faults", fault).await;
}

/// Waits `ms` milliseconds (the global setTimeout exists in Node and browsers).
pub async fn pause(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        let set_timeout: js_sys::Function = Reflect::get(&js_sys::global(), &"setTimeout".into())
            .expect("setTimeout")
            .dyn_into()
            .expect("a function");
        set_timeout
            .call2(&JsValue::NULL, &resolve, &ms.into())
            .expect("scheduled");
    });
    JsFuture::from(promise).await.expect("timer");
}

fn jobs(ugc: &MoveUgc) -> move_ugc::jobs::Jobs {
    // `ugc.jobs` is a JS object wrapping the Rust service; for Rust callers the
    // same calls go through a fresh handle on the same client.
    ugc.jobs_handle()
}

// ---- the cases ----

pub async fn constructor_rejects_bad_options() {
    for options in [
        r#"{}"#.to_string(),
        r#"{"apiKey":"short"}"#.to_string(),
        format!(r#"{{"apiKey":"{KEY}","endpointUrl":"http://example.com/graphql"}}"#),
        format!(r#"{{"apiKey":"{KEY}","endpointUrl":"not a url"}}"#),
    ] {
        let error = MoveUgc::new(obj(&options)).err().expect("must throw");
        assert_eq!(get_str(&error, "code"), "INVALID_ARGUMENT", "{options}");
        assert!(!get_str(&error, "message").contains(KEY));
    }
}

pub async fn jobs_round_trip() {
    let ugc = client("");
    let jobs = jobs(&ugc);
    let take_id = seed_take().await;
    let created = ok(jobs.create_single_cam(obj(&format!(
        r#"{{"takeId":"{take_id}","name":"wasm test","metadata":{{"suite":"wasm"}},"outputs":["main_fbx"]}}"#
    ))))
    .await;
    let id = get_str(&created, "id");
    assert!(id.starts_with("job-"));
    assert_eq!(get_str(&get(&created, "metadata"), "suite"), "wasm");

    let job = ok(jobs.retrieve(JsValue::from_str(&id), obj(r#"{"expand":["take","rig"]}"#))).await;
    assert_eq!(get_str(&get(&job, "take"), "id"), take_id);
    assert!(get(&job, "rig").is_null(), "a single-camera job has no rig");
    assert!(
        get(&job, "outputs").is_undefined(),
        "not expanded, so absent"
    );

    let renamed = ok(jobs.update(JsValue::from_str(&id), obj(r#"{"name":"renamed"}"#))).await;
    assert_eq!(get_str(&renamed, "name"), "renamed");

    let page = ok(jobs.list(obj(&format!(r#"{{"takeId":"{take_id}","limit":5}}"#)))).await;
    let items: js_sys::Array = get(&page, "items").dyn_into().expect("items array");
    assert_eq!(items.length(), 1);
    assert!(get(&page, "nextToken").is_null());
}

pub async fn errors_map_and_the_client_survives() {
    let ugc = client(r#","timeoutMs":300,"maxRetries":0"#);
    let jobs = jobs(&ugc);
    let missing = rejects(
        jobs.retrieve(JsValue::from_str("job-missing"), JsValue::UNDEFINED),
        "NOT_FOUND",
    )
    .await;
    assert_eq!(get_str(&missing, "errorType"), "MoveNotFoundError");

    rejects(
        jobs.retrieve(JsValue::from_f64(5.0), JsValue::UNDEFINED),
        "INVALID_ARGUMENT",
    )
    .await;

    inject(r#"{"kind":"raw","body":"{\"data\": {\"getJob\": "}"#).await;
    rejects(
        jobs.retrieve(JsValue::from_str("job-x"), JsValue::UNDEFINED),
        "INVALID_RESPONSE",
    )
    .await;

    inject(r#"{"kind":"hang"}"#).await;
    rejects(jobs.list(JsValue::UNDEFINED), "TIMEOUT").await;

    inject(r#"{"kind":"status","status":429,"headers":{"retry-after":"0"}}"#).await;
    rejects(jobs.list(JsValue::UNDEFINED), "RATE_LIMITED").await;

    // After every failure, the same instance still works.
    ok(jobs.list(JsValue::UNDEFINED)).await;
}

pub async fn reads_are_retried_and_mutations_are_not() {
    let ugc = client(r#","maxRetries":2"#);
    let jobs = jobs(&ugc);
    inject(r#"{"kind":"status","status":503,"times":2,"headers":{"retry-after":"0"}}"#).await;
    ok(jobs.list(JsValue::UNDEFINED)).await;

    let take_id = seed_take().await;
    inject(r#"{"kind":"status","status":503,"headers":{"retry-after":"0"}}"#).await;
    rejects(
        jobs.create_single_cam(obj(&format!(r#"{{"takeId":"{take_id}"}}"#))),
        "SERVER_ERROR",
    )
    .await;
}

pub async fn abort_rejects_with_aborted() {
    let ugc = client("");
    let jobs = jobs(&ugc);
    let controller = web_sys::AbortController::new().expect("controller");
    let params = js_sys::Object::new();
    Reflect::set(&params, &"signal".into(), &controller.signal()).expect("set");
    inject(r#"{"kind":"hang"}"#).await;
    let pending = jobs.list(params.into());
    // Let the request reach the fake (which never answers it), then abort.
    pause(200).await;
    controller.abort();
    rejects(pending, "ABORTED").await;
    ok(jobs.list(JsValue::UNDEFINED)).await;
}

/// Adds a method written in JavaScript (host.js) to the class of `service`,
/// as the package adds it (scripts/build-pkg.mjs).
fn add_method(service: &JsValue, name: &str, method: &js_sys::Function) {
    Reflect::set(
        &js_sys::Object::get_prototype_of(service),
        &name.into(),
        method,
    )
    .expect("set");
}

/// Calls `target[method](...args)` through JavaScript, as a user of the package would.
pub fn call_js(target: &JsValue, method: &str, args: &[JsValue]) -> JsValue {
    let function: js_sys::Function = get(target, method).dyn_into().expect("a method");
    function
        .apply(target, &args.iter().collect::<js_sys::Array>())
        .expect("the call returns")
}

pub async fn upload_take_job_and_wait() {
    let ugc = client("");
    let files = ugc.files();
    // files.upload is JavaScript's (host.js).
    add_method(
        &files,
        "upload",
        &move_ugc::host::UPLOAD_FILE.with(Clone::clone),
    );
    let bytes = js_sys::Uint8Array::new_with_length(200_000);
    bytes.fill(7, 0, 200_000);

    // Collects what onProgress reports.
    let reports = js_sys::Array::new();
    let sink = reports.clone();
    let on_progress =
        wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |p: JsValue| {
            sink.push(&p);
        });
    let params = obj(r#"{"type":"mp4","name":"wasm.mp4"}"#);
    Reflect::set(&params, &"onProgress".into(), on_progress.as_ref()).expect("set");
    let file = ok(call_js(&files, "upload", &[bytes.into(), params]).unchecked_into()).await;
    let file_id = get_str(&file, "id");
    assert!(reports.length() >= 2, "at least the start and the end");
    let last = reports.get(reports.length() - 1);
    assert_eq!(get(&last, "loaded").as_f64(), Some(200_000.0));
    assert_eq!(get(&last, "total").as_f64(), Some(200_000.0));
    // The final value comes once (in Chromium, XMLHttpRequest reports it too),
    // and no value twice in a row.
    let loaded: Vec<f64> = reports
        .iter()
        .map(|r| get(&r, "loaded").as_f64().unwrap_or(-1.0))
        .collect();
    assert_eq!(
        loaded.iter().filter(|&&l| l == 200_000.0).count(),
        1,
        "{loaded:?}"
    );
    assert!(loaded.windows(2).all(|w| w[0] != w[1]), "{loaded:?}");
    drop(on_progress);

    let take = ok(call_js(
        &ugc.takes(),
        "createSingleCam",
        &[obj(&format!(
            r#"{{"sources":[{{"deviceLabel":"cam","fileId":"{file_id}","format":"mp4"}}]}}"#
        ))],
    )
    .unchecked_into())
    .await;
    let job = ok(ugc.jobs_handle().create_single_cam(obj(&format!(
        r#"{{"takeId":"{}","outputs":["MAIN_FBX"]}}"#,
        get_str(&take, "id")
    ))))
    .await;
    // waitForCompletion is JavaScript's too (host.js), polling through retrieve.
    let jobs = ugc.jobs();
    add_method(
        &jobs,
        "waitForCompletion",
        &move_ugc::host::WAIT_FOR_COMPLETION.with(Clone::clone),
    );
    let done = ok(call_js(
        &jobs,
        "waitForCompletion",
        &[get(&job, "id"), obj(r#"{"intervalMs":20}"#)],
    )
    .unchecked_into())
    .await;
    assert_eq!(get_str(&get(&done, "progress"), "state"), "FINISHED");
    let outputs: js_sys::Array = get(&done, "outputs").dyn_into().expect("outputs");
    assert_eq!(outputs.length(), 1);
    assert!(get_str(&get(&outputs.get(0), "file"), "presignedUrl").contains("/__fake/files/"));
}

// No case here makes the module trap. These suites run inside the very
// instance they test: wasm-bindgen-test's harness is Rust in the same module.
// After a trap that instance cannot be trusted (its shadow stack and allocator
// are wherever the trap left them), so the only sound way on is a fresh
// instance, which would take the harness and its pending tests down with it;
// a case saying "the call rejects and the others go on" in the same instance
// would assert what the package does not promise. The traps are tested on the
// package built with the fault-injection feature (`make pkg-fault`), where
// host.js replaces the instance: tests/js/traps.test.mjs (Node, 3,000 traps)
// and tests/browser/traps.test.mjs (Chromium).
