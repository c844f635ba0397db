//! What callers pass in, described once per params type, as data: read from
//! the caller's JavaScript object by one walk ([`read`]), with no JSON text in
//! between, and declared in TypeScript from the same description
//! ([`crate::model::typescript`]).
//!
//! A read gives [`Args`]: the caller's values checked (types, ranges, enums in
//! any letter case, no unknown property) and ready to be written as GraphQL
//! variables ([`write`]). Checks that involve several values (a clip window's
//! order, a single camera's sources) stay in the operation's own code.

pub mod read;
pub mod value;
pub mod write;

use crate::model::Enum;

/// A number range with the words a message uses for it (the module never
/// formats floats: the bounds are written once, as text).
#[derive(Debug)]
pub struct Range {
    /// Lowest value allowed.
    pub min: f64,
    /// Highest value allowed.
    pub max: f64,
    /// `"a height in metres from 0.5 to 2.75"`.
    pub expected: &'static str,
}

/// What one value of a params object must be.
#[derive(Debug, Clone, Copy)]
pub enum In {
    /// Any string.
    String,
    /// An identifier: a non-empty string without whitespace around it.
    Id,
    /// An integer from `.0` to `.1`.
    Int(i64, i64),
    /// A finite number in the range.
    Number(&'static Range),
    /// `true` or `false`.
    Boolean,
    /// One of the enum's values, in any letter case (sent as the API spells it).
    Enum(&'static Enum),
    /// The names of related objects to include (the operation's expands).
    Expand,
    /// Any JSON value (`metadata`), sent as an `AWSJSON` string.
    Json,
    /// An object of this description.
    Object(&'static Input),
    /// An array of values of this kind.
    List(&'static In),
    /// A function, kept by the wasm edge (the client's `fetch`).
    Function,
    /// HTTP headers: an object of header names and string values.
    Headers,
}

/// One property of a params object.
#[derive(Debug, Clone, Copy)]
pub struct Param {
    /// The property's name.
    pub name: &'static str,
    /// What its value must be.
    pub ty: In,
    /// Whether it must be given.
    pub required: bool,
    /// `null` is a value of its own (an update's `metadata: null` clears it);
    /// otherwise `null` on an optional property means it was not given.
    pub null_clears: bool,
    /// Messages show only the kind of its value, never the value.
    pub secret: bool,
    /// The TypeScript type, when it is not the one [`In`] gives. (Declarations
    /// are generated natively: the module keeps neither this nor `doc`.)
    #[cfg(not(target_arch = "wasm32"))]
    pub ts: Option<&'static str>,
    /// What it is, for the declaration's JSDoc.
    #[cfg(not(target_arch = "wasm32"))]
    pub doc: &'static str,
}

/// An optional property: refine with the builders.
#[cfg_attr(target_arch = "wasm32", allow(unused_variables))]
pub const fn param(name: &'static str, ty: In, doc: &'static str) -> Param {
    Param {
        name,
        ty,
        required: false,
        null_clears: false,
        secret: false,
        #[cfg(not(target_arch = "wasm32"))]
        ts: None,
        #[cfg(not(target_arch = "wasm32"))]
        doc,
    }
}

impl Param {
    /// Must be given.
    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// `null` is accepted and kept (see [`Param::null_clears`]).
    pub const fn null_clears(mut self) -> Self {
        self.null_clears = true;
        self
    }

    /// Its value is never shown in a message.
    pub const fn secret(mut self) -> Self {
        self.secret = true;
        self
    }

    /// Declared in TypeScript as `ts`.
    #[cfg_attr(target_arch = "wasm32", allow(unused_variables, unused_mut))]
    pub const fn ts(mut self, ts: &'static str) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.ts = Some(ts);
        }
        self
    }
}

/// A params object (or an object inside one).
#[derive(Debug)]
pub struct Input {
    /// The TypeScript name (`JobCreateSingleCamParams`).
    pub name: &'static str,
    /// What it is, for the declaration's JSDoc.
    pub doc: &'static str,
    /// Its properties, in declaration order.
    pub params: &'static [Param],
}

impl Input {
    /// Whether it has an `expand` (its TypeScript type then takes the caller's
    /// expands as a type parameter).
    pub fn has_expand(&self) -> bool {
        self.params.iter().any(|p| matches!(p.ty, In::Expand))
    }
}

/// One value read from the caller, checked.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// A string.
    Str(String),
    /// An integer.
    Int(i64),
    /// A finite number and its JSON text (from the host: never formatted here).
    Number(f64, String),
    /// A boolean.
    Bool(bool),
    /// An enum value as the API spells it.
    Enum(&'static str),
    /// The JSON text of a value (sent as an `AWSJSON` string).
    Json(String),
    /// `null`, where it means something (an update clearing metadata).
    Null,
    /// An array.
    List(Vec<Arg>),
    /// An object.
    Object(Args),
    /// A function was given (the wasm edge reads it from the caller's object).
    Function,
    /// HTTP headers, names in lower case, in the caller's order.
    Headers(Vec<(String, String)>),
}

/// The properties read from one object, in the caller's order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Args(pub Vec<(&'static str, Arg)>);

impl Args {
    /// The value of property `name`, if it was given.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }

    /// The string value of `name`.
    pub fn str(&self, name: &str) -> Option<&str> {
        match self.get(name) {
            Some(Arg::Str(s)) => Some(s),
            _ => None,
        }
    }

    /// The number value of `name` (an integer or a number).
    pub fn number(&self, name: &str) -> Option<f64> {
        match self.get(name) {
            Some(Arg::Int(n)) => Some(*n as f64),
            Some(Arg::Number(n, _)) => Some(*n),
            _ => None,
        }
    }

    /// The integer value of `name`.
    pub fn int(&self, name: &str) -> Option<i64> {
        match self.get(name) {
            Some(Arg::Int(n)) => Some(*n),
            _ => None,
        }
    }

    /// The list value of `name` (empty when not given).
    pub fn list(&self, name: &str) -> &[Arg] {
        match self.get(name) {
            Some(Arg::List(items)) => items,
            _ => &[],
        }
    }

    /// The object value of `name`.
    pub fn object(&self, name: &str) -> Option<&Args> {
        match self.get(name) {
            Some(Arg::Object(o)) => Some(o),
            _ => None,
        }
    }

    /// Sets `name` to `value`, replacing what was there.
    pub fn set(&mut self, name: &'static str, value: Arg) {
        match self.0.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => self.0.push((name, value)),
        }
    }

    /// Removes `name`, returning its value.
    pub fn take(&mut self, name: &str) -> Option<Arg> {
        let at = self.0.iter().position(|(n, _)| *n == name)?;
        Some(self.0.remove(at).1)
    }

    /// The names in `expand`, as read (only [`In::Expand`] puts them there).
    pub fn expand(&self) -> Vec<&'static str> {
        self.list("expand")
            .iter()
            .filter_map(|a| match a {
                Arg::Enum(name) => Some(*name),
                _ => None,
            })
            .collect()
    }
}
