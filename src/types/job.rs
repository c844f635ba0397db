//! `Job`: the processing of a take into animation, and its parts.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use tsify::Tsify;
use wasm_bindgen::prelude::wasm_bindgen;

use super::{metadata, non_null_items, present, AdditionalFile, Client, Take};
use crate::enums::api_enum;

#[wasm_bindgen(typescript_custom_section)]
const JOB_STATE_TS: &'static str = r#"
/**
 * Where a job (or a volume) stands, as the API spells it: `'NOT STARTED'` or
 * `'NOT_STARTED'`, `'STARTED'`, `'RUNNING'`, then `'FINISHED'`, `'FAILED'` or
 * `'CANCELLED'`. Any other string is a state newer than this SDK.
 */
export type JobState =
  | 'NOT STARTED'
  | 'NOT_STARTED'
  | 'STARTED'
  | 'RUNNING'
  | 'FINISHED'
  | 'FAILED'
  | 'CANCELLED'
  | (string & {});
"#;

/// An animation job on a take.
#[derive(Debug, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Job {
    /// Unique identifier of the job.
    pub id: String,
    /// When the job was created (ISO 8601, as the API sends it).
    pub created: Option<String>,
    /// Name of the job.
    pub name: Option<String>,
    /// Your own data stored with the job: any JSON value.
    #[serde(deserialize_with = "metadata::decode")]
    #[tsify(type = "JsonValue")]
    pub metadata: Option<Box<RawValue>>,
    /// Deprecated by the API in favour of `progress.state` (and it can lag
    /// behind it).
    #[tsify(type = "JobState | null")]
    pub state: Option<String>,
    /// How far the job has come.
    pub progress: Option<JobProgress>,
    /// The owner of the job. Present when `expand` has `'client'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub client: Option<Client>,
    /// The take the job animates. Present when `expand` has `'take'`.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[tsify(optional, type = "Take | null")]
    pub take: Option<Option<Take>>,
    /// The job's output files. Present when `expand` has `'outputs'`.
    #[serde(
        default,
        deserialize_with = "present_outputs",
        skip_serializing_if = "Option::is_none"
    )]
    #[tsify(optional)]
    pub outputs: Option<Vec<AdditionalFile>>,
    /// The rig used. Present when `expand` has `'rig'`.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[tsify(optional, type = "Rig | null")]
    pub rig: Option<Option<Rig>>,
    /// What the job was started with. Present when `expand` has `'inputs'`.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[tsify(optional, type = "JobInputs | null")]
    pub inputs: Option<Option<JobInputs>>,
}

/// `outputs`: absent stays absent; `null` or a list with `null`s becomes a list.
pub(crate) fn present_outputs<'de, D>(
    deserializer: D,
) -> Result<Option<Vec<AdditionalFile>>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    non_null_items(deserializer).map(Some)
}

/// The progress of a job.
#[derive(Debug, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct JobProgress {
    /// `NOT STARTED` (or `NOT_STARTED`), `STARTED`, `RUNNING`, `FINISHED`,
    /// `FAILED` or `CANCELLED`.
    #[tsify(type = "JobState | null")]
    pub state: Option<String>,
    /// From 0 to 100.
    pub percentage_complete: Option<i32>,
}

/// The rig a job animates.
#[derive(Debug, Serialize, Deserialize, Tsify)]
pub struct Rig {
    /// Name of the rig.
    pub name: String,
}

/// What a job was started with.
#[derive(Debug, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct JobInputs {
    /// The part of the take that was processed.
    pub clip_window: Option<ClipWindow>,
    /// Number of actors in the take.
    pub number_of_actors: Option<i32>,
    /// The options the job ran with.
    pub options: Option<AppliedJobOptions>,
}

/// The part of a take to process, in seconds: `0 <= startTime < endTime`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ClipWindow {
    /// Start of the window, in seconds.
    pub start_time: f64,
    /// End of the window, in seconds.
    pub end_time: f64,
}

api_enum! {
    /// The motion-capture model (any letter case on the way in).
    pub enum MocapModel {
        /// Model M1.
        M1 = "M1",
        /// Model M2.
        M2 = "M2",
        /// Model S1.
        S1 = "S1",
        /// Model S2.
        S2 = "S2",
    }
}

/// Processing options of a new job.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JobOptions {
    /// Track a ball.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub track_ball: Option<bool>,
    /// Track fingers.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub track_fingers: Option<bool>,
    /// Fit a floor plane.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub floor_plane: Option<bool>,
    /// Track jersey numbers.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub track_jersey_numbers: Option<bool>,
    /// The motion-capture model, in any letter case.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "MocapModel | Lowercase<MocapModel>")]
    pub mocap_model: Option<MocapModel>,
}

/// The options a job ran with, as the API reports them.
#[derive(Debug, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AppliedJobOptions {
    /// Track a ball.
    pub track_ball: Option<bool>,
    /// Track fingers.
    pub track_fingers: Option<bool>,
    /// Fit a floor plane.
    pub floor_plane: Option<bool>,
    /// Track jersey numbers.
    pub track_jersey_numbers: Option<bool>,
    /// The motion-capture model.
    pub mocap_model: Option<MocapModel>,
}

