//! The GraphQL documents of the volumes service. `Volume` is a union (of
//! `HumanVolume` alone, so far): reads select through an inline fragment.

use crate::ops::Resource;
use crate::types::{AdditionalFile, Client, HumanVolume, Source};

use super::params::VolumeExpand;

impl Resource for HumanVolume {
    type Expand = VolumeExpand;

    fn selection(expand: &[VolumeExpand]) -> String {
        let mut s = String::from(HumanVolume::SELECTION);
        if expand.contains(&VolumeExpand::Client) {
            s.push_str(&format!(" client {{ {} }}", Client::SELECTION));
        }
        if expand.contains(&VolumeExpand::Sources) {
            s.push_str(&format!(" sources {{ {} }}", Source::selection()));
        }
        if expand.contains(&VolumeExpand::Outputs) {
            s.push_str(&format!(" outputs {{ {} }}", AdditionalFile::selection()));
        }
        s
    }

    fn missing_expand(&self, expand: &[VolumeExpand]) -> Option<&'static str> {
        expand.iter().find_map(|e| match e {
            VolumeExpand::Client if self.client.is_none() => Some("client"),
            VolumeExpand::Sources if self.sources.is_none() => Some("sources"),
            VolumeExpand::Outputs if self.outputs.is_none() => Some("outputs"),
            _ => None,
        })
    }
}

/// `createVolumeWithHuman` (it returns a `HumanVolume`, not the union).
pub fn create_volume_with_human(expand: &[VolumeExpand]) -> String {
    format!(
        "mutation createVolumeWithHuman($sources: [SourceInput!], $humanHeight: Float!, \
         $areaType: AreaType!, $syncMethod: SyncMethodInput, $clipWindow: ClipWindowInput, \
         $name: String, $metadata: AWSJSON) {{ createVolumeWithHuman(sources: $sources, \
         humanHeight: $humanHeight, areaType: $areaType, syncMethod: $syncMethod, \
         clipWindow: $clipWindow, name: $name, metadata: $metadata) {{ {} }} }}",
        HumanVolume::selection(expand)
    )
}

/// `getVolume`.
pub fn get_volume(expand: &[VolumeExpand]) -> String {
    format!(
        "query getVolume($id: ID!) {{ getVolume(id: $id) {{ ... on HumanVolume {{ {} }} }} }}",
        HumanVolume::selection(expand)
    )
}

/// `listVolumes`.
pub fn list_volumes(expand: &[VolumeExpand]) -> String {
    format!(
        "query listVolumes($first: Int, $after: AWSJSON, $sortDirection: SortDirection) {{ \
         listVolumes(first: $first, after: $after, sortDirection: $sortDirection) {{ \
         first after items {{ ... on HumanVolume {{ {} }} }} }} }}",
        HumanVolume::selection(expand)
    )
}
