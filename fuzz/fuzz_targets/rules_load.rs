//! Rule files are untrusted in a pull request: loading any text must not panic, and
//! running the examples of whatever loaded must not either.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let loaded = newslint::rules::load_str("fuzz.yaml", text);
        let _ = newslint::rules::examples::run(&loaded.rules);
    }
});