api_enum! {
    /// An output a job can produce (any letter case on the way in).
    pub enum OutputType {
        /// The main animation as `.blend`.
        MainBlend = "MAIN_BLEND",
        /// The main animation as `.fbx`.
        MainFbx = "MAIN_FBX",
        /// The main animation as `.glb`.
        MainGlb = "MAIN_GLB",
        /// The main animation as `.usdc`.
        MainUsdc = "MAIN_USDC",
        /// The main animation as `.usdz`.
        MainUsdz = "MAIN_USDZ",
        /// Every animation as `.blend`.
        AllBlend = "ALL_BLEND",
        /// Every animation as `.bvh`.
        AllBvh = "ALL_BVH",
        /// Every animation as `.c3d`.
        AllC3d = "ALL_C3D",
        /// Every animation as `.fbx`.
        AllFbx = "ALL_FBX",
        /// Every animation as `.glb`.
        AllGlb = "ALL_GLB",
        /// Every animation as `.usdc`.
        AllUsdc = "ALL_USDC",
        /// Every animation as `.usdz`.
        AllUsdz = "ALL_USDZ",
        /// Raw motion data.
        MotionData = "MOTION_DATA",
        /// The video with the animation drawn over it.
        RenderOverlayVideo = "RENDER_OVERLAY_VIDEO",
        /// A rendered video of the animation.
        RenderVideo = "RENDER_VIDEO",
        /// Synchronisation data of a multi-camera take.
        SyncData = "SYNC_DATA",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enums::ApiEnum;

    #[test]
    fn output_types_read_in_any_case_and_serialise_as_the_api_spells_them() {
        assert_eq!(OutputType::VALUES.len(), 16);
        for &(name, t) in OutputType::VALUES {
            assert_eq!(OutputType::parse(name), Some(t));
            assert_eq!(OutputType::parse(&name.to_lowercase()), Some(t));
            assert_eq!(serde_json::to_string(&t).unwrap(), format!("\"{name}\""));
        }
        assert_eq!(OutputType::parse("FBX"), None);
        assert_eq!(OutputType::parse("UNKNOWN_OUTPUT"), None);
        assert_eq!(
            serde_json::from_str::<MocapModel>(r#""m2""#).unwrap(),
            MocapModel::M2
        );
    }

    #[test]
    fn expands_are_absent_null_or_present() {
        let base =
            r#""id":"j","created":null,"name":null,"metadata":null,"state":null,"progress":null"#;
        let job: Job = serde_json::from_str(&format!("{{{base}}}")).unwrap();
        let out = serde_json::to_value(&job).unwrap();
        assert!(
            out.get("take").is_none()
                && out.get("outputs").is_none()
                && out.get("client").is_none()
        );
        assert!(out["name"].is_null() && out["metadata"].is_null());

        let job: Job = serde_json::from_str(&format!(
            r#"{{{base},"take":null,"rig":{{"name":"move_mo"}},"outputs":[null,{{"format":"MAIN_FBX","file":{{"id":"f","created":null,"type":"fbx","metadata":null,"name":null,"presignedUrl":"https://x/y","thumbnailUrl":null}}}}],"inputs":null}}"#
        ))
        .unwrap();
        let out = serde_json::to_value(&job).unwrap();
        assert!(out["take"].is_null() && out.get("take").is_some());
        assert!(out["inputs"].is_null() && out.get("inputs").is_some());
        assert_eq!(out["rig"]["name"], "move_mo");
        assert_eq!(out["outputs"].as_array().unwrap().len(), 1);
        assert_eq!(out["outputs"][0]["file"]["type"], "fbx");
        assert_eq!(out["outputs"][0]["file"]["presignedUrl"], "https://x/y");
    }

    #[test]
    fn metadata_of_any_json_value_reaches_the_caller_decoded() {
        for (stored, out) in [
            (r#""\"{}\"""#, r#""metadata":"{}""#),
            (r#""[1,2]""#, r#""metadata":[1,2]"#),
            (r#""7""#, r#""metadata":7"#),
        ] {
            let job: Job = serde_json::from_str(&format!(
                r#"{{"id":"j","created":null,"name":null,"metadata":{stored},"state":null,"progress":null}}"#
            ))
            .unwrap();
            let json = serde_json::to_string(&job).unwrap();
            assert!(json.contains(out), "{json}");
        }
    }

    #[test]
    fn metadata_reaches_the_caller_as_an_object() {
        let job: Job = serde_json::from_str(
            r#"{"id":"j","created":"2024-01-01T00:00:00Z","name":"n","metadata":"{\"shot\": 3, \"big\": 12345678901234567890}","state":"FINISHED","progress":{"state":"FINISHED","percentageComplete":100}}"#,
        )
        .unwrap();
        let out = serde_json::to_string(&job).unwrap();
        assert!(
            out.contains(r#""metadata":{"shot": 3, "big": 12345678901234567890}"#),
            "{out}"
        );
    }
}
