//! The self-service kiosk: a resident answers a few plain questions and sees the help their
//! household may get.

pub mod judge;
pub mod questions;
pub mod results;
pub mod situation;
pub mod wizard;
