//! `jobs.downloadOutputs` in plain Rust: its arguments, which outputs of the
//! job to download (a finished job's, each with its URL), and the file name
//! of each. The bytes are streamed to disk by the Node entry (host.js
//! `outputFiles`); each download is retried by the transport.

use crate::error::{Error, ErrorCode, Result};
use crate::graphql::Operation;
use crate::input::read::{self, Context};
use crate::input::value::{Kind, Value};
use crate::input::{Arg, Args};

use super::operations::GET;
use super::params::DOWNLOAD_OUTPUTS;
use super::wait::{self, Phase};

/// A checked call of `jobs.downloadOutputs`.
#[derive(Debug)]
pub struct Request {
    /// The job's id.
    pub id: String,
    /// The directory to write in, as the caller gave it.
    pub dir: String,
    /// The formats to download, as the API spells them; empty: every output.
    pub formats: Vec<&'static str>,
    /// The read of the job with its outputs.
    pub read: Operation,
}

/// Reads `jobs.downloadOutputs(jobOrId, params)`: an id or a job (its `id`),
/// and `{ dir, formats? }` beside `signal` and `onProgress`.
pub fn request<V: Value>(job: &V, params: &V) -> Result<Request> {
    let id = match job.kind() {
        Kind::String(id) => read::id_value("jobOrId", &id)?,
        Kind::Object => match job.get("id").kind() {
            Kind::String(id) => read::id_value("jobOrId.id", &id)?,
            _ => {
                return Err(Error::invalid_argument(
                    "jobOrId.id",
                    format!("expected a string, got {}", job.get("id").shown()),
                ))
            }
        },
        _ => {
            return Err(Error::invalid_argument(
                "jobOrId",
                format!(
                    "expected a job id (a string) or a job (an object with its id), got {}",
                    job.shown()
                ),
            ))
        }
    };
    let mut args = read::read(
        params,
        &DOWNLOAD_OUTPUTS,
        "params",
        true,
        Context {
            expands: &[],
            control: &["signal", "onProgress"],
        },
    )?;
    if matches!(args.get("formats"), Some(Arg::List(list)) if list.is_empty()) {
        return Err(Error::invalid_argument(
            "params.formats",
            "expected at least one output type, got an empty array (omit it for every output)",
        ));
    }
    crate::args::dedupe(&mut args, "formats");
    let formats = args
        .list("formats")
        .iter()
        .filter_map(|f| match f {
            Arg::Enum(name) => Some(*name),
            _ => None,
        })
        .collect();
    let dir = args.str("dir").unwrap_or_default().to_string();
    let read = GET.build(&Args(vec![("jobId", id.clone())]), vec!["outputs"], 0);
    let id = match id {
        Arg::Str(id) => id,
        _ => String::new(),
    };
    Ok(Request {
        id,
        dir,
        formats,
        read,
    })
}

/// One output to download.
#[derive(Debug, PartialEq)]
pub struct Planned {
    /// Its format as the API sent it (`None` if it sent none).
    pub format: Option<String>,
    /// Its download URL.
    pub url: String,
    /// The file name to write it under: `<jobId>-<FORMAT>.<ext>`.
    pub name: String,
}

/// The outputs of `job` (read with its outputs) to download, in the API's
/// order: a finished job's, those of `formats` if any are given, each with
/// its download URL and a file name of its own. A job that failed is
/// `JOB_FAILED`; one whose outputs are not all ready, or that lacks a format
/// asked for, is `NOT_FOUND`, saying what to do.
pub fn plan<V: Value>(job: &V, id: &str, formats: &[&str]) -> Result<Vec<Planned>> {
    let poll = wait::assess(job);
    match poll.phase {
        Phase::Failed(state) => return Err(wait::failed(id, &state)),
        Phase::Pending => {
            return Err(Error::new(
                ErrorCode::NotFound,
                format!(
                    "job {id} has no outputs ready to download yet (it is {}): wait for it \
                     with jobs.waitForCompletion first",
                    poll.progress.0
                ),
            ))
        }
        Phase::Finished => {}
    }
    let outputs = job.get("outputs").items();
    let format_of = |o: &V| match o.get("format").kind() {
        Kind::String(f) => Some(f),
        _ => None,
    };
    if let Some(missing) = formats
        .iter()
        .find(|f| !outputs.iter().any(|o| format_of(o).as_deref() == Some(**f)))
    {
        let had: Vec<String> = outputs.iter().filter_map(format_of).collect();
        return Err(Error::new(
            ErrorCode::NotFound,
            format!(
                "job {id} has no {missing} output (its outputs are {})",
                had.join(", ")
            ),
        ));
    }
    let mut planned: Vec<Planned> = Vec::new();
    for output in &outputs {
        let format = format_of(output);
        if !formats.is_empty() && !formats.iter().any(|f| format.as_deref() == Some(*f)) {
            continue;
        }
        let file = output.get("file");
        let text = |key: &str| match file.get(key).kind() {
            Kind::String(s) => s,
            _ => String::new(),
        };
        let stem = format!(
            "{}-{}",
            safe(id),
            safe(format.as_deref().unwrap_or("OUTPUT"))
        );
        let ext = extension(&text("type"), format.as_deref().unwrap_or_default());
        let mut name = format!("{stem}.{ext}");
        let mut n = 1;
        while planned.iter().any(|p| p.name == name) {
            n += 1;
            name = format!("{stem}-{n}.{ext}");
        }
        planned.push(Planned {
            format,
            // assess saw a URL on every output.
            url: text("presignedUrl"),
            name,
        });
    }
    Ok(planned)
}

