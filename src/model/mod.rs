//! One description of each API object the SDK returns, written once, as data.
//!
//! From these descriptions come the GraphQL selection of every operation
//! ([`select`]), the check of every answer ([`crate::check`]: types,
//! nullability, expands, `AWSJSON`, in one pass over the bytes) and the
//! TypeScript declarations of the package ([`typescript`]). A field behind an
//! `expand` is selected, checked and declared (optional) only through its
//! `expand` name, so the three can never disagree.
//!
//! The descriptions are `static` data built with `const fn`s: they cost bytes
//! of data in the module, not code per type.

pub mod api;
pub mod select;
#[cfg(not(target_arch = "wasm32"))]
pub mod typescript;

/// An enum of the API: its TypeScript name and its values as the API spells them.
#[derive(Debug)]
pub struct Enum {
    /// The TypeScript name (`OutputType`).
    pub name: &'static str,
    /// What it is, for the declaration's JSDoc.
    pub doc: &'static str,
    /// Each value and its JSDoc, in the order a "did you mean" prefers.
    pub values: &'static [(&'static str, &'static str)],
}

impl Enum {
    /// Whether `value` is one of the values, spelled as the API spells it.
    /// (The checker asks this of every enum in an answer: see [`same`].)
    #[inline(always)]
    pub fn has(&self, value: &str) -> bool {
        self.values
            .iter()
            .any(|(name, _)| same(name, value.as_bytes()))
    }
}

/// Whether the name `a` is the text `b`: a loop the compiler keeps inline,
/// rather than `==`'s call of `memcmp` (the checker compares every key and
/// enum value of an answer this way).
#[inline(always)]
pub(crate) fn same(a: &str, b: &[u8]) -> bool {
    let a = a.as_bytes();
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while let (Some(x), Some(y)) = (a.get(i), b.get(i)) {
        if x != y {
            return false;
        }
        i += 1;
    }
    true
}

/// What one JSON value of an answer must be.
#[derive(Debug, Clone, Copy)]
pub enum Type {
    /// A string (`String`, `ID`, `AWSDateTime`, `AWSURL`…).
    String,
    /// A 32-bit integer (`Int`).
    Int,
    /// A finite number (`Float`).
    Float,
    /// `true` or `false`.
    Boolean,
    /// `AWSJSON`: a string holding JSON text; the caller receives the value.
    Json,
    /// A string that is one of the enum's values.
    Enum(&'static Enum),
    /// Exactly this string (`__typename` of a union member).
    Literal(&'static str),
    /// An object of this model.
    Object(&'static Model),
}

/// Whether a field holds one value or a list of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One value.
    One,
    /// A list; `null` items are dropped (they carry nothing a caller can use)
    /// and a `null` list reaches the caller as `[]`.
    List,
    /// A list; `null` items are dropped, a `null` list stays `null`.
    NullableList,
}

/// One field of a model.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The name, the same in the API and for the caller.
    pub name: &'static str,
    /// What each value is.
    pub ty: Type,
    /// One value or a list.
    pub shape: Shape,
    /// Whether the API may send `null` (or leave the field out).
    pub nullable: bool,
    /// The `expand` name that adds this field; `None`: always there.
    pub expand: Option<&'static str>,
    /// The nested object's expands that are always selected with it (a job's
    /// `take` comes with its `sources`).
    pub with: &'static [&'static str],
    /// The field's type is a union of which the model is a member: selected
    /// through `... on Model { }`.
    pub union_member: bool,
    /// The TypeScript type, when it is not the one [`Type`] gives (`JobState`).
    /// (Declarations are generated natively: the module keeps neither this
    /// nor `doc`.)
    #[cfg(not(target_arch = "wasm32"))]
    pub ts: Option<&'static str>,
    /// What it is, for the declaration's JSDoc.
    #[cfg(not(target_arch = "wasm32"))]
    pub doc: &'static str,
}

