//! The check of `data.<field>` against the models, writing the caller's JSON
//! as it goes: one forward pass, recursion only along the (static, shallow)
//! models; anything else is skipped by [`Reader::skip`] without recursion.

use super::fault::{shown, At, Fault, Faulty, Step};
use super::json::{self, Reader, MAX_DEPTH};
use crate::model::{same, Answer, Field, Model, Root, Shape, Type};

/// The reader of the body and the caller's JSON being written.
pub(super) struct Checker<'a> {
    /// The body.
    pub r: Reader<'a>,
    /// The caller's result so far, but for `span`.
    out: String,
    /// Bytes of the body still to be written after `out`: output that is the
    /// body's own text (most of it) is copied in runs, not value by value.
    span: (usize, usize),
}

/// What a JSON value is, by its first byte, in a message's words.
fn kind_of(first: u8) -> Option<&'static str> {
    Some(match first {
        b'"' => "a string",
        b'-' | b'0'..=b'9' => "a number",
        b't' | b'f' => "a boolean",
        b'n' => "null",
        b'{' => "an object",
        b'[' => "an array",
        _ => return None,
    })
}

/// What a value of `ty` is, in a message's words.
fn expected(ty: Type) -> String {
    match ty {
        Type::String => "a string".into(),
        Type::Int => "an integer (Int)".into(),
        Type::Float => "a number (Float)".into(),
        Type::Boolean => "a boolean".into(),
        Type::Json => "a string of JSON (AWSJSON)".into(),
        Type::Enum(e) => {
            let names: Vec<&str> = e.values.iter().map(|(name, _)| *name).collect();
            format!("one of {}", names.join(", "))
        }
        Type::Literal(text) => format!("\"{text}\""),
        Type::Object(model) => format!("an object ({})", model.name),
    }
}

/// Whether `field` is checked (and given to the caller) with these expands.
#[inline(always)]
fn active(field: &Field, expand: &[&str]) -> bool {
    match field.expand {
        None => true,
        Some(name) => expand.contains(&name),
    }
}

/// The bit of field `index` in a set of fields.
#[inline(always)]
fn bit(index: usize) -> u64 {
    u32::try_from(index)
        .ok()
        .and_then(|i| 1u64.checked_shl(i))
        .unwrap_or(0)
}

/// A field missing although its expand was asked for.
#[cold]
fn missing_expanded() -> Box<Fault> {
    Fault::check("missing although it was expanded".into())
}

impl<'a> Checker<'a> {
    /// A checker of `text`, writing up to about `capacity` bytes.
    pub fn new(text: &'a str, capacity: usize) -> Self {
        Checker {
            r: Reader::new(text),
            out: String::with_capacity(capacity),
            span: (0, 0),
        }
    }

    /// The caller's JSON, once the check is done.
    pub fn output(mut self) -> String {
        self.flush();
        self.out
    }

    /// Writes the run of the body's text pending in `span`.
    #[inline(never)]
    fn flush(&mut self) {
        let (start, end) = self.span;
        if start != end {
            self.out.push_str(self.r.slice(start, end));
            self.span = (end, end);
        }
    }

    /// Writes text of the checker's own (not the body's).
    #[inline(never)]
    fn write(&mut self, text: &str) {
        self.flush();
        self.out.push_str(text);
    }

    /// Writes the body's text between two offsets that fall on ASCII bytes:
    /// it extends the pending run when it follows on from it.
    #[inline(always)]
    fn copy(&mut self, start: usize, end: usize) {
        if start != self.span.1 {
            self.flush();
            self.span.0 = start;
        }
        self.span.1 = end;
    }

    /// Writes the `len` bytes just read (a closing bracket, a literal).
    #[inline(always)]
    fn copy_read(&mut self, len: usize) {
        let end = self.r.pos;
        self.copy(end - len, end);
    }

    /// "expected …, got <kind>" for the value that starts here.
    #[cold]
    fn mismatch(&mut self, what: &str) -> Box<Fault> {
        match self.r.peek().and_then(kind_of) {
            Some(kind) => Fault::check(format!("expected {what}, got {kind}")),
            None => self.r.syntax("expected a value"),
        }
    }

    /// The value of `data` (at its `{`): finds `answer.field` and checks it;
    /// other keys are skipped.
    pub fn data(&mut self, answer: &Answer, expand: &[&str], limit: i64) -> Faulty<()> {
        if !matches!(self.r.peek(), Some(b'{')) {
            return Err(self.mismatch("data to be an object"));
        }
        let mut found = false;
        if self.r.open(b'}') {
            loop {
                let (start, end) = self.r.key()?;
                if self.r.slice(start, end) == answer.field {
                    if found {
                        return Err(Fault::check("is given twice".into()));
                    }
                    found = true;
                    self.root(answer, expand, limit)?;
                } else {
                    self.r.skip(2)?;
                }
                if !self.r.next_member()? {
                    break;
                }
            }
        }
        if found {
            Ok(())
        } else {
            Err(Fault::check("is missing from data".into()))
        }
    }

