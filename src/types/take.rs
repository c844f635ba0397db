//! `Take`: one or more videos of one performance.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use tsify::Tsify;

use super::{
    metadata, non_null_items, present, AdditionalFile, Client, ClipWindow, File, JobProgress,
};
use crate::enums::api_enum;

/// A take: the videos a job animates.
#[derive(Debug, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Take {
    /// Unique identifier of the take.
    pub id: String,
    /// When the take was created (ISO 8601).
    pub created: String,
    /// Name of the take.
    pub name: Option<String>,
    /// Your own data stored with the take: any JSON value.
    #[serde(deserialize_with = "metadata::decode")]
    #[tsify(type = "JsonValue")]
    pub metadata: Option<Box<RawValue>>,
    /// `SINGLE_CAM` or `MULTI_CAM`.
    pub take_type: Option<TakeType>,
    /// How the videos of a multi-camera take are synchronised.
    pub sync_method: Option<SyncMethod>,
    /// The take's (first) video file; `sources` lists every file.
    pub video_file: Option<File>,
    /// Extra files stored with the take.
    #[serde(deserialize_with = "non_null_items")]
    pub additional_files: Vec<TakeFile>,
    /// The owning client account. Present when `expand` has `'client'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub client: Option<Client>,
    /// The videos of the take. Present when `expand` has `'sources'` (and in
    /// a job's `take`).
    #[serde(
        default,
        deserialize_with = "present_sources",
        skip_serializing_if = "Option::is_none"
    )]
    #[tsify(optional)]
    pub sources: Option<Vec<Source>>,
    /// The volume of a multi-camera take. Present when `expand` has `'volume'`.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[tsify(optional, type = "HumanVolume | null")]
    pub volume: Option<Option<HumanVolume>>,
}

impl Take {
    /// The GraphQL selection of a `Take` without its expands.
    pub fn base_selection() -> String {
        format!(
            "id created name metadata takeType \
             syncMethod {{ clapWindow {{ startTime endTime }} timecodeSync {{ useTimecode }} }} \
             videoFile {{ {file} }} additionalFiles {{ format file {{ {file} }} }}",
            file = File::SELECTION
        )
    }
}

/// An extra file stored with a take.
#[derive(Debug, Serialize, Deserialize, Tsify)]
pub struct TakeFile {
    /// What the file is, as the API names it.
    pub format: Option<String>,
    /// The file itself.
    pub file: File,
}

/// Whether a take is of one camera or several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[allow(clippy::upper_case_acronyms, non_camel_case_types)]
pub enum TakeType {
    /// One camera (possibly with its `.move` file).
    SINGLE_CAM,
    /// Several cameras calibrated with a volume.
    MULTI_CAM,
}

/// How the videos of a multi-camera take are synchronised.
#[derive(Debug, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct SyncMethod {
    /// The window, in seconds, in which everyone clapped.
    pub clap_window: Option<ClipWindow>,
    /// Synchronised by the videos' timecode.
    pub timecode_sync: Option<TimecodeSyncSetting>,
}

/// Timecode synchronisation, as the API reports it.
#[derive(Debug, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct TimecodeSyncSetting {
    /// Whether the sources are timecode-synced.
    pub use_timecode: bool,
}

/// `sources`: absent stays absent; `null` or a list with `null`s becomes a list.
pub(crate) fn present_sources<'de, D>(deserializer: D) -> Result<Option<Vec<Source>>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    non_null_items(deserializer).map(Some)
}

/// One video of a take or a volume: the file, its format and the camera.
#[derive(Debug, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// Your label for the device that recorded it.
    pub device_label: String,
    /// The file's format.
    pub format: Option<SourceFormat>,
    /// The camera's settings (multi-camera takes).
    pub camera_settings: Option<CameraSettings>,
    /// The video file.
    pub file: Option<File>,
}

impl Source {
    /// The GraphQL selection of a `Source`, with its file.
    pub fn selection() -> String {
        format!(
            "deviceLabel format cameraSettings {{ lens }} file {{ {} }}",
            File::SELECTION
        )
    }
}

api_enum! {
    /// The format of a source video (any letter case on the way in). `MOVE` files
    /// come from Move's phone app and carry depth and sensor data.
    #[allow(clippy::upper_case_acronyms)]
    pub enum SourceFormat {
        /// `.mp4`
        MP4 = "MP4",
        /// `.mov`
        MOV = "MOV",
        /// `.move`
        MOVE = "MOVE",
        /// `.avi`
        AVI = "AVI",
    }
}

/// Settings of the camera that recorded a source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(deny_unknown_fields)]
pub struct CameraSettings {
    /// The lens, as named by `ugc.cameraSettings.list()`.
    pub lens: String,
}

/// A calibration volume for multi-camera takes, made from a person of known height.
#[derive(Debug, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct HumanVolume {
    /// The API's `Volume` is a union; this member is always `'HumanVolume'`.
    #[serde(rename = "__typename")]
    #[tsify(type = "'HumanVolume'")]
    pub typename: String,
    /// Unique identifier of the volume.
    pub id: String,
    /// When the volume was created (ISO 8601).
    pub created: String,
    /// Name of the volume.
    pub name: Option<String>,
    /// Your own data stored with the volume: any JSON value.
    #[serde(deserialize_with = "metadata::decode")]
    #[tsify(type = "JsonValue")]
    pub metadata: Option<Box<RawValue>>,
    /// `NORMAL` (under about 20 m²) or `LARGE`.
    pub area_type: Option<AreaType>,
    /// Height of the person in the volume, in metres.
    pub human_height: Option<f64>,
    /// `NOT_STARTED`, `RUNNING`, `FINISHED` or `FAILED`: a volume must be
    /// `FINISHED` before a take can use it.
    #[tsify(type = "JobState | null")]
    pub state: Option<String>,
    /// How far the volume's processing has come.
    pub progress: Option<JobProgress>,
    /// The part of the videos used.
    pub clip_window: Option<ClipWindow>,
    /// The owning client account. Present when `expand` has `'client'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub client: Option<Client>,
    /// The videos of the volume. Present when `expand` has `'sources'`.
    #[serde(
        default,
        deserialize_with = "present_sources",
        skip_serializing_if = "Option::is_none"
    )]
    #[tsify(optional)]
    pub sources: Option<Vec<Source>>,
    /// The volume's output files. Present when `expand` has `'outputs'`.
    #[serde(
        default,
        deserialize_with = "super::job::present_outputs",
        skip_serializing_if = "Option::is_none"
    )]
    #[tsify(optional)]
    pub outputs: Option<Vec<AdditionalFile>>,
}

impl HumanVolume {
    /// The GraphQL selection of a `HumanVolume` without its expands, with the
    /// `__typename` that tells the members of the `Volume` union apart.
    pub const SELECTION: &'static str =
        "__typename id created name metadata areaType humanHeight state \
        progress { state percentageComplete } clipWindow { startTime endTime }";
}

api_enum! {
    /// The size of a capture area (any letter case on the way in).
    #[allow(clippy::upper_case_acronyms)]
    pub enum AreaType {
        /// Under about 20 m².
        NORMAL = "NORMAL",
        /// About 20 m² or more.
        LARGE = "LARGE",
    }
}
