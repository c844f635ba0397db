//! The GraphQL documents of the files service.

use crate::ops::Resource;
use crate::types::{Client, File};

use super::params::FileExpand;

impl Resource for File {
    type Expand = FileExpand;

    fn selection(expand: &[FileExpand]) -> String {
        let mut s = String::from(File::SELECTION);
        if expand.contains(&FileExpand::Client) {
            s.push_str(&format!(" client {{ {} }}", Client::SELECTION));
        }
        s
    }

    fn missing_expand(&self, expand: &[FileExpand]) -> Option<&'static str> {
        (expand.contains(&FileExpand::Client) && self.client.is_none()).then_some("client")
    }
}

/// `createFile`.
pub fn create_file(expand: &[FileExpand]) -> String {
    format!(
        "mutation createFile($type: String!, $name: String, $metadata: AWSJSON) {{ \
         createFile(type: $type, name: $name, metadata: $metadata) {{ {} }} }}",
        File::selection(expand)
    )
}

/// `generateShareCode`.
pub fn generate_share_code() -> String {
    format!(
        "mutation generateShareCode($fileId: String!) {{ generateShareCode(fileId: $fileId) {{ {} }} }}",
        crate::types::ShareCode::SELECTION
    )
}
