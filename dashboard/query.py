"""Filters over the tables, shared by the app, the exports and the briefings.

One `Filters` value says what the user is looking at; the same value filters
the map, the lists, the CSV/GeoJSON exports and a briefing, and round-trips
through the URL (a permalink) unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

import pandas as pd

CLAIMS = ("reported", "claimed", "retracted")
KINDS = ("city", "base", "province", "region", "country")


@dataclass(frozen=True)
class Filters:
    """What the user asked to see. Empty tuples mean "all"."""

    date_from: date | None = None
    date_to: date | None = None
    kinds: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    claims: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    query: str = ""

    def with_(self, **changes: object) -> Filters:
        return replace(self, **changes)  # type: ignore[arg-type]

    def describe(self) -> list[str]:
        """Plain-language lines saying what these filters keep, for titles and briefings."""
        out: list[str] = []
        if self.date_from or self.date_to:
            a = self.date_from.isoformat() if self.date_from else "the start"
            b = self.date_to.isoformat() if self.date_to else "the end"
            out.append(f"dates {a} to {b}")
        for label, values in (("place kinds", self.kinds), ("sources", self.sources),
                              ("claim status", self.claims), ("places", self.places)):  # fmt: skip
            if values:
                out.append(f"{label}: {', '.join(values)}")
        if self.query:
            out.append(f"text contains \u201c{self.query}\u201d")
        return out or ["no filters: everything"]


def _has_any(values: object, wanted: set[str]) -> bool:
    return bool(wanted.intersection(values or ()))  # type: ignore[arg-type]


def event_mask(events: pd.DataFrame, places: pd.DataFrame, f: Filters, dated_only: bool = False) -> pd.Series:
    """Which events pass every filter except the date (see `date_mask`)."""
    mask = pd.Series(True, index=events.index)
    if f.kinds:
        of_kind = set(places.loc[places["kind"].isin(f.kinds), "name"])
        mask &= events["places"].map(lambda ps: _has_any(ps, of_kind))
    if f.places:
        wanted = set(f.places)
        mask &= events["places"].map(lambda ps: _has_any(ps, wanted))
    if f.sources:
        wanted = set(f.sources)
        mask &= events["sources"].map(lambda ss: _has_any(ss, wanted)) | events["doc_source"].isin(wanted)
    if f.claims:
        mask &= events["claim"].isin(f.claims)
    if f.query:
        q = f.query.casefold()
        haystack = (
            events["text"].fillna("")
            + " "
            + events["places"].map(lambda v: " ".join(v or ()))
            + " "
            + events["sources"].map(lambda v: " ".join(v or ()))
            + " "
            + events["actors"].map(lambda v: " ".join(v or ()))
        )
        mask &= haystack.str.casefold().str.contains(q, regex=False)
    return mask


def date_mask(events: pd.DataFrame, f: Filters) -> pd.Series:
    """Events whose date overlaps the range; events with no date never pass a set range."""
    first = pd.to_datetime(events["date_first"]).dt.date
    last = pd.to_datetime(events["date_last"]).dt.date
    mask = pd.Series(True, index=events.index)
    if f.date_from:
        mask &= last.map(lambda d: d is not None and not pd.isna(d) and d >= f.date_from)
    if f.date_to:
        mask &= first.map(lambda d: d is not None and not pd.isna(d) and d <= f.date_to)
    return mask


@dataclass
class Selection:
    """The events, quotes and places a set of filters keeps."""

    events: pd.DataFrame  # dated to the day and inside the range
    undated: pd.DataFrame  # pass the other filters but have no day (year, month, or none)
    quotes: pd.DataFrame
    places: pd.DataFrame  # per place: its row plus n_events, first/last date
    total_events: int
    unplaced: pd.DataFrame = field(default_factory=pd.DataFrame)  # places with no coordinates


def select(events: pd.DataFrame, quotes: pd.DataFrame, places: pd.DataFrame, f: Filters) -> Selection:
    events, quotes = (t[t["hidden"].ne(True)] if "hidden" in t else t for t in (events, quotes))  # review marks
    base = event_mask(events, places, f)
    is_day = events["date_precision"] == "day"
    dated = events[base & is_day & date_mask(events, f)]
    undated = events[base & ~is_day]
    if f.date_from or f.date_to:
        # A coarse date (a month, a year) is kept apart only when it overlaps the range.
        undated = undated[undated["date_first"].isna() | date_mask(undated, f)]
    ranged = bool(f.date_from or f.date_to)
    # With a date range set, events without a day cannot be placed in it: they are
    # listed apart but do not count on the map; with no range, everything counts.
    in_view = dated if ranged else pd.concat([dated, undated])
    q = quotes[quotes["event_id"].isin(set(in_view["event_id"]))]
    if f.query:
        needle = f.query.casefold()
        text_hit = quotes["text"].str.casefold().str.contains(needle, regex=False) | quotes["speaker"].fillna(
            ""
        ).str.casefold().str.contains(needle, regex=False)
        extra = quotes[text_hit & quotes["event_id"].isna()]
        q = pd.concat([q, extra]).drop_duplicates("quote_id")
    summary = place_summary(in_view, places)
    if f.kinds:
        summary = summary[summary["kind"].isin(f.kinds)]
    unplaced = summary[summary["lat"].isna()]
    return Selection(
        events=dated.sort_values(["date_first", "doc_id", "line", "start"]),
        undated=undated.sort_values(["doc_id", "line", "start"]),
        quotes=q.sort_values(["date", "doc_id", "line", "start"], na_position="last"),
        places=summary,
        total_events=len(events),
        unplaced=unplaced,
    )


def place_summary(events: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """One row per place named by the events, with its event count and date span."""
    columns = list(places.columns) + ["n_events", "first_date", "last_date"]
    if events.empty:
        return pd.DataFrame(columns=columns)
    exploded = events[["event_id", "places", "date_first", "date_last"]].explode("places")
    exploded = exploded.dropna(subset=["places"])
    if exploded.empty:
        return pd.DataFrame(columns=columns)
    grouped = exploded.groupby("places").agg(
        n_events=("event_id", "nunique"), first_date=("date_first", "min"), last_date=("date_last", "max")
    )
    out = places.merge(grouped, left_on="name", right_index=True, how="inner")
    return out.sort_values(["n_events", "name"], ascending=[False, True]).reset_index(drop=True)


def events_for_place(selection: Selection, name: str) -> pd.DataFrame:
    """The place's events in date order, undated ones last."""
    both = pd.concat([selection.events, selection.undated])
    hit = both[both["places"].map(lambda ps: name in (ps or ()))]
    return hit.sort_values(["date_first", "doc_id", "line"], na_position="last")


