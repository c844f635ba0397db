//! Every operation and params type of the SDK, listed once: what the
//! TypeScript declarations are generated from, and what the schema test
//! checks (`cargo run --bin declarations`).

use crate::input::Input;
#[cfg(not(target_arch = "wasm32"))]
use crate::model::{api, typescript};
use crate::ops::Op;
use crate::{account, files, jobs, ops, options, takes, volumes};

/// Every operation.
pub static OPS: &[&Op] = &[
    &jobs::operations::CREATE_SINGLE_CAM,
    &jobs::operations::CREATE_MULTI_CAM,
    &jobs::operations::GET,
    &jobs::operations::UPDATE,
    &jobs::operations::LIST,
    &takes::operations::CREATE_SINGLE_CAM,
    &takes::operations::CREATE_MULTI_CAM,
    &takes::operations::GET,
    &takes::operations::UPDATE,
    &takes::operations::LIST,
    &volumes::operations::CREATE_HUMAN,
    &volumes::operations::GET,
    &volumes::operations::LIST,
    &files::operations::CREATE,
    &files::operations::GET,
    &files::operations::UPDATE,
    &files::operations::SHARE_CODE,
    &account::operations::CLIENT,
    &account::operations::UPDATE_CLIENT,
    &account::operations::UPSERT_WEBHOOK,
    &account::operations::LIST_RIGS,
    &account::operations::LIST_CAMERA_SETTINGS,
];

/// Every params type the package declares (objects used only inside others,
/// such as a clip window, are declared as the model they mirror).
pub static INPUTS: &[&Input] = &[
    &options::OPTIONS,
    &ops::EXPAND_PARAMS,
    &ops::UPDATE_PARAMS,
    &ops::LIST_PARAMS,
    &jobs::params::CREATE_SINGLE_CAM,
    &jobs::params::CREATE_MULTI_CAM,
    &jobs::params::LIST,
    &jobs::params::WAIT,
    &jobs::params::DOWNLOAD_OUTPUTS,
    &jobs::params::JOB_OPTIONS,
    &takes::params::SOURCE,
    &takes::params::SYNC_METHOD,
    &takes::params::TIMECODE_SYNC,
    &takes::params::CREATE_SINGLE_CAM,
    &takes::params::CREATE_MULTI_CAM,
    &volumes::params::CREATE_HUMAN,
    &files::params::CREATE,
    &files::params::UPLOAD,
    &account::operations::CLIENT_UPDATE_PARAMS,
    &account::operations::WEBHOOK_UPSERT_PARAMS,
];

/// The expand types: their name, the operation whose expands they are, and
/// what they are.
pub static EXPANDS: &[(&str, &Op, &str)] = &[
    (
        "JobExpand",
        &jobs::operations::GET,
        "A related object to include in a returned job (any letter case).",
    ),
    (
        "TakeExpand",
        &takes::operations::GET,
        "A related object to include in a returned take (any letter case).",
    ),
    (
        "VolumeExpand",
        &volumes::operations::GET,
        "A related object to include in a returned volume (any letter case).",
    ),
    (
        "FileExpand",
        &files::operations::GET,
        "A related object to include in a returned file (any letter case).",
    ),
];

/// The package's generated declarations: enums, models, expands, params.
#[cfg(not(target_arch = "wasm32"))]
pub fn declarations() -> String {
    let mut out = typescript::declarations(api::MODELS, api::ENUMS);
    for (name, op, doc) in EXPANDS {
        typescript::declare_expand(name, doc, &op.expands(), &mut out);
    }
    for input in INPUTS {
        typescript::declare_input(input, &mut out);
    }
    out
}

/// Every document an operation can send: with no expands and with all of them.
pub fn documents() -> Vec<String> {
    OPS.iter()
        .flat_map(|op| [op.document(&[]), op.document(&op.expands())])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn every_declared_name_is_declared_once() {
        let ts = declarations();
        let mut names: Vec<&str> = ts
            .lines()
            .filter_map(|l| {
                l.strip_prefix("export interface ")
                    .or_else(|| l.strip_prefix("export type "))
            })
            .filter_map(|l| l.split([' ', '<']).next())
            .collect();
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count, "a name declared twice");
        for wanted in [
            "Job",
            "JobCreateSingleCamParams",
            "JobExpand",
            "OutputType",
            "MoveUgcOptions",
        ] {
            assert!(names.contains(&wanted), "{wanted}");
        }
    }

    #[test]
    fn every_operation_has_a_document_per_expand_set() {
        let docs = documents();
        assert_eq!(docs.len(), OPS.len() * 2);
        assert!(docs
            .iter()
            .all(|d| d.starts_with("query ") || d.starts_with("mutation ")));
    }
}
