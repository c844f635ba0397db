//! `File` and `AdditionalFile`: uploaded videos and job outputs.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use tsify::Tsify;

use super::{metadata, present, Client};

/// A file stored by the API: an uploaded video or a job output.
#[derive(Debug, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct File {
    /// Unique identifier of the file.
    pub id: String,
    /// When the file was created (ISO 8601).
    pub created: Option<String>,
    /// Type (extension) of the file, e.g. `mp4` or `fbx`.
    #[serde(rename = "type")]
    pub file_type: String,
    /// Your own data stored with the file: any JSON value.
    #[serde(deserialize_with = "metadata::decode")]
    #[tsify(type = "JsonValue")]
    pub metadata: Option<Box<RawValue>>,
    /// Name of the file.
    pub name: Option<String>,
    /// Upload URL right after `create`, download URL afterwards.
    pub presigned_url: Option<String>,
    /// URL of a thumbnail, if there is one.
    pub thumbnail_url: Option<String>,
    /// The owning client account. Present when `expand` has `'client'`.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[tsify(optional, type = "Client | null")]
    pub client: Option<Option<Client>>,
}

impl File {
    /// The GraphQL selection of a `File`.
    pub const SELECTION: &'static str = "id created type metadata name presignedUrl thumbnailUrl";
}

/// An output of a job (or an extra file of a take).
#[derive(Debug, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AdditionalFile {
    /// What the file is, e.g. `MAIN_FBX` or `RENDER_VIDEO`.
    #[tsify(type = "OutputType | null")]
    pub format: Option<String>,
    /// The file itself, with its download URL once it is ready.
    pub file: File,
}

impl AdditionalFile {
    /// The GraphQL selection of an `AdditionalFile`, with its file.
    pub fn selection() -> String {
        format!("format file {{ {} }}", File::SELECTION)
    }
}

/// A code that shares a file (typically a job output) with other people.
#[derive(Debug, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ShareCode {
    /// The code.
    pub code: String,
    /// When the code was created (ISO 8601).
    pub created: Option<String>,
    /// When the code expires (ISO 8601).
    pub expires: Option<String>,
    /// A URL that downloads the file with the code.
    pub url: Option<String>,
    /// The file the code shares.
    pub file: Option<FileId>,
}

/// A file named by its id alone.
#[derive(Debug, Serialize, Deserialize, Tsify)]
pub struct FileId {
    /// Unique identifier of the file.
    pub id: String,
}

impl ShareCode {
    /// The GraphQL selection of a `ShareCode`.
    pub const SELECTION: &'static str = "code created expires url file { id }";
}
