//! The GraphQL documents of the jobs service. The selection grows with what
//! `expand` asks for; values always travel as variables.

use crate::types::{AdditionalFile, Client, Take};

use super::params::JobExpand;

/// Which expands were asked for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JobExpandSet {
    /// `client`
    pub client: bool,
    /// `take`
    pub take: bool,
    /// `outputs`
    pub outputs: bool,
    /// `rig`
    pub rig: bool,
    /// `inputs`
    pub inputs: bool,
}

impl JobExpandSet {
    /// The set of a caller's `expand` list (duplicates are harmless).
    pub fn of(expand: &[JobExpand]) -> Self {
        let mut set = JobExpandSet::default();
        for e in expand {
            match e {
                JobExpand::Client => set.client = true,
                JobExpand::Take => set.take = true,
                JobExpand::Outputs => set.outputs = true,
                JobExpand::Rig => set.rig = true,
                JobExpand::Inputs => set.inputs = true,
            }
        }
        set
    }
}

/// The fields of a job, with its expands.
pub fn job_selection(expand: JobExpandSet) -> String {
    let mut s = String::from("id created metadata state name progress { state percentageComplete }");
    if expand.client {
        s.push_str(&format!(" client {{ {} }}", Client::SELECTION));
    }
    if expand.take {
        s.push_str(&format!(" take {{ {} }}", Take::SELECTION));
    }
    if expand.outputs {
        s.push_str(&format!(" outputs {{ {} }}", AdditionalFile::selection()));
    }
    if expand.rig {
        s.push_str(" rig { name }");
    }
    if expand.inputs {
        s.push_str(
            " inputs { clipWindow { startTime endTime } numberOfActors \
             options { floorPlane mocapModel trackBall trackFingers trackJerseyNumbers } }",
        );
    }
    s
}

/// `getJob`.
pub fn get_job(expand: JobExpandSet) -> String {
    format!(
        "query getJob($jobId: ID!) {{ getJob(jobId: $jobId) {{ {} }} }}",
        job_selection(expand)
    )
}

/// `createSingleCamJob`.
pub fn create_single_cam_job(expand: JobExpandSet) -> String {
    format!(
        "mutation createSingleCamJob($takeId: String!, $name: String, $metadata: AWSJSON, \
         $options: OptionsInput, $outputs: [OutputType], $clipWindow: ClipWindowInput) {{ \
         createSingleCamJob(takeId: $takeId, name: $name, metadata: $metadata, options: $options, \
         outputs: $outputs, clipWindow: $clipWindow) {{ {} }} }}",
        job_selection(expand)
    )
}

/// `createMultiCamJob`.
pub fn create_multi_cam_job(expand: JobExpandSet) -> String {
    format!(
        "mutation createMultiCamJob($takeId: String!, $numberOfActors: Int!, $name: String, \
         $metadata: AWSJSON, $options: OptionsInput, $outputs: [OutputType], $rig: String, \
         $clipWindow: ClipWindowInput) {{ createMultiCamJob(takeId: $takeId, \
         numberOfActors: $numberOfActors, name: $name, metadata: $metadata, options: $options, \
         outputs: $outputs, rig: $rig, clipWindow: $clipWindow) {{ {} }} }}",
        job_selection(expand)
    )
}

/// `updateJob`.
pub fn update_job(expand: JobExpandSet) -> String {
    format!(
        "mutation updateJob($id: String!, $name: String, $metadata: AWSJSON) {{ \
         updateJob(id: $id, name: $name, metadata: $metadata) {{ {} }} }}",
        job_selection(expand)
    )
}

/// `listJobs`.
pub fn list_jobs(expand: JobExpandSet) -> String {
    format!(
        "query listJobs($first: Int, $after: AWSJSON, $sortDirection: SortDirection, \
         $takeId: String) {{ listJobs(first: $first, after: $after, \
         sortDirection: $sortDirection, takeId: $takeId) {{ first after items {{ {} }} }} }}",
        job_selection(expand)
    )
}
