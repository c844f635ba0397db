//! wasm-bindgen tests in headless Chromium: `wasm-pack test --headless --chrome --test browser`.
#![cfg(target_arch = "wasm32")]

#[macro_use]
mod common;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

wasm_cases!();
