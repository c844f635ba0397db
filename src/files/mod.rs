//! `ugc.files`: upload videos, read and rename files, share and download outputs.

pub mod operations;
pub mod params;

use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::transport::{call, call_with_id, Transport};

/// The files service, `ugc.files`.
#[wasm_bindgen]
pub struct Files {
    transport: Rc<Transport>,
}

impl Files {
    pub(crate) fn new(transport: Rc<Transport>) -> Self {
        Files { transport }
    }
}

#[wasm_bindgen]
impl Files {
    /// A handle of its own on the same client, for a method written in
    /// JavaScript (js/host.js) that goes on across awaits: freeing the service
    /// it was called on meanwhile (`using x = ugc.files`) does not end it.
    /// The method frees it. Not part of the package's API.
    #[wasm_bindgen(js_name = __own, skip_typescript)]
    pub fn own(&self) -> Files {
        Files::new(Rc::clone(&self.transport))
    }

    /// Creates a file record; its `presignedUrl` is where to PUT the bytes.
    /// `upload` does both steps.
    #[wasm_bindgen(unchecked_return_type = "Promise<Expanded<File, E>>")]
    pub fn create(
        &self,
        #[wasm_bindgen(unchecked_param_type = "FileCreateParams<E> & RequestOptions")]
        params: JsValue,
    ) -> js_sys::Promise {
        call(&self.transport, &params, operations::create)
    }

    /// Reads one file; its `presignedUrl` is a download URL.
    #[wasm_bindgen(unchecked_return_type = "Promise<Expanded<File, E>>")]
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

    /// Renames a file or replaces its metadata.
    #[wasm_bindgen(unchecked_return_type = "Promise<Expanded<File, E>>")]
    pub fn update(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "UpdateParams<E> & RequestOptions")] params: JsValue,
    ) -> js_sys::Promise {
        call_with_id(&self.transport, &id, "id", &params, operations::update)
    }

    /// Makes a share code for a file (typically a job output).
    #[wasm_bindgen(js_name = generateShareCode, unchecked_return_type = "Promise<ShareCode>")]
    pub fn generate_share_code(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] file_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] params: JsValue,
    ) -> js_sys::Promise {
        call_with_id(
            &self.transport,
            &file_id,
            "fileId",
            &params,
            operations::generate_share_code,
        )
    }

    /// The `createFile` of `files.upload` (host.js `uploadFile`, which read
    /// the data first and PUTs it after): `facts` is the data's own file name
    /// and MIME type, each possibly empty, joined by a NUL (which neither can
    /// hold). Resolves with the created file. Not part of the package's API.
    #[wasm_bindgen(js_name = __upload, skip_typescript)]
    pub fn create_for_upload(&self, facts: JsValue, params: JsValue) -> js_sys::Promise {
        call_with_id(
            &self.transport,
            &facts,
            "facts",
            &params,
            operations::upload_with_facts,
        )
    }

    /// One storage request of `files.upload` or `files.download` (host.js
    /// `uploadFile`, `downloadFile`), or with no `url` the check of
    /// `files.download`'s params (`signal` and `onProgress` only): see
    /// [`crate::transport::transfer`]. Not part of the package's API.
    #[wasm_bindgen(js_name = __transfer, skip_typescript)]
    pub fn transfer(
        &self,
        url: JsValue,
        options: JsValue,
        body: JsValue,
        sink: JsValue,
    ) -> Result<JsValue, JsValue> {
        let params = &crate::ops::NO_PARAMS;
        crate::transport::transfer(&self.transport, params, url, options, body, sink)
    }
}

// Methods made of others, added to the class by the package's JavaScript
// (scripts/build-pkg.mjs, web/index.js; js/host.js `uploadFile`, `downloadFile`).
#[wasm_bindgen(typescript_custom_section)]
const MORE_METHODS_TS: &'static str = r#"
/** The methods of `Files` that the package's JavaScript adds to the class. */
export interface Files {
  /**
   * Uploads a file: creates it, then PUTs the bytes to its presigned URL
   * (without your API key: that request goes to storage; retried like a
   * read). `type` defaults from the data's file name or Blob type, else from
   * `name`'s extension; `name` from the data's file name. Resolves with the
   * created file; use its `id` in a take's sources.
   */
  upload(data: UploadData, params?: FileUploadParams & UploadOptions): Promise<File>;
  /**
   * Downloads a file's bytes from storage, from its presigned URL (your API
   * key is not sent there). `fileOrId` is an id (the file is read for its
   * download URL) or a file as the SDK returns it, e.g. `job.outputs[0].file`
   * (its `presignedUrl`, else it is read by its `id`). A URL of the file's
   * that storage refuses (403: the upload URL of the file that `create` and
   * `upload` return, or one that expired) is replaced once by a fresh one,
   * read by its `id`. Resolves with a `Uint8Array` in Node, a `Blob` in
   * browsers, held once in memory. Retried like a read (network error, 429,
   * 5xx); `timeoutMs` bounds each wait for data, not the transfer. A file
   * with no download URL yet is `NOT_FOUND`; storage's 403 for a URL read
   * just now is `PERMISSION_DENIED`, its 404 `NOT_FOUND`.
   */
  download(fileOrId: string | FileRef, params?: DownloadOptions): Promise<Uint8Array | Blob>;
}
"#;
