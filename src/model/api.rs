//! Every object and enum the API answers with, described once (see [`super`]).
//! Field order is selection order; docs are the TypeScript JSDoc.

use super::{doc, field, Answer, Enum, Field, Model, Root, Type};
use Type::{Boolean, Float, Int, Json, Object, String};

/// `metadata`, the same on every object that has it.
const METADATA: Field = field(
    "metadata",
    Json,
    "Your own data stored with it: any JSON value.",
)
.nullable()
.ts("JsonValue");

/// `created`, the same on every object that has it.
const fn created(nullable: bool) -> Field {
    let f = field(
        "created",
        String,
        "When it was created (ISO 8601, as the API sends it).",
    );
    if nullable {
        f.nullable()
    } else {
        f
    }
}

/// A job's or a volume's `state` (and `progress.state`).
const fn state(doc: &'static str) -> Field {
    field("state", String, doc).nullable().ts("JobState")
}

/// An output a job can produce.
pub static OUTPUT_TYPE: Enum = Enum {
    name: "OutputType",
    doc: doc("An output a job can produce (any letter case on the way in)."),
    values: &[
        ("MAIN_BLEND", doc("The main animation as `.blend`.")),
        ("MAIN_FBX", doc("The main animation as `.fbx`.")),
        ("MAIN_GLB", doc("The main animation as `.glb`.")),
        ("MAIN_USDC", doc("The main animation as `.usdc`.")),
        ("MAIN_USDZ", doc("The main animation as `.usdz`.")),
        ("ALL_BLEND", doc("Every animation as `.blend`.")),
        ("ALL_BVH", doc("Every animation as `.bvh`.")),
        ("ALL_C3D", doc("Every animation as `.c3d`.")),
        ("ALL_FBX", doc("Every animation as `.fbx`.")),
        ("ALL_GLB", doc("Every animation as `.glb`.")),
        ("ALL_USDC", doc("Every animation as `.usdc`.")),
        ("ALL_USDZ", doc("Every animation as `.usdz`.")),
        ("MOTION_DATA", doc("Raw motion data.")),
        (
            "RENDER_OVERLAY_VIDEO",
            "The video with the animation drawn over it.",
        ),
        ("RENDER_VIDEO", doc("A rendered video of the animation.")),
        (
            "SYNC_DATA",
            doc("Synchronisation data of a multi-camera take."),
        ),
    ],
};

/// The motion-capture model.
pub static MOCAP_MODEL: Enum = Enum {
    name: "MocapModel",
    doc: doc("The motion-capture model (any letter case on the way in)."),
    values: &[
        ("M1", doc("Model M1.")),
        ("M2", doc("Model M2.")),
        ("S1", doc("Model S1.")),
        ("S2", doc("Model S2.")),
    ],
};

/// The format of a source file.
pub static SOURCE_FORMAT: Enum = Enum {
    name: "SourceFormat",
    doc: doc(
        "The format of a source video (any letter case on the way in). `MOVE` files come \
          from Move's phone app and carry depth and sensor data.",
    ),
    values: &[
        ("MP4", doc("`.mp4`")),
        ("MOV", doc("`.mov`")),
        ("MOVE", doc("`.move`")),
        ("AVI", doc("`.avi`")),
    ],
};

/// Whether a take is of one camera or several.
pub static TAKE_TYPE: Enum = Enum {
    name: "TakeType",
    doc: doc("Whether a take is of one camera or several."),
    values: &[
        (
            "SINGLE_CAM",
            doc("One camera (possibly with its `.move` file)."),
        ),
        (
            "MULTI_CAM",
            doc("Several cameras calibrated with a volume."),
        ),
    ],
};

/// The size of a capture area.
pub static AREA_TYPE: Enum = Enum {
    name: "AreaType",
    doc: doc("The size of a capture area (any letter case on the way in)."),
    values: &[
        ("NORMAL", doc("Under about 20 m².")),
        ("LARGE", doc("About 20 m² or more.")),
    ],
};

/// The order of a list.
pub static SORT_DIRECTION: Enum = Enum {
    name: "SortDirection",
    doc: doc("The order of a list, by creation time (any letter case on the way in)."),
    values: &[
        ("DESC", doc("Newest first (the default).")),
        ("ASC", doc("Oldest first.")),
    ],
};

