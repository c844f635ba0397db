//! Waiting for a job, in plain Rust: its settings, and what one poll says.

use crate::error::{Error, ErrorCode, Result};
use crate::graphql::Operation;
use crate::input::value::{Kind, Value};
use crate::input::Args;

use super::operations::GET;
use super::params::WAIT;

/// Default pause between two polls.
pub const DEFAULT_INTERVAL_MS: f64 = 5_000.0;
/// Default limit of the whole wait: an hour.
pub const DEFAULT_TIMEOUT_MS: f64 = 3_600_000.0;

/// How to wait.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WaitSettings {
    /// Pause between polls.
    pub interval_ms: f64,
    /// Limit of the whole wait.
    pub timeout_ms: f64,
}

/// The poll of `jobs.waitForCompletion(id, params)`: a `getJob` with outputs expanded.
pub fn wait<V: Value>(id: &str, params: &V) -> Result<(Operation, WaitSettings)> {
    let id = crate::input::read::id_value("id", id)?;
    let expands = GET.expands();
    let args = crate::input::read::read(
        params,
        &WAIT,
        "params",
        false,
        crate::input::read::Context {
            expands: &expands,
            control: &["signal", "onProgress"],
        },
    )?;
    let settings = WaitSettings {
        interval_ms: args.number("intervalMs").unwrap_or(DEFAULT_INTERVAL_MS),
        timeout_ms: args.number("timeoutMs").unwrap_or(DEFAULT_TIMEOUT_MS),
    };
    let mut expand = args.expand();
    if !expand.contains(&"outputs") {
        expand.push("outputs");
    }
    Ok((GET.build(&Args(vec![("jobId", id)]), expand, 0), settings))
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
    pub progress: (String, Option<i64>),
}

/// A string property, if it is one.
fn text<V: Value>(value: &V, key: &str) -> Option<String> {
    match value.get(key).kind() {
        Kind::String(s) => Some(s),
        _ => None,
    }
}

