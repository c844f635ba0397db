//! `ugc.volumes`: calibrate a multi-camera setup with a person of known height.

pub mod operations;
pub mod params;

use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::transport::{call, call_with_id, iterate, Transport};

/// The volumes service, `ugc.volumes`. A multi-camera take needs a volume.
#[wasm_bindgen]
pub struct Volumes {
    transport: Rc<Transport>,
}

impl Volumes {
    pub(crate) fn new(transport: Rc<Transport>) -> Self {
        Volumes { transport }
    }
}

#[wasm_bindgen]
impl Volumes {
    /// Creates a volume from videos of a person walking the capture area.
    #[wasm_bindgen(js_name = createHumanVolume, unchecked_return_type = "Promise<Expanded<HumanVolume, E>>")]
    pub fn create_human_volume(
        &self,
        #[wasm_bindgen(unchecked_param_type = "VolumeCreateHumanParams<E> & RequestOptions")]
        params: JsValue,
    ) -> js_sys::Promise {
        call(
            &self.transport,
            &params,
            true,
            operations::create_human_volume,
        )
    }

    /// Reads one volume. `expand` adds related objects.
    #[wasm_bindgen(unchecked_return_type = "Promise<Expanded<HumanVolume, E>>")]
    pub fn retrieve(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(
            unchecked_optional_param_type = "ExpandParams<E> & RequestOptions"
        )]
        params: JsValue,
    ) -> js_sys::Promise {
        call_with_id(
            &self.transport,
            &id,
            "id",
            &params,
            false,
            operations::retrieve,
        )
    }

    /// Reads one page of volumes.
    #[wasm_bindgen(unchecked_return_type = "Promise<Page<Expanded<HumanVolume, E>>>")]
    pub fn list(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ListParams<E> & RequestOptions")]
        params: JsValue,
    ) -> js_sys::Promise {
        call(&self.transport, &params, false, operations::list)
    }

    /// Every volume of every page, for `for await (const v of ugc.volumes.iterate())`.
    #[wasm_bindgen(unchecked_return_type = "AsyncIterable<Expanded<HumanVolume, E>>")]
    pub fn iterate(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ListParams<E> & RequestOptions")]
        params: JsValue,
    ) -> JsValue {
        iterate(&self.transport, &params, operations::list)
    }
}
