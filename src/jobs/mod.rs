//! `ugc.jobs`: start animation jobs on takes, read, rename and list them.

pub mod operations;
pub mod params;
pub mod wait;

use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::host;
use crate::transport::{call, call_with_id, Transport};

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
    /// A handle of its own on the same client, for a method written in
    /// JavaScript (js/host.js) that goes on across awaits: freeing the service
    /// it was called on meanwhile (`using x = ugc.jobs`) does not end it.
    /// The method frees it. Not part of the package's API.
    #[wasm_bindgen(js_name = __own, skip_typescript)]
    pub fn own(&self) -> Jobs {
        Jobs::new(Rc::clone(&self.transport))
    }

    /// Starts a single-camera job on a take. Never retried automatically: a
    /// second attempt could start (and bill) a second job.
    #[wasm_bindgen(js_name = createSingleCam, unchecked_return_type = "Promise<Expanded<Job, E>>")]
    pub fn create_single_cam(
        &self,
        #[wasm_bindgen(unchecked_param_type = "JobCreateSingleCamParams<E> & RequestOptions")]
        params: JsValue,
    ) -> js_sys::Promise {
        call(&self.transport, &params, operations::create_single_cam)
    }

    /// Starts a multi-camera job on a take. Never retried automatically.
    #[wasm_bindgen(js_name = createMultiCam, unchecked_return_type = "Promise<Expanded<Job, E>>")]
    pub fn create_multi_cam(
        &self,
        #[wasm_bindgen(unchecked_param_type = "JobCreateMultiCamParams<E> & RequestOptions")]
        params: JsValue,
    ) -> js_sys::Promise {
        call(&self.transport, &params, operations::create_multi_cam)
    }

    /// Reads one job. `expand` adds related objects. Retried on transient failures.
    #[wasm_bindgen(unchecked_return_type = "Promise<Expanded<Job, E>>")]
    pub fn retrieve(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ExpandParams<E> & RequestOptions")]
        params: JsValue,
    ) -> js_sys::Promise {
        call_with_id(&self.transport, &id, "id", &params, operations::retrieve)
    }

    /// Renames a job or replaces its metadata. Never retried automatically.
    #[wasm_bindgen(unchecked_return_type = "Promise<Expanded<Job, E>>")]
    pub fn update(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "UpdateParams<E> & RequestOptions")] params: JsValue,
    ) -> js_sys::Promise {
        call_with_id(&self.transport, &id, "id", &params, operations::update)
    }

    /// Reads one page of jobs, newest first unless `sortBy` says otherwise.
    /// Pass the page's `nextToken` back for the next page.
    #[wasm_bindgen(unchecked_return_type = "Promise<Page<Expanded<Job, E>>>")]
    pub fn list(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "JobListParams<E> & RequestOptions")]
        params: JsValue,
    ) -> js_sys::Promise {
        call(&self.transport, &params, operations::list)
    }

    /// The checked arguments of `jobs.waitForCompletion` (js/host.js, which
    /// polls through `retrieve`): `[intervalMs, timeoutMs, expand, signal,
    /// onProgress]`, `expand` always with `outputs`; a refusal is thrown,
    /// before anything is sent. Not part of the package's API.
    #[wasm_bindgen(js_name = __waitPlan, skip_typescript)]
    pub fn wait_plan(&self, id: JsValue, params: JsValue) -> Result<js_sys::Array, JsValue> {
        let id = host::read_string(&id, "id").map_err(|e| host::to_js_error(&e))?;
        let signal = host::read_signal(&params, "params")?;
        let on_progress = host::read_callback(&params, "params", "onProgress")?;
        let settings = wait::wait(&id, &params).map_err(|e| host::to_js_error(&e))?;
        let expand: js_sys::Array = settings
            .expand
            .iter()
            .map(|e| JsValue::from_str(e))
            .collect();
        Ok(js_sys::Array::of5(
            &settings.interval_ms.into(),
            &settings.timeout_ms.into(),
            &expand,
            &signal.map_or(JsValue::UNDEFINED, JsValue::from),
            &on_progress.map_or(JsValue::UNDEFINED, JsValue::from),
        ))
    }

    /// One storage download of `jobs.downloadOutputs` (js/node-files.js), or
    /// with no `url` the check of its params (`{ dir, formats? }` beside
    /// `signal` and `onProgress`): see [`crate::transport::transfer`]. Not
    /// part of the package's API.
    #[wasm_bindgen(js_name = __transfer, skip_typescript)]
    pub fn transfer(
        &self,
        url: JsValue,
        options: JsValue,
        body: JsValue,
        sink: JsValue,
    ) -> Result<JsValue, JsValue> {
        let params = &params::DOWNLOAD_OUTPUTS;
        crate::transport::transfer(&self.transport, params, url, options, body, sink)
    }
}

