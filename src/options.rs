//! The client's options and their validation, in plain Rust.

use std::fmt;

use crate::error::{Error, Result};
use crate::input::read::{self, Context};
use crate::input::value::Value;
use crate::input::{param, Arg, In, Input, Range};

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
             logged and never part of an error. Default: the environment variable \
             `MOVE_API_KEY` (Node). May be left out when `endpointUrl` names your own backend \
             that adds the key.",
        )
        .secret(),
        param(
            "endpointUrl",
            In::String,
            "The GraphQL endpoint. Default: the environment variable `MOVE_API_URL` (Node), else \
             `https://api.move.ai/ugc/graphql`. Plain `http:` is refused unless the host is \
             loopback.",
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
        param(
            "fetch",
            In::Function,
            "The `fetch` to send requests with (tests, proxies, tracing): called as \
             `fetch(url, init)`, it must resolve with a `Response`. Default: the global `fetch`.",
        )
        .ts("(url: string, init: RequestInit) => Promise<Response>"),
        param(
            "defaultHeaders",
            In::Headers,
            "Headers sent with every request to the API (never to file storage). \
             `Content-Type` is the SDK's; an `Authorization` header only without `apiKey` (for \
             a proxy of your own).",
        ),
        param(
            "dangerouslyAllowBrowser",
            In::Boolean,
            "Allows an `apiKey` in a browser page, where anyone using the page can read it. A \
             web app should call its own backend instead (`endpointUrl`, no `apiKey`). \
             Default `false`.",
        ),
    ],
};

/// Validated client settings, shared by every service of one client.
#[derive(Clone, PartialEq)]
pub struct ClientConfig {
    /// The API key, exactly as the caller gave it; none for a proxy that adds it.
    pub api_key: Option<String>,
    /// The absolute endpoint URL.
    pub endpoint_url: String,
    /// Limit of each HTTP attempt, in milliseconds.
    pub timeout_ms: u32,
    /// Retries of read operations.
    pub max_retries: u32,
    /// Headers for every API request, names in lower case.
    pub default_headers: Vec<(String, String)>,
    /// Whether the caller gave their own `fetch` (the wasm edge keeps it).
    pub custom_fetch: bool,
}

impl fmt::Debug for ClientConfig {
    // Written by hand so that the key (and header values, which may hold a
    // proxy's credentials) can never leak through `{:?}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<&str> = self
            .default_headers
            .iter()
            .map(|(n, _)| n.as_str())
            .collect();
        f.debug_struct("ClientConfig")
            .field("api_key", &self.api_key.as_ref().map(|_| "[redacted]"))
            .field("endpoint_url", &self.endpoint_url)
            .field("timeout_ms", &self.timeout_ms)
            .field("max_retries", &self.max_retries)
            .field("default_headers", &headers)
            .field("custom_fetch", &self.custom_fetch)
            .finish()
    }
}

/// What the client learns from where it runs.
pub struct Surroundings<'a> {
    /// An environment variable, if set and not empty (Node's `process.env`).
    pub env: &'a dyn Fn(&str) -> Option<String>,
    /// Whether this is a browser page (a `window` with a `document`), where
    /// an API key is visible to anyone using the page.
    pub browser_page: bool,
    /// What is wrong with an endpoint URL, in words, if anything: the
    /// host's own URL parser reads it, as its `fetch` will (js/host.js
    /// `endpointProblem`: an absolute http(s) URL, no user information, and
    /// https: unless the host is a loopback one).
    pub endpoint_problem: &'a dyn Fn(&str) -> Option<String>,
}

