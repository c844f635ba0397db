//! The jobs operations in plain Rust: validate the caller's params, build the
//! GraphQL request, and decode the answer into what the caller receives.

use serde::Serialize;

use crate::args;
use crate::error::Result;
use crate::graphql::{Operation, OperationKind};
use crate::ops::{self, PageVariables};
use crate::types::{metadata, ClipWindow, Job, JobOptions, OutputType};

use super::documents;
use super::params::{JobCreateMultiCamParams, JobCreateSingleCamParams, JobExpand, JobListParams};

/// Variables of `createSingleCamJob` and `createMultiCamJob`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct CreateJobVariables {
    take_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    number_of_actors: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    metadata: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    options: Option<JobOptions>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outputs: Option<Vec<OutputType>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rig: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    clip_window: Option<ClipWindow>,
}

/// `jobs.createSingleCam(params)` and `jobs.create(params)`.
pub fn create_single_cam(params_json: &str) -> Result<Operation> {
    let p: JobCreateSingleCamParams<JobExpand> = args::from_json(params_json, "params")?;
    args::require_id("params.takeId", &p.take_id)?;
    let expand = p.expand.unwrap_or_default();
    let variables = CreateJobVariables {
        take_id: p.take_id,
        number_of_actors: None,
        name: p.name,
        metadata: metadata::encode(p.metadata),
        options: p.options,
        outputs: args::output_types(p.outputs),
        rig: None,
        clip_window: args::clip_window("params.clipWindow", p.clip_window)?,
    };
    ops::one::<Job, _>(
        "createSingleCamJob",
        OperationKind::Mutation,
        &documents::create_single_cam_job(&expand),
        &variables,
        expand,
    )
}

/// `jobs.createMultiCam(params)`.
pub fn create_multi_cam(params_json: &str) -> Result<Operation> {
    let p: JobCreateMultiCamParams<JobExpand> = args::from_json(params_json, "params")?;
    args::require_id("params.takeId", &p.take_id)?;
    let number_of_actors = args::integer(
        "params.numberOfActors",
        Some(p.number_of_actors),
        1..=args::MAX_INT,
    )?;
    let expand = p.expand.unwrap_or_default();
    let variables = CreateJobVariables {
        take_id: p.take_id,
        number_of_actors,
        name: p.name,
        metadata: metadata::encode(p.metadata),
        options: p.options,
        outputs: args::output_types(p.outputs),
        rig: p.rig,
        clip_window: args::clip_window("params.clipWindow", p.clip_window)?,
    };
    ops::one::<Job, _>(
        "createMultiCamJob",
        OperationKind::Mutation,
        &documents::create_multi_cam_job(&expand),
        &variables,
        expand,
    )
}

/// `jobs.retrieve(id, params)`.
pub fn retrieve(id: &str, params_json: &str) -> Result<Operation> {
    ops::get::<Job>("getJob", "jobId", id, params_json)
}

/// `jobs.update(id, params)`.
pub fn update(id: &str, params_json: &str) -> Result<Operation> {
    ops::update::<Job>("updateJob", id, params_json)
}

/// `jobs.list(params)` (and each page of `jobs.iterate`).
pub fn list(params_json: &str) -> Result<Operation> {
    let p: JobListParams<JobExpand> = args::from_json(params_json, "params")?;
    args::optional_id("params.takeId", p.take_id.as_deref())?;
    let mut variables = PageVariables::new(p.limit, p.next_token, p.sort_by)?;
    variables.take_id = p.take_id;
    let expand = p.expand.unwrap_or_default();
    ops::page::<Job>(
        "listJobs",
        &documents::list_jobs(&expand),
        &variables,
        expand,
    )
}

#[cfg(test)]
mod tests;