def quotes_for_place(selection: Selection, name: str) -> pd.DataFrame:
    return selection.quotes[selection.quotes["places"].map(lambda ps: name in (ps or ()))]


# -- permalinks -------------------------------------------------------------------

_LIST_KEYS = {"kind": "kinds", "source": "sources", "claim": "claims", "place": "places"}


def to_params(f: Filters, selected: str | None = None) -> dict[str, str]:
    """URL query parameters for these filters (lists comma-joined; empty ones left out)."""
    out: dict[str, str] = {}
    if f.date_from:
        out["from"] = f.date_from.isoformat()
    if f.date_to:
        out["to"] = f.date_to.isoformat()
    for key, attr in _LIST_KEYS.items():
        values = getattr(f, attr)
        if values:
            out[key] = "|".join(values)
    if f.query:
        out["q"] = f.query
    if selected:
        out["sel"] = selected
    return out


def from_params(params: Mapping[str, str | Iterable[str]]) -> tuple[Filters, str | None, list[str]]:
    """Filters and selected place from URL parameters, with a note for each value ignored.

    A hand-edited or stale permalink must still open: a bad value is dropped
    and reported, never an error page.
    """
    notes: list[str] = []

    def one(key: str) -> str | None:
        v = params.get(key)
        if v is None:
            return None
        if not isinstance(v, str):
            v = next(iter(v), None)
        return v

    def day(key: str) -> date | None:
        raw = one(key)
        if not raw:
            return None
        try:
            return date.fromisoformat(raw)
        except ValueError:
            notes.append(f"ignored {key}={raw!r}: not a date (YYYY-MM-DD)")
            return None

    values: dict[str, object] = {"date_from": day("from"), "date_to": day("to")}
    for key, attr in _LIST_KEYS.items():
        raw = one(key)
        items = tuple(v for v in (raw or "").split("|") if v)
        if attr == "kinds":
            bad = [k for k in items if k not in KINDS]
            notes += [f"ignored kind={k!r}: not one of {', '.join(KINDS)}" for k in bad]
            items = tuple(k for k in items if k in KINDS)
        if attr == "claims":
            bad = [c for c in items if c not in CLAIMS]
            notes += [f"ignored claim={c!r}: not one of {', '.join(CLAIMS)}" for c in bad]
            items = tuple(c for c in items if c in CLAIMS)
        values[attr] = items
    values["query"] = (one("q") or "")[:200]
    f = Filters(**values)  # type: ignore[arg-type]
    if f.date_from and f.date_to and f.date_from > f.date_to:
        notes.append("ignored the date range: 'from' is after 'to'")
        f = f.with_(date_from=None, date_to=None)
    return f, one("sel") or None, notes