impl ClientConfig {
    /// Reads and validates the constructor's options, with the environment's
    /// defaults. Messages about the key never show it.
    pub fn read<V: Value>(options: &V, around: &Surroundings<'_>) -> Result<Self> {
        let args = read::read(
            options,
            &OPTIONS,
            "options",
            false,
            Context {
                expands: &[],
                control: &[],
            },
        )?;
        let (endpoint_url, endpoint_from) = match args.str("endpointUrl") {
            Some(url) => (Some(url.to_string()), "options.endpointUrl"),
            None => ((around.env)("MOVE_API_URL"), "MOVE_API_URL"),
        };
        let api_key = match args.str("apiKey") {
            Some(key) => Some(check_key(key, "options.apiKey")?),
            None => match (around.env)("MOVE_API_KEY") {
                Some(key) => Some(check_key(&key, "MOVE_API_KEY")?),
                None => None,
            },
        };
        // Only an endpoint the caller names in code may go without a key: a
        // MOVE_API_URL left in the environment (the test stack's, say) is
        // not a sign of a backend that adds the key.
        if api_key.is_none() && args.str("endpointUrl").is_none() {
            return Err(Error::invalid_argument(
                "options.apiKey",
                "is required: pass { apiKey } or set the environment variable MOVE_API_KEY \
                 (without a key, endpointUrl must name your own backend that adds it)",
            ));
        }
        let endpoint_url = match endpoint_url {
            Some(url) => {
                if let Some(problem) = (around.endpoint_problem)(&url) {
                    return Err(Error::invalid_argument(endpoint_from, problem));
                }
                url
            }
            None => DEFAULT_ENDPOINT_URL.to_string(),
        };
        let default_headers = match args.get("defaultHeaders") {
            Some(Arg::Headers(headers)) => headers.clone(),
            _ => Vec::new(),
        };
        if api_key.is_some() {
            if let Some((name, _)) = default_headers.iter().find(|(n, _)| n == "authorization") {
                return Err(Error::invalid_argument(
                    &format!("options.defaultHeaders.{name}"),
                    "would replace the API key: give apiKey, or an Authorization header for \
                     your own backend without apiKey, not both",
                ));
            }
            let allowed = matches!(args.get("dangerouslyAllowBrowser"), Some(Arg::Bool(true)));
            if around.browser_page && !allowed {
                return Err(Error::invalid_argument("options.apiKey", BROWSER_KEY));
            }
        }

        let timeout_ms = args
            .number("timeoutMs")
            .map_or(DEFAULT_TIMEOUT_MS, |ms| ms.round() as u32);
        let max_retries = args
            .int("maxRetries")
            .map_or(DEFAULT_MAX_RETRIES, |n| n as u32);

        Ok(ClientConfig {
            api_key,
            endpoint_url,
            timeout_ms,
            max_retries,
            default_headers,
            custom_fetch: matches!(args.get("fetch"), Some(Arg::Function)),
        })
    }
}

/// Why a key is refused in a browser page, and what to do instead.
const BROWSER_KEY: &str = "an API key in a browser page is visible to anyone using the page, \
     who could spend your Move credits with it. A web app should send its calls to its own \
     backend, which adds the key: new MoveUgc({ endpointUrl: 'https://your.app/move-graphql' }) \
     with no apiKey. If the page is only yours (a local tool, or users type their own key), \
     pass dangerouslyAllowBrowser: true";

