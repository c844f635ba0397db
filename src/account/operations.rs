//! The account-level operations in plain Rust, each described once: the
//! client, its webhooks, and the rigs and camera settings it can use.

use crate::error::{Error, Result};
use crate::graphql::Operation;
use crate::input::read::shown_str;
use crate::input::value::Value;
use crate::input::{param, Arg, In, Input};
use crate::model::api;
use crate::ops::{self, var, Op, METADATA};

/// Parameters of `client.update`.
pub static CLIENT_UPDATE_PARAMS: Input = Input {
    name: "ClientUpdateParams",
    doc: crate::model::doc("Parameters of `client.update`."),
    params: &[param(
        "metadata",
        In::Json,
        "The new metadata of the client (replaces the old): any JSON value; `null` clears it.",
    )
    .required()
    .null_clears()
    .ts("Metadata")],
};

/// Parameters of `webhooks.upsert`.
pub static WEBHOOK_UPSERT_PARAMS: Input = Input {
    name: "WebhookUpsertParams",
    doc: crate::model::doc("Parameters of `webhooks.upsert`."),
    params: &[
        param(
            "uid",
            In::Id,
            "Your identifier of the endpoint: the same uid updates it.",
        )
        .required(),
        param("url", In::String, "The https URL Move calls.").required(),
        param(
            "events",
            In::List(&In::String),
            "The events to receive, e.g. `['ugc.job.state.completed', 'ugc.job.state.failed']`.",
        )
        .required(),
        param("description", In::String, "A description."),
        param(
            "secret",
            In::String,
            "The signing secret; the API makes one if omitted.",
        )
        .secret(),
        METADATA,
    ],
};

/// `client`.
pub static CLIENT: Op = Op::query(api::one("client", &api::CLIENT), &ops::NO_PARAMS, &[]);

/// `updateClient`.
pub static UPDATE_CLIENT: Op = Op::mutation(
    api::one("updateClient", &api::CLIENT),
    &CLIENT_UPDATE_PARAMS,
    &[var("metadata", "AWSJSON!")],
);

/// `upsertWebhookEndpoint`.
pub static UPSERT_WEBHOOK: Op = Op::mutation(
    api::one("upsertWebhookEndpoint", &api::WEBHOOK_ENDPOINT),
    &WEBHOOK_UPSERT_PARAMS,
    &[
        var("uid", "String!"),
        var("url", "String!"),
        var("events", "[String!]"),
        var("description", "String"),
        var("secret", "String"),
        var("metadata", "AWSJSON"),
    ],
);

/// `listRigs`.
pub static LIST_RIGS: Op = Op::query(api::items("listRigs", &api::RIG), &ops::NO_PARAMS, &[]);

/// `listCameraSettings`.
pub static LIST_CAMERA_SETTINGS: Op = Op::query(
    api::items("listCameraSettings", &api::CAMERA_SETTINGS),
    &ops::NO_PARAMS,
    &[],
);

/// `client.retrieve()`.
pub fn retrieve_client<V: Value>(params: &V) -> Result<Operation> {
    ops::plain(&CLIENT, params)
}

/// `client.update(params)`.
pub fn update_client<V: Value>(params: &V) -> Result<Operation> {
    let args = UPDATE_CLIENT.read(params, true)?;
    Ok(UPDATE_CLIENT.build(&args, Vec::new(), 0))
}

/// `webhooks.upsert(params)`.
pub fn upsert_webhook<V: Value>(params: &V) -> Result<Operation> {
    let args = UPSERT_WEBHOOK.read(params, true)?;
    let url = args.str("url").unwrap_or_default();
    if !(url.starts_with("https://") || url.starts_with("http://")) || url.len() < 10 {
        return Err(Error::invalid_argument(
            "params.url",
            format!("expected an absolute http(s) URL, got {}", shown_str(url)),
        ));
    }
    let events = args.list("events");
    if events.is_empty() {
        return Err(Error::invalid_argument(
            "params.events",
            "expected at least one event name (e.g. 'ugc.job.state.completed'), got []",
        ));
    }
    for (i, event) in events.iter().enumerate() {
        if let Arg::Str(e) = event {
            if e.trim().is_empty() {
                return Err(Error::invalid_argument(
                    &format!("params.events[{i}]"),
                    format!("expected an event name, got {}", shown_str(e)),
                ));
            }
        }
    }
    Ok(UPSERT_WEBHOOK.build(&args, Vec::new(), 0))
}

/// `rigs.list()`.
pub fn list_rigs<V: Value>(params: &V) -> Result<Operation> {
    ops::plain(&LIST_RIGS, params)
}

/// `cameraSettings.list()`.
pub fn list_camera_settings<V: Value>(params: &V) -> Result<Operation> {
    ops::plain(&LIST_CAMERA_SETTINGS, params)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::input::value::of;
    use serde_json::{json, Value};

    fn body(op: &Operation) -> Value {
        serde_json::from_str(&op.body).unwrap()
    }

    #[test]
    fn client_update_needs_an_object() {
        let op = update_client(&of(r#"{"metadata":{"team":"mocap"}}"#)).unwrap();
        assert_eq!(
            body(&op)["variables"],
            json!({"metadata": "{\"team\":\"mocap\"}"})
        );
        assert_eq!(
            body(&update_client(&of(r#"{"metadata":"{}"}"#)).unwrap())["variables"],
            json!({"metadata": "\"{}\""})
        );
        assert_eq!(
            body(&update_client(&of(r#"{"metadata":null}"#)).unwrap())["variables"],
            json!({"metadata": "null"})
        );
        for bad in [r#"{}"#, r#"{"metadata":1,"plan":2}"#].map(of) {
            assert_eq!(
                update_client(&bad).err().unwrap().code,
                ErrorCode::InvalidArgument,
                "{bad:?}"
            );
        }
        assert_eq!(
            body(&retrieve_client(&of("{}")).unwrap())["variables"],
            json!({})
        );
    }

    #[test]
    fn webhooks_are_checked() {
        let op = upsert_webhook(&of(r#"{"uid":"hook-1","url":"https://example.com/hook","events":["ugc.job.state.completed"]}"#)).unwrap();
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
            let e = upsert_webhook(&of(bad)).err().unwrap();
            assert!(e.message.starts_with(named), "{}", e.message);
        }
    }

    #[test]
    fn rigs_and_camera_settings_are_plain_lists() {
        let op = list_rigs(&of("{}")).unwrap();
        let out = op
            .read(
                200,
                None,
                br#"{"data":{"listRigs":{"items":[{"name":"move_mo"},null]}}}"#,
            )
            .unwrap();
        assert_eq!(out, r#"[{"name":"move_mo"}]"#);
        let op = list_camera_settings(&of("{}")).unwrap();
        assert_eq!(
            op.read(200, None, br#"{"data":{"listCameraSettings":null}}"#)
                .unwrap(),
            "[]"
        );
    }
}
