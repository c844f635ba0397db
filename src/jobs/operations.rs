//! The jobs operations in plain Rust: each described once (its field, answer,
//! params and variables), then the checks that involve several values.

use crate::error::Result;
use crate::graphql::{Operation, OperationKind::*};
use crate::input::value::Value;
use crate::input::Args;
use crate::model::api;
use crate::ops::{self, var, Op, PAGE_VARIABLES, UPDATE_VARIABLES};

use super::params;

/// `createSingleCamJob`.
pub static CREATE_SINGLE_CAM: Op = Op {
    answer: api::one("createSingleCamJob", &api::JOB),
    kind: Mutation,
    params: &params::CREATE_SINGLE_CAM,
    variables: &[
        var("takeId", "String!"),
        var("name", "String"),
        var("metadata", "AWSJSON"),
        var("options", "OptionsInput"),
        var("outputs", "[OutputType]"),
        var("clipWindow", "ClipWindowInput"),
    ],
    extra_expands: &[],
};

/// `createMultiCamJob`.
pub static CREATE_MULTI_CAM: Op = Op {
    answer: api::one("createMultiCamJob", &api::JOB),
    kind: Mutation,
    params: &params::CREATE_MULTI_CAM,
    variables: &[
        var("takeId", "String!"),
        var("numberOfActors", "Int!"),
        var("name", "String"),
        var("metadata", "AWSJSON"),
        var("options", "OptionsInput"),
        var("outputs", "[OutputType]"),
        var("rig", "String"),
        var("clipWindow", "ClipWindowInput"),
    ],
    extra_expands: &[],
};

/// `getJob`.
pub static GET: Op = Op {
    answer: api::one("getJob", &api::JOB),
    kind: Query,
    params: &ops::EXPAND_PARAMS,
    variables: &[var("jobId", "ID!")],
    extra_expands: &[],
};

/// `updateJob`.
pub static UPDATE: Op = Op {
    answer: api::one("updateJob", &api::JOB),
    kind: Mutation,
    params: &ops::UPDATE_PARAMS,
    variables: UPDATE_VARIABLES,
    extra_expands: &[],
};

/// `listJobs`.
pub static LIST: Op = Op {
    answer: api::page("listJobs", &api::JOB),
    kind: Query,
    params: &params::LIST,
    variables: &[
        PAGE_VARIABLES[0],
        PAGE_VARIABLES[1],
        PAGE_VARIABLES[2],
        var("takeId", "String"),
    ],
    extra_expands: &[],
};

/// Checks shared by both creates, then the operation.
fn create(op: &'static Op, args: Args) -> Result<Operation> {
    crate::args::clip_window("params.clipWindow", args.object("clipWindow"))?;
    let mut args = args;
    crate::args::dedupe(&mut args, "outputs");
    let expand = args.expand();
    Ok(op.build(&args, expand, 0))
}

/// `jobs.createSingleCam(params)` and `jobs.create(params)`.
pub fn create_single_cam<V: Value>(params: &V) -> Result<Operation> {
    create(&CREATE_SINGLE_CAM, CREATE_SINGLE_CAM.read(params, true)?)
}

/// `jobs.createMultiCam(params)`.
pub fn create_multi_cam<V: Value>(params: &V) -> Result<Operation> {
    create(&CREATE_MULTI_CAM, CREATE_MULTI_CAM.read(params, true)?)
}

/// `jobs.retrieve(id, params)`.
pub fn retrieve<V: Value>(id: &str, params: &V) -> Result<Operation> {
    ops::get(&GET, id, params)
}

/// `jobs.update(id, params)`.
pub fn update<V: Value>(id: &str, params: &V) -> Result<Operation> {
    ops::update(&UPDATE, id, params)
}

/// `jobs.list(params)` (and each page of `jobs.iterate`).
pub fn list<V: Value>(params: &V) -> Result<Operation> {
    ops::list(&LIST, params)
}

#[cfg(test)]
mod tests;
