//! The one walk that reads a caller's params object against its description:
//! every property checked as it is met, the path and the value named in any
//! refusal (`params.limit: expected an integer from 1 to 2147483647, got 2.5`).

use super::value::{Kind, Value};
use super::{Arg, Args, In, Input, Param};
use crate::error::{Error, Result};
use crate::suggest;

/// The longest list a params object may hold (sources, outputs, events…):
/// a list is walked item by item, and a billion-slot array must be refused,
/// not walked.
pub const MAX_ITEMS: usize = 10_000;

/// What a read needs beside the value and its description.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The names `expand` accepts for this operation.
    pub expands: &'a [&'static str],
    /// Properties of the top object that are not data (`signal`,
    /// `onProgress`): read elsewhere, skipped here.
    pub control: &'a [&'a str],
}

/// Reads the params object `value` (named `path` in messages). An omitted
/// optional one reads as no properties.
pub fn read<V: Value>(
    value: &V,
    input: &'static Input,
    path: &str,
    required: bool,
    context: Context,
) -> Result<Args> {
    match value.kind() {
        Kind::Undefined | Kind::Null if !required => Ok(Args::default()),
        Kind::Object => object(value, input, path, context, true),
        _ => Err(wrong(value, path, "an object", false)),
    }
}

fn object<V: Value>(
    value: &V,
    input: &'static Input,
    path: &str,
    context: Context,
    top: bool,
) -> Result<Args> {
    for key in value.keys() {
        if top && context.control.contains(&key.as_str()) {
            continue;
        }
        if input.params.iter().any(|p| p.name == key) {
            continue;
        }
        // An unknown name is refused even when its value is `undefined`:
        // `{ baseURL: process.env.UNSET }` is a typo all the same, and would
        // send calls to production.
        let mut known: Vec<&str> = input.params.iter().map(|p| p.name).collect();
        // The control properties a method takes (`signal`, `onProgress`) are known too.
        if top {
            known.extend_from_slice(context.control);
        }
        return Err(Error::invalid_argument(
            &format!("{path}.{key}"),
            unknown_property(&key, &known),
        ));
    }
    let mut args = Args(Vec::with_capacity(input.params.len()));
    for param in input.params {
        let at = format!("{path}.{}", param.name);
        let v = value.get(param.name);
        match v.kind() {
            Kind::Undefined if param.required => {
                return Err(Error::invalid_argument(&at, "is required"));
            }
            Kind::Undefined => {}
            // An `AWSJSON` null is the text `null`, sent as a string.
            Kind::Null if param.null_clears && matches!(param.ty, In::Json) => {
                args.0.push((param.name, Arg::Json("null".to_string())))
            }
            Kind::Null if param.null_clears => args.0.push((param.name, Arg::Null)),
            // An optional property given as `null` is not given (as serde's
            // `Option` read it): JavaScript callers fill params with nulls.
            Kind::Null if !param.required => {}
            _ => args
                .0
                .push((param.name, one(&v, &param.ty, &at, param, context)?)),
        }
    }
    Ok(args)
}

