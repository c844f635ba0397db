//! Reading caller arguments, in plain Rust.
//!
//! The wasm edge hands every params object over as JSON text (the host's
//! `JSON.stringify`, which also rejects values that are not JSON). Here that
//! text becomes a typed Rust value, and any mismatch becomes an
//! `INVALID_ARGUMENT` error that names the argument path, says what was
//! expected and shows what came: `params.limit: expected an integer from 1 to
//! 2147483647, got 2.5`. Secrets (`apiKey`, `secret`) are never shown.

use std::ops::RangeInclusive;

use serde::de::DeserializeOwned;

use crate::error::{Error, Result};
use crate::json;
use crate::types::{ClipWindow, OutputType};

/// Longest part of a caller's string shown back in a message.
pub(crate) const MAX_SHOWN_CHARS: usize = 60;

/// GraphQL's `Int` is 32-bit: the largest count or page size the API can take.
pub const MAX_INT: i64 = i32::MAX as i64;

/// Parses `json` (the caller's argument named `argument`) into `T`.
pub fn from_json<T: DeserializeOwned>(json: &str, argument: &str) -> Result<T> {
    json::from_json_at(json, argument, |at, problem| {
        Error::invalid_argument(at, problem)
    })
}

/// A caller's string as a message shows it: quoted like JSON, long ones cut.
pub fn shown_str(value: &str) -> String {
    let cut: String = value.chars().take(MAX_SHOWN_CHARS).collect();
    let quoted = serde_json::to_string(&cut).unwrap_or_else(|_| "a string".to_string());
    if cut.len() < value.len() {
        format!("{}…\"", quoted.trim_end_matches('"'))
    } else {
        quoted
    }
}

/// A number as JavaScript prints it: `2.5`, `-1` (not `-1.0`), `1e+300`.
pub fn shown_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e21 {
        // JavaScript writes integers below 1e21 in full.
        format!("{}", value as i128)
    } else if value.abs() >= 1e21 || (value != 0.0 && value.abs() < 1e-6) {
        let text = format!("{value:e}");
        match text.split_once('e') {
            Some((mantissa, exponent)) if !exponent.starts_with('-') => {
                format!("{mantissa}e+{exponent}")
            }
            _ => text,
        }
    } else {
        format!("{value:?}")
    }
}

/// Checks that an identifier is a non-empty string without surrounding spaces.
pub fn require_id(argument: &str, id: &str) -> Result<()> {
    if id.trim().is_empty() {
        return Err(Error::invalid_argument(
            argument,
            format!("expected a non-empty string, got {}", shown_str(id)),
        ));
    }
    if id.trim() != id {
        return Err(Error::invalid_argument(
            argument,
            format!(
                "must not start or end with whitespace, got {}",
                shown_str(id)
            ),
        ));
    }
    Ok(())
}

/// Checks an optional identifier.
pub fn optional_id(argument: &str, id: Option<&str>) -> Result<()> {
    id.map_or(Ok(()), |id| require_id(argument, id))
}

/// An optional integer within `range`; one message for every way to miss it.
pub fn integer(
    argument: &str,
    value: Option<f64>,
    range: RangeInclusive<i64>,
) -> Result<Option<i64>> {
    let Some(value) = value else { return Ok(None) };
    let (low, high) = (*range.start() as f64, *range.end() as f64);
    if value.fract() == 0.0 && (low..=high).contains(&value) {
        return Ok(Some(value as i64));
    }
    Err(Error::invalid_argument(
        argument,
        format!(
            "expected an integer from {} to {}, got {}",
            range.start(),
            range.end(),
            shown_number(value)
        ),
    ))
}

/// A number within `range`, described as `what` ("a height in metres").
pub fn number_in(
    argument: &str,
    value: f64,
    what: &str,
    range: RangeInclusive<f64>,
) -> Result<f64> {
    if value.is_finite() && range.contains(&value) {
        return Ok(value);
    }
    Err(Error::invalid_argument(
        argument,
        format!(
            "expected {what} from {} to {}, got {}",
            shown_number(*range.start()),
            shown_number(*range.end()),
            shown_number(value)
        ),
    ))
}

/// Output types (read in any letter case), without duplicates. `None` leaves
/// the API's default set; so does `[]`, which Move's Python SDK sends.
pub fn output_types(types: Option<Vec<OutputType>>) -> Option<Vec<OutputType>> {
    types.map(|list| {
        let mut unique = Vec::with_capacity(list.len());
        for t in list {
            if !unique.contains(&t) {
                unique.push(t);
            }
        }
        unique
    })
}

