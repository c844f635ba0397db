//! Building blocks shared by every resource's operations, in plain Rust: the
//! common params shapes, and operations whose answer is one object, a page, or
//! a list, with the check that every requested expand came back.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use tsify::Tsify;

use wasm_bindgen::prelude::wasm_bindgen;

use crate::args;
use crate::error::{Error, Result};
use crate::graphql::{decode_data, Field, Operation, OperationKind};
use crate::types::{metadata, Page, SortDirection, DEFAULT_PAGE_LIMIT};

#[wasm_bindgen(typescript_custom_section)]
const EXPANDED_TS: &'static str = r#"
/**
 * `T` as a call with `expand: E[]` returns it: the related objects named in
 * `E` are present (`retrieve(id, { expand: ['take'] })` gives `take: Take | null`),
 * the others absent.
 */
export type Expanded<T, E extends string> = T & Required<Pick<T, E & keyof T>>;
"#;

/// An API object the SDK returns, with the related objects `expand` can add.
pub trait Resource: DeserializeOwned + Serialize + 'static {
    /// The expands this resource accepts ([`NoExpand`] for none).
    type Expand: Copy + PartialEq + DeserializeOwned + 'static;

    /// The GraphQL selection of the object with these expands.
    fn selection(expand: &[Self::Expand]) -> String;

    /// The name of the first requested expand missing from the answer, if any.
    fn missing_expand(&self, expand: &[Self::Expand]) -> Option<&'static str>;
}

/// The expand type of resources that have none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum NoExpand {}

/// Implements [`Resource`] for a type without expands.
macro_rules! plain_resource {
    ($($ty:ty => $selection:expr),* $(,)?) => {$(
        impl Resource for $ty {
            type Expand = NoExpand;
            fn selection(_: &[NoExpand]) -> String {
                $selection.to_string()
            }
            fn missing_expand(&self, _: &[NoExpand]) -> Option<&'static str> {
                None
            }
        }
    )*};
}

plain_resource! {
    crate::types::Client => crate::types::Client::SELECTION,
    crate::types::ShareCode => crate::types::ShareCode::SELECTION,
    crate::types::WebhookEndpoint => crate::types::WebhookEndpoint::SELECTION,
}

/// Parameters of methods that take none beside `signal`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoParams {}

/// Parameters that only choose expands (`retrieve`).
#[derive(Debug, Deserialize, Tsify)]
#[serde(
    rename_all = "camelCase",
    deny_unknown_fields,
    bound = "E: Deserialize<'de>"
)]
pub struct ExpandParams<E> {
    /// Related objects to include in the result.
    #[tsify(optional)]
    #[serde(default)]
    pub expand: Option<Vec<E>>,
}

/// Parameters of `update`: at least one of `name` and `metadata` (any JSON value).
#[derive(Debug, Deserialize, Tsify)]
#[serde(
    rename_all = "camelCase",
    deny_unknown_fields,
    bound = "E: Deserialize<'de>"
)]
pub struct UpdateParams<E> {
    /// The new name.
    #[tsify(optional)]
    #[serde(default)]
    pub name: Option<String>,
    /// The new metadata (replaces the old): any JSON value; `null` clears it.
    #[tsify(optional, type = "Metadata")]
    #[serde(default, deserialize_with = "crate::types::present")]
    pub metadata: Option<Option<Box<RawValue>>>,
    /// Related objects to include in the result.
    #[tsify(optional)]
    #[serde(default)]
    pub expand: Option<Vec<E>>,
}

/// Parameters of `list` and `iterate`.
#[derive(Debug, Deserialize, Tsify)]
#[serde(
    rename_all = "camelCase",
    deny_unknown_fields,
    bound = "E: Deserialize<'de>"
)]
pub struct ListParams<E> {
    /// Page size, a positive integer. Default 10.
    #[tsify(optional)]
    #[serde(default)]
    pub limit: Option<f64>,
    /// The `nextToken` of the previous page; omit or `null` for the first page.
    #[tsify(optional, type = "string | null")]
    #[serde(default)]
    pub next_token: Option<String>,
    /// Order by creation time, in any letter case. Default `'DESC'` (newest first).
    #[tsify(optional, type = "SortDirection | Lowercase<SortDirection>")]
    #[serde(default)]
    pub sort_by: Option<SortDirection>,
    /// Related objects to include in each item.
    #[tsify(optional)]
    #[serde(default)]
    pub expand: Option<Vec<E>>,
}

/// The variables every list sends.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageVariables {
    /// The page size.
    pub first: i64,
    /// The cursor, absent for the first page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// The order.
    pub sort_direction: SortDirection,
    /// Only the jobs of this take (`listJobs` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub take_id: Option<String>,
}

impl PageVariables {
    /// Validates the paging part of list params.
    pub fn new(
        limit: Option<f64>,
        next_token: Option<String>,
        sort_by: Option<SortDirection>,
    ) -> Result<Self> {
        if next_token.as_deref() == Some("") {
            return Err(Error::invalid_argument(
                "params.nextToken",
                "expected the nextToken of a page (or null for the first page), got \"\"",
            ));
        }
        Ok(PageVariables {
            first: args::integer("params.limit", limit, 1..=args::MAX_INT)?
                .unwrap_or(DEFAULT_PAGE_LIMIT),
            after: next_token,
            sort_direction: sort_by.unwrap_or_default(),
            take_id: None,
        })
    }
}

/// The variables of `update<Resource>`.
#[derive(Debug, Serialize)]
pub struct UpdateVariables<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    metadata: Option<String>,
}

