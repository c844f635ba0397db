//! `MoveUgc`: the client, its options and its services.

use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::account;
use crate::files::Files;
use crate::host;
use crate::jobs::Jobs;
use crate::options::{ClientConfig, Surroundings};
use crate::takes::Takes;
use crate::transport::Transport;
use crate::volumes::Volumes;

/// A client of the Move UGC API.
///
/// ```ts
/// const ugc = new MoveUgc({ apiKey: process.env.MOVE_API_KEY! });
/// const job = await ugc.jobs.retrieve('job-id', { expand: ['outputs'] });
/// ```
#[wasm_bindgen]
pub struct MoveUgc {
    transport: Rc<Transport>,
    // The service objects are made once, so `ugc.jobs === ugc.jobs`.
    jobs: JsValue,
    takes: JsValue,
    files: JsValue,
    volumes: JsValue,
    client: JsValue,
    webhooks: JsValue,
    rigs: JsValue,
    camera_settings: JsValue,
}

impl MoveUgc {
    /// The jobs service for Rust callers (JavaScript uses the `jobs` getter).
    pub fn jobs_handle(&self) -> Jobs {
        Jobs::new(Rc::clone(&self.transport))
    }
}

#[wasm_bindgen]
impl MoveUgc {
    /// Creates a client. In Node, `new MoveUgc()` takes the key and the
    /// endpoint from `MOVE_API_KEY` and `MOVE_API_URL`. Throws a `MoveUgcError`
    /// with code `INVALID_ARGUMENT` for an unknown option (with a "did you
    /// mean": a typo must not send your calls to production), no key (unless
    /// `endpointUrl` names your own backend), a short key or one with a
    /// `Bearer ` prefix, an endpoint that is not an absolute URL, plain `http:`
    /// to a host that is not loopback, or a key in a browser page without
    /// `dangerouslyAllowBrowser: true`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "MoveUgcOptions")] options: JsValue,
    ) -> Result<MoveUgc, JsValue> {
        let around = Surroundings {
            env: &host::env_var,
            browser_page: host::is_browser_page(),
            endpoint_problem: &host::endpoint_problem,
        };
        let config = ClientConfig::read(&options, &around).map_err(|e| host::to_js_error(&e))?;
        // The options were read: a `fetch` there is a function.
        let fetch = if config.custom_fetch {
            js_sys::Reflect::get(&options, &"fetch".into()).unwrap_or(JsValue::UNDEFINED)
        } else {
            JsValue::UNDEFINED
        };
        let transport = Rc::new(Transport::new(config, fetch));
        let (client, webhooks, rigs, camera_settings) = account::services(&transport);
        Ok(MoveUgc {
            jobs: Jobs::new(Rc::clone(&transport)).into(),
            takes: Takes::new(Rc::clone(&transport)).into(),
            files: Files::new(Rc::clone(&transport)).into(),
            volumes: Volumes::new(Rc::clone(&transport)).into(),
            client: client.into(),
            webhooks: webhooks.into(),
            rigs: rigs.into(),
            camera_settings: camera_settings.into(),
            transport,
        })
    }

    /// Jobs: create, retrieve, update and list animation jobs.
    #[wasm_bindgen(getter, unchecked_return_type = "Jobs")]
    pub fn jobs(&self) -> JsValue {
        self.jobs.clone()
    }

    /// Takes: group uploaded videos into takes, and read and list them.
    #[wasm_bindgen(getter, unchecked_return_type = "Takes")]
    pub fn takes(&self) -> JsValue {
        self.takes.clone()
    }

    /// Files: upload videos, read files, share outputs.
    #[wasm_bindgen(getter, unchecked_return_type = "Files")]
    pub fn files(&self) -> JsValue {
        self.files.clone()
    }

    /// Volumes: calibrate multi-camera setups.
    #[wasm_bindgen(getter, unchecked_return_type = "Volumes")]
    pub fn volumes(&self) -> JsValue {
        self.volumes.clone()
    }

    /// The client account of the API key.
    #[wasm_bindgen(getter, unchecked_return_type = "ClientService")]
    pub fn client(&self) -> JsValue {
        self.client.clone()
    }

    /// Webhook endpoints for job events.
    #[wasm_bindgen(getter, unchecked_return_type = "Webhooks")]
    pub fn webhooks(&self) -> JsValue {
        self.webhooks.clone()
    }

    /// The rigs multi-camera jobs can animate.
    #[wasm_bindgen(getter, unchecked_return_type = "Rigs")]
    pub fn rigs(&self) -> JsValue {
        self.rigs.clone()
    }

    /// The camera settings (lenses) multi-camera sources can name.
    #[wasm_bindgen(getter, js_name = cameraSettings, unchecked_return_type = "CameraSettingsService")]
    pub fn camera_settings(&self) -> JsValue {
        self.camera_settings.clone()
    }

    /// Sends a GraphQL document of your own (for a field this SDK does not
    /// cover yet) through the client's transport: its key, headers, timeout
    /// and typed errors. A query is retried on transient failures; a document
    /// with a mutation never is. Resolves with the answer's `data` as the API
    /// sent it (`AWSJSON` fields, such as `metadata`, stay strings).
    ///
    /// ```ts
    /// const data = await ugc.request('query { client { id name } }');
    /// ```
    #[wasm_bindgen(unchecked_return_type = "Promise<unknown>")]
    pub fn request(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Record<string, unknown>")]
        variables: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] options: JsValue,
    ) -> js_sys::Promise {
        crate::request::call(&self.transport, query, variables, options)
    }

    /// The endpoint this client talks to.
    #[wasm_bindgen(getter, js_name = endpointUrl)]
    pub fn endpoint_url(&self) -> String {
        self.transport.config().endpoint_url.clone()
    }

    /// A description without the API key: `MoveUgc(https://…)`.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_display_string(&self) -> String {
        format!("MoveUgc({})", self.transport.config().endpoint_url)
    }

    /// What `JSON.stringify` shows: the settings, never the API key.
    #[wasm_bindgen(
        js_name = toJSON,
        unchecked_return_type = "{ endpointUrl: string; timeoutMs: number; maxRetries: number }"
    )]
    pub fn to_json(&self) -> JsValue {
        let c = self.transport.config();
        let mut url = String::new();
        crate::input::write::string(&mut url, &c.endpoint_url);
        let text = format!(
            r#"{{"endpointUrl":{url},"timeoutMs":{},"maxRetries":{}}}"#,
            c.timeout_ms, c.max_retries
        );
        js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL)
    }
}