    /// The value of `data.<field>`.
    fn root(&mut self, answer: &Answer, expand: &[&str], limit: i64) -> Faulty<()> {
        // Open around it: the body and `data`.
        const DEPTH: usize = 2;
        match (answer.root, self.r.peek()) {
            (Root::One, Some(b'{')) => self.object(answer.model, expand, DEPTH),
            (Root::One, _) => Err(self.mismatch(&expected(Type::Object(answer.model)))),
            (Root::Page, Some(b'n')) => {
                self.r.literal(b"null")?;
                Err(Fault::check("the page is null".into()))
            }
            (Root::Page, Some(b'{')) => self.page(answer.model, expand, limit),
            (Root::Items, Some(b'n')) => {
                self.r.literal(b"null")?;
                self.write("[]");
                Ok(())
            }
            (Root::Items, Some(b'{')) => self.items(answer.model, expand),
            _ => Err(self.mismatch("an object")),
        }
    }

    /// A page `{ first after items }`, written `{"items","limit","nextToken"}`.
    fn page(&mut self, model: &'static Model, expand: &[&str], requested: i64) -> Faulty<()> {
        // Open around its values: the body, `data` and the page.
        const DEPTH: usize = 3;
        self.write("{\"items\":");
        let mut first: Option<Option<i32>> = None;
        let mut after: Option<Option<(usize, usize)>> = None;
        let mut items = false;
        if self.r.open(b'}') {
            loop {
                let (start, end) = self.r.key()?;
                match self.r.slice(start, end) {
                    "first" => {
                        if first.is_some() {
                            return Err(Fault::check("is given twice".into()))
                                .at_with(|| Step::Field("first"));
                        }
                        first = Some(self.page_first().at_with(|| Step::Field("first"))?);
                    }
                    "after" => {
                        if after.is_some() {
                            return Err(Fault::check("is given twice".into()))
                                .at_with(|| Step::Field("after"));
                        }
                        after = Some(self.page_after().at_with(|| Step::Field("after"))?);
                    }
                    "items" => {
                        if items {
                            return Err(Fault::check("is given twice".into()))
                                .at_with(|| Step::Field("items"));
                        }
                        items = true;
                        self.list_or_null(Type::Object(model), expand, DEPTH, "[]")
                            .at_with(|| Step::Field("items"))?;
                    }
                    _ => self
                        .r
                        .skip(DEPTH)
                        .at_with(|| Step::Key(shown(self.r.slice(start, end))))?,
                }
                if !self.r.next_member()? {
                    break;
                }
            }
        }
        if !items {
            self.write("[]");
        }
        let limit = match first.flatten() {
            Some(n) if n >= 0 => i64::from(n),
            _ => requested.clamp(0, i64::from(u32::MAX)),
        };
        self.write(",\"limit\":");
        self.write(&limit.to_string());
        self.write(",\"nextToken\":");
        match after.flatten() {
            Some((start, end)) => {
                let raw = self.r.slice(start.saturating_sub(1), end + 1);
                self.write(raw);
            }
            None => self.write("null"),
        }
        self.write("}");
        Ok(())
    }

    /// A page's `first`: an `Int` or `null`.
    fn page_first(&mut self) -> Faulty<Option<i32>> {
        match self.r.peek() {
            Some(b'n') => self.r.literal(b"null").map(|()| None),
            Some(b'-' | b'0'..=b'9') => {
                let number = self.r.number()?;
                match json::as_i32(self.r.bytes, &number) {
                    Some(n) => Ok(Some(n)),
                    None => Err(self.bad_number(&number, "an integer (Int)")),
                }
            }
            _ => Err(self.mismatch("an integer (Int)")),
        }
    }

    /// A page's `after`: a string (its content's span) or `null`.
    fn page_after(&mut self) -> Faulty<Option<(usize, usize)>> {
        match self.r.peek() {
            Some(b'n') => self.r.literal(b"null").map(|()| None),
            Some(b'"') => self.r.string().map(|(start, end, _)| Some((start, end))),
            _ => Err(self.mismatch("a string")),
        }
    }

