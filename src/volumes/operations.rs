//! The volumes operations in plain Rust: each described once. `Volume` is a
//! union (of `HumanVolume` alone, so far): reads select through a fragment.

use crate::error::Result;
use crate::graphql::Operation;
use crate::input::value::Value;
use crate::model::{api, Answer};
use crate::ops::{self, var, Op, PAGE_VARIABLES};
use crate::takes::params::{self as take_params, Cameras};

use super::params;

/// The part of the videos used: always selected, and accepted as an expand
/// because Move's Python SDK takes it.
const CLIP_WINDOW: &[&str] = &["clipWindow"];

/// `createVolumeWithHuman` (it returns a `HumanVolume`, not the union).
pub static CREATE_HUMAN: Op = Op::mutation(
    api::one("createVolumeWithHuman", &api::HUMAN_VOLUME),
    &params::CREATE_HUMAN,
    &[
        var("sources", "[SourceInput!]"),
        var("humanHeight", "Float!"),
        var("areaType", "AreaType!"),
        var("syncMethod", "SyncMethodInput"),
        var("clipWindow", "ClipWindowInput"),
        var("name", "String"),
        var("metadata", "AWSJSON"),
    ],
)
.with_extra_expands(CLIP_WINDOW);

/// `getVolume`.
pub static GET: Op = Op::get(
    Answer {
        union_member: true,
        ..api::one("getVolume", &api::HUMAN_VOLUME)
    },
    &[var("id", "ID!")],
)
.with_extra_expands(CLIP_WINDOW);

/// `listVolumes`.
pub static LIST: Op = Op::query(
    Answer {
        union_member: true,
        ..api::page("listVolumes", &api::HUMAN_VOLUME)
    },
    &ops::LIST_PARAMS,
    &PAGE_VARIABLES,
)
.with_extra_expands(CLIP_WINDOW);

/// `volumes.createHumanVolume(params)`.
pub fn create_human_volume<V: Value>(params: &V) -> Result<Operation> {
    let args = CREATE_HUMAN.read(params, true)?;
    take_params::sources("params.sources", &args, Cameras::Several)?;
    take_params::sync_method("params.syncMethod", args.object("syncMethod"))?;
    crate::args::clip_window("params.clipWindow", args.object("clipWindow"))?;
    Ok(CREATE_HUMAN.build(&args, args.expand(), 0))
}

/// `volumes.retrieve(id, params)`.
pub fn retrieve<V: Value>(id: &str, params: &V) -> Result<Operation> {
    ops::get(&GET, id, params)
}

/// `volumes.list(params)` (and each page of `volumes.iterate`).
pub fn list<V: Value>(params: &V) -> Result<Operation> {
    ops::list(&LIST, params)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::input::value::of;
    use serde_json::{json, Value};

    const SOURCES: &str = r#"[{"deviceLabel":"a","fileId":"f-1","format":"MP4"},{"deviceLabel":"b","fileId":"f-2","format":"MP4"}]"#;

    #[test]
    fn create_sends_height_area_and_sources() {
        let op = create_human_volume(&of(&format!(
            r#"{{"sources":{SOURCES},"humanHeight":1.78,"areaType":"NORMAL","clipWindow":{{"startTime":0,"endTime":8}}}}"#
        )))
        .unwrap();
        let b: Value = serde_json::from_str(&op.body).unwrap();
        assert_eq!(b["variables"]["humanHeight"], 1.78);
        assert_eq!(b["variables"]["areaType"], "NORMAL");
        assert_eq!(
            b["variables"]["clipWindow"],
            json!({"startTime": 0, "endTime": 8})
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
            let e = create_human_volume(&of(&params)).err().unwrap();
            assert_eq!(e.code, ErrorCode::InvalidArgument);
            assert!(e.message.starts_with(named), "{}", e.message);
        }
    }

    #[test]
    fn reads_go_through_the_fragment() {
        let b: Value = serde_json::from_str(
            &retrieve("v-1", &of(r#"{"expand":["outputs"]}"#))
                .unwrap()
                .body,
        )
        .unwrap();
        assert!(b["query"].as_str().unwrap().starts_with(
            "query getVolume($id: ID!) { getVolume(id: $id) { ... on HumanVolume { __typename id"
        ));
        let op = list(&of("{}")).unwrap();
        let data = r#"{"listVolumes":{"first":10,"after":null,"items":[{"__typename":"HumanVolume","id":"v","created":"2025-01-01T00:00:00Z","name":null,"metadata":null,"areaType":"LARGE","humanHeight":1.8,"state":"FINISHED","progress":null,"clipWindow":null}]}}"#;
        let answer = format!(r#"{{"data":{data}}}"#);
        let v: Value =
            serde_json::from_str(&op.read(200, None, answer.as_bytes()).unwrap()).unwrap();
        assert_eq!(v["items"][0]["areaType"], "LARGE");
    }
}
