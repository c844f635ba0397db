//! move-ugc: the TypeScript/JavaScript SDK of Move AI's motion-capture API,
//! in Rust compiled to WebAssembly.
//!
//! The plain-Rust core (argument validation, GraphQL documents, decoding,
//! error mapping, retry policy) is tested natively; `#[wasm_bindgen]` lives
//! only at the edge: [`client`], the services, [`transport`] and [`host`].
#![deny(missing_docs)]
// No panics on anything from outside: checked by clippy in `make test`.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::unreachable
    )
)]

pub mod account;
pub mod alloc;
pub mod args;
pub mod catalog;
pub mod check;
pub mod client;
pub mod error;
pub mod executor;
pub mod files;
pub mod graphql;
pub mod host;
pub mod input;
pub mod jobs;
pub mod model;
pub mod ops;
pub mod options;
pub mod retry;
pub mod suggest;
pub mod takes;
pub mod transport;
pub mod volumes;
pub mod webhooks;

pub use client::MoveUgc;
pub use error::{Error, ErrorCode};

/// The module's allocator (see [`alloc`]); native builds keep the system one.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: alloc::Blocks = alloc::Blocks::new();
