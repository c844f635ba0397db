//! `Take`: one or more videos of one performance.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use tsify::Tsify;

use super::metadata;

/// A take: the videos a job animates.
#[derive(Debug, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Take {
    /// Unique identifier of the take.
    pub id: String,
    /// When the take was created (ISO 8601).
    pub created: String,
    /// Name of the take.
    pub name: Option<String>,
    /// Your own data stored with the take.
    #[serde(deserialize_with = "metadata::decode")]
    #[tsify(type = "Metadata | null")]
    pub metadata: Option<Box<RawValue>>,
}

impl Take {
    /// The GraphQL selection of a `Take` without its expands.
    pub const SELECTION: &'static str = "id created name metadata";
}
