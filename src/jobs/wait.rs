//! Waiting for a job, in plain Rust: its settings, and what one poll says.

use serde::Deserialize;
use tsify::Tsify;

use crate::args;
use crate::error::{Error, ErrorCode, Result};
use crate::graphql::Operation;
use crate::ops;
use crate::types::Job;

use super::params::JobExpand;

/// Default pause between two polls.
pub const DEFAULT_INTERVAL_MS: f64 = 5_000.0;
/// Default limit of the whole wait: an hour.
pub const DEFAULT_TIMEOUT_MS: f64 = 3_600_000.0;

/// Parameters of `jobs.waitForCompletion` (beside `onProgress` and `signal`).
#[derive(Debug, Deserialize, Tsify)]
#[serde(
    rename_all = "camelCase",
    deny_unknown_fields,
    bound = "E: Deserialize<'de>"
)]
pub struct JobWaitParams<E> {
    /// Pause between polls in milliseconds, at least 10. Default 5000.
    #[tsify(optional)]
    pub interval_ms: Option<f64>,
    /// Give up (code `TIMEOUT`) after this many milliseconds. Default 3600000 (an hour).
    #[tsify(optional)]
    pub timeout_ms: Option<f64>,
    /// Related objects to include in the result; `outputs` always is.
    #[tsify(optional)]
    pub expand: Option<Vec<E>>,
}

/// How to wait.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WaitSettings {
    /// Pause between polls.
    pub interval_ms: f64,
    /// Limit of the whole wait.
    pub timeout_ms: f64,
}

/// The poll of `jobs.waitForCompletion(id, params)`: a `getJob` with outputs expanded.
pub fn wait(id: &str, params_json: &str) -> Result<(Operation, WaitSettings)> {
    args::require_id("id", id)?;
    let p: JobWaitParams<JobExpand> = args::from_json(params_json, "params")?;
    let interval_ms = milliseconds(
        "params.intervalMs",
        p.interval_ms,
        DEFAULT_INTERVAL_MS,
        10.0,
    )?;
    let timeout_ms = milliseconds("params.timeoutMs", p.timeout_ms, DEFAULT_TIMEOUT_MS, 1.0)?;
    let mut expand = p.expand.unwrap_or_default();
    if !expand.contains(&JobExpand::Outputs) {
        expand.push(JobExpand::Outputs);
    }
    let operation = ops::get_expanded::<Job>("getJob", "jobId", id, expand)?;
    Ok((
        operation,
        WaitSettings {
            interval_ms,
            timeout_ms,
        },
    ))
}

/// A duration in milliseconds, from `min` to the longest `setTimeout` honours.
fn milliseconds(argument: &str, value: Option<f64>, default: f64, min: f64) -> Result<f64> {
    match value {
        None => Ok(default),
        Some(v) => args::number_in(
            argument,
            v,
            "a number of milliseconds",
            min..=2_147_483_647.0,
        ),
    }
}

/// Where a job stands after one poll.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Still on its way (or finished, with outputs still lacking their URLs).
    Pending,
    /// Finished, and every output has its download URL.
    Finished,
    /// Ended without animation: the state, e.g. `FAILED` or `CANCELLED`.
    Failed(String),
}

/// What one poll says: the phase, and the progress to compare with the last.
#[derive(Debug, Clone, PartialEq)]
pub struct Poll {
    /// Where the job stands.
    pub phase: Phase,
    /// `(state, percentage)`, normalised; `onProgress` fires when it changes.
    pub progress: (String, Option<i32>),
}

