#!/usr/bin/env python3
"""Formats the rows bench/run measured as Markdown tables, with the issue 5 targets.

A row holds the best time, the peak RSS, the KB its best run read from disk (a run over
files in the page cache reads nothing; bench/run keeps one that read from disk only when
every run did, and the table marks it) and the processor time of its best run, in the
command and in the system ("-" in rows without it). A time of `>N` (timeout) is a lower
bound: a target it already misses is reported as missed. An optional second file holds
ratios timed in turn (`bench/run --in-turn N`): size, target, limit and the ratio of each
round, then how many rounds were timed again because a run read from disk and how many
still did, tab-separated; each target's median and range are given beside the ratio of the
best times.
"""

import statistics

import sys


def parse(text):
    """(seconds, is_lower_bound), or (None, False) for a failed command."""
    bound = text.startswith(">")
    try:
        return float(text.lstrip(">")), bound
    except ValueError:
        return None, False


def ratio_text(a, b):
    (x, xb), (y, yb) = a, b
    if x is None or not y or yb:
        return "-"
    return f"{'>' if xb else ''}{x / y:.1f}"


def target(label, a, b, limit):
    """`a / b <= limit`, where a may be a lower bound; None when it cannot be decided."""
    (x, xb), (y, yb) = a, b
    if x is None or not y or yb:
        return None
    r = x / y
    if xb and r <= limit:
        return None
    return (f"{label}: {'>' if xb else ''}{r:.1f} ×", r <= limit and not xb)


def in_turn(path):
    """{size: [(label, limit, ratios)]} from the file of ratios timed in turn."""
    out = {}
    if not path:
        return out
    for line in open(path, encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if len(fields) >= 4 and fields[3].strip():
            ratios = [float(r) for r in fields[3].split()]
            again, from_disk = (int(f) for f in (fields[4:6] + ["0", "0"])[:2])
            out.setdefault(fields[0], []).append(
                (fields[1], float(fields[2]), ratios, again, from_disk))
    return out


def cpu_text(user, system):
    """Processor time as "USER + SYSTEM" seconds, or "-" when it was not measured."""
    try:
        return f"{float(user):.2f} + {float(system):.2f}"
    except ValueError:
        return "-"


def row(line):
    """size, bytes, files, pack, command, seconds, RSS KB, disk KB, user s, system s."""
    fields = line.rstrip("\n").split("\t")
    measured = fields[5].split() if len(fields) > 5 else []
    defaults = ["", "0", "0", "-", "-"]
    return fields[:5] + measured[:5] + defaults[len(measured[:5]):]


def main(path, turns_path=None):
    turns = in_turn(turns_path)
    rows = []
    for line in open(path, encoding="utf-8"):
        if line.strip():
            rows.append(row(line))
    sizes = []
    for r in rows:
        if r[0] not in sizes:
            sizes.append(r[0])
    per_mb = {}
    for size in sizes:
        group = [r for r in rows if r[0] == size]
        mb = int(group[0][1]) / 1e6
        floor = next((parse(r[5]) for r in group if r[3] == "-"), (None, False))
        print(f"\n### {size}: {mb:.0f} MB in {int(group[0][2]):,} files\n")
        print("| command | rules | seconds | MB/s | processor s (user + system) "
              "| peak RSS (MB) | × floor |")
        print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
        t, rss_of = {}, {}
        read_from_disk = []
        for _, _, _, pack, what, secs, rss, disk, user, system in group:
            s = parse(secs)
            key = (pack, what.split(" (")[0])
            t[key] = s
            rss_mb = int(rss) / 1024 if rss.isdigit() and int(rss) else None
            rss_of[key] = rss_mb
            speed = "-"
            if s[0]:
                v = mb / s[0]
                speed = f"{'<' if s[1] else ''}{v:.{1 if v < 10 else 0}f}"
            mem = f"{rss_mb:.0f}" if rss_mb else "-"
            shown = secs
            if disk.isdigit() and int(disk):
                shown += " *"
                read_from_disk.append((what, pack, int(disk) / 1024))
            print(f"| {what} | {pack} | {shown} | {speed} | {cpu_text(user, system)} | {mem} "
                  f"| {ratio_text(s, floor)} |")
        for what, pack, mb_read in read_from_disk:
            print(f"\n\\* {what} ({pack} rules): the time includes reading "
                  f"{mb_read:.{1 if mb_read < 10 else 0}f} MB from disk, not only from the page "
                  "cache")
        facts = t.get(("shipped", "newslint facts only"))
        full = t.get(("shipped", "newslint all checks"))
        each = t.get(("shipped", "rg each pattern"))
        checks = []
        if facts:
            checks.append(target("shipped rules, facts only ≤ 2 × floor", facts, floor, 2))
        if full:
            checks.append(target("shipped rules, all checks ≤ 4 × floor", full, floor, 4))
        if facts and full and each:
            checks.append(target("shipped rules, facts only < rg each pattern", facts, each, 0.999))
            checks.append(target("shipped rules, all checks < rg each pattern", full, each, 0.999))
        ten = t.get(("10", "newslint facts only"))
        many = t.get(("300", "newslint facts only"))
        if ten and many:
            checks.append(target("300 rules ≤ 1.5 × 10 rules, facts only", many, ten, 1.5))
        for what in ("newslint facts only", "newslint all checks"):
            rss = rss_of.get(("shipped", what))
            if rss:
                checks.append((f"peak RSS ≤ 256 MB, shipped rules, {what[9:]}: {rss:.0f} MB",
                               rss <= 256))
        if facts and facts[0] and not facts[1]:
            per_mb[size] = facts[0] / mb
        checks = [c for c in checks if c]
        for label, limit, ratios, again, from_disk in turns.get(size, []):
            median = statistics.median(ratios)
            text = (f"{label}, {len(ratios)} rounds in turn: median {median:.2f} × "
                    f"({min(ratios):.2f}–{max(ratios):.2f})")
            if again:
                text += f"; {again} timed again after a run read from disk"
            if from_disk:
                text += f"; {from_disk} with a run that still read from disk"
            checks.append((text, median <= limit))
        if checks:
            print(f"\nTargets at {size}:\n")
            for text, ok in checks:
                print(f"- {'met' if ok else 'NOT met'}: {text}")
    if "100M" in per_mb and "1G" in per_mb:
        drift = per_mb["1G"] / per_mb["100M"] - 1
        print(f"\nTime per MB at 1G vs 100M (shipped, facts only): {drift:+.0%} "
              f"({'met' if abs(drift) <= 0.25 else 'NOT met'}: within 25%)")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
