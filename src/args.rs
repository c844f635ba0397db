//! Reading caller arguments, in plain Rust.
//!
//! The wasm edge hands every params object over as JSON text (the host's
//! `JSON.stringify`, which also rejects values that are not JSON). Here that
//! text becomes a typed Rust value, and any mismatch becomes an
//! `INVALID_ARGUMENT` error naming the exact argument path, e.g.
//! `params.clipWindow.startTime: expected a number, got a string`.
//!
//! Error messages never echo the offending value: it might be a secret.

use serde::de::DeserializeOwned;

use crate::error::{Error, Result};
use crate::json;
use crate::types::{ClipWindow, OutputType, DEFAULT_PAGE_LIMIT, PAGE_LIMITS};

/// Parses `json` (the caller's argument named `argument`) into `T`.
pub fn from_json<T: DeserializeOwned>(json: &str, argument: &str) -> Result<T> {
    json::from_json_at(json, argument, |at, problem| {
        Error::invalid_argument(at, problem)
    })
}

/// Checks that an identifier is a non-empty string without surrounding spaces.
pub fn require_id(argument: &str, id: &str) -> Result<()> {
    if id.is_empty() {
        return Err(Error::invalid_argument(
            argument,
            "must be a non-empty string",
        ));
    }
    if id.trim() != id {
        return Err(Error::invalid_argument(
            argument,
            "must not start or end with whitespace",
        ));
    }
    Ok(())
}

/// Checks an optional identifier.
pub fn optional_id(argument: &str, id: Option<&str>) -> Result<()> {
    id.map_or(Ok(()), |id| require_id(argument, id))
}

/// Reads output type names in any letter case into the API's upper-case enum,
/// without duplicates. `None` leaves the API's default set.
pub fn output_types(argument: &str, names: Option<Vec<String>>) -> Result<Option<Vec<OutputType>>> {
    let Some(names) = names else { return Ok(None) };
    if names.is_empty() {
        return Err(Error::invalid_argument(
            argument,
            "must name at least one output type (omit it for the default set)",
        ));
    }
    let mut types = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        let t = OutputType::parse(name).ok_or_else(|| {
            let allowed: Vec<&str> = OutputType::ALL.iter().map(|t| t.as_str()).collect();
            Error::invalid_argument(
                &format!("{argument}[{i}]"),
                format!(
                    "unknown output type; expected one of {}",
                    allowed.join(", ")
                ),
            )
        })?;
        if !types.contains(&t) {
            types.push(t);
        }
    }
    Ok(Some(types))
}

/// Checks a clip window: finite, `0 <= startTime < endTime`.
pub fn clip_window(argument: &str, window: Option<ClipWindow>) -> Result<Option<ClipWindow>> {
    let Some(w) = window else { return Ok(None) };
    if !w.start_time.is_finite() || !w.end_time.is_finite() {
        return Err(Error::invalid_argument(
            argument,
            "startTime and endTime must be finite numbers",
        ));
    }
    if w.start_time < 0.0 {
        return Err(Error::invalid_argument(
            argument,
            "startTime must not be negative",
        ));
    }
    if w.start_time >= w.end_time {
        return Err(Error::invalid_argument(
            argument,
            "startTime must be before endTime",
        ));
    }
    Ok(Some(w))
}

/// A page size: `DEFAULT_PAGE_LIMIT` when absent, else within `PAGE_LIMITS`.
pub fn page_limit(argument: &str, limit: Option<u32>) -> Result<u32> {
    let limit = limit.unwrap_or(DEFAULT_PAGE_LIMIT);
    if PAGE_LIMITS.contains(&limit) {
        Ok(limit)
    } else {
        Err(Error::invalid_argument(
            argument,
            format!(
                "must be an integer from {} to {}",
                PAGE_LIMITS.start(),
                PAGE_LIMITS.end()
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    #[allow(dead_code)]
    struct Params {
        take_id: String,
        limit: Option<u32>,
        window: Option<Window>,
        tags: Option<Vec<Tag>>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    #[allow(dead_code)]
    struct Window {
        start_time: f64,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Tag {
        Client,
        Take,
    }

    fn message(json: &str) -> String {
        from_json::<Params>(json, "params").unwrap_err().message
    }

    #[test]
    fn wrong_types_name_the_path_and_kinds_without_the_value() {
        assert_eq!(
            message(r#"{"takeId": 42}"#),
            "params.takeId: expected a string, got a number"
        );
        let m = message(r#"{"takeId": "t", "window": {"startTime": "secret-value"}}"#);
        assert_eq!(
            m,
            "params.window.startTime: expected a number, got a string"
        );
        assert!(!m.contains("secret-value"));
    }

    #[test]
    fn missing_fields_and_non_objects_are_named() {
        assert_eq!(message("{}"), "params: takeId is required");
        assert_eq!(message("7"), "params: expected an object, got a number");
    }

    #[test]
    fn unknown_enum_values_list_the_allowed_ones() {
        let m = message(r#"{"takeId": "t", "tags": ["client", "nope"]}"#);
        assert!(m.starts_with("params.tags[1]: unknown value `nope`"), "{m}");
        assert!(m.contains("`client`") && m.contains("`take`"), "{m}");
    }

    #[test]
    fn out_of_range_numbers_are_rejected() {
        let m = message(r#"{"takeId": "t", "limit": -1}"#);
        assert_eq!(m, "params.limit: expected a non-negative integer");
        let m = message(r#"{"takeId": "t", "limit": 1.5}"#);
        assert_eq!(
            m,
            "params.limit: expected a non-negative integer, got a number"
        );
    }

    #[test]
    fn output_types_are_upper_cased_deduplicated_and_checked() {
        let names = |v: &[&str]| Some(v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        let got = output_types("o", names(&["main_fbx", "RENDER_VIDEO", "Main_Fbx"]))
            .unwrap()
            .unwrap();
        assert_eq!(got, vec![OutputType::MainFbx, OutputType::RenderVideo]);
        assert_eq!(output_types("o", None).unwrap(), None);
        let e = output_types("params.outputs", names(&["MAIN_BLEND", "FBX"])).unwrap_err();
        assert!(
            e.message
                .starts_with("params.outputs[1]: unknown output type"),
            "{}",
            e.message
        );
        assert!(output_types("o", names(&["UNKNOWN_OUTPUT"])).is_err());
        assert!(output_types("o", names(&[])).is_err());
    }

    #[test]
    fn clip_windows_must_be_ordered_and_non_negative() {
        let w = |s, e| {
            Some(ClipWindow {
                start_time: s,
                end_time: e,
            })
        };
        assert!(clip_window("c", w(0.0, 1.5)).is_ok());
        assert!(clip_window("c", None).unwrap().is_none());
        for bad in [
            w(1.0, 1.0),
            w(2.0, 1.0),
            w(-1.0, 3.0),
            w(f64::NAN, 1.0),
            w(0.0, f64::INFINITY),
        ] {
            assert!(clip_window("params.clipWindow", bad)
                .unwrap_err()
                .message
                .starts_with("params.clipWindow"));
        }
    }

    #[test]
    fn page_limits_default_and_are_bounded() {
        assert_eq!(page_limit("l", None).unwrap(), 10);
        assert_eq!(page_limit("l", Some(1000)).unwrap(), 1000);
        assert!(page_limit("l", Some(0)).is_err());
        assert!(page_limit("l", Some(1001)).is_err());
    }

    #[test]
    fn ids_must_be_non_empty_and_trimmed() {
        assert!(require_id("id", "job-1").is_ok());
        assert!(require_id("id", "").is_err());
        assert!(require_id("id", " job-1").is_err());
    }
}
