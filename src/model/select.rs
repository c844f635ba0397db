//! The GraphQL selection of a model with the expands a call asked for.

use super::{Answer, Model, Root, Type};

/// Appends the selection of `model` with `expand` to `out`: every field that
/// is always there, and those behind an expand named in `expand`.
pub fn selection(model: &Model, expand: &[&str], out: &mut String) {
    let mut first = true;
    for field in model.fields {
        if field.expand.is_some_and(|e| !expand.contains(&e)) {
            continue;
        }
        if !first {
            out.push(' ');
        }
        first = false;
        out.push_str(field.name);
        if let Type::Object(nested) = field.ty {
            out.push_str(" { ");
            nested_selection(nested, field.union_member, field.with, out);
            out.push_str(" }");
        }
    }
}

/// The selection inside a field of `model`'s type (a union's member through
/// an inline fragment).
fn nested_selection(model: &Model, union_member: bool, expand: &[&str], out: &mut String) {
    if union_member {
        out.push_str("... on ");
        out.push_str(model.name);
        out.push_str(" { ");
        selection(model, expand, out);
        out.push_str(" }");
    } else {
        selection(model, expand, out);
    }
}

/// The selection of an operation's answer, from inside its field's braces:
/// `first after items { … }` for a page, `items { … }` for an unpaged list.
pub fn answer_selection(answer: &Answer, expand: &[&str]) -> String {
    let mut out = String::new();
    match answer.root {
        Root::One => {}
        Root::Page => out.push_str("first after items { "),
        Root::Items => out.push_str("items { "),
    }
    nested_selection(answer.model, answer.union_member, expand, &mut out);
    if answer.root != Root::One {
        out.push_str(" }");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::api;

    #[test]
    fn fields_behind_an_expand_are_selected_only_when_asked_for() {
        let plain = answer_selection(&api::one("getJob", &api::JOB), &[]);
        assert_eq!(
            plain,
            "id created metadata state name progress { state percentageComplete }"
        );
        let take = answer_selection(&api::one("getJob", &api::JOB), &["take"]);
        assert!(
            take.contains(" take { id created name metadata takeType"),
            "{take}"
        );
        // A job's take always comes with its sources, never with its volume.
        assert!(take.contains("sources { deviceLabel format cameraSettings { lens } file {"));
        assert!(!take.contains("volume"));
        assert!(!take.contains("outputs"));
    }

    #[test]
    fn union_members_are_selected_through_a_fragment() {
        let mut volume = api::page("listVolumes", &api::HUMAN_VOLUME);
        volume.union_member = true;
        assert!(answer_selection(&volume, &[])
            .starts_with("first after items { ... on HumanVolume { __typename id created"));
        let take = answer_selection(&api::one("getTake", &api::TAKE), &["volume"]);
        assert!(
            take.contains("volume { ... on HumanVolume { __typename id"),
            "{take}"
        );
    }
}
