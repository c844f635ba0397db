//! The parameters of the files methods.

use serde::Deserialize;
use serde_json::value::RawValue;
use tsify::Tsify;
use wasm_bindgen::prelude::wasm_bindgen;

/// A related object to include in a returned file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Tsify)]
#[serde(rename_all = "lowercase")]
pub enum FileExpand {
    /// The owning client account.
    Client,
}

/// Parameters of `files.create`.
#[derive(Debug, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileCreateParams {
    /// The file's type (extension), e.g. `'mp4'`, `'mov'`, `'avi'` or `'move'`.
    #[serde(rename = "type")]
    pub file_type: String,
    /// A name for the file.
    #[tsify(optional)]
    pub name: Option<String>,
    /// Your own data to store with the file.
    #[tsify(optional, type = "Metadata")]
    pub metadata: Option<Box<RawValue>>,
    /// Related objects to include in the result.
    #[tsify(optional)]
    pub expand: Option<Vec<FileExpand>>,
}

/// Parameters of `files.upload` (beside `onProgress` and `signal`).
#[derive(Debug, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileUploadParams {
    /// The file's type (extension), e.g. `'mp4'`.
    #[serde(rename = "type")]
    pub file_type: String,
    /// A name for the file.
    #[tsify(optional)]
    pub name: Option<String>,
    /// Your own data to store with the file.
    #[tsify(optional, type = "Metadata")]
    pub metadata: Option<Box<RawValue>>,
}

#[wasm_bindgen(typescript_custom_section)]
const UPLOAD_TS: &'static str = r#"
/** The bytes `files.upload` sends: a `Blob` or `File`, an `ArrayBuffer`, a `Uint8Array` or a Node `Buffer`. */
export type UploadData = Blob | ArrayBuffer | ArrayBufferView;

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
   * cannot tell, once at the start and once at the end.
   */
  onProgress?: (progress: UploadProgress) => void;
}
"#;
