//! wasm-bindgen tests in headless Chromium: `wasm-pack test --headless --chrome --test browser`.
#![cfg(target_arch = "wasm32")]

mod common;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
async fn constructor_rejects_bad_options() {
    common::constructor_rejects_bad_options().await;
}

#[wasm_bindgen_test]
async fn jobs_round_trip() {
    common::jobs_round_trip().await;
}

#[wasm_bindgen_test]
async fn errors_map_and_the_client_survives() {
    common::errors_map_and_the_client_survives().await;
}

#[wasm_bindgen_test]
async fn reads_are_retried_and_mutations_are_not() {
    common::reads_are_retried_and_mutations_are_not().await;
}

#[wasm_bindgen_test]
async fn abort_rejects_with_aborted() {
    common::abort_rejects_with_aborted().await;
}

#[wasm_bindgen_test]
async fn upload_take_job_and_wait() {
    common::upload_take_job_and_wait().await;
}

#[wasm_bindgen_test]
async fn a_panic_rejects_only_its_call() {
    common::a_panic_rejects_only_its_call().await;
}
