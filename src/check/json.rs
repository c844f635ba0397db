//! The JSON grammar, read forward over the bytes of a text already known to be
//! UTF-8, building nothing: strings, numbers and literals are located (their
//! byte spans), containers are either walked by the caller or skipped here
//! without recursion.

use super::fault::{Fault, Faulty};

/// The deepest nesting of arrays and objects read (as serde_json's default),
/// counted from the start of the body, and again inside each `AWSJSON` string.
pub(super) const MAX_DEPTH: usize = 128;

/// A number as it stands in the text: where its parts are.
#[derive(Debug, Clone, Copy)]
pub(super) struct Number {
    /// The whole number, sign to last digit.
    pub start: usize,
    /// Just past its last byte.
    pub end: usize,
    /// A leading `-`.
    pub negative: bool,
    /// The digits before any `.`.
    pub int: (usize, usize),
    /// The digits after the `.` (empty when there is none).
    pub frac: (usize, usize),
    /// A `-` after the `e`.
    pub exp_negative: bool,
    /// The digits of the exponent (empty when there is none).
    pub exp: (usize, usize),
}

impl Number {
    /// Whether it is written as an integer: no fraction, no exponent.
    pub fn is_integer(&self) -> bool {
        self.frac.0 == self.frac.1 && self.exp.0 == self.exp.1
    }
}

/// A cursor over JSON text.
pub(super) struct Reader<'a> {
    /// The text (UTF-8 checked once, by the caller).
    pub text: &'a str,
    /// Its bytes.
    pub bytes: &'a [u8],
    /// The next byte to read.
    pub pos: usize,
}

/// Eight copies of a byte.
const fn splat(byte: u8) -> u64 {
    0x0101_0101_0101_0101 * byte as u64
}

/// Whether any of the eight bytes in `word` ends a run of plain string bytes:
/// `"`, `\` or a control character (below 0x20). Exact, as a yes or no.
#[inline(always)]
fn special(word: u64) -> bool {
    const ONES: u64 = splat(1);
    const HIGHS: u64 = splat(0x80);
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    let quote = zero(word ^ splat(b'"'));
    let backslash = zero(word ^ splat(b'\\'));
    let control = word.wrapping_sub(splat(0x20)) & !word & HIGHS;
    (quote | backslash | control) != 0
}

/// The value of four hex digits.
fn hex4(digits: Option<&[u8]>) -> Option<u32> {
    let digits = digits?;
    if digits.len() != 4 {
        return None;
    }
    digits.iter().try_fold(0u32, |acc, &d| {
        let v = char::from(d).to_digit(16)?;
        Some(acc * 16 + v)
    })
}

