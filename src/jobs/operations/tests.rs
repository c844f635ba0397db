//! Snapshot tests of what each jobs operation sends, and of its decoding.

use serde_json::{json, Value};

use super::*;
use crate::error::ErrorCode;
use crate::graphql::OperationKind;
use crate::input::value::of;

/// Reads `data` as the data of a 200 answer.
fn decode(op: &Operation, data: &str) -> Result<String> {
    op.read(200, None, format!(r#"{{"data":{data}}}"#).as_bytes())
}

fn body(op: &Operation) -> Value {
    serde_json::from_str(&op.body).unwrap()
}

fn invalid(result: Result<Operation>) -> String {
    match result {
        Ok(_) => panic!("expected INVALID_ARGUMENT"),
        Err(e) => {
            assert_eq!(e.code, ErrorCode::InvalidArgument, "{}", e.message);
            e.message
        }
    }
}

/// How every INVALID_RESPONSE message starts.
const INVALID: &str = "the API sent a response the SDK cannot read: ";

const JOB: &str = r#""id":"job-1","created":"2024-05-01T10:00:00.000Z","name":"n","metadata":"{\"shot\":3}","state":"RUNNING","progress":{"state":"RUNNING","percentageComplete":40}"#;

#[test]
fn create_single_cam_sends_typed_variables() {
    let op = create_single_cam(
        &of(r#"{"takeId":"take-1","name":"run","metadata":{"shot":3},"options":{"trackFingers":true,"mocapModel":"M2"},
            "outputs":["main_fbx","RENDER_VIDEO"],"clipWindow":{"startTime":1,"endTime":10},"expand":["outputs"]}"#),
    )
    .unwrap();
    assert_eq!(op.kind, OperationKind::Mutation);
    assert_eq!(op.name, "createSingleCamJob");
    let b = body(&op);
    assert_eq!(b["operationName"], "createSingleCamJob");
    assert_eq!(
        b["variables"],
        json!({
            "takeId": "take-1", "name": "run", "metadata": "{\"shot\":3}",
            "options": {"trackFingers": true, "mocapModel": "M2"},
            "outputs": ["MAIN_FBX", "RENDER_VIDEO"],
            "clipWindow": {"startTime": 1, "endTime": 10}
        })
    );
    let q = b["query"].as_str().unwrap();
    assert!(q.starts_with("mutation createSingleCamJob($takeId: String!"));
    assert!(q.contains(
        "outputs { format file { id created type metadata name presignedUrl thumbnailUrl } }"
    ));
    assert!(!q.contains("client {") && !q.contains("rig {"));
}

#[test]
fn absent_params_are_not_sent_at_all() {
    let op = create_single_cam(&of(r#"{"takeId":"take-1"}"#)).unwrap();
    assert_eq!(body(&op)["variables"], json!({"takeId": "take-1"}));
}

#[test]
fn create_multi_cam_requires_actors() {
    let op = create_multi_cam(&of(r#"{"takeId":"t","numberOfActors":2,"rig":"move_mo"}"#)).unwrap();
    let b = body(&op);
    assert_eq!(
        b["variables"],
        json!({"takeId": "t", "numberOfActors": 2, "rig": "move_mo"})
    );
    assert!(b["query"]
        .as_str()
        .unwrap()
        .contains("numberOfActors: $numberOfActors"));
    assert_eq!(
        invalid(create_multi_cam(&of(r#"{"takeId":"t"}"#))),
        "params.numberOfActors: is required"
    );
    // One message for every way to miss the range, with the value received.
    for (given, shown) in [
        ("0", "0"),
        ("-1", "-1"),
        ("1.5", "1.5"),
        ("3000000000", "3000000000"),
    ] {
        assert_eq!(
            invalid(create_multi_cam(&of(&format!(
                r#"{{"takeId":"t","numberOfActors":{given}}}"#
            )))),
            format!("params.numberOfActors: expected an integer from 1 to 2147483647, got {shown}")
        );
    }
    // What Move's Python SDK sends: an empty rig, empty options and outputs.
    let op = create_multi_cam(&of(
        r#"{"takeId":"t","numberOfActors":8658,"rig":"","options":{},"outputs":[],"name":""}"#,
    ))
    .unwrap();
    assert_eq!(
        body(&op)["variables"],
        json!({"takeId": "t", "numberOfActors": 8658, "rig": "", "options": {}, "outputs": [], "name": ""})
    );
}

#[test]
fn bad_create_params_are_named() {
    let cases = [
        (r#"{}"#, "params.takeId: is required"),
        (
            r#"{"takeId":""}"#,
            r#"params.takeId: expected a non-empty string, got """#,
        ),
        (r#"{"takeId":7}"#, "params.takeId: expected a string, got 7"),
        (
            r#"{"takeId":"t","outputs":["FBX"]}"#,
            r#"params.outputs[0]: expected one of MAIN_BLEND, MAIN_FBX"#,
        ),
        (
            r#"{"takeId":"t","outputs":"MAIN_FBX"}"#,
            r#"params.outputs: expected an array, got "MAIN_FBX""#,
        ),
        (
            r#"{"takeId":"t","clipWindow":{"startTime":3,"endTime":3}}"#,
            "params.clipWindow: startTime must be before endTime, got startTime 3 and endTime 3",
        ),
        (
            r#"{"takeId":"t","clipWindow":{"startTime":-1,"endTime":3}}"#,
            "params.clipWindow.startTime: expected a number of seconds from 0, got -1",
        ),
        (
            r#"{"takeId":"t","clipWindow":{"startTime":1}}"#,
            "params.clipWindow.endTime: is required",
        ),
        (
            r#"{"takeId":"t","options":{"mocapModel":"M9"}}"#,
            r#"params.options.mocapModel: expected one of M1, M2, S1, S2, got "M9""#,
        ),
        (
            r#"{"takeId":"t","options":{"trackBall":"yes"}}"#,
            r#"params.options.trackBall: expected a boolean, got "yes""#,
        ),
        (
            r#"{"takeId":"t","options":{"trackBalls":true}}"#,
            r#"params.options.trackBalls: unknown property (the properties are trackBall, trackFingers, floorPlane, trackJerseyNumbers, mocapModel)"#,
        ),
        (
            r#"{"takeId":"t","options":{"trackFinger":true}}"#,
            r#"params.options.trackFinger: unknown property (the properties are trackBall, trackFingers, floorPlane, trackJerseyNumbers, mocapModel)"#,
        ),
        (
            r#"{"takeId":"t","expand":["outputs","everything"]}"#,
            r#"params.expand[1]: expected one of client, take, outputs, rig, inputs, got "everything""#,
        ),
        (
            r#"{"takeId":"t","name":5}"#,
            "params.name: expected a string, got 5",
        ),
        (
            r#"{"takeId":"t","numberOfActors":1}"#,
            "params.numberOfActors: unknown property",
        ),
    ];
    for (json, expected) in cases {
        let m = invalid(create_single_cam(&of(json)));
        assert!(m.starts_with(expected), "{json}: {m}");
    }
}

#[test]
fn retrieve_selects_what_is_expanded() {
    let op = retrieve("job-1", &of("{}")).unwrap();
    assert_eq!(op.kind, OperationKind::Query);
    let b = body(&op);
    assert_eq!(b["variables"], json!({"jobId": "job-1"}));
    assert_eq!(
        b["query"],
        "query getJob($jobId: ID!) { getJob(jobId: $jobId) { id created metadata state name progress { state percentageComplete } } }"
    );
    let all = retrieve(
        "job-1",
        &of(r#"{"expand":["client","take","outputs","rig","inputs"]}"#),
    )
    .unwrap();
    let q = body(&all)["query"].as_str().unwrap().to_string();
    for part in [
        "client { id name created metadata portal }",
        "take { id created name metadata takeType syncMethod {",
        "additionalFiles { format file {",
        "sources { deviceLabel format cameraSettings { lens } file {",
        "outputs { format file {",
        "rig { name }",
        "inputs { clipWindow { startTime endTime } numberOfActors options { floorPlane mocapModel trackBall trackFingers trackJerseyNumbers } }",
    ] {
        assert!(q.contains(part), "{part} missing from {q}");
    }
    assert!(invalid(retrieve("", &of("{}"))).starts_with("id:"));
}

#[test]
fn update_needs_something_to_change() {
    let op = update("job-1", &of(r#"{"name":"renamed"}"#)).unwrap();
    assert_eq!(
        body(&op)["variables"],
        json!({"id": "job-1", "name": "renamed"})
    );
    let op = update("job-1", &of(r#"{"metadata":{"a":[1,2]}}"#)).unwrap();
    assert_eq!(
        body(&op)["variables"],
        json!({"id": "job-1", "metadata": "{\"a\":[1,2]}"})
    );
    assert_eq!(
        invalid(update("job-1", &of("{}"))),
        "params: give name or metadata (or both) to update"
    );
    // Metadata is any JSON value; null clears it.
    let op = update("job-1", &of(r#"{"metadata":"{}","name":"n"}"#)).unwrap();
    assert_eq!(
        body(&op)["variables"],
        json!({"id": "job-1", "name": "n", "metadata": "\"{}\""})
    );
    let op = update("job-1", &of(r#"{"metadata":null}"#)).unwrap();
    assert_eq!(
        body(&op)["variables"],
        json!({"id": "job-1", "metadata": "null"})
    );
}

#[test]
fn list_defaults_and_bounds() {
    let op = list(&of("{}")).unwrap();
    assert_eq!(
        body(&op)["variables"],
        json!({"first": 10, "sortDirection": "DESC"})
    );
    let op = list(&of(
        r#"{"limit":50,"nextToken":"{\"k\":1}","sortBy":"ASC","takeId":"t"}"#,
    ))
    .unwrap();
    assert_eq!(
        body(&op)["variables"],
        json!({"first": 50, "after": "{\"k\":1}", "sortDirection": "ASC", "takeId": "t"})
    );
    let op = list(&of(r#"{"nextToken":null}"#)).unwrap();
    assert!(body(&op)["variables"].get("after").is_none());
    // No invented cap: nothing published shows one; GraphQL's Int is the bound.
    assert_eq!(
        body(&list(&of(r#"{"limit":5000}"#)).unwrap())["variables"]["first"],
        5000
    );
    for (limit, shown) in [
        ("0", "0"),
        ("-1", "-1"),
        ("2.5", "2.5"),
        ("3000000000", "3000000000"),
    ] {
        assert_eq!(
            invalid(list(&of(&format!(r#"{{"limit":{limit}}}"#)))),
            format!("params.limit: expected an integer from 1 to 2147483647, got {shown}")
        );
    }
    // Every enum reads in any letter case.
    assert_eq!(
        body(&list(&of(r#"{"sortBy":"asc","expand":["Take"]}"#)).unwrap())["variables"]
            ["sortDirection"],
        "ASC"
    );
    assert!(invalid(list(&of(r#"{"sortBy":"up"}"#)))
        .starts_with(r#"params.sortBy: expected one of DESC, ASC, got "up""#));
    assert!(invalid(list(&of(r#"{"nextToken":""}"#))).starts_with("params.nextToken"));
}

#[test]
fn decodes_a_job_with_metadata_as_an_object() {
    let op = retrieve("job-1", &of("{}")).unwrap();
    let out = decode(&op, &format!(r#"{{"getJob":{{{JOB}}}}}"#)).unwrap();
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["metadata"], json!({"shot": 3}));
    assert_eq!(v["progress"]["percentageComplete"], 40);
    assert!(v.get("outputs").is_none());
}

#[test]
fn a_missing_expand_is_an_invalid_response() {
    let op = retrieve("job-1", &of(r#"{"expand":["outputs"]}"#)).unwrap();
    let e = decode(&op, &format!(r#"{{"getJob":{{{JOB}}}}}"#)).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidResponse);
    assert!(e.message.contains("getJob.outputs"), "{}", e.message);
    let out = decode(&op, &format!(r#"{{"getJob":{{{JOB},"outputs":null}}}}"#)).unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap()["outputs"],
        json!([])
    );
}

#[test]
fn wrong_types_in_answers_name_the_field() {
    let op = retrieve("job-1", &of("{}")).unwrap();
    // Each answer's own message, whole: a path that every error of the
    // operation contains ("getJob") would prove nothing.
    for (data, message) in [
        (
            r#"{"getJob":{"id":5}}"#,
            "getJob.id: expected a string, got a number",
        ),
        (
            r#"{"getJob":null}"#,
            "getJob: expected an object (Job), got null",
        ),
        (
            r#"{"getJob":{"id":"j","progress":{"percentageComplete":"40"}}}"#,
            "getJob.progress.percentageComplete: expected an integer (Int), got a string",
        ),
        (
            r#"{"getJob":{"id":"j","progress":{"percentageComplete":1e30}}}"#,
            "getJob.progress.percentageComplete: expected an integer (Int), got 1e30",
        ),
        (
            r#"{"getJob":{"id":"j","metadata":"not json"}}"#,
            "getJob.metadata: is not valid JSON (AWSJSON)",
        ),
        (r#"{}"#, "getJob: is missing from data"),
        (
            r#"[]"#,
            "getJob: expected data to be an object, got an array",
        ),
    ] {
        let e = decode(&op, data).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidResponse, "{data}");
        assert_eq!(e.message, format!("{INVALID}{message}"), "{data}");
    }
}

#[test]
fn decodes_a_page() {
    let op = list(&of(r#"{"limit":2}"#)).unwrap();
    let data = format!(
        r#"{{"listJobs":{{"first":2,"after":"{{\"id\":\"x\"}}","items":[{{{JOB}}},null]}}}}"#
    );
    let v: Value = serde_json::from_str(&decode(&op, &data).unwrap()).unwrap();
    assert_eq!(v["limit"], 2);
    assert_eq!(v["nextToken"], "{\"id\":\"x\"}");
    assert_eq!(v["items"].as_array().unwrap().len(), 1);
    let last = r#"{"listJobs":{"first":null,"after":null,"items":[]}}"#;
    let v: Value = serde_json::from_str(&decode(&op, last).unwrap()).unwrap();
    assert_eq!(v, json!({"items": [], "limit": 2, "nextToken": null}));
    assert_eq!(
        decode(&op, r#"{"listJobs":null}"#).unwrap_err().code,
        ErrorCode::InvalidResponse
    );
}

#[test]
fn download_outputs_params_name_what_is_wrong() {
    use crate::input::read::check_params;
    let check = |params: &str| check_params(&of(params), &params::DOWNLOAD_OUTPUTS);
    assert!(check(
        r#"{"dir":"out","formats":["main_fbx","Render_Video"],"signal":null,"onProgress":null}"#
    )
    .is_ok());
    let message = |params: &str| check(params).unwrap_err().message;
    assert_eq!(message("{}"), "params.dir: is required");
    assert_eq!(
        message(r#"{"dir":""}"#),
        r#"params.dir: expected a non-empty string, got """#
    );
    assert_eq!(
        message(r#"{"dir":7}"#),
        "params.dir: expected a string, got 7"
    );
    assert!(message(r#"{"dir":"o","formats":["FBX"]}"#)
        .starts_with("params.formats[0]: expected one of MAIN_BLEND, MAIN_FBX"));
    // (The "did you mean" that follows is host.js's: tests/js/suggest.test.mjs.)
    assert!(message(r#"{"dir":"o","formats":["FBX"]}"#).ends_with(r#"got "FBX""#));
    assert_eq!(
        message(r#"{"dir":"o","formats":"MAIN_FBX"}"#),
        r#"params.formats: expected an array, got "MAIN_FBX""#
    );
    assert!(message(r#"{"dir":"o","format":["MAIN_FBX"]}"#)
        .starts_with(r#"params.format: unknown property (the properties are"#));
    assert_eq!(
        check_params(&None, &params::DOWNLOAD_OUTPUTS)
            .unwrap_err()
            .message,
        "params: expected an object, got undefined"
    );
}

#[test]
fn the_params_of_files_download_are_signal_and_on_progress() {
    use crate::input::read::check_params;
    let check = |params: &str| check_params(&of(params), &crate::ops::NO_PARAMS);
    assert!(check(r#"{"signal":null,"onProgress":null}"#).is_ok());
    assert!(check_params(&None, &crate::ops::NO_PARAMS).is_ok());
    assert_eq!(
        check(r#"{"onProgres":1}"#).unwrap_err().message,
        r#"params.onProgres: unknown property (the properties are signal, onProgress)"#
    );
    assert_eq!(
        check("7").unwrap_err().message,
        "params: expected an object, got 7"
    );
}
