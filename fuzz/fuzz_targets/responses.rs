//! Any HTTP answer, decoded by any operation: an error, never a panic.
//! The first byte picks the status and the decoder; the rest is the body.
#![no_main]

use libfuzzer_sys::fuzz_target;
use move_ugc::graphql::{read_answer, Operation};
use move_ugc::{account, files, jobs, takes, volumes};

fn decoder(pick: u8) -> Option<Operation> {
    let all_jobs = r#"{"expand":["client","take","outputs","rig","inputs"]}"#;
    match pick % 12 {
        0 => jobs::operations::retrieve("job-1", all_jobs).ok(),
        1 => jobs::operations::list(all_jobs).ok(),
        2 => jobs::operations::retrieve("job-1", "{}").ok(),
        3 => takes::operations::retrieve("t", r#"{"expand":["client","sources","volume"]}"#).ok(),
        4 => takes::operations::list(r#"{"expand":["sources"]}"#).ok(),
        5 => volumes::operations::list(r#"{"expand":["client","sources","outputs"]}"#).ok(),
        6 => volumes::operations::retrieve("v", "{}").ok(),
        7 => files::operations::retrieve("f", r#"{"expand":["client"]}"#).ok(),
        8 => files::operations::generate_share_code("f", "{}").ok(),
        9 => account::operations::list_rigs("{}").ok(),
        10 => account::operations::retrieve_client("{}").ok(),
        _ => account::operations::upsert_webhook(
            r#"{"uid":"u","url":"https://x.example/h","events":["e"]}"#,
        )
        .ok(),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else {
        return;
    };
    let status = match pick >> 4 {
        0..=9 => 200,
        10 => 401,
        11 => 429,
        12 => 500,
        13 => 302,
        _ => 403,
    };
    let body = String::from_utf8_lossy(body);
    let Some(operation) = decoder(pick) else {
        return;
    };
    if let Ok(data) = read_answer(operation.name, status, Some("1".into()), &body) {
        let _ = (operation.decode)(&data);
        let _ = jobs::wait::assess(&data);
    }
    // The decoders also see raw data directly, as if the envelope were fine.
    let _ = (operation.decode)(&body);
    let _ = move_ugc::json::path_at(&body, usize::from(pick) * 7);
});
