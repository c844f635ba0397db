//! The parameters of the volumes methods, described once.

use crate::input::{param, In, Input, Range};
use crate::model::api;
use crate::ops::{EXPAND, METADATA};
use crate::takes::params::{SOURCES, SYNC_METHOD};

/// Human heights accepted, in metres: catches centimetres and feet.
static HUMAN_HEIGHT: Range = Range {
    min: 0.5,
    max: 2.75,
    expected: "the person's height in metres from 0.5 to 2.75",
};

/// Parameters of `volumes.createHumanVolume`.
pub static CREATE_HUMAN: Input = Input {
    name: "VolumeCreateHumanParams",
    doc: crate::model::doc("Parameters of `volumes.createHumanVolume`."),
    params: &[
        SOURCES,
        param(
            "humanHeight",
            In::Number(&HUMAN_HEIGHT),
            "The person's height in metres (from 0.5 to 2.75: centimetres are refused).",
        )
        .required(),
        param(
            "areaType",
            In::Enum(&api::AREA_TYPE),
            "`'NORMAL'` for an area under about 20 m², else `'LARGE'` (any letter case).",
        )
        .required(),
        param(
            "syncMethod",
            In::Object(&SYNC_METHOD),
            "How the videos are synchronised; omitted if they already are.",
        ),
        param(
            "clipWindow",
            In::Object(&crate::jobs::params::CLIP_WINDOW),
            "The part of the videos to use.",
        )
        .ts("ClipWindow"),
        param("name", In::String, "A name for the volume."),
        METADATA,
        EXPAND,
    ],
};