/// Reads a polled job (the checked object the caller receives).
pub fn assess<V: Value>(job: &V) -> Poll {
    let progress = job.get("progress");
    let percentage = match progress.get("percentageComplete").kind() {
        Kind::Number(n) => Some(n as i64),
        _ => None,
    };
    let raw_state = text(&progress, "state")
        .or_else(|| text(job, "state"))
        .unwrap_or_default();
    let state = normalize_state(&raw_state);
    let phase = match state.as_str() {
        "FINISHED" | "COMPLETED" | "SUCCEEDED" => {
            // The API can report FINISHED before the outputs are attached, and
            // before their URLs exist: done only with outputs, each with a URL.
            let outputs = job.get("outputs").items();
            let ready = !outputs.is_empty()
                && outputs
                    .iter()
                    .all(|o| text(&o.get("file"), "presignedUrl").is_some_and(|u| !u.is_empty()));
            if ready {
                Phase::Finished
            } else {
                Phase::Pending
            }
        }
        "FAILED" | "CANCELLED" | "CANCELED" | "ERROR" => Phase::Failed(state.clone()),
        _ => Phase::Pending,
    };
    Poll {
        phase,
        progress: (state, percentage),
    }
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
    use crate::input::value::of;

    fn job(state: &str, percent: &str, outputs: &str) -> Option<serde_json::Value> {
        of(&format!(
            r#"{{"id":"j","state":null,"progress":{{"state":{state},"percentageComplete":{percent}}},"outputs":{outputs}}}"#
        ))
    }

    #[test]
    fn every_spelling_of_the_states_is_understood() {
        for s in ["NOT STARTED", "NOT_STARTED", "not started", "not-started"] {
            assert_eq!(normalize_state(s), "NOT_STARTED");
        }
        assert_eq!(
            assess(&job(r#""NOT STARTED""#, "0", "[]")).phase,
            Phase::Pending
        );
        assert_eq!(
            assess(&job(r#""STARTED""#, "5", "[]")).phase,
            Phase::Pending
        );
        assert_eq!(
            assess(&job(r#""RUNNING""#, "50", "[]")).phase,
            Phase::Pending
        );
        let ready = r#"[{"format":"MAIN_FBX","file":{"presignedUrl":"https://x"}}]"#;
        assert_eq!(
            assess(&job(r#""FINISHED""#, "100", ready)).phase,
            Phase::Finished
        );
        assert_eq!(
            assess(&job(r#""FAILED""#, "100", "[]")).phase,
            Phase::Failed("FAILED".into())
        );
        assert_eq!(
            assess(&job(r#""CANCELLED""#, "3", "[]")).phase,
            Phase::Failed("CANCELLED".into())
        );
    }

    #[test]
    fn finished_waits_for_every_download_url() {
        let lagging = r#"[{"format":"MAIN_FBX","file":{"presignedUrl":"https://x"}},{"format":"RENDER_VIDEO","file":{"presignedUrl":null}}]"#;
        assert_eq!(
            assess(&job(r#""FINISHED""#, "100", lagging)).phase,
            Phase::Pending
        );
        let ready = r#"[{"format":"MAIN_FBX","file":{"presignedUrl":"https://x"}}]"#;
        assert_eq!(
            assess(&job(r#""FINISHED""#, "100", ready)).phase,
            Phase::Finished
        );
    }

    #[test]
    fn finished_without_outputs_is_still_waiting() {
        assert_eq!(
            assess(&job(r#""FINISHED""#, "100", "[]")).phase,
            Phase::Pending
        );
        assert_eq!(
            assess(&job(r#""FINISHED""#, "100", "null")).phase,
            Phase::Pending
        );
    }

    #[test]
    fn progress_state_wins_over_the_deprecated_state() {
        let ready = r#"[{"format":"MAIN_FBX","file":{"presignedUrl":"https://x"}}]"#;
        let poll = assess(&of(&format!(
            r#"{{"id":"j","state":"FINISHED","progress":null,"outputs":{ready}}}"#
        )));
        assert_eq!(poll.phase, Phase::Finished);
        assert_eq!(poll.progress, ("FINISHED".to_string(), None));
        let lagging_state = format!(
            r#"{{"id":"j","state":"RUNNING","progress":{{"state":"FINISHED","percentageComplete":100}},"outputs":{ready}}}"#
        );
        assert_eq!(assess(&of(&lagging_state)).phase, Phase::Finished);
        let lagging_progress = format!(
            r#"{{"id":"j","state":"FINISHED","progress":{{"state":"RUNNING","percentageComplete":90}},"outputs":{ready}}}"#
        );
        assert_eq!(assess(&of(&lagging_progress)).phase, Phase::Pending);
    }

    /// The table of cases that js/node-files.js is tested against too
    /// (tests/js/node-files.test.mjs): the two copies of these rules cannot drift.
    #[test]
    fn the_readiness_table_shared_with_javascript() {
        let table: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/job-readiness.json")).unwrap();
        let cases = table["cases"].as_array().unwrap();
        assert!(cases.len() >= 20);
        for case in cases {
            let what = case["what"].as_str().unwrap();
            let state = case["state"].as_str().unwrap();
            let poll = assess(&Some(case["job"].clone()));
            let phase = match &poll.phase {
                Phase::Pending => "pending",
                Phase::Finished => "finished",
                Phase::Failed(failed_state) => {
                    assert_eq!(failed_state, state, "{what}");
                    assert_eq!(
                        failed("j", failed_state).message,
                        case["message"].as_str().unwrap(),
                        "{what}"
                    );
                    "failed"
                }
            };
            assert_eq!(phase, case["phase"].as_str().unwrap(), "{what}");
            assert_eq!(poll.progress.0, state, "{what}");
        }
    }

    #[test]
    fn settings_are_checked_and_outputs_always_expanded() {
        let (op, settings) = wait("job-1", &of(r#"{"intervalMs":50,"expand":["take"]}"#)).unwrap();
        assert_eq!(
            settings,
            WaitSettings {
                interval_ms: 50.0,
                timeout_ms: DEFAULT_TIMEOUT_MS
            }
        );
        assert!(op.body.contains("outputs { format file {") && op.body.contains("take { id"));
        assert_eq!(
            wait("job-1", &of(r#"{"intervalMs":0}"#))
                .err()
                .unwrap()
                .message,
            "params.intervalMs: expected a number of milliseconds from 10 to 2147483647, got 0"
        );
        assert!(wait("job-1", &of(r#"{"timeoutMs":-1}"#)).is_err());
        assert!(wait("", &of("{}")).is_err());
    }
}
