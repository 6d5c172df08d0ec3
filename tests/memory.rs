//! The memory hook on its own: a process of its own, so that no other test calls
//! `release` meanwhile.

use std::sync::atomic::{AtomicUsize, Ordering};

use newslint::memory::{install, release};

static CALLS: AtomicUsize = AtomicUsize::new(0);

#[test]
fn release_calls_what_was_installed_and_only_that() {
    release();
    assert_eq!(CALLS.load(Ordering::SeqCst), 0);
    install(|| {
        CALLS.fetch_add(1, Ordering::SeqCst);
    });
    // A second function does not replace the first.
    install(|| panic!("not installed"));
    release();
    release();
    assert_eq!(CALLS.load(Ordering::SeqCst), 2);
}
