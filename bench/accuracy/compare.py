#!/usr/bin/env python3
"""Compares two fact sheets of the same articles (`newslint claims --format csv`), as two
builds of newslint read them: how many claims changed value, appeared or went, a seeded
sample of the changes with the lines around each, and how many days written without a
year land 300 to 400 days from their article's date (read a year off, as a rule).

Usage: compare.py OLD.csv NEW.csv [--sample N] [--seed S]

With bench/accuracy/every-value.yaml (every date, month, amount, count and number, each a
claim), this is how the README's "Accuracy on real wire copy" measures a change to the value
grammars or to how relative dates are read.
"""

import argparse
import collections
import csv
import datetime
import random
import re
import signal
import sys

YEAR = re.compile(r"\b(?:1[89]|20|21)\d\d\b")


def load(path):
    """The claims of a fact sheet, by place (file, line, column) and fact."""
    with open(path, newline="", encoding="utf-8") as f:
        return {(r["path"], r["line"], r["column"], r["fact"]): r for r in csv.DictReader(f)}


def year_off(claims):
    """(days written without a year, those 300 to 400 days from the article's date)."""
    days = far = 0
    for r in claims.values():
        value, article = r["value"], r["article_date"]
        if r["type"] != "date" or len(value) != 10 or not article or YEAR.search(r["raw"]):
            continue
        try:
            gap = (datetime.date.fromisoformat(value) - datetime.date.fromisoformat(article)).days
        except ValueError:
            continue
        days += 1
        far += 300 <= abs(gap) <= 400
    return days, far


def context(path, line):
    """The line of a claim with the lines on either side, on one line."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().split("\n")
    except OSError:
        return "(file not found)"
    i = int(line) - 1
    return " ".join(part.strip() for part in lines[max(0, i - 1):i + 2])


def main():
    # Piped into `head`: stop quietly.
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--sample", type=int, default=20, help="changes to show (default 20)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    old, new = load(args.old), load(args.new)
    changed = sorted(k for k in old.keys() & new.keys() if old[k]["value"] != new[k]["value"])
    print(f"{len(old)} claims before, {len(new)} after: {len(changed)} changed, "
          f"{len(new.keys() - old.keys())} new, {len(old.keys() - new.keys())} gone")
    for what, keys, claims in (("changed", changed, old),
                               ("new", new.keys() - old.keys(), new),
                               ("gone", old.keys() - new.keys(), old)):
        if keys:
            by_fact = collections.Counter(claims[k]["fact"] for k in keys)
            print(f"{what}, by fact: " + ", ".join(f"{f} {n}" for f, n in sorted(by_fact.items())))
    for name, claims in (("before", old), ("after", new)):
        days, far = year_off(claims)
        print(f"{name}: of {days} days written without a year, {far} fall 300 to 400 days "
              f"from the article's date")
    sample = random.Random(args.seed).sample(changed, min(args.sample, len(changed)))
    for key in sample:
        a, b = old[key], new[key]
        print(f"\n{key[0]}:{key[1]} ({a['fact']}, article of {a['article_date'] or '?'}) "
              f"{a['raw']!r}: {a['value']} -> {b['value']}")
        print(f"    {context(key[0], key[1])[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
