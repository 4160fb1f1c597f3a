"""Filters over the tables, shared by the app, the exports and the briefings.

One `Filters` value says what the user is looking at; the same value filters
the map, the lists, the CSV/GeoJSON exports and a briefing, and round-trips
through the URL (a permalink) unchanged.

It is one module over 300 lines because it is one selection: the filters, the masks over events and
quotes, the links between events and places and the per-place summary are computed together, once
per set of filters, and must agree row for row. What a filter reads of the tables is made once
per build (rowindex.py, textsearch.py); per set of filters this module only combines masks.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from dashboard.views.rowindex import NAT, TableIndex, index_of, place_rows

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


@dataclass
class Selection:
    """The events, quotes and places a set of filters keeps.

    `select` keeps the rows as positions into the tables (`rows`), in the order the page lists
    them; the frames (`events`, `undated`, `quotes`, `undated_quotes`) are copied out on first
    use, by an export or a briefing. The page itself reads counts (`count`) and the first rows
    (`head`), so a filter that keeps 90k events copies the 1,000 the table shows, not 90k.
    A Selection made from frames (tests, `Selection(events=...)`) works the same way.
    """

    events: pd.DataFrame | None = None  # dated to the day and inside the range
    undated: pd.DataFrame | None = None  # pass the other filters but have no day (year, month, or none)
    quotes: pd.DataFrame | None = None
    places: pd.DataFrame = field(default_factory=pd.DataFrame)  # per place: its row plus n_events, first/last date
    total_events: int = 0
    unplaced: pd.DataFrame = field(default_factory=pd.DataFrame)  # places with no coordinates
    # For per-place lookups without a pass over every row (`events_for_place`): the tables
    # selected from, which of their rows are kept, and the tables' index (links, codes, texts).
    all_events: pd.DataFrame | None = None
    all_quotes: pd.DataFrame | None = None
    event_kept: np.ndarray | None = None  # events listed (dated in range, plus those apart)
    quote_kept: np.ndarray | None = None
    links: TableIndex | None = None
    undated_quotes: pd.DataFrame | None = None  # no day, with a date range set: apart
    rows: dict[str, np.ndarray] = field(default_factory=dict)  # part -> positions in all_events / all_quotes

    _QUOTE_PARTS = ("quotes", "undated_quotes")

    def __getattribute__(self, name: str) -> Any:
        value = object.__getattribute__(self, name)
        if value is None and name in ("events", "undated", "quotes", "undated_quotes"):
            value = self._frame(name)
            object.__setattr__(self, name, value)  # copied once, then kept (the selection is read-only)
        return value

    def _frame(self, part: str) -> pd.DataFrame:
        table = self.all_quotes if part in self._QUOTE_PARTS else self.all_events
        pos = self.rows.get(part)
        if table is None or pos is None:
            return pd.DataFrame()
        return table.iloc[pos]

    def count(self, part: str) -> int:
        """How many rows `part` has, without copying them."""
        frame = object.__getattribute__(self, part)
        return len(frame) if frame is not None else len(self.rows.get(part, ()))

    def head(self, part: str, n: int) -> pd.DataFrame:
        """The first `n` rows of `part`: only those are copied."""
        frame = object.__getattribute__(self, part)
        if frame is not None or part not in self.rows:
            return getattr(self, part).head(n)
        return self._frame_of(part, self.rows[part][:n])

    def _frame_of(self, part: str, pos: np.ndarray) -> pd.DataFrame:
        table = self.all_quotes if part in self._QUOTE_PARTS else self.all_events
        return table.iloc[pos] if table is not None else pd.DataFrame()

    def event_days(self) -> pd.Series:
        """The first day of every dated event kept, for the timeline (no copy of the events)."""
        if object.__getattribute__(self, "events") is None and self.links is not None and "events" in self.rows:
            return pd.Series(self.links.first[self.rows["events"]].view("datetime64[ns]"))
        return pd.to_datetime(self.events["date_first"]) if len(self.events) else pd.Series([], dtype="M8[ns]")


def _kept_in_order(mask: np.ndarray, order: np.ndarray) -> np.ndarray:
    return order[mask[order]]


def _in_range(first: np.ndarray, last: np.ndarray, f: Filters) -> np.ndarray:
    """Dates overlapping the range (int64 nanoseconds); no date never passes a set range."""
    mask = np.ones(len(first), bool)
    if f.date_from:
        mask &= (last != NAT) & (last >= pd.Timestamp(f.date_from).value)
    if f.date_to:
        mask &= (first != NAT) & (first <= pd.Timestamp(f.date_to).value)
    return mask


def _kind_names(places: pd.DataFrame, kinds: tuple[str, ...]) -> set[str]:
    return set(places.loc[places["kind"].isin(kinds), "name"])


def _event_mask(ix: TableIndex, places: pd.DataFrame, f: Filters) -> np.ndarray:
    """Which events pass every filter except the date (see `_in_range`)."""
    mask = np.ones(len(ix.first), bool)
    if f.kinds:
        mask &= ix.places.any_in(_kind_names(places, f.kinds))
    if f.places:
        mask &= ix.places.any_in(f.places)
    if f.sources:
        mask &= ix.sources.any_in(f.sources) | ix.doc_source.isin(f.sources)
    if f.claims:
        mask &= ix.claim.isin(f.claims)
    if f.query:
        mask &= ix.event_text.find(f.query.casefold())
    return mask


def select(events: pd.DataFrame, quotes: pd.DataFrame, places: pd.DataFrame, f: Filters) -> Selection:
    ix = index_of(events, quotes)
    base = _event_mask(ix, places, f) & ix.visible
    in_range = _in_range(ix.first, ix.last, f)
    no_date = ix.first == NAT
    ranged = bool(f.date_from or f.date_to)
    dated_m = base & ix.is_day & in_range
    undated_m = base & ~ix.is_day
    if ranged:
        # A coarse date (a month, a year) is kept apart only when it overlaps the range.
        undated_m &= no_date | in_range
    # With a date range set, events without a day cannot be placed in it: they are
    # listed apart but do not count on the map; with no range, everything counts.
    view_m = dated_m if ranged else dated_m | undated_m
    listable = in_range | no_date  # a day in the range, or no date at all
    quote_m, quote_apart = _quote_masks(ix, places, f, base, listable)
    summary = _place_summary(ix, view_m, places)
    if f.kinds:
        summary = summary[summary["kind"].isin(f.kinds)]
    return Selection(
        places=summary,
        total_events=int(ix.visible.sum()),
        unplaced=summary[summary["lat"].isna() & ~_dismissed(summary)],
        all_events=events,
        all_quotes=quotes,
        event_kept=dated_m | undated_m,
        quote_kept=quote_m,
        links=ix,
        rows={"events": _kept_in_order(dated_m, ix.dated_order), "undated": _kept_in_order(undated_m, ix.undated_order),
              "quotes": _kept_in_order(quote_m, ix.listed_order),
              "undated_quotes": _kept_in_order(quote_apart, ix.apart_order)},
    )  # fmt: skip


def _dismissed(places: pd.DataFrame) -> pd.Series:
    """Names a reviewer marked "not a place": not listed as places waiting for coordinates."""
    if "status" not in places:
        return pd.Series(False, index=places.index)
    return places["status"] == "not a place"


def _quote_masks(
    ix: TableIndex, places: pd.DataFrame, f: Filters, event_ok: np.ndarray, event_listable: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Which quotes are listed, and which are listed apart for want of a day under a date range.

    A quote said in an event's sentence follows its event (same filters, same
    date). A quote tied to no event is filtered on its own words: its places,
    its outlet, its speaker and its date; it is never dropped for having no
    place. Quotes marked wrong are left out.
    """
    n = len(ix.quote_pos)
    if n == 0:
        return np.zeros(0, bool), np.zeros(0, bool)
    tied = ix.quote_pos >= 0
    pos = np.maximum(ix.quote_pos, 0)
    own = np.ones(n, bool)
    if f.kinds:
        own &= ix.quote_places.any_in(_kind_names(places, f.kinds))
    if f.places:
        own &= ix.quote_places.any_in(f.places)
    if f.sources:
        own &= ix.outlet.isin(f.sources) | ix.speaker.isin(f.sources)
    if f.claims:
        own &= "reported" in f.claims  # a quote tied to no event is what its speaker said: reported
    if f.query:
        own &= ix.quote_text.find(f.query.casefold())
    ok = np.where(tied, event_ok[pos], own)
    ok &= ix.quote_visible
    if not (f.date_from or f.date_to):
        return ok, np.zeros(n, bool)
    dates = ix.quote_date
    in_range = _in_range(dates, dates, f)
    day = np.where(tied, ix.is_day[pos], ix.quote_is_day)
    ranged_in = np.where(tied, event_listable[pos], in_range | (dates == NAT))
    return ok & day & ranged_in, ok & ~day & ranged_in


