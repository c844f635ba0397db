//! The parameters of the volumes methods.

use serde::Deserialize;
use serde_json::value::RawValue;
use tsify::Tsify;

use crate::takes::params::{SourceInput, SyncMethodInput};
use crate::types::{AreaType, ClipWindow};

/// A related object to include in a returned volume.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Tsify)]
#[serde(rename_all = "lowercase")]
pub enum VolumeExpand {
    /// The owning client account.
    Client,
    /// The videos, with their files.
    Sources,
    /// The volume's output files.
    Outputs,
}

/// Parameters of `volumes.createHumanVolume`.
#[derive(Debug, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VolumeCreateHumanParams {
    /// Videos of a person walking the capture area, from at least two cameras.
    pub sources: Vec<SourceInput>,
    /// The person's height in metres.
    pub human_height: f64,
    /// `'NORMAL'` for an area under about 20 m², else `'LARGE'`.
    pub area_type: AreaType,
    /// How the videos are synchronised; omitted if they already are.
    #[tsify(optional)]
    pub sync_method: Option<SyncMethodInput>,
    /// The part of the videos to use.
    #[tsify(optional)]
    pub clip_window: Option<ClipWindow>,
    /// A name for the volume.
    #[tsify(optional)]
    pub name: Option<String>,
    /// Your own data to store with the volume.
    #[tsify(optional, type = "Metadata")]
    pub metadata: Option<Box<RawValue>>,
    /// Related objects to include in the result.
    #[tsify(optional)]
    pub expand: Option<Vec<VolumeExpand>>,
}
