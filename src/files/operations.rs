//! The files operations in plain Rust: each described once, then the file
//! type rules of `create` and `upload`.

use crate::error::{Error, Result};
use crate::graphql::Operation;
use crate::input::read::{self, shown_str, Context};
use crate::input::value::Value;
use crate::input::{Arg, Args};
use crate::model::api;
use crate::ops::{self, var, Op};

use super::params;

/// `createFile`.
pub static CREATE: Op = Op::mutation(
    api::one("createFile", &api::FILE),
    &params::CREATE,
    &[
        var("type", "String!"),
        var("name", "String"),
        var("metadata", "AWSJSON"),
    ],
);

/// `getFile`.
pub static GET: Op = Op::get(api::one("getFile", &api::FILE), &[var("fileId", "ID!")]);

/// `updateFile`.
pub static UPDATE: Op = Op::update(api::one("updateFile", &api::FILE));

/// `generateShareCode`.
pub static SHARE_CODE: Op = Op::mutation(
    api::one("generateShareCode", &api::SHARE_CODE),
    &ops::NO_PARAMS,
    &[var("fileId", "String!")],
);

/// `files.create(params)`.
pub fn create<V: Value>(params: &V) -> Result<Operation> {
    let mut args = CREATE.read(params, true)?;
    let ext = file_type("params.type", args.str("type").unwrap_or_default())?;
    args.set("type", Arg::Str(ext));
    Ok(CREATE.build(&args, args.expand(), 0))
}

/// What the host could tell from the data of `files.upload`.
#[derive(Debug, Default)]
pub struct DataFacts {
    /// The file's own name (a `File`, a path's or a file stream's base name).
    pub name: Option<String>,
    /// A Blob's MIME type.
    pub mime_type: Option<String>,
}

/// The `createFile` of `files.upload(data, params)`. The type is
/// `params.type`, else the data's own (its file name's extension, else its
/// MIME type), else the extension of `params.name`; the name is
/// `params.name`, else the data's own.
pub fn upload<V: Value>(params: &V, data: DataFacts) -> Result<Operation> {
    let mut args = read::read(
        params,
        &params::UPLOAD,
        "params",
        false,
        Context {
            expands: &[],
            control: &["signal", "onProgress"],
        },
    )?;
    let of_data = data
        .name
        .as_deref()
        .and_then(extension)
        .or_else(|| data.mime_type.as_deref().and_then(type_of_mime));
    let of_name = args.str("name").and_then(extension);
    let (given, argument) = match (args.str("type"), of_data, of_name) {
        (Some(t), _, _) => (t, "params.type"),
        (None, Some(t), _) => (t, "the type of data (its file name or Blob type)"),
        (None, None, Some(t)) => (t, "the extension of params.name"),
        (None, None, None) => {
            return Err(Error::invalid_argument(
                "params.type",
                "is required: the data has no file name or type to take it from \
                 (give the extension, e.g. 'mp4', or a name such as 'clip.mp4')",
            ))
        }
    };
    let ext = file_type(argument, given)?;
    args.set("type", Arg::Str(ext));
    if args.get("name").is_none() {
        if let Some(name) = data.name {
            args.set("name", Arg::Str(name));
        }
    }
    Ok(CREATE.build(&args, Vec::new(), 0))
}

/// The `createFile` of `files.upload` with the data's facts as host.js
/// sends them: the file name and the MIME type, each possibly empty, joined
/// by a NUL (which neither can hold).
pub fn upload_with_facts<V: Value>(facts: &str, params: &V) -> Result<Operation> {
    let at = facts.bytes().position(|b| b == 0).unwrap_or(facts.len());
    let fact = |s: Option<&str>| s.filter(|s| !s.is_empty()).map(str::to_string);
    upload(
        params,
        DataFacts {
            name: fact(facts.get(..at)),
            mime_type: fact(facts.get(at + 1..)),
        },
    )
}

/// The file type a MIME type names, for the types Move takes. (Byte
/// searches: a `char` pattern links a string searcher into the module.)
fn type_of_mime(mime: &str) -> Option<&'static str> {
    let end = mime.bytes().position(|b| b == b';').unwrap_or(mime.len());
    let essence = mime.get(..end).unwrap_or(mime).trim_ascii();
    match essence.to_ascii_lowercase().as_str() {
        "video/mp4" => Some("mp4"),
        "video/quicktime" => Some("mov"),
        "video/x-msvideo" | "video/avi" | "video/msvideo" => Some("avi"),
        _ => None,
    }
}

/// `dir/clip.MP4` → `MP4`; none for a name without one (`README`,
/// `.hidden`, `clip.`).
fn extension(name: &str) -> Option<&str> {
    let bytes = name.as_bytes();
    let base = bytes
        .iter()
        .rposition(|&b| b == b'/' || b == b'\\')
        .map_or(0, |i| i + 1);
    let dot = bytes
        .iter()
        .rposition(|&b| b == b'.')
        .filter(|&d| d > base)?;
    name.get(dot + 1..).filter(|ext| !ext.is_empty())
}

/// `files.retrieve(id, params)`.
pub fn retrieve<V: Value>(id: &str, params: &V) -> Result<Operation> {
    ops::get(&GET, id, params)
}

/// `files.update(id, params)`.
pub fn update<V: Value>(id: &str, params: &V) -> Result<Operation> {
    ops::update(&UPDATE, id, params)
}

