//! The takes operations in plain Rust: each described once, then the checks
//! of their sources and sync method.

use crate::error::Result;
use crate::graphql::Operation;
use crate::input::value::Value;
use crate::model::api;
use crate::ops::{self, var, Op, PAGE_VARIABLES};

use super::params::{self, Cameras};

/// `createSingleCamTake`.
pub static CREATE_SINGLE_CAM: Op = Op::mutation(
    api::one("createSingleCamTake", &api::TAKE),
    &params::CREATE_SINGLE_CAM,
    &[
        var("sources", "[SourceInput!]"),
        var("name", "String"),
        var("metadata", "AWSJSON"),
    ],
);

/// `createMultiCamTake`.
pub static CREATE_MULTI_CAM: Op = Op::mutation(
    api::one("createMultiCamTake", &api::TAKE),
    &params::CREATE_MULTI_CAM,
    &[
        var("sources", "[SourceInput!]"),
        var("volumeId", "String!"),
        var("syncMethod", "SyncMethodInput"),
        var("name", "String"),
        var("metadata", "AWSJSON"),
    ],
);

/// `getTake`.
pub static GET: Op = Op::get(api::one("getTake", &api::TAKE), &[var("takeId", "ID!")]);

/// `updateTake`.
pub static UPDATE: Op = Op::update(api::one("updateTake", &api::TAKE));

/// `listTakes`.
pub static LIST: Op = Op::query(
    api::page("listTakes", &api::TAKE),
    &ops::LIST_PARAMS,
    &PAGE_VARIABLES,
);

/// `takes.createSingleCam(params)`.
pub fn create_single_cam<V: Value>(params: &V) -> Result<Operation> {
    let args = CREATE_SINGLE_CAM.read(params, true)?;
    params::sources("params.sources", &args, Cameras::One)?;
    Ok(CREATE_SINGLE_CAM.build(&args, args.expand(), 0))
}

/// `takes.createMultiCam(params)`.
pub fn create_multi_cam<V: Value>(params: &V) -> Result<Operation> {
    let args = CREATE_MULTI_CAM.read(params, true)?;
    params::sources("params.sources", &args, Cameras::Several)?;
    params::sync_method("params.syncMethod", args.object("syncMethod"))?;
    Ok(CREATE_MULTI_CAM.build(&args, args.expand(), 0))
}

/// `takes.retrieve(id, params)`.
pub fn retrieve<V: Value>(id: &str, params: &V) -> Result<Operation> {
    ops::get(&GET, id, params)
}

/// `takes.update(id, params)`.
pub fn update<V: Value>(id: &str, params: &V) -> Result<Operation> {
    ops::update(&UPDATE, id, params)
}

