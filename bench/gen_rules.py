#!/usr/bin/env python3
"""Writes a seeded pack of N fact rules in newslint's YAML format.

The rules come from a fixed, seeded universe (see `universe()`): the pack of 10 is the first
10 rules of the pack of 100, which is the first 100 of the pack of 300, so packs of different
sizes can be timed on one corpus. gen_corpus.py writes claims of the same universe.

Usage: gen_rules.py N OUT.yaml [--seed S] [--knowledge]
  --knowledge  also give some facts a timeline or an expected value (needs newslint to read
               canonical values in rule files; bench/run decides).
"""

import argparse
import random
import re

ADJ = ["Canadian", "Mexican", "Chinese", "Japanese", "German", "Brazilian", "Indian", "Korean",
       "British", "French", "Italian", "Vietnamese", "Turkish", "Australian", "Argentine",
       "Chilean", "Swiss", "Dutch", "Swedish", "Polish", "Norwegian", "Spanish", "Thai",
       "Malaysian", "Colombian"]
GOODS = ["steel", "aluminum", "lumber", "copper", "autos", "dairy", "wheat", "canola",
         "potash", "solar panels", "semiconductors", "pharmaceuticals", "furniture", "seafood",
         "beef", "pork", "textiles", "fertilizer", "batteries", "wine", "cheese", "nickel",
         "uranium", "paper", "footwear"]
PLACES = ["Ontario", "Quebec", "Alberta", "British Columbia", "Manitoba", "Saskatchewan",
          "Nova Scotia", "New Brunswick", "Newfoundland", "Michigan", "Ohio", "Texas",
          "California", "Ontario's north", "Greater Toronto", "Montreal", "Calgary", "Winnipeg",
          "Halifax", "Vancouver", "Detroit", "Buffalo", "Windsor", "Hamilton", "Regina"]
METRICS = ["unemployment rate", "inflation rate", "rental vacancy rate", "poverty rate",
           "youth unemployment rate", "job vacancy rate", "homeownership rate"]
SURNAMES = ["Carvell", "Okafor", "Lindqvist", "Marchetti", "Tremblay", "Haddad", "Nakamura",
            "Ferreira", "Oyelaran", "Brennan", "Kowalczyk", "Desrosiers", "Whitford", "Abernethy",
            "Castellanos", "Rourke", "Vasquez", "Halloran", "Ivanova", "Thibodeau", "Mbeki",
            "Sorensen", "Achebe", "Lachance", "Petrakis"]
FIRST = ["Marguerite", "Daniel", "Aisha", "Robert", "Ines", "Thomas", "Priya", "Luc", "Hannah",
         "Omar", "Claire", "Victor", "Mei", "Patrick", "Sofia", "Graham", "Nadia", "Julien",
         "Ruth", "Andre", "Leila", "Martin", "Yuki", "Francis", "Elena"]
TITLES = ["Prime Minister", "Premier", "Finance Minister", "Trade Minister", "President",
          "Foreign Minister", "Industry Minister", "Governor", "Mayor", "Ambassador"]
CITIES = ["Ottawa", "Washington", "Mexico City", "Brussels", "Tokyo", "Beijing", "London",
          "Paris", "Berlin", "New Delhi", "Seoul", "Canberra", "Brasilia", "Geneva", "Rome",
          "Madrid", "Oslo", "Stockholm", "Warsaw", "Hanoi", "Bangkok", "Santiago", "Bogota",
          "Lima", "Nairobi"]
COUNTRIES = ["Mexico", "China", "Japan", "Germany", "Brazil", "India", "South Korea",
             "Britain", "France", "Italy", "Vietnam", "Turkey", "Australia", "Argentina",
             "Chile", "Switzerland", "the Netherlands", "Sweden", "Poland", "Norway", "Spain",
             "Thailand", "Malaysia", "Colombia", "the European Union"]
PROGRAMS = ["the housing accelerator", "the transit expansion", "the border modernization plan",
            "the dairy compensation fund", "the steel transition fund", "the rural broadband plan",
            "the wildfire recovery program", "the defence procurement plan",
            "the critical minerals strategy", "the child care program", "the port upgrade",
            "the pharmacare program", "the clean fuel fund", "the worker retraining program",
            "the small business rebate", "the high-speed rail study", "the Arctic patrol program",
            "the auto parts fund", "the water infrastructure plan", "the skills passport",
            "the grocery rebate", "the refinery conversion", "the export credit facility",
            "the hospital capital plan", "the forestry support package"]
AGREEMENTS = ["CUSMA", "the softwood lumber agreement", "the Pacific trade pact",
              "the Atlantic fisheries accord", "the Great Lakes water agreement",
              "the auto pact", "the energy security pact", "the defence procurement treaty",
              "the digital trade agreement", "the critical minerals accord"]
