//! The volumes operations in plain Rust.

use serde::Serialize;

use crate::args;
use crate::error::Result;
use crate::graphql::{Operation, OperationKind};
use crate::ops::{self, ExpandParams, ListParams, PageVariables};
use crate::takes::params::{self as take_params, Cameras, SourceVariable, SyncMethodVariable};
use crate::types::{metadata, AreaType, ClipWindow, HumanVolume};

use super::documents;
use super::params::{VolumeCreateHumanParams, VolumeExpand};

/// The range of human heights accepted, in metres: catches centimetres and feet.
const HUMAN_HEIGHT_M: std::ops::RangeInclusive<f64> = 0.5..=2.75;

/// `volumes.createHumanVolume(params)`.
pub fn create_human_volume(params_json: &str) -> Result<Operation> {
    let p: VolumeCreateHumanParams<VolumeExpand> = args::from_json(params_json, "params")?;
    let human_height = args::number_in(
        "params.humanHeight",
        p.human_height,
        "the person's height in metres",
        HUMAN_HEIGHT_M,
    )?;
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Variables {
        sources: Vec<SourceVariable>,
        human_height: f64,
        area_type: AreaType,
        #[serde(skip_serializing_if = "Option::is_none")]
        sync_method: Option<SyncMethodVariable>,
        #[serde(skip_serializing_if = "Option::is_none")]
        clip_window: Option<ClipWindow>,
        #[serde(skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        metadata: Option<String>,
    }
    let expand = p.expand.unwrap_or_default();
    let variables = Variables {
        sources: take_params::sources("params.sources", p.sources, Cameras::Several)?,
        human_height,
        area_type: p.area_type,
        sync_method: take_params::sync_method("params.syncMethod", p.sync_method)?,
        clip_window: args::clip_window("params.clipWindow", p.clip_window)?,
        name: p.name,
        metadata: metadata::encode(p.metadata),
    };
    ops::one::<HumanVolume, _>(
        "createVolumeWithHuman",
        OperationKind::Mutation,
        &documents::create_volume_with_human(&expand),
        &variables,
        expand,
    )
}

/// `volumes.retrieve(id, params)`.
pub fn retrieve(id: &str, params_json: &str) -> Result<Operation> {
    args::require_id("id", id)?;
    let p: ExpandParams<VolumeExpand> = args::from_json(params_json, "params")?;
    let expand = p.expand.unwrap_or_default();
    #[derive(Serialize)]
    struct Variables<'a> {
        id: &'a str,
    }
    ops::one::<HumanVolume, _>(
        "getVolume",
        OperationKind::Query,
        &documents::get_volume(&expand),
        &Variables { id },
        expand,
    )
}

/// `volumes.list(params)` (and each page of `volumes.iterate`).
pub fn list(params_json: &str) -> Result<Operation> {
    let p: ListParams<VolumeExpand> = args::from_json(params_json, "params")?;
    let variables = PageVariables::new(p.limit, p.next_token, p.sort_by)?;
    let expand = p.expand.unwrap_or_default();
    ops::page::<HumanVolume>(
        "listVolumes",
        &documents::list_volumes(&expand),
        &variables,
        expand,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use serde_json::{json, Value};

    const SOURCES: &str = r#"[{"deviceLabel":"a","fileId":"f-1","format":"MP4"},{"deviceLabel":"b","fileId":"f-2","format":"MP4"}]"#;

    #[test]
    fn create_sends_height_area_and_sources() {
        let op = create_human_volume(&format!(
            r#"{{"sources":{SOURCES},"humanHeight":1.78,"areaType":"NORMAL","clipWindow":{{"startTime":0,"endTime":8}}}}"#
        ))
        .unwrap();
        let b: Value = serde_json::from_str(&op.body).unwrap();
        assert_eq!(b["variables"]["humanHeight"], 1.78);
        assert_eq!(b["variables"]["areaType"], "NORMAL");
        assert_eq!(
            b["variables"]["clipWindow"],
            json!({"startTime": 0.0, "endTime": 8.0})
        );
        assert_eq!(b["variables"]["sources"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn heights_areas_and_sources_are_checked() {
        for (params, named) in [
            (
                format!(r#"{{"sources":{SOURCES},"humanHeight":178,"areaType":"NORMAL"}}"#),
                "params.humanHeight",
            ),
            (
                format!(r#"{{"sources":{SOURCES},"humanHeight":-1,"areaType":"NORMAL"}}"#),
                "params.humanHeight",
            ),
            (
                format!(r#"{{"sources":{SOURCES},"humanHeight":1.7,"areaType":"HUGE"}}"#),
                "params.areaType",
            ),
            (
                format!(r#"{{"sources":{SOURCES},"humanHeight":1.7}}"#),
                "params.areaType: is required",
            ),
            (
                r#"{"sources":[],"humanHeight":1.7,"areaType":"LARGE"}"#.to_string(),
                "params.sources",
            ),
        ] {
            let e = create_human_volume(&params).err().unwrap();
            assert_eq!(e.code, ErrorCode::InvalidArgument);
            assert!(e.message.starts_with(named), "{}", e.message);
        }
    }

    #[test]
    fn reads_go_through_the_fragment() {
        let b: Value =
            serde_json::from_str(&retrieve("v-1", r#"{"expand":["outputs"]}"#).unwrap().body)
                .unwrap();
        assert!(b["query"].as_str().unwrap().starts_with(
            "query getVolume($id: ID!) { getVolume(id: $id) { ... on HumanVolume { __typename id"
        ));
        let op = list("{}").unwrap();
        let data = r#"{"listVolumes":{"first":10,"after":null,"items":[{"__typename":"HumanVolume","id":"v","created":"2025-01-01T00:00:00Z","name":null,"metadata":null,"areaType":"LARGE","humanHeight":1.8,"state":"FINISHED","progress":null,"clipWindow":null}]}}"#;
        let v: Value = serde_json::from_str(&(op.decode)(data).unwrap()).unwrap();
        assert_eq!(v["items"][0]["areaType"], "LARGE");
    }
}