/// Checks a clip window: `0 <= startTime < endTime` (the host has already
/// refused NaN and infinities).
pub fn clip_window(argument: &str, window: Option<ClipWindow>) -> Result<Option<ClipWindow>> {
    let Some(w) = window else { return Ok(None) };
    if w.start_time < 0.0 {
        return Err(Error::invalid_argument(
            &format!("{argument}.startTime"),
            format!(
                "expected a number of seconds from 0, got {}",
                shown_number(w.start_time)
            ),
        ));
    }
    if w.start_time >= w.end_time {
        return Err(Error::invalid_argument(
            argument,
            format!(
                "startTime must be before endTime, got startTime {} and endTime {}",
                shown_number(w.start_time),
                shown_number(w.end_time)
            ),
        ));
    }
    Ok(Some(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    #[allow(dead_code)]
    struct Params {
        take_id: String,
        limit: Option<f64>,
        window: Option<Window>,
        tags: Option<Vec<OutputType>>,
        secret: Option<String>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    #[allow(dead_code)]
    struct Window {
        start_time: f64,
    }

    fn message(json: &str) -> String {
        from_json::<Params>(json, "params").unwrap_err().message
    }

    #[test]
    fn wrong_types_name_the_path_and_show_the_value() {
        assert_eq!(
            message(r#"{"takeId": 42}"#),
            "params.takeId: expected a string, got 42"
        );
        assert_eq!(
            message(r#"{"takeId": "t", "window": {"startTime": "soon"}}"#),
            r#"params.window.startTime: expected a number, got "soon""#
        );
        assert_eq!(
            message(r#"{"takeId": [1]}"#),
            "params.takeId: expected a string, got an array"
        );
        assert_eq!(
            message(r#"{"takeId": null}"#),
            "params.takeId: expected a string, got null"
        );
    }

    #[test]
    fn secrets_are_never_shown() {
        let m = message(r#"{"takeId": "t", "secret": 1234567}"#);
        assert_eq!(m, "params.secret: expected a string, got a number");
    }

    #[test]
    fn missing_and_unknown_fields_are_named() {
        assert_eq!(message("{}"), "params.takeId: is required");
        assert_eq!(message("7"), "params: expected an object, got 7");
        let m = message(r#"{"takeID": "t"}"#);
        assert!(
            m.starts_with(r#"params.takeID: unknown property; did you mean "takeId"?"#),
            "{m}"
        );
    }

    #[test]
    fn enum_values_in_any_case_and_near_misses() {
        let m = message(r#"{"takeId": "t", "tags": ["main_fbx", "FBX"]}"#);
        assert!(m.starts_with("params.tags[1]: expected one of"), "{m}");
        assert!(
            m.ends_with(r#"got "FBX"; did you mean "MAIN_FBX" or "ALL_FBX"?"#),
            "{m}"
        );
    }

    #[test]
    fn one_message_per_range() {
        let range = 1..=MAX_INT;
        let expected = |got: &str| {
            format!("params.limit: expected an integer from 1 to 2147483647, got {got}")
        };
        for (value, shown) in [(-1.0, "-1"), (0.0, "0"), (2.5, "2.5"), (3e9, "3000000000")] {
            assert_eq!(
                integer("params.limit", Some(value), range.clone())
                    .unwrap_err()
                    .message,
                expected(shown)
            );
        }
        assert_eq!(
            integer("l", Some(1000.0), range.clone()).unwrap(),
            Some(1000)
        );
        assert_eq!(
            integer("l", Some(5000.0), range.clone()).unwrap(),
            Some(5000)
        );
        assert_eq!(integer("l", None, range).unwrap(), None);
    }

    #[test]
    fn numbers_and_strings_are_shown_as_javascript_would() {
        assert_eq!(shown_number(-1.0), "-1");
        assert_eq!(shown_number(2.5), "2.5");
        assert_eq!(shown_number(1e300), "1e+300");
        assert_eq!(shown_number(1e15), "1000000000000000");
        assert_eq!(shown_number(1.5e-7), "1.5e-7");
        assert_eq!(shown_number(0.1), "0.1");
        assert_eq!(shown_str("FBX"), r#""FBX""#);
        let long = shown_str(&"x".repeat(500));
        assert!(long.len() < 70 && long.ends_with("…\""), "{long}");
    }

    #[test]
    fn output_types_are_deduplicated_and_may_be_empty() {
        use OutputType::*;
        assert_eq!(
            output_types(Some(vec![MainFbx, RenderVideo, MainFbx])),
            Some(vec![MainFbx, RenderVideo])
        );
        assert_eq!(output_types(Some(vec![])), Some(vec![]));
        assert_eq!(output_types(None), None);
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
        assert_eq!(
            clip_window("params.clipWindow", w(1.0, 1.0))
                .unwrap_err()
                .message,
            "params.clipWindow: startTime must be before endTime, got startTime 1 and endTime 1"
        );
        assert_eq!(
            clip_window("params.clipWindow", w(-1.0, 3.0))
                .unwrap_err()
                .message,
            "params.clipWindow.startTime: expected a number of seconds from 0, got -1"
        );
    }

    #[test]
    fn ids_must_be_non_empty_and_trimmed() {
        assert!(require_id("id", "job-1").is_ok());
        assert_eq!(
            require_id("id", "").unwrap_err().message,
            r#"id: expected a non-empty string, got """#
        );
        assert_eq!(
            require_id("id", " job-1").unwrap_err().message,
            r#"id: must not start or end with whitespace, got " job-1""#
        );
    }
}