/// Documentation text, kept for the TypeScript declarations (generated
/// natively) and left out of the WebAssembly module, which never shows it.
pub const fn doc(text: &'static str) -> &'static str {
    if cfg!(target_arch = "wasm32") {
        ""
    } else {
        text
    }
}

/// A field that is always there, one value, not null: refine with the builders.
#[cfg_attr(target_arch = "wasm32", allow(unused_variables))]
pub const fn field(name: &'static str, ty: Type, doc: &'static str) -> Field {
    Field {
        name,
        ty,
        shape: Shape::One,
        nullable: false,
        expand: None,
        with: &[],
        union_member: false,
        #[cfg(not(target_arch = "wasm32"))]
        ts: None,
        #[cfg(not(target_arch = "wasm32"))]
        doc,
    }
}

impl Field {
    /// The API may send `null`.
    pub const fn nullable(mut self) -> Self {
        self.nullable = true;
        self
    }

    /// A list (see [`Shape::List`]).
    pub const fn list(mut self) -> Self {
        self.shape = Shape::List;
        self
    }

    /// A list that may be `null` (see [`Shape::NullableList`]).
    pub const fn nullable_list(mut self) -> Self {
        self.shape = Shape::NullableList;
        self.nullable = true;
        self
    }

    /// Selected, checked and declared only when `expand` has `name`.
    pub const fn expand(mut self, name: &'static str) -> Self {
        self.expand = Some(name);
        self
    }

    /// The nested object always comes with these expands of its own.
    pub const fn with(mut self, expands: &'static [&'static str]) -> Self {
        self.with = expands;
        self
    }

    /// Selected through an inline fragment on the model (a union's member).
    pub const fn union_member(mut self) -> Self {
        self.union_member = true;
        self
    }

    /// Declared in TypeScript as `ts` (plus `| null` when nullable).
    #[cfg_attr(target_arch = "wasm32", allow(unused_variables, unused_mut))]
    pub const fn ts(mut self, ts: &'static str) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.ts = Some(ts);
        }
        self
    }
}

/// An object of the API as the SDK returns it.
#[derive(Debug)]
pub struct Model {
    /// The TypeScript name (`Job`).
    pub name: &'static str,
    /// What it is, for the declaration's JSDoc.
    pub doc: &'static str,
    /// Every field, in the order they are selected and declared.
    pub fields: &'static [Field],
}

impl Model {
    /// The names `expand` may give for this model, in declaration order.
    pub fn expands(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.fields.iter().filter_map(|f| f.expand)
    }

    /// The field called `name`.
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// What the `data` of an operation's answer holds under its one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Root {
    /// One object (not null).
    One,
    /// A page `{ first after items }`, given to the caller as
    /// `{ items, limit, nextToken }`.
    Page,
    /// A list under `{ items }` of which the caller receives the items.
    Items,
}

/// What an operation's answer must be: `data.<field>` holding `model`s.
#[derive(Debug, Clone, Copy)]
pub struct Answer {
    /// The operation's field (`getJob`), also the root of every error path.
    pub field: &'static str,
    /// The model of the object(s).
    pub model: &'static Model,
    /// One, a page, or items.
    pub root: Root,
    /// The field's type is a union: the model is selected through a fragment.
    pub union_member: bool,
}

#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const SHAPES_TS: &'static str = r#"
/** Any value JSON can carry. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Your own data stored with an object: any JSON value, normally an object.
 * The SDK encodes it into the API's `AWSJSON` string and decodes it back.
 */
export type Metadata = JsonValue;

/**
 * Where a job (or a volume) stands, as the API spells it: `'NOT STARTED'` or
 * `'NOT_STARTED'`, `'STARTED'`, `'RUNNING'`, then `'FINISHED'`, `'FAILED'` or
 * `'CANCELLED'`. Any other string is a state newer than this SDK.
 */
export type JobState =
  | 'NOT STARTED'
  | 'NOT_STARTED'
  | 'STARTED'
  | 'RUNNING'
  | 'FINISHED'
  | 'FAILED'
  | 'CANCELLED'
  | (string & {});

/** One page of a list (see `Root::Page`). Pass `nextToken` back to get the next page. */
export interface Page<T> {
  /** The items of this page. */
  items: T[];
  /** The page size the API applied. */
  limit: number;
  /** The cursor of the next page; `null` on the last page. */
  nextToken: string | null;
}
"#;
