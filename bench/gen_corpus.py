#!/usr/bin/env python3
"""Writes a seeded corpus of synthetic news articles, or replicates a folder of real ones.

Synthetic: gen_corpus.py OUT --size 100M [--seed S] [--rules 300] [--jobs 2]
                         [--density stress|news]
  Articles of trade and politics coverage: a date in YAML front matter (.md) or a leading
  ` date YYYY-MM-DD` token (.txt), a headline, paragraphs with titled names, quotations with
  attributions (a fifth of them the quotation of the article's story, which the ten or so
  articles on it repeat, now and then with a word dropped), numbers, percentages, ordinals
  and dates, and claims of the facts that
  gen_rules.py writes (the first --rules of its universe). About 4% of claims state a value
  other than the fact's true one, so the fact checks have contradictions to find.
  Article i is generated from its own seed, so output does not depend on --jobs.
  The default density (stress) is a hard test: per MiB, about 13 times the titled names of
  the real-news sample, 5 times its "per cent", twice its quotation marks, and one to five
  claims an article. --density news writes plain sentences in between and fewer claims
  (none to two an article), so that titled names, "per cent", spelling variants and
  quotation marks come about as often per MiB as in that sample (see NEWS_KINDS).

Replicate: gen_corpus.py OUT --size 1G --replicate DIR
  Copies the .txt/.md files of DIR round-robin under new names until the size is reached.
"""

import argparse
import os
import random
import shutil
import sys
from multiprocessing import Pool

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_rules as G  # noqa: E402

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
SHORT = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
         "Nov.", "Dec."]
ORD = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
       "ninth", "10th", "11th", "12th"]
CARD = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "10",
        "11", "12"]
VERBS = ["said", "told reporters", "said in a statement", "told a news conference",
         "wrote on social media", "said in an interview", "told the committee"]
SUBJECTS = ["Negotiators", "Business groups", "Union leaders", "Opposition critics",
            "Analysts", "Economists", "Provincial officials", "Industry executives",
            "Farm groups", "Exporters", "Diplomats", "Trade lawyers"]
ACTIONS = ["warned that the dispute could drag on for months",
           "called for a faster response from the federal government",
           "said the measures would hit small manufacturers hardest",
           "urged both sides to return to the table",
           "pointed to rising costs at the border",
           "said the retaliation plan was still under review",
           "expect talks to resume after the summer",
           "raised concerns about supply chains that cross the border several times",
           "described the latest offer as a step in the right direction",
           "questioned whether the exemptions would survive the next round"]
QUOTES = ["We are not going to negotiate in public",
          "Every option remains on the table",
          "This is about protecting workers on both sides of the border",
          "We will take the time we need to get the right deal",
          "Nobody wins a trade war, and everybody knows it",
          "Our priority is certainty for the people who build things here",
          "The door is open, but the terms have to be fair",
          "We have been clear about our red lines from the start",
          "These talks are difficult, and they should be",
          "The numbers speak for themselves"]
HEAD = ["{c} braces for new round of {g} tariffs", "Talks with {k} stall over {g}",
        "{t} {s} heads to {c} as deadline nears", "Jobs at risk as {g} exports slow",
        "Provinces push Ottawa on {g} relief", "{k} signals flexibility on {g} quotas"]


def ordinal_day(d):
    return str(d)


def surface(r, ty, v, slot):
    """A way a reporter would write value v of type ty."""
    if slot == "v":
        return r.choice([f"{v}%", f"{v} per cent", f"{v} percent"])
    if slot == "o":
        return r.choice([ORD[v], ORD[v], f"{v}{'rd' if v == 3 else 'nd' if v == 2 else 'th'}"])
    if slot == "c":
        return r.choice([CARD[v], str(v)])
    if slot == "m":
        amount = v  # millions
        return r.choice([f"${amount} million", f"C${amount} million",
                         f"${amount / 1000:g} billion" if amount >= 1000 else f"${amount}M"])
    if slot == "y":
        return str(v)
    if slot == "n":
        return r.choice([f"{v:,}", str(v), f"about {v:,}"])
    if slot == "mo":
        y, m = v
        return r.choice([f"{MONTHS[m - 1]} {y}", f"{MONTHS[m - 1]}, {y}", f"late {MONTHS[m - 1]} {y}"])
    if slot == "d":
        y, m, d = v
        return r.choice([f"{MONTHS[m - 1]} {d}", f"{SHORT[m - 1]} {d}", f"{MONTHS[m - 1]} {d}, {y}"])
    raise ValueError(slot)


