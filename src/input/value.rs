//! A caller's value as the reader walks it: a JavaScript value in the
//! module, a `serde_json::Value` in native tests. The walk is generic, and
//! the module instantiates it once (for `JsValue`).

use wasm_bindgen::prelude::*;

use crate::error::{Error, ErrorCode, Result};

/// What a value is, with its data where it is a scalar.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// `undefined` (or a property not there).
    Undefined,
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number (possibly not finite).
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array,
    /// A plain object.
    Object,
    /// A function (an option such as `fetch`).
    Function,
    /// Anything else JSON cannot carry whole: a function, a symbol, a BigInt, a
    /// `Map`, a typed array…
    Other,
}

/// A value the reader can walk.
pub trait Value: Sized {
    /// What it is.
    fn kind(&self) -> Kind;
    /// Its property `key` (`Undefined` when not there).
    fn get(&self, key: &str) -> Self;
    /// Its own enumerable property names, in order.
    fn keys(&self) -> Vec<String>;
    /// Its `length`, if it is an array (0 otherwise).
    fn length(&self) -> usize;
    /// Its item `index` (`Undefined` when not there).
    fn item(&self, index: usize) -> Self;
    /// Its items, if it is an array.
    fn items(&self) -> Vec<Self> {
        (0..self.length()).map(|i| self.item(i)).collect()
    }
    /// The JSON text of a finite number, as JavaScript writes it.
    fn number_text(&self) -> String;
    /// The value as a message shows it: `2.5`, `"FBX"`, `null`, `an object`.
    fn shown(&self) -> String;
    /// Its kind alone, for values a message must not show: `a string`,
    /// `a bigint`, `a value` (any object).
    fn kind_shown(&self) -> String;
    /// The JSON text of any JSON value (`metadata`), refusing what JSON
    /// cannot carry (cycles, functions, `NaN`…) by its path under `path`.
    fn json(&self, path: &str) -> Result<String>;
}

#[wasm_bindgen(module = "/js/host.js")]
extern "C" {
    /// 0 undefined, 1 null, 2 boolean, 3 number, 4 string, 5 array, 6 plain
    /// object, 7 anything else, 8 a function.
    #[wasm_bindgen(js_name = kindOf)]
    fn kind_of(value: &JsValue) -> u32;

    #[wasm_bindgen(js_name = shown)]
    fn host_shown(value: &JsValue) -> String;

    /// `Object.keys`, or none should the value throw (a Proxy's trap).
    #[wasm_bindgen(js_name = keysOf)]
    fn keys_of(value: &JsValue) -> Vec<String>;

    /// JSON.stringify with every refusal named by its path (throws a MoveUgcError).
    #[wasm_bindgen(js_name = encodeJson, catch)]
    fn encode_json(value: &JsValue, path: &str) -> std::result::Result<String, JsValue>;
}

#[wasm_bindgen]
extern "C" {
    /// `String(number)`: JavaScript's own shortest text of a number, valid JSON
    /// for a finite one (the module never formats floats itself).
    #[wasm_bindgen(js_name = String)]
    fn js_string(value: &JsValue) -> String;
}

impl Value for JsValue {
    fn kind(&self) -> Kind {
        match kind_of(self) {
            0 => Kind::Undefined,
            1 => Kind::Null,
            2 => Kind::Bool(self.as_bool().unwrap_or(false)),
            3 => Kind::Number(self.as_f64().unwrap_or(f64::NAN)),
            4 => Kind::String(self.as_string().unwrap_or_default()),
            5 => Kind::Array,
            6 => Kind::Object,
            8 => Kind::Function,
            _ => Kind::Other,
        }
    }