/// `takes.list(params)` (and each page of `takes.iterate`).
pub fn list<V: Value>(params: &V) -> Result<Operation> {
    ops::list(&LIST, params)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::input::value::of;
    use serde_json::{json, Value};

    fn body(op: &Operation) -> Value {
        serde_json::from_str(&op.body).unwrap()
    }

    fn invalid(result: Result<Operation>) -> String {
        let e = result.expect_err("INVALID_ARGUMENT");
        assert_eq!(e.code, ErrorCode::InvalidArgument);
        e.message
    }

    #[test]
    fn single_cam_takes_have_one_camera_upper_cased() {
        let op = create_single_cam(&of(
            r#"{"sources":[{"deviceLabel":"phone","fileId":"f-1","format":"mp4"}],"name":"t"}"#,
        ))
        .unwrap();
        assert_eq!(
            body(&op)["variables"],
            json!({"sources": [{"deviceLabel": "phone", "fileId": "f-1", "format": "MP4"}], "name": "t"})
        );
        // Move One: the MP4 and the .move file of one camera, under one label.
        let move_one = r#"{"sources":[{"deviceLabel":"phone","fileId":"f-1","format":"MP4"},{"deviceLabel":"phone","fileId":"f-2","format":"move"}]}"#;
        assert_eq!(
            body(&create_single_cam(&of(move_one)).unwrap())["variables"]["sources"],
            json!([{"deviceLabel": "phone", "fileId": "f-1", "format": "MP4"},
                   {"deviceLabel": "phone", "fileId": "f-2", "format": "MOVE"}])
        );
        assert_eq!(
            invalid(create_single_cam(&of(r#"{"sources":[]}"#))),
            "params.sources: expected a source (the camera's video), got 0 sources"
        );
        let m = invalid(create_single_cam(&of(
            r#"{"sources":[{"deviceLabel":"a","fileId":"f","format":"mkv"}]}"#,
        )));
        assert!(
            m.starts_with(
                r#"params.sources[0].format: expected one of MP4, MOV, MOVE, AVI, got "mkv""#
            ),
            "{m}"
        );
        let m = invalid(create_single_cam(&of(
            r#"{"sources":[{"deviceLabel":"a","fileId":"f","format":"MP4","cameraSettings":{"lens":"wide"}}]}"#,
        )));
        assert!(
            m.starts_with("params.sources[0].cameraSettings: applies to multi-camera takes"),
            "{m}"
        );
        assert!(invalid(create_single_cam(&of(
            r#"{"sources":[{"deviceLabel":"","fileId":"f","format":"MP4"}]}"#
        )))
        .starts_with("params.sources[0].deviceLabel"));
        assert!(invalid(create_single_cam(&of(
            r#"{"sources":[{"deviceLabel":"a","format":"MP4"}]}"#
        )))
        .starts_with("params.sources[0].fileId: is required"));
    }

    #[test]
    fn multi_cam_takes_need_a_volume_and_one_sync_method() {
        let sources = r#"[{"deviceLabel":"a","fileId":"f-1","format":"MOV","cameraSettings":{"lens":"wide"}},{"deviceLabel":"b","fileId":"f-2","format":"move"}]"#;
        let op = create_multi_cam(&of(&format!(
            r#"{{"sources":{sources},"volumeId":"v-1","syncMethod":{{"clapWindow":{{"startTime":1,"endTime":2}}}},"expand":["volume"]}}"#
        )))
        .unwrap();
        let b = body(&op);
        assert_eq!(b["variables"]["volumeId"], "v-1");
        assert_eq!(
            b["variables"]["syncMethod"],
            json!({"clapWindow": {"startTime": 1, "endTime": 2}})
        );
        assert_eq!(
            b["variables"]["sources"][0]["cameraSettings"],
            json!({"lens": "wide"})
        );
        assert_eq!(b["variables"]["sources"][1]["format"], "MOVE");
        assert!(b["query"]
            .as_str()
            .unwrap()
            .contains("volume { ... on HumanVolume { __typename id created"));
        assert!(invalid(create_multi_cam(&of(&format!(
            r#"{{"sources":{sources}}}"#
        ))))
        .starts_with("params.volumeId: is required"));
        assert!(invalid(create_multi_cam(&of(&format!(
            r#"{{"sources":{sources},"volumeId":"v","syncMethod":{{}}}}"#
        ))))
        .starts_with("params.syncMethod"));
        assert!(invalid(create_multi_cam(&of(&format!(
            r#"{{"sources":{sources},"volumeId":"v","syncMethod":{{"clapWindow":{{"startTime":3,"endTime":2}}}}}}"#
        ))))
        .starts_with("params.syncMethod.clapWindow"));
        assert_eq!(
            invalid(create_multi_cam(&of(
                r#"{"sources":[{"deviceLabel":"a","fileId":"f-1","format":"MOV"}],"volumeId":"v"}"#
            ))),
            "params.sources: expected at least 2 sources (one per camera), got 1 source"
        );
    }

    #[test]
    fn list_and_retrieve() {
        let op = list(&of(
            r#"{"limit":3,"sortBy":"ASC","expand":["client","sources"]}"#,
        ))
        .unwrap();
        let b = body(&op);
        assert_eq!(b["variables"], json!({"first": 3, "sortDirection": "ASC"}));
        assert!(b["query"]
            .as_str()
            .unwrap()
            .contains("sources { deviceLabel format cameraSettings { lens } file {"));
        assert!(
            invalid(list(&of(r#"{"takeId":"t"}"#))).starts_with("params.takeId: unknown property")
        );
        assert_eq!(
            body(&retrieve("t-1", &of("{}")).unwrap())["variables"],
            json!({"takeId": "t-1"})
        );
    }
}
