//! The jobs operations in plain Rust: validate the caller's params, build the
//! GraphQL request, and decode the answer into what the caller receives.

use serde::{Deserialize, Serialize};

use crate::args;
use crate::error::{Error, Result};
use crate::graphql::{decode_data, Field, Operation, OperationKind};
use crate::types::{metadata, ClipWindow, Job, JobOptions, OutputType, Page, SortDirection};

use super::documents::{self, JobExpandSet};
use super::params::{
    JobCreateMultiCamParams, JobCreateSingleCamParams, JobExpand, JobListParams,
    JobRetrieveParams, JobUpdateParams,
};

/// Variables of `createSingleCamJob` and `createMultiCamJob`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct CreateJobVariables {
    take_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    number_of_actors: Option<u32>,
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
    let p: JobCreateSingleCamParams = args::from_json(params_json, "params")?;
    args::require_id("params.takeId", &p.take_id)?;
    let expand = expand_set(p.expand);
    let variables = CreateJobVariables {
        take_id: p.take_id,
        number_of_actors: None,
        name: p.name,
        metadata: metadata::encode(p.metadata, "params.metadata")?,
        options: p.options,
        outputs: args::output_types("params.outputs", p.outputs)?,
        rig: None,
        clip_window: args::clip_window("params.clipWindow", p.clip_window)?,
    };
    job_operation(
        "createSingleCamJob",
        OperationKind::Mutation,
        &documents::create_single_cam_job(expand),
        &variables,
        expand,
    )
}

/// `jobs.createMultiCam(params)`.
pub fn create_multi_cam(params_json: &str) -> Result<Operation> {
    let p: JobCreateMultiCamParams = args::from_json(params_json, "params")?;
    args::require_id("params.takeId", &p.take_id)?;
    if p.number_of_actors == 0 {
        return Err(Error::invalid_argument("params.numberOfActors", "must be at least 1"));
    }
    if i32::try_from(p.number_of_actors).is_err() {
        return Err(Error::invalid_argument("params.numberOfActors", "is too large"));
    }
    args::optional_id("params.rig", p.rig.as_deref())?;
    let expand = expand_set(p.expand);
    let variables = CreateJobVariables {
        take_id: p.take_id,
        number_of_actors: Some(p.number_of_actors),
        name: p.name,
        metadata: metadata::encode(p.metadata, "params.metadata")?,
        options: p.options,
        outputs: args::output_types("params.outputs", p.outputs)?,
        rig: p.rig,
        clip_window: args::clip_window("params.clipWindow", p.clip_window)?,
    };
    job_operation(
        "createMultiCamJob",
        OperationKind::Mutation,
        &documents::create_multi_cam_job(expand),
        &variables,
        expand,
    )
}

/// `jobs.retrieve(id, params)`.
pub fn retrieve(id: &str, params_json: &str) -> Result<Operation> {
    args::require_id("id", id)?;
    let p: JobRetrieveParams = args::from_json(params_json, "params")?;
    let expand = expand_set(p.expand);
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Variables<'a> {
        job_id: &'a str,
    }
    job_operation(
        "getJob",
        OperationKind::Query,
        &documents::get_job(expand),
        &Variables { job_id: id },
        expand,
    )
}

/// `jobs.update(id, params)`.
pub fn update(id: &str, params_json: &str) -> Result<Operation> {
    args::require_id("id", id)?;
    let p: JobUpdateParams = args::from_json(params_json, "params")?;
    if p.name.is_none() && p.metadata.is_none() {
        return Err(Error::invalid_argument("params", "give name or metadata (or both) to update"));
    }
    let expand = expand_set(p.expand);
    #[derive(Serialize)]
    struct Variables<'a> {
        id: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        metadata: Option<String>,
    }
    let variables = Variables {
        id,
        name: p.name,
        metadata: metadata::encode(p.metadata, "params.metadata")?,
    };
    job_operation(
        "updateJob",
        OperationKind::Mutation,
        &documents::update_job(expand),
        &variables,
        expand,
    )
}

/// `jobs.list(params)`.
pub fn list(params_json: &str) -> Result<Operation> {
    let p: JobListParams = args::from_json(params_json, "params")?;
    let limit = args::page_limit("params.limit", p.limit)?;
    args::optional_id("params.takeId", p.take_id.as_deref())?;
    if p.next_token.as_deref() == Some("") {
        return Err(Error::invalid_argument("params.nextToken", "must not be empty (use null for the first page)"));
    }
    let expand = expand_set(p.expand);
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Variables {
        first: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        after: Option<String>,
        sort_direction: SortDirection,
        #[serde(skip_serializing_if = "Option::is_none")]
        take_id: Option<String>,
    }
    let variables = Variables {
        first: limit,
        after: p.next_token,
        sort_direction: p.sort_by.unwrap_or_default(),
        take_id: p.take_id,
    };
    Operation::new(
        "listJobs",
        OperationKind::Query,
        &documents::list_jobs(expand),
        &variables,
        Box::new(move |data| {
            let Field(page) = decode_data::<Field<Option<JobsPage>>>("listJobs", data)?;
            let page = page.ok_or_else(|| Error::invalid_response("listJobs: the page is null"))?;
            let items = page.items.unwrap_or_default().into_iter().flatten().collect::<Vec<Job>>();
            for (i, job) in items.iter().enumerate() {
                check_expanded(&format!("listJobs.items[{i}]"), job, expand)?;
            }
            let limit = page.first.and_then(|n| u32::try_from(n).ok()).unwrap_or(limit);
            to_json(&Page { items, limit, next_token: page.after })
        }),
    )
}

/// The answer of `listJobs`.
#[derive(Deserialize)]
struct JobsPage {
    first: Option<i32>,
    after: Option<String>,
    items: Option<Vec<Option<Job>>>,
}

fn expand_set(expand: Option<Vec<JobExpand>>) -> JobExpandSet {
    JobExpandSet::of(expand.as_deref().unwrap_or_default())
}

/// An operation whose answer is one job.
fn job_operation<V: Serialize>(
    name: &'static str,
    kind: OperationKind,
    document: &str,
    variables: &V,
    expand: JobExpandSet,
) -> Result<Operation> {
    Operation::new(
        name,
        kind,
        document,
        variables,
        Box::new(move |data| {
            let Field(job) = decode_data::<Field<Job>>(name, data)?;
            check_expanded(name, &job, expand)?;
            to_json(&job)
        }),
    )
}

/// An expand that was asked for must be in the answer (as a value or `null`).
fn check_expanded(at: &str, job: &Job, expand: JobExpandSet) -> Result<()> {
    let missing = [
        ("client", expand.client && job.client.is_none()),
        ("take", expand.take && job.take.is_none()),
        ("outputs", expand.outputs && job.outputs.is_none()),
        ("rig", expand.rig && job.rig.is_none()),
        ("inputs", expand.inputs && job.inputs.is_none()),
    ];
    match missing.iter().find(|(_, m)| *m) {
        Some((field, _)) => Err(Error::invalid_response(format!(
            "{at}.{field}: missing although it was expanded"
        ))),
        None => Ok(()),
    }
}

fn to_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::invalid_response(e))
}

#[cfg(test)]
mod tests;
