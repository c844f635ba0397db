//! The parameters of the jobs methods, as the caller passes them.
//!
//! Their TypeScript declarations are generated from these types; the method
//! signatures add `RequestOptions` (the `signal`). `E` is the caller's
//! `expand`, which narrows the result type (see `Expanded`).

use serde::Deserialize;
use serde_json::value::RawValue;
use tsify::Tsify;

use crate::enums::api_enum;
use crate::types::{ClipWindow, JobOptions, OutputType, SortDirection};

api_enum! {
    /// A related object to include in a returned job (any letter case).
    pub enum JobExpand {
        /// The owning client account.
        Client = "client",
        /// The take the job animates, with its sources.
        Take = "take",
        /// The output files, with their download URLs.
        Outputs = "outputs",
        /// The rig.
        Rig = "rig",
        /// What the job was started with.
        Inputs = "inputs",
    }
}

/// Parameters of `jobs.createSingleCam` (and `jobs.create`).
#[derive(Debug, Deserialize, Tsify)]
#[serde(
    rename_all = "camelCase",
    deny_unknown_fields,
    bound = "E: Deserialize<'de>"
)]
pub struct JobCreateSingleCamParams<E> {
    /// The take to animate.
    pub take_id: String,
    /// A name for the job.
    #[tsify(optional)]
    pub name: Option<String>,
    /// Your own data to store with the job: any JSON value.
    #[tsify(optional, type = "Metadata")]
    pub metadata: Option<Box<RawValue>>,
    /// Processing options.
    #[tsify(optional)]
    pub options: Option<JobOptions>,
    /// The outputs to produce, in any letter case; the API's default set if
    /// omitted or empty.
    #[tsify(optional, type = "Array<OutputType | Lowercase<OutputType>>")]
    pub outputs: Option<Vec<OutputType>>,
    /// The part of the take to process.
    #[tsify(optional)]
    pub clip_window: Option<ClipWindow>,
    /// Related objects to include in the result.
    #[tsify(optional)]
    pub expand: Option<Vec<E>>,
}

/// Parameters of `jobs.createMultiCam`.
#[derive(Debug, Deserialize, Tsify)]
#[serde(
    rename_all = "camelCase",
    deny_unknown_fields,
    bound = "E: Deserialize<'de>"
)]
pub struct JobCreateMultiCamParams<E> {
    /// The multi-camera take to animate.
    pub take_id: String,
    /// How many people the take shows, from 1.
    pub number_of_actors: f64,
    /// Processing options.
    #[tsify(optional)]
    pub options: Option<JobOptions>,
    /// The outputs to produce, in any letter case; the API's default set if
    /// omitted or empty.
    #[tsify(optional, type = "Array<OutputType | Lowercase<OutputType>>")]
    pub outputs: Option<Vec<OutputType>>,
    /// The rig to animate (see `rigs.list()`); the API's default rig if omitted.
    #[tsify(optional)]
    pub rig: Option<String>,
    /// A name for the job.
    #[tsify(optional)]
    pub name: Option<String>,
    /// Your own data to store with the job: any JSON value.
    #[tsify(optional, type = "Metadata")]
    pub metadata: Option<Box<RawValue>>,
    /// The part of the take to process.
    #[tsify(optional)]
    pub clip_window: Option<ClipWindow>,
    /// Related objects to include in the result.
    #[tsify(optional)]
    pub expand: Option<Vec<E>>,
}

/// Parameters of `jobs.list`.
#[derive(Debug, Deserialize, Tsify)]
#[serde(
    rename_all = "camelCase",
    deny_unknown_fields,
    bound = "E: Deserialize<'de>"
)]
pub struct JobListParams<E> {
    /// Page size, a positive integer. Default 10.
    #[tsify(optional)]
    pub limit: Option<f64>,
    /// The `nextToken` of the previous page; omit or `null` for the first page.
    #[tsify(optional, type = "string | null")]
    pub next_token: Option<String>,
    /// Order by creation time, in any letter case. Default `'DESC'` (newest first).
    #[tsify(optional, type = "SortDirection | Lowercase<SortDirection>")]
    pub sort_by: Option<SortDirection>,
    /// Only the jobs of this take.
    #[tsify(optional)]
    pub take_id: Option<String>,
    /// Related objects to include in each job.
    #[tsify(optional)]
    pub expand: Option<Vec<E>>,
}