    /// `{ items }` of which the caller receives the items.
    fn items(&mut self, model: &'static Model, expand: &[&str]) -> Faulty<()> {
        const DEPTH: usize = 3;
        let mut items = false;
        if self.r.open(b'}') {
            loop {
                let (start, end) = self.r.key()?;
                if self.r.slice(start, end) == "items" {
                    if items {
                        return Err(Fault::check("is given twice".into()))
                            .at_with(|| Step::Field("items"));
                    }
                    items = true;
                    self.list_or_null(Type::Object(model), expand, DEPTH, "[]")
                        .at_with(|| Step::Field("items"))?;
                } else {
                    self.r
                        .skip(DEPTH)
                        .at_with(|| Step::Key(shown(self.r.slice(start, end))))?;
                }
                if !self.r.next_member()? {
                    break;
                }
            }
        }
        if !items {
            self.write("[]");
        }
        Ok(())
    }

    /// An object of `model` (at its `{`), inside `depth` open containers.
    fn object(&mut self, model: &'static Model, expand: &[&str], depth: usize) -> Faulty<()> {
        if depth >= MAX_DEPTH {
            return Err(Fault::too_deep());
        }
        let depth = depth + 1;
        let fields = model.fields;
        let mut seen: u64 = 0;
        let mut next = 0;
        let mut first = true;
        let brace = self.r.pos;
        self.copy(brace, brace + 1);
        if self.r.open(b'}') {
            loop {
                let (start, end) = self.r.key()?;
                let key = self.r.bytes.get(start..end).unwrap_or_default();
                // Fields mostly come in the selection's order: try the next one first.
                let found = match fields.get(next) {
                    Some(f) if same(f.name, key) => Some(next),
                    _ => fields.iter().position(|f| same(f.name, key)),
                };
                match found.and_then(|i| Some((i, fields.get(i)?))) {
                    Some((i, field)) if active(field, expand) => {
                        if seen & bit(i) != 0 {
                            return Err(Fault::check("is given twice".into()))
                                .at_with(|| Step::Field(field.name));
                        }
                        seen |= bit(i);
                        next = i + 1;
                        self.member(start, end, first);
                        first = false;
                        self.field(field, depth)
                            .at_with(|| Step::Field(field.name))?;
                    }
                    _ => self
                        .r
                        .skip(depth)
                        .at_with(|| Step::Key(shown(self.r.slice(start, end))))?,
                }
                if !self.r.next_member()? {
                    break;
                }
            }
        }
        for (i, field) in fields.iter().enumerate() {
            if seen & bit(i) != 0 || !active(field, expand) {
                continue;
            }
            if field.expand.is_some() {
                return Err(missing_expanded()).at_with(|| Step::Field(field.name));
            }
            if !field.nullable {
                return Err(Fault::check("is required".into())).at_with(|| Step::Field(field.name));
            }
            self.write(if first { "\"" } else { ",\"" });
            first = false;
            self.write(field.name);
            self.write("\":null");
        }
        // The body's `}`, just read.
        self.copy_read(1);
        Ok(())
    }

    /// The value of `field`, inside `depth` open containers.
    #[inline]
    fn field(&mut self, field: &'static Field, depth: usize) -> Faulty<()> {
        match field.shape {
            Shape::One => {
                if matches!(self.r.peek(), Some(b'n')) {
                    self.r.literal(b"null")?;
                    if field.nullable {
                        self.copy_read(4);
                        Ok(())
                    } else if field.expand.is_some() {
                        Err(missing_expanded())
                    } else {
                        Err(Fault::check(format!(
                            "expected {}, got null",
                            expected(field.ty)
                        )))
                    }
                } else {
                    self.value(field.ty, field.with, depth)
                }
            }
            Shape::List => self.list_or_null(field.ty, field.with, depth, "[]"),
            Shape::NullableList => self.list_or_null(field.ty, field.with, depth, "null"),
        }
    }

    /// A list of `ty` (its `null` items dropped), or `null`, written `if_null`.
    fn list_or_null(
        &mut self,
        ty: Type,
        expand: &[&str],
        depth: usize,
        if_null: &str,
    ) -> Faulty<()> {
        match self.r.peek() {
            Some(b'n') => {
                self.r.literal(b"null")?;
                self.write(if_null);
                return Ok(());
            }
            Some(b'[') => {}
            _ => return Err(self.mismatch("an array")),
        }
        if depth >= MAX_DEPTH {
            return Err(Fault::too_deep());
        }
        let depth = depth + 1;
        let bracket = self.r.pos;
        self.copy(bracket, bracket + 1);
        let mut first = true;
        let mut index = 0;
        // Where the last `,` read is: the one written before the next item.
        let mut comma = 0;
        if self.r.open(b']') {
            loop {
                if matches!(self.r.peek(), Some(b'n')) {
                    self.r.literal(b"null")?;
                } else {
                    if !first {
                        self.copy(comma, comma + 1);
                    }
                    first = false;
                    self.value(ty, expand, depth)
                        .at_with(|| Step::Index(index))?;
                }
                index += 1;
                if !self.r.next_item()? {
                    break;
                }
                comma = self.r.pos - 1;
            }
        }
        // The body's `]`, just read.
        self.copy_read(1);
        Ok(())
    }

