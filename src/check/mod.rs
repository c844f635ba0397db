//! TEMPORARY stub (replaced by the checker branch).
use crate::error::{Error, Result};
use crate::model::Answer;
/// Stub.
pub fn read_answer(
    _: &Answer,
    _: &[&str],
    _: i64,
    _: u16,
    _: Option<String>,
    _: &[u8],
) -> Result<String> {
    Err(Error::invalid_response("stub"))
}
