//! The parameters of the takes methods, and the source and sync inputs that
//! takes and volumes share.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use tsify::Tsify;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::args;
use crate::enums::api_enum;
use crate::error::{Error, Result};
use crate::types::{CameraSettings, ClipWindow, SourceFormat};

api_enum! {
    /// A related object to include in a returned take (any letter case).
    pub enum TakeExpand {
        /// The owning client account.
        Client = "client",
        /// The videos, with their files.
        Sources = "sources",
        /// The volume of a multi-camera take.
        Volume = "volume",
    }
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
    pub format: SourceFormat,
    /// The camera's settings: multi-camera takes and volumes only.
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

#[wasm_bindgen(typescript_custom_section)]
const SINGLE_CAMERA_SOURCE_TS: &'static str = r#"
/**
 * A file of the one camera of a single-camera take: its video, or the `.move`
 * file Move One records with it (same `deviceLabel`). Camera settings apply to
 * multi-camera takes and volumes only.
 */
export type SingleCameraSource = Omit<SourceInput, 'cameraSettings'>;
"#;

/// Parameters of `takes.createSingleCam`.
#[derive(Debug, Deserialize, Tsify)]
#[serde(
    rename_all = "camelCase",
    deny_unknown_fields,
    bound = "E: Deserialize<'de>"
)]
pub struct TakeCreateSingleCamParams<E> {
    /// The files of the one camera: its video, and the `.move` file Move One
    /// records with it, under the same `deviceLabel`.
    #[tsify(type = "SingleCameraSource[]")]
    pub sources: Vec<SourceInput>,
    /// A name for the take.
    #[tsify(optional)]
    pub name: Option<String>,
    /// Your own data to store with the take: any JSON value.
    #[tsify(optional, type = "Metadata")]
    pub metadata: Option<Box<RawValue>>,
    /// Related objects to include in the result.
    #[tsify(optional)]
    pub expand: Option<Vec<E>>,
}

/// Parameters of `takes.createMultiCam`.
#[derive(Debug, Deserialize, Tsify)]
#[serde(
    rename_all = "camelCase",
    deny_unknown_fields,
    bound = "E: Deserialize<'de>"
)]
pub struct TakeCreateMultiCamParams<E> {
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
    /// Your own data to store with the take: any JSON value.
    #[tsify(optional, type = "Metadata")]
    pub metadata: Option<Box<RawValue>>,
    /// Related objects to include in the result.
    #[tsify(optional)]
    pub expand: Option<Vec<E>>,
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

/// How many cameras the sources of a take or volume come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cameras {
    /// One camera: its video, and optionally its `.move` file.
    One,
    /// Several cameras, at least two sources, each with its camera settings.
    Several,
}

/// Checks sources: at least one (two for several cameras), each with its ids
/// and format; camera settings only where several cameras are calibrated.
pub fn sources(
    argument: &str,
    list: Vec<SourceInput>,
    cameras: Cameras,
) -> Result<Vec<SourceVariable>> {
    let min = match cameras {
        Cameras::One => 1,
        Cameras::Several => 2,
    };
    if list.len() < min {
        let what = match cameras {
            Cameras::One => "a source (the camera's video)",
            Cameras::Several => "at least 2 sources (one per camera)",
        };
        return Err(Error::invalid_argument(
            argument,
            format!("expected {what}, got {}", plural(list.len(), "source")),
        ));
    }
    list.into_iter()
        .enumerate()
        .map(|(i, s)| {
            let at = format!("{argument}[{i}]");
            if s.device_label.trim().is_empty() {
                return Err(Error::invalid_argument(
                    &format!("{at}.deviceLabel"),
                    format!(
                        "expected a non-empty label of the camera, got {}",
                        args::shown_str(&s.device_label)
                    ),
                ));
            }
            args::require_id(&format!("{at}.fileId"), &s.file_id)?;
            if let Some(settings) = &s.camera_settings {
                if cameras == Cameras::One {
                    // Move's Python SDK silently drops it; say so instead.
                    return Err(Error::invalid_argument(
                        &format!("{at}.cameraSettings"),
                        "applies to multi-camera takes and volumes only; \
                         remove it from a single-camera take",
                    ));
                }
                if settings.lens.trim().is_empty() {
                    return Err(Error::invalid_argument(
                        &format!("{at}.cameraSettings.lens"),
                        format!(
                            "expected a lens from cameraSettings.list(), got {}",
                            args::shown_str(&settings.lens)
                        ),
                    ));
                }
            }
            Ok(SourceVariable {
                device_label: s.device_label,
                file_id: s.file_id,
                format: s.format,
                camera_settings: s.camera_settings,
            })
        })
        .collect()
}

/// `0 sources`, `1 source`, `2 sources`.
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Checks a sync method: exactly one of a clap window and timecode.
pub fn sync_method(
    argument: &str,
    method: Option<SyncMethodInput>,
) -> Result<Option<SyncMethodVariable>> {
    let Some(m) = method else { return Ok(None) };
    match (m.clap_window, m.timecode_sync) {
        (Some(_), Some(_)) => Err(Error::invalid_argument(
            argument,
            "expected exactly one of clapWindow and timecodeSync, got both",
        )),
        (None, None) => Err(Error::invalid_argument(
            argument,
            "expected exactly one of clapWindow and timecodeSync, got neither \
             (omit syncMethod if the videos are already in sync)",
        )),
        (window, timecode) => Ok(Some(SyncMethodVariable {
            clap_window: args::clip_window(&format!("{argument}.clapWindow"), window)?,
            timecode_sync: timecode.map(|t| TimecodeSyncVariable {
                use_timecode: t.use_timecode,
            }),
        })),
    }
}
