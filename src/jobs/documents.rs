//! The GraphQL documents of the jobs service. The selection grows with what
//! `expand` asks for; values always travel as variables.

use crate::ops::Resource;
use crate::types::{AdditionalFile, Client, Job, Source, Take};

use super::params::JobExpand;

impl Resource for Job {
    type Expand = JobExpand;

    fn selection(expand: &[JobExpand]) -> String {
        let mut s =
            String::from("id created metadata state name progress { state percentageComplete }");
        if expand.contains(&JobExpand::Client) {
            s.push_str(&format!(" client {{ {} }}", Client::SELECTION));
        }
        if expand.contains(&JobExpand::Take) {
            // The take's videos come with it: what a job animates.
            s.push_str(&format!(
                " take {{ {} sources {{ {} }} }}",
                Take::base_selection(),
                Source::selection()
            ));
        }
        if expand.contains(&JobExpand::Outputs) {
            s.push_str(&format!(" outputs {{ {} }}", AdditionalFile::selection()));
        }
        if expand.contains(&JobExpand::Rig) {
            s.push_str(" rig { name }");
        }
        if expand.contains(&JobExpand::Inputs) {
            s.push_str(
                " inputs { clipWindow { startTime endTime } numberOfActors \
                 options { floorPlane mocapModel trackBall trackFingers trackJerseyNumbers } }",
            );
        }
        s
    }

    fn missing_expand(&self, expand: &[JobExpand]) -> Option<&'static str> {
        expand.iter().find_map(|e| match e {
            JobExpand::Client if self.client.is_none() => Some("client"),
            JobExpand::Take if self.take.is_none() => Some("take"),
            JobExpand::Outputs if self.outputs.is_none() => Some("outputs"),
            JobExpand::Rig if self.rig.is_none() => Some("rig"),
            JobExpand::Inputs if self.inputs.is_none() => Some("inputs"),
            _ => None,
        })
    }
}

/// `createSingleCamJob`.
pub fn create_single_cam_job(expand: &[JobExpand]) -> String {
    format!(
        "mutation createSingleCamJob($takeId: String!, $name: String, $metadata: AWSJSON, \
         $options: OptionsInput, $outputs: [OutputType], $clipWindow: ClipWindowInput) {{ \
         createSingleCamJob(takeId: $takeId, name: $name, metadata: $metadata, options: $options, \
         outputs: $outputs, clipWindow: $clipWindow) {{ {} }} }}",
        Job::selection(expand)
    )
}

/// `createMultiCamJob`.
pub fn create_multi_cam_job(expand: &[JobExpand]) -> String {
    format!(
        "mutation createMultiCamJob($takeId: String!, $numberOfActors: Int!, $name: String, \
         $metadata: AWSJSON, $options: OptionsInput, $outputs: [OutputType], $rig: String, \
         $clipWindow: ClipWindowInput) {{ createMultiCamJob(takeId: $takeId, \
         numberOfActors: $numberOfActors, name: $name, metadata: $metadata, options: $options, \
         outputs: $outputs, rig: $rig, clipWindow: $clipWindow) {{ {} }} }}",
        Job::selection(expand)
    )
}

/// `listJobs`.
pub fn list_jobs(expand: &[JobExpand]) -> String {
    format!(
        "query listJobs($first: Int, $after: AWSJSON, $sortDirection: SortDirection, \
         $takeId: String) {{ listJobs(first: $first, after: $after, \
         sortDirection: $sortDirection, takeId: $takeId) {{ first after items {{ {} }} }} }}",
        Job::selection(expand)
    )
}