#[wasm_bindgen(typescript_custom_section)]
const DOWNLOAD_OUTPUTS_TS: &'static str = r#"
/** How far `jobs.downloadOutputs` has come with one output. */
export interface OutputDownloadProgress extends DownloadProgress {
  /** The output being downloaded (`null` if the API named none). */
  format: OutputType | null;
}

/** Options of `jobs.downloadOutputs` beside its params. */
export interface OutputDownloadOptions extends RequestOptions {
  /** Called at the start of each output (`loaded: 0`) and as each chunk arrives. */
  onProgress?: (progress: OutputDownloadProgress) => void;
}

/** An output written by `jobs.downloadOutputs`. */
export interface DownloadedOutput {
  /** Which output it is (`null` if the API named none). */
  format: OutputType | null;
  /** Where it was written: `dir` joined with `<jobId>-<FORMAT>.<ext>`. */
  path: string;
  /** Its size in bytes. */
  bytes: number;
}
"#;

#[wasm_bindgen(typescript_custom_section)]
const WAIT_OPTIONS_TS: &'static str = r#"
/** Options of `jobs.waitForCompletion` beside its params. */
export interface WaitOptions extends RequestOptions {
  /** Called with the job whenever its state or percentage changes. */
  onProgress?: (job: Job) => void;
}
"#;

// Methods made of others, added to the class by the package's JavaScript
// (scripts/build-pkg.mjs, web/index.js) rather than exported by the module.
#[wasm_bindgen(typescript_custom_section)]
const MORE_METHODS_TS: &'static str = r#"
/** The methods of `Jobs` that the package's JavaScript adds to the class. */
export interface Jobs {
  /** The same as `createSingleCam`, under the name of Move's older SDKs. */
  create<E extends JobExpand = never>(params: JobCreateSingleCamParams<E> & RequestOptions): Promise<Expanded<Job, E>>;
  /**
   * Polls a job until it is `FINISHED` and every output has its download
   * URL, and resolves with it (outputs expanded). Rejects with `JOB_FAILED`
   * if it ends `FAILED` or `CANCELLED`, `TIMEOUT` after `timeoutMs`, or
   * `ABORTED`. `onProgress(job)` is called whenever the progress changes.
   * Transient failures of a poll do not end the wait.
   */
  waitForCompletion<E extends JobExpand = never>(id: string, params?: JobWaitParams<E> & WaitOptions): Promise<Expanded<Job, E | 'outputs'>>;
  /**
   * Every job of every page, for `for await (const job of ugc.jobs.iterate())`.
   * `limit` is the page size; pages are fetched (and checked) by `list` as the loop goes.
   */
  iterate<E extends JobExpand = never>(params?: JobListParams<E> & RequestOptions): AsyncIterable<Expanded<Job, E>>;
  /**
   * Node only: streams the outputs of a finished job to files in `dir`, named
   * `<jobId>-<FORMAT>.<ext>` (the extension from the file's type), one after
   * the other, never holding a whole file in memory. Every output, or those
   * of `formats`. Each file is written under a temporary name and renamed
   * once complete, so an existing file is only ever replaced by a whole one,
   * and a failed or aborted download leaves no temporary file behind.
   *
   * Before anything is sent, the params, the job's id and `dir` are checked:
   * `dir` (or, if it is missing, the nearest of its parents) must be a
   * directory this process may write in, else `INVALID_ARGUMENT`. The job is
   * read with its outputs next: one not `FINISHED`, or an output without its
   * download URL yet, is `NOT_FOUND` (wait with `waitForCompletion` first); a
   * `FAILED` or `CANCELLED` one is `JOB_FAILED`; a format the job lacks is
   * `NOT_FOUND`. Only then is a missing `dir` made (a job not ready, or a
   * call aborted, leaves none behind). Each download is retried like a read
   * (network error, 429, 5xx); `timeoutMs` bounds each wait for data, not
   * the transfer; your API key is never sent to storage.
   *
   * The one `INVALID_ARGUMENT` raised after requests went out is about
   * `params.dir` once the job was read: a file's name that is a directory in
   * `dir`, or the disk failing while it writes (no space left, permission
   * lost, a rename refused), e.g. `params.dir: writing out/job-1-MAIN_FBX.fbx
   * failed: no space left on device (ENOSPC)`, with the file system's error
   * as `cause`. In a browser it rejects with `INVALID_ARGUMENT`: use
   * `files.download`.
   */
  downloadOutputs(jobOrId: string | { id: string }, params: JobDownloadOutputsParams & OutputDownloadOptions): Promise<DownloadedOutput[]>;
}
"#;