def _place_summary(links: TableIndex, mask: np.ndarray, places: pd.DataFrame) -> pd.DataFrame:
    """`place_summary` for the events under `mask`, from the precomputed links: counts by code, no groupby."""
    keep = mask[links.event_pos]
    if not keep.any():
        return pd.DataFrame(columns=list(places.columns) + ["n_events", "first_date", "last_date"])
    at = place_rows(places, links.names)
    if at is None:  # the same name on two rows of the places table: join as pandas does
        return _place_summary_joined(links, links.place_code[keep], keep, places)
    n, first, last = links.per_place(mask)
    named = np.flatnonzero((n > 0) & (at.positions >= 0))  # a name not in the places table is left out
    rows = at.positions[named]
    order = np.lexsort((at.rank[rows], -n[named]))  # busiest first, then by name
    named, rows = named[order], rows[order]
    out = places.iloc[rows].reset_index(drop=True)
    out["n_events"] = n[named]
    out["first_date"] = pd.to_datetime(first[named].view("datetime64[ns]"))
    out["last_date"] = pd.to_datetime(last[named].view("datetime64[ns]"))
    return out


def _place_summary_joined(links: TableIndex, codes: np.ndarray, keep: np.ndarray, places: pd.DataFrame) -> pd.DataFrame:
    big = np.iinfo("int64").max
    first = links.first[links.event_pos[keep]]
    last = links.last[links.event_pos[keep]]
    agg = pd.DataFrame({"code": codes, "first": np.where(first == NAT, big, first), "last": last})
    grouped = agg.groupby("code").agg(n_events=("code", "size"), first_date=("first", "min"), last_date=("last", "max"))
    grouped.index = links.names[grouped.index]
    for col in ("first_date", "last_date"):
        values = grouped[col].to_numpy()
        values = np.where((values == NAT) | (values == big), NAT, values)
        grouped[col] = pd.to_datetime(values.view("datetime64[ns]"))
    out = places.merge(grouped, left_on="name", right_index=True, how="inner")
    return out.sort_values(["n_events", "name"], ascending=[False, True]).reset_index(drop=True)


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