/// JSON's four whitespace bytes.
#[inline(always)]
pub(super) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t')
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Reader {
            text,
            bytes: text.as_bytes(),
            pos: 0,
        }
    }

    /// The next byte that is not whitespace (not consumed).
    #[inline(always)]
    pub fn peek(&mut self) -> Option<u8> {
        while let Some(&b) = self.bytes.get(self.pos) {
            if !is_space(b) {
                return Some(b);
            }
            self.pos += 1;
        }
        None
    }

    /// The text between two byte offsets that fall on ASCII bytes.
    #[inline(always)]
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        self.text.get(start..end).unwrap_or_default()
    }

    /// A syntax fault here.
    #[cold]
    pub fn syntax(&self, reason: &'static str) -> Box<Fault> {
        let reason = if self.pos >= self.bytes.len() {
            "the text ends too soon"
        } else {
            reason
        };
        Fault::syntax(reason, self.pos)
    }

    /// Consumes `byte` (after whitespace) or fails with `reason`.
    #[inline(always)]
    pub fn expect(&mut self, byte: u8, reason: &'static str) -> Faulty<()> {
        if matches!(self.peek(), Some(b) if b == byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.syntax(reason))
        }
    }

    /// An object's key and its `:`: the span of the key's content.
    #[inline]
    pub fn key(&mut self) -> Faulty<(usize, usize)> {
        if !matches!(self.peek(), Some(b'"')) {
            return Err(self.syntax("expected a key (a string)"));
        }
        let (start, end, _) = self.string()?;
        self.expect(b':', "expected ':' after a key")?;
        Ok((start, end))
    }

    /// After a member of an object: `true` for `,` (another follows), `false`
    /// for `}` (the end).
    #[inline(always)]
    pub fn next_member(&mut self) -> Faulty<bool> {
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(true)
            }
            Some(b'}') => {
                self.pos += 1;
                Ok(false)
            }
            _ => Err(self.syntax("expected ',' or '}'")),
        }
    }

    /// After an item of an array: `true` for `,`, `false` for `]`.
    #[inline(always)]
    pub fn next_item(&mut self) -> Faulty<bool> {
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(true)
            }
            Some(b']') => {
                self.pos += 1;
                Ok(false)
            }
            _ => Err(self.syntax("expected ',' or ']'")),
        }
    }

    /// Consumes `{` (or `[`) and, if the container is empty, its `close`:
    /// whether it has members.
    #[inline(always)]
    pub fn open(&mut self, close: u8) -> bool {
        self.pos += 1;
        if matches!(self.peek(), Some(b) if b == close) {
            self.pos += 1;
            false
        } else {
            true
        }
    }

    /// A string, at its opening quote: the span of its content (between the
    /// quotes) and whether it holds escapes. Control characters are refused;
    /// escapes are checked (`\u` with four hex digits, surrogates in pairs).
    #[inline]
    pub fn string(&mut self) -> Faulty<(usize, usize, bool)> {
        let bytes = self.bytes;
        let start = self.pos + 1;
        let mut i = start;
        let mut escaped = false;
        loop {
            // Eight plain bytes at a time.
            while let Some(chunk) = bytes.get(i..i + 8) {
                let word = match <[u8; 8]>::try_from(chunk) {
                    Ok(word) => u64::from_le_bytes(word),
                    Err(_) => break,
                };
                if special(word) {
                    break;
                }
                i += 8;
            }
            // Then one at a time up to the byte that ends the run.
            let end = loop {
                match bytes.get(i) {
                    Some(&b) if b != b'"' && b != b'\\' && b >= 0x20 => i += 1,
                    other => break other.copied(),
                }
            };
            match end {
                Some(b'"') => {
                    self.pos = i + 1;
                    return Ok((start, i, escaped));
                }
                Some(b'\\') => {
                    escaped = true;
                    i = self.escape(i + 1)?;
                }
                Some(_) => {
                    self.pos = i;
                    return Err(self.syntax("a control character in a string"));
                }
                None => {
                    self.pos = i;
                    return Err(self.syntax("the text ends too soon"));
                }
            }
        }
    }

    /// Checks the escape whose letter is at `i`: where the text goes on.
    fn escape(&mut self, i: usize) -> Faulty<usize> {
        let bytes = self.bytes;
        match bytes.get(i) {
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => Ok(i + 1),
            Some(b'u') => {
                let unit = hex4(bytes.get(i + 1..i + 5));
                match unit {
                    Some(0xD800..=0xDBFF) => {
                        let low = match bytes.get(i + 5..i + 7) {
                            Some(b"\\u") => hex4(bytes.get(i + 7..i + 11)),
                            _ => None,
                        };
                        if matches!(low, Some(0xDC00..=0xDFFF)) {
                            Ok(i + 11)
                        } else {
                            self.pos = i;
                            Err(self.syntax("an unpaired surrogate in a string"))
                        }
                    }
                    Some(0xDC00..=0xDFFF) => {
                        self.pos = i;
                        Err(self.syntax("an unpaired surrogate in a string"))
                    }
                    Some(_) => Ok(i + 5),
                    None => {
                        self.pos = i;
                        Err(self.syntax("a \\u escape without four hex digits"))
                    }
                }
            }
            _ => {
                self.pos = i;
                Err(self.syntax("an invalid escape in a string"))
            }
        }
    }

    /// A number, at its first byte (`-` or a digit), by JSON's grammar.
    #[inline]
    pub fn number(&mut self) -> Faulty<Number> {
        let bytes = self.bytes;
        let start = self.pos;
        let mut i = start;
        let negative = matches!(bytes.get(i), Some(b'-'));
        if negative {
            i += 1;
        }
        let digits = |mut i: usize| {
            while matches!(bytes.get(i), Some(b'0'..=b'9')) {
                i += 1;
            }
            i
        };
        let int_start = i;
        match bytes.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => i = digits(i + 1),
            _ => {
                self.pos = i;
                return Err(self.syntax("an invalid number"));
            }
        }
        let int = (int_start, i);
        let mut frac = (i, i);
        if matches!(bytes.get(i), Some(b'.')) {
            let end = digits(i + 1);
            if end == i + 1 {
                self.pos = end;
                return Err(self.syntax("an invalid number"));
            }
            frac = (i + 1, end);
            i = end;
        }
        let mut exp = (i, i);
        let mut exp_negative = false;
        if matches!(bytes.get(i), Some(b'e' | b'E')) {
            i += 1;
            match bytes.get(i) {
                Some(b'-') => {
                    exp_negative = true;
                    i += 1;
                }
                Some(b'+') => i += 1,
                _ => {}
            }
            let end = digits(i);
            if end == i {
                self.pos = end;
                return Err(self.syntax("an invalid number"));
            }
            exp = (i, end);
            i = end;
        }
        self.pos = i;
        Ok(Number {
            start,
            end: i,
            negative,
            int,
            frac,
            exp_negative,
            exp,
        })
    }

    /// Consumes `word` (`true`, `false`, `null`).
    #[inline]
    pub fn literal(&mut self, word: &'static [u8]) -> Faulty<()> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.syntax("expected a value"))
        }
    }

    /// Reads over one value of any kind, checking it is valid JSON nested at
    /// most [`MAX_DEPTH`] deep, where `depth` containers are already open.
    /// No recursion: a bit per open container says whether it is an object.
    pub fn skip(&mut self, depth: usize) -> Faulty<()> {
        let mut objects: u128 = 0;
        let mut level: usize = 0;
        'value: loop {
            match self.peek() {
                Some(open @ (b'{' | b'[')) => {
                    if depth + level >= MAX_DEPTH {
                        return Err(Fault::too_deep());
                    }
                    let object = open == b'{';
                    let close = if object { b'}' } else { b']' };
                    if self.open(close) {
                        level += 1;
                        objects = (objects << 1) | u128::from(object);
                        if object {
                            self.key()?;
                        }
                        continue 'value;
                    }
                }
                Some(b'"') => {
                    self.string()?;
                }
                Some(b'-' | b'0'..=b'9') => {
                    self.number()?;
                }
                Some(b't') => self.literal(b"true")?,
                Some(b'f') => self.literal(b"false")?,
                Some(b'n') => self.literal(b"null")?,
                _ => return Err(self.syntax("expected a value")),
            }
            // After a value: close containers until one goes on.
            while level > 0 {
                let object = objects & 1 == 1;
                let more = if object {
                    self.next_member()?
                } else {
                    self.next_item()?
                };
                if more {
                    if object {
                        self.key()?;
                    }
                    continue 'value;
                }
                level -= 1;
                objects >>= 1;
            }
            return Ok(());
        }
    }

    /// Checks that only whitespace is left.
    pub fn end(&mut self) -> Faulty<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.syntax("more text after the JSON value")),
        }
    }
}

