//! The account-level operations in plain Rust, with their documents: the
//! client, its webhooks, and the rigs and camera settings it can use.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use tsify::Tsify;

use crate::args;
use crate::error::{Error, Result};
use crate::graphql::{Operation, OperationKind};
use crate::ops;
use crate::types::{metadata, CameraSettings, Client, Rig, WebhookEndpoint};

/// Parameters of `client.update`.
#[derive(Debug, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClientUpdateParams {
    /// The new metadata of the client (replaces the old): any JSON value;
    /// `null` clears it.
    #[tsify(type = "Metadata")]
    pub metadata: Box<RawValue>,
}

/// Parameters of `webhooks.upsert`.
#[derive(Debug, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WebhookUpsertParams {
    /// Your identifier of the endpoint: the same uid updates it.
    pub uid: String,
    /// The https URL Move calls.
    pub url: String,
    /// The events to receive, e.g. `['ugc.job.state.completed', 'ugc.job.state.failed']`.
    pub events: Vec<String>,
    /// A description.
    #[tsify(optional)]
    pub description: Option<String>,
    /// The signing secret; the API makes one if omitted.
    #[tsify(optional)]
    pub secret: Option<String>,
    /// Your own data to store with the endpoint: any JSON value.
    #[tsify(optional, type = "Metadata")]
    pub metadata: Option<Box<RawValue>>,
}

/// `client.retrieve()`.
pub fn retrieve_client(params_json: &str) -> Result<Operation> {
    args::from_json::<ops::NoParams>(params_json, "params")?;
    #[derive(Serialize)]
    struct NoVariables {}
    let document = format!("query client {{ client {{ {} }} }}", Client::SELECTION);
    ops::one::<Client, _>(
        "client",
        OperationKind::Query,
        &document,
        &NoVariables {},
        Vec::new(),
    )
}

/// `client.update(params)`.
pub fn update_client(params_json: &str) -> Result<Operation> {
    let p: ClientUpdateParams = args::from_json(params_json, "params")?;
    #[derive(Serialize)]
    struct Variables {
        metadata: String,
    }
    let metadata = metadata::encode_replacement(&p.metadata);
    let document = format!(
        "mutation updateClient($metadata: AWSJSON!) {{ updateClient(metadata: $metadata) {{ {} }} }}",
        Client::SELECTION
    );
    ops::one::<Client, _>(
        "updateClient",
        OperationKind::Mutation,
        &document,
        &Variables { metadata },
        Vec::new(),
    )
}

/// `webhooks.upsert(params)`.
pub fn upsert_webhook(params_json: &str) -> Result<Operation> {
    let p: WebhookUpsertParams = args::from_json(params_json, "params")?;
    args::require_id("params.uid", &p.uid)?;
    if !(p.url.starts_with("https://") || p.url.starts_with("http://")) || p.url.len() < 10 {
        return Err(Error::invalid_argument(
            "params.url",
            format!(
                "expected an absolute http(s) URL, got {}",
                args::shown_str(&p.url)
            ),
        ));
    }
    if p.events.is_empty() {
        return Err(Error::invalid_argument(
            "params.events",
            "expected at least one event name (e.g. 'ugc.job.state.completed'), got []",
        ));
    }
    if let Some((i, event)) = p
        .events
        .iter()
        .enumerate()
        .find(|(_, e)| e.trim().is_empty())
    {
        return Err(Error::invalid_argument(
            &format!("params.events[{i}]"),
            format!("expected an event name, got {}", args::shown_str(event)),
        ));
    }
    #[derive(Serialize)]
    struct Variables {
        uid: String,
        url: String,
        events: Vec<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        description: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        secret: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        metadata: Option<String>,
    }
    let variables = Variables {
        uid: p.uid,
        url: p.url,
        events: p.events,
        description: p.description,
        secret: p.secret,
        metadata: metadata::encode(p.metadata),
    };
    let document = format!(
        "mutation upsertWebhookEndpoint($uid: String!, $url: String!, $events: [String!], \
         $description: String, $secret: String, $metadata: AWSJSON) {{ upsertWebhookEndpoint(uid: $uid, \
         url: $url, events: $events, description: $description, secret: $secret, metadata: $metadata) \
         {{ {} }} }}",
        WebhookEndpoint::SELECTION
    );
    ops::one::<WebhookEndpoint, _>(
        "upsertWebhookEndpoint",
        OperationKind::Mutation,
        &document,
        &variables,
        Vec::new(),
    )
}

