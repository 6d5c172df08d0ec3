//! Giving freed memory back to the system between the stages of a run.
//!
//! An allocator keeps what a program frees for a while, to hand it out again: jemalloc
//! returns it over about ten seconds. A run over an archive frees the large tables of one
//! stage just before the next builds its own, so without a nudge the peak holds both. The
//! binary installs a function that makes its allocator return what is free now; the stages
//! call [`release`] where a large table was just let go (a few milliseconds each time).
//! Without one installed (the library on its own, the tests) it does nothing.

use std::sync::OnceLock;

static RELEASE: OnceLock<fn()> = OnceLock::new();

/// Sets the function [`release`] calls; only the first call takes effect.
pub fn install(release: fn()) {
    let _ = RELEASE.set(release);
}

/// Returns freed memory to the system, if the allocator was told how.
pub fn release() {
    if let Some(release) = RELEASE.get() {
        release();
    }
}
