//! The page (placeholder while the UI is written).
pub fn start() {}