/// Appends the content of a string (between its quotes, already checked by
/// [`Reader::string`]) to `out` with its escapes decoded. `None` if an escape
/// is malformed after all (never for checked text).
pub(super) fn unescape(raw: &str, out: &mut String) -> Option<()> {
    let bytes = raw.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b != b'\\' {
            i += 1;
            continue;
        }
        out.push_str(raw.get(run..i)?);
        let (ch, len) = match bytes.get(i + 1)? {
            b'"' => ('"', 2),
            b'\\' => ('\\', 2),
            b'/' => ('/', 2),
            b'b' => ('\u{8}', 2),
            b'f' => ('\u{c}', 2),
            b'n' => ('\n', 2),
            b'r' => ('\r', 2),
            b't' => ('\t', 2),
            b'u' => {
                let unit = hex4(bytes.get(i + 2..i + 6))?;
                if (0xD800..0xDC00).contains(&unit) {
                    if bytes.get(i + 6..i + 8)? != b"\\u" {
                        return None;
                    }
                    let low = hex4(bytes.get(i + 8..i + 12))?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return None;
                    }
                    let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    (char::from_u32(code)?, 12)
                } else {
                    (char::from_u32(unit)?, 6)
                }
            }
            _ => return None,
        };
        out.push(ch);
        i += len;
        run = i;
    }
    out.push_str(raw.get(run..)?);
    Some(())
}

