//! The terminal interfaces: the staff screens and the self-service kiosk.
//!
//! Both share the terminal guard, the event channel and the theme; each keeps its own state,
//! key table and drawing. Domain calls (verdicts, search, export) go through the same modules
//! the command line uses.

pub mod events;
pub mod terminal;
pub mod theme;
