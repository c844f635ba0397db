//! `ugc.jobs`: start animation jobs on takes, read, rename and list them.

mod documents;
pub mod operations;
pub mod params;

use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::host;
use crate::transport::{call, Transport};

/// The jobs service, `ugc.jobs`. A job turns a take into animation; creating
/// one costs credits.
#[wasm_bindgen]
pub struct Jobs {
    transport: Rc<Transport>,
}

impl Jobs {
    pub(crate) fn new(transport: Rc<Transport>) -> Self {
        Jobs { transport }
    }
}

#[wasm_bindgen]
impl Jobs {
    /// Starts a single-camera job on a take. Never retried automatically: a
    /// second attempt could start (and bill) a second job.
    #[wasm_bindgen(js_name = createSingleCam, unchecked_return_type = "Promise<Job>")]
    pub fn create_single_cam(
        &self,
        #[wasm_bindgen(unchecked_param_type = "JobCreateSingleCamParams & RequestOptions")]
        params: JsValue,
    ) -> js_sys::Promise {
        call(&self.transport, &params, true, operations::create_single_cam)
    }

    /// The same as `createSingleCam`, under the name of Move's older SDKs.
    #[wasm_bindgen(unchecked_return_type = "Promise<Job>")]
    pub fn create(
        &self,
        #[wasm_bindgen(unchecked_param_type = "JobCreateSingleCamParams & RequestOptions")]
        params: JsValue,
    ) -> js_sys::Promise {
        call(&self.transport, &params, true, operations::create_single_cam)
    }

    /// Starts a multi-camera job on a take. Never retried automatically.
    #[wasm_bindgen(js_name = createMultiCam, unchecked_return_type = "Promise<Job>")]
    pub fn create_multi_cam(
        &self,
        #[wasm_bindgen(unchecked_param_type = "JobCreateMultiCamParams & RequestOptions")]
        params: JsValue,
    ) -> js_sys::Promise {
        call(&self.transport, &params, true, operations::create_multi_cam)
    }

    /// Reads one job. `expand` adds related objects. Retried on transient failures.
    #[wasm_bindgen(unchecked_return_type = "Promise<Job>")]
    pub fn retrieve(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "JobRetrieveParams & RequestOptions")]
        params: JsValue,
    ) -> js_sys::Promise {
        let id = host::read_string(&id, "id");
        call(&self.transport, &params, false, move |json| operations::retrieve(&id?, json))
    }

    /// Renames a job or replaces its metadata. Never retried automatically.
    #[wasm_bindgen(unchecked_return_type = "Promise<Job>")]
    pub fn update(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "JobUpdateParams & RequestOptions")] params: JsValue,
    ) -> js_sys::Promise {
        let id = host::read_string(&id, "id");
        call(&self.transport, &params, true, move |json| operations::update(&id?, json))
    }

    /// Reads one page of jobs, newest first unless `sortBy` says otherwise.
    /// Pass the page's `nextToken` back for the next page.
    #[wasm_bindgen(unchecked_return_type = "Promise<Page<Job>>")]
    pub fn list(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "JobListParams & RequestOptions")]
        params: JsValue,
    ) -> js_sys::Promise {
        call(&self.transport, &params, false, operations::list)
    }
}
