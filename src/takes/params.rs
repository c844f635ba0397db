//! The parameters of the takes methods, and the source and sync inputs that
//! takes and volumes share.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use tsify::Tsify;

use crate::args;
use crate::error::{Error, Result};
use crate::types::{CameraSettings, ClipWindow, SourceFormat};

/// A related object to include in a returned take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Tsify)]
#[serde(rename_all = "lowercase")]
pub enum TakeExpand {
    /// The owning client account.
    Client,
    /// The videos, with their files.
    Sources,
    /// The volume of a multi-camera take.
    Volume,
}

/// One video of a new take or volume.
#[derive(Debug, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SourceInput {
    /// Your label for the device that recorded it, e.g. `'cam-left'`.
    pub device_label: String,
    /// The uploaded video (see `files.upload`).
    pub file_id: String,
    /// The video's format, in any letter case.
    #[tsify(type = "SourceFormat | Lowercase<SourceFormat>")]
    pub format: String,
    /// The camera's settings (multi-camera takes and volumes).
    #[tsify(optional)]
    pub camera_settings: Option<CameraSettings>,
}

/// How the videos of a multi-camera take or volume are synchronised: by a
/// clap in a time window, or by timecode. Omitted: already in sync.
#[derive(Debug, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SyncMethodInput {
    /// The window, in seconds, in which everyone claps.
    #[tsify(optional)]
    pub clap_window: Option<ClipWindow>,
    /// Synchronise by the videos' timecode.
    #[tsify(optional)]
    pub timecode_sync: Option<TimecodeSync>,
}

/// Timecode synchronisation.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TimecodeSync {
    /// Whether the sources are timecode-synced.
    pub use_timecode: bool,
}

/// Parameters of `takes.createSingleCam`.
#[derive(Debug, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TakeCreateSingleCamParams {
    /// The one video of the take.
    pub sources: Vec<SourceInput>,
    /// A name for the take.
    #[tsify(optional)]
    pub name: Option<String>,
    /// Your own data to store with the take.
    #[tsify(optional, type = "Metadata")]
    pub metadata: Option<Box<RawValue>>,
    /// Related objects to include in the result.
    #[tsify(optional)]
    pub expand: Option<Vec<TakeExpand>>,
}

/// Parameters of `takes.createMultiCam`.
#[derive(Debug, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TakeCreateMultiCamParams {
    /// The videos of the take, from at least two cameras.
    pub sources: Vec<SourceInput>,
    /// The volume the cameras were calibrated with.
    pub volume_id: String,
    /// How the videos are synchronised; omitted if they already are.
    #[tsify(optional)]
    pub sync_method: Option<SyncMethodInput>,
    /// A name for the take.
    #[tsify(optional)]
    pub name: Option<String>,
    /// Your own data to store with the take.
    #[tsify(optional, type = "Metadata")]
    pub metadata: Option<Box<RawValue>>,
    /// Related objects to include in the result.
    #[tsify(optional)]
    pub expand: Option<Vec<TakeExpand>>,
}

/// A source as the API takes it.
#[derive(Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SourceVariable {
    device_label: String,
    file_id: String,
    format: SourceFormat,
    #[serde(skip_serializing_if = "Option::is_none")]
    camera_settings: Option<CameraSettings>,
}

/// A sync method as the API takes it.
#[derive(Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SyncMethodVariable {
    #[serde(skip_serializing_if = "Option::is_none")]
    clap_window: Option<ClipWindow>,
    #[serde(skip_serializing_if = "Option::is_none")]
    timecode_sync: Option<TimecodeSyncVariable>,
}

#[derive(Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
struct TimecodeSyncVariable {
    use_timecode: bool,
}

/// Checks sources: at least `min` (and at most `max`), each with its ids and format.
pub fn sources(
    argument: &str,
    list: Vec<SourceInput>,
    min: usize,
    max: Option<usize>,
) -> Result<Vec<SourceVariable>> {
    if list.len() < min {
        let what = if min == 1 {
            "one source".to_string()
        } else {
            format!("{min} sources (one per camera)")
        };
        return Err(Error::invalid_argument(
            argument,
            format!("needs at least {what}"),
        ));
    }
    if let Some(max) = max.filter(|m| list.len() > *m) {
        return Err(Error::invalid_argument(
            argument,
            format!("takes at most {max} source(s)"),
        ));
    }
    list.into_iter()
        .enumerate()
        .map(|(i, s)| {
            let at = format!("{argument}[{i}]");
            if s.device_label.trim().is_empty() {
                return Err(Error::invalid_argument(
                    &format!("{at}.deviceLabel"),
                    "must not be empty",
                ));
            }
            args::require_id(&format!("{at}.fileId"), &s.file_id)?;
            let format = SourceFormat::parse(&s.format).ok_or_else(|| {
                Error::invalid_argument(
                    &format!("{at}.format"),
                    "expected one of MP4, MOV, AVI, MOVE",
                )
            })?;
            if let Some(lens) = s.camera_settings.as_ref().map(|c| c.lens.trim()) {
                if lens.is_empty() {
                    return Err(Error::invalid_argument(
                        &format!("{at}.cameraSettings.lens"),
                        "must not be empty",
                    ));
                }
            }
            Ok(SourceVariable {
                device_label: s.device_label,
                file_id: s.file_id,
                format,
                camera_settings: s.camera_settings,
            })
        })
        .collect()
}

/// Checks a sync method: exactly one of a clap window and timecode.
pub fn sync_method(
    argument: &str,
    method: Option<SyncMethodInput>,
) -> Result<Option<SyncMethodVariable>> {
    let Some(m) = method else { return Ok(None) };
    match (m.clap_window, m.timecode_sync) {
        (Some(_), Some(_)) | (None, None) => Err(Error::invalid_argument(
            argument,
            "give exactly one of clapWindow and timecodeSync",
        )),
        (window, timecode) => Ok(Some(SyncMethodVariable {
            clap_window: args::clip_window(&format!("{argument}.clapWindow"), window)?,
            timecode_sync: timecode.map(|t| TimecodeSyncVariable {
                use_timecode: t.use_timecode,
            }),
        })),
    }
}
