//! Checks of caller arguments that involve more than one value (the types,
//! ranges and names are checked by the read itself, see [`crate::input`]).

use crate::error::{Error, Result};
use crate::input::{Arg, Args};

/// Longest part of a caller's string shown in a message.
pub(crate) const MAX_SHOWN_CHARS: usize = 60;

/// The first `max` characters of `text`, and whether that cut anything off.
/// (Counted over the bytes, as the starts of characters: `chars().take(n)`
/// links a character counter of its own, 800 bytes of the module.)
pub(crate) fn first_chars(text: &str, max: usize) -> (&str, bool) {
    let mut count = 0;
    for (at, byte) in text.bytes().enumerate() {
        // A byte that starts a character (not a UTF-8 continuation byte).
        if byte & 0xC0 != 0x80 {
            if count == max {
                return (text.get(..at).unwrap_or(text), true);
            }
            count += 1;
        }
    }
    (text, false)
}

/// The largest GraphQL `Int`.
pub const MAX_INT: i64 = i32::MAX as i64;

/// A number as the caller wrote it (its JSON text from the host).
fn shown(args: &Args, name: &str) -> String {
    match args.get(name) {
        Some(Arg::Number(_, text)) => text.clone(),
        Some(Arg::Int(n)) => n.to_string(),
        _ => "undefined".to_string(),
    }
}

/// Checks a clip window (seconds): `0 <= startTime < endTime`.
pub fn clip_window(argument: &str, window: Option<&Args>) -> Result<()> {
    let Some(w) = window else { return Ok(()) };
    let (start, end) = (
        w.number("startTime").unwrap_or(0.0),
        w.number("endTime").unwrap_or(0.0),
    );
    if start < 0.0 {
        return Err(Error::invalid_argument(
            &format!("{argument}.startTime"),
            format!(
                "expected a number of seconds from 0, got {}",
                shown(w, "startTime")
            ),
        ));
    }
    if start >= end {
        return Err(Error::invalid_argument(
            argument,
            format!(
                "startTime must be before endTime, got startTime {} and endTime {}",
                shown(w, "startTime"),
                shown(w, "endTime")
            ),
        ));
    }
    Ok(())
}

/// Drops repeated values of the enum list `name` (each output is made once).
/// (Enum values compared by name: a derived comparison of any `Arg` would
/// bring code for every kind of value.)
pub fn dedupe(args: &mut Args, name: &'static str) {
    if let Some(Arg::List(items)) = args.take(name) {
        let mut unique: Vec<Arg> = Vec::with_capacity(items.len());
        for item in items {
            let seen = unique.iter().any(|kept| match (kept, &item) {
                (Arg::Enum(a), Arg::Enum(b)) => a == b,
                _ => false,
            });
            if !seen {
                unique.push(item);
            }
        }
        args.set(name, Arg::List(unique));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_chars_counts_characters_not_bytes() {
        assert_eq!(first_chars("", 3), ("", false));
        assert_eq!(first_chars("abc", 3), ("abc", false));
        assert_eq!(first_chars("abcd", 3), ("abc", true));
        // é is two bytes, 🎥 four: the cut falls between characters.
        assert_eq!(first_chars("éé🎥é", 3), ("éé🎥", true));
        assert_eq!(first_chars("éé🎥", 3), ("éé🎥", false));
        assert_eq!(first_chars("🎥🎥", 0), ("", true));
    }

    fn window(start: f64, end: f64) -> Args {
        Args(vec![
            ("startTime", Arg::Number(start, format!("{start}"))),
            ("endTime", Arg::Number(end, format!("{end}"))),
        ])
    }

    #[test]
    fn clip_windows_are_ordered_and_start_at_zero() {
        assert!(clip_window("w", Some(&window(0.0, 1.5))).is_ok());
        assert_eq!(
            clip_window("w", Some(&window(-1.0, 1.0)))
                .unwrap_err()
                .message,
            "w.startTime: expected a number of seconds from 0, got -1"
        );
        assert_eq!(
            clip_window("w", Some(&window(2.0, 2.0)))
                .unwrap_err()
                .message,
            "w: startTime must be before endTime, got startTime 2 and endTime 2"
        );
        assert!(clip_window("w", None).is_ok());
    }

    #[test]
    fn repeated_outputs_are_sent_once() {
        let mut args = Args(vec![(
            "outputs",
            Arg::List(vec![Arg::Enum("A"), Arg::Enum("B"), Arg::Enum("A")]),
        )]);
        dedupe(&mut args, "outputs");
        assert_eq!(
            args.get("outputs"),
            Some(&Arg::List(vec![Arg::Enum("A"), Arg::Enum("B")]))
        );
    }
}
