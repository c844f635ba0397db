//! The takes operations in plain Rust.

use serde::Serialize;

use crate::args;
use crate::error::Result;
use crate::graphql::{Operation, OperationKind};
use crate::ops::{self, ListParams, PageVariables};
use crate::types::{metadata, Take};

use super::documents;
use super::params::{
    self, Cameras, SourceVariable, SyncMethodVariable, TakeCreateMultiCamParams,
    TakeCreateSingleCamParams, TakeExpand,
};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CreateTakeVariables {
    sources: Vec<SourceVariable>,
    #[serde(skip_serializing_if = "Option::is_none")]
    volume_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sync_method: Option<SyncMethodVariable>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    metadata: Option<String>,
}

/// `takes.createSingleCam(params)`.
pub fn create_single_cam(params_json: &str) -> Result<Operation> {
    let p: TakeCreateSingleCamParams<TakeExpand> = args::from_json(params_json, "params")?;
    let expand = p.expand.unwrap_or_default();
    let variables = CreateTakeVariables {
        sources: params::sources("params.sources", p.sources, Cameras::One)?,
        volume_id: None,
        sync_method: None,
        name: p.name,
        metadata: metadata::encode(p.metadata),
    };
    ops::one::<Take, _>(
        "createSingleCamTake",
        OperationKind::Mutation,
        &documents::create_single_cam_take(&expand),
        &variables,
        expand,
    )
}

/// `takes.createMultiCam(params)`.
pub fn create_multi_cam(params_json: &str) -> Result<Operation> {
    let p: TakeCreateMultiCamParams<TakeExpand> = args::from_json(params_json, "params")?;
    args::require_id("params.volumeId", &p.volume_id)?;
    let expand = p.expand.unwrap_or_default();
    let variables = CreateTakeVariables {
        sources: params::sources("params.sources", p.sources, Cameras::Several)?,
        volume_id: Some(p.volume_id),
        sync_method: params::sync_method("params.syncMethod", p.sync_method)?,
        name: p.name,
        metadata: metadata::encode(p.metadata),
    };
    ops::one::<Take, _>(
        "createMultiCamTake",
        OperationKind::Mutation,
        &documents::create_multi_cam_take(&expand),
        &variables,
        expand,
    )
}

/// `takes.retrieve(id, params)`.
pub fn retrieve(id: &str, params_json: &str) -> Result<Operation> {
    ops::get::<Take>("getTake", "takeId", id, params_json)
}

/// `takes.update(id, params)`.
pub fn update(id: &str, params_json: &str) -> Result<Operation> {
    ops::update::<Take>("updateTake", id, params_json)
}

