//! The GraphQL documents of the takes service.

use crate::ops::Resource;
use crate::types::{Client, HumanVolume, Source, Take};

use super::params::TakeExpand;

impl Resource for Take {
    type Expand = TakeExpand;

    fn selection(expand: &[TakeExpand]) -> String {
        let mut s = Take::base_selection();
        if expand.contains(&TakeExpand::Client) {
            s.push_str(&format!(" client {{ {} }}", Client::SELECTION));
        }
        if expand.contains(&TakeExpand::Sources) {
            s.push_str(&format!(" sources {{ {} }}", Source::selection()));
        }
        if expand.contains(&TakeExpand::Volume) {
            // `Volume` is a union: its fields are read through a fragment.
            s.push_str(&format!(
                " volume {{ ... on HumanVolume {{ {} }} }}",
                HumanVolume::SELECTION
            ));
        }
        s
    }

    fn missing_expand(&self, expand: &[TakeExpand]) -> Option<&'static str> {
        expand.iter().find_map(|e| match e {
            TakeExpand::Client if self.client.is_none() => Some("client"),
            TakeExpand::Sources if self.sources.is_none() => Some("sources"),
            TakeExpand::Volume if self.volume.is_none() => Some("volume"),
            _ => None,
        })
    }
}

/// `createSingleCamTake`.
pub fn create_single_cam_take(expand: &[TakeExpand]) -> String {
    format!(
        "mutation createSingleCamTake($sources: [SourceInput!], $name: String, $metadata: AWSJSON) {{ \
         createSingleCamTake(sources: $sources, name: $name, metadata: $metadata) {{ {} }} }}",
        Take::selection(expand)
    )
}

/// `createMultiCamTake`.
pub fn create_multi_cam_take(expand: &[TakeExpand]) -> String {
    format!(
        "mutation createMultiCamTake($sources: [SourceInput!], $volumeId: String!, \
         $syncMethod: SyncMethodInput, $name: String, $metadata: AWSJSON) {{ \
         createMultiCamTake(sources: $sources, volumeId: $volumeId, syncMethod: $syncMethod, \
         name: $name, metadata: $metadata) {{ {} }} }}",
        Take::selection(expand)
    )
}

/// `listTakes`.
pub fn list_takes(expand: &[TakeExpand]) -> String {
    format!(
        "query listTakes($first: Int, $after: AWSJSON, $sortDirection: SortDirection) {{ \
         listTakes(first: $first, after: $after, sortDirection: $sortDirection) {{ \
         first after items {{ {} }} }} }}",
        Take::selection(expand)
    )
}
