//! The files operations in plain Rust.

use serde::{Deserialize, Serialize};

use crate::args;
use crate::error::{Error, Result};
use crate::graphql::{Operation, OperationKind};
use crate::ops;
use crate::types::{metadata, File, ShareCode};

use super::documents;
use super::params::{FileCreateParams, FileExpand, FileUploadParams};

#[derive(Serialize)]
struct CreateFileVariables {
    #[serde(rename = "type")]
    file_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    metadata: Option<String>,
}

/// `files.create(params)`.
pub fn create(params_json: &str) -> Result<Operation> {
    let p: FileCreateParams<FileExpand> = args::from_json(params_json, "params")?;
    let expand = p.expand.unwrap_or_default();
    let variables = CreateFileVariables {
        file_type: file_type("params.type", &p.file_type)?,
        name: p.name,
        metadata: metadata::encode(p.metadata),
    };
    ops::one::<File, _>(
        "createFile",
        OperationKind::Mutation,
        &documents::create_file(&expand),
        &variables,
        expand,
    )
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
pub fn upload(params_json: &str, data: DataFacts) -> Result<Operation> {
    let p: FileUploadParams = args::from_json(params_json, "params")?;
    let of_data = data
        .name
        .as_deref()
        .and_then(extension)
        .or_else(|| data.mime_type.as_deref().and_then(type_of_mime));
    let of_name = p.name.as_deref().and_then(extension);
    let (given, argument) = match (p.file_type, of_data, of_name) {
        (Some(t), _, _) => (t, "params.type"),
        (None, Some(t), _) => (
            t.to_string(),
            "the type of data (its file name or Blob type)",
        ),
        (None, None, Some(t)) => (t.to_string(), "the extension of params.name"),
        (None, None, None) => {
            return Err(Error::invalid_argument(
                "params.type",
                "is required: the data has no file name or type to take it from \
                 (give the extension, e.g. 'mp4', or a name such as 'clip.mp4')",
            ))
        }
    };
    let variables = CreateFileVariables {
        file_type: file_type(argument, &given)?,
        name: p.name.or(data.name),
        metadata: metadata::encode(p.metadata),
    };
    ops::one::<File, _>(
        "createFile",
        OperationKind::Mutation,
        &documents::create_file(&[]),
        &variables,
        Vec::new(),
    )
}

/// The file type a MIME type names, for the types Move takes.
fn type_of_mime(mime: &str) -> Option<&'static str> {
    let essence = mime.split(';').next().unwrap_or(mime).trim();
    match essence.to_ascii_lowercase().as_str() {
        "video/mp4" => Some("mp4"),
        "video/quicktime" => Some("mov"),
        "video/x-msvideo" | "video/avi" | "video/msvideo" => Some("avi"),
        _ => None,
    }
}

/// `clip.MP4` → `MP4`; none for a name without one.
fn extension(name: &str) -> Option<&str> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.is_empty() => Some(ext),
        _ => None,
    }
}

/// The upload URL of a file just created (the caller's JSON of it).
pub fn upload_url(file_json: &str) -> Result<String> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Created {
        presigned_url: Option<String>,
    }
    let created: Created = serde_json::from_str(file_json).map_err(Error::invalid_response)?;
    match created.presigned_url {
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => Ok(url),
        _ => Err(Error::invalid_response(
            "createFile: the file has no upload URL",
        )),
    }
}

/// `files.retrieve(id, params)`.
pub fn retrieve(id: &str, params_json: &str) -> Result<Operation> {
    ops::get::<File>("getFile", "fileId", id, params_json)
}

/// `files.update(id, params)`.
pub fn update(id: &str, params_json: &str) -> Result<Operation> {
    ops::update::<File>("updateFile", id, params_json)
}

/// `files.generateShareCode(fileId, params)`.
pub fn generate_share_code(file_id: &str, params_json: &str) -> Result<Operation> {
    args::require_id("fileId", file_id)?;
    args::from_json::<ops::NoParams>(params_json, "params")?;
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Variables<'a> {
        file_id: &'a str,
    }
    ops::one::<ShareCode, _>(
        "generateShareCode",
        OperationKind::Mutation,
        &documents::generate_share_code(),
        &Variables { file_id },
        Vec::new(),
    )
}

/// A file type is an extension: letters and digits, a leading dot dropped.
fn file_type(argument: &str, value: &str) -> Result<String> {
    let ext = value.strip_prefix('.').unwrap_or(value);
    if ext.is_empty() || ext.len() > 16 || !ext.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(Error::invalid_argument(
            argument,
            format!(
                "expected a file extension such as 'mp4', 'mov', 'avi' or 'move', got {}",
                args::shown_str(value)
            ),
        ));
    }
    Ok(ext.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use serde_json::{json, Value};

    fn body(op: &Operation) -> Value {
        serde_json::from_str(&op.body).unwrap()
    }

    #[test]
    fn create_sends_type_name_and_metadata() {
        let op =
            create(r#"{"type":".mp4","name":"take 1","metadata":{"k":"v"},"expand":["client"]}"#)
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
            let e = create(bad).err().unwrap();
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
            body(&upload(params, data).unwrap())["variables"].clone()
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
            let e = upload(params, data).err().unwrap();
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
        let e = upload("{}", data).err().unwrap();
        assert!(e.message.contains(r#"got "x-y""#), "{}", e.message);
    }

    #[test]
    fn upload_url_must_be_there() {
        assert_eq!(
            upload_url(r#"{"presignedUrl":"https://s3/x"}"#).unwrap(),
            "https://s3/x"
        );
        assert_eq!(
            upload_url(r#"{"presignedUrl":null}"#).unwrap_err().code,
            ErrorCode::InvalidResponse
        );
        assert_eq!(
            upload_url(r#"{"presignedUrl":"javascript:alert(1)"}"#)
                .unwrap_err()
                .code,
            ErrorCode::InvalidResponse
        );
    }

    #[test]
    fn share_codes_and_retrieves_send_their_ids() {
        assert_eq!(
            body(&generate_share_code("f-1", "{}").unwrap())["variables"],
            json!({"fileId": "f-1"})
        );
        assert_eq!(
            body(&retrieve("f-1", "{}").unwrap())["variables"],
            json!({"fileId": "f-1"})
        );
        assert!(generate_share_code("", "{}").is_err());
        let op = update("f-1", r#"{"name":"n"}"#).unwrap();
        assert_eq!(body(&op)["variables"], json!({"id": "f-1", "name": "n"}));
    }
}