    /// One value of `ty` (not `null`), inside `depth` open containers.
    fn value(&mut self, ty: Type, expand: &[&str], depth: usize) -> Faulty<()> {
        let first = self.r.peek();
        match ty {
            Type::String => {
                if !matches!(first, Some(b'"')) {
                    return Err(self.mismatch("a string"));
                }
                let (start, end, _) = self.r.string()?;
                self.copy(start - 1, end + 1);
            }
            Type::Int | Type::Float => {
                if !matches!(first, Some(b'-' | b'0'..=b'9')) {
                    return Err(self.mismatch(&expected(ty)));
                }
                let number = self.r.number()?;
                let bytes = self.r.bytes;
                let good = match ty {
                    Type::Int => json::as_i32(bytes, &number).is_some(),
                    _ => json::is_finite(bytes, &number),
                };
                if !good {
                    let what = match ty {
                        Type::Int => "an integer (Int)",
                        _ => "a finite number (Float)",
                    };
                    return Err(self.bad_number(&number, what));
                }
                self.copy(number.start, number.end);
            }
            Type::Boolean => match first {
                Some(b't') => {
                    self.r.literal(b"true")?;
                    self.copy_read(4);
                }
                Some(b'f') => {
                    self.r.literal(b"false")?;
                    self.copy_read(5);
                }
                _ => return Err(self.mismatch("a boolean")),
            },
            Type::Json => {
                if !matches!(first, Some(b'"')) {
                    return Err(self.mismatch(&expected(ty)));
                }
                self.awsjson()?;
            }
            Type::Enum(_) | Type::Literal(_) => {
                if !matches!(first, Some(b'"')) {
                    return Err(self.mismatch(&expected(ty)));
                }
                let (start, end, _) = self.r.string()?;
                let text = self.r.slice(start, end);
                let good = match ty {
                    Type::Enum(e) => e.has(text),
                    Type::Literal(literal) => text == literal,
                    _ => false,
                };
                if !good {
                    return Err(Fault::check(format!(
                        "expected {}, got \"{}\"",
                        expected(ty),
                        shown(text)
                    )));
                }
                self.copy(start - 1, end + 1);
            }
            Type::Object(model) => {
                if !matches!(first, Some(b'{')) {
                    return Err(self.mismatch(&expected(ty)));
                }
                self.object(model, expand, depth)?;
            }
        }
        Ok(())
    }

    /// "expected <what>, got <the number>".
    #[cold]
    fn bad_number(&self, number: &json::Number, what: &str) -> Box<Fault> {
        let text = self.r.slice(number.start, number.end);
        Fault::check(format!("expected {what}, got {}", shown(text)))
    }

    /// An `AWSJSON` string (at its quote): the JSON it holds, written as that
    /// value; `"null"` is `null`. Decoded straight into the output, checked there.
    fn awsjson(&mut self) -> Faulty<()> {
        let (start, end, escaped) = self.r.string()?;
        let raw = self.r.slice(start, end);
        self.flush();
        let mark = self.out.len();
        if escaped {
            if json::unescape(raw, &mut self.out).is_none() {
                return Err(Fault::check("is not valid JSON (AWSJSON)".into()));
            }
        } else {
            self.out.push_str(raw);
        }
        let content = self.out.get(mark..).unwrap_or_default();
        let mut inner = Reader::new(content);
        if inner.skip(0).and_then(|()| inner.end()).is_err() {
            return Err(Fault::check("is not valid JSON (AWSJSON)".into()));
        }
        let value = json::trim(content);
        if value.len() != content.len() || value == "null" {
            let value = if value == "null" {
                "null".to_string()
            } else {
                value.to_string()
            };
            self.out.truncate(mark);
            self.out.push_str(&value);
        }
        Ok(())
    }

    /// Writes `"key":` of a member whose key's content is at `start..end`,
    /// after a `,` unless it is the `first`: in one copy from the body where
    /// it is written compactly.
    #[inline(always)]
    fn member(&mut self, start: usize, end: usize, first: bool) {
        let bytes = self.r.bytes;
        let mut from = start - 1;
        if !first {
            if start >= 2 && matches!(bytes.get(start - 2), Some(b',')) {
                from = start - 2;
            } else {
                self.write(",");
            }
        }
        if matches!(bytes.get(end + 1), Some(b':')) {
            self.copy(from, end + 2);
        } else {
            self.copy(from, end + 1);
            self.write(":");
        }
    }
}