def events_for_place(selection: Selection, name: str, limit: int | None = None) -> pd.DataFrame:
    """The place's events in date order, undated ones last (the first `limit` of them when given).

    From the precomputed links: the cost follows the place's events, not the
    corpus (a pass over 100k rows' place lists took longer than the rest of a rerun),
    and only the rows returned are copied.
    """
    links, events = selection.links, selection.all_events
    if links is None or events is None or selection.event_kept is None or "order" not in events:
        both = pd.concat([selection.events, selection.undated])
        hit = both[_names(both["places"], name)]
        return hit.sort_values(["date_first", "doc_id", "line"], na_position="last").head(limit)
    # The table is stored in reading order (date, document, line): sorted positions are date order.
    return events.iloc[_event_positions(links, selection.event_kept, name)[:limit]]


def count_for_place(selection: Selection, name: str) -> tuple[int, int]:
    """How many events and quotes `events_for_place` and `quotes_for_place` have in all."""
    links = selection.links
    if links is None or selection.event_kept is None or selection.quote_kept is None:
        return len(events_for_place(selection, name)), len(quotes_for_place(selection, name))
    return (len(_event_positions(links, selection.event_kept, name)),
            len(_place_positions(links.quote_names, links.quote_link_pos, links.quote_link_code,
                                 selection.quote_kept, name)))  # fmt: skip


