//! `ugc.volumes`: calibrate a multi-camera setup with a person of known height.

pub mod operations;
pub mod params;

use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::transport::{call, call_with_id, Transport};

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
    /// A handle of its own on the same client, for a method written in
    /// JavaScript (js/host.js) that goes on across awaits: freeing the service
    /// it was called on meanwhile (`using x = ugc.volumes`) does not end it.
    /// The method frees it. Not part of the package's API.
    #[wasm_bindgen(js_name = __own, skip_typescript)]
    pub fn own(&self) -> Volumes {
        Volumes::new(Rc::clone(&self.transport))
    }

    /// Creates a volume from videos of a person walking the capture area.
    #[wasm_bindgen(js_name = createHumanVolume, unchecked_return_type = "Promise<Expanded<HumanVolume, E>>")]
    pub fn create_human_volume(
        &self,
        #[wasm_bindgen(unchecked_param_type = "VolumeCreateHumanParams<E> & RequestOptions")]
        params: JsValue,
    ) -> js_sys::Promise {
        call(&self.transport, &params, operations::create_human_volume)
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
        call_with_id(&self.transport, &id, "id", &params, operations::retrieve)
    }

    /// Reads one page of volumes.
    #[wasm_bindgen(unchecked_return_type = "Promise<Page<Expanded<HumanVolume, E>>>")]
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
/** The methods of `Volumes` that the package's JavaScript adds to the class. */
export interface Volumes {
  /**
   * Every volume of every page, for `for await (const volume of ugc.volumes.iterate())`.
   * `limit` is the page size; pages are fetched (and checked) by `list` as the loop goes.
   */
  iterate<E extends VolumeExpand = never>(params?: ListParams<E> & RequestOptions): AsyncIterable<Expanded<HumanVolume, E>>;
}
"#;
