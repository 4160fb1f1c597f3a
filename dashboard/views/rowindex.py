"""What the filters read of the tables, as arrays made once per build: nothing per rerun scans the corpus.

A filter change at 100k events used to explode every event's place and source lists, parse dates,
case-fold and scan every text, and copy every kept row of every column before the page showed its
first 1,000. Here each column a filter reads becomes, once per (events, quotes) tables, an array
of codes (`Coded`), a list of row-to-value links (`Linked`), or a text index (`TextIndex`), so a
filter is a few vectorised lookups, and `query.select` keeps row positions, not copies.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.corpus.tables import DAY_PRECISIONS, search_text
from dashboard.views.textsearch import FIELD_SEP, TextIndex

NAT = np.iinfo("int64").min


@dataclass(frozen=True)
class Coded:
    """One value per row as codes into its distinct values (-1: none)."""

    codes: np.ndarray
    values: pd.Index

    @classmethod
    def of(cls, column: pd.Series) -> Coded:
        codes, uniques = pd.factorize(column.astype(object))
        return cls(np.asarray(codes), pd.Index(uniques, dtype=object))

    def isin(self, wanted: Iterable[str]) -> np.ndarray:
        hit = np.append(self.values.isin(list(wanted)), False)  # code -1 reads the last entry: False
        return hit[self.codes]


@dataclass(frozen=True)
class Linked:
    """A column of lists as (row, value) links: which rows hold any of some values, without exploding."""

    pos: np.ndarray  # the row of each link
    codes: np.ndarray  # index into `values`
    values: pd.Index
    n: int

    @classmethod
    def of(cls, lists: pd.Series) -> Linked:
        flat = lists.explode()
        keep = flat.notna().to_numpy()
        pos = np.repeat(np.arange(len(lists)), lists.map(lambda v: max(len(v), 1) if v is not None else 1))
        codes, values = pd.factorize(flat[keep].astype(object))
        return cls(pos[keep], np.asarray(codes), pd.Index(values, dtype=object), len(lists))

    def any_in(self, wanted: Iterable[str]) -> np.ndarray:
        mask = np.zeros(self.n, bool)
        mask[self.pos[self.values.isin(list(wanted))[self.codes]]] = True
        return mask


def _dates(column: pd.Series) -> np.ndarray:
    """Dates as int64 nanoseconds, NaT as NAT (compare with `> NAT` to leave it out)."""
    return pd.to_datetime(column, errors="coerce").to_numpy("datetime64[ns]").astype("int64")


def _order(frame: pd.DataFrame, columns: list[str]) -> np.ndarray:
    """Row positions sorted by `columns` (missing last, stable): taking kept rows in this order keeps it."""
    if frame.empty:
        return np.zeros(0, np.int64)
    if "order" in frame:  # the build stores events in reading order (date, document, line, start)
        order = frame["order"].to_numpy()
        return np.arange(len(frame)) if (np.diff(order) >= 0).all() else np.argsort(order, kind="stable")
    keys = frame[columns].reset_index(drop=True)
    return keys.sort_values(columns, na_position="last", kind="stable").index.to_numpy()


@dataclass(frozen=True)
class TableIndex:
    """The events' and quotes' columns as the filters read them (see the module's docstring)."""

    # Events: which event names which place (one entry per link), their days, and the other filters' columns.
    event_pos: np.ndarray
    place_code: np.ndarray
    names: pd.Index
    first: np.ndarray  # first and last day, int64 nanoseconds (NAT: none)
    last: np.ndarray
    visible: np.ndarray
    is_day: np.ndarray
    claim: Coded
    sources: Linked
    doc_source: Coded
    event_text: TextIndex
    dated_order: np.ndarray  # positions in the order the page lists dated events
    undated_order: np.ndarray
    # Quotes: the event each is said in (-1: none), their places, and the columns they are filtered on alone.
    quote_pos: np.ndarray
    quote_link_pos: np.ndarray
    quote_link_code: np.ndarray
    quote_names: pd.Index
    quote_visible: np.ndarray
    quote_is_day: np.ndarray
    quote_date: np.ndarray
    outlet: Coded  # the outlet that published the quote's document
    speaker: Coded
    quote_text: TextIndex  # text, speaker and role
    listed_order: np.ndarray  # quotes by date, document, line, start
    apart_order: np.ndarray  # quotes by document, line, start

    by_place: np.ndarray  # the links in place order (stable), so a place's links are one run
    place_starts: np.ndarray  # where each place's run starts in `by_place`

    def per_place(self, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per linked name: events under `mask`, their first and last day (NAT: none), in one pass over the links."""
        if len(self.by_place) == 0:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64)
        events = self.event_pos[self.by_place]
        keep = mask[events]
        n = np.add.reduceat(keep.astype(np.int64), self.place_starts)
        first = self.first[events]
        big = np.iinfo("int64").max
        first = np.minimum.reduceat(np.where(keep & (first != NAT), first, big), self.place_starts)
        last = np.maximum.reduceat(np.where(keep, self.last[events], NAT), self.place_starts)
        return n, np.where(first == big, NAT, first), last

    @property
    def places(self) -> Linked:
        return Linked(self.event_pos, self.place_code, self.names, len(self.first))

    @property
    def quote_places(self) -> Linked:
        return Linked(self.quote_link_pos, self.quote_link_code, self.quote_names, len(self.quote_pos))


def _build(events: pd.DataFrame, quotes: pd.DataFrame) -> TableIndex:
    places = Linked.of(events["places"])
    ids = pd.Index(events["event_id"].to_numpy(dtype=object), dtype=object)
    quote_places = Linked.of(quotes["places"]) if len(quotes) else Linked.of(pd.Series([], dtype=object))
    haystack = events["search_text"] if "search_text" in events else search_text(events)
    outlets = events.drop_duplicates("doc_id").set_index("doc_id")["doc_source"]
    fields = [quotes[c].fillna("").astype(str).str.casefold() for c in ("text", "speaker", "role") if c in quotes]
    said = fields[0].str.cat(fields[1:], sep=FIELD_SEP) if fields else pd.Series([""] * len(quotes), dtype=object)
    n_quotes = len(quotes)
    by_place = np.argsort(places.codes, kind="stable")
    return TableIndex(
        by_place=by_place, place_starts=np.searchsorted(places.codes[by_place], np.arange(len(places.values))),
        event_pos=places.pos, place_code=places.codes, names=places.values,
        first=_dates(events["date_first"]), last=_dates(events["date_last"]),
        visible=events["hidden"].ne(True).to_numpy() if "hidden" in events else np.ones(len(events), bool),
        is_day=events["date_precision"].isin(DAY_PRECISIONS).to_numpy(dtype=bool),
        claim=Coded.of(events["claim"]), sources=Linked.of(events["sources"]),
        doc_source=Coded.of(events["doc_source"]),
        event_text=TextIndex(haystack),
        dated_order=_order(events, ["date_first", "doc_id", "line", "start"]),
        undated_order=_order(events, ["doc_id", "line", "start"]),
        quote_pos=ids.get_indexer(pd.Index(quotes["event_id"].to_numpy(dtype=object), dtype=object)),
        quote_link_pos=quote_places.pos, quote_link_code=quote_places.codes, quote_names=quote_places.values,
        quote_visible=quotes["hidden"].ne(True).to_numpy() if "hidden" in quotes else np.ones(n_quotes, bool),
        quote_is_day=quotes["date_precision"].isin(DAY_PRECISIONS).to_numpy(dtype=bool),
        quote_date=_dates(quotes["date"]) if n_quotes else np.zeros(0, np.int64),
        outlet=Coded.of(quotes["doc_id"].map(outlets)), speaker=Coded.of(quotes["speaker"]),
        quote_text=TextIndex(said),
        listed_order=_order(quotes, ["date", "doc_id", "line", "start"]),
        apart_order=_order(quotes, ["doc_id", "line", "start"]),
    )  # fmt: skip


_CACHE: dict[int, tuple[weakref.ref, weakref.ref, TableIndex]] = {}
_LOCK = threading.Lock()


def index_of(events: pd.DataFrame, quotes: pd.DataFrame) -> TableIndex:
    """The index of these tables, made on first use and kept while they live (the app keeps one build's).

    Keyed on the objects (with weak references): the tables only change when a build does, and
    sessions reading the same cached tables share one index. Made under a lock, so ten sessions
    opening a new build make it once.
    """
    key = id(events) ^ (id(quotes) << 1)
    with _LOCK:
        hit = _CACHE.get(key)
        if hit and hit[0]() is events and hit[1]() is quotes:
            return hit[2]
        index = _build(events, quotes)
        for k, (e, q, _) in list(_CACHE.items()):
            if e() is None or q() is None:
                del _CACHE[k]
        _CACHE[key] = (weakref.ref(events), weakref.ref(quotes), index)
        return index


@dataclass(frozen=True)
class PlaceRows:
    """Where each linked name sits in a places table (-1: not there), and each row's rank by name."""

    positions: np.ndarray
    rank: np.ndarray


_PLACE_ROWS: dict[tuple[int, int], tuple[weakref.ref, PlaceRows | None]] = {}


def place_rows(places: pd.DataFrame, names: pd.Index) -> PlaceRows | None:
    """`PlaceRows` of `names` in `places`, kept while both live; None when a name repeats in `places`."""
    key = (id(places), id(names))
    with _LOCK:
        hit = _PLACE_ROWS.get(key)
        if hit and hit[0]() is places:
            return hit[1]
    column = pd.Index(places["name"].astype(object), dtype=object)
    rows = None
    if column.is_unique:
        rank = np.empty(len(column), np.int64)
        rank[np.argsort(column.to_numpy(), kind="stable")] = np.arange(len(column))
        rows = PlaceRows(column.get_indexer(names), rank)
    with _LOCK:
        for k, (p, _) in list(_PLACE_ROWS.items()):
            if p() is None:
                del _PLACE_ROWS[k]
        _PLACE_ROWS[key] = (weakref.ref(places), rows)
    return rows
