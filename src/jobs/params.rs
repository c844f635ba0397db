//! The parameters of the jobs methods, as the caller passes them.
//!
//! Their TypeScript declarations are generated from these types; the method
//! signatures add `RequestOptions` (the `signal`).

use serde::{Deserialize, Serialize};
use tsify::Tsify;

use crate::types::{ClipWindow, JobOptions, SortDirection};

/// A related object to include in a returned job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "lowercase")]
pub enum JobExpand {
    /// The owning client account.
    Client,
    /// The take the job animates.
    Take,
    /// The output files, with their download URLs.
    Outputs,
    /// The rig.
    Rig,
    /// What the job was started with.
    Inputs,
}

/// Parameters of `jobs.createSingleCam` (and `jobs.create`).
#[derive(Debug, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JobCreateSingleCamParams {
    /// The take to animate.
    pub take_id: String,
    /// A name for the job.
    #[tsify(optional)]
    pub name: Option<String>,
    /// Your own data to store with the job.
    #[tsify(optional, type = "Metadata")]
    pub metadata: Option<Box<serde_json::value::RawValue>>,
    /// Processing options.
    #[tsify(optional)]
    pub options: Option<JobOptions>,
    /// The outputs to produce, in any letter case; the API's default set if omitted.
    #[tsify(optional, type = "Array<OutputType | Lowercase<OutputType>>")]
    pub outputs: Option<Vec<String>>,
    /// The part of the take to process.
    #[tsify(optional)]
    pub clip_window: Option<ClipWindow>,
    /// Related objects to include in the result.
    #[tsify(optional)]
    pub expand: Option<Vec<JobExpand>>,
}

/// Parameters of `jobs.createMultiCam`.
#[derive(Debug, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JobCreateMultiCamParams {
    /// The multi-camera take to animate.
    pub take_id: String,
    /// How many people the take shows (at least 1).
    pub number_of_actors: u32,
    /// Processing options.
    #[tsify(optional)]
    pub options: Option<JobOptions>,
    /// The outputs to produce, in any letter case; the API's default set if omitted.
    #[tsify(optional, type = "Array<OutputType | Lowercase<OutputType>>")]
    pub outputs: Option<Vec<String>>,
    /// The rig to animate; the default rig if omitted.
    #[tsify(optional)]
    pub rig: Option<String>,
    /// A name for the job.
    #[tsify(optional)]
    pub name: Option<String>,
    /// Your own data to store with the job.
    #[tsify(optional, type = "Metadata")]
    pub metadata: Option<Box<serde_json::value::RawValue>>,
    /// The part of the take to process.
    #[tsify(optional)]
    pub clip_window: Option<ClipWindow>,
    /// Related objects to include in the result.
    #[tsify(optional)]
    pub expand: Option<Vec<JobExpand>>,
}

/// Parameters of `jobs.list`.
#[derive(Debug, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JobListParams {
    /// Page size, from 1 to 1000. Default 10.
    #[tsify(optional)]
    pub limit: Option<u32>,
    /// The `nextToken` of the previous page; omit or `null` for the first page.
    #[tsify(optional, type = "string | null")]
    pub next_token: Option<String>,
    /// Order by creation time. Default `'DESC'` (newest first).
    #[tsify(optional)]
    pub sort_by: Option<SortDirection>,
    /// Only the jobs of this take.
    #[tsify(optional)]
    pub take_id: Option<String>,
    /// Related objects to include in each job.
    #[tsify(optional)]
    pub expand: Option<Vec<JobExpand>>,
}