/// Every enum, for the TypeScript declarations.
pub static ENUMS: &[&Enum] = &[
    &OUTPUT_TYPE,
    &MOCAP_MODEL,
    &SOURCE_FORMAT,
    &TAKE_TYPE,
    &AREA_TYPE,
    &SORT_DIRECTION,
];

/// `Client`.
pub static CLIENT: Model = Model {
    name: "Client",
    doc: doc("The account an API key belongs to."),
    fields: &[
        field("id", String, "Unique identifier of the client."),
        field("name", String, "Name of the client."),
        created(false),
        METADATA,
        field("portal", String, "URL of the client's portal.").nullable(),
    ],
};

/// `WebhookEndpoint`.
pub static WEBHOOK_ENDPOINT: Model = Model {
    name: "WebhookEndpoint",
    doc: doc("An endpoint that Move calls when your jobs change state."),
    fields: &[
        field("uid", String, "Your identifier of the endpoint."),
        field("url", String, "The URL Move calls."),
        field("events", String, "The events sent to it.").nullable_list(),
        field("description", String, "What it is for.").nullable(),
        METADATA,
        field(
            "secret",
            String,
            "The secret that signs the calls (`whsec_…`).",
        )
        .nullable(),
    ],
};

/// `File`.
pub static FILE: Model = Model {
    name: "File",
    doc: doc("A file stored by the API: an uploaded video or a job output."),
    fields: &[
        field("id", String, "Unique identifier of the file."),
        created(true),
        field(
            "type",
            String,
            "Type (extension) of the file, e.g. `mp4` or `fbx`.",
        ),
        METADATA,
        field("name", String, "Name of the file.").nullable(),
        field(
            "presignedUrl",
            String,
            "Upload URL right after `create`, download URL afterwards.",
        )
        .nullable(),
        field(
            "thumbnailUrl",
            String,
            "URL of a thumbnail, if there is one.",
        )
        .nullable(),
        field(
            "client",
            Object(&CLIENT),
            "The owning client account. Present when `expand` has `'client'`.",
        )
        .nullable()
        .expand("client"),
    ],
};

/// `AdditionalFile` as an output of a job or a volume.
pub static OUTPUT: Model = Model {
    name: "AdditionalFile",
    doc: doc("An output of a job (or a volume)."),
    fields: &[
        field("format", String, "Which output it is.")
            .nullable()
            .ts("OutputType"),
        field("file", Object(&FILE), "The file itself."),
    ],
};

/// `AdditionalFile` as an extra file of a take.
pub static TAKE_FILE: Model = Model {
    name: "TakeFile",
    doc: doc("An extra file stored with a take."),
    fields: &[
        field("format", String, "What the file is, as the API names it.").nullable(),
        field("file", Object(&FILE), "The file itself."),
    ],
};

/// `ShareCode`.
pub static SHARE_CODE: Model = Model {
    name: "ShareCode",
    doc: doc("A code that shares a file (typically a job output) with other people."),
    fields: &[
        field("code", String, "The code."),
        created(true),
        field("expires", String, "When the code expires (ISO 8601).").nullable(),
        field(
            "url",
            String,
            "A URL that downloads the file with the code.",
        )
        .nullable(),
        field("file", Object(&FILE_ID), "The file the code shares.").nullable(),
    ],
};

/// A file named by its id alone.
pub static FILE_ID: Model = Model {
    name: "FileId",
    doc: doc("A file named by its id alone."),
    fields: &[field("id", String, "Unique identifier of the file.")],
};

/// `ClipWindow`.
pub static CLIP_WINDOW: Model = Model {
    name: "ClipWindow",
    doc: doc("The part of a take to process, in seconds: `0 <= startTime < endTime`."),
    fields: &[
        field("startTime", Float, "Start of the window, in seconds."),
        field("endTime", Float, "End of the window, in seconds."),
    ],
};

/// `JobProgress` (also a volume's progress).
pub static PROGRESS: Model = Model {
    name: "JobProgress",
    doc: doc("How far a job (or a volume) has come."),
    fields: &[
        state(
            "`NOT STARTED` (or `NOT_STARTED`), `STARTED`, `RUNNING`, `FINISHED`, `FAILED` \
             or `CANCELLED`.",
        ),
        field("percentageComplete", Int, "From 0 to 100.").nullable(),
    ],
};

