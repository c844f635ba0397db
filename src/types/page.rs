//! `Page<T>`: one page of a list.

use serde::Serialize;
use tsify::Tsify;

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

/// The order of a list, by creation time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, Serialize, Tsify)]
pub enum SortDirection {
    /// Oldest first.
    ASC,
    /// Newest first (the default).
    #[default]
    DESC,
}

/// Smallest and largest page size a list accepts.
pub const PAGE_LIMITS: std::ops::RangeInclusive<u32> = 1..=1000;
/// Page size when none is given (as in Move's Python SDK).
pub const DEFAULT_PAGE_LIMIT: u32 = 10;
