"""Score the extractor on a labelled corpus: `python -m dashboard evaluate [FOLDER] [--verbose]`.

The corpus (by default tests/devcorpus/, described in its README) pairs each document with the
quotes, speakers, days and places a careful reader finds in it. The scores say how much of that
the extractor finds (recall) and how much of what it finds is right (precision), per measure.

Places named on a line ("P" labels) are scored against every place the extraction reports for that
line: the places of its events and quotes and the places they name in passing. A label names each
place by its common English name ("Khmeimim / Hmeimim air base" for alternatives); an extracted
place matches it when one of the alternatives is, case aside, its gazetteer name or one of its
aliases (or, for a name the gazetteer lacks, the name as extracted). Only labelled lines count.

It is one module over 300 lines because it is one scorer: the label reader, the matching of labels to
what was extracted and the table share the same label format and the same tallies.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dashboard.extraction.dates import DAY_PRECISIONS
from dashboard.extraction.extract import Extraction, Extractor
from dashboard.extraction.lexicon import is_title_word
from dashboard.geo.gazetteer import DEFAULT_PATH, load_gazetteer

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "tests" / "devcorpus"


@dataclass
class QuoteLabel:
    fragment: str
    speakers: list[str]  # acceptable names; empty: no speaker is given


@dataclass
class EventLabel:
    fragment: str
    day: str
    place: str | None


@dataclass
class PlaceLabel:
    fragment: str
    places: list[list[str]]  # each place as its acceptable names; empty: the line names no place as a place


@dataclass
class Document:
    name: str
    text: str
    reference: date
    style: str
    quotes: list[QuoteLabel] = field(default_factory=list)
    events: list[EventLabel] = field(default_factory=list)
    places: list[PlaceLabel] = field(default_factory=list)


@dataclass
class Tally:
    hits: int = 0
    found: int = 0  # what the extractor offered
    expected: int = 0  # what the labels hold

    def precision(self) -> float | None:
        return self.hits / self.found if self.found else None

    def recall(self) -> float | None:
        return self.hits / self.expected if self.expected else None


def load_corpus(folder: Path) -> list[Document]:
    docs = []
    for txt in sorted(folder.glob("*.txt")):
        labels = txt.with_suffix(".labels")
        if not labels.exists():
            continue
        fields: dict[str, str] = {}
        doc = Document(txt.stem, txt.read_text(encoding="utf-8"), date(2000, 1, 1), "")
        for raw in labels.read_text(encoding="utf-8").splitlines():
            if not raw.strip():
                continue
            if raw[:2] in ("Q ", "E ", "P "):
                parts = [p.strip() for p in raw[2:].lstrip("| ").split(" | ")]
                if raw[0] == "P":
                    named = [] if parts[1] == "-" else [p for p in parts[1].split(";") if p.strip()]
                    doc.places.append(PlaceLabel(parts[0], [[a.strip() for a in p.split(" / ")] for p in named]))
                elif raw[0] == "Q":
                    names = [] if parts[1] == "-" else [s.strip() for s in parts[1].split(" / ")]
                    doc.quotes.append(QuoteLabel(parts[0], names))
                else:
                    doc.events.append(EventLabel(parts[0], parts[1], None if parts[2] == "-" else parts[2]))
            else:
                key, _, value = raw.partition(":")
                fields[key.strip()] = value.strip()
        doc.reference = date.fromisoformat(fields["reference"])
        doc.style = fields.get("style", "")
        docs.append(doc)
    return docs


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').casefold()
    return " ".join(text.split())


def _name(text: str | None) -> str:
    n = _norm(text or "")
    for det in ("the ", "a ", "an "):
        if n.startswith(det):
            n = n[len(det) :]
    return n


def _same_speaker(label: str, speaker: str | None) -> bool:
    """The label names the extracted speaker. A title is not the name (issue 10: the title is the role), so a
    label written with one ("Dr Lind", "Capt Sokol") names the speaker "Lind" or "Mira Lind" found in its document;
    the reverse does not hold: a label "Mira Lind" is not met by a speaker "Dr Lind"."""
    if not speaker:
        return False
    if _name(speaker) == _name(label):
        return True
    words = _name(label).split()
    written = label.split()[-len(words) :]  # as written: "Capt" is a title, "capt" may not be
    k = 0
    while k < len(words) - 1 and is_title_word(written[k]):
        k += 1
    said = _name(speaker).split()
    return k > 0 and said[-(len(words) - k) :] == words[k:]


def _line_of(doc: Document, fragment: str) -> int:
    lines = [i for i, line in enumerate(doc.text.splitlines(), start=1) if _norm(fragment) in _norm(line)]
    if len(lines) != 1:
        raise ValueError(f"{doc.name}: the label fragment {fragment!r} is on {len(lines)} lines, not one")
    return lines[0]


def score(docs: list[Document], extractor: Extractor, verbose: bool = False) -> dict[str, Tally]:
    kinds = ("quotes", "speakers", "speaker_given", "days", "places", "named_recall", "named_precision")
    t = {k: Tally() for k in kinds}
    for doc in docs:
        result: Extraction = extractor.extract(doc.text, doc.reference)
        _score_quotes(doc, result, t, verbose)
        _score_events(doc, result, extractor, t, verbose)
        _score_places(doc, result, extractor, t, verbose)
    return t


def places_on_line(result: Extraction, line: int) -> list[str]:
    """Every place the extraction reports for one line: its events' and quotes' places, scene first."""
    out: list[str] = []
    for r in [*result.events, *result.quotes]:
        if r.line == line:
            out += [p for p in [*r.places, *r.mentioned] if p not in out]
    return out


def _names_of(place: str, extractor: Extractor) -> set[str]:
    known = extractor.places.get(place)
    return {_norm(n) for n in (known.names() if known else (place,))}


def _score_places(
    doc: Document, result: Extraction, extractor: Extractor, t: dict[str, Tally], verbose: bool
) -> None:
    for label in doc.places:
        line = _line_of(doc, label.fragment)
        got = places_on_line(result, line)
        names = {p: _names_of(p, extractor) for p in got}
        labelled = [{_norm(a) for a in alts} for alts in label.places]
        t["named_recall"].expected += len(labelled)
        t["named_precision"].found += len(got)
        for alts, raw in zip(labelled, label.places, strict=True):
            if any(alts & n for n in names.values()):
                t["named_recall"].hits += 1
            elif verbose:
                print(f"  {doc.name}:{line} place not found: {' / '.join(raw)!r}; got {got}")
        for p, n in names.items():
            if any(alts & n for alts in labelled):
                t["named_precision"].hits += 1
            elif verbose:
                print(f"  {doc.name}:{line} extra place {p!r}")


def _score_quotes(doc: Document, result: Extraction, t: dict[str, Tally], verbose: bool) -> None:
    used: set[int] = set()
    t["quotes"].found += len(result.quotes)
    t["quotes"].expected += len(doc.quotes)
    for label in doc.quotes:
        line = _line_of(doc, label.fragment)
        frag = _norm(label.fragment)
        match = next(
            (
                i
                for i, q in enumerate(result.quotes)
                if q.line == line and i not in used and (frag in _norm(q.text) or _norm(q.text) in frag)
            ),
            None,
        )
        if match is None:
            if verbose:
                print(f"  {doc.name}:{line} quote not found: {label.fragment!r}")
            continue
        used.add(match)
        t["quotes"].hits += 1
        q = result.quotes[match]
        right = any(_same_speaker(x, q.speaker) for x in label.speakers) if label.speakers else not q.speaker
        t["speakers"].expected += 1
        t["speakers"].found += 1
        t["speakers"].hits += right
        if q.speaker:
            t["speaker_given"].found += 1
            t["speaker_given"].hits += right
        if label.speakers:
            t["speaker_given"].expected += 1
        if verbose and not right:
            print(f"  {doc.name}:{line} speaker {q.speaker!r} (role {q.role!r}), expected {label.speakers or None}")
    if verbose:
        for i, q in enumerate(result.quotes):
            if i not in used:
                print(f"  {doc.name}:{q.line} extra quote {q.text!r} ({q.speaker!r})")


def _score_events(
    doc: Document, result: Extraction, extractor: Extractor, t: dict[str, Tally], verbose: bool
) -> None:
    dated = [e for e in result.events if e.date_precision in DAY_PRECISIONS]
    t["days"].found += len(dated)
    t["days"].expected += len(doc.events)
    used: set[int] = set()
    for label in doc.events:
        line = _line_of(doc, label.fragment)
        frag = _norm(label.fragment)
        match = next(
            (
                i
                for i, e in enumerate(dated)
                if e.line == line and i not in used and e.date == label.day and frag[:30] in _norm(e.text)
            ),
            None,
        )
        if match is None:
            match = next(
                (i for i, e in enumerate(dated) if e.line == line and i not in used and e.date == label.day), None
            )
        if match is None:
            if verbose:
                got = [(e.date, e.text[:50]) for e in result.events if e.line == line]
                print(f"  {doc.name}:{line} no event on {label.day}: {label.fragment!r}; got {got}")
            continue
        used.add(match)
        t["days"].hits += 1
        if label.place:
            e = dated[match]
            t["places"].expected += 1
            t["places"].found += 1
            # The label names the place as a reader would: any of the gazetteer's names for it counts
            # ("Khmeimim" for Khmeimim Air Base), as on a P line; alternatives are split by " / ".
            alts = {_norm(a.strip()) for a in label.place.split(" / ")}
            right = bool(e.places) and bool(alts & _names_of(e.places[0], extractor))
            t["places"].hits += right
            if verbose and not right:
                print(f"  {doc.name}:{line} primary place {e.places[:3]}, expected {label.place!r}")
    if verbose:
        for i, e in enumerate(dated):
            if i not in used:
                print(f"  {doc.name}:{e.line} extra dated event {e.date} {e.text[:60]!r}")


def table(t: dict[str, Tally]) -> str:
    def f(x: float | None) -> str:
        return "  -  " if x is None else f"{x:.2f}"

    rows = [
        ("quotes found", t["quotes"].precision(), t["quotes"].recall(), f"{t['quotes'].hits}/{t['quotes'].expected}"),
        ("speaker right, of quotes found", None, t["speakers"].recall(),
         f"{t['speakers'].hits}/{t['speakers'].expected}"),
        ("speaker named and right", t["speaker_given"].precision(), t["speaker_given"].recall(),
         f"{t['speaker_given'].hits}/{t['speaker_given'].expected}"),
        ("dated events with the right day", t["days"].precision(), t["days"].recall(),
         f"{t['days'].hits}/{t['days'].expected}"),
        ("event's primary place right", None, t["places"].recall(), f"{t['places'].hits}/{t['places'].expected}"),
        ("places found on a line", t["named_precision"].precision(), t["named_recall"].recall(),
         f"{t['named_recall'].hits}/{t['named_recall'].expected}"),
    ]  # fmt: skip
    out = ["| measure | precision | recall | hits/labels |", "|---|---|---|---|"]
    out += [f"| {name} | {f(p)} | {f(r)} | {n} |" for name, p, r, n in rows]
    return "\n".join(out)


def run(corpus: Path, verbose: bool = False) -> int:
    """Score the extractor on ``corpus`` and print the table; 2 when the labels cannot be read."""
    try:
        docs = load_corpus(corpus)
    except (OSError, ValueError, KeyError) as exc:
        print(f"{corpus}: cannot read the labels ({exc}). See tests/devcorpus/README.md.", file=sys.stderr)
        return 2
    if not docs:
        print(f"{corpus}: no NAME.txt with a NAME.labels beside it", file=sys.stderr)
        return 2
    try:
        t = score(docs, Extractor(load_gazetteer(DEFAULT_PATH)), verbose)
    except ValueError as exc:
        print(f"error: {exc}. Make each label's words unique to one line.", file=sys.stderr)
        return 2
    styles = len({d.style for d in docs})
    print(
        f"{len(docs)} documents in {styles} styles, {t['quotes'].expected} quotes, {t['days'].expected} dated events, "
        f"{t['named_recall'].expected} places on {sum(len(d.places) for d in docs)} lines"
    )
    print(table(t))
    return 0


def _arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS,
                        help="a folder of NAME.txt + NAME.labels (default tests/devcorpus/)")  # fmt: skip
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss and every extra")
    return parser


def register(sub) -> None:  # noqa: ANN001 - argparse's sub-parsers action
    """`python -m dashboard evaluate [FOLDER] [-v]`."""
    e = _arguments(sub.add_parser("evaluate", help="score the extractor on a labelled corpus and print the table"))
    e.set_defaults(func=lambda args: run(args.corpus, args.verbose))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard evaluate", description=__doc__.splitlines()[0])
    args = _arguments(parser).parse_args(argv)
    return run(args.corpus, args.verbose)


if __name__ == "__main__":
    sys.exit(main())
