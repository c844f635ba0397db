//! `ugc.jobs`: start animation jobs on takes, read, rename and list them.

pub mod download;
pub mod operations;
pub mod params;
pub mod wait;

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
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

    /// Node only: streams outputs of a finished job to files in `dir`, named
    /// `<jobId>-<FORMAT>.<ext>` (the extension from the file's type), each
    /// written under a temporary name and renamed once complete (an existing
    /// file is replaced only by a whole one). Every output, or those of
    /// `formats`. The job is read with its outputs first: one not finished,
    /// or an output without its URL, is `NOT_FOUND` (wait with
    /// `waitForCompletion`), a failed one `JOB_FAILED`. Each download is
    /// retried like a read; your API key is not sent to storage. In a
    /// browser it rejects (`INVALID_ARGUMENT`): use `files.download`.
    #[wasm_bindgen(js_name = downloadOutputs, unchecked_return_type = "Promise<DownloadedOutput[]>")]
    pub fn download_outputs(
        &self,
        #[wasm_bindgen(js_name = jobOrId, unchecked_param_type = "string | { id: string }")]
        job: JsValue,
        #[wasm_bindgen(unchecked_param_type = "JobDownloadOutputsParams & OutputDownloadOptions")]
        params: JsValue,
    ) -> js_sys::Promise {
        let transport = Rc::clone(&self.transport);
        crate::executor::spawn(async move {
            let to_js = |e: crate::error::Error| host::to_js_error(&e);
            let signal = host::read_signal(&params, "params")?;
            let on_progress = host::read_callback(&params, "params", "onProgress")?;
            let request = download::request(&job, &params).map_err(to_js)?;
            // Node only, and a directory that can be written: before anything is sent.
            let files = JsFuture::from(host::output_files(&request.dir)).await?;
            let files: &js_sys::Function = files.unchecked_ref();
            let job = transport
                .execute(&request.read, signal.as_ref())
                .await
                .map_err(to_js)?;
            let planned =
                download::plan(&js_sys::JSON::parse(&job)?, &request.id, &request.formats)
                    .map_err(to_js)?;
            let done = js_sys::Array::new();
            for output in planned {
                let sink =
                    files.call2(&JsValue::NULL, &output.name.into(), &output.format.into())?;
                transport
                    .download(&output.url, signal.as_ref(), on_progress.as_ref(), &sink)
                    .await
                    .map_err(to_js)?;
                done.push(&js_sys::Reflect::get(&sink, &JsValue::from_str("result"))?);
            }
            Ok(done.into())
        })
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
}
"#;
