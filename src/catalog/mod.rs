//! The assistance catalog: its model, where its files come from, and how they are checked.
//!
//! Nothing here knows about terminals or the command line; callers get a [`Catalog`] or the
//! full list of problems.

pub mod lint;
pub mod load;
pub mod model;
pub mod source;
pub mod synthetic;

pub use load::load;
pub use model::{Catalog, Item, Provider, ProviderKind};
pub use source::Source;