/// Reads one value of kind `ty` at `path`.
fn one<V: Value>(value: &V, ty: &In, path: &str, param: &Param, context: Context) -> Result<Arg> {
    let kind = value.kind();
    let secret = param.secret;
    match (ty, kind) {
        (In::String, Kind::String(s)) => Ok(Arg::Str(s)),
        (In::String, _) => Err(wrong(value, path, "a string", secret)),
        (In::Id, Kind::String(s)) => id_value(path, &s),
        (In::Id, _) => Err(wrong(value, path, "a string", secret)),
        (In::Int(min, max), Kind::Number(n))
            if n.fract() == 0.0 && n >= *min as f64 && n <= *max as f64 =>
        {
            Ok(Arg::Int(n as i64))
        }
        (In::Int(min, max), _) => Err(wrong(
            value,
            path,
            &format!("an integer from {min} to {max}"),
            secret,
        )),
        (In::Number(range), Kind::Number(n))
            if n.is_finite() && n >= range.min && n <= range.max =>
        {
            Ok(Arg::Number(n, value.number_text()))
        }
        (In::Number(range), _) => Err(wrong(value, path, range.expected, secret)),
        (In::Boolean, Kind::Bool(b)) => Ok(Arg::Bool(b)),
        (In::Boolean, _) => Err(wrong(value, path, "a boolean", secret)),
        (In::Enum(e), Kind::String(s)) => {
            match e.values.iter().find(|(v, _)| v.eq_ignore_ascii_case(&s)) {
                Some((canonical, _)) => Ok(Arg::Enum(canonical)),
                None => Err(unknown_name(
                    value,
                    path,
                    &e.values.iter().map(|(v, _)| *v).collect::<Vec<_>>(),
                    Some(&s),
                )),
            }
        }
        (In::Enum(e), _) => Err(unknown_name(
            value,
            path,
            &e.values.iter().map(|(v, _)| *v).collect::<Vec<_>>(),
            None,
        )),
        (In::Expand | In::List(_), Kind::Array) if value.length() > MAX_ITEMS => {
            Err(Error::invalid_argument(
                path,
                format!("expected at most {MAX_ITEMS} items, got {}", value.length()),
            ))
        }
        (In::Expand, Kind::Array) => {
            let mut names = Vec::new();
            for i in 0..value.length() {
                let item = value.item(i);
                let item = &item;
                let at = format!("{path}[{i}]");
                let name = match item.kind() {
                    Kind::String(s) => context
                        .expands
                        .iter()
                        .find(|e| e.eq_ignore_ascii_case(&s))
                        .copied()
                        .ok_or_else(|| unknown_name(item, &at, context.expands, Some(&s)))?,
                    _ => return Err(unknown_name(item, &at, context.expands, None)),
                };
                names.push(Arg::Enum(name));
            }
            Ok(Arg::List(names))
        }
        (In::Expand, _) => Err(wrong(value, path, "an array", secret)),
        (In::Json, _) => value.json(path).map(Arg::Json),
        (In::Object(input), Kind::Object) => {
            object(value, input, path, context, false).map(Arg::Object)
        }
        (In::Object(_), _) => Err(wrong(value, path, "an object", secret)),
        (In::List(item), Kind::Array) => {
            let mut items = Vec::with_capacity(value.length());
            for i in 0..value.length() {
                items.push(one(
                    &value.item(i),
                    item,
                    &format!("{path}[{i}]"),
                    param,
                    context,
                )?);
            }
            Ok(Arg::List(items))
        }
        (In::List(_), _) => Err(wrong(value, path, "an array", secret)),
        (In::Function, Kind::Function) => Ok(Arg::Function),
        (In::Function, _) => Err(wrong(value, path, "a function", secret)),
        (In::Headers, Kind::Object) => headers(value, path),
        (In::Headers, _) => Err(wrong(
            value,
            path,
            "an object of header names and string values",
            secret,
        )),
    }
}

/// Headers sent with every API request: names that HTTP allows (kept in
/// lower case), string values that `fetch` can send (visible ASCII, spaces
/// and tabs; no line break could smuggle in another header). The SDK's own
/// `content-type` cannot be replaced.
fn headers<V: Value>(value: &V, path: &str) -> Result<Arg> {
    let keys = value.keys();
    if keys.len() > MAX_ITEMS {
        return Err(Error::invalid_argument(
            path,
            format!("expected at most {MAX_ITEMS} headers, got {}", keys.len()),
        ));
    }
    let mut out = Vec::with_capacity(keys.len());
    for key in keys {
        let at = format!("{path}.{key}");
        let v = value.get(&key);
        if v.kind() == Kind::Undefined {
            continue;
        }
        let token = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
        if key.is_empty() || !key.bytes().all(token) {
            return Err(Error::invalid_argument(
                &at,
                "is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_`|~)",
            ));
        }
        let name = key.to_ascii_lowercase();
        if out.iter().any(|(n, _)| *n == name) {
            return Err(Error::invalid_argument(
                &at,
                "is given twice (header names do not depend on letter case)",
            ));
        }
        if name == "content-type" || name == "content-length" {
            return Err(Error::invalid_argument(
                &at,
                "is set by the SDK for every request and cannot be replaced",
            ));
        }
        let text = match v.kind() {
            Kind::String(s) => s,
            _ => return Err(wrong(&v, &at, "a string", false)),
        };
        if !text
            .bytes()
            .all(|b| b == b'\t' || (0x20..=0x7e).contains(&b))
        {
            return Err(Error::invalid_argument(
                &at,
                "may only hold visible ASCII characters, spaces and tabs (no line breaks)",
            ));
        }
        out.push((name, text));
    }
    Ok(Arg::Headers(out))
}

