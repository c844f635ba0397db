//! Any caller arguments, walked by the reader as it walks a JavaScript object
//! (here a JSON value, or undefined when the bytes are not JSON): validated
//! into an operation or refused with INVALID_ARGUMENT, never a panic. The
//! first byte picks the method; the rest is the params (and the id).
#![no_main]

use libfuzzer_sys::fuzz_target;
use move_ugc::error::ErrorCode;
use move_ugc::input::value::parse;
use move_ugc::options::{ClientConfig, Surroundings};
use move_ugc::{account, files, jobs, request, takes, volumes};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let id = text.get(..text.len().min(12)).unwrap_or("");
    let value = parse(&text);
    let text = &value;
    // The environment the client's options read (MOVE_API_KEY, MOVE_API_URL):
    // the same text, so that a bad key or URL from there is refused too.
    let env = |_: &str| Some(id.to_string()).filter(|v| !v.is_empty() && pick & 0x80 != 0);
    // (The endpoint URL is the host's URL parser's to judge: js/host.js.)
    let around = Surroundings {
        env: &env,
        browser_page: pick & 0x40 != 0,
        endpoint_problem: &|url: &str| (!url.starts_with("https://")).then(|| "must use https:".to_string()),
    };
    // `ugc.request`'s document: the bytes themselves, as a string.
    let document = Some(serde_json::Value::String(text_of(rest)));
    let result = match pick % 21 {
        0 => jobs::operations::create_single_cam(text).map(|_| ()),
        1 => jobs::operations::create_multi_cam(text).map(|_| ()),
        2 => jobs::operations::retrieve(id, text).map(|_| ()),
        3 => jobs::operations::update(id, text).map(|_| ()),
        4 => jobs::operations::list(text).map(|_| ()),
        5 => jobs::wait::wait(id, text).map(|_| ()),
        6 => files::operations::create(text).map(|_| ()),
        7 => files::operations::upload(
            text,
            files::operations::DataFacts {
                name: Some(id.to_string()),
                mime_type: Some(id.to_string()),
            },
        )
        .map(|_| ()),
        8 => files::operations::update(id, text).map(|_| ()),
        9 => files::operations::upload_with_facts(id, text).map(|_| ()),
        10 => takes::operations::create_single_cam(text).map(|_| ()),
        11 => takes::operations::create_multi_cam(text).map(|_| ()),
        12 => takes::operations::list(text).map(|_| ()),
        13 => volumes::operations::create_human_volume(text).map(|_| ()),
        14 => volumes::operations::list(text).map(|_| ()),
        15 => account::operations::update_client(text).map(|_| ()),
        16 => account::operations::upsert_webhook(text).map(|_| ()),
        17 => files::operations::generate_share_code(id, text).map(|_| ()),
        18 => takes::operations::update(id, text).map(|_| ()),
        19 => request::build(&document, text).map(|_| ()),
        _ => ClientConfig::read(text, &around).map(|_| ()),
    };
    if let Err(error) = result {
        // A refusal of the caller's input is always INVALID_ARGUMENT.
        assert!(
            error.code == ErrorCode::InvalidArgument,
            "{error}"
        );
    }
});

/// The bytes as text, for a document.
fn text_of(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
