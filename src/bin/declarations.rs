//! Prints what `make pkg` and the tests take from the descriptions:
//! `declarations` the TypeScript declarations, `documents` every GraphQL
//! document as a JSON array (validated against the schema by
//! tests/js/documents.test.mjs).

#[cfg(target_arch = "wasm32")]
fn main() {
    // Built (and never run) for wasm32 only because integration tests build
    // every binary of the package.
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("documents") => {
            let mut out = String::from("[");
            for (i, d) in move_ugc::catalog::documents().iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                move_ugc::input::write::string(&mut out, d);
            }
            out.push(']');
            println!("{out}");
        }
        _ => print!("{}", move_ugc::catalog::declarations()),
    }
}