/// `rigs.list()`.
pub fn list_rigs(params_json: &str) -> Result<Operation> {
    args::from_json::<ops::NoParams>(params_json, "params")?;
    ops::items::<Rig>("listRigs", "query listRigs { listRigs { items { name } } }")
}

/// `cameraSettings.list()`.
pub fn list_camera_settings(params_json: &str) -> Result<Operation> {
    args::from_json::<ops::NoParams>(params_json, "params")?;
    ops::items::<CameraSettings>(
        "listCameraSettings",
        "query listCameraSettings { listCameraSettings { items { lens } } }",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use serde_json::{json, Value};

    fn body(op: &Operation) -> Value {
        serde_json::from_str(&op.body).unwrap()
    }

    #[test]
    fn client_update_needs_an_object() {
        let op = update_client(r#"{"metadata":{"team":"mocap"}}"#).unwrap();
        assert_eq!(
            body(&op)["variables"],
            json!({"metadata": "{\"team\":\"mocap\"}"})
        );
        assert_eq!(
            body(&update_client(r#"{"metadata":"{}"}"#).unwrap())["variables"],
            json!({"metadata": "\"{}\""})
        );
        assert_eq!(
            body(&update_client(r#"{"metadata":null}"#).unwrap())["variables"],
            json!({"metadata": "null"})
        );
        for bad in [r#"{}"#, r#"{"metadata":1,"plan":2}"#] {
            assert_eq!(
                update_client(bad).err().unwrap().code,
                ErrorCode::InvalidArgument,
                "{bad}"
            );
        }
        assert_eq!(
            body(&retrieve_client("{}").unwrap())["variables"],
            json!({})
        );
    }

    #[test]
    fn webhooks_are_checked() {
        let op = upsert_webhook(r#"{"uid":"hook-1","url":"https://example.com/hook","events":["ugc.job.state.completed"]}"#).unwrap();
        assert_eq!(
            body(&op)["variables"],
            json!({"uid": "hook-1", "url": "https://example.com/hook", "events": ["ugc.job.state.completed"]})
        );
        for (bad, named) in [
            (
                r#"{"uid":"h","url":"example.com","events":["e"]}"#,
                "params.url",
            ),
            (
                r#"{"uid":"h","url":"https://example.com","events":[]}"#,
                "params.events",
            ),
            (
                r#"{"uid":"h","url":"https://example.com","events":[" "]}"#,
                "params.events[0]",
            ),
            (
                r#"{"uid":"","url":"https://example.com","events":["e"]}"#,
                "params.uid",
            ),
            (
                r#"{"url":"https://example.com","events":["e"]}"#,
                "params.uid: is required",
            ),
        ] {
            let e = upsert_webhook(bad).err().unwrap();
            assert!(e.message.starts_with(named), "{}", e.message);
        }
    }

    #[test]
    fn rigs_and_camera_settings_are_plain_lists() {
        let op = list_rigs("{}").unwrap();
        let out = (op.decode)(r#"{"listRigs":{"items":[{"name":"move_mo"},null]}}"#).unwrap();
        assert_eq!(out, r#"[{"name":"move_mo"}]"#);
        let op = list_camera_settings("{}").unwrap();
        assert_eq!((op.decode)(r#"{"listCameraSettings":null}"#).unwrap(), "[]");
    }
}
