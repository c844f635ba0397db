//! The TypeScript declarations of the models, enums, expands and params,
//! generated from their descriptions (`cargo run --bin declarations`, run by
//! `make pkg`): nothing here is written twice.

use super::{Enum, Field, Model, Shape, Type};
use crate::input::{In, Input, Param};

/// The declarations of every model and enum in `models` and `enums`.
pub fn declarations(models: &[&Model], enums: &[&Enum]) -> String {
    let mut out = String::new();
    for e in enums {
        declare_enum(e, &mut out);
    }
    for m in models {
        declare_model(m, &mut out);
    }
    out
}

/// `export type JobExpand = 'client' | …;`
pub fn declare_expand(name: &str, doc: &str, expands: &[&str], out: &mut String) {
    super::typescript::doc(doc, "", out);
    out.push_str("export type ");
    out.push_str(name);
    out.push_str(" =");
    for (i, e) in expands.iter().enumerate() {
        out.push_str(if i == 0 { " '" } else { " | '" });
        out.push_str(e);
        out.push('\'');
    }
    out.push_str(";\n\n");
}

/// The declaration of a params object.
pub fn declare_input(input: &Input, out: &mut String) {
    doc(input.doc, "", out);
    out.push_str("export interface ");
    out.push_str(input.name);
    if input.has_expand() {
        out.push_str("<E extends string = string>");
    }
    out.push_str(" {\n");
    for p in input.params {
        doc(p.doc, "  ", out);
        out.push_str("  ");
        out.push_str(p.name);
        if !p.required {
            out.push('?');
        }
        out.push_str(": ");
        out.push_str(&param_type(p));
        out.push_str(";\n");
    }
    out.push_str("}\n\n");
}

/// The TypeScript type of a param as callers may write it.
pub fn param_type(p: &Param) -> String {
    let base = match p.ts {
        Some(ts) => ts.to_string(),
        None => in_type(&p.ty),
    };
    if p.null_clears && p.ts.is_none() {
        format!("{base} | null")
    } else {
        base
    }
}

fn in_type(ty: &In) -> String {
    match ty {
        In::String | In::Id => "string".into(),
        In::Int(..) | In::Number(_) => "number".into(),
        In::Boolean => "boolean".into(),
        In::Enum(e) => format!("{0} | Lowercase<{0}>", e.name),
        In::Expand => "E[]".into(),
        In::Json => "JsonValue".into(),
        In::Object(input) => input.name.into(),
        In::List(item) => format!("Array<{}>", in_type(item)),
        In::Function => "(...args: never[]) => unknown".into(),
        In::Headers => "Record<string, string>".into(),
    }
}

fn doc(text: &str, indent: &str, out: &mut String) {
    out.push_str(indent);
    out.push_str("/** ");
    out.push_str(text);
    out.push_str(" */\n");
}

fn declare_enum(e: &Enum, out: &mut String) {
    doc(e.doc, "", out);
    out.push_str("export type ");
    out.push_str(e.name);
    out.push_str(" =");
    for (value, value_doc) in e.values {
        out.push_str("\n  /** ");
        out.push_str(value_doc);
        out.push_str(" */\n  | '");
        out.push_str(value);
        out.push('\'');
    }
    out.push_str(";\n\n");
}

fn declare_model(m: &Model, out: &mut String) {
    doc(m.doc, "", out);
    out.push_str("export interface ");
    out.push_str(m.name);
    out.push_str(" {\n");
    for f in m.fields {
        doc(f.doc, "  ", out);
        out.push_str("  ");
        out.push_str(f.name);
        if f.expand.is_some() {
            out.push('?');
        }
        out.push_str(": ");
        out.push_str(&field_type(f));
        out.push_str(";\n");
    }
    out.push_str("}\n\n");
}

/// The TypeScript type of a field as the caller receives it.
pub fn field_type(f: &Field) -> String {
    let base = match (f.ts, f.ty) {
        (Some(ts), _) => ts.to_string(),
        (None, Type::String) => "string".into(),
        (None, Type::Int | Type::Float) => "number".into(),
        (None, Type::Boolean) => "boolean".into(),
        (None, Type::Json) => "JsonValue".into(),
        (None, Type::Enum(e)) => e.name.into(),
        (None, Type::Literal(s)) => format!("'{s}'"),
        (None, Type::Object(m)) => m.name.into(),
    };
    let base = match f.shape {
        Shape::One => base,
        Shape::List | Shape::NullableList if base.contains(' ') => format!("({base})[]"),
        Shape::List | Shape::NullableList => format!("{base}[]"),
    };
    // `JsonValue` has `null` already; a `List` reaches the caller as `[]`.
    let nullable = f.nullable && f.shape != Shape::List && !matches!(f.ty, Type::Json);
    if nullable {
        format!("{base} | null")
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::api;

    #[test]
    fn declarations_say_what_the_caller_receives() {
        let ts = declarations(api::MODELS, api::ENUMS);
        assert!(ts.contains("export interface Job {\n"), "{ts}");
        assert!(ts.contains("  metadata: JsonValue;\n"));
        assert!(ts.contains("  state: JobState | null;\n"));
        assert!(ts.contains("  take?: Take | null;\n"));
        assert!(ts.contains("  outputs?: AdditionalFile[];\n"));
        assert!(ts.contains("  client?: Client;\n"));
        assert!(ts.contains("  events: string[] | null;\n"));
        assert!(ts.contains("  __typename: 'HumanVolume';\n"));
        assert!(ts.contains("  | 'MAIN_FBX'"));
        assert!(!ts.contains(": any;") && !ts.contains("any[]"));
    }
}