/// `files.generateShareCode(fileId, params)`.
pub fn generate_share_code<V: Value>(file_id: &str, params: &V) -> Result<Operation> {
    let id = read::id_value("fileId", file_id)?;
    SHARE_CODE.read(params, false)?;
    Ok(SHARE_CODE.build(&Args(vec![("fileId", id)]), Vec::new(), 0))
}

/// A file type is an extension: letters and digits, a leading dot dropped.
fn file_type(argument: &str, value: &str) -> Result<String> {
    let ext = value.strip_prefix('.').unwrap_or(value);
    if ext.is_empty() || ext.len() > 16 || !ext.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(Error::invalid_argument(
            argument,
            format!(
                "expected a file extension such as 'mp4', 'mov', 'avi' or 'move', got {}",
                shown_str(value)
            ),
        ));
    }
    Ok(ext.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::graphql::OperationKind;
    use crate::input::value::of;
    use serde_json::{json, Value};

    fn body(op: &Operation) -> Value {
        serde_json::from_str(&op.body).unwrap()
    }

    #[test]
    fn create_sends_type_name_and_metadata() {
        let op = create(&of(
            r#"{"type":".mp4","name":"take 1","metadata":{"k":"v"},"expand":["client"]}"#,
        ))
        .unwrap();
        let b = body(&op);
        assert_eq!(
            b["variables"],
            json!({"type": "mp4", "name": "take 1", "metadata": "{\"k\":\"v\"}"})
        );
        assert!(b["query"]
            .as_str()
            .unwrap()
            .contains("client { id name created metadata portal }"));
        assert_eq!(op.kind, OperationKind::Mutation);
    }

    #[test]
    fn bad_types_are_refused() {
        for bad in [
            r#"{"type":""}"#,
            r#"{"type":"m p4"}"#,
            r#"{"type":"../x"}"#,
            r#"{}"#,
            r#"{"type":4}"#,
        ] {
            let e = create(&of(bad)).err().unwrap();
            assert_eq!(e.code, ErrorCode::InvalidArgument, "{bad}");
            assert!(e.message.starts_with("params"), "{}", e.message);
        }
    }

    #[test]
    fn upload_takes_its_type_from_params_or_the_data_or_the_name() {
        let sent = |params: &str, name: Option<&str>, mime_type: Option<&str>| {
            let data = DataFacts {
                name: name.map(str::to_string),
                mime_type: mime_type.map(str::to_string),
            };
            body(&upload(&of(params), data).unwrap())["variables"].clone()
        };
        assert_eq!(
            sent(r#"{"type":"mov"}"#, Some("a.mp4"), None)["type"],
            "mov"
        );
        // The data's own name, extension lower-cased, and the default name.
        assert_eq!(
            sent("{}", Some("warm-up.MOVE"), Some("video/mp4")),
            json!({"type": "move", "name": "warm-up.MOVE"})
        );
        // A Blob's MIME type when the data has no name.
        assert_eq!(sent("{}", None, Some("video/quicktime"))["type"], "mov");
        assert_eq!(
            sent("{}", None, Some("Video/MP4; codecs=avc1"))["type"],
            "mp4"
        );
        // Bytes tell nothing: the name given does.
        assert_eq!(
            sent(
                r#"{"name":"warm-up.move"}"#,
                None,
                Some("application/x-unknown")
            ),
            json!({"type": "move", "name": "warm-up.move"})
        );
        assert_eq!(sent(r#"{"name":"n"}"#, Some("clip.mp4"), None)["name"], "n");
        for (params, data) in [
            ("{}", DataFacts::default()),
            (r#"{"name":".hidden"}"#, DataFacts::default()),
            (
                "{}",
                DataFacts {
                    name: Some("README".into()),
                    mime_type: Some("text/plain".into()),
                },
            ),
        ] {
            let e = upload(&of(params), data).err().unwrap();
            assert!(
                e.message.starts_with("params.type: is required"),
                "{}",
                e.message
            );
        }
        let data = DataFacts {
            name: Some("clip.x-y".into()),
            mime_type: None,
        };
        let e = upload(&of("{}"), data).err().unwrap();
        assert!(e.message.contains(r#"got "x-y""#), "{}", e.message);
    }

    #[test]
    fn upload_facts_come_joined_by_a_nul() {
        let sent =
            |facts: &str| body(&upload_with_facts(facts, &of("{}")).unwrap())["variables"].clone();
        assert_eq!(
            sent("warm-up.MOVE\0video/mp4"),
            json!({"type": "move", "name": "warm-up.MOVE"})
        );
        assert_eq!(sent("\0video/quicktime"), json!({"type": "mov"}));
        assert_eq!(
            sent("clip.avi\0"),
            json!({"type": "avi", "name": "clip.avi"})
        );
        assert_eq!(sent("clip.mp4"), json!({"type": "mp4", "name": "clip.mp4"}));
        let e = upload_with_facts("\0", &of("{}")).unwrap_err();
        assert!(
            e.message.starts_with("params.type: is required"),
            "{}",
            e.message
        );
    }

    #[test]
    fn share_codes_and_retrieves_send_their_ids() {
        assert_eq!(
            body(&generate_share_code("f-1", &of("{}")).unwrap())["variables"],
            json!({"fileId": "f-1"})
        );
        assert_eq!(
            body(&retrieve("f-1", &of("{}")).unwrap())["variables"],
            json!({"fileId": "f-1"})
        );
        assert!(generate_share_code("", &of("{}")).is_err());
        let op = update("f-1", &of(r#"{"name":"n"}"#)).unwrap();
        assert_eq!(body(&op)["variables"], json!({"id": "f-1", "name": "n"}));
    }
}