/// The extension of an output's file: its `type` (`fbx`, `.MP4`), lower-cased,
/// when that is a plain extension; else a `MAIN_<X>` format's `x`; else `bin`.
pub fn extension(file_type: &str, format: &str) -> String {
    let plain = |s: &str| {
        let s = s.strip_prefix('.').unwrap_or(s);
        (!s.is_empty() && s.len() <= 16 && s.bytes().all(|b| b.is_ascii_alphanumeric()))
            .then(|| s.to_ascii_lowercase())
    };
    plain(file_type)
        .or_else(|| format.strip_prefix("MAIN_").and_then(plain))
        .unwrap_or_else(|| "bin".to_string())
}

/// `text` as one safe file-name part: letters, digits, `-`, `_` and `.`
/// kept, anything else (a `/`, a space) written `_`, so that a name from the
/// API can never reach outside the directory.
pub fn safe(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::value::of;
    use serde_json::Value as Json;

    fn job(state: &str, outputs: &str) -> Option<Json> {
        of(&format!(
            r#"{{"id":"job-1","state":null,"progress":{{"state":"{state}","percentageComplete":100}},"outputs":{outputs}}}"#
        ))
    }

    const READY: &str = r#"[
        {"format":"MAIN_FBX","file":{"id":"f1","type":"fbx","presignedUrl":"https://s3/1"}},
        {"format":"RENDER_VIDEO","file":{"id":"f2","type":"MP4","presignedUrl":"https://s3/2"}},
        {"format":"MAIN_USDZ","file":{"id":"f3","type":"","presignedUrl":"https://s3/3"}},
        {"format":"MOTION_DATA","file":{"id":"f4","type":"application/json","presignedUrl":"https://s3/4"}}
    ]"#;

    fn names(planned: &[Planned]) -> Vec<&str> {
        planned.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn every_output_gets_a_name_from_the_job_and_its_format() {
        let planned = plan(&job("FINISHED", READY), "job-1", &[]).unwrap();
        assert_eq!(
            names(&planned),
            [
                "job-1-MAIN_FBX.fbx",
                "job-1-RENDER_VIDEO.mp4",
                "job-1-MAIN_USDZ.usdz",
                "job-1-MOTION_DATA.bin"
            ]
        );
        assert_eq!(planned[1].url, "https://s3/2");
        assert_eq!(planned[1].format.as_deref(), Some("RENDER_VIDEO"));
    }

    #[test]
    fn formats_choose_outputs_and_a_missing_one_is_named() {
        let planned = plan(
            &job("FINISHED", READY),
            "job-1",
            &["RENDER_VIDEO", "MAIN_FBX"],
        )
        .unwrap();
        // In the API's order.
        assert_eq!(
            names(&planned),
            ["job-1-MAIN_FBX.fbx", "job-1-RENDER_VIDEO.mp4"]
        );
        let e = plan(&job("FINISHED", READY), "job-1", &["MAIN_GLB"]).unwrap_err();
        assert_eq!(e.code, ErrorCode::NotFound);
        assert_eq!(
            e.message,
            "job job-1 has no MAIN_GLB output (its outputs are MAIN_FBX, RENDER_VIDEO, MAIN_USDZ, MOTION_DATA)"
        );
    }

    #[test]
    fn a_job_not_ready_says_to_wait_and_a_failed_one_says_so() {
        for (state, outputs) in [
            ("RUNNING", "[]"),
            ("NOT STARTED", "null"),
            ("FINISHED", "[]"),
            (
                "FINISHED",
                r#"[{"format":"MAIN_FBX","file":{"id":"f","type":"fbx","presignedUrl":null}}]"#,
            ),
        ] {
            let e = plan(&job(state, outputs), "job-1", &[]).unwrap_err();
            assert_eq!(e.code, ErrorCode::NotFound, "{state}");
            assert!(
                e.message
                    .starts_with("job job-1 has no outputs ready to download yet"),
                "{}",
                e.message
            );
            assert!(
                e.message.contains("jobs.waitForCompletion"),
                "{}",
                e.message
            );
        }
        let e = plan(&job("FAILED", "[]"), "job-1", &[]).unwrap_err();
        assert_eq!(e.code, ErrorCode::JobFailed);
        assert_eq!(e.message, "job job-1 ended FAILED");
    }

    #[test]
    fn names_from_the_api_stay_inside_the_directory_and_apart() {
        let outputs = r#"[
            {"format":"../../etc/passwd","file":{"id":"a","type":"../sh","presignedUrl":"https://s3/a"}},
            {"format":"MAIN_FBX","file":{"id":"b","type":"fbx","presignedUrl":"https://s3/b"}},
            {"format":"MAIN_FBX","file":{"id":"c","type":"fbx","presignedUrl":"https://s3/c"}},
            {"format":null,"file":{"id":"d","type":"zip","presignedUrl":"https://s3/d"}}
        ]"#;
        let planned = plan(&job("FINISHED", outputs), "a/b c", &[]).unwrap();
        assert_eq!(
            names(&planned),
            [
                "a_b_c-.._.._etc_passwd.bin",
                "a_b_c-MAIN_FBX.fbx",
                "a_b_c-MAIN_FBX-2.fbx",
                "a_b_c-OUTPUT.zip"
            ]
        );
        assert_eq!(planned[3].format, None);
    }

    #[test]
    fn extensions_come_from_the_type_else_the_format() {
        assert_eq!(extension("fbx", "MAIN_FBX"), "fbx");
        assert_eq!(extension(".MP4", "RENDER_VIDEO"), "mp4");
        assert_eq!(extension("", "MAIN_BLEND"), "blend");
        assert_eq!(extension("video/mp4", "RENDER_VIDEO"), "bin");
        assert_eq!(extension("", "ALL_FBX"), "bin");
    }

    #[test]
    fn arguments_are_read_and_named() {
        let r = request(
            &of(r#""job-7""#),
            &of(r#"{"dir":"out","formats":["main_fbx","MAIN_FBX","render_video"],"signal":null}"#),
        )
        .unwrap();
        assert_eq!((r.id.as_str(), r.dir.as_str()), ("job-7", "out"));
        assert_eq!(r.formats, ["MAIN_FBX", "RENDER_VIDEO"]);
        assert!(
            r.read.body.contains("outputs { format file {"),
            "{}",
            r.read.body
        );
        assert!(
            r.read.body.contains(r#""variables":{"jobId":"job-7"}"#),
            "{}",
            r.read.body
        );
        let from_job = request(&of(r#"{"id":"job-8","name":"x"}"#), &of(r#"{"dir":"."}"#)).unwrap();
        assert_eq!(from_job.id, "job-8");
        assert!(from_job.formats.is_empty());

        let message = |job: &str, params: &str| request(&of(job), &of(params)).unwrap_err().message;
        assert_eq!(
            message("5", r#"{"dir":"out"}"#),
            "jobOrId: expected a job id (a string) or a job (an object with its id), got 5"
        );
        assert_eq!(
            message(r#"{"name":"x"}"#, r#"{"dir":"out"}"#),
            "jobOrId.id: expected a string, got undefined"
        );
        assert_eq!(message(r#""j""#, "{}"), "params.dir: is required");
        assert_eq!(
            message(r#""j""#, r#"{"dir":""}"#),
            r#"params.dir: expected a non-empty string, got """#
        );
        assert!(message(r#""j""#, r#"{"dir":"o","formats":["FBX"]}"#)
            .ends_with(r#"got "FBX"; did you mean "MAIN_FBX" or "ALL_FBX"?"#));
        assert_eq!(
            message(r#""j""#, r#"{"dir":"o","formats":[]}"#),
            "params.formats: expected at least one output type, got an empty array (omit it for every output)"
        );
        assert!(message(r#""j""#, r#"{"dir":"o","format":["MAIN_FBX"]}"#)
            .starts_with(r#"params.format: unknown property; did you mean "formats"?"#));
        assert_eq!(
            request(&of(r#""j""#), &None).unwrap_err().message,
            "params: expected an object, got undefined"
        );
    }
}
