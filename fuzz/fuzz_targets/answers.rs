//! Any HTTP answer, read by `check::read_answer` for any operation's answer:
//! an error or JSON text, never a panic. The first byte picks the answer
//! (low four bits) and the status (high four); the rest is the body, as bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use move_ugc::check::read_answer;
use move_ugc::model::{api, Answer};

const ALL_JOB: &[&str] = &["client", "take", "outputs", "rig", "inputs"];

fn union(mut answer: Answer) -> Answer {
    answer.union_member = true;
    answer
}

fn answer(pick: u8) -> (Answer, &'static [&'static str]) {
    match (pick & 0x0f) % 12 {
        0 => (api::one("getJob", &api::JOB), ALL_JOB),
        1 => (api::page("listJobs", &api::JOB), ALL_JOB),
        2 => (api::one("getJob", &api::JOB), &[]),
        3 => (api::one("getTake", &api::TAKE), &["client", "sources", "volume"]),
        4 => (api::page("listTakes", &api::TAKE), &["sources"]),
        5 => (
            union(api::page("listVolumes", &api::HUMAN_VOLUME)),
            &["client", "sources", "outputs"],
        ),
        6 => (union(api::one("getVolume", &api::HUMAN_VOLUME)), &[]),
        7 => (api::one("getFile", &api::FILE), &["client"]),
        8 => (api::one("generateShareCode", &api::SHARE_CODE), &[]),
        9 => (api::items("listRigs", &api::RIG), &[]),
        10 => (api::one("client", &api::CLIENT), &[]),
        _ => (
            api::one("upsertWebhookEndpoint", &api::WEBHOOK_ENDPOINT),
            &[],
        ),
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
    let (answer, expand) = answer(pick);
    match read_answer(&answer, expand, 10, status, Some("1".into()), body) {
        Ok(out) => {
            assert!((200..300).contains(&status));
            // JSON's grammar (a Value would refuse an AWSJSON 1e400, which
            // JSON.parse reads as Infinity).
            if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(&out) {
                panic!("not JSON ({e}): {out}");
            }
            let first = out.as_bytes().first().copied();
            match answer.root {
                move_ugc::model::Root::One => assert_eq!(first, Some(b'{')),
                move_ugc::model::Root::Page => {
                    assert!(out.starts_with("{\"items\":["), "{out}");
                    assert!(out.contains(",\"limit\":"), "{out}");
                }
                move_ugc::model::Root::Items => assert_eq!(first, Some(b'[')),
            }
        }
        Err(e) => {
            assert!(e.message.chars().count() < 1200, "{}", e.message);
            if let Some(raw) = &e.graphql_errors {
                if let Err(x) = serde_json::from_str::<serde::de::IgnoredAny>(raw) {
                    panic!("graphqlErrors not JSON ({x}): {raw}");
                }
            }
        }
    }
});
