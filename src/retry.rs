//! When to try a read again, and how long to wait first, in plain Rust.

/// First backoff step in milliseconds; step `n` waits `BASE · 2ⁿ`.
const BASE_DELAY_MS: f64 = 500.0;
/// No computed backoff waits longer than this.
const MAX_DELAY_MS: f64 = 8_000.0;
/// A `Retry-After` beyond this is not honoured: the backoff applies instead,
/// so that a server cannot park a caller for an hour.
const MAX_RETRY_AFTER_MS: f64 = 60_000.0;

/// How long to wait before retry number `attempt` (0 for the first retry).
///
/// `retry_after_ms` is what the server asked for, if anything; `random` is a
/// uniform draw in `[0, 1)` that spreads clients apart (up to 25 % shorter).
pub fn delay_ms(attempt: u32, retry_after_ms: Option<f64>, random: f64) -> f64 {
    if let Some(ms) = retry_after_ms {
        if ms.is_finite() && (0.0..=MAX_RETRY_AFTER_MS).contains(&ms) {
            return ms;
        }
    }
    let exponential = BASE_DELAY_MS * 2f64.powi(attempt.min(16) as i32);
    let capped = exponential.min(MAX_DELAY_MS);
    let random = if random.is_finite() {
        random.clamp(0.0, 1.0)
    } else {
        0.0
    };
    capped * (1.0 - 0.25 * random)
}

/// Reads a `Retry-After` header: delta-seconds, or an HTTP date converted by
/// `parse_date` (milliseconds since the epoch) relative to `now_ms`.
pub fn retry_after_ms(
    header: &str,
    now_ms: f64,
    parse_date: impl Fn(&str) -> Option<f64>,
) -> Option<f64> {
    let header = header.trim();
    // Delay-seconds are a whole number (RFC 9110); parsed as an integer, so
    // that float parsing stays out of the module.
    if !header.is_empty() && header.bytes().all(|b| b.is_ascii_digit()) {
        return Some(
            header
                .parse::<u32>()
                .map_or(f64::MAX, |s| f64::from(s) * 1000.0),
        );
    }
    parse_date(header).map(|at| (at - now_ms).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(delay_ms(0, None, 0.0), 500.0);
        assert_eq!(delay_ms(1, None, 0.0), 1000.0);
        assert_eq!(delay_ms(2, None, 0.0), 2000.0);
        assert_eq!(delay_ms(10, None, 0.0), 8000.0);
        assert_eq!(delay_ms(u32::MAX, None, 0.0), 8000.0);
    }

    #[test]
    fn jitter_shortens_by_at_most_a_quarter() {
        assert_eq!(delay_ms(0, None, 0.999_999_9).round(), 375.0);
        assert_eq!(delay_ms(0, None, 0.5), 437.5);
        // Nonsense draws cannot produce nonsense delays.
        assert_eq!(delay_ms(0, None, f64::NAN), 500.0);
        assert_eq!(delay_ms(0, None, 7.0), 375.0);
    }

    #[test]
    fn retry_after_wins_when_reasonable() {
        assert_eq!(delay_ms(0, Some(0.0), 0.3), 0.0);
        assert_eq!(delay_ms(3, Some(2000.0), 0.3), 2000.0);
        // An hour is not reasonable: fall back to the backoff.
        assert_eq!(delay_ms(0, Some(3_600_000.0), 0.0), 500.0);
        assert_eq!(delay_ms(0, Some(-1.0), 0.0), 500.0);
        assert_eq!(delay_ms(0, Some(f64::INFINITY), 0.0), 500.0);
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let never = |_: &str| None;
        assert_eq!(retry_after_ms("3", 0.0, never), Some(3000.0));
        assert_eq!(retry_after_ms(" 0 ", 0.0, never), Some(0.0));
        assert_eq!(
            retry_after_ms("1.5", 0.0, never),
            None,
            "not delay-seconds (RFC 9110)"
        );
        assert_eq!(retry_after_ms("soon", 0.0, never), None);
        assert_eq!(retry_after_ms("", 0.0, never), None);
        let date = |_: &str| Some(10_000.0);
        assert_eq!(
            retry_after_ms("Wed, 21 Oct 2015 07:28:00 GMT", 4_000.0, date),
            Some(6000.0)
        );
        assert_eq!(
            retry_after_ms("Wed, 21 Oct 2015 07:28:00 GMT", 20_000.0, date),
            Some(0.0)
        );
    }
}
