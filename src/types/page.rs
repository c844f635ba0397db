//! `Page<T>`: one page of a list.

use serde::Serialize;
use tsify::Tsify;

use crate::enums::api_enum;

/// One page of a list. Pass `nextToken` back to get the next page.
#[derive(Debug, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// The page size the API applied.
    pub limit: u32,
    /// The cursor of the next page; `null` on the last page.
    pub next_token: Option<String>,
}

api_enum! {
    /// The order of a list, by creation time (any letter case on the way in).
    #[derive(Default)]
    #[allow(clippy::upper_case_acronyms)]
    pub enum SortDirection {
        /// Newest first (the default).
        #[default]
        DESC = "DESC",
        /// Oldest first.
        ASC = "ASC",
    }
}

/// Page size when none is given (as in Move's Python SDK). Nothing published
/// shows a maximum; GraphQL's `Int` bounds it at 2147483647.
pub const DEFAULT_PAGE_LIMIT: i64 = 10;
