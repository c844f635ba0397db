//! Waiting for a job: the checked settings of `jobs.waitForCompletion`. The
//! polls themselves run in js/host.js (`waitForCompletion`), through
//! `jobs.retrieve`, with the one copy of how a job's state is read (`assess`).

use crate::error::Result;
use crate::input::value::Value;

use super::operations::GET;
use super::params::WAIT;

/// Default pause between two polls.
pub const DEFAULT_INTERVAL_MS: f64 = 5_000.0;
/// Default limit of the whole wait: an hour.
pub const DEFAULT_TIMEOUT_MS: f64 = 3_600_000.0;

/// How to wait.
#[derive(Debug, Clone, PartialEq)]
pub struct WaitSettings {
    /// Pause between polls.
    pub interval_ms: f64,
    /// Limit of the whole wait.
    pub timeout_ms: f64,
    /// What each poll expands: the caller's, and always `outputs`.
    pub expand: Vec<&'static str>,
}

/// The settings of `jobs.waitForCompletion(id, params)`, checked (the id,
/// then the params beside `signal` and `onProgress`).
pub fn wait<V: Value>(id: &str, params: &V) -> Result<WaitSettings> {
    crate::input::read::id_value("id", id)?;
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
    let mut expand = args.expand();
    if !expand.contains(&"outputs") {
        expand.push("outputs");
    }
    Ok(WaitSettings {
        interval_ms: args.number("intervalMs").unwrap_or(DEFAULT_INTERVAL_MS),
        timeout_ms: args.number("timeoutMs").unwrap_or(DEFAULT_TIMEOUT_MS),
        expand,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::value::of;

    #[test]
    fn settings_are_checked_and_outputs_always_expanded() {
        let settings = wait("job-1", &of(r#"{"intervalMs":50,"expand":["take"]}"#)).unwrap();
        assert_eq!(
            settings,
            WaitSettings {
                interval_ms: 50.0,
                timeout_ms: DEFAULT_TIMEOUT_MS,
                expand: vec!["take", "outputs"],
            }
        );
        let defaults = wait("job-1", &of("{}")).unwrap();
        assert_eq!(
            (defaults.interval_ms, defaults.timeout_ms, defaults.expand),
            (DEFAULT_INTERVAL_MS, DEFAULT_TIMEOUT_MS, vec!["outputs"])
        );
        let given = wait("job-1", &of(r#"{"expand":["outputs","rig"]}"#)).unwrap();
        assert_eq!(given.expand, vec!["outputs", "rig"]);
        assert_eq!(
            wait("job-1", &of(r#"{"intervalMs":0}"#))
                .err()
                .unwrap()
                .message,
            "params.intervalMs: expected a number of milliseconds from 10 to 2147483647, got 0"
        );
        assert!(wait("job-1", &of(r#"{"timeoutMs":-1}"#)).is_err());
        assert!(wait("job-1", &of(r#"{"expand":["nope"]}"#)).is_err());
        assert!(wait("", &of("{}")).is_err());
    }
}