/// `Rig` as a job reports it.
pub static RIG: Model = Model {
    name: "Rig",
    doc: doc("A rig: the skeleton an animation drives."),
    fields: &[field("name", String, "Name of the rig.")],
};

/// `CameraSettings`.
pub static CAMERA_SETTINGS: Model = Model {
    name: "CameraSettings",
    doc: doc("Settings of the camera that recorded a source."),
    fields: &[field(
        "lens",
        String,
        "The lens, as named by `ugc.cameraSettings.list()`.",
    )],
};

/// The options a job ran with.
pub static APPLIED_JOB_OPTIONS: Model = Model {
    name: "AppliedJobOptions",
    doc: doc("The options a job ran with, as the API reports them."),
    fields: &[
        field("floorPlane", Boolean, "Fit a floor plane.").nullable(),
        field(
            "mocapModel",
            Type::Enum(&MOCAP_MODEL),
            "The motion-capture model.",
        )
        .nullable(),
        field("trackBall", Boolean, "Track a ball.").nullable(),
        field("trackFingers", Boolean, "Track fingers.").nullable(),
        field("trackJerseyNumbers", Boolean, "Track jersey numbers.").nullable(),
    ],
};

/// `JobInputs`.
pub static JOB_INPUTS: Model = Model {
    name: "JobInputs",
    doc: doc("What a job was started with."),
    fields: &[
        field(
            "clipWindow",
            Object(&CLIP_WINDOW),
            "The part of the take that was processed.",
        )
        .nullable(),
        field("numberOfActors", Int, "Number of actors in the take.").nullable(),
        field(
            "options",
            Object(&APPLIED_JOB_OPTIONS),
            "The options the job ran with.",
        )
        .nullable(),
    ],
};

/// `Source`.
pub static SOURCE: Model = Model {
    name: "Source",
    doc: doc("One file of a take or a volume, and the camera that recorded it."),
    fields: &[
        field("deviceLabel", String, "The camera's label."),
        field("format", Type::Enum(&SOURCE_FORMAT), "The file's format.").nullable(),
        field(
            "cameraSettings",
            Object(&CAMERA_SETTINGS),
            "The camera's settings (multi-camera sources).",
        )
        .nullable(),
        field("file", Object(&FILE), "The file.").nullable(),
    ],
};

/// `TimecodeSyncSetting`.
pub static TIMECODE_SYNC: Model = Model {
    name: "TimecodeSyncSetting",
    doc: doc("Timecode synchronisation, as the API reports it."),
    fields: &[field(
        "useTimecode",
        Boolean,
        "Whether the videos' timecode is used.",
    )],
};

/// `SyncMethod`.
pub static SYNC_METHOD: Model = Model {
    name: "SyncMethod",
    doc: doc("How the videos of a multi-camera take are synchronised."),
    fields: &[
        field(
            "clapWindow",
            Object(&CLIP_WINDOW),
            "The window, in seconds, in which everyone clapped.",
        )
        .nullable(),
        field(
            "timecodeSync",
            Object(&TIMECODE_SYNC),
            "Synchronised by the videos' timecode.",
        )
        .nullable(),
    ],
};

/// `HumanVolume`, the one member of the `Volume` union so far.
pub static HUMAN_VOLUME: Model = Model {
    name: "HumanVolume",
    doc: doc("A calibration volume for multi-camera takes, made from a person of known height."),
    fields: &[
        field(
            "__typename",
            Type::Literal("HumanVolume"),
            "The kind of volume.",
        ),
        field("id", String, "Unique identifier of the volume."),
        created(false),
        field("name", String, "Name of the volume.").nullable(),
        METADATA,
        field(
            "areaType",
            Type::Enum(&AREA_TYPE),
            "The size of the capture area.",
        )
        .nullable(),
        field("humanHeight", Float, "Height of the person, in metres.").nullable(),
        state("Deprecated by the API in favour of `progress.state`."),
        field(
            "progress",
            Object(&PROGRESS),
            "How far the calibration has come.",
        )
        .nullable(),
        field(
            "clipWindow",
            Object(&CLIP_WINDOW),
            "The part of the videos used.",
        )
        .nullable(),
        field(
            "client",
            Object(&CLIENT),
            "The owning client account. Present when `expand` has `'client'`.",
        )
        .expand("client"),
        field(
            "sources",
            Object(&SOURCE),
            "The videos of the volume. Present when `expand` has `'sources'`.",
        )
        .list()
        .expand("sources"),
        field(
            "outputs",
            Object(&OUTPUT),
            "The calibration's output files. Present when `expand` has `'outputs'`.",
        )
        .list()
        .expand("outputs"),
    ],
};

