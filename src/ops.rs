//! An operation of the API, described once: its GraphQL field and what it
//! answers ([`Answer`]), the caller's params ([`Input`]) and the variables it
//! sends. From it come the document (with the selection of the expands asked
//! for), the read of the params, and the request body.

use wasm_bindgen::prelude::wasm_bindgen;

use crate::error::{Error, Result};
use crate::graphql::{Operation, OperationKind};
use crate::input::read::{self, Context};
use crate::input::value::Value;
use crate::input::{param, Arg, Args, In, Input};
use crate::model::{api, select, Answer};

#[wasm_bindgen(typescript_custom_section)]
const EXPANDED_TS: &'static str = r#"
/**
 * `T` as a call with `expand: E[]` returns it: the related objects named in
 * `E` are present (`retrieve(id, { expand: ['take'] })` gives `take: Take | null`),
 * the others absent.
 */
export type Expanded<T, E extends string> = T & Required<Pick<T, E & keyof T>>;
"#;

/// One GraphQL variable of an operation: its name and GraphQL type.
#[derive(Debug, Clone, Copy)]
pub struct Var {
    /// The variable's (and the argument's) name.
    pub name: &'static str,
    /// Its GraphQL type, as the schema declares the argument.
    pub ty: &'static str,
}

/// A variable.
pub const fn var(name: &'static str, ty: &'static str) -> Var {
    Var { name, ty }
}

/// An operation of the API.
#[derive(Debug)]
pub struct Op {
    /// Its field and what the field answers.
    pub answer: Answer,
    /// Query or mutation.
    pub kind: OperationKind,
    /// The caller's params.
    pub params: &'static Input,
    /// The variables sent, from the args of the same names.
    pub variables: &'static [Var],
    /// Expand names accepted beside the model's own (and always selected).
    pub extra_expands: &'static [&'static str],
}

impl Op {
    /// `get<Resource>(<id>: ID!)`: one object by its id, with expands.
    pub const fn get(answer: Answer, id: &'static [Var]) -> Op {
        Op {
            answer,
            kind: OperationKind::Query,
            params: &EXPAND_PARAMS,
            variables: id,
            extra_expands: &[],
        }
    }

    /// `update<Resource>(id, name, metadata)`.
    pub const fn update(answer: Answer) -> Op {
        Op {
            answer,
            kind: OperationKind::Mutation,
            params: &UPDATE_PARAMS,
            variables: UPDATE_VARIABLES,
            extra_expands: &[],
        }
    }

    /// A query with its own params and variables (a page of a list, with its
    /// paging variables).
    pub const fn query(answer: Answer, params: &'static Input, variables: &'static [Var]) -> Op {
        Op {
            answer,
            kind: OperationKind::Query,
            params,
            variables,
            extra_expands: &[],
        }
    }

    /// A mutation (a create, an upsert…) with its own params and variables.
    pub const fn mutation(answer: Answer, params: &'static Input, variables: &'static [Var]) -> Op {
        Op {
            answer,
            kind: OperationKind::Mutation,
            params,
            variables,
            extra_expands: &[],
        }
    }

    /// The same operation, also accepting `extra` as expands (always selected).
    pub const fn with_extra_expands(mut self, extra: &'static [&'static str]) -> Op {
        self.extra_expands = extra;
        self
    }
}

/// Params keys that are not data: read by the transport, skipped by the read.
const CONTROL: &[&str] = &["signal"];

impl Op {
    /// The expand names this operation accepts.
    pub fn expands(&self) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = self.answer.model.expands().collect();
        names.extend_from_slice(self.extra_expands);
        names
    }

    /// The GraphQL document selecting what `expand` asks for; values always
    /// travel as variables, never in the text.
    pub fn document(&self, expand: &[&str]) -> String {
        let field = self.answer.field;
        let mut out = String::with_capacity(512);
        out.push_str(match self.kind {
            OperationKind::Query => "query ",
            OperationKind::Mutation => "mutation ",
        });
        out.push_str(field);
        let list = |out: &mut String, each: &dyn Fn(&mut String, &Var)| {
            if self.variables.is_empty() {
                return;
            }
            out.push('(');
            for (i, v) in self.variables.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                each(out, v);
            }
            out.push(')');
        };
        list(&mut out, &|out, v| {
            out.push('$');
            out.push_str(v.name);
            out.push_str(": ");
            out.push_str(v.ty);
        });
        out.push_str(" { ");
        out.push_str(field);
        list(&mut out, &|out, v| {
            out.push_str(v.name);
            out.push_str(": $");
            out.push_str(v.name);
        });
        out.push_str(" { ");
        out.push_str(&select::answer_selection(&self.answer, expand));
        out.push_str(" } }");
        out
    }

    /// Reads the caller's params object against [`Op::params`].
    pub fn read<V: Value>(&self, params: &V, required: bool) -> Result<Args> {
        let expands = self.expands();
        read::read(
            params,
            self.params,
            "params",
            required,
            Context {
                expands: &expands,
                control: CONTROL,
            },
        )
    }

    /// The operation, ready to send: `args` give the variables (by name),
    /// `expand` the selection; `limit` is the page size asked for (pages only).
    pub fn build(&'static self, args: &Args, expand: Vec<&'static str>, limit: i64) -> Operation {
        let document = self.document(&expand);
        let variables = self
            .variables
            .iter()
            .filter_map(|v| args.get(v.name).map(|a| (v.name, a)));
        Operation {
            name: self.answer.field,
            kind: self.kind,
            body: crate::input::write::body(&document, self.answer.field, variables),
            answer: Some(self.answer),
            expand,
            limit,
        }
    }
}

