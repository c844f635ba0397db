//! "Did you mean …?": the nearest known names to a name a caller got wrong,
//! for enum values (`FBX` → `MAIN_FBX`) and unknown property names
//! (`endpointURL` → `endpointUrl`, `timeout` → `timeoutMs`).
//!
//! The rules are `js/host.js`'s `hint` (tested in `tests/js/suggest.test.mjs`):
//! only a message that is being made calls them, and in JavaScript they cost
//! the web entry a quarter of what the same rules cost in the module (2.1 KB
//! gzip there, with the formatting and sorting they linked). Native builds
//! (the Rust tests, fuzzing) have no host: their messages carry no hint.

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(module = "/js/host.js")]
extern "C" {
    /// The hint for `given` among `known` (one name per line).
    #[wasm_bindgen(js_name = hint)]
    fn host_hint(given: &str, known: &str) -> String;
}

/// `"; did you mean \"A\"?"`, `"; did you mean \"A\" or \"B\"?"`, or nothing.
#[cfg(target_arch = "wasm32")]
pub fn hint(given: &str, known: &[&str]) -> String {
    host_hint(given, &known.join("\n"))
}

/// No host, no hint (see the module's documentation).
#[cfg(not(target_arch = "wasm32"))]
pub fn hint(_given: &str, _known: &[&str]) -> String {
    String::new()
}
