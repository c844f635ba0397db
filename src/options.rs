//! The client's options and their validation, in plain Rust.

use std::fmt;

use crate::error::{Error, Result};
use crate::input::read::{self, Context};
use crate::input::value::Value;
use crate::input::{param, In, Input, Range};

/// The production endpoint of the Move UGC API.
pub const DEFAULT_ENDPOINT_URL: &str = "https://api.move.ai/ugc/graphql";
/// Default limit of one HTTP attempt, in milliseconds.
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;
/// Default number of retries of a read operation.
pub const DEFAULT_MAX_RETRIES: u32 = 2;

const MIN_KEY_LEN: usize = 12;

/// The limit of one attempt: up to the largest delay `setTimeout` honours
/// (2^31 - 1 ms, about 24.8 days).
static TIMEOUT: Range = Range {
    min: 1.0,
    max: 2_147_483_647.0,
    expected: "a number of milliseconds from 1 to 2147483647",
};

/// Options of `new MoveUgc(options)`. An unknown option is refused (with a
/// "did you mean") before any value is read, so that a typo can never send
/// calls to production.
pub static OPTIONS: Input = Input {
    name: "MoveUgcOptions",
    doc: crate::model::doc(
        "Options of `new MoveUgc(options)`. An unknown option is refused (with a \"did you \
          mean\"), so that a typo can never send calls to production.",
    ),
    params: &[
        param(
            "apiKey",
            In::String,
            "Your Move API key (`mv_key_…`). Sent verbatim as the `Authorization` header, never \
             logged and never part of an error.",
        )
        .required()
        .secret(),
        param(
            "endpointUrl",
            In::String,
            "The GraphQL endpoint. Default `https://api.move.ai/ugc/graphql`. Plain `http:` is \
             refused unless the host is loopback.",
        ),
        param(
            "timeoutMs",
            In::Number(&TIMEOUT),
            "Limit of each HTTP attempt in milliseconds. Default `30000`.",
        ),
        param(
            "maxRetries",
            In::Int(0, 10),
            "How many times a read operation (a query) is retried after a network error, HTTP \
             429 or 5xx, from 0 to 10. Mutations are never retried. Default `2`.",
        ),
    ],
};

/// Validated client settings, shared by every service of one client.
#[derive(Clone, PartialEq)]
pub struct ClientConfig {
    /// The API key, exactly as the caller gave it.
    pub api_key: String,
    /// The absolute endpoint URL.
    pub endpoint_url: String,
    /// Limit of each HTTP attempt, in milliseconds.
    pub timeout_ms: u32,
    /// Retries of read operations.
    pub max_retries: u32,
}

impl fmt::Debug for ClientConfig {
    // Written by hand so that the key can never leak through `{:?}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientConfig")
            .field("api_key", &"[redacted]")
            .field("endpoint_url", &self.endpoint_url)
            .field("timeout_ms", &self.timeout_ms)
            .field("max_retries", &self.max_retries)
            .finish()
    }
}

impl ClientConfig {
    /// Reads and validates the constructor's options. Messages about the key
    /// never show it.
    pub fn read<V: Value>(options: &V) -> Result<Self> {
        let args = read::read(
            options,
            &OPTIONS,
            "options",
            true,
            Context {
                expands: &[],
                control: &[],
            },
        )?;
        let key = args.str("apiKey").unwrap_or_default().to_string();
        if key.is_empty() {
            return Err(Error::invalid_argument(
                "options.apiKey",
                "must not be empty",
            ));
        }
        if key
            .get(..7)
            .is_some_and(|prefix| prefix.eq_ignore_ascii_case("bearer "))
        {
            return Err(Error::invalid_argument(
                "options.apiKey",
                "must be the key alone, with no Bearer prefix: Move takes the key \
                 verbatim as the Authorization header",
            ));
        }
        // fetch() would throw on these; say so before anything is sent.
        if !key.bytes().all(|b| (0x21..=0x7e).contains(&b)) {
            return Err(Error::invalid_argument(
                "options.apiKey",
                "may only hold visible ASCII characters (no spaces or line breaks)",
            ));
        }
        // Visible ASCII by now: its length in bytes is its length in characters.
        if key.len() < MIN_KEY_LEN {
            return Err(Error::invalid_argument(
                "options.apiKey",
                format!("is too short to be a Move API key (at least {MIN_KEY_LEN} characters)"),
            ));
        }

        let endpoint_url = args
            .str("endpointUrl")
            .unwrap_or(DEFAULT_ENDPOINT_URL)
            .to_string();
        check_endpoint(&endpoint_url)?;

        let timeout_ms = args
            .number("timeoutMs")
            .map_or(DEFAULT_TIMEOUT_MS, |ms| ms.round() as u32);
        let max_retries = args
            .int("maxRetries")
            .map_or(DEFAULT_MAX_RETRIES, |n| n as u32);

        Ok(ClientConfig {
            api_key: key,
            endpoint_url,
            timeout_ms,
            max_retries,
        })
    }
}