def other_value(r, ty, v):
    if ty == "month":
        return (v[0], v[1] % 12 + 1)
    if ty == "date":
        return (v[0], v[1], v[2] % 28 + 1)
    if ty == "count":
        return max(2, min(12, v + r.choice([-1, 1])))
    if ty == "year":
        return v + 1
    return v + r.choice([-1, 1]) * max(1, v // 5)


def claim_sentence(r, rule):
    template = r.choice(rule["claims"])
    v = rule["truth"]
    if r.random() < 0.04:
        v = other_value(r, rule["ty"], v)
    for slot in ("mo", "v", "o", "c", "m", "y", "n", "d"):
        token = "{" + slot + "}"
        if token in template:
            return template.replace(token, surface(r, rule["ty"], v, slot))
    return template


def person(r):
    """A titled name; each person keeps one title, except in about 1% of mentions."""
    i = r.randrange(80)
    title = G.TITLES[i % 10] if r.random() > 0.01 else r.choice(G.TITLES)
    return f"{title} {G.FIRST[i % 25]} {G.SURNAMES[(i * 7 + i // 25) % 25]}"


VOCAB = sorted({w.strip(",.").lower() for text in QUOTES + ACTIONS + G.GOODS + G.PLACES
                 for w in text.split()} | {"we", "they", "will", "not", "our", "the", "a",
                                           "is", "are", "that", "this", "for", "and", "but"})


def fresh_quote(r):
    """A quotation of 8 to 18 words: unique text, so only planted repeats can be compared."""
    words = [r.choice(VOCAB) for _ in range(r.randrange(8, 19))]
    return words[0].capitalize() + " " + " ".join(words[1:])


# Articles on one story: about this many, whatever the size of the corpus (see `story`).
STORY_ARTICLES = 10
# The share of a story's quotations that drop a word: the altered quotations the quotes
# check reports.
ALTERED = 0.005


def story(index, topic, topics):
    """The story article `index` covers: one of the articles on `topic` among the
    STORY_ARTICLES * `topics` articles around it, so a story's quotation is repeated by about
    STORY_ARTICLES articles, as a wire story is, at any corpus size. (A story per topic had
    each quotation repeated by thousands of articles at 1 GB, which the quotes check
    rightly ignores as boilerplate: its altered renderings were never compared.)"""
    return (index // (STORY_ARTICLES * topics)) * topics + topic


def quotation(r, story):
    """Mostly a fresh quotation; one in five is the story's own quote, which other articles
    on the story repeat (as wire copy does), rarely with a word dropped."""
    if r.random() < 0.8:
        return fresh_quote(r)
    q = fresh_quote(random.Random(story))
    if r.random() < ALTERED:
        words = q.split()
        del words[r.randrange(1, len(words))]
        q = " ".join(words)
    return q


# --density news: how often each kind of sentence below is written (kinds 0 to 7, then the
# plain ones), so that what the built-in checks read comes about as often per MiB as in the
# real-news sample (counted with rg, as in docs/performance.md): titled names, "per cent"
# and "percent", and quotation marks. The default (stress) draws kinds 0 to 7 alike, which
# is several times as dense.
NEWS_KINDS = [3, 90, 120, 15, 3, 20, 20, 80, 220, 30, 220, 220]
PLAIN = ["Shipments through {city} slowed in {month} as {who} waited for clarity on the rules",
         "{company} said it would review its plans for {place} once the rules were final",
         "Officials in {city} declined to say when a decision would come",
         "The ministry did not respond to a request for comment on {day}"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def filler(r, year, story, news=False):
    kind = r.choices(range(len(NEWS_KINDS)), NEWS_KINDS)[0] if news else r.randrange(8)
    if kind >= 8:
        return PLAIN[kind - 8].format(city=r.choice(G.CITIES), month=r.choice(MONTHS),
                                      who=r.choice(SUBJECTS).lower(),
                                      company=r.choice(G.COMPANIES), place=r.choice(G.PLACES),
                                      day=r.choice(DAYS)) + "."
    if kind == 0:
        return f"\u201c{quotation(r, story)},\u201d {person(r)} {r.choice(VERBS)}."
    if kind == 1:
        return f"\"{quotation(r, story)},\" {r.choice(G.SURNAMES)} {r.choice(VERBS)} on {r.choice(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}."
    if kind == 2:
        return f"{r.choice(SUBJECTS)} {r.choice(ACTIONS)}."
    if kind == 3:
        return (f"Exports of {r.choice(G.GOODS)} to {r.choice(G.COUNTRIES)} fell "
                f"{r.randrange(2, 40)} per cent in the {ORD[r.randrange(1, 5)]} quarter, "
                f"to ${r.randrange(1, 90) / 10:g} billion.")
    if kind == 4:
        m = r.randrange(12)
        return (f"{person(r)} is scheduled to travel to {r.choice(G.CITIES)} on "
                f"{MONTHS[m]} {r.randrange(1, 29)} for the {ORD[r.randrange(2, 10)]} "
                f"meeting of the joint working group.")
    if kind == 5:
        return (f"About {r.randrange(2, 900) * 10:,} workers in {r.choice(G.PLACES)} depend on "
                f"{r.choice(G.GOODS)}, according to a {year - 1} industry survey.")
    if kind == 6:
        return (f"{r.choice(G.COMPANIES)} shares rose {r.randrange(1, 9)}.{r.randrange(10)}% "
                f"after {r.choice(G.SURNAMES)} spoke.")
    return (f"The {r.choice(G.METRICS)} has moved by {r.randrange(1, 30) / 10:g} points since "
            f"{r.choice(MONTHS)} {year - 1}, {r.choice(SUBJECTS).lower()} noted.")


def article(seed, index, rules, news=False):
    r = random.Random(seed * 1_000_003 + index)
    year = r.choice([2025, 2025, 2026])
    date = f"{year}-{r.randrange(1, 13):02d}-{r.randrange(1, 29):02d}"
    # Each article covers a few facts, mostly from one neighbourhood of the universe.
    topic = r.randrange(len(rules))
    covered = story(index, topic, len(rules))
    # A news article claims fewer of the facts a desk follows: at news density, none to two.
    claimed = r.randrange(0, 3) if news else r.randrange(1, 6)
    facts = [rules[(topic + r.randrange(12)) % len(rules)] for _ in range(claimed)]
    headline = r.choice(HEAD).format(c=r.choice(G.CITIES), g=r.choice(G.GOODS),
                                     k=r.choice(G.COUNTRIES), t=r.choice(G.TITLES),
                                     s=r.choice(G.SURNAMES))
    paragraphs = []
    target = int(r.lognormvariate(7.6, 0.5))  # median about 2 KB
    size = 0
    while size < target or facts:
        sentences = [filler(r, year, covered, news) for _ in range(r.randrange(1, 4))]
        if facts and r.random() < 0.5:
            sentences.insert(r.randrange(len(sentences) + 1), claim_sentence(r, facts.pop()))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph)
    body = "\n\n".join(paragraphs)
    if r.random() < 0.5:
        name = f"{index:07d}.md"
        text = f"---\ntitle: \"{headline}\"\ndate: {date}\n---\n\n# {headline}\n\n{body}\n"
    else:
        name = f"{index:07d}.txt"
        text = f" date {date} {headline}. {body}\n"
    return name, text


def parse_size(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    text = text.strip().upper().rstrip("B")
    if text and text[-1] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


def write_chunk(job):
    out, seed, start, count, nrules, news = job
    rules = G.universe(1, nrules)
    written = 0
    for i in range(start, start + count):
        name, text = article(seed, i, rules, news)
        folder = os.path.join(out, f"{i // 1000:04d}")
        os.makedirs(folder, exist_ok=True)
        data = text.encode("utf-8")
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
        written += len(data)
    return written


def synthetic(out, size, seed, nrules, jobs, news):
    # Articles average about 2.4 KB; write in chunks until the size is reached.
    chunk, index, total = 2000, 0, 0
    with Pool(jobs) as pool:
        while total < size:
            need = max(1, int((size - total) / 2400))
            batches = [(out, seed, index + k * chunk, chunk, nrules, news)
                       for k in range(max(1, min(jobs * 4, need // chunk)))]
            if need < chunk:
                batches = [(out, seed, index, need, nrules, news)]
            for written in pool.imap(write_chunk, batches):
                total += written
            index = batches[-1][2] + batches[-1][3]
    return index, total


def replicate(out, size, source):
    files = []
    for root, _, names in os.walk(source):
        files += [os.path.join(root, n) for n in names if n.endswith((".txt", ".md"))]
    files.sort()
    if not files:
        sys.exit(f"error: no .txt or .md files under {source}")
    index, total = 0, 0
    while total < size:
        src = files[index % len(files)]
        ext = os.path.splitext(src)[1]
        folder = os.path.join(out, f"{index // 1000:04d}")
        os.makedirs(folder, exist_ok=True)
        shutil.copyfile(src, os.path.join(folder, f"{index:07d}{ext}"))
        total += os.path.getsize(src)
        index += 1
    return index, total


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--size", default="10M", help="10M, 100M, 1G, or bytes")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rules", type=int, default=300, help="claims come from this many rules")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--replicate", metavar="DIR")
    ap.add_argument("--density", choices=["stress", "news"], default="stress",
                    help="news: titled names, percentages, quotations and claims about as "
                         "often as in real news")
    args = ap.parse_args()
    if os.path.exists(args.out) and os.listdir(args.out):
        sys.exit(f"error: {args.out} exists and is not empty")
    os.makedirs(args.out, exist_ok=True)
    size = parse_size(args.size)
    if args.replicate:
        n, total = replicate(args.out, size, args.replicate)
    else:
        n, total = synthetic(args.out, size, args.seed, args.rules, args.jobs,
                             args.density == "news")
    print(f"{args.out}: {n} articles, {total / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
