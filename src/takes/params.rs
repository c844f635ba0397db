//! The parameters of the takes methods, and the source and sync inputs that
//! takes and volumes share, described once; and the checks that involve
//! several of their values.

use wasm_bindgen::prelude::wasm_bindgen;

use crate::error::{Error, Result};
use crate::input::read::shown_str;
use crate::input::{param, Arg, Args, In, Input, Param};
use crate::model::api;
use crate::ops::{EXPAND, METADATA};

/// Camera settings of a multi-camera source.
pub static CAMERA_SETTINGS: Input = Input {
    name: "CameraSettingsInput",
    doc: crate::model::doc("Settings of the camera that recorded a source."),
    params: &[param(
        "lens",
        In::String,
        "The lens, as named by `ugc.cameraSettings.list()`.",
    )
    .required()],
};

/// One video of a new take or volume.
pub static SOURCE: Input = Input {
    name: "SourceInput",
    doc: crate::model::doc("One video of a new take or volume."),
    params: &[
        param(
            "deviceLabel",
            In::String,
            "Your label for the device that recorded it, e.g. `'cam-left'`.",
        )
        .required(),
        param("fileId", In::Id, "The uploaded video (see `files.upload`).").required(),
        param(
            "format",
            In::Enum(&api::SOURCE_FORMAT),
            "The video's format, in any letter case.",
        )
        .required(),
        param(
            "cameraSettings",
            In::Object(&CAMERA_SETTINGS),
            "The camera's settings: multi-camera takes and volumes only.",
        )
        .ts("CameraSettings"),
    ],
};

/// Timecode synchronisation.
pub static TIMECODE_SYNC: Input = Input {
    name: "TimecodeSync",
    doc: crate::model::doc("Timecode synchronisation."),
    params: &[param(
        "useTimecode",
        In::Boolean,
        "Whether the sources are timecode-synced.",
    )
    .required()],
};

/// How the videos of a multi-camera take or volume are synchronised.
pub static SYNC_METHOD: Input = Input {
    name: "SyncMethodInput",
    doc: crate::model::doc(
        "How the videos of a multi-camera take or volume are synchronised: by a clap in a \
          time window, or by timecode. Omitted: already in sync.",
    ),
    params: &[
        param(
            "clapWindow",
            In::Object(&crate::jobs::params::CLIP_WINDOW),
            "The window, in seconds, in which everyone claps.",
        )
        .ts("ClipWindow"),
        param(
            "timecodeSync",
            In::Object(&TIMECODE_SYNC),
            "Synchronise by the videos' timecode.",
        ),
    ],
};

#[wasm_bindgen(typescript_custom_section)]
const SINGLE_CAMERA_SOURCE_TS: &'static str = r#"
/**
 * A file of the one camera of a single-camera take: its video, or the `.move`
 * file Move One records with it (same `deviceLabel`). Camera settings apply to
 * multi-camera takes and volumes only.
 */
export type SingleCameraSource = Omit<SourceInput, 'cameraSettings'>;
"#;

/// One source.
static ONE_SOURCE: In = In::Object(&SOURCE);

/// `sources` of a multi-camera take or a volume.
pub const SOURCES: Param = param(
    "sources",
    In::List(&ONE_SOURCE),
    "The videos, from at least two cameras.",
)
.required();

const NAME: Param = param("name", In::String, "A name for the take.");

/// Parameters of `takes.createSingleCam`.
pub static CREATE_SINGLE_CAM: Input = Input {
    name: "TakeCreateSingleCamParams",
    doc: crate::model::doc("Parameters of `takes.createSingleCam`."),
    params: &[
        param(
            "sources",
            In::List(&ONE_SOURCE),
            "The files of the one camera: its video, and the `.move` file Move One records \
             with it, under the same `deviceLabel`.",
        )
        .required()
        .ts("SingleCameraSource[]"),
        NAME,
        METADATA,
        EXPAND,
    ],
};

/// Parameters of `takes.createMultiCam`.
pub static CREATE_MULTI_CAM: Input = Input {
    name: "TakeCreateMultiCamParams",
    doc: crate::model::doc("Parameters of `takes.createMultiCam`."),
    params: &[
        SOURCES,
        param(
            "volumeId",
            In::Id,
            "The volume the cameras were calibrated with.",
        )
        .required(),
        param(
            "syncMethod",
            In::Object(&SYNC_METHOD),
            "How the videos are synchronised; omitted if they already are.",
        ),
        NAME,
        METADATA,
        EXPAND,
    ],
};

/// How many cameras the sources of a take or volume come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cameras {
    /// One camera: its video, and optionally its `.move` file.
    One,
    /// Several cameras, at least two sources, each with its camera settings.
    Several,
}

/// Checks sources: at least one (two for several cameras), each with its
/// label; camera settings only where several cameras are calibrated.
pub fn sources(argument: &str, args: &Args, cameras: Cameras) -> Result<()> {
    let list = args.list("sources");
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
    for (i, source) in list.iter().enumerate() {
        let Arg::Object(s) = source else { continue };
        let at = format!("{argument}[{i}]");
        let label = s.str("deviceLabel").unwrap_or_default();
        if label.trim().is_empty() {
            return Err(Error::invalid_argument(
                &format!("{at}.deviceLabel"),
                format!(
                    "expected a non-empty label of the camera, got {}",
                    shown_str(label)
                ),
            ));
        }
        if let Some(settings) = s.object("cameraSettings") {
            if cameras == Cameras::One {
                // Move's Python SDK silently drops it; say so instead.
                return Err(Error::invalid_argument(
                    &format!("{at}.cameraSettings"),
                    "applies to multi-camera takes and volumes only; \
                     remove it from a single-camera take",
                ));
            }
            let lens = settings.str("lens").unwrap_or_default();
            if lens.trim().is_empty() {
                return Err(Error::invalid_argument(
                    &format!("{at}.cameraSettings.lens"),
                    format!(
                        "expected a lens from cameraSettings.list(), got {}",
                        shown_str(lens)
                    ),
                ));
            }
        }
    }
    Ok(())
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
pub fn sync_method(argument: &str, method: Option<&Args>) -> Result<()> {
    let Some(m) = method else { return Ok(()) };
    match (m.object("clapWindow"), m.get("timecodeSync")) {
        (Some(_), Some(_)) => Err(Error::invalid_argument(
            argument,
            "expected exactly one of clapWindow and timecodeSync, got both",
        )),
        (None, None) => Err(Error::invalid_argument(
            argument,
            "expected exactly one of clapWindow and timecodeSync, got neither \
             (omit syncMethod if the videos are already in sync)",
        )),
        (window, _) => crate::args::clip_window(&format!("{argument}.clapWindow"), window),
    }
}
