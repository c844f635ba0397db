//! `ugc.takes`: group uploaded videos into takes, read, rename and list them.

pub mod operations;
pub mod params;

use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::transport::{call, call_with_id, Transport};

/// The takes service, `ugc.takes`. A take is the videos of one performance.
#[wasm_bindgen]
pub struct Takes {
    transport: Rc<Transport>,
}

impl Takes {
    pub(crate) fn new(transport: Rc<Transport>) -> Self {
        Takes { transport }
    }
}

#[wasm_bindgen]
impl Takes {
    /// A handle of its own on the same client, for a method written in
    /// JavaScript (js/host.js) that goes on across awaits: freeing the service
    /// it was called on meanwhile (`using x = ugc.takes`) does not end it.
    /// The method frees it. Not part of the package's API.
    #[wasm_bindgen(js_name = __own, skip_typescript)]
    pub fn own(&self) -> Takes {
        Takes::new(Rc::clone(&self.transport))
    }

    /// Creates a take from one video.
    #[wasm_bindgen(js_name = createSingleCam, unchecked_return_type = "Promise<Expanded<Take, E>>")]
    pub fn create_single_cam(
        &self,
        #[wasm_bindgen(unchecked_param_type = "TakeCreateSingleCamParams<E> & RequestOptions")]
        params: JsValue,
    ) -> js_sys::Promise {
        call(&self.transport, &params, operations::create_single_cam)
    }

    /// Creates a take from the videos of two or more cameras calibrated with a volume.
    #[wasm_bindgen(js_name = createMultiCam, unchecked_return_type = "Promise<Expanded<Take, E>>")]
    pub fn create_multi_cam(
        &self,
        #[wasm_bindgen(unchecked_param_type = "TakeCreateMultiCamParams<E> & RequestOptions")]
        params: JsValue,
    ) -> js_sys::Promise {
        call(&self.transport, &params, operations::create_multi_cam)
    }

    /// Reads one take. `expand` adds related objects.
    #[wasm_bindgen(unchecked_return_type = "Promise<Expanded<Take, E>>")]
    pub fn retrieve(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(
            unchecked_optional_param_type = "ExpandParams<E> & RequestOptions"
        )]
        params: JsValue,
    ) -> js_sys::Promise {
        call_with_id(&self.transport, &id, "id", &params, operations::retrieve)
    }

    /// Renames a take or replaces its metadata.
    #[wasm_bindgen(unchecked_return_type = "Promise<Expanded<Take, E>>")]
    pub fn update(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "UpdateParams<E> & RequestOptions")] params: JsValue,
    ) -> js_sys::Promise {
        call_with_id(&self.transport, &id, "id", &params, operations::update)
    }

    /// Reads one page of takes.
    #[wasm_bindgen(unchecked_return_type = "Promise<Page<Expanded<Take, E>>>")]
    pub fn list(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ListParams<E> & RequestOptions")]
        params: JsValue,
    ) -> js_sys::Promise {
        call(&self.transport, &params, operations::list)
    }
}

// Methods made of others, added to the class by the package's JavaScript
// (scripts/build-pkg.mjs, web/index.js) rather than exported by the module.
#[wasm_bindgen(typescript_custom_section)]
const MORE_METHODS_TS: &'static str = r#"
/** The methods of `Takes` that the package's JavaScript adds to the class. */
export interface Takes {
  /**
   * Every take of every page, for `for await (const take of ugc.takes.iterate())`.
   * `limit` is the page size; pages are fetched (and checked) by `list` as the loop goes.
   */
  iterate<E extends TakeExpand = never>(params?: ListParams<E> & RequestOptions): AsyncIterable<Expanded<Take, E>>;
}
"#;
