//! The API's objects as the SDK returns them, with their GraphQL selections.
//!
//! Each type derives `Deserialize` (from the API's answer), `Serialize` (to the
//! caller) and `Tsify` (the generated TypeScript declaration), so the three can
//! never drift apart. Nullable API fields are `Option<T>` and reach the caller as
//! `null`; fields behind an `expand` are absent unless they were asked for.

pub mod client;
pub mod file;
pub mod job;
pub mod metadata;
pub mod page;
pub mod take;

pub use client::{Client, WebhookEndpoint};
pub use file::{AdditionalFile, File, FileId, ShareCode};
pub use job::{
    AppliedJobOptions, ClipWindow, Job, JobInputs, JobOptions, JobProgress, MocapModel, OutputType,
    Rig,
};
pub use page::{Page, SortDirection, DEFAULT_PAGE_LIMIT};
pub use take::{
    AreaType, CameraSettings, HumanVolume, Source, SourceFormat, SyncMethod, Take, TakeFile,
    TakeType,
};

use serde::{Deserialize, Deserializer};

/// For an expanded nullable field: absent → `None` (not asked for), `null` →
/// `Some(None)`, a value → `Some(Some(v))`. Used with `#[serde(default)]`.
pub(crate) fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// A GraphQL list of nullable items, with the `null` items dropped: they carry
/// nothing a caller could use.
pub(crate) fn non_null_items<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let items = Option::<Vec<Option<T>>>::deserialize(deserializer)?;
    Ok(items.unwrap_or_default().into_iter().flatten().collect())
}