/// `text` without JSON whitespace around it.
pub(super) fn trim(text: &str) -> &str {
    let bytes = text.as_bytes();
    let start = bytes
        .iter()
        .position(|&b| !is_space(b))
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|&b| !is_space(b))
        .map_or(start, |i| i + 1);
    text.get(start..end).unwrap_or_default()
}

/// `2^1024 - 2^970`: the least decimal a `f64` rounds to infinity (halfway
/// between `f64::MAX` and `2^1024`, where ties go to the even `2^1024`).
const OVERFLOW: &[u8; 309] = b"179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";

/// Whether `number` (of `bytes`) is finite as a `f64` (and in JavaScript),
/// decided from its digits and exponent: no float is parsed. Underflow to zero
/// is finite; `1e400` is not.
pub(super) fn is_finite(bytes: &[u8], number: &Number) -> bool {
    let int = bytes.get(number.int.0..number.int.1).unwrap_or_default();
    let frac = bytes.get(number.frac.0..number.frac.1).unwrap_or_default();
    let int_zeros = int.iter().take_while(|&&d| d == b'0').count();
    let frac_zeros = frac.iter().take_while(|&&d| d == b'0').count();
    let int_digits = int.len() - int_zeros;
    if int_digits == 0 && frac_zeros == frac.len() {
        return true; // zero, whatever the exponent
    }
    // The exponent, saturated far beyond where it matters.
    const CAP: i64 = 1 << 40;
    let exp_digits = bytes.get(number.exp.0..number.exp.1).unwrap_or_default();
    let exp = exp_digits
        .iter()
        .fold(0i64, |acc, &d| (acc * 10 + i64::from(d - b'0')).min(CAP));
    let exp = if number.exp_negative { -exp } else { exp };
    // The value is 0.DDD… × 10^point, with D the significant digits.
    let digits = i64::try_from(int_digits).unwrap_or(CAP).min(CAP);
    let point = if int_digits > 0 {
        digits + exp
    } else {
        exp - i64::try_from(frac_zeros).unwrap_or(CAP).min(CAP)
    };
    match point {
        ..=308 => true,
        309 => {
            let significant = int
                .get(int_zeros..)
                .unwrap_or_default()
                .iter()
                .chain(
                    frac.get(if int_digits > 0 { 0 } else { frac_zeros }..)
                        .unwrap_or_default(),
                )
                .chain(std::iter::repeat(&b'0'));
            // Finite when the digits are below OVERFLOW's.
            for (d, limit) in significant.zip(OVERFLOW.iter()) {
                if d != limit {
                    return d < limit;
                }
            }
            false
        }
        _ => false,
    }
}

/// The value of `number` if it is an integer within `i32` (not `-0`).
pub(super) fn as_i32(bytes: &[u8], number: &Number) -> Option<i32> {
    if !number.is_integer() {
        return None;
    }
    let digits = bytes.get(number.int.0..number.int.1)?;
    if digits.len() > 10 {
        return None;
    }
    let magnitude = digits
        .iter()
        .fold(0i64, |acc, &d| acc * 10 + i64::from(d - b'0'));
    let value = match (number.negative, magnitude) {
        // `-0` is a float to serde_json (and to JavaScript): not an `Int`.
        (true, 0) => return None,
        (true, m) => -m,
        (false, m) => m,
    };
    i32::try_from(value).ok()
}