COMPANIES = ["Northvale Steel", "Algonquin Motors", "Laurentide Paper", "Prairie Potash",
             "Borealis Aluminum", "Cascadia Lumber", "Maritime Seafoods", "Tundra Mining",
             "Hudson Batteries", "Ridgeline Pharma", "Fraser Refining", "Keewatin Copper",
             "Bayfront Logistics", "Niagara Glass", "Saguenay Smelting", "Okanagan Foods",
             "Dufferin Castings", "Muskoka Textiles", "Superior Rail", "Chinook Energy",
             "Vimy Aerospace", "Tamarack Dairy", "Selkirk Chemicals", "Athabasca Tools",
             "Rideau Semiconductors"]
PROJECTS = ["the Gordie Howe bridge", "the Ring of Fire road", "the Windsor battery plant",
            "the Montreal light rail line", "the Calgary green line", "the Halifax port terminal",
            "the Kitimat export terminal", "the Churchill rail upgrade",
            "the Hamilton steel furnace", "the Sudbury smelter expansion",
            "the Regina pipeline spur", "the Quebec hydro line", "the Vancouver tunnel",
            "the Toronto transit hub", "the Ottawa stadium", "the Detroit crossing plaza",
            "the Winnipeg inland port", "the Thunder Bay refinery", "the Saint John wharf",
            "the Iqaluit harbour"]


def esc(text):
    """A literal word sequence as regex text."""
    return re.escape(text).replace("\\ ", " ")