/// Checks the params object of a method the package's JavaScript runs
/// (`files.download`, `jobs.downloadOutputs`): `input`'s properties beside
/// `signal` and `onProgress`, before anything is sent.
pub fn check_params<V: Value>(params: &V, input: &'static Input) -> Result<()> {
    let required = input.params.iter().any(|p| p.required);
    let context = Context {
        expands: &[],
        control: &["signal", "onProgress"],
    };
    read(params, input, "params", required, context).map(|_| ())
}

/// An identifier: not empty, no whitespace around it.
pub fn id_value(path: &str, s: &str) -> Result<Arg> {
    if s.trim().is_empty() {
        return Err(Error::invalid_argument(
            path,
            format!("expected a non-empty string, got {}", shown_str(s)),
        ));
    }
    if s.trim() != s {
        return Err(Error::invalid_argument(
            path,
            format!(
                "must not start or end with whitespace, got {}",
                shown_str(s)
            ),
        ));
    }
    Ok(Arg::Str(s.to_string()))
}

/// `expected <what>, got <value>`, the value shown by its kind alone when secret.
fn wrong<V: Value>(value: &V, path: &str, what: &str, secret: bool) -> Error {
    let got = if secret {
        value.kind_shown()
    } else {
        value.shown()
    };
    Error::invalid_argument(path, format!("expected {what}, got {got}"))
}

/// `expected one of A, B, got "x"; did you mean "A"?`
fn unknown_name<V: Value>(value: &V, path: &str, names: &[&str], given: Option<&str>) -> Error {
    let hint = given.map_or_else(String::new, |g| suggest::hint(g, names));
    Error::invalid_argument(
        path,
        format!(
            "expected one of {}, got {}{hint}",
            names.join(", "),
            value.shown()
        ),
    )
}

/// A caller's string as a message shows it (cut when long).
pub fn shown_str(value: &str) -> String {
    let (cut, shortened) = crate::args::first_chars(value, crate::args::MAX_SHOWN_CHARS);
    let mut out = String::with_capacity(cut.len() + 4);
    super::write::string(&mut out, cut);
    if shortened {
        out.pop();
        out.push_str("…\"");
    }
    out
}

