//! `files.download` in plain Rust: what to download (a URL the caller's file
//! already has, or a read of the file by id), and the download URL of a file.

use crate::error::{Error, ErrorCode, Result};
use crate::graphql::Operation;
use crate::input::read::{self, Context};
use crate::input::value::{Kind, Value};
use crate::input::Args;

use super::operations::GET;

/// Where the bytes of `files.download` come from.
#[derive(Debug)]
pub enum Source {
    /// The presigned URL of the file object the caller passed.
    Url(String),
    /// A `getFile` (the caller passed an id, or a file without a URL).
    Read(Operation),
}

/// Reads `files.download(fileOrId, params)`: an id, or a file object (its
/// `presignedUrl` when it has one, else its `id`). `params` holds only
/// `signal` and `onProgress`.
pub fn download<V: Value>(file: &V, params: &V) -> Result<Source> {
    read::read(
        params,
        &crate::ops::NO_PARAMS,
        "params",
        false,
        Context {
            expands: &[],
            control: &["signal", "onProgress"],
        },
    )?;
    let id = match file.kind() {
        Kind::String(id) => read::id_value("fileOrId", &id)?,
        Kind::Object => {
            let id = match file.get("id").kind() {
                Kind::String(id) => read::id_value("fileOrId.id", &id)?,
                _ => {
                    return Err(Error::invalid_argument(
                        "fileOrId.id",
                        format!("expected a string, got {}", file.get("id").shown()),
                    ))
                }
            };
            match file.get("presignedUrl").kind() {
                Kind::Undefined | Kind::Null => {}
                Kind::String(url) if is_http(&url) => return Ok(Source::Url(url)),
                _ => {
                    return Err(Error::invalid_argument(
                        "fileOrId.presignedUrl",
                        format!(
                            "expected an http(s) URL or null, got {}",
                            file.get("presignedUrl").shown()
                        ),
                    ))
                }
            }
            id
        }
        _ => {
            return Err(Error::invalid_argument(
                "fileOrId",
                format!(
                    "expected a file id (a string) or a file ({{ id, presignedUrl }}), got {}",
                    file.shown()
                ),
            ))
        }
    };
    Ok(Source::Read(GET.build(
        &Args(vec![("fileId", id)]),
        Vec::new(),
        0,
    )))
}

/// The download URL of a file read from the API (the checked object the
/// caller would receive). A file without one is `NOT_FOUND`, saying why.
pub fn download_url<V: Value>(file: &V) -> Result<String> {
    match file.get("presignedUrl").kind() {
        Kind::String(url) if is_http(&url) => Ok(url),
        Kind::String(_) => Err(Error::invalid_response(
            "getFile: the download URL is not an http(s) URL",
        )),
        _ => {
            let id = match file.get("id").kind() {
                Kind::String(id) => id,
                _ => String::new(),
            };
            Err(Error::new(
                ErrorCode::NotFound,
                format!(
                    "file {id} has no download URL yet (its presignedUrl is null): a job's \
                     output gets one shortly after the job finishes (wait for it with \
                     jobs.waitForCompletion)"
                ),
            ))
        }
    }
}

/// An `http:` or `https:` URL.
pub fn is_http(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::value::of;
    use serde_json::{json, Value as Json};

    fn variables(source: Source) -> Json {
        match source {
            Source::Read(op) => {
                serde_json::from_str::<Json>(&op.body).unwrap()["variables"].clone()
            }
            Source::Url(url) => panic!("expected a read, got the URL {url}"),
        }
    }

    #[test]
    fn an_id_or_a_file_without_url_is_read_first() {
        assert_eq!(
            variables(download(&of(r#""file-1""#), &None).unwrap()),
            json!({"fileId": "file-1"})
        );
        let file = of(r#"{"id":"file-2","presignedUrl":null,"name":"x"}"#);
        assert_eq!(
            variables(download(&file, &of("{}")).unwrap()),
            json!({"fileId": "file-2"})
        );
        assert_eq!(
            variables(download(&of(r#"{"id":"file-3"}"#), &None).unwrap()),
            json!({"fileId": "file-3"})
        );
    }

    #[test]
    fn a_file_with_its_url_is_downloaded_from_it() {
        let file = of(r#"{"id":"file-1","presignedUrl":"https://s3.example/a?sig=1"}"#);
        match download(&file, &of(r#"{"signal":null}"#)).unwrap() {
            Source::Url(url) => assert_eq!(url, "https://s3.example/a?sig=1"),
            Source::Read(_) => panic!("read although the file has its URL"),
        }
    }

    #[test]
    fn misuse_is_named_by_its_path() {
        let message =
            |file: &str, params: &str| download(&of(file), &of(params)).unwrap_err().message;
        assert_eq!(
            message("42", "{}"),
            "fileOrId: expected a file id (a string) or a file ({ id, presignedUrl }), got 42"
        );
        assert_eq!(
            message(r#""""#, "{}"),
            r#"fileOrId: expected a non-empty string, got """#
        );
        assert_eq!(
            message(r#"{"presignedUrl":"https://x/y"}"#, "{}"),
            "fileOrId.id: expected a string, got undefined"
        );
        assert_eq!(
            message(r#"{"id":"f","presignedUrl":"ftp://x/y"}"#, "{}"),
            r#"fileOrId.presignedUrl: expected an http(s) URL or null, got "ftp://x/y""#
        );
        assert!(message(r#""f""#, r#"{"onProgres":1}"#)
            .starts_with("params.onProgres: unknown property"));
        assert_eq!(message(r#""f""#, "7"), "params: expected an object, got 7");
    }

    #[test]
    fn a_file_without_url_is_not_found_and_says_why() {
        let e = download_url(&of(r#"{"id":"file-9","presignedUrl":null}"#)).unwrap_err();
        assert_eq!(e.code, ErrorCode::NotFound);
        assert!(
            e.message.starts_with("file file-9 has no download URL yet"),
            "{}",
            e.message
        );
        assert!(e.message.contains("jobs.waitForCompletion"));
        assert_eq!(
            download_url(&of(r#"{"id":"f","presignedUrl":"https://s3/x"}"#)).unwrap(),
            "https://s3/x"
        );
        assert_eq!(
            download_url(&of(r#"{"id":"f","presignedUrl":"file:///etc/passwd"}"#))
                .unwrap_err()
                .code,
            ErrorCode::InvalidResponse
        );
        assert!(is_http("http://127.0.0.1:4010/x"));
    }
}
