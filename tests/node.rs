//! wasm-bindgen tests in Node: `wasm-pack test --node --test node`.
#![cfg(target_arch = "wasm32")]

#[macro_use]
mod common;

wasm_cases!();