/// `takes.list(params)` (and each page of `takes.iterate`).
pub fn list(params_json: &str) -> Result<Operation> {
    let p: ListParams<TakeExpand> = args::from_json(params_json, "params")?;
    let variables = PageVariables::new(p.limit, p.next_token, p.sort_by)?;
    let expand = p.expand.unwrap_or_default();
    ops::page::<Take>(
        "listTakes",
        &documents::list_takes(&expand),
        &variables,
        expand,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use serde_json::{json, Value};

    fn body(op: &Operation) -> Value {
        serde_json::from_str(&op.body).unwrap()
    }

    fn invalid(result: Result<Operation>) -> String {
        let e = result.err().expect("INVALID_ARGUMENT");
        assert_eq!(e.code, ErrorCode::InvalidArgument);
        e.message
    }

    #[test]
    fn single_cam_takes_have_one_camera_upper_cased() {
        let op = create_single_cam(
            r#"{"sources":[{"deviceLabel":"phone","fileId":"f-1","format":"mp4"}],"name":"t"}"#,
        )
        .unwrap();
        assert_eq!(
            body(&op)["variables"],
            json!({"sources": [{"deviceLabel": "phone", "fileId": "f-1", "format": "MP4"}], "name": "t"})
        );
        // Move One: the MP4 and the .move file of one camera, under one label.
        let move_one = r#"{"sources":[{"deviceLabel":"phone","fileId":"f-1","format":"MP4"},{"deviceLabel":"phone","fileId":"f-2","format":"move"}]}"#;
        assert_eq!(
            body(&create_single_cam(move_one).unwrap())["variables"]["sources"],
            json!([{"deviceLabel": "phone", "fileId": "f-1", "format": "MP4"},
                   {"deviceLabel": "phone", "fileId": "f-2", "format": "MOVE"}])
        );
        assert_eq!(
            invalid(create_single_cam(r#"{"sources":[]}"#)),
            "params.sources: expected a source (the camera's video), got 0 sources"
        );
        let m = invalid(create_single_cam(
            r#"{"sources":[{"deviceLabel":"a","fileId":"f","format":"mkv"}]}"#,
        ));
        assert!(
            m.starts_with(
                r#"params.sources[0].format: expected one of MP4, MOV, MOVE, AVI, got "mkv""#
            ),
            "{m}"
        );
        let m = invalid(create_single_cam(
            r#"{"sources":[{"deviceLabel":"a","fileId":"f","format":"MP4","cameraSettings":{"lens":"wide"}}]}"#,
        ));
        assert!(
            m.starts_with("params.sources[0].cameraSettings: applies to multi-camera takes"),
            "{m}"
        );
        assert!(invalid(create_single_cam(
            r#"{"sources":[{"deviceLabel":"","fileId":"f","format":"MP4"}]}"#
        ))
        .starts_with("params.sources[0].deviceLabel"));
        assert!(invalid(create_single_cam(
            r#"{"sources":[{"deviceLabel":"a","format":"MP4"}]}"#
        ))
        .starts_with("params.sources[0].fileId: is required"));
    }

    #[test]
    fn multi_cam_takes_need_a_volume_and_one_sync_method() {
        let sources = r#"[{"deviceLabel":"a","fileId":"f-1","format":"MOV","cameraSettings":{"lens":"wide"}},{"deviceLabel":"b","fileId":"f-2","format":"move"}]"#;
        let op = create_multi_cam(&format!(
            r#"{{"sources":{sources},"volumeId":"v-1","syncMethod":{{"clapWindow":{{"startTime":1,"endTime":2}}}},"expand":["volume"]}}"#
        ))
        .unwrap();
        let b = body(&op);
        assert_eq!(b["variables"]["volumeId"], "v-1");
        assert_eq!(
            b["variables"]["syncMethod"],
            json!({"clapWindow": {"startTime": 1.0, "endTime": 2.0}})
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
        assert!(
            invalid(create_multi_cam(&format!(r#"{{"sources":{sources}}}"#)))
                .starts_with("params.volumeId: is required")
        );
        assert!(invalid(create_multi_cam(&format!(
            r#"{{"sources":{sources},"volumeId":"v","syncMethod":{{}}}}"#
        )))
        .starts_with("params.syncMethod"));
        assert!(invalid(create_multi_cam(&format!(
            r#"{{"sources":{sources},"volumeId":"v","syncMethod":{{"clapWindow":{{"startTime":3,"endTime":2}}}}}}"#
        )))
        .starts_with("params.syncMethod.clapWindow"));
        assert_eq!(
            invalid(create_multi_cam(
                r#"{"sources":[{"deviceLabel":"a","fileId":"f-1","format":"MOV"}],"volumeId":"v"}"#
            )),
            "params.sources: expected at least 2 sources (one per camera), got 1 source"
        );
    }

    #[test]
    fn list_and_retrieve() {
        let op = list(r#"{"limit":3,"sortBy":"ASC","expand":["client","sources"]}"#).unwrap();
        let b = body(&op);
        assert_eq!(b["variables"], json!({"first": 3, "sortDirection": "ASC"}));
        assert!(b["query"]
            .as_str()
            .unwrap()
            .contains("sources { deviceLabel format cameraSettings { lens } file {"));
        assert!(invalid(list(r#"{"takeId":"t"}"#)).starts_with("params.takeId: unknown property"));
        assert_eq!(
            body(&retrieve("t-1", "{}").unwrap())["variables"],
            json!({"takeId": "t-1"})
        );
    }
}
