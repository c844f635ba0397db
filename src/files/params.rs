//! The parameters of the files methods, described once.

use wasm_bindgen::prelude::wasm_bindgen;

use crate::input::{param, In, Input};
use crate::ops::{EXPAND, METADATA};

/// Parameters of `files.create`.
pub static CREATE: Input = Input {
    name: "FileCreateParams",
    doc: crate::model::doc("Parameters of `files.create`."),
    params: &[
        param(
            "type",
            In::String,
            "The file's type (extension), e.g. `'mp4'`, `'mov'`, `'avi'` or `'move'`.",
        )
        .required(),
        param("name", In::String, "A name for the file."),
        METADATA,
        EXPAND,
    ],
};

/// Parameters of `files.upload` (beside `onProgress` and `signal`).
pub static UPLOAD: Input = Input {
    name: "FileUploadParams",
    doc: crate::model::doc("Parameters of `files.upload` (beside `onProgress` and `signal`)."),
    params: &[
        param(
            "type",
            In::String,
            "The file's type (extension), e.g. `'mp4'`. Default: from the data's file name (a \
             `File`, a path, a file stream), else from the `Blob`'s type, else from the \
             extension of `name`.",
        ),
        param(
            "name",
            In::String,
            "A name for the file. Default: the data's file name, if it has one.",
        ),
        METADATA,
    ],
};

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

#[wasm_bindgen(typescript_custom_section)]
const DOWNLOAD_TS: &'static str = r#"
/** A file to download: its `id`, and its `presignedUrl` if it has one (`job.outputs[0].file`). */
export interface FileRef {
  /** The file's id. */
  id: string;
  /** Its download URL; absent or `null`: the file is read by id for one. */
  presignedUrl?: string | null;
}

/** How far a download has come. */
export interface DownloadProgress {
  /** Bytes received so far (from 0 again if the download is retried). */
  loaded: number;
  /** Bytes in all, from storage's `Content-Length`; `null` when it does not say. */
  total: number | null;
}

/** Options of `files.download`. */
export interface DownloadOptions extends RequestOptions {
  /** Called at the start (`loaded: 0`) and as each chunk arrives; the last call has every byte. */
  onProgress?: (progress: DownloadProgress) => void;
}
"#;
