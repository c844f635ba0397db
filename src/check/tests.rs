//! Tests of the check: every rule, the JavaScript fault suite's cases, the
//! decoders it replaces (same results on valid answers), and arbitrary bytes.

use serde_json::{json, Value};

use super::read_answer;
use crate::error::{Error, ErrorCode};
use crate::model::{api, Answer, Model, Root, Shape, Type};

const ALL_JOB: &[&str] = &["client", "take", "outputs", "rig", "inputs"];

fn get_job() -> Answer {
    api::one("getJob", &api::JOB)
}

fn list_jobs() -> Answer {
    api::page("listJobs", &api::JOB)
}

fn get_volume() -> Answer {
    let mut a = api::one("getVolume", &api::HUMAN_VOLUME);
    a.union_member = true;
    a
}

fn read(answer: &Answer, expand: &[&str], body: &str) -> Result<String, Error> {
    read_answer(answer, expand, 10, 200, None, body.as_bytes())
}

/// The caller's result, parsed.
fn ok(answer: &Answer, expand: &[&str], body: &str) -> Value {
    let out = read(answer, expand, body).unwrap_or_else(|e| panic!("{e}\n{body}"));
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn err(answer: &Answer, expand: &[&str], body: &str) -> Error {
    match read(answer, expand, body) {
        Ok(out) => panic!("accepted: {out}\n{body}"),
        Err(e) => e,
    }
}

/// The message of an INVALID_RESPONSE, without the common prefix.
fn invalid(answer: &Answer, expand: &[&str], body: &str) -> String {
    let e = err(answer, expand, body);
    assert_eq!(e.code, ErrorCode::InvalidResponse, "{e}");
    e.message
        .strip_prefix("the API sent a response the SDK cannot read: ")
        .unwrap_or(&e.message)
        .to_string()
}

fn data(field: &str, value: &Value) -> String {
    json!({ "data": { field: value } }).to_string()
}

fn file(id: &str, ty: &str, metadata: Value) -> Value {
    json!({
        "id": id,
        "created": "2025-03-01T10:00:00.000Z",
        "type": ty,
        "metadata": metadata.to_string(),
        "name": format!("{id}.{ty}"),
        "presignedUrl": format!("https://move-ugc-outputs.s3.amazonaws.com/{id}.{ty}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20250301%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20250301T100000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=0123456789abcdef"),
        "thumbnailUrl": null,
    })
}

/// One job with every expand, as bench/canned.mjs makes it.
pub(super) fn expanded_job(n: usize) -> Value {
    let outputs: Vec<Value> = [
        "RENDER_VIDEO",
        "MAIN_FBX",
        "MAIN_USDC",
        "MAIN_USDZ",
        "MAIN_BLEND",
        "MOTION_DATA",
        "RENDER_OVERLAY_VIDEO",
    ]
    .iter()
    .enumerate()
    .map(|(i, format)| {
        let ty = if *format == "RENDER_VIDEO" { "mp4" } else { "fbx" };
        json!({ "format": format, "file": file(&format!("file-{n}-{i}"), ty, json!({ "format": format })) })
    })
    .collect();
    json!({
        "id": format!("job-{n:08}-6f1c-4d2b-9a7e-2f4b8c1d0e9f"),
        "created": "2025-03-01T09:58:12.345Z",
        "metadata": json!({ "project": "Winter campaign", "shot": n, "tags": ["mocap", "studio-a"], "approved": n % 2 == 0 }).to_string(),
        "state": "FINISHED",
        "name": format!("Shot {n}, take 3"),
        "progress": { "state": "FINISHED", "percentageComplete": 100 },
        "client": { "id": "client-7c1f", "name": "Fake Studio", "created": "2024-06-01T09:00:00.000Z", "metadata": json!({ "plan": "studio" }).to_string(), "portal": "https://portal.move.ai/fake-studio" },
        "take": {
            "id": format!("take-{n}-0a1b2c3d"),
            "created": "2025-03-01T09:55:00.000Z",
            "name": format!("Shot {n}"),
            "metadata": json!({ "camera": "iPhone 15 Pro", "fps": 60 }).to_string(),
            "takeType": "SINGLE_CAM",
            "syncMethod": null,
            "videoFile": file(&format!("video-{n}"), "mp4", json!({ "camera": "phone" })),
            "additionalFiles": [],
            "sources": [
                { "deviceLabel": "phone", "format": "MP4", "cameraSettings": null, "file": file(&format!("video-{n}"), "mp4", json!({ "camera": "phone" })) },
                { "deviceLabel": "phone", "format": "MOVE", "cameraSettings": null, "file": file(&format!("move-{n}"), "move", json!({ "camera": "phone" })) },
            ],
        },
        "outputs": outputs,
        "rig": { "name": "move_mo" },
        "inputs": {
            "clipWindow": { "startTime": 0.5, "endTime": 12.25 },
            "numberOfActors": 1,
            "options": { "floorPlane": true, "mocapModel": "M2", "trackBall": false, "trackFingers": true, "trackJerseyNumbers": false },
        },
    })
}

/// A page of `n` expanded jobs as the API sends it.
pub(super) fn page_body(n: usize) -> String {
    let items: Vec<Value> = (1..=n).map(expanded_job).collect();
    json!({ "data": { "listJobs": { "first": n, "after": null, "items": items } } }).to_string()
}

/// `job` as the caller receives it: metadata decoded.
fn decoded_metadata(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if key == "metadata" {
                    if let Value::String(text) = v {
                        *v = serde_json::from_str(text).unwrap();
                    }
                } else {
                    decoded_metadata(v);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(decoded_metadata),
        _ => {}
    }
}

// ---------------------------------------------------------------- statuses

#[test]
fn statuses_map_to_codes() {
    let e = |status: u16, body: &str| {
        read_answer(&get_job(), &[], 10, status, None, body.as_bytes()).unwrap_err()
    };
    assert_eq!(e(401, "").code, ErrorCode::Unauthenticated);
    assert_eq!(e(403, "{}").code, ErrorCode::PermissionDenied);
    assert_eq!(e(429, "slow down").code, ErrorCode::RateLimited);
    assert_eq!(e(500, "").code, ErrorCode::ServerError);
    assert_eq!(
        e(502, "<html>bad gateway</html>").code,
        ErrorCode::ServerError
    );
    assert_eq!(e(503, "").code, ErrorCode::ServerError);
    assert_eq!(e(404, "").code, ErrorCode::HttpError);
    assert_eq!(e(400, "").code, ErrorCode::HttpError);
    assert_eq!(e(302, "").code, ErrorCode::HttpError);
    let x = e(503, "");
    assert_eq!(x.status, Some(503));
    assert_eq!(x.message, "getJob: HTTP 503");
    assert!(x.retryable());
    assert_eq!(x.graphql_errors, None);
    // Not UTF-8: the status still decides.
    let x = read_answer(&get_job(), &[], 10, 500, None, b"\xff\xfe{").unwrap_err();
    assert_eq!(x.code, ErrorCode::ServerError);
    // A valid answer with a 2xx other than 200 is read.
    let body = data("getJob", &json!({"id": "j"}));
    assert!(read_answer(&get_job(), &[], 10, 201, None, body.as_bytes()).is_ok());
}

#[test]
fn retry_after_is_kept_on_http_errors() {
    let e = read_answer(&list_jobs(), &[], 10, 429, Some("3".into()), b"").unwrap_err();
    assert_eq!(e.retry_after.as_deref(), Some("3"));
    assert_eq!(e.message, "listJobs: HTTP 429");
}

#[test]
fn an_http_error_keeps_the_apis_errors() {
    let body = r#"{"errors":[{"errorType":"UnauthorizedException","message":"You are not authorized to make this call."}]}"#;
    let e = read_answer(&get_job(), &[], 10, 401, None, body.as_bytes()).unwrap_err();
    assert_eq!(e.code, ErrorCode::Unauthenticated);
    assert_eq!(e.error_type.as_deref(), Some("UnauthorizedException"));
    assert_eq!(
        e.message,
        "getJob: HTTP 401: You are not authorized to make this call."
    );
    let raw: Value = serde_json::from_str(&e.graphql_errors.unwrap()).unwrap();
    assert_eq!(raw[0]["errorType"], "UnauthorizedException");
    // Broken or empty errors: the status alone.
    for body in [
        r#"{"errors":[]}"#,
        r#"{"errors":[{"message":"x"}"#,
        r#"{"errors":{"message":"x"}}"#,
        "[1]",
    ] {
        let e = read_answer(&get_job(), &[], 10, 500, None, body.as_bytes()).unwrap_err();
        assert_eq!(e.message, "getJob: HTTP 500", "{body}");
        assert_eq!(e.graphql_errors, None);
    }
    // Escapes in the message are decoded; long ones clipped.
    let body = format!(
        r#"{{"errors":[{{"message":"a\"b\u00e9 {}"}}]}}"#,
        "x".repeat(1000)
    );
    let e = read_answer(&get_job(), &[], 10, 500, None, body.as_bytes()).unwrap_err();
    assert!(
        e.message.starts_with("getJob: HTTP 500: a\"bé xxx"),
        "{}",
        e.message
    );
    assert!(e.message.chars().count() < 400);
}

// ---------------------------------------------------------------- GraphQL errors

fn graphql_body(error_type: &str) -> String {
    format!(
        r#"{{"data":null,"errors":[{{"path":["getJob"],"data":null,"errorType":"{error_type}","errorInfo":null,"locations":[{{"line":2,"column":3,"sourceName":null}}],"message":"Resource not found in move-ugc-api."}}]}}"#
    )
}

#[test]
fn graphql_error_types_map_to_codes() {
    let e = err(&get_job(), &[], &graphql_body("MoveNotFoundError"));
    assert_eq!(e.code, ErrorCode::NotFound);
    assert_eq!(e.status, Some(200));
    assert_eq!(
        e.message,
        "getJob: Resource not found in move-ugc-api. (MoveNotFoundError)"
    );
    assert_eq!(e.error_type.as_deref(), Some("MoveNotFoundError"));
    let raw: Value = serde_json::from_str(&e.graphql_errors.unwrap()).unwrap();
    assert_eq!(raw[0]["locations"][0]["line"], 2);
    let code = |t: &str| err(&get_job(), &[], &graphql_body(t)).code;
    assert_eq!(code("UnauthorizedException"), ErrorCode::Unauthenticated);
    assert_eq!(code("ValidationError"), ErrorCode::GraphqlError);
    assert_eq!(code("InternalFailure"), ErrorCode::GraphqlError);
    // Not even an object: still GRAPHQL_ERROR, with a message of ours.
    let e = err(&get_job(), &[], r#"{"errors":[42]}"#);
    assert_eq!(e.code, ErrorCode::GraphqlError);
    assert_eq!(e.message, "getJob: the API reported an error");
    assert_eq!(e.graphql_errors.as_deref(), Some("[42]"));
    // An errorType that is not a string: as if there were none.
    let e = err(
        &get_job(),
        &[],
        r#"{"errors":[{"errorType":7,"message":"m"}]}"#,
    );
    assert_eq!(e.code, ErrorCode::GraphqlError);
    assert_eq!(e.error_type, None);
    assert_eq!(e.message, "getJob: the API reported an error");
    // Without errorType: the message alone.
    let e = err(&get_job(), &[], r#"{"errors":[{"message":"boom"}]}"#);
    assert_eq!(e.message, "getJob: boom");
}

#[test]
fn errors_win_wherever_they_stand() {
    let job = data("getJob", &json!({"id": "j"}));
    let errors = r#""errors":[{"errorType":"MoveNotFoundError","message":"gone"}]"#;
    // After good data, before data, after data that breaks the schema.
    for body in [
        format!(r#"{{"data":{{"getJob":{{"id":"j"}}}},{errors}}}"#),
        format!(r#"{{{errors},"data":{{"getJob":{{"id":"j"}}}}}}"#),
        format!(r#"{{{errors},"data":{{"getJob":{{"id":7}}}}}}"#),
        format!(r#"{{"data":{{"getJob":{{"id":7}}}},{errors}}}"#),
        format!(
            r#"{{"data":{{"getJob":{{"id":7,"metadata":"{{nope"}}}},"extensions":{{}},{errors}}}"#
        ),
        format!(r#"{{"data":{{"getJob":null}},{errors}}}"#),
        format!(r#"{{"data":{{}},{errors}}}"#),
    ] {
        let e = err(&get_job(), &[], &body);
        assert_eq!(e.code, ErrorCode::NotFound, "{body}: {e}");
        assert_eq!(e.message, "getJob: gone (MoveNotFoundError)");
    }
    // Empty or null errors are none.
    for body in [
        job.replace(r#"{"data""#, r#"{"errors":[],"data""#),
        job.replace(r#"{"data""#, r#"{"errors":null,"data""#),
        job.replace("}}}", r#"}},"errors":[]}"#),
    ] {
        assert_eq!(ok(&get_job(), &[], &body)["id"], "j", "{body}");
    }
    // Data that breaks the schema after empty errors: its fault.
    let body = r#"{"errors":[],"data":{"getJob":{"id":7}}}"#;
    assert_eq!(
        invalid(&get_job(), &[], body),
        "getJob.id: expected a string, got a number"
    );
    // Errors do not excuse a body that is not JSON.
    let body = format!(r#"{{{errors},"data":{{"getJob":[}}}}"#);
    assert_eq!(err(&get_job(), &[], &body).code, ErrorCode::InvalidResponse);
    let body = format!(r#"{{"data":{{"getJob":{{"id":7}}}},{errors}"#);
    assert_eq!(err(&get_job(), &[], &body).code, ErrorCode::InvalidResponse);
}

#[test]
fn long_server_messages_are_clipped() {
    let long = "é".repeat(1000);
    let e = err(
        &get_job(),
        &[],
        &format!(r#"{{"errors":[{{"message":"{long}"}}]}}"#),
    );
    assert!(e.message.chars().count() < 400);
    assert!(e.message.ends_with('…'));
}

// ---------------------------------------------------------------- the envelope

#[test]
fn malformed_bodies_are_invalid_responses() {
    for body in [
        "",
        "   ",
        "<html><body>ok</body></html>",
        r#"{"data": {"getJob": {"id": "j"}"#,
        r#"{"data": {"getJob": {"id": "j"#,
        r#"{"data": null}"#,
        r#"{}"#,
        r#"[]"#,
        r#"[{"data": {}}]"#,
        r#""data""#,
        "nope",
        "42",
        r#"{"data": {"getJob": {"id": "j"}}} trailing"#,
        r#"{"data": {"getJob": {"id": "j"}}}}"#,
        r#"{"data": {"getJob": {"id": "j"}},}"#,
        r#"{"data": {"getJob": {"id": "j"}} "errors": []}"#,
        r#"{"data": {"getJob": {"id": "j"}}, "data": {"getJob": {"id": "j"}}}"#,
        r#"{"errors": [], "errors": [], "data": {"getJob": {"id": "j"}}}"#,
        r#"{"errors": "x", "data": {"getJob": {"id": "j"}}}"#,
        r#"{"data": 5}"#,
        r#"{"data": []}"#,
        r#"{"data": {}}"#,
        r#"{"data": {"other": {"id": "j"}}}"#,
        r#"{"data": {"getJob": {"id": "j"}, "getJob": {"id": "j"}}}"#,
        r#"{'data': {}}"#,
    ] {
        let e = err(&get_job(), &[], body);
        assert_eq!(e.code, ErrorCode::InvalidResponse, "{body}: {e}");
        assert!(!e.retryable());
    }
    let m = |body: &str| invalid(&get_job(), &[], body);
    assert_eq!(
        m(""),
        "getJob: the body is not a GraphQL JSON object (it is empty)"
    );
    assert_eq!(
        m("[]"),
        "getJob: the body is not a GraphQL JSON object (it is an array)"
    );
    assert_eq!(
        m("<html>"),
        "getJob: the body is not a GraphQL JSON object (not valid JSON: expected '{' (at byte 0))"
    );
    assert_eq!(
        m(r#"{"data": null}"#),
        "getJob: the answer has neither data nor errors"
    );
    assert_eq!(m("{}"), "getJob: the answer has neither data nor errors");
    assert_eq!(m(r#"{"data":{}}"#), "getJob: is missing from data");
    assert_eq!(
        m(r#"{"data":5}"#),
        "getJob: expected data to be an object, got a number"
    );
    assert_eq!(
        m(r#"{"data":{"getJob":{"id":"j"}}} x"#),
        "getJob: the body is not a GraphQL JSON object (not valid JSON: more text after the JSON value (at byte 31))"
    );
    assert_eq!(
        m(r#"{"data": {"getJob": {"id": "j"#),
        "getJob.id: not valid JSON: the text ends too soon (at byte 29)"
    );
    let e = read_answer(
        &get_job(),
        &[],
        10,
        200,
        None,
        b"{\"data\":{\"getJob\":{\"id\":\"\xff\"}}}",
    )
    .unwrap_err();
    assert_eq!(
        e.message,
        "the API sent a response the SDK cannot read: getJob: the body is not a GraphQL JSON object (it is not UTF-8 text)"
    );
}

#[test]
fn other_keys_of_the_body_and_of_data_are_read_over() {
    let body = r#" { "extensions" : {"a":[1,{"b":null}]} , "data" : { "before": [true], "getJob" : { "id" : "j" } , "after": "x" } } "#;
    let out = read(&get_job(), &[], body).unwrap();
    assert_eq!(
        out,
        r#"{"id":"j","created":null,"metadata":null,"state":null,"name":null,"progress":null}"#
    );
    // But they must be JSON.
    let body = r#"{"extensions":{"a":[1,]},"data":{"getJob":{"id":"j"}}}"#;
    assert_eq!(err(&get_job(), &[], body).code, ErrorCode::InvalidResponse);
    let body = r#"{"data":{"before":[1,],"getJob":{"id":"j"}}}"#;
    assert_eq!(err(&get_job(), &[], body).code, ErrorCode::InvalidResponse);
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let depth = 100_000;
    let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let objects = format!("{}{}", r#"{"a":"#.repeat(depth), "}".repeat(depth));
    for answer in [get_job(), list_jobs(), api::items("listRigs", &api::RIG)] {
        for deep in [&nested, &objects] {
            let f = answer.field;
            for body in [
                format!(r#"{{"data":{{"{f}":{deep}}}}}"#),
                format!(r#"{{"data":{{"{f}":{{"id":"j","x":{deep}}}}}}}"#),
                format!(r#"{{"data":{{"{f}":{{"items":[{{"x":{deep}}}]}}}}}}"#),
                format!(r#"{{"data":{{"x":{deep},"{f}":{{}}}}}}"#),
                format!(r#"{{"errors":[{deep}]}}"#),
                format!(r#"{{"errors":[{{"message":"m","x":{deep}}}]}}"#),
                format!(r#"{{"errors":[{{"message":"m"}}],"data":{deep}}}"#),
                format!(r#"{{"x":{deep}}}"#),
                deep.to_string(),
            ] {
                let e = err(&answer, &[], &body);
                assert_eq!(e.code, ErrorCode::InvalidResponse, "{e}");
            }
        }
    }
    // In AWSJSON.
    let metadata = serde_json::to_string(&nested).unwrap();
    let body = format!(r#"{{"data":{{"getJob":{{"id":"j","metadata":{metadata}}}}}}}"#);
    assert_eq!(
        invalid(&get_job(), &[], &body),
        "getJob.metadata: is not valid JSON (AWSJSON)"
    );
    // Under a non-2xx status too (the errors are looked for).
    let e = read_answer(&get_job(), &[], 10, 500, None, nested.as_bytes()).unwrap_err();
    assert_eq!(e.code, ErrorCode::ServerError);
    // The message says so.
    let body = format!(r#"{{"data":{{"getJob":{{"id":"j","x":{nested}}}}}}}"#);
    assert_eq!(
        invalid(&get_job(), &[], &body),
        "getJob.x: nested too deeply"
    );
}

#[test]
fn nesting_up_to_the_limit_is_fine() {
    // The body and data are 2 levels, the job 3: 125 more are allowed.
    let ok_deep = format!("{}{}", "[".repeat(125), "]".repeat(125));
    let body = format!(r#"{{"data":{{"getJob":{{"id":"j","x":{ok_deep}}}}}}}"#);
    assert!(read(&get_job(), &[], &body).is_ok());
    let too_deep = format!("[{ok_deep}]");
    let body = format!(r#"{{"data":{{"getJob":{{"id":"j","x":{too_deep}}}}}}}"#);
    assert!(read(&get_job(), &[], &body).is_err());
    // AWSJSON content has 128 levels of its own.
    let inner = format!("{}{}", "[".repeat(128), "]".repeat(128));
    let metadata = serde_json::to_string(&inner).unwrap();
    let body = format!(r#"{{"data":{{"getJob":{{"id":"j","metadata":{metadata}}}}}}}"#);
    assert!(read(&get_job(), &[], &body).is_ok());
    let inner = format!("[{inner}]");
    let metadata = serde_json::to_string(&inner).unwrap();
    let body = format!(r#"{{"data":{{"getJob":{{"id":"j","metadata":{metadata}}}}}}}"#);
    assert!(read(&get_job(), &[], &body).is_err());
}

// ---------------------------------------------------------------- roots

#[test]
fn one_object_is_the_result() {
    let job = expanded_job(7);
    let out = ok(&get_job(), ALL_JOB, &data("getJob", &job));
    let mut expected = job.clone();
    decoded_metadata(&mut expected);
    assert_eq!(out, expected);
    // Null is not a job.
    assert_eq!(
        invalid(&get_job(), &[], r#"{"data":{"getJob":null}}"#),
        "getJob: expected an object (Job), got null"
    );
    assert_eq!(
        invalid(&get_job(), &[], r#"{"data":{"getJob":[]}}"#),
        "getJob: expected an object (Job), got an array"
    );
}

#[test]
fn a_page_becomes_items_limit_and_next_token() {
    let answer = list_jobs();
    let page = |page: &str| {
        ok(
            &answer,
            &[],
            &format!(r#"{{"data":{{"listJobs":{page}}}}}"#),
        )
    };
    assert_eq!(
        page(r#"{"first":25,"after":"tok\"en","items":[{"id":"a"},null,{"id":"b"}]}"#),
        json!({"items":[
            {"id":"a","created":null,"metadata":null,"state":null,"name":null,"progress":null},
            {"id":"b","created":null,"metadata":null,"state":null,"name":null,"progress":null}],
            "limit":25,"nextToken":"tok\"en"})
    );
    // The written text, exactly.
    let out = read(
        &answer,
        &[],
        r#"{"data":{"listJobs":{"items":[],"after":"t","first":3}}}"#,
    )
    .unwrap();
    assert_eq!(out, r#"{"items":[],"limit":3,"nextToken":"t"}"#);
    // `first` that is not a count: the requested limit.
    for first in ["null", "-1", "-2147483648"] {
        // (`-0` is not an Int at all.)
        let out = page(&format!(r#"{{"first":{first},"after":null,"items":[]}}"#));
        assert_eq!(
            out,
            json!({"items":[],"limit":10,"nextToken":null}),
            "{first}"
        );
    }
    assert_eq!(page(r#"{"first":0}"#)["limit"], 0);
    // Absent or null items, absent after: none.
    assert_eq!(page("{}"), json!({"items":[],"limit":10,"nextToken":null}));
    assert_eq!(
        page(r#"{"items":null,"x":[1]}"#),
        json!({"items":[],"limit":10,"nextToken":null})
    );
    let m = |page: &str| {
        invalid(
            &answer,
            &[],
            &format!(r#"{{"data":{{"listJobs":{page}}}}}"#),
        )
    };
    assert_eq!(m("null"), "listJobs: the page is null");
    assert_eq!(m("[]"), "listJobs: expected an object, got an array");
    assert_eq!(
        m(r#"{"first":"10"}"#),
        "listJobs.first: expected an integer (Int), got a string"
    );
    assert_eq!(
        m(r#"{"first":1.5}"#),
        "listJobs.first: expected an integer (Int), got 1.5"
    );
    assert_eq!(
        m(r#"{"after":5}"#),
        "listJobs.after: expected a string, got a number"
    );
    assert_eq!(
        m(r#"{"items":{}}"#),
        "listJobs.items: expected an array, got an object"
    );
    assert_eq!(
        m(r#"{"items":[null,5]}"#),
        "listJobs.items[1]: expected an object (Job), got a number"
    );
    assert_eq!(
        m(r#"{"items":[],"items":[]}"#),
        "listJobs.items: is given twice"
    );
    assert_eq!(
        m(
            r#"{"items":[{"id":"a"},{"id":"b"},{"id":"c"},{"id":"d","progress":{"percentageComplete":1.5}}]}"#
        ),
        "listJobs.items[3].progress.percentageComplete: expected an integer (Int), got 1.5"
    );
    // The requested limit is kept within u32, as today.
    let out = read_answer(&answer, &[], -5, 200, None, br#"{"data":{"listJobs":{}}}"#).unwrap();
    assert_eq!(out, r#"{"items":[],"limit":0,"nextToken":null}"#);
}

#[test]
fn items_give_the_caller_the_array() {
    let answer = api::items("listRigs", &api::RIG);
    let list = |body: &str| {
        ok(
            &answer,
            &[],
            &format!(r#"{{"data":{{"listRigs":{body}}}}}"#),
        )
    };
    assert_eq!(
        list(r#"{"items":[{"name":"move_mo"},null]}"#),
        json!([{"name":"move_mo"}])
    );
    assert_eq!(list("null"), json!([]));
    assert_eq!(list("{}"), json!([]));
    assert_eq!(list(r#"{"items":null}"#), json!([]));
    assert_eq!(
        invalid(
            &answer,
            &[],
            r#"{"data":{"listRigs":{"items":[{"name":1}]}}}"#
        ),
        "listRigs.items[0].name: expected a string, got a number"
    );
    assert_eq!(
        invalid(&answer, &[], r#"{"data":{"listRigs":"x"}}"#),
        "listRigs: expected an object, got a string"
    );
}

// ---------------------------------------------------------------- values

fn job_with(field: &str, value: &str) -> String {
    format!(r#"{{"data":{{"getJob":{{"id":"j","{field}":{value}}}}}}}"#)
}

fn progress(value: &str) -> Result<String, Error> {
    read(
        &get_job(),
        &[],
        &job_with("progress", &format!(r#"{{"percentageComplete":{value}}}"#)),
    )
}

#[test]
fn ints_are_32_bit_integers_written_as_integers() {
    for good in ["0", "100", "2147483647", "-2147483648"] {
        let out = progress(good).unwrap();
        assert!(
            out.contains(&format!(r#""percentageComplete":{good}"#)),
            "{out}"
        );
    }
    for (bad, shown) in [
        ("1.5", "1.5"),
        ("-0", "-0"),
        ("1.0", "1.0"),
        ("1e2", "1e2"),
        ("2147483648", "2147483648"),
        ("-2147483649", "-2147483649"),
        ("99999999999999999999", "99999999999999999999"),
        ("1e400", "1e400"),
    ] {
        let e = progress(bad).unwrap_err();
        assert_eq!(
            e.message,
            format!("the API sent a response the SDK cannot read: getJob.progress.percentageComplete: expected an integer (Int), got {shown}")
        );
    }
    let e = progress(r#""100""#).unwrap_err();
    assert!(e
        .message
        .ends_with("expected an integer (Int), got a string"));
    // A long number is cut short in the message.
    let e = progress(&"9".repeat(500)).unwrap_err();
    assert!(e.message.len() < 250, "{}", e.message);
    // Not numbers at all.
    for bad in [
        "01", "-", "1.", ".5", "1e", "+1", "0x10", "1e+", "--1", "NaN", "Infinity",
    ] {
        assert_eq!(
            progress(bad).unwrap_err().code,
            ErrorCode::InvalidResponse,
            "{bad}"
        );
    }
}

fn clip_window(start: &str) -> Result<String, Error> {
    let body = format!(
        r#"{{"data":{{"getJob":{{"id":"j","inputs":{{"clipWindow":{{"startTime":{start},"endTime":2}}}}}}}}}}"#
    );
    read(&get_job(), &["inputs"], &body)
}

#[test]
fn floats_are_finite_numbers_written_as_sent() {
    for good in [
        "0",
        "-0",
        "0.5",
        "12.25",
        "1e308",
        "-1E+308",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "179769313486231570000e288",
        "0.0000001e-400",
        "1e-400",
        "0e999999999999999999999",
        "-0.0E400",
        "10e307",
        "0.01e310",
        "123456789012345678901234567890",
    ] {
        let out = clip_window(good).unwrap_or_else(|e| panic!("{good}: {e}"));
        assert!(out.contains(&format!(r#""startTime":{good}"#)), "{out}");
    }
    for bad in [
        "1e400",
        "-1e400",
        "1e309",
        "100e307",
        "0.1e310",
        "1.7976931348623159e308",
        "1e99999999999999999999999",
        &format!("1{}", "0".repeat(400)),
    ] {
        let e = clip_window(bad).unwrap_err();
        assert!(
            e.message.contains(
                "getJob.inputs.clipWindow.startTime: expected a finite number (Float), got "
            ),
            "{bad}: {}",
            e.message
        );
    }
    assert!(clip_window("true")
        .unwrap_err()
        .message
        .ends_with("startTime: expected a number (Float), got a boolean"));
    assert!(clip_window("null")
        .unwrap_err()
        .message
        .ends_with("startTime: expected a number (Float), got null"));
}

#[test]
fn finiteness_agrees_with_rusts_own_parsing() {
    // The threshold, digit by digit around it, and random numbers near it.
    let mut numbers: Vec<String> = vec![
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792".into(),
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791".into(),
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.999999".into(),
        "17976931348623158079372897140530341507993413271003782693617377898044496829276475094664901797758720709633028641669288791094655554785194040263065748867150582068190890200070838367627385484581771153176447573027006985557136695962284291481986083493647529271907416844436551070434271155969950809304288017790417449779.2e1".into(),
        "0.0179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792e311".into(),
    ];
    let mut rng = Rng(0x5eed);
    for _ in 0..20_000 {
        let mantissa: String = (0..1 + rng.below(20))
            .map(|_| char::from(b'0' + rng.below(10) as u8))
            .collect();
        let point = rng.below(mantissa.len() + 1);
        let (int, frac) = mantissa.split_at(point);
        let int = if int.is_empty() {
            "0"
        } else {
            int.trim_start_matches('0')
        };
        let int = if int.is_empty() { "0" } else { int };
        let exp = 280 + rng.below(60) as i64 - if rng.below(5) == 0 { 600 } else { 0 };
        let frac = if frac.is_empty() {
            String::new()
        } else {
            format!(".{frac}")
        };
        numbers.push(format!("{int}{frac}e{exp}"));
    }
    for n in numbers {
        let mut r = super::json::Reader::new(&n);
        let parsed = r.number().unwrap();
        assert_eq!(r.pos, n.len(), "{n}");
        let expected = n.parse::<f64>().unwrap().is_finite();
        assert_eq!(
            super::json::is_finite(n.as_bytes(), &parsed),
            expected,
            "{n}"
        );
    }
}

#[test]
fn strings_booleans_enums_and_literals() {
    let m = |field: &str, value: &str| invalid(&get_job(), &[], &job_with(field, value));
    assert_eq!(
        m("name", "7"),
        "getJob.name: expected a string, got a number"
    );
    assert_eq!(
        m("name", "{}"),
        "getJob.name: expected a string, got an object"
    );
    assert_eq!(
        m("name", "[]"),
        "getJob.name: expected a string, got an array"
    );
    assert_eq!(
        m("name", "true"),
        "getJob.name: expected a string, got a boolean"
    );
    assert_eq!(
        m("name", "nul"),
        "getJob.name: not valid JSON: expected a value (at byte 35)"
    );
    // Booleans.
    let opts = |v: &str| {
        read(
            &get_job(),
            &["inputs"],
            &job_with("inputs", &format!(r#"{{"options":{{"trackBall":{v}}}}}"#)),
        )
    };
    assert!(opts("true").unwrap().contains(r#""trackBall":true"#));
    assert!(opts("false").unwrap().contains(r#""trackBall":false"#));
    assert!(opts("null").unwrap().contains(r#""trackBall":null"#));
    for bad in [r#""true""#, "1", "tru", "True"] {
        assert_eq!(
            opts(bad).unwrap_err().code,
            ErrorCode::InvalidResponse,
            "{bad}"
        );
    }
    assert!(opts("0")
        .unwrap_err()
        .message
        .ends_with("getJob.inputs.options.trackBall: expected a boolean, got a number"));
    // Enums: exactly as the API spells them.
    let mocap = |v: &str| {
        read(
            &get_job(),
            &["inputs"],
            &job_with("inputs", &format!(r#"{{"options":{{"mocapModel":{v}}}}}"#)),
        )
    };
    assert!(mocap(r#""S2""#).unwrap().contains(r#""mocapModel":"S2""#));
    assert!(mocap(r#""m2""#).unwrap_err().message.ends_with(
        r#"getJob.inputs.options.mocapModel: expected one of M1, M2, S1, S2, got "m2""#
    ));
    let take = |format: &str| {
        format!(
            r#"{{"data":{{"getTake":{{"id":"t","created":"c","additionalFiles":[],"sources":[{{"deviceLabel":"d","format":{format}}}]}}}}}}"#
        )
    };
    let get_take = api::one("getTake", &api::TAKE);
    assert_eq!(
        invalid(&get_take, &["sources"], &take(r#""mp3""#)),
        r#"getTake.sources[0].format: expected one of MP4, MOV, MOVE, AVI, got "mp3""#
    );
    assert_eq!(
        invalid(&get_take, &["sources"], &take("3")),
        "getTake.sources[0].format: expected one of MP4, MOV, MOVE, AVI, got a number"
    );
    let long = format!(r#""{}""#, "x".repeat(500));
    assert!(invalid(&get_take, &["sources"], &take(&long)).len() < 200);
    assert_eq!(
        ok(&get_take, &["sources"], &take(r#""MOVE""#))["sources"][0]["format"],
        "MOVE"
    );
    // Literals: a union's member.
    let volume = |typename: &str| {
        format!(r#"{{"data":{{"getVolume":{{{typename}"id":"v","created":"c"}}}}}}"#)
    };
    assert_eq!(
        ok(
            &get_volume(),
            &[],
            &volume(r#""__typename":"HumanVolume","#)
        )["__typename"],
        "HumanVolume"
    );
    assert_eq!(
        invalid(&get_volume(), &[], &volume("")),
        "getVolume.__typename: is required"
    );
    assert_eq!(
        invalid(
            &get_volume(),
            &[],
            &volume(r#""__typename":"RobotVolume","#)
        ),
        r#"getVolume.__typename: expected "HumanVolume", got "RobotVolume""#
    );
    assert_eq!(
        invalid(&get_volume(), &[], &volume(r#""__typename":null,"#)),
        r#"getVolume.__typename: expected "HumanVolume", got null"#
    );
}

#[test]
fn strings_are_copied_verbatim_and_checked() {
    let raw = r#""a\"b\\c\/d\b\f\n\r\t\u00e9\uD83D\uDE00 é 😀""#;
    let out = read(&get_job(), &[], &job_with("name", raw)).unwrap();
    assert!(out.contains(&format!(r#""name":{raw}"#)), "{out}");
    let value: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["name"], "a\"b\\c/d\u{8}\u{c}\n\r\té😀 é 😀");
    for bad in [
        "\"a\nb\"",
        "\"a\u{1}b\"",
        r#""\x""#,
        r#""\u12""#,
        r#""\u12G4""#,
        r#""\uD83D""#,
        r#""\uD83Dx""#,
        r#""\uD83D\u0041""#,
        r#""\uDE00""#,
        r#""abc"#,
        r#""\"#,
    ] {
        let e = read(&get_job(), &[], &job_with("name", bad)).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidResponse, "{bad}");
        assert!(
            e.message.contains("getJob.name: not valid JSON: "),
            "{}",
            e.message
        );
    }
    // Long strings on the fast path, with specials at every offset.
    for at in 0..20 {
        let s = format!("{}\\n{}", "x".repeat(at), "y".repeat(40));
        let out = read(&get_job(), &[], &job_with("name", &format!("\"{s}\""))).unwrap();
        assert!(out.contains(&s));
        let bad = format!("\"{}\u{7}{}\"", "x".repeat(at), "y".repeat(40));
        assert!(read(&get_job(), &[], &job_with("name", &bad)).is_err());
        let unterminated = format!("\"{}", "x".repeat(at));
        assert!(read(&get_job(), &[], &unterminated).is_err());
    }
}

#[test]
fn awsjson_is_the_value_it_holds() {
    for (stored, out) in [
        (r#""{\"shot\": 3}""#, r#""metadata":{"shot": 3}"#),
        (r#""\"{}\"""#, r#""metadata":"{}""#),
        (r#""[1,2]""#, r#""metadata":[1,2]"#),
        (r#""7""#, r#""metadata":7"#),
        (r#""null""#, r#""metadata":null"#),
        (r#"" null ""#, r#""metadata":null"#),
        (r#""\n [1] \t""#, r#""metadata":[1]"#),
        (r#"null"#, r#""metadata":null"#),
        (r#""true""#, r#""metadata":true"#),
        (r#""1e400""#, r#""metadata":1e400"#),
        (r#""\"\\u00e9\\n\"""#, r#""metadata":"\u00e9\n""#),
        (r#""{\"a\":\"\u00e9\\\"\"}""#, r#""metadata":{"a":"é\""}"#),
        (
            r#""{\"big\": 12345678901234567890}""#,
            r#""metadata":{"big": 12345678901234567890}"#,
        ),
    ] {
        let json = read(&get_job(), &[], &job_with("metadata", stored))
            .unwrap_or_else(|e| panic!("{stored}: {e}"));
        assert!(json.contains(out), "{stored}: {json}");
        // 1e400 as a value of the caller's: JSON.parse gives Infinity; serde_json refuses.
        if !stored.contains("1e400") {
            serde_json::from_str::<Value>(&json).unwrap();
        }
    }
    for bad in [
        r#""{nope""#,
        r#""""#,
        r#"" ""#,
        r#""{\"a\":1} x""#,
        r#""[1,]""#,
        r#""\"a\nb\"""#,
        r#""\"\\ud800\"""#,
        r#""{'a':1}""#,
    ] {
        assert_eq!(
            invalid(&get_job(), &[], &job_with("metadata", bad)),
            "getJob.metadata: is not valid JSON (AWSJSON)",
            "{bad}"
        );
    }
    for (bad, got) in [("{}", "an object"), ("7", "a number"), ("[]", "an array")] {
        assert_eq!(
            invalid(&get_job(), &[], &job_with("metadata", bad)),
            format!("getJob.metadata: expected a string of JSON (AWSJSON), got {got}")
        );
    }
}

// ---------------------------------------------------------------- objects

#[test]
fn keys_keep_their_order_and_absent_nullables_come_last_as_null() {
    let body = r#"{"data":{"getJob":{"name":"n","unknown":{"x":[1]},"id":"j","progress":{"percentageComplete":5}}}}"#;
    assert_eq!(
        read(&get_job(), &[], body).unwrap(),
        r#"{"name":"n","id":"j","progress":{"percentageComplete":5,"state":null},"created":null,"metadata":null,"state":null}"#
    );
}

#[test]
fn required_fields_and_nulls() {
    let m = |body: &str| invalid(&get_job(), &[], body);
    assert_eq!(m(r#"{"data":{"getJob":{}}}"#), "getJob.id: is required");
    assert_eq!(
        m(r#"{"data":{"getJob":{"id":null}}}"#),
        "getJob.id: expected a string, got null"
    );
    assert_eq!(
        m(r#"{"data":{"getJob":{"id":"a","id":"b"}}}"#),
        "getJob.id: is given twice"
    );
    assert_eq!(
        m(r#"{"data":{"getJob":{"id":"a","progress":7}}}"#),
        "getJob.progress: expected an object (JobProgress), got a number"
    );
    // A nested required field.
    let answer = api::one("getFile", &api::FILE);
    assert_eq!(
        invalid(&answer, &[], r#"{"data":{"getFile":{"id":"f"}}}"#),
        "getFile.type: is required"
    );
    // Unknown keys are read over, not given.
    let out = ok(
        &answer,
        &[],
        r#"{"data":{"getFile":{"id":"f","type":"mp4","x":{"deep":[1,2,{"y":null}]},"z":"\u00e9"}}}"#,
    );
    assert_eq!(out.get("x"), None);
    assert_eq!(out.get("z"), None);
    assert_eq!(
        invalid(
            &answer,
            &[],
            r#"{"data":{"getFile":{"id":"f","type":"mp4","x":[1,}}}"#
        ),
        "getFile.x: not valid JSON: expected a value (at byte 49)"
    );
}

#[test]
fn the_result_is_written_exactly_however_the_body_is_spaced() {
    // The result is copied from the body in runs: whitespace, dropped nulls,
    // skipped keys, AWSJSON and absent nullables each end a run, and what
    // follows must still be written in full, commas and brackets included.
    let answer = api::one("getTake", &api::TAKE);
    let compact = r#"{"data":{"getTake":{"id":"t","extra":[1,{"a":2}],"created":"c","additionalFiles":[null,{"format":"MP4","file":{"id":"f","type":"mp4","metadata":"{\"a\":[1, 2]}","extra":true}},null,{"format":null,"file":{"id":"g","type":"move"}}],"metadata":"null","name":null}}}"#;
    // Written as the body has it: no key, value or bracket altered.
    let expected = r#"{"id":"t","created":"c","additionalFiles":[{"format":"MP4","file":{"id":"f","type":"mp4","metadata":{"a":[1, 2]},"created":null,"name":null,"presignedUrl":null,"thumbnailUrl":null}},{"format":null,"file":{"id":"g","type":"move","created":null,"metadata":null,"name":null,"presignedUrl":null,"thumbnailUrl":null}}],"metadata":null,"name":null,"takeType":null,"syncMethod":null,"videoFile":null}"#;
    let out = read(&answer, &[], compact).unwrap();
    assert_eq!(out, expected);
    let value: Value = serde_json::from_str(&out).unwrap();
    // The same body spaced out gives the same value.
    // (Pretty-printed: newlines, which only stand between tokens there, become
    // every kind of JSON whitespace.)
    let pretty = serde_json::to_string_pretty(&serde_json::from_str::<Value>(compact).unwrap());
    let spaced = pretty.unwrap().replace('\n', " \r\n\t");
    let spaced_value: Value = serde_json::from_str(&read(&answer, &[], &spaced).unwrap()).unwrap();
    assert_eq!(spaced_value, value);
}

#[test]
fn lists_drop_null_items() {
    // A list: null items dropped, null is [], absent is required.
    let take =
        |files: &str| format!(r#"{{"data":{{"getTake":{{"id":"t","created":"c"{files}}}}}}}"#);
    let answer = api::one("getTake", &api::TAKE);
    let file = r#"{"format":null,"file":{"id":"f","type":"mp4"}}"#;
    let out = ok(
        &answer,
        &[],
        &take(&format!(r#","additionalFiles":[null,{file},null]"#)),
    );
    assert_eq!(out["additionalFiles"].as_array().unwrap().len(), 1);
    assert_eq!(out["additionalFiles"][0]["file"]["id"], "f");
    assert_eq!(
        ok(&answer, &[], &take(r#","additionalFiles":null"#))["additionalFiles"],
        json!([])
    );
    assert_eq!(
        ok(&answer, &[], &take(r#","additionalFiles":[null, null]"#))["additionalFiles"],
        json!([])
    );
    assert_eq!(
        invalid(&answer, &[], &take("")),
        "getTake.additionalFiles: is required"
    );
    assert_eq!(
        invalid(&answer, &[], &take(r#","additionalFiles":"list""#)),
        "getTake.additionalFiles: expected an array, got a string"
    );
    assert_eq!(
        invalid(
            &answer,
            &[],
            &take(
                r#","additionalFiles":[null,{"file":{"id":"f","type":"mp4"}},{"file":{"id":7}}]"#
            )
        ),
        "getTake.additionalFiles[2].file.id: expected a string, got a number"
    );
    // A nullable list: null stays null, absent is null.
    let answer = api::one("upsertWebhookEndpoint", &api::WEBHOOK_ENDPOINT);
    let hook = |events: &str| {
        format!(r#"{{"data":{{"upsertWebhookEndpoint":{{"uid":"u","url":"h"{events}}}}}}}"#)
    };
    assert_eq!(ok(&answer, &[], &hook(""))["events"], Value::Null);
    assert_eq!(
        ok(&answer, &[], &hook(r#","events":null"#))["events"],
        Value::Null
    );
    assert_eq!(
        ok(&answer, &[], &hook(r#","events":["a",null,"b"]"#))["events"],
        json!(["a", "b"])
    );
    assert_eq!(
        invalid(&answer, &[], &hook(r#","events":["a",3]"#)),
        "upsertWebhookEndpoint.events[1]: expected a string, got a number"
    );
    assert_eq!(
        invalid(&answer, &[], &hook(r#","events":["a",]"#)),
        "upsertWebhookEndpoint.events[1]: not valid JSON: expected a value (at byte 68)"
    );
}

#[test]
fn expands_are_checked_only_when_asked_for() {
    let base =
        r#""id":"j","created":null,"metadata":null,"state":null,"name":null,"progress":null"#;
    let job = |more: &str| format!(r#"{{"data":{{"getJob":{{{base}{more}}}}}}}"#);
    // Not asked for: read over like unknown keys, whatever they are.
    let out = ok(
        &get_job(),
        &[],
        &job(r#","client":7,"take":"x","outputs":{}"#),
    );
    assert_eq!(out.as_object().unwrap().len(), 6);
    // Asked for and absent.
    for expand in ALL_JOB {
        assert_eq!(
            invalid(&get_job(), &[expand], &job("")),
            format!("getJob.{expand}: missing although it was expanded")
        );
    }
    // Null: a nullable one is null; a list is []; the client must be there.
    let out = ok(
        &get_job(),
        &["take", "rig", "inputs", "outputs"],
        &job(r#","take":null,"rig":null,"inputs":null,"outputs":null"#),
    );
    assert!(out["take"].is_null() && out["rig"].is_null() && out["inputs"].is_null());
    assert_eq!(out["outputs"], json!([]));
    assert_eq!(
        invalid(&get_job(), &["client"], &job(r#","client":null"#)),
        "getJob.client: missing although it was expanded"
    );
    // A job's take comes with its sources (`with`), not with its volume.
    let take = r#""id":"t","created":"c","additionalFiles":[]"#;
    assert_eq!(
        invalid(
            &get_job(),
            &["take"],
            &job(&format!(r#","take":{{{take}}}"#))
        ),
        "getJob.take.sources: missing although it was expanded"
    );
    let out = ok(
        &get_job(),
        &["take"],
        &job(&format!(
            r#","take":{{{take},"sources":null,"volume":5,"client":"x"}}"#
        )),
    );
    assert_eq!(out["take"]["sources"], json!([]));
    assert_eq!(out["take"].get("volume"), None);
    assert_eq!(out["take"].get("client"), None);
    // A file's client, nullable.
    let answer = api::one("getFile", &api::FILE);
    let f = |more: &str| format!(r#"{{"data":{{"getFile":{{"id":"f","type":"t"{more}}}}}}}"#);
    assert_eq!(
        ok(&answer, &["client"], &f(r#","client":null"#))["client"],
        Value::Null
    );
    assert_eq!(
        invalid(&answer, &["client"], &f("")),
        "getFile.client: missing although it was expanded"
    );
    assert_eq!(
        invalid(&answer, &["client"], &f(r#","client":{"id":"c"}"#)),
        "getFile.client.name: is required"
    );
    // Items of a page are checked with the page's expands.
    assert_eq!(
        invalid(
            &list_jobs(),
            &["rig"],
            &format!(r#"{{"data":{{"listJobs":{{"items":[{{{base},"rig":null}},{{{base}}}]}}}}}}"#)
        ),
        "listJobs.items[1].rig: missing although it was expanded"
    );
}

/// Every field of a fully expanded job, as a path (the first item of lists).
fn paths(value: &Value, prefix: Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(prefix.clone());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let mut p = prefix.clone();
                p.push(json!(k));
                paths(v, p, out);
            }
        }
        Value::Array(items) => {
            if let Some(v) = items.first() {
                let mut p = prefix.clone();
                p.push(json!(0));
                paths(v, p, out);
            }
        }
        _ => {}
    }
}

#[test]
fn a_wrong_type_in_any_field_of_a_job_is_named() {
    let job = expanded_job(1);
    let mut all = Vec::new();
    paths(&job, Vec::new(), &mut all);
    let fields: Vec<_> = all.into_iter().filter(|p| !p.is_empty()).collect();
    assert!(fields.len() > 60, "{}", fields.len());
    for path in &fields {
        let mut broken = job.clone();
        let mut holder = &mut broken;
        for key in &path[..path.len() - 1] {
            holder = match key {
                Value::String(k) => &mut holder[k.as_str()],
                Value::Number(i) => &mut holder[i.as_u64().unwrap() as usize],
                _ => unreachable!(),
            };
        }
        let last = path.last().unwrap();
        let slot = match last {
            Value::String(k) => &mut holder[k.as_str()],
            Value::Number(i) => &mut holder[i.as_u64().unwrap() as usize],
            _ => unreachable!(),
        };
        *slot = match slot {
            Value::String(_) => json!(42),
            Value::Number(_) => json!("forty-two"),
            Value::Bool(_) => json!("yes"),
            Value::Null => json!(42),
            Value::Array(_) => json!("list"),
            Value::Object(_) => json!("object"),
        };
        let message = invalid(&get_job(), ALL_JOB, &data("getJob", &broken));
        let named = match last {
            Value::Number(_) => path[path.len() - 2].as_str().unwrap(),
            _ => last.as_str().unwrap(),
        };
        assert!(message.contains(named), "{path:?}: {message}");
        // The path, written out, is in the message.
        let written: String = path
            .iter()
            .map(|step| match step {
                Value::Number(i) => format!("[{i}]"),
                other => format!(".{}", other.as_str().unwrap()),
            })
            .collect();
        assert!(
            message.starts_with(&format!("getJob{written}: ")),
            "{written}: {message}"
        );
    }
}

#[test]
fn the_fault_suites_bodies() {
    let job = expanded_job(1);
    let body = data("getJob", &job);
    let broken = |from: &str, to: &str| {
        assert!(body.contains(from));
        invalid(&get_job(), ALL_JOB, &body.replacen(from, to, 1))
    };
    assert_eq!(
        broken(
            r#""percentageComplete":100"#,
            r#""percentageComplete":1e400"#
        ),
        "getJob.progress.percentageComplete: expected an integer (Int), got 1e400"
    );
    assert_eq!(
        broken(
            r#""percentageComplete":100"#,
            r#""percentageComplete":99999999999999999999"#
        ),
        "getJob.progress.percentageComplete: expected an integer (Int), got 99999999999999999999"
    );
    assert_eq!(
        broken(r#""startTime":0.5"#, r#""startTime":1e400"#),
        "getJob.inputs.clipWindow.startTime: expected a finite number (Float), got 1e400"
    );
    let mut bad = job.clone();
    bad["metadata"] = json!("{nope");
    assert_eq!(
        invalid(&get_job(), ALL_JOB, &data("getJob", &bad)),
        "getJob.metadata: is not valid JSON (AWSJSON)"
    );
    let mut bad = job.clone();
    bad["id"] = json!(7);
    assert_eq!(
        invalid(&get_job(), ALL_JOB, &data("getJob", &bad)),
        "getJob.id: expected a string, got a number"
    );
    let mut bad = job.clone();
    bad["outputs"][2]["file"]["id"] = json!(7);
    assert_eq!(
        invalid(&get_job(), ALL_JOB, &data("getJob", &bad)),
        "getJob.outputs[2].file.id: expected a string, got a number"
    );
}

#[test]
fn every_model_fits_the_field_set() {
    for model in api::MODELS {
        assert!(model.fields.len() <= 64, "{}", model.name);
        // A union member lists the literal of its `__typename`.
        for field in model.fields {
            if field.union_member {
                if let Type::Object(member) = field.ty {
                    assert!(member
                        .fields
                        .iter()
                        .any(|f| matches!(f.ty, Type::Literal(_)) && f.name == "__typename"));
                }
            }
        }
    }
}

// ---------------------------------------------------------------- the old decoders

/// A deterministic generator (xorshift64*).
pub(super) struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const STRING_PIECES: &[&str] = &[
    "abc",
    "é",
    "😀",
    "\\n",
    "\\\"",
    "\\\\",
    "\\u00e9",
    "\\ud83d\\ude00",
    "/",
    "\\/",
    " ",
    "https://x.example/y?z=1&a=b",
    "\\t",
    "\\u0000",
    "漢字",
    "\\b\\f\\r",
];

fn gen_string(rng: &mut Rng, out: &mut String) {
    out.push('"');
    for _ in 0..rng.below(6) {
        out.push_str(STRING_PIECES[rng.below(STRING_PIECES.len())]);
    }
    out.push('"');
}

fn gen_int(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => "0".into(),
        1 => (rng.next() as i32).to_string(),
        2 => (rng.below(101)).to_string(),
        _ => ["2147483647", "-2147483648", "-1"][rng.below(3)].into(),
    }
}

fn gen_float(rng: &mut Rng) -> String {
    let i = rng.below(100_000);
    let f = rng.below(1000);
    let e = rng.below(300);
    match rng.below(7) {
        0 => format!("{i}"),
        1 => format!("{i}.{f}"),
        2 => format!("{i}e{e}"),
        3 => format!("-{i}.{f}E+{e}"),
        4 => format!("{i}.{f}e-{e}"),
        5 => ["0.5", "1e308", "-1e-400", "12.25", "-0", "-0.0"][rng.below(6)].into(),
        _ => gen_int(rng),
    }
}

fn gen_json(rng: &mut Rng, depth: usize, out: &mut String) {
    let kinds = if depth == 0 { 5 } else { 7 };
    match rng.below(kinds) {
        0 => out.push_str("null"),
        1 => out.push_str(["true", "false"][rng.below(2)]),
        2 => out.push_str(&gen_int(rng)),
        3 => out.push_str(&gen_float(rng).replace("1e308", "2")),
        4 => gen_string(rng, out),
        5 => {
            out.push('[');
            for i in 0..rng.below(4) {
                if i > 0 {
                    out.push_str(", ");
                }
                gen_json(rng, depth - 1, out);
            }
            out.push(']');
        }
        _ => {
            out.push('{');
            for i in 0..rng.below(4) {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&format!("\"k{i}\": "));
                gen_json(rng, depth - 1, out);
            }
            out.push('}');
        }
    }
}

fn ws(rng: &mut Rng) -> &'static str {
    [" ", "", "", "", "\n  ", "\t"][rng.below(6)]
}

fn gen_value(rng: &mut Rng, ty: Type, with: &[&str], out: &mut String) {
    match ty {
        Type::String => gen_string(rng, out),
        Type::Int => out.push_str(&gen_int(rng)),
        Type::Float => out.push_str(&gen_float(rng)),
        Type::Boolean => out.push_str(["true", "false"][rng.below(2)]),
        Type::Json => {
            let mut inner = String::new();
            gen_json(rng, 3, &mut inner);
            if rng.chance(5) {
                inner = "null".into();
            }
            let text: Value = serde_json::from_str(&inner).unwrap();
            let text = if rng.chance(50) {
                inner
            } else {
                text.to_string()
            };
            out.push_str(&serde_json::to_string(&text).unwrap());
        }
        Type::Enum(e) => {
            out.push('"');
            out.push_str(e.values[rng.below(e.values.len())].0);
            out.push('"');
        }
        Type::Literal(text) => {
            out.push('"');
            out.push_str(text);
            out.push('"');
        }
        Type::Object(model) => gen_object(rng, model, with, out),
    }
}

/// A valid object of `model` with `expand`: nullable fields sometimes null
/// or left out, lists with null items, unknown keys, any key order.
pub(super) fn gen_object(rng: &mut Rng, model: &Model, expand: &[&str], out: &mut String) {
    let mut members = Vec::new();
    for field in model.fields {
        if field.expand.is_some_and(|e| !expand.contains(&e)) {
            continue;
        }
        // (The old decoders require `metadata`, null or not; the check does not.)
        if field.nullable && field.expand.is_none() && field.name != "metadata" && rng.chance(10) {
            continue;
        }
        let mut value = String::new();
        match field.shape {
            Shape::One if field.nullable && rng.chance(15) => value.push_str("null"),
            Shape::One => gen_value(rng, field.ty, field.with, &mut value),
            _ if rng.chance(10) => value.push_str("null"),
            _ => {
                value.push('[');
                for i in 0..rng.below(4) {
                    if i > 0 {
                        value.push(',');
                        value.push_str(ws(rng));
                    }
                    // (The old decoders refuse a null string in a list.)
                    if matches!(field.ty, Type::Object(_)) && rng.chance(15) {
                        value.push_str("null");
                    } else {
                        gen_value(rng, field.ty, field.with, &mut value);
                    }
                }
                value.push(']');
            }
        }
        members.push(format!("\"{}\"{}:{}{value}", field.name, ws(rng), ws(rng)));
    }
    // (The old decoder of camera settings refuses unknown keys.)
    if model.name != "CameraSettings" && rng.chance(20) {
        let mut value = String::new();
        gen_json(rng, 2, &mut value);
        members.push(format!("\"extra\":{value}"));
    }
    if rng.chance(30) {
        for i in (1..members.len()).rev() {
            members.swap(i, rng.below(i + 1));
        }
    }
    out.push('{');
    out.push_str(ws(rng));
    out.push_str(&members.join(&format!(",{}", ws(rng))));
    out.push_str(ws(rng));
    out.push('}');
}

/// A valid body for `answer` with `expand`.
pub(super) fn gen_body(rng: &mut Rng, answer: &Answer, expand: &[&str]) -> String {
    let mut root = String::new();
    let mut items = || {
        let mut list = String::from("[");
        for i in 0..rng.below(4) {
            if i > 0 {
                list.push(',');
            }
            if rng.chance(10) {
                list.push_str("null");
            } else {
                gen_object(rng, answer.model, expand, &mut list);
            }
        }
        list.push(']');
        list
    };
    match answer.root {
        Root::One => gen_object(rng, answer.model, expand, &mut root),
        Root::Page => {
            let list = items();
            let first = if rng.chance(20) {
                "null".into()
            } else {
                gen_int(rng)
            };
            let after = if rng.chance(50) {
                "null"
            } else {
                "\"tok\\\"en\""
            };
            root = format!(r#"{{"first":{first},"after":{after},"items":{list}}}"#);
        }
        Root::Items => root = format!(r#"{{"items":{}}}"#, items()),
    }
    match rng.below(4) {
        0 => format!(r#"{{"data":{{"{}":{root}}}}}"#, answer.field),
        1 => format!(
            r#"{{ "errors" : [] , "data":{{"{}":{root}}}}}"#,
            answer.field
        ),
        2 => format!(
            r#"{{"data":{{"{}": {root} }},"extensions":{{"t":[1]}},"errors":null}}"#,
            answer.field
        ),
        _ => format!("\n{{\"data\":{{\"{}\":{root}}}}}\n", answer.field),
    }
}

/// The answers of the operations, with the expands they are read with.
/// (Before the serde decoders were removed, 6,000 generated answers across
/// these cases read the same through both; now every one must read, as JSON
/// holding each field the model selects.)
fn cases() -> Vec<(Answer, &'static [&'static str])> {
    use crate::{account, files, jobs, takes, volumes};
    vec![
        (jobs::operations::GET.answer, ALL_JOB),
        (jobs::operations::GET.answer, &[]),
        (jobs::operations::GET.answer, &["take"]),
        (jobs::operations::LIST.answer, ALL_JOB),
        (jobs::operations::LIST.answer, &[]),
        (
            takes::operations::GET.answer,
            &["client", "sources", "volume"],
        ),
        (takes::operations::LIST.answer, &["sources"]),
        (
            volumes::operations::GET.answer,
            &["client", "sources", "outputs"],
        ),
        (volumes::operations::LIST.answer, &[]),
        (files::operations::GET.answer, &["client"]),
        (files::operations::SHARE_CODE.answer, &[]),
        (account::operations::CLIENT.answer, &[]),
        (account::operations::UPSERT_WEBHOOK.answer, &[]),
        (account::operations::LIST_RIGS.answer, &[]),
        (account::operations::LIST_CAMERA_SETTINGS.answer, &[]),
    ]
}

/// The objects of a result: the one object, or the items of a page or list.
fn objects(answer: &Answer, result: &Value) -> Vec<Value> {
    match answer.root {
        Root::One => vec![result.clone()],
        Root::Page => result["items"].as_array().cloned().unwrap_or_default(),
        Root::Items => result.as_array().cloned().unwrap_or_default(),
    }
}

#[test]
fn every_model_fits_the_checkers_field_bits() {
    // The checker marks the fields it has seen in a 64-bit set.
    for model in api::MODELS {
        assert!(
            model.fields.len() <= 64,
            "{} has too many fields",
            model.name
        );
    }
}

#[test]
fn valid_answers_read_with_every_selected_field() {
    let mut rng = Rng(0x0123_4567_89ab_cdef);
    for (answer, expand) in cases() {
        for _ in 0..400 {
            let body = gen_body(&mut rng, &answer, expand);
            let new = read(&answer, expand, &body).unwrap_or_else(|e| panic!("{e}\n{body}"));
            let new: Value = serde_json::from_str(&new).unwrap_or_else(|e| panic!("{e}: {new}"));
            for object in objects(&answer, &new) {
                for field in answer.model.fields {
                    let selected = field.expand.is_none_or(|e| expand.contains(&e));
                    assert_eq!(
                        object.get(field.name).is_some(),
                        selected,
                        "{}: {body}",
                        field.name
                    );
                }
            }
        }
    }
}

#[test]
fn broken_answers_never_panic_and_what_passes_is_json() {
    let mut rng = Rng(42);
    let mut accepted = 0;
    let mut refused = 0;
    for (answer, expand) in cases() {
        for _ in 0..300 {
            let mut body = gen_body(&mut rng, &answer, expand).into_bytes();
            for _ in 0..1 + rng.below(3) {
                if body.is_empty() {
                    break;
                }
                let at = rng.below(body.len());
                match rng.below(4) {
                    0 => {
                        body.remove(at);
                    }
                    1 => body.insert(at, b"\"{}[]:,\\nul0-e.9 "[rng.below(17)]),
                    2 => body.truncate(at),
                    _ => {
                        let other = rng.below(body.len());
                        body.swap(at, other);
                    }
                }
            }
            for status in [200, 500] {
                match read_answer(&answer, expand, 10, status, None, &body) {
                    Ok(out) => {
                        accepted += 1;
                        // (IgnoredAny: JSON's grammar, as JSON.parse reads it; an
                        // AWSJSON value may hold 1e400, which a Value refuses.)
                        serde_json::from_str::<serde::de::IgnoredAny>(&out)
                            .unwrap_or_else(|e| panic!("{e}: {out}"));
                    }
                    Err(e) => {
                        refused += 1;
                        if let Some(raw) = &e.graphql_errors {
                            serde_json::from_str::<Value>(raw).unwrap();
                        }
                    }
                }
            }
        }
    }
    assert!(accepted > 100 && refused > 100, "{accepted} {refused}");
}

// ---------------------------------------------------------------- speed

/// `cargo test --release check::tests::throughput -- --ignored --nocapture`
#[test]
#[ignore]
fn throughput() {
    let body = page_body(1000);
    let answer = list_jobs();
    let mb = body.len() as f64 / 1e6;
    let time = |f: &mut dyn FnMut()| {
        f();
        let runs = 30;
        let start = std::time::Instant::now();
        for _ in 0..runs {
            f();
        }
        start.elapsed().as_secs_f64() / f64::from(runs)
    };
    let new = time(&mut || {
        let out = read_answer(&answer, ALL_JOB, 10, 200, None, body.as_bytes()).unwrap();
        assert!(out.len() > body.len() / 2);
    });
    let value = time(&mut || {
        let v: Value = serde_json::from_str(&body).unwrap();
        assert!(v.is_object());
    });
    println!(
        "page of 1,000 expanded jobs: {mb:.2} MB\n\
         check::read_answer:        {:7.2} ms  {:7.0} MB/s\n\
         serde_json::Value parse:   {:7.2} ms  {:7.0} MB/s",
        new * 1e3,
        mb / new,
        value * 1e3,
        mb / value,
    );
}

#[cfg(feature = "fault-injection")]
#[test]
#[should_panic(expected = "forced internal failure")]
fn the_fault_injection_trigger_panics() {
    let _ = read(
        &get_job(),
        &[],
        r#"{"data":{"getJob":{"id":"__move_ugc_force_panic__"}}}"#,
    );
}
