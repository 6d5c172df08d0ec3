#!/usr/bin/env bash
# The steps of the newslint GitHub Action (action.yml), kept here so they can be tested.
#
# Inputs (environment):
#   NEWSLINT_CORPUS         paths of the corpus, one per line or space-separated (default: .)
#   NEWSLINT_RULES          rule files or folders, same format (default: newslint's lookup)
#   NEWSLINT_DRAFTS         drafts to check (default: .md/.txt files the pull request adds
#                           or modifies)
#   NEWSLINT_CHANGED_FILES  a file listing changed paths, one per line (instead of git diff)
#   NEWSLINT_BASE           the base ref to diff against (default: origin/$GITHUB_BASE_REF)
#   NEWSLINT_FAIL_ON        error | warning | never (default: error)
#   NEWSLINT_SARIF          where to write the SARIF report (default: newslint.sarif)
#   NEWSLINT_AS_OF          date for undated drafts (default: today, UTC)
#   NEWSLINT_BIN            the newslint binary (default: newslint on PATH)
# GitHub provides GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT.
set -euo pipefail

bin="${NEWSLINT_BIN:-newslint}"
fail_on="${NEWSLINT_FAIL_ON:-error}"
sarif="${NEWSLINT_SARIF:-newslint.sarif}"
as_of="${NEWSLINT_AS_OF:-$(date -u +%Y-%m-%d)}"
summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
output="${GITHUB_OUTPUT:-/dev/null}"

case "$fail_on" in
  error|warning|never) ;;
  *) echo "::error title=newslint::fail-on must be error, warning or never, not '$fail_on'"; exit 2 ;;
esac

cd "${GITHUB_WORKSPACE:-.}"

# Word lists from inputs (newlines or spaces); paths with spaces must be given one per line.
split() { printf '%s\n' "$1" | tr -s ' \t' '\n\n' | sed '/^$/d'; }
if printf '%s' "${NEWSLINT_CORPUS:-.}" | grep -q $'\n'; then
  mapfile -t corpus < <(printf '%s\n' "${NEWSLINT_CORPUS}" | sed '/^[[:space:]]*$/d')
else
  mapfile -t corpus < <(split "${NEWSLINT_CORPUS:-.}")
fi
rules_args=()
if [ -n "${NEWSLINT_RULES:-}" ]; then
  while IFS= read -r r; do rules_args+=(--rules "$r"); done < <(split "$NEWSLINT_RULES")
fi

# The drafts: given, or the added/modified .md and .txt files of the pull request.
if [ -n "${NEWSLINT_DRAFTS:-}" ]; then
  mapfile -t candidates < <(split "$NEWSLINT_DRAFTS")
elif [ -n "${NEWSLINT_CHANGED_FILES:-}" ]; then
  mapfile -t candidates < "$NEWSLINT_CHANGED_FILES"
else
  base="${NEWSLINT_BASE:-origin/${GITHUB_BASE_REF:-main}}"
  mapfile -t candidates < <(git diff --name-only --diff-filter=AM "$base...HEAD" 2>/dev/null || true)
fi
drafts=()
for f in "${candidates[@]}"; do
  case "$f" in
    *.md|*.txt|*.markdown) [ -f "$f" ] && drafts+=("$f") ;;
  esac
done

echo "sarif=$sarif" >> "$output"
if [ "${#drafts[@]}" -eq 0 ]; then
  echo "newslint: no changed drafts (.md, .txt) to check"
  printf '## newslint\n\nNo changed drafts to check.\n' >> "$summary"
  printf 'errors=0\nwarnings=0\nfindings=0\n' >> "$output"
  exit 0
fi
echo "newslint: checking ${#drafts[@]} draft(s) against: ${corpus[*]}"

common=("${rules_args[@]}" --as-of "$as_of" --drafts "${drafts[@]}" -- "${corpus[@]}")

# Annotations in the log (newslint escapes article text in workflow commands).
status=0
"$bin" --format github "${common[@]}" || status=$?
if [ "$status" -ge 2 ]; then
  echo "::error title=newslint::newslint could not read an input or a rule file (exit $status)"
fi

# Everything in SARIF; counts from JSON; the table in the job summary.
"$bin" --format sarif --output "$sarif" "${common[@]}" || true
json="$(mktemp)"
"$bin" --format json --output "$json" "${common[@]}" || true
"$bin" --format markdown "${common[@]}" >> "$summary" || true

count() { sed -n "s/^ *\"$1\": \([0-9][0-9]*\),\{0,1\}$/\1/p" "$json" | tail -n 1; }
errors="$(count errors)"
warnings="$(count warnings)"
findings="$(count findings)"
rm -f "$json"
printf 'errors=%s\nwarnings=%s\nfindings=%s\n' "${errors:-0}" "${warnings:-0}" "${findings:-0}" >> "$output"

if [ "$status" -ge 2 ]; then exit "$status"; fi
case "$fail_on" in
  error) [ "${errors:-0}" -eq 0 ] ;;
  warning) [ "$(( ${errors:-0} + ${warnings:-0} ))" -eq 0 ] ;;
  never) true ;;
esac