/// `Take`.
pub static TAKE: Model = Model {
    name: "Take",
    doc: doc("A take: the videos a job animates."),
    fields: &[
        field("id", String, "Unique identifier of the take."),
        created(false),
        field("name", String, "Name of the take.").nullable(),
        METADATA,
        field(
            "takeType",
            Type::Enum(&TAKE_TYPE),
            "`SINGLE_CAM` or `MULTI_CAM`.",
        )
        .nullable(),
        field(
            "syncMethod",
            Object(&SYNC_METHOD),
            "How the videos of a multi-camera take are synchronised.",
        )
        .nullable(),
        field(
            "videoFile",
            Object(&FILE),
            "The take's (first) video file; `sources` lists every file.",
        )
        .nullable(),
        field(
            "additionalFiles",
            Object(&TAKE_FILE),
            "Extra files stored with the take.",
        )
        .list(),
        field(
            "client",
            Object(&CLIENT),
            "The owning client account. Present when `expand` has `'client'`.",
        )
        .expand("client"),
        field(
            "sources",
            Object(&SOURCE),
            "The videos of the take. Present when `expand` has `'sources'` (and in a job's \
             `take`).",
        )
        .list()
        .expand("sources"),
        field(
            "volume",
            Object(&HUMAN_VOLUME),
            "The volume of a multi-camera take. Present when `expand` has `'volume'`.",
        )
        .nullable()
        .union_member()
        .expand("volume"),
    ],
};

/// `Job`.
pub static JOB: Model = Model {
    name: "Job",
    doc: doc("An animation job on a take."),
    fields: &[
        field("id", String, "Unique identifier of the job."),
        created(true),
        METADATA,
        state("Deprecated by the API in favour of `progress.state` (and it can lag behind it)."),
        field("name", String, "Name of the job.").nullable(),
        field("progress", Object(&PROGRESS), "How far the job has come.").nullable(),
        field(
            "client",
            Object(&CLIENT),
            "The owner of the job. Present when `expand` has `'client'`.",
        )
        .expand("client"),
        field(
            "take",
            Object(&TAKE),
            "The take the job animates, with its sources. Present when `expand` has `'take'`.",
        )
        .nullable()
        .expand("take")
        .with(&["sources"]),
        field(
            "outputs",
            Object(&OUTPUT),
            "The job's output files. Present when `expand` has `'outputs'`.",
        )
        .list()
        .expand("outputs"),
        field(
            "rig",
            Object(&RIG),
            "The rig used. Present when `expand` has `'rig'`.",
        )
        .nullable()
        .expand("rig"),
        field(
            "inputs",
            Object(&JOB_INPUTS),
            "What the job was started with. Present when `expand` has `'inputs'`.",
        )
        .nullable()
        .expand("inputs"),
    ],
};

/// Every model, in the order the TypeScript declarations list them.
pub static MODELS: &[&Model] = &[
    &JOB,
    &PROGRESS,
    &JOB_INPUTS,
    &APPLIED_JOB_OPTIONS,
    &CLIP_WINDOW,
    &RIG,
    &OUTPUT,
    &TAKE,
    &TAKE_FILE,
    &SYNC_METHOD,
    &TIMECODE_SYNC,
    &SOURCE,
    &CAMERA_SETTINGS,
    &HUMAN_VOLUME,
    &FILE,
    &FILE_ID,
    &SHARE_CODE,
    &CLIENT,
    &WEBHOOK_ENDPOINT,
];

/// An answer of one object.
pub const fn one(field: &'static str, model: &'static Model) -> Answer {
    Answer {
        field,
        model,
        root: Root::One,
        union_member: false,
    }
}

/// An answer of one page of objects.
pub const fn page(field: &'static str, model: &'static Model) -> Answer {
    Answer {
        field,
        model,
        root: Root::Page,
        union_member: false,
    }
}

/// An answer of an unpaged list of objects.
pub const fn items(field: &'static str, model: &'static Model) -> Answer {
    Answer {
        field,
        model,
        root: Root::Items,
        union_member: false,
    }
}
