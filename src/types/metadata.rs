//! `metadata`: the caller's JSON object, carried by the API as an `AWSJSON`
//! string. Callers only ever see the object.

use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::error::{Error, Result};

#[wasm_bindgen(typescript_custom_section)]
const METADATA_TS: &'static str = r#"
/**
 * Your own key–value data stored with an object: any JSON object. The SDK
 * encodes it into the API's `AWSJSON` string and decodes it back.
 */
export type Metadata = Record<string, unknown>;
"#;

/// Encodes caller metadata (the raw JSON of the caller's value, keys in the
/// caller's order) into the `AWSJSON` string the API takes. Only objects are
/// metadata; `null` means none.
pub fn encode(value: Option<Box<RawValue>>, argument: &str) -> Result<Option<String>> {
    let Some(raw) = value else { return Ok(None) };
    match raw.get().trim_start().as_bytes().first() {
        Some(b'{') => Ok(Some(raw.get().to_string())),
        Some(b'n') => Ok(None),
        _ => Err(Error::invalid_argument(argument, "must be a JSON object")),
    }
}

/// Decodes an `AWSJSON` metadata string from the API into the raw JSON object
/// it holds (passed to the caller without re-encoding), or `None` for `null`.
pub fn decode<'de, D>(deserializer: D) -> std::result::Result<Option<Box<RawValue>>, D::Error>
where
    D: Deserializer<'de>,
{
    use serde::de::Error as _;
    let Some(text) = Option::<String>::deserialize(deserializer)? else {
        return Ok(None);
    };
    let raw =
        RawValue::from_string(text).map_err(|_| D::Error::custom("metadata is not valid JSON"))?;
    match raw.get().trim_start().as_bytes().first() {
        Some(b'{') => Ok(Some(raw)),
        Some(b'n') => Ok(None), // "null": the API's way of saying none
        _ => Err(D::Error::custom("metadata is not a JSON object")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Holder {
        #[serde(deserialize_with = "decode")]
        metadata: Option<Box<RawValue>>,
    }

    fn read(json: &str) -> std::result::Result<Option<String>, String> {
        serde_json::from_str::<Holder>(json)
            .map(|h| h.metadata.map(|r| r.get().to_string()))
            .map_err(|e| e.to_string())
    }

    fn raw(json: &str) -> Option<Box<RawValue>> {
        Some(RawValue::from_string(json.to_string()).unwrap())
    }

    #[test]
    fn encodes_objects_only_keeping_key_order() {
        assert_eq!(
            encode(raw(r#"{"z":1,"a":["x"]}"#), "m").unwrap().unwrap(),
            r#"{"z":1,"a":["x"]}"#
        );
        assert_eq!(encode(None, "m").unwrap(), None);
        assert_eq!(encode(raw("null"), "m").unwrap(), None);
        for bad in ["[1]", "\"x\"", "3", "true"] {
            assert!(encode(raw(bad), "params.metadata")
                .unwrap_err()
                .message
                .starts_with("params.metadata"));
        }
    }

    #[test]
    fn decodes_the_awsjson_string() {
        assert_eq!(
            read(r#"{"metadata": "{\"shot\": 3}"}"#).unwrap().unwrap(),
            r#"{"shot": 3}"#
        );
        assert_eq!(read(r#"{"metadata": null}"#).unwrap(), None);
        assert_eq!(read(r#"{"metadata": "null"}"#).unwrap(), None);
    }

    #[test]
    fn refuses_what_is_not_a_json_object() {
        for bad in [
            r#"{"metadata": "{shot: 3}"}"#,
            r#"{"metadata": "[1,2]"}"#,
            r#"{"metadata": "3"}"#,
            r#"{"metadata": ""}"#,
            r#"{"metadata": {"shot": 3}}"#,
            r#"{"metadata": 7}"#,
        ] {
            assert!(read(bad).is_err(), "{bad}");
        }
    }
}
