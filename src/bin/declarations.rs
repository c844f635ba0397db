//! Prints what `make pkg` and the tests take from the descriptions:
//! `declarations` the TypeScript declarations, `documents` every GraphQL
//! document as a JSON array (validated against the schema by
//! tests/js/documents.test.mjs).

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
