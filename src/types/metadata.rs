//! `metadata`: the caller's JSON value, carried by the API as an `AWSJSON`
//! string. Callers only ever see the value.
//!
//! Any JSON value goes, not only objects: Move's Python SDK stores strings
//! when users follow its docs (`metadata=json.dumps({...})` is encoded twice),
//! so a stored `"{}"` or `[1,2]` must read back as that value and never fail a
//! call, a page or a wait.

use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(typescript_custom_section)]
const METADATA_TS: &'static str = r#"
/** Any value JSON can carry. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Your own data stored with an object: any JSON value, normally an object.
 * The SDK encodes it into the API's `AWSJSON` string and decodes it back.
 */
export type Metadata = JsonValue;
"#;

/// Encodes caller metadata (the raw JSON of the caller's value, keys in the
/// caller's order) into the `AWSJSON` string a create takes; `null` means none,
/// and nothing is sent. The host has already refused what JSON cannot carry,
/// naming its path.
pub fn encode(value: Option<Box<RawValue>>) -> Option<String> {
    value
        .map(|raw| raw.get().trim().to_string())
        .filter(|json| json != "null")
}

/// Encodes the metadata of an update, which replaces what is stored: `null`
/// is sent as the JSON `null`, which clears it (it reads back as `null`).
pub fn encode_replacement(value: &RawValue) -> String {
    value.get().trim().to_string()
}

/// Decodes an `AWSJSON` metadata string from the API into the raw JSON value
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
    // "null": the API's way of saying none.
    Ok(Some(raw).filter(|raw| raw.get().trim() != "null"))
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
    fn encodes_any_json_value_keeping_key_order() {
        assert_eq!(
            encode(raw(r#"{"z":1,"a":["x"]}"#)).unwrap(),
            r#"{"z":1,"a":["x"]}"#
        );
        for value in ["[1]", r#""{}""#, "3", "true"] {
            assert_eq!(encode(raw(value)).unwrap(), value);
        }
        assert_eq!(encode(None), None);
        assert_eq!(encode(raw("null")), None);
        // An update's null clears what is stored.
        assert_eq!(encode_replacement(&raw("null").unwrap()), "null");
    }

    #[test]
    fn decodes_any_json_value_in_the_awsjson_string() {
        assert_eq!(
            read(r#"{"metadata": "{\"shot\": 3}"}"#).unwrap().unwrap(),
            r#"{"shot": 3}"#
        );
        // What Move's Python SDK stores when users follow its docs.
        assert_eq!(
            read(r#"{"metadata": "\"{}\""}"#).unwrap().unwrap(),
            r#""{}""#
        );
        assert_eq!(read(r#"{"metadata": "[1,2]"}"#).unwrap().unwrap(), "[1,2]");
        assert_eq!(read(r#"{"metadata": "3"}"#).unwrap().unwrap(), "3");
        assert_eq!(read(r#"{"metadata": null}"#).unwrap(), None);
        assert_eq!(read(r#"{"metadata": "null"}"#).unwrap(), None);
    }

    #[test]
    fn refuses_what_is_not_json_in_a_string() {
        for bad in [
            r#"{"metadata": "{shot: 3}"}"#,
            r#"{"metadata": ""}"#,
            r#"{"metadata": {"shot": 3}}"#,
            r#"{"metadata": 7}"#,
        ] {
            assert!(read(bad).is_err(), "{bad}");
        }
    }
}
