//! The data set: its file format, loading, validation and the indexed form the explorer reads.
pub mod diag;
pub mod fast;
pub mod load;
pub mod locate;
pub mod model;
pub mod schema;
pub mod validate;

pub use diag::{Diagnostic, Severity};
pub use load::{
    EMBEDDED_NAME, LoadError, Loaded, load_bytes, load_embedded, load_path, load_str, reload_path,
};
pub use model::{Catalog, Entry, Fact, NodeIx, Org, OrgIx};
pub use schema::{Kind, Text};