/// Reads a polled job (the caller's JSON of it).
pub fn assess(job_json: &str) -> Result<Poll> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Polled {
        state: Option<String>,
        progress: Option<Progress>,
        #[serde(default)]
        outputs: Option<Vec<Output>>,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Progress {
        state: Option<String>,
        percentage_complete: Option<i32>,
    }
    #[derive(Deserialize)]
    struct Output {
        file: OutputFile,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct OutputFile {
        presigned_url: Option<String>,
    }
    let job: Polled = serde_json::from_str(job_json).map_err(Error::invalid_response)?;
    let outputs = job.outputs.unwrap_or_default();
    let percentage = job.progress.as_ref().and_then(|p| p.percentage_complete);
    let raw_state = job
        .progress
        .and_then(|p| p.state)
        .or(job.state)
        .unwrap_or_default();
    let state = normalize_state(&raw_state);
    let phase = match state.as_str() {
        "FINISHED" | "COMPLETED" | "SUCCEEDED" => {
            // The API can report FINISHED before the outputs are attached, and
            // before their URLs exist: done only with outputs, each with a URL.
            let ready = !outputs.is_empty()
                && outputs.iter().all(|o| {
                    o.file
                        .presigned_url
                        .as_deref()
                        .is_some_and(|u| !u.is_empty())
                });
            if ready {
                Phase::Finished
            } else {
                Phase::Pending
            }
        }
        "FAILED" | "CANCELLED" | "CANCELED" | "ERROR" => Phase::Failed(state.clone()),
        _ => Phase::Pending,
    };
    Ok(Poll {
        phase,
        progress: (state, percentage),
    })
}

/// `NOT STARTED`, `not-started` and `NOT_STARTED` are one state.
pub fn normalize_state(state: &str) -> String {
    state
        .trim()
        .chars()
        .map(|c| {
            if c == ' ' || c == '-' {
                '_'
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect()
}

/// `JOB_FAILED` for a job that ended without animation.
pub fn failed(id: &str, state: &str) -> Error {
    Error::new(ErrorCode::JobFailed, format!("job {id} ended {state}"))
}

/// `TIMEOUT` for a wait that ran out of time.
pub fn timed_out(id: &str, timeout_ms: f64) -> Error {
    // Integers only: formatting an f64 would pull float printing into the module.
    let ms = timeout_ms.round() as u64;
    Error::new(
        ErrorCode::Timeout,
        format!("job {id} did not finish within {ms} ms"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(state: &str, percent: &str, outputs: &str) -> String {
        format!(
            r#"{{"id":"j","state":null,"progress":{{"state":{state},"percentageComplete":{percent}}},"outputs":{outputs}}}"#
        )
    }

    #[test]
    fn every_spelling_of_the_states_is_understood() {
        for s in ["NOT STARTED", "NOT_STARTED", "not started", "not-started"] {
            assert_eq!(normalize_state(s), "NOT_STARTED");
        }
        assert_eq!(
            assess(&job(r#""NOT STARTED""#, "0", "[]")).unwrap().phase,
            Phase::Pending
        );
        assert_eq!(
            assess(&job(r#""STARTED""#, "5", "[]")).unwrap().phase,
            Phase::Pending
        );
        assert_eq!(
            assess(&job(r#""RUNNING""#, "50", "[]")).unwrap().phase,
            Phase::Pending
        );
        let ready = r#"[{"format":"MAIN_FBX","file":{"presignedUrl":"https://x"}}]"#;
        assert_eq!(
            assess(&job(r#""FINISHED""#, "100", ready)).unwrap().phase,
            Phase::Finished
        );
        assert_eq!(
            assess(&job(r#""FAILED""#, "100", "[]")).unwrap().phase,
            Phase::Failed("FAILED".into())
        );
        assert_eq!(
            assess(&job(r#""CANCELLED""#, "3", "[]")).unwrap().phase,
            Phase::Failed("CANCELLED".into())
        );
    }

    #[test]
    fn finished_waits_for_every_download_url() {
        let lagging = r#"[{"format":"MAIN_FBX","file":{"presignedUrl":"https://x"}},{"format":"RENDER_VIDEO","file":{"presignedUrl":null}}]"#;
        assert_eq!(
            assess(&job(r#""FINISHED""#, "100", lagging)).unwrap().phase,
            Phase::Pending
        );
        let ready = r#"[{"format":"MAIN_FBX","file":{"presignedUrl":"https://x"}}]"#;
        assert_eq!(
            assess(&job(r#""FINISHED""#, "100", ready)).unwrap().phase,
            Phase::Finished
        );
    }

    #[test]
    fn finished_without_outputs_is_still_waiting() {
        assert_eq!(
            assess(&job(r#""FINISHED""#, "100", "[]")).unwrap().phase,
            Phase::Pending
        );
        assert_eq!(
            assess(&job(r#""FINISHED""#, "100", "null")).unwrap().phase,
            Phase::Pending
        );
    }

    #[test]
    fn progress_state_wins_over_the_deprecated_state() {
        let ready = r#"[{"format":"MAIN_FBX","file":{"presignedUrl":"https://x"}}]"#;
        let poll = assess(&format!(
            r#"{{"id":"j","state":"FINISHED","progress":null,"outputs":{ready}}}"#
        ))
        .unwrap();
        assert_eq!(poll.phase, Phase::Finished);
        assert_eq!(poll.progress, ("FINISHED".to_string(), None));
        let lagging_state = format!(
            r#"{{"id":"j","state":"RUNNING","progress":{{"state":"FINISHED","percentageComplete":100}},"outputs":{ready}}}"#
        );
        assert_eq!(assess(&lagging_state).unwrap().phase, Phase::Finished);
        let lagging_progress = format!(
            r#"{{"id":"j","state":"FINISHED","progress":{{"state":"RUNNING","percentageComplete":90}},"outputs":{ready}}}"#
        );
        assert_eq!(assess(&lagging_progress).unwrap().phase, Phase::Pending);
    }

    #[test]
    fn settings_are_checked_and_outputs_always_expanded() {
        let (op, settings) = wait("job-1", r#"{"intervalMs":50,"expand":["take"]}"#).unwrap();
        assert_eq!(
            settings,
            WaitSettings {
                interval_ms: 50.0,
                timeout_ms: DEFAULT_TIMEOUT_MS
            }
        );
        assert!(op.body.contains("outputs { format file {") && op.body.contains("take { id"));
        assert_eq!(
            wait("job-1", r#"{"intervalMs":0}"#).err().unwrap().message,
            "params.intervalMs: expected a number of milliseconds from 10 to 2147483647, got 0"
        );
        assert!(wait("job-1", r#"{"timeoutMs":-1}"#).is_err());
        assert!(wait("", "{}").is_err());
    }
}
