//! `Client`: the account that owns jobs, takes and files.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use tsify::Tsify;

use super::metadata;

/// The account an API key belongs to.
#[derive(Debug, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Client {
    /// Unique identifier of the client.
    pub id: String,
    /// Name of the client.
    pub name: String,
    /// When the client was created (ISO 8601).
    pub created: String,
    /// Your own data stored with the client: any JSON value.
    #[serde(deserialize_with = "metadata::decode")]
    #[tsify(type = "JsonValue")]
    pub metadata: Option<Box<RawValue>>,
    /// URL of the client's portal.
    pub portal: Option<String>,
}

impl Client {
    /// The GraphQL selection of a `Client`.
    pub const SELECTION: &'static str = "id name created metadata portal";
}

/// An endpoint that Move calls when your jobs change state.
#[derive(Debug, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct WebhookEndpoint {
    /// Your identifier of the endpoint.
    pub uid: String,
    /// The URL Move calls.
    pub url: String,
    /// The events it receives, e.g. `ugc.job.state.completed`.
    pub events: Option<Vec<String>>,
    /// Your description.
    pub description: Option<String>,
    /// Your own data stored with the endpoint: any JSON value.
    #[serde(deserialize_with = "metadata::decode")]
    #[tsify(type = "JsonValue")]
    pub metadata: Option<Box<RawValue>>,
    /// The signing secret: only returned when the endpoint is first created.
    pub secret: Option<String>,
}

impl WebhookEndpoint {
    /// The GraphQL selection of a `WebhookEndpoint`.
    pub const SELECTION: &'static str = "uid url events description metadata secret";
}
