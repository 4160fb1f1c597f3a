"""`python -m dashboard brief`: write a briefing of a selection as HTML or PDF.

Arguments are checked here, not by argparse types, so every mistake ends in
one line saying what was wrong and what to do (exit code 2), before anything
is built or written. Names are matched case-insensitively, and a place may be
given as any form the sources used ("Kheimin airbase"), because analysts type
what they read.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from dashboard.errors import InputError
from dashboard.views.query import CLAIMS, KINDS, Filters

FORMATS = ("html", "pdf")


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser(
        "brief",
        help="write a self-contained briefing (HTML or PDF) of the events, quotes and places selected",
        description="Write one file an analyst can email, print and open offline.",
    )
    b.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first day of the period")
    b.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last day of the period")
    b.add_argument("--place", action="append", default=[], help="keep events at this place (repeatable)")
    b.add_argument("--source", action="append", default=[], help="keep events from this source (repeatable)")
    b.add_argument("--kind", action="append", default=[], help=f"place kind: {', '.join(KINDS)} (repeatable)")
    b.add_argument("--claim", action="append", default=[], help=f"claim status: {', '.join(CLAIMS)} (repeatable)")
    b.add_argument("--query", default="", help="keep events whose text, places, sources or actors contain this")
    b.add_argument("--title", help="title of the briefing (default: 'Situation briefing')")
    b.add_argument("--format", dest="fmt", help="html or pdf (default: from --out's suffix, else html)")
    b.add_argument("--out", help="file to write (default briefing.html / briefing.pdf)")
    b.set_defaults(func=cmd_brief)


def parse_day(value: str | None, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2024-12-08") from None


def _choices(values: Iterable[str], allowed: Sequence[str], option: str) -> tuple[str, ...]:
    out = []
    for v in values:
        key = v.strip().lower()
        if key not in allowed:
            raise InputError(f"{option} {v!r} is not one of: {', '.join(allowed)}")
        out.append(key)
    return tuple(dict.fromkeys(out))


def match_names(given: Iterable[str], known: dict[str, str], option: str, what: str) -> tuple[str, ...]:
    """Canonical names for what the user typed; unknown ones fail with the closest matches.

    `known` maps every accepted spelling (lower-cased) to its canonical name.
    """
    out = []
    for raw in given:
        hit = known.get(raw.strip().casefold())
        if hit is None:
            canon = sorted(set(known.values()))
            close = difflib.get_close_matches(raw, canon, n=4, cutoff=0.5)
            close += [c for c in canon if raw.strip().casefold() in c.casefold() and c not in close][:4]
            hint = f"did you mean {', '.join(repr(c) for c in close[:4])}?" if close else (
                f"known {what}s include {', '.join(repr(c) for c in canon[:6])}"
            )
            raise InputError(f"{option} {raw!r}: no {what} of that name in the tables; {hint}")
        out.append(hit)
    return tuple(dict.fromkeys(out))


def place_names(places) -> dict[str, str]:  # noqa: ANN001 - a pandas DataFrame
    """Every name, surface form and gazetteer alias of each place in the tables, lower-cased, to its name."""
    from dashboard.geo.gazetteer import load_gazetteer

    aliases = {p.name: p.aliases for p in load_gazetteer()}
    known: dict[str, str] = {}
    for _, p in places.iterrows():
        name = str(p["name"])
        for form in [name, *list(p.get("mentions") or []), *aliases.get(name, ())]:
            known.setdefault(str(form).casefold(), name)
    return known


def source_names(events) -> dict[str, str]:  # noqa: ANN001 - a pandas DataFrame
    known: dict[str, str] = {}
    for values in events["sources"]:
        for s in values or ():
            known.setdefault(str(s).casefold(), str(s))
    for s in events["doc_source"].dropna():
        known.setdefault(str(s).casefold(), str(s))
    return known


def output_target(out: str | None, fmt: str | None) -> tuple[Path, str]:
    """Where to write and in which format; fails early if the place cannot be written."""
    if fmt is not None and fmt.lower() not in FORMATS:
        raise InputError(f"--format {fmt!r} is not one of: {', '.join(FORMATS)}")
    if fmt is None:
        fmt = "pdf" if out and out.lower().endswith(".pdf") else "html"
    fmt = fmt.lower()
    path = Path(out) if out else Path(f"briefing.{fmt}")
    if path.is_dir():
        raise InputError(f"--out {str(path)!r} is a folder; give a file name such as {path / ('briefing.' + fmt)}")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"--out {str(path)!r}: folder {str(folder)!r} does not exist; create it or choose another")
    if not os.access(folder, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise InputError(f"--out {str(path)!r}: cannot write there (permission denied); choose another path")
    return path, fmt


def build_filters(args: argparse.Namespace, tables) -> Filters:  # noqa: ANN001 - pipeline.Tables
    date_from = parse_day(args.date_from, "--from")
    date_to = parse_day(args.date_to, "--to")
    if date_from and date_to and date_from > date_to:
        raise InputError(f"--from {date_from} is after --to {date_to}; swap them or widen the range")
    return Filters(
        date_from=date_from,
        date_to=date_to,
        kinds=_choices(args.kind, KINDS, "--kind"),
        sources=match_names(args.source, source_names(tables.events), "--source", "source"),
        claims=_choices(args.claim, CLAIMS, "--claim"),
        places=match_names(args.place, place_names(tables.places), "--place", "place"),
        query=args.query.strip()[:200],
    )


def load_tables():  # noqa: ANN201 - pipeline.Tables, imported lazily to keep `--help` fast
    """The current tables, rebuilt first when the store (files or database) changed since they were built."""
    from dashboard.corpus import pipeline, store

    build_dir, source = pipeline.build_dir(), store.current()
    if not (build_dir / "current").exists():
        print(f"no tables in {build_dir}; building them from {source.label} first", file=sys.stderr)
    refreshed = store.refresh_tables(source, build_dir)
    if refreshed.warning:
        print(f"warning: {refreshed.warning}", file=sys.stderr)
    return pipeline.read_tables(build_dir)


def cmd_brief(args: argparse.Namespace) -> int:
    from dashboard.briefing.pdf import write_briefing
    from dashboard.briefing.report import briefing_html
    from dashboard.views.query import select

    # Cheap checks first: a typo in a date or the output path fails before any build.
    parse_day(args.date_from, "--from")
    parse_day(args.date_to, "--to")
    out, fmt = output_target(args.out, args.fmt)
    tables = load_tables()
    filters = build_filters(args, tables)
    html_text = briefing_html(tables, filters, title=args.title)
    write_briefing(html_text, out, fmt)
    sel = select(tables.events, tables.quotes, tables.places, filters)
    if sel.events.empty and sel.undated.empty:
        print("warning: no event matches these filters; the briefing says so", file=sys.stderr)
    print(
        f"wrote {out} ({fmt}): {len(sel.events)} dated event(s), {len(sel.undated)} undated, "
        f"{len(sel.quotes)} quote(s), {len(sel.places)} place(s)"
    )
    return 0


