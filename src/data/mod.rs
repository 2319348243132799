//! The data set: its file format, the one reader that checks it, and the indexed form the
//! explorer reads.
pub mod diag;
pub(crate) mod halves;
pub mod load;
pub mod model;
pub mod read;
pub mod schema;

pub use diag::{Diagnostic, Pos, Severity};
pub use load::{
    EMBEDDED_NAME, LoadError, Loaded, STDIN_NAME, check_path, is_stdin, load_bytes, load_embedded,
    load_path, load_str, reload_path,
};
pub use model::{Catalog, Entry, Fact, NodeIx, Org, OrgIx};
pub use schema::{Kind, Localized, Text};