/// Checks a key (named `name` in messages, which never show it).
fn check_key(key: &str, name: &str) -> Result<String> {
    if key.is_empty() {
        return Err(Error::invalid_argument(name, "must not be empty"));
    }
    if key
        .get(..7)
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case("bearer "))
    {
        return Err(Error::invalid_argument(
            name,
            "must be the key alone, with no Bearer prefix: Move takes the key \
             verbatim as the Authorization header",
        ));
    }
    // fetch() would throw on these; say so before anything is sent.
    if !key.bytes().all(|b| (0x21..=0x7e).contains(&b)) {
        return Err(Error::invalid_argument(
            name,
            "may only hold visible ASCII characters (no spaces or line breaks)",
        ));
    }
    // Visible ASCII by now: its length in bytes is its length in characters.
    if key.len() < MIN_KEY_LEN {
        return Err(Error::invalid_argument(
            name,
            format!("is too short to be a Move API key (at least {MIN_KEY_LEN} characters)"),
        ));
    }
    Ok(key.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "mv_key_abcdefghijkl";

    /// The host's URL check, as far as these tests need it: plain http: to
    /// a host that is not loopback. (Its rules are tested where it runs, on
    /// the package: tests/js/options-request.test.mjs.)
    fn endpoint_problem(url: &str) -> Option<String> {
        let loopback = url.starts_with("http://localhost") || url.starts_with("http://127.");
        (url.starts_with("http:") && !loopback)
            .then(|| "plain http: is only allowed to a loopback host".into())
    }

    const NO_ENV: Surroundings = Surroundings {
        env: &|_| None,
        browser_page: false,
        endpoint_problem: &endpoint_problem,
    };

    fn config(json: &str) -> Result<ClientConfig> {
        ClientConfig::read(&crate::input::value::of(json), &NO_ENV)
    }

    /// Reads `json` where the environment holds `vars`.
    fn config_in(json: &str, vars: &[(&str, &str)], browser_page: bool) -> Result<ClientConfig> {
        let env = |name: &str| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        };
        let around = Surroundings {
            env: &env,
            browser_page,
            endpoint_problem: &endpoint_problem,
        };
        ClientConfig::read(&crate::input::value::of(json), &around)
    }

    #[test]
    fn defaults_apply() {
        let c = config(&format!(r#"{{"apiKey":"{KEY}"}}"#)).unwrap();
        assert_eq!(c.endpoint_url, DEFAULT_ENDPOINT_URL);
        assert_eq!(c.timeout_ms, 30_000);
        assert_eq!(c.max_retries, 2);
        assert_eq!(c.api_key.as_deref(), Some(KEY));
        assert!(c.default_headers.is_empty());
        assert!(!c.custom_fetch);
    }

    #[test]
    fn the_environment_gives_the_key_and_the_endpoint() {
        let env = [
            ("MOVE_API_KEY", KEY),
            ("MOVE_API_URL", "http://localhost:4000/graphql"),
        ];
        let c = config_in("{}", &env, false).unwrap();
        assert_eq!(c.api_key.as_deref(), Some(KEY));
        assert_eq!(c.endpoint_url, "http://localhost:4000/graphql");
        // No options object at all: `new MoveUgc()`.
        let c = ClientConfig::read(
            &None,
            &Surroundings {
                env: &|n| {
                    env.iter()
                        .find(|(k, _)| *k == n)
                        .map(|(_, v)| v.to_string())
                },
                browser_page: false,
                endpoint_problem: &endpoint_problem,
            },
        )
        .unwrap();
        assert_eq!(c.api_key.as_deref(), Some(KEY));
        // Options win over the environment.
        let c = config_in(
            r#"{"apiKey": "mv_key_from_options", "endpointUrl": "https://api-test.move.ai/ugc/graphql"}"#,
            &env,
            false,
        )
        .unwrap();
        assert_eq!(c.api_key.as_deref(), Some("mv_key_from_options"));
        assert_eq!(c.endpoint_url, "https://api-test.move.ai/ugc/graphql");
    }

    #[test]
    fn a_bad_value_from_the_environment_is_named_by_its_variable() {
        let e = config_in("{}", &[("MOVE_API_KEY", "short")], false).unwrap_err();
        assert_eq!(
            e.message,
            "MOVE_API_KEY: is too short to be a Move API key (at least 12 characters)"
        );
        let e = config_in(
            "{}",
            &[
                ("MOVE_API_KEY", KEY),
                ("MOVE_API_URL", "http://api.move.ai/"),
            ],
            false,
        )
        .unwrap_err();
        assert!(
            e.message
                .starts_with("MOVE_API_URL: plain http: is only allowed"),
            "{}",
            e.message
        );
    }

    #[test]
    fn no_key_is_refused_unless_an_endpoint_is_named() {
        for json in ["{}", "null", r#"{"apiKey": null}"#] {
            let e = config(json).unwrap_err();
            assert_eq!(
                e.message,
                "options.apiKey: is required: pass { apiKey } or set the environment variable \
                 MOVE_API_KEY (without a key, endpointUrl must name your own backend that adds it)",
                "{json}"
            );
        }
        let c = config(r#"{"endpointUrl": "https://my.app/move"}"#).unwrap();
        assert_eq!(
            (c.api_key, c.endpoint_url.as_str()),
            (None, "https://my.app/move")
        );
        let e = config_in(
            "{}",
            &[("MOVE_API_URL", "https://api-test.move.ai/ugc/graphql")],
            false,
        )
        .unwrap_err();
        assert!(
            e.message.starts_with("options.apiKey: is required"),
            "{}",
            e.message
        );
    }

    #[test]
    fn a_key_in_a_browser_page_needs_the_flag() {
        let key = format!(r#"{{"apiKey":"{KEY}"}}"#);
        let e = config_in(&key, &[], true).unwrap_err();
        assert_eq!(e.code, crate::error::ErrorCode::InvalidArgument);
        assert!(
            e.message
                .starts_with("options.apiKey: an API key in a browser page is visible"),
            "{}",
            e.message
        );
        assert!(
            e.message.contains("dangerouslyAllowBrowser: true"),
            "{}",
            e.message
        );
        assert!(!e.message.contains(KEY));
        let flagged = format!(r#"{{"apiKey":"{KEY}","dangerouslyAllowBrowser":true}}"#);
        assert!(config_in(&flagged, &[], true).is_ok());
        let refused = format!(r#"{{"apiKey":"{KEY}","dangerouslyAllowBrowser":false}}"#);
        assert!(config_in(&refused, &[], true).is_err());
        // A page calling its own backend holds no key: nothing to guard.
        assert!(config_in(r#"{"endpointUrl":"https://my.app/move"}"#, &[], true).is_ok());
        // Outside a page the flag changes nothing.
        assert!(config_in(&key, &[], false).is_ok());
    }

    #[test]
    fn default_headers_are_checked_and_kept_in_lower_case() {
        let c = config(&format!(
            r#"{{"apiKey":"{KEY}","defaultHeaders":{{"X-Trace-Id":"abc 1","x-team":"mocap"}}}}"#
        ))
        .unwrap();
        assert_eq!(
            c.default_headers,
            vec![
                ("x-trace-id".to_string(), "abc 1".to_string()),
                ("x-team".to_string(), "mocap".to_string())
            ]
        );
        for (headers, message) in [
            (r#"[]"#, "options.defaultHeaders: expected an object of header names and string values, got an array"),
            (r#"{"x-n": 5}"#, "options.defaultHeaders.x-n: expected a string, got 5"),
            (r#"{"bad name": "v"}"#, "options.defaultHeaders.bad name: is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_`|~)"),
            (r#"{"x-a": "line\nbreak"}"#, "options.defaultHeaders.x-a: may only hold visible ASCII characters, spaces and tabs (no line breaks)"),
            (r#"{"Content-Type": "text/plain"}"#, "options.defaultHeaders.Content-Type: is set by the SDK for every request and cannot be replaced"),
            (r#"{"X-Team": "a", "x-team": "b"}"#, "options.defaultHeaders.x-team: is given twice (header names do not depend on letter case)"),
            (r#"{"Authorization": "Bearer x"}"#, "options.defaultHeaders.authorization: would replace the API key: give apiKey, or an Authorization header for your own backend without apiKey, not both"),
        ] {
            let e = config(&format!(r#"{{"apiKey":"{KEY}","defaultHeaders":{headers}}}"#)).unwrap_err();
            assert_eq!(e.message, message, "{headers}");
        }
        // A proxy of your own may take its own Authorization header.
        let c = config(r#"{"endpointUrl":"https://my.app/move","defaultHeaders":{"Authorization":"Bearer session"}}"#).unwrap();
        assert_eq!(
            c.default_headers,
            vec![("authorization".to_string(), "Bearer session".to_string())]
        );
    }

    #[test]
    fn fetch_must_be_a_function() {
        let e = config(&format!(r#"{{"apiKey":"{KEY}","fetch":"node-fetch"}}"#)).unwrap_err();
        assert_eq!(
            e.message,
            r#"options.fetch: expected a function, got "node-fetch""#
        );
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
    fn unknown_options_are_refused_by_name() {
        // (With a "did you mean" from host.js in the package: tests/js/suggest.test.mjs.)
        for typo in ["endpointURL", "baseURL", "timeout", "maxRetry"] {
            let e = config(&format!(r#"{{"apiKey":"{KEY}","{typo}":"x"}}"#)).unwrap_err();
            assert_eq!(e.code, crate::error::ErrorCode::InvalidArgument);
            assert!(
                e.message.starts_with(&format!(
                    "options.{typo}: unknown property (the properties are apiKey, endpointUrl,"
                )),
                "{}",
                e.message
            );
        }
        let e = config(&format!(r#"{{"apiKey":"{KEY}","headers":{{}}}}"#)).unwrap_err();
        assert!(
            e.message
                .starts_with("options.headers: unknown property (the properties are"),
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
            "options.onRetry: unknown property (the properties are apiKey, endpointUrl, timeoutMs, \
             maxRetries, fetch, defaultHeaders, dangerouslyAllowBrowser)"
        );
        let e = config(r#"{"baseURL": 1}"#).unwrap_err();
        assert!(e
            .message
            .starts_with(r#"options.baseURL: unknown property (the properties are"#));
        // Every option may be null (not given), the key aside.
        for p in OPTIONS.params.iter().filter(|p| p.name != "apiKey") {
            let json = format!(r#"{{"apiKey":"{KEY}","{}":null}}"#, p.name);
            assert!(config(&json).is_ok(), "{}", p.name);
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
