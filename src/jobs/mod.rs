//! `ugc.jobs`: start animation jobs on takes, read, rename and list them.

pub mod operations;
pub mod params;
pub mod wait;

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::host;
use crate::transport::{call, call_with_id, Transport};
use wait::Phase;

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

    /// Polls a job until it is `FINISHED` and every output has its download
    /// URL, and resolves with it (outputs expanded). Rejects with `JOB_FAILED`
    /// if it ends `FAILED` or `CANCELLED`, `TIMEOUT` after `timeoutMs`, or
    /// `ABORTED`. `onProgress(job)` is called whenever the progress changes.
    /// Transient failures of a poll do not end the wait.
    #[wasm_bindgen(js_name = waitForCompletion, unchecked_return_type = "Promise<Expanded<Job, E | 'outputs'>>")]
    pub fn wait_for_completion(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "JobWaitParams<E> & WaitOptions")]
        params: JsValue,
    ) -> js_sys::Promise {
        let transport = Rc::clone(&self.transport);
        crate::executor::spawn(async move {
            let id = host::read_string(&id, "id").map_err(|e| host::to_js_error(&e))?;
            let signal = host::read_signal(&params, "params")?;
            let on_progress = host::read_callback(&params, "params", "onProgress")?;
            let (poll, settings) = wait::wait(&id, &params).map_err(|e| host::to_js_error(&e))?;
            let started = js_sys::Date::now();
            let mut last_progress = None;
            loop {
                match transport.execute(&poll, signal.as_ref()).await {
                    Ok(json) => {
                        let job = js_sys::JSON::parse(&json)?;
                        let status = wait::assess(&job);
                        if last_progress.as_ref() != Some(&status.progress) {
                            if let Some(callback) = &on_progress {
                                host::notify(callback, &job);
                            }
                            last_progress = Some(status.progress);
                        }
                        match status.phase {
                            Phase::Finished => return Ok(job),
                            Phase::Failed(state) => {
                                return Err(host::to_js_error(&wait::failed(&id, &state)))
                            }
                            Phase::Pending => {}
                        }
                    }
                    // A blip (network, 429, 5xx, a slow answer) does not end the wait.
                    Err(error) if error.retryable() => {}
                    Err(error) => return Err(host::to_js_error(&error)),
                }
                if js_sys::Date::now() - started + settings.interval_ms > settings.timeout_ms {
                    return Err(host::to_js_error(&wait::timed_out(
                        &id,
                        settings.timeout_ms,
                    )));
                }
                JsFuture::from(host::sleep(settings.interval_ms, signal.clone()))
                    .await
                    .map_err(|_| host::to_js_error(&host::aborted_error("waitForCompletion")))?;
            }
        })
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
