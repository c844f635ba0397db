//! The parameters of the files methods.

use serde::Deserialize;
use serde_json::value::RawValue;
use tsify::Tsify;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::enums::api_enum;

api_enum! {
    /// A related object to include in a returned file (any letter case).
    pub enum FileExpand {
        /// The owning client account.
        Client = "client",
    }
}

/// Parameters of `files.create`.
#[derive(Debug, Deserialize, Tsify)]
#[serde(
    rename_all = "camelCase",
    deny_unknown_fields,
    bound = "E: Deserialize<'de>"
)]
pub struct FileCreateParams<E> {
    /// The file's type (extension), e.g. `'mp4'`, `'mov'`, `'avi'` or `'move'`.
    #[serde(rename = "type")]
    pub file_type: String,
    /// A name for the file.
    #[tsify(optional)]
    pub name: Option<String>,
    /// Your own data to store with the file: any JSON value.
    #[tsify(optional, type = "Metadata")]
    pub metadata: Option<Box<RawValue>>,
    /// Related objects to include in the result.
    #[tsify(optional)]
    pub expand: Option<Vec<E>>,
}

/// Parameters of `files.upload` (beside `onProgress` and `signal`).
#[derive(Debug, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileUploadParams {
    /// The file's type (extension), e.g. `'mp4'`. Default: from the data's
    /// file name (a `File`, a path, a file stream), else from the `Blob`'s
    /// type, else from the extension of `name`.
    #[serde(rename = "type")]
    #[tsify(optional)]
    pub file_type: Option<String>,
    /// A name for the file. Default: the data's file name, if it has one.
    #[tsify(optional)]
    pub name: Option<String>,
    /// Your own data to store with the file: any JSON value.
    #[tsify(optional, type = "Metadata")]
    pub metadata: Option<Box<RawValue>>,
}

#[wasm_bindgen(typescript_custom_section)]
const UPLOAD_TS: &'static str = r#"
/**
 * What `files.upload` sends: a `Blob` or `File`, an `ArrayBuffer`, a
 * `Uint8Array` or Node `Buffer`; in Node also a file path (read from disk as
 * it is sent) or a readable stream (read whole first: storage needs the length).
 */
export type UploadData =
  | Blob
  | ArrayBuffer
  | ArrayBufferView
  | string
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array | string>;

/** How far an upload has come. */
export interface UploadProgress {
  /** Bytes sent so far. */
  loaded: number;
  /** Bytes in all. */
  total: number;
}

/** Options of `files.upload` beside its params. */
export interface UploadOptions extends RequestOptions {
  /**
   * Called as bytes are sent: in browsers as the upload goes; in Node, which
   * cannot tell, once at the start and once at the end. The last call has
   * `loaded === total`, once.
   */
  onProgress?: (progress: UploadProgress) => void;
}
"#;
