//! The machine formats and the baseline file write findings, and the fact sheet its rows, a
//! batch at a time: what they hold while writing does not grow with how many there are (on
//! an archive, a SARIF log built whole took gigabytes). Told by counting what is allocated, in a process of its
//! own: the allocator is the whole program's, so no other test may run beside.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use newslint::claims_output::{ClaimsFormat, Sheet, write};
use newslint::finding::Finding;
use newslint::render::{Format, Report, renderer};
use newslint::run::{Options, check, load};

/// The system allocator, counting the bytes held now and the most held since last reset.
struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = NOW.fetch_add(by, Ordering::SeqCst) + by;
    PEAK.fetch_max(now, Ordering::SeqCst);
}

// SAFETY: every call goes to the system allocator as it came; only counts are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        NOW.fetch_sub(layout.size(), Ordering::SeqCst);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            NOW.fetch_sub(layout.size(), Ordering::SeqCst);
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most bytes `f` held at once beyond what was held before it.
fn peak_of(f: impl FnOnce()) -> usize {
    let before = NOW.load(Ordering::SeqCst);
    PEAK.store(before, Ordering::SeqCst);
    f();
    PEAK.load(Ordering::SeqCst) - before
}

#[test]
fn machine_formats_hold_one_batch_whatever_the_count() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let options = Options {
        paths: vec![root.join("seeds"), root.join("tests/fixtures/drafts")],
        rules: vec![root.join("rules")],
        ..Default::default()
    };
    let outcome = check(&options);
    let report = outcome.report();
    assert!(outcome.findings.len() > 10);
    // Each format, with findings repeated to a few thousand and to four times as many.
    let repeated =
        |n: usize| -> Vec<Finding> { outcome.findings.iter().cycle().take(n).cloned().collect() };
    let (few, many) = (repeated(6_000), repeated(24_000));
    for format in [Format::Json, Format::Sarif] {
        let peak = |findings: &[Finding]| {
            let report = Report { findings, ..report };
            peak_of(|| {
                renderer(format, false)
                    .render(&report, &mut std::io::sink())
                    .unwrap()
            })
        };
        let (a, b) = (peak(&few), peak(&many));
        assert!(
            b < a + a / 2,
            "{format:?}: {a} bytes for 6,000 findings, {b} for 24,000"
        );
    }
    // The baseline of those findings.
    let peak = |findings: &[Finding]| {
        peak_of(|| {
            newslint::suppress::write_baseline(&outcome.articles, findings, &mut std::io::sink())
                .unwrap()
        })
    };
    let (a, b) = (peak(&few), peak(&many));
    assert!(
        b < a + a / 2,
        "baseline: {a} bytes for 6,000 findings, {b} for 24,000"
    );
    // The fact sheet, with the claims repeated likewise.
    let loaded = load(&options);
    let claims = |n| -> Vec<_> { loaded.claims.iter().cycle().take(n).cloned().collect() };
    let (few, many) = (claims(10_000), claims(40_000));
    let peak = |claims: &[_]| {
        let sheet = Sheet::new(&loaded.articles, &loaded.rules.rules, claims);
        peak_of(|| write(&sheet, ClaimsFormat::Json, &mut std::io::sink()).unwrap())
    };
    let (a, b) = (peak(&few), peak(&many));
    assert!(
        b < a + a / 2,
        "claims: {a} bytes for 10,000, {b} for 40,000"
    );
}