/// The variable holding the id of a `get` or an `update`.
fn id_arg(argument: &str, id: &str) -> Result<Arg> {
    read::id_value(argument, id)
}

/// `retrieve(id, params)`: one object by its id (the op's one variable).
pub fn get<V: Value>(op: &'static Op, id: &str, params: &V) -> Result<Operation> {
    let id = id_arg("id", id)?;
    let args = op.read(params, false)?;
    let var = op.variables.first().map_or("id", |v| v.name);
    Ok(op.build(&Args(vec![(var, id)]), args.expand(), 0))
}

/// `update(id, params)`: a new name or metadata (or both).
pub fn update<V: Value>(op: &'static Op, id: &str, params: &V) -> Result<Operation> {
    let id = id_arg("id", id)?;
    let mut args = op.read(params, true)?;
    if args.get("name").is_none() && args.get("metadata").is_none() {
        return Err(Error::invalid_argument(
            "params",
            "give name or metadata (or both) to update",
        ));
    }
    let expand = args.expand();
    args.set("id", id);
    Ok(op.build(&args, expand, 0))
}

/// Page size when none is given (as in Move's Python SDK). Nothing published
/// shows a maximum; GraphQL's `Int` bounds it at 2147483647.
pub const DEFAULT_PAGE_LIMIT: i64 = 10;

/// `list(params)`: one page, its variables from the paging params.
pub fn list<V: Value>(op: &'static Op, params: &V) -> Result<Operation> {
    let mut args = op.read(params, false)?;
    if args.str("nextToken") == Some("") {
        return Err(Error::invalid_argument(
            "params.nextToken",
            "expected the nextToken of a page (or null for the first page), got \"\"",
        ));
    }
    let limit = args.int("limit").unwrap_or(DEFAULT_PAGE_LIMIT);
    let expand = args.expand();
    args.set("first", Arg::Int(limit));
    if let Some(token) = args.take("nextToken") {
        args.set("after", token);
    }
    let direction = args.take("sortBy").unwrap_or(Arg::Enum("DESC"));
    args.set("sortDirection", direction);
    Ok(op.build(&args, expand, limit))
}

/// Methods with no params beside `signal`: still refused if they get others.
pub fn plain<V: Value>(op: &'static Op, params: &V) -> Result<Operation> {
    op.read(params, false)?;
    Ok(op.build(&Args::default(), Vec::new(), 0))
}

/// `expand`: the related objects to include.
pub const EXPAND: crate::input::Param = param(
    "expand",
    In::Expand,
    "Related objects to include in the result.",
);

/// `name` of a new object.
pub const NAME: crate::input::Param = param("name", In::String, "A name for it.");

/// `metadata` of a new object.
pub const METADATA: crate::input::Param = param(
    "metadata",
    In::Json,
    "Your own data to store with it: any JSON value.",
)
.ts("Metadata");

/// Params of methods that take none beside `signal`.
pub static NO_PARAMS: Input = Input {
    name: "RequestOptions",
    doc: crate::model::doc("Options every method accepts beside its own params."),
    params: &[],
};

/// Params of `retrieve`.
pub static EXPAND_PARAMS: Input = Input {
    name: "ExpandParams",
    doc: crate::model::doc("Parameters that only choose expands (`retrieve`)."),
    params: &[EXPAND],
};

/// Params of `update`.
pub static UPDATE_PARAMS: Input = Input {
    name: "UpdateParams",
    doc: crate::model::doc(
        "Parameters of `update`: at least one of `name` and `metadata` (any JSON value).",
    ),
    params: &[
        param("name", In::String, "The new name."),
        param(
            "metadata",
            In::Json,
            "The new metadata (replaces the old): any JSON value; `null` clears it.",
        )
        .null_clears()
        .ts("Metadata"),
        EXPAND,
    ],
};

/// The paging params every list takes.
macro_rules! paging {
    ($($more:expr),* $(,)?) => {
        &[
            param("limit", In::Int(1, crate::args::MAX_INT), "Page size, a positive integer. Default 10."),
            param(
                "nextToken",
                In::String,
                "The `nextToken` of the previous page; omit or `null` for the first page.",
            )
            .ts("string | null"),
            param(
                "sortBy",
                In::Enum(&api::SORT_DIRECTION),
                "Order by creation time, in any letter case. Default `'DESC'` (newest first).",
            ),
            $($more,)*
            EXPAND,
        ]
    };
}
pub(crate) use paging;

/// Params of `list` and `iterate`.
pub static LIST_PARAMS: Input = Input {
    name: "ListParams",
    doc: crate::model::doc("Parameters of `list` and `iterate`."),
    params: paging!(),
};

/// The variables of every list.
pub const PAGE_VARIABLES: [Var; 3] = [
    var("first", "Int"),
    var("after", "AWSJSON"),
    var("sortDirection", "SortDirection"),
];

/// The variables of every update.
pub const UPDATE_VARIABLES: &[Var] = &[
    var("id", "String!"),
    var("name", "String"),
    var("metadata", "AWSJSON"),
];