def _event_positions(links: TableIndex, kept: np.ndarray, name: str) -> np.ndarray:
    """The kept events naming `name`, ascending: its run of links (`by_place`), no pass over every link."""
    code = links.names.get_indexer([name])[0]
    if code < 0:
        return np.array([], dtype=int)
    end = links.place_starts[code + 1] if code + 1 < len(links.place_starts) else len(links.by_place)
    hit = links.event_pos[links.by_place[links.place_starts[code]:end]]  # ascending: links are in event order
    hit = hit[np.r_[True, hit[1:] != hit[:-1]]] if len(hit) else hit  # a place named twice in one event: once
    return hit[kept[hit]]


def _place_positions(names: pd.Index, pos: np.ndarray, codes: np.ndarray, kept: np.ndarray, name: str) -> np.ndarray:
    code = names.get_indexer([name])[0]
    if code < 0:
        return np.array([], dtype=int)
    hit = np.unique(pos[codes == code])
    return hit[kept[hit]]


def quotes_for_place(selection: Selection, name: str, limit: int | None = None) -> pd.DataFrame:
    """The place's quotes by date (the first `limit` of them when given)."""
    links, quotes = selection.links, selection.all_quotes
    order = ["date", "doc_id", "line", "start"]
    if links is None or quotes is None or selection.quote_kept is None:
        hit = selection.quotes[_names(selection.quotes["places"], name)]
        return hit.head(limit)
    pos = _place_positions(links.quote_names, links.quote_link_pos, links.quote_link_code, selection.quote_kept, name)
    keys = quotes[order].iloc[pos].reset_index(drop=True)  # sort on four columns, copy only the rows returned
    ranked = keys.sort_values(order, na_position="last").index.to_numpy()
    return quotes.iloc[pos[ranked][:limit]]


def _names(lists: pd.Series, name: str) -> np.ndarray:
    """Which rows' place lists hold `name`, as a boolean array.

    Never a Series from `.map`: on an empty frame that Series has dtype object, and
    indexing a frame with it selects columns (none) instead of rows (pandas 3).
    """
    return np.fromiter((name in (ps if ps is not None else ()) for ps in lists), dtype=bool, count=len(lists))


# -- permalinks -------------------------------------------------------------------

_LIST_KEYS = {"kind": "kinds", "source": "sources", "claim": "claims", "place": "places"}
MAX_LINK_VALUES = 100  # per list in a permalink: more is a crafted link, not a view someone shared
MAX_LINK_VALUE_CHARS = 200


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
        pieces = (raw or "").split("|", MAX_LINK_VALUES)
        if len(pieces) > MAX_LINK_VALUES:  # the last piece holds everything past the limit, unsplit
            extra = pieces.pop().count("|") + 1
            notes.append(f"ignored {extra:,} more {key} values: a link keeps at most {MAX_LINK_VALUES} per filter")
        items = tuple(v for v in pieces if v)
        too_long = [v for v in items if len(v) > MAX_LINK_VALUE_CHARS]
        notes += [f"ignored a {key} value of {len(v):,} characters (at most {MAX_LINK_VALUE_CHARS})" for v in too_long]
        items = tuple(v for v in items if len(v) <= MAX_LINK_VALUE_CHARS)
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
    selected = (one("sel") or "")[:MAX_LINK_VALUE_CHARS] or None
    return f, selected, notes
