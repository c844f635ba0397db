//! The jobs operations in plain Rust: each described once (its field, answer,
//! params and variables), then the checks that involve several values.

use crate::error::Result;
use crate::graphql::Operation;
use crate::input::value::Value;
use crate::input::Args;
use crate::model::api;
use crate::ops::{self, var, Op, PAGE_VARIABLES};

use super::params;

/// `createSingleCamJob`.
pub static CREATE_SINGLE_CAM: Op = Op::mutation(
    api::one("createSingleCamJob", &api::JOB),
    &params::CREATE_SINGLE_CAM,
    &[
        var("takeId", "String!"),
        var("name", "String"),
        var("metadata", "AWSJSON"),
        var("options", "OptionsInput"),
        var("outputs", "[OutputType]"),
        var("clipWindow", "ClipWindowInput"),
    ],
);

/// `createMultiCamJob`.
pub static CREATE_MULTI_CAM: Op = Op::mutation(
    api::one("createMultiCamJob", &api::JOB),
    &params::CREATE_MULTI_CAM,
    &[
        var("takeId", "String!"),
        var("numberOfActors", "Int!"),
        var("name", "String"),
        var("metadata", "AWSJSON"),
        var("options", "OptionsInput"),
        var("outputs", "[OutputType]"),
        var("rig", "String"),
        var("clipWindow", "ClipWindowInput"),
    ],
);

/// `getJob`.
pub static GET: Op = Op::get(api::one("getJob", &api::JOB), &[var("jobId", "ID!")]);

/// `updateJob`.
pub static UPDATE: Op = Op::update(api::one("updateJob", &api::JOB));

/// `listJobs`.
pub static LIST: Op = Op::query(
    api::page("listJobs", &api::JOB),
    &params::LIST,
    &[
        PAGE_VARIABLES[0],
        PAGE_VARIABLES[1],
        PAGE_VARIABLES[2],
        var("takeId", "String"),
    ],
);

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
