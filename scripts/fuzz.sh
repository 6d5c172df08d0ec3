#!/usr/bin/env bash
# Runs every fuzz target for a bounded time on the stable toolchain (`-s none`: no
# sanitizer, so no nightly is needed). Crashes land in fuzz/artifacts/TARGET/; copy each into
# tests/fuzz-regressions/TARGET/ once fixed, where the test suite replays it
# (tests/fuzz_regressions.rs).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"
shift || true
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  targets=(rules_load article_load values_normalize corpus_check)
fi
# Writes the files after $1 into $1 as one corpus input: articles apart at a 0xFF byte.
join_articles() {
  local out="$1" sep=""
  shift
  : >"$out"
  for f in "$@"; do
    printf "$sep" >>"$out"
    cat "$f" >>"$out"
    sep='\377'
  done
}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  # Seed each corpus with the project's own inputs.
  case "$t" in
    rules_load) cp rules/*.yaml bench/accuracy/*.yaml "fuzz/corpus/$t/" ;;
    article_load) cp seeds/* tests/fixtures/drafts/* "fuzz/corpus/$t/" ;;
    corpus_check)
      join_articles "fuzz/corpus/$t/seeds" seeds/*
      join_articles "fuzz/corpus/$t/consistent" tests/fixtures/consistent/*
      for d in tests/fixtures/checks/*/; do join_articles "fuzz/corpus/$t/$(basename "$d")" "$d"*.md; done
      for f in tests/fixtures/drafts/*; do join_articles "fuzz/corpus/$t/draft-$(basename "$f")" seeds/* "$f"; done ;;
    values_normalize) grep -v '^#' tests/normalize.tsv | cut -f3 | sed 's/\[\[//; s/\]\]//' | split -l 1 - "fuzz/corpus/$t/case-" ;;
  esac
  echo "== $t: ${secs}s"
  (cd fuzz && cargo fuzz run "$t" -s none -- -max_total_time="$secs" -rss_limit_mb=2048 2>&1 | tail -n 12)
done