/// What a caller reads about a property no one knows: a "did you mean" for a
/// near miss, and the names there are.
pub fn unknown_property(name: &str, known: &[&str]) -> String {
    format!(
        "unknown property{} (the properties are {})",
        crate::suggest::hint(name, known),
        known.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::param;
    use crate::input::value::of;
    use crate::model::api;

    static INNER: Input = Input {
        name: "Inner",
        doc: "",
        params: &[param("startTime", In::Number(&ANY), "").required()],
    };
    static ANY: crate::input::Range = crate::input::Range {
        min: f64::MIN,
        max: f64::MAX,
        expected: "a number",
    };
    static ONE_FORMAT: In = In::Enum(&api::OUTPUT_TYPE);
    static PARAMS: Input = Input {
        name: "Params",
        doc: "",
        params: &[
            param("takeId", In::Id, "").required(),
            param("limit", In::Int(1, 100), ""),
            param("window", In::Object(&INNER), ""),
            param("outputs", In::List(&ONE_FORMAT), ""),
            param("expand", In::Expand, ""),
            param("secret", In::String, "").secret(),
            param("metadata", In::Json, ""),
            param("nextToken", In::String, ""),
            param("on", In::Boolean, ""),
        ],
    };
    const CONTEXT: Context = Context {
        expands: &["client", "take"],
        control: &["signal"],
    };

    fn ok(json: &str) -> Args {
        read(&of(json), &PARAMS, "params", true, CONTEXT).unwrap()
    }

    fn message(json: &str) -> String {
        read(&of(json), &PARAMS, "params", true, CONTEXT)
            .unwrap_err()
            .message
    }

    #[test]
    fn wrong_types_name_the_path_and_show_the_value() {
        assert_eq!(
            message(r#"{"takeId": 42}"#),
            "params.takeId: expected a string, got 42"
        );
        assert_eq!(
            message(r#"{"takeId": "t", "window": {"startTime": "soon"}}"#),
            r#"params.window.startTime: expected a number, got "soon""#
        );
        assert_eq!(
            message(r#"{"takeId": [1]}"#),
            "params.takeId: expected a string, got an array"
        );
        assert_eq!(
            message(r#"{"takeId": null}"#),
            "params.takeId: expected a string, got null"
        );
        assert_eq!(
            message(r#"{"takeId": "t", "limit": 2.5}"#),
            "params.limit: expected an integer from 1 to 100, got 2.5"
        );
        assert_eq!(
            message(r#"{"takeId": "t", "on": "yes"}"#),
            r#"params.on: expected a boolean, got "yes""#
        );
    }

    #[test]
    fn missing_and_unknown_properties_are_named() {
        assert_eq!(message("{}"), "params.takeId: is required");
        assert_eq!(
            message(r#"{"takeId": "t", "window": {}}"#),
            "params.window.startTime: is required"
        );
        assert_eq!(
            message(r#"{"takeId": "t", "limt": 5}"#),
            "params.limt: unknown property (the properties are takeId, limit, window, outputs, expand, secret, metadata, nextToken, on, signal)"
        );
        // Unknown names are refused before any value is looked at.
        assert!(message(r#"{"takeId": 5, "x": 1}"#).starts_with("params.x: unknown property"));
        assert_eq!(
            read(&None, &PARAMS, "params", true, CONTEXT)
                .unwrap_err()
                .message,
            "params: expected an object, got undefined"
        );
        assert!(read(&None, &PARAMS, "params", false, CONTEXT)
            .unwrap()
            .0
            .is_empty());
    }

    #[test]
    fn enums_and_expands_read_in_any_case_and_suggest() {
        let args = ok(
            r#"{"takeId":"t","outputs":["main_fbx","Render_Video"],"expand":["TAKE"],"signal":null}"#,
        );
        assert_eq!(
            args.get("outputs"),
            Some(&Arg::List(vec![
                Arg::Enum("MAIN_FBX"),
                Arg::Enum("RENDER_VIDEO")
            ]))
        );
        assert_eq!(args.expand(), vec!["take"]);
        assert_eq!(
            message(r#"{"takeId":"t","outputs":["FBX"]}"#),
            r#"params.outputs[0]: expected one of MAIN_BLEND, MAIN_FBX, MAIN_GLB, MAIN_USDC, MAIN_USDZ, ALL_BLEND, ALL_BVH, ALL_C3D, ALL_FBX, ALL_GLB, ALL_USDC, ALL_USDZ, MOTION_DATA, RENDER_OVERLAY_VIDEO, RENDER_VIDEO, SYNC_DATA, got "FBX""#
        );
        assert_eq!(
            message(r#"{"takeId":"t","expand":["clinet"]}"#),
            r#"params.expand[0]: expected one of client, take, got "clinet""#
        );
        assert_eq!(
            message(r#"{"takeId":"t","expand":"take"}"#),
            r#"params.expand: expected an array, got "take""#
        );
    }

    #[test]
    fn secrets_are_shown_by_kind_and_nulls_mean_absent() {
        assert_eq!(
            message(r#"{"takeId":"t","secret":42}"#),
            "params.secret: expected a string, got a number"
        );
        let args = ok(r#"{"takeId":"t","metadata":null,"nextToken":null}"#);
        assert_eq!(args.get("metadata"), None);
        assert_eq!(args.get("nextToken"), None);
        let args = ok(r#"{"takeId":"t","metadata":{"a":[1]}}"#);
        assert_eq!(
            args.get("metadata"),
            Some(&Arg::Json(r#"{"a":[1]}"#.into()))
        );
    }

    #[test]
    fn null_means_not_given_unless_required_and_long_lists_are_refused() {
        let args = ok(r#"{"takeId":"t","limit":null,"outputs":null,"window":null,"on":null}"#);
        assert_eq!(args.0.len(), 1);
        let many = format!(
            r#"{{"takeId":"t","outputs":[{}"MAIN_FBX"]}}"#,
            r#""MAIN_FBX","#.repeat(MAX_ITEMS)
        );
        assert_eq!(
            message(&many),
            format!(
                "params.outputs: expected at most {MAX_ITEMS} items, got {}",
                MAX_ITEMS + 1
            )
        );
    }

    #[test]
    fn ids_must_be_trimmed_and_not_empty() {
        assert_eq!(
            message(r#"{"takeId":""}"#),
            r#"params.takeId: expected a non-empty string, got """#
        );
        assert_eq!(
            message(r#"{"takeId":" t"}"#),
            r#"params.takeId: must not start or end with whitespace, got " t""#
        );
        let long = "x".repeat(100);
        assert!(message(&format!(r#"{{"takeId":5,"secret":"{long}"}}"#)).contains("got 5"));
        assert!(shown_str(&long).ends_with("xx…\""));
    }
}