impl<'a> UpdateVariables<'a> {
    /// Validates an update: an id, and something to change.
    pub fn new<E>(id: &'a str, params: UpdateParams<E>) -> Result<(Self, Vec<E>)> {
        args::require_id("id", id)?;
        if params.name.is_none() && params.metadata.is_none() {
            return Err(Error::invalid_argument(
                "params",
                "give name or metadata (or both) to update",
            ));
        }
        let variables = UpdateVariables {
            id,
            name: params.name,
            // Absent: unchanged. `null` (`Some(None)`): cleared.
            metadata: params.metadata.map(|value| match value {
                Some(raw) => metadata::encode_replacement(&raw),
                None => "null".to_string(),
            }),
        };
        Ok((variables, params.expand.unwrap_or_default()))
    }
}

/// `retrieve(id, params)`: `query <field>($<arg>: ID!) { <field>(<arg>: $<arg>) { … } }`.
pub fn get<T: Resource>(
    field: &'static str,
    arg: &'static str,
    id: &str,
    params_json: &str,
) -> Result<Operation> {
    args::require_id("id", id)?;
    let p: ExpandParams<T::Expand> = args::from_json(params_json, "params")?;
    get_expanded::<T>(field, arg, id, p.expand.unwrap_or_default())
}

/// [`get`] with the expands already read.
pub fn get_expanded<T: Resource>(
    field: &'static str,
    arg: &'static str,
    id: &str,
    expand: Vec<T::Expand>,
) -> Result<Operation> {
    let document = format!(
        "query {field}(${arg}: ID!) {{ {field}({arg}: ${arg}) {{ {} }} }}",
        T::selection(&expand)
    );
    one::<T, _>(
        field,
        OperationKind::Query,
        &document,
        &IdVariable { name: arg, id },
        expand,
    )
}

/// `{"<name>": "<id>"}`: the one variable of a `get` (a map type would cost code).
struct IdVariable<'a> {
    name: &'a str,
    id: &'a str,
}

impl Serialize for IdVariable<'_> {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.name, self.id)?;
        map.end()
    }
}

/// `update(id, params)`: `mutation <field>($id: String!, $name: String, $metadata: AWSJSON)`.
pub fn update<T: Resource>(field: &'static str, id: &str, params_json: &str) -> Result<Operation> {
    let p: UpdateParams<T::Expand> = args::from_json(params_json, "params")?;
    let (variables, expand) = UpdateVariables::new(id, p)?;
    let document = format!(
        "mutation {field}($id: String!, $name: String, $metadata: AWSJSON) {{ \
         {field}(id: $id, name: $name, metadata: $metadata) {{ {} }} }}",
        T::selection(&expand)
    );
    one::<T, _>(
        field,
        OperationKind::Mutation,
        &document,
        &variables,
        expand,
    )
}

/// An operation whose answer is one `T`.
pub fn one<T: Resource, V: Serialize>(
    name: &'static str,
    kind: OperationKind,
    document: &str,
    variables: &V,
    expand: Vec<T::Expand>,
) -> Result<Operation> {
    Operation::new(
        name,
        kind,
        document,
        variables,
        Box::new(move |data| {
            let Field(item) = decode_data::<Field<T>>(name, data)?;
            check_expanded(name, &item, &expand)?;
            to_json(&item)
        }),
    )
}

/// An operation whose answer is one page of `T`.
pub fn page<T: Resource>(
    name: &'static str,
    document: &str,
    variables: &PageVariables,
    expand: Vec<T::Expand>,
) -> Result<Operation> {
    let requested = variables.first;
    Operation::new(
        name,
        OperationKind::Query,
        document,
        variables,
        Box::new(move |data| {
            let Field(page) = decode_data::<Field<Option<PageData<T>>>>(name, data)?;
            let page =
                page.ok_or_else(|| Error::invalid_response(format!("{name}: the page is null")))?;
            let items: Vec<T> = page
                .items
                .unwrap_or_default()
                .into_iter()
                .flatten()
                .collect();
            for (i, item) in items.iter().enumerate() {
                check_expanded(&format!("{name}.items[{i}]"), item, &expand)?;
            }
            let limit = page
                .first
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(u32::try_from(requested).unwrap_or(u32::MAX));
            to_json(&Page {
                items,
                limit,
                next_token: page.after,
            })
        }),
    )
}

/// An operation whose answer is a page of which the caller wants only the
/// items (`listRigs`, `listCameraSettings`: the API does not page them).
pub fn items<T: DeserializeOwned + Serialize + 'static>(
    name: &'static str,
    document: &str,
) -> Result<Operation> {
    #[derive(Serialize)]
    struct NoVariables {}
    Operation::new(
        name,
        OperationKind::Query,
        document,
        &NoVariables {},
        Box::new(move |data| {
            let Field(page) = decode_data::<Field<Option<ItemsData<T>>>>(name, data)?;
            let items: Vec<T> = page
                .and_then(|p| p.items)
                .unwrap_or_default()
                .into_iter()
                .flatten()
                .collect();
            to_json(&items)
        }),
    )
}

/// A page as the API sends it.
#[derive(Deserialize)]
#[serde(bound = "T: Deserialize<'de>")]
struct PageData<T> {
    first: Option<i32>,
    after: Option<String>,
    items: Option<Vec<Option<T>>>,
}

/// The items of an unpaged list as the API sends them.
#[derive(Deserialize)]
#[serde(bound = "T: Deserialize<'de>")]
struct ItemsData<T> {
    items: Option<Vec<Option<T>>>,
}

fn check_expanded<T: Resource>(at: &str, item: &T, expand: &[T::Expand]) -> Result<()> {
    match item.missing_expand(expand) {
        Some(field) => Err(Error::invalid_response(format!(
            "{at}.{field}: missing although it was expanded"
        ))),
        None => Ok(()),
    }
}

/// The caller's result as JSON text.
pub fn to_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(Error::invalid_response)
}
