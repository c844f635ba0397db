//! The parameters of the jobs methods, described once: read from the
//! caller's object and declared in TypeScript from these descriptions. The
//! method signatures add `RequestOptions` (the `signal`); `E` is the caller's
//! `expand`, which narrows the result type (see `Expanded`).

use crate::input::{param, In, Input, Param, Range};
use crate::model::api;
use crate::ops::{paging, EXPAND, METADATA};

/// `clipWindow` of a job or a volume.
pub static CLIP_WINDOW: Input = Input {
    name: "ClipWindowInput",
    doc: crate::model::doc(
        "The part of a take to process, in seconds: `0 <= startTime < endTime`.",
    ),
    params: &[
        param(
            "startTime",
            In::Number(&SECONDS),
            "Start of the window, in seconds.",
        )
        .required(),
        param(
            "endTime",
            In::Number(&SECONDS),
            "End of the window, in seconds.",
        )
        .required(),
    ],
};

/// Any finite number of seconds (the order is checked with the window).
static SECONDS: Range = Range {
    min: f64::MIN,
    max: f64::MAX,
    expected: "a number",
};

/// Processing options of a new job.
pub static JOB_OPTIONS: Input = Input {
    name: "JobOptions",
    doc: crate::model::doc("Processing options of a new job."),
    params: &[
        param("trackBall", In::Boolean, "Track a ball."),
        param("trackFingers", In::Boolean, "Track fingers."),
        param("floorPlane", In::Boolean, "Fit a floor plane."),
        param("trackJerseyNumbers", In::Boolean, "Track jersey numbers."),
        param(
            "mocapModel",
            In::Enum(&api::MOCAP_MODEL),
            "The motion-capture model, in any letter case.",
        ),
    ],
};

/// One output type.
static OUTPUT_TYPE: In = In::Enum(&api::OUTPUT_TYPE);

const TAKE_ID: Param = param("takeId", In::Id, "The take to animate.").required();
const OPTIONS: Param = param("options", In::Object(&JOB_OPTIONS), "Processing options.");
const OUTPUTS: Param = param(
    "outputs",
    In::List(&OUTPUT_TYPE),
    "The outputs to produce, in any letter case; the API's default set if omitted or empty.",
);
const WINDOW: Param = param(
    "clipWindow",
    In::Object(&CLIP_WINDOW),
    "The part of the take to process.",
)
.ts("ClipWindow");

/// Parameters of `jobs.createSingleCam` (and `jobs.create`).
pub static CREATE_SINGLE_CAM: Input = Input {
    name: "JobCreateSingleCamParams",
    doc: crate::model::doc("Parameters of `jobs.createSingleCam` (and `jobs.create`)."),
    params: &[TAKE_ID, NAME, METADATA, OPTIONS, OUTPUTS, WINDOW, EXPAND],
};

const NAME: Param = param("name", In::String, "A name for the job.");

/// Parameters of `jobs.createMultiCam`.
pub static CREATE_MULTI_CAM: Input = Input {
    name: "JobCreateMultiCamParams",
    doc: crate::model::doc("Parameters of `jobs.createMultiCam`."),
    params: &[
        param("takeId", In::Id, "The multi-camera take to animate.").required(),
        param(
            "numberOfActors",
            In::Int(1, crate::args::MAX_INT),
            "How many people the take shows, from 1.",
        )
        .required(),
        OPTIONS,
        OUTPUTS,
        param(
            "rig",
            In::String,
            "The rig to animate (see `rigs.list()`); the API's default rig if omitted.",
        ),
        NAME,
        METADATA,
        WINDOW,
        EXPAND,
    ],
};

/// Parameters of `jobs.list`.
pub static LIST: Input = Input {
    name: "JobListParams",
    doc: crate::model::doc("Parameters of `jobs.list` and `jobs.iterate`."),
    params: paging!(param("takeId", In::Id, "Only the jobs of this take.")),
};

/// A pause or a limit in milliseconds, at least 10.
static INTERVAL: Range = Range {
    min: 10.0,
    max: 2_147_483_647.0,
    expected: "a number of milliseconds from 10 to 2147483647",
};

/// A limit in milliseconds.
static TIMEOUT: Range = Range {
    min: 1.0,
    max: 2_147_483_647.0,
    expected: "a number of milliseconds from 1 to 2147483647",
};

/// Parameters of `jobs.waitForCompletion` (beside `onProgress` and `signal`).
pub static WAIT: Input = Input {
    name: "JobWaitParams",
    doc: crate::model::doc(
        "Parameters of `jobs.waitForCompletion` (beside `onProgress` and `signal`).",
    ),
    params: &[
        param(
            "intervalMs",
            In::Number(&INTERVAL),
            "Pause between polls in milliseconds, at least 10. Default 5000.",
        ),
        param(
            "timeoutMs",
            In::Number(&TIMEOUT),
            "Give up (code `TIMEOUT`) after this many milliseconds. Default 3600000 (an hour).",
        ),
        param(
            "expand",
            In::Expand,
            "Related objects to include in the result; `outputs` always is.",
        ),
    ],
};

/// Parameters of `jobs.downloadOutputs` (beside `onProgress` and `signal`).
pub static DOWNLOAD_OUTPUTS: Input = Input {
    name: "JobDownloadOutputsParams",
    doc: crate::model::doc(
        "Parameters of `jobs.downloadOutputs` (beside `onProgress` and `signal`).",
    ),
    params: &[
        param(
            "dir",
            In::Id,
            "The directory to write the files in (made if it is missing).",
        )
        .required(),
        param(
            "formats",
            In::List(&OUTPUT_TYPE),
            "Only the outputs of these formats, in any letter case. Default: every output.",
        ),
    ],
};