    fn get(&self, key: &str) -> Self {
        // A getter that throws reads as absent: the check then says what is missing.
        js_sys::Reflect::get(self, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    fn keys(&self) -> Vec<String> {
        keys_of(self)
    }

    fn length(&self) -> usize {
        // Read with Reflect (which cannot throw into the module): an array's
        // length, or 0 for anything else.
        if !js_sys::Array::is_array(self) {
            return 0;
        }
        js_sys::Reflect::get(self, &JsValue::from_str("length"))
            .ok()
            .and_then(|n| n.as_f64())
            .map_or(0, |n| n as usize)
    }

    fn item(&self, index: usize) -> Self {
        // A getter that throws reads as absent, like a property (see `get`).
        js_sys::Reflect::get_u32(self, index as u32).unwrap_or(JsValue::UNDEFINED)
    }

    fn number_text(&self) -> String {
        js_string(self)
    }

    fn shown(&self) -> String {
        host_shown(self)
    }

    fn kind_shown(&self) -> String {
        match self.js_typeof().as_string() {
            Some(t) if t != "object" && t != "undefined" => format!("a {t}"),
            _ if self.is_null() => "null".into(),
            _ if self.is_undefined() => "undefined".into(),
            _ => "a value".into(),
        }
    }

    fn json(&self, path: &str) -> Result<String> {
        encode_json(self, path).map_err(|thrown| {
            let message = js_sys::Reflect::get(&thrown, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| format!("{path}: cannot be sent as JSON"));
            Error::new(ErrorCode::InvalidArgument, message)
        })
    }
}

/// Native tests and the fuzz targets walk `serde_json` values the way the
/// module walks JavaScript ones (`None` is `undefined`: an absent key).
#[cfg(any(test, feature = "json-values"))]
impl Value for Option<serde_json::Value> {
    fn kind(&self) -> Kind {
        use serde_json::Value as J;
        match self {
            None => Kind::Undefined,
            Some(J::Null) => Kind::Null,
            Some(J::Bool(b)) => Kind::Bool(*b),
            Some(J::Number(n)) => Kind::Number(n.as_f64().unwrap_or(f64::NAN)),
            Some(J::String(s)) => Kind::String(s.clone()),
            Some(J::Array(_)) => Kind::Array,
            Some(J::Object(_)) => Kind::Object,
        }
    }

    fn get(&self, key: &str) -> Self {
        self.as_ref().and_then(|v| v.get(key)).cloned()
    }

    fn keys(&self) -> Vec<String> {
        match self {
            Some(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
            _ => Vec::new(),
        }
    }

    fn length(&self) -> usize {
        match self {
            Some(serde_json::Value::Array(items)) => items.len(),
            _ => 0,
        }
    }

    fn item(&self, index: usize) -> Self {
        match self {
            Some(serde_json::Value::Array(items)) => items.get(index).cloned(),
            _ => None,
        }
    }

    fn number_text(&self) -> String {
        self.as_ref().map(|v| v.to_string()).unwrap_or_default()
    }

    fn shown(&self) -> String {
        match self {
            None => "undefined".into(),
            Some(serde_json::Value::Array(_)) => "an array".into(),
            Some(serde_json::Value::Object(_)) => "an object".into(),
            Some(serde_json::Value::Number(n)) => match n.as_f64() {
                Some(f) if f.fract() == 0.0 && f.abs() < 1e21 => format!("{}", f as i64),
                _ => n.to_string(),
            },
            Some(v) => v.to_string(),
        }
    }

    fn kind_shown(&self) -> String {
        match self {
            None => "undefined".into(),
            Some(serde_json::Value::Null) => "null".into(),
            Some(serde_json::Value::Bool(_)) => "a boolean".into(),
            Some(serde_json::Value::Number(_)) => "a number".into(),
            Some(serde_json::Value::String(_)) => "a string".into(),
            Some(_) => "a value".into(),
        }
    }

    fn json(&self, _path: &str) -> Result<String> {
        Ok(self.as_ref().map(|v| v.to_string()).unwrap_or_default())
    }
}

/// A test value from JSON text.
#[cfg(test)]
pub fn of(json: &str) -> Option<serde_json::Value> {
    Some(serde_json::from_str(json).expect("test JSON"))
}

/// A value from JSON text, `None` (undefined) if it is not JSON.
#[cfg(feature = "json-values")]
pub fn parse(json: &str) -> Option<serde_json::Value> {
    serde_json::from_str(json).ok()
}
