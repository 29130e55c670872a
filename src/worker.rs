//! The measuring worker (placeholder while it is written).
pub fn start() {}