/// Accepts `https:` anywhere and `http:` only to a loopback host.
fn check_endpoint(url: &str) -> Result<()> {
    const ARG: &str = "options.endpointUrl";
    // (A byte search: a `&str` pattern would link a general string searcher.)
    let (scheme, rest) = url
        .as_bytes()
        .windows(3)
        .position(|w| w == b"://")
        .and_then(|at| Some((url.get(..at)?, url.get(at + 3..)?)))
        .ok_or_else(|| Error::invalid_argument(ARG, "must be an absolute http(s) URL"))?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return Err(Error::invalid_argument(
            ARG,
            "must use https: (or http: to a loopback host)",
        ));
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    // Credentials in the URL would be a second secret to protect: refuse them.
    if authority.contains('@') {
        return Err(Error::invalid_argument(
            ARG,
            "must not contain user information",
        ));
    }
    let host = host_of(authority).ok_or_else(|| {
        Error::invalid_argument(ARG, "must be an absolute http(s) URL with a host")
    })?;
    if scheme == "http" && !is_loopback(host) {
        return Err(Error::invalid_argument(
            ARG,
            "plain http: is only allowed to a loopback host (localhost, 127.0.0.0/8, [::1]); \
             use https: so the API key never travels in clear text",
        ));
    }
    Ok(())
}

/// The host of `host[:port]` or `[v6]:port`, if the authority is well formed.
fn host_of(authority: &str) -> Option<&str> {
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let end = v6.find(']')?;
        let after = v6.get(end + 1..)?;
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':')?),
        };
        (authority.get(..end + 2)?, port)
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    if let Some(port) = port {
        if port.is_empty() || port.len() > 5 || !port.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if port.parse::<u32>().ok()? > 65_535 {
            return None;
        }
    }
    let valid = !host.is_empty()
        && (host.starts_with('[')
            || host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_'));
    valid.then_some(host)
}

