#!/usr/bin/env python3
"""Formats the rows bench/run measured as Markdown tables, with the issue 5 targets."""

import sys


def num(text):
    try:
        return float(text)
    except ValueError:
        return None


def main(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        if line.strip():
            fields = line.rstrip("\n").split("\t")
            rows.append(fields[:5] + (fields[5].split() + ["0"])[:2])
    sizes = []
    for r in rows:
        if r[0] not in sizes:
            sizes.append(r[0])
    per_mb = {}
    for size in sizes:
        group = [r for r in rows if r[0] == size]
        mb = int(group[0][1]) / 1e6
        floor = next((num(r[5]) for r in group if r[3] == "-"), None)
        print(f"\n### {size}: {mb:.0f} MB in {int(group[0][2]):,} files\n")
        print("| command | rules | seconds | MB/s | peak RSS (MB) | × floor |")
        print("| --- | --- | ---: | ---: | ---: | ---: |")
        t = {}
        for _, _, _, pack, what, secs, rss in group:
            s = num(secs)
            t[(pack, what.split(" (")[0])] = (s, int(rss) / 1024 if rss.isdigit() else None)
            speed = f"{mb / s:.0f}" if s else "-"
            ratio = f"{s / floor:.1f}" if s and floor else "-"
            mem = f"{int(rss) / 1024:.0f}" if rss.isdigit() and int(rss) else "-"
            print(f"| {what} | {pack} | {secs} | {speed} | {mem} | {ratio} |")
        checks = []
        facts = t.get(("shipped", "newslint facts only"))
        full = t.get(("shipped", "newslint all checks"))
        each = t.get(("shipped", "rg each pattern"))
        if facts and facts[0] and floor:
            checks.append((f"shipped rules, facts only ≤ 2 × floor: {facts[0] / floor:.1f} ×",
                           facts[0] <= 2 * floor))
        if full and full[0] and floor:
            checks.append((f"shipped rules, all checks ≤ 4 × floor: {full[0] / floor:.1f} ×",
                           full[0] <= 4 * floor))
        if facts and full and each and each[0]:
            checks.append(("shipped rules: both faster than rg with each pattern separately",
                           facts[0] < each[0] and full[0] < each[0]))
        ten = t.get(("10", "newslint facts only"))
        many = t.get(("300", "newslint facts only"))
        if ten and many and ten[0] and many[0]:
            checks.append((f"300 rules ≤ 1.5 × 10 rules (facts only): {many[0] / ten[0]:.1f} ×",
                           many[0] <= 1.5 * ten[0]))
        peak = max((v[1] for k, v in t.items() if k[1].startswith("newslint") and v[1]),
                   default=None)
        if peak is not None:
            checks.append((f"newslint peak RSS ≤ 256 MB: {peak:.0f} MB", peak <= 256))
        if facts and facts[0]:
            per_mb[size] = facts[0] / mb
        if checks:
            print(f"\nTargets at {size}:\n")
            for text, ok in checks:
                print(f"- {'met' if ok else 'NOT met'}: {text}")
    if "100M" in per_mb and "1G" in per_mb:
        drift = per_mb["1G"] / per_mb["100M"] - 1
        print(f"\nTime per MB at 1G vs 100M (shipped, facts only): {drift:+.0%} "
              f"({'met' if abs(drift) <= 0.25 else 'NOT met'}: within 25%)")


if __name__ == "__main__":
    main(sys.argv[1])