def fam_tariff(r, k):
    adj, good = ADJ[k % 25], GOODS[(k * 7 + k // 25) % 25]
    subj = f"{adj} {good}"
    return dict(
        id=f"tariff-{adj}-{good}", ty="percent",
        description=f"Tariff rate on {subj}",
        patterns=[f"(?:tariffs?|duty|duties|levy) on {esc(subj)} (?:of|at|to) {{value}}",
                  f"{{value}} (?:tariffs?|duty|duties|levy) on {esc(subj)}"],
        claims=[f"Washington raised the tariff on {subj} to {{v}} this year.",
                f"The {{v}} duty on {subj} has squeezed importers, trade lawyers said.",
                f"A levy on {subj} of {{v}} took effect at midnight."],
        stable=False, monotonic=None)


def fam_rate(r, k):
    metric, place = METRICS[k % 7], PLACES[(k * 3 + k // 7) % 25]
    return dict(
        id=f"{metric}-{place}", ty="percent",
        description=f"The {metric} in {place}",
        patterns=[f"{esc(metric)} in {esc(place)} (?:rose|fell|climbed|dropped|edged up|edged down|stood|held|was) (?:to |at )?{{value}}"],
        claims=[f"The {metric} in {place} rose to {{v}} last month, Statistics Canada said.",
                f"The {metric} in {place} stood at {{v}} in the latest survey."],
        stable=False, monotonic=None)


def fam_visits(r, k):
    name, city = SURNAMES[k % 25], CITIES[(k * 11 + k // 25) % 25]
    return dict(
        id=f"visits-{name}-{city}", ty="count",
        description=f"Number of visits by {name} to {city}",
        patterns=[f"{esc(name)}'s {{value}} (?:visit|trip) to {esc(city)}",
                  f"{{value}} (?:visit|trip) to {esc(city)} by {esc(name)}"],
        claims=[f"It was {name}'s {{o}} visit to {city} since the election.",
                f"The {{o}} trip to {city} by {name} ended without a deal."],
        stable=False, monotonic="increasing")


def fam_rounds(r, k):
    country = COUNTRIES[k % 25]
    return dict(
        id=f"talks-rounds-{country}", ty="count",
        description=f"Rounds of trade talks held with {country}",
        patterns=[f"{{value}} rounds? of (?:trade )?(?:talks|negotiations) with {esc(country)}"],
        claims=[f"Officials have held {{c}} rounds of talks with {country} so far."],
        stable=False, monotonic="increasing")


def fam_meeting(r, k):
    first, name, title = FIRST[k % 25], SURNAMES[(k * 7 + 3) % 25], TITLES[k % 10]
    city = CITIES[(k * 3 + 5) % 25]
    person = f"{title} {first} {name}"
    return dict(
        id=f"meeting-{first}-{name}", ty="date",
        description=f"Date of the meeting with {person} in {city}",
        patterns=[f"meet (?:with )?{esc(person)} (?:in {esc(city)} )?on {{value}}",
                  f"met (?:with )?{esc(person)} in {esc(city)} on {{value}}"],
        claims=[f"Officials said they would meet with {person} in {city} on {{d}}.",
                f"The delegation met with {person} in {city} on {{d}}, a spokesperson said."],
        stable=True, monotonic=None)


def fam_budget(r, k):
    program = PROGRAMS[k % 25]
    return dict(
        id=f"budget-{program}", ty="money",
        description=f"Budget of {program}",
        patterns=[f"budget (?:for|of) {esc(program)} (?:at|to|of) {{value}}",
                  f"{{value}} (?:for|on) {esc(program)}"],
        claims=[f"The government set the budget for {program} at {{m}}.",
                f"Ottawa will spend {{m}} on {program}, the minister said."],
        stable=False, monotonic=None)


def fam_review(r, k):
    agreement = AGREEMENTS[k % 10]
    return dict(
        id=f"review-year-{agreement}", ty="year",
        description=f"Year of the review of {agreement}",
        patterns=[f"{esc(agreement)},? (?:is up for|faces|will undergo) (?:a )?(?:joint )?review in {{value}}",
                  f"review of {esc(agreement)} in {{value}}"],
        claims=[f"{agreement[0].upper() + agreement[1:]} is up for review in {{y}}.",
                f"Negotiators are preparing for the review of {agreement} in {{y}}."],
        stable=True, monotonic=None)


def fam_jobs(r, k):
    company = COMPANIES[k % 25]
    return dict(
        id=f"jobs-cut-{company}", ty="number",
        description=f"Jobs cut at {company}",
        patterns=[f"{esc(company)} (?:cut|laid off|eliminated|will cut) (?:about |nearly )?{{value}} (?:jobs|workers|positions)"],
        claims=[f"{company} cut {{n}} jobs after the tariffs took hold.",
                f"{company} laid off {{n}} workers at its main plant, the union said."],
        stable=False, monotonic=None)


def fam_opening(r, k):
    project = PROJECTS[k % 20]
    return dict(
        id=f"opening-{project}", ty="month",
        description=f"When {project} opens",
        patterns=[f"{esc(project)} (?:is expected to|will) (?:open|be completed|start operations) in {{value}}"],
        claims=[f"{project[0].upper() + project[1:]} is expected to open in {{mo}}, officials said."],
        stable=False, monotonic=None)


# How often each family appears: tariffs and rates dominate trade coverage.
FAMILIES = [(fam_tariff, 5), (fam_rate, 4), (fam_visits, 3), (fam_meeting, 3), (fam_budget, 2),
            (fam_jobs, 2), (fam_rounds, 1), (fam_review, 1), (fam_opening, 1)]


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def universe(seed=1, size=300):
    """The first `size` rules of the seeded universe, each with its true value."""
    r = random.Random(seed)
    order = [f for f, w in FAMILIES for _ in range(w)]
    counters, seen, out = {}, set(), []
    while len(out) < size:
        fam = r.choice(order)
        k = counters.get(fam, 0)
        counters[fam] = k + 1
        rule = fam(r, k)
        rule["id"] = slug(rule["id"])
        if rule["id"] in seen:
            continue
        seen.add(rule["id"])
        rule["truth"] = true_value(r, rule["ty"])
        out.append(rule)
    return out


def true_value(r, ty):
    return {"percent": lambda: r.randrange(5, 60), "count": lambda: r.randrange(2, 9),
            "money": lambda: r.randrange(2, 90) * 50, "year": lambda: r.randrange(2026, 2031),
            "number": lambda: r.randrange(3, 120) * 25,
            "month": lambda: (r.randrange(2026, 2029), r.randrange(1, 13)),
            "date": lambda: (2025, r.randrange(1, 13), r.randrange(1, 29))}[ty]()


def canonical(ty, v):
    if ty == "percent":
        return f"{v}%"
    if ty in ("count", "number", "year"):
        return str(v)
    return None


def quote(s):
    return "'" + s.replace("'", "''") + "'"


def write_pack(rules, out, knowledge):
    lines = ["# Generated by bench/gen_rules.py: synthetic fact rules for the benchmark.", "",
             "facts:"]
    for i, rule in enumerate(rules):
        lines.append(f"  - id: {rule['id']}")
        lines.append(f"    description: {quote(rule['description'])}")
        lines.append(f"    type: {rule['ty']}")
        lines.append("    patterns:")
        lines.extend(f"      - {quote(p)}" for p in rule["patterns"])
        if rule["stable"]:
            lines.append("    stable: true")
        if rule["monotonic"]:
            lines.append(f"    monotonic: {rule['monotonic']}")
        value = canonical(rule["ty"], rule["truth"])
        if knowledge and value and not rule["monotonic"] and i % 5 == 0:
            if rule["ty"] == "percent":
                lines.append(f"    timeline:\n      - {{ since: 2025-01-01, value: {quote(value)} }}")
            else:
                lines.append(f"    expect: {quote(value)}")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--knowledge", action="store_true")
    args = ap.parse_args()
    write_pack(universe(args.seed, args.n), args.out, args.knowledge)


if __name__ == "__main__":
    main()