/// `localhost`, `127.0.0.0/8` or `[::1]`.
fn is_loopback(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    let host = host.strip_suffix('.').unwrap_or(&host);
    if host == "localhost" || host == "[::1]" || host == "[0:0:0:0:0:0:0:1]" {
        return true;
    }
    let octets: Vec<&str> = host.split('.').collect();
    octets.len() == 4
        && octets.first() == Some(&"127")
        && octets
            .iter()
            .all(|o| !o.is_empty() && o.len() <= 3 && o.parse::<u8>().is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "mv_key_abcdefghijkl";

    fn config(json: &str) -> Result<ClientConfig> {
        ClientConfig::read(&crate::input::value::of(json))
    }

    fn with_endpoint(url: &str) -> Result<ClientConfig> {
        config(&serde_json::json!({ "apiKey": KEY, "endpointUrl": url }).to_string())
    }

    #[test]
    fn defaults_apply() {
        let c = config(&format!(r#"{{"apiKey":"{KEY}"}}"#)).unwrap();
        assert_eq!(c.endpoint_url, DEFAULT_ENDPOINT_URL);
        assert_eq!(c.timeout_ms, 30_000);
        assert_eq!(c.max_retries, 2);
        assert_eq!(c.api_key, KEY);
    }

    #[test]
    fn bad_keys_are_refused_without_echoing_them() {
        for json in [
            r#"{}"#.to_string(),
            r#"{"apiKey": ""}"#.to_string(),
            r#"{"apiKey": "mv_key_abc"}"#.to_string(),
            r#"{"apiKey": 123456789012345}"#.to_string(),
            r#"{"apiKey": "mv_key_abc defghij"}"#.to_string(),
            r#"{"apiKey": "mv_key_abcdefgh\n"}"#.to_string(),
            r#"{"apiKey": "Bearer mv_key_abcdefghij"}"#.to_string(),
        ] {
            let err = config(&json).unwrap_err();
            assert_eq!(err.code, crate::error::ErrorCode::InvalidArgument, "{json}");
            assert!(err.message.starts_with("options"), "{}", err.message);
            assert!(!err.message.contains("mv_key_abc"), "{}", err.message);
            assert!(!err.message.contains("123456789012345"), "{}", err.message);
        }
    }

    #[test]
    fn a_bearer_prefix_is_named() {
        let e = config(r#"{"apiKey": "Bearer mv_key_abcdefghij"}"#).unwrap_err();
        assert!(e.message.contains("no Bearer prefix"), "{}", e.message);
    }

    #[test]
    fn unknown_options_are_refused_with_a_suggestion() {
        for (typo, meant) in [
            ("endpointURL", "endpointUrl"),
            ("baseURL", "endpointUrl"),
            ("timeout", "timeoutMs"),
            ("maxRetry", "maxRetries"),
        ] {
            let e = config(&format!(r#"{{"apiKey":"{KEY}","{typo}":"x"}}"#)).unwrap_err();
            assert_eq!(e.code, crate::error::ErrorCode::InvalidArgument);
            assert!(
                e.message.starts_with(&format!(
                    "options.{typo}: unknown property; did you mean \"{meant}\"?"
                )),
                "{}",
                e.message
            );
        }
        let e = config(&format!(r#"{{"apiKey":"{KEY}","headers":{{}}}}"#)).unwrap_err();
        assert!(
            e.message
                .starts_with("options.headers: unknown property (the properties are apiKey"),
            "{}",
            e.message
        );
    }

    #[test]
    fn option_names_are_checked_before_values() {
        // `{ fetch: myFetch }` is an unknown option, whatever its value.
        let e = config(r#"{"apiKey": 5, "onRetry": 1}"#).unwrap_err();
        assert_eq!(
            e.message,
            "options.onRetry: unknown property (the properties are apiKey, endpointUrl, timeoutMs, maxRetries)"
        );
        let e = config(r#"{"baseURL": 1}"#).unwrap_err();
        assert!(e
            .message
            .starts_with(r#"options.baseURL: unknown property; did you mean "endpointUrl"?"#));
        // Every option may be null (not given), the key aside.
        for p in OPTIONS.params.iter().filter(|p| p.name != "apiKey") {
            let json = format!(r#"{{"apiKey":"{KEY}","{}":null}}"#, p.name);
            assert!(config(&json).is_ok(), "{}", p.name);
        }
    }

    #[test]
    fn https_is_accepted_anywhere() {
        assert!(with_endpoint("https://api-test.move.ai/ugc/graphql").is_ok());
        assert!(with_endpoint("HTTPS://API.MOVE.AI:443/ugc/graphql?x=1").is_ok());
    }

    #[test]
    fn http_is_accepted_only_to_loopback() {
        for ok in [
            "http://localhost:4000/graphql",
            "http://LOCALHOST/graphql",
            "http://127.0.0.1:8080/",
            "http://127.255.3.4",
            "http://[::1]:4000/graphql",
        ] {
            assert!(with_endpoint(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://api.move.ai/ugc/graphql",
            "http://128.0.0.1/",
            "http://127.0.0.1.evil.com/",
            "http://localhost.evil.com/",
            "http://10.0.0.1/",
            "http://[::2]/",
            "http://127.0.0.256/",
        ] {
            let err = with_endpoint(bad).unwrap_err();
            assert!(
                err.message.starts_with("options.endpointUrl"),
                "{bad}: {}",
                err.message
            );
        }
    }

    #[test]
    fn non_absolute_or_odd_urls_are_refused() {
        for bad in [
            "",
            "api.move.ai/ugc/graphql",
            "/ugc/graphql",
            "ftp://api.move.ai/",
            "https://",
            "https://:443/",
            "https://user:pw@api.move.ai/",
            "https://api.move.ai:99999/",
            "https://api.move.ai:/",
            "https://[::1/",
            "https://exa mple.com/",
        ] {
            assert!(with_endpoint(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn timeouts_and_retries_are_bounded() {
        let c = config(&format!(
            r#"{{"apiKey":"{KEY}","timeoutMs":250,"maxRetries":0}}"#
        ))
        .unwrap();
        assert_eq!((c.timeout_ms, c.max_retries), (250, 0));
        for (bad, message) in [
            (r#""timeoutMs":0"#, "options.timeoutMs: expected a number of milliseconds from 1 to 2147483647, got 0"),
            (r#""timeoutMs":-5"#, "options.timeoutMs: expected a number of milliseconds from 1 to 2147483647, got -5"),
            (r#""timeoutMs":1e12"#, "options.timeoutMs: expected a number of milliseconds from 1 to 2147483647, got 1000000000000"),
            (r#""maxRetries":11"#, "options.maxRetries: expected an integer from 0 to 10, got 11"),
            (r#""maxRetries":-1"#, "options.maxRetries: expected an integer from 0 to 10, got -1"),
            (r#""maxRetries":1.5"#, "options.maxRetries: expected an integer from 0 to 10, got 1.5"),
        ] {
            let err = config(&format!(r#"{{"apiKey":"{KEY}",{bad}}}"#)).unwrap_err();
            assert_eq!(err.code, crate::error::ErrorCode::InvalidArgument, "{bad}");
            assert_eq!(err.message, message);
        }
    }

    #[test]
    fn debug_output_redacts_the_key() {
        let c = config(&format!(r#"{{"apiKey":"{KEY}"}}"#)).unwrap();
        let shown = format!("{c:?}");
        assert!(!shown.contains(KEY));
        assert!(shown.contains("[redacted]"));
    }
}
