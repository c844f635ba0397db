//! `ugc.client`, `ugc.webhooks`, `ugc.rigs` and `ugc.cameraSettings`: the
//! account, its webhook endpoints, and what it can choose from.

pub mod operations;

use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::transport::{call, Transport};

/// The client account service, `ugc.client`.
#[wasm_bindgen]
pub struct ClientService {
    transport: Rc<Transport>,
}

#[wasm_bindgen]
impl ClientService {
    /// Reads the account the API key belongs to.
    #[wasm_bindgen(unchecked_return_type = "Promise<Client>")]
    pub fn retrieve(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] params: JsValue,
    ) -> js_sys::Promise {
        call(&self.transport, &params, operations::retrieve_client)
    }

    /// Replaces the account's metadata.
    #[wasm_bindgen(unchecked_return_type = "Promise<Client>")]
    pub fn update(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ClientUpdateParams & RequestOptions")]
        params: JsValue,
    ) -> js_sys::Promise {
        call(&self.transport, &params, operations::update_client)
    }
}

/// The webhooks service, `ugc.webhooks`.
#[wasm_bindgen]
pub struct Webhooks {
    transport: Rc<Transport>,
}

#[wasm_bindgen]
impl Webhooks {
    /// Creates or updates (by `uid`) an endpoint that Move calls on job events.
    /// The signing `secret` is only in the answer when the endpoint is created.
    #[wasm_bindgen(unchecked_return_type = "Promise<WebhookEndpoint>")]
    pub fn upsert(
        &self,
        #[wasm_bindgen(unchecked_param_type = "WebhookUpsertParams & RequestOptions")]
        params: JsValue,
    ) -> js_sys::Promise {
        call(&self.transport, &params, operations::upsert_webhook)
    }
}

/// The rigs service, `ugc.rigs`.
#[wasm_bindgen]
pub struct Rigs {
    transport: Rc<Transport>,
}

#[wasm_bindgen]
impl Rigs {
    /// The rigs a multi-camera job can animate.
    #[wasm_bindgen(unchecked_return_type = "Promise<Rig[]>")]
    pub fn list(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] params: JsValue,
    ) -> js_sys::Promise {
        call(&self.transport, &params, operations::list_rigs)
    }
}

/// The camera settings service, `ugc.cameraSettings`.
#[wasm_bindgen]
pub struct CameraSettingsService {
    transport: Rc<Transport>,
}

#[wasm_bindgen]
impl CameraSettingsService {
    /// The lenses a multi-camera source can name in `cameraSettings`.
    #[wasm_bindgen(unchecked_return_type = "Promise<CameraSettings[]>")]
    pub fn list(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] params: JsValue,
    ) -> js_sys::Promise {
        call(&self.transport, &params, operations::list_camera_settings)
    }
}

/// The four account-level services of one client.
pub(crate) fn services(
    transport: &Rc<Transport>,
) -> (ClientService, Webhooks, Rigs, CameraSettingsService) {
    (
        ClientService {
            transport: Rc::clone(transport),
        },
        Webhooks {
            transport: Rc::clone(transport),
        },
        Rigs {
            transport: Rc::clone(transport),
        },
        CameraSettingsService {
            transport: Rc::clone(transport),
        },
    )
}
