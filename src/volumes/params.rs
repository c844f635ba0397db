//! The parameters of the volumes methods.

use serde::Deserialize;
use serde_json::value::RawValue;
use tsify::Tsify;

use crate::enums::api_enum;
use crate::takes::params::{SourceInput, SyncMethodInput};
use crate::types::{AreaType, ClipWindow};

api_enum! {
    /// A related object to include in a returned volume (any letter case).
    pub enum VolumeExpand {
        /// The owning client account.
        Client = "client",
        /// The videos, with their files.
        Sources = "sources",
        /// The volume's output files.
        Outputs = "outputs",
        /// The part of the videos used. Always selected; accepted because Move's
        /// Python SDK takes it.
        ClipWindow = "clipWindow",
    }
}

/// Parameters of `volumes.createHumanVolume`.
#[derive(Debug, Deserialize, Tsify)]
#[serde(
    rename_all = "camelCase",
    deny_unknown_fields,
    bound = "E: Deserialize<'de>"
)]
pub struct VolumeCreateHumanParams<E> {
    /// Videos of a person walking the capture area, from at least two cameras.
    pub sources: Vec<SourceInput>,
    /// The person's height in metres (from 0.5 to 2.75: centimetres are refused).
    pub human_height: f64,
    /// `'NORMAL'` for an area under about 20 m², else `'LARGE'` (any letter case).
    #[tsify(type = "AreaType | Lowercase<AreaType>")]
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
    /// Your own data to store with the volume: any JSON value.
    #[tsify(optional, type = "Metadata")]
    pub metadata: Option<Box<RawValue>>,
    /// Related objects to include in the result.
    #[tsify(optional)]
    pub expand: Option<Vec<E>>,
}
