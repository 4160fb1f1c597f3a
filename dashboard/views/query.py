"""Filters over the tables, shared by the app, the exports and the briefings.

One `Filters` value says what the user is looking at; the same value filters
the map, the lists, the CSV/GeoJSON exports and a briefing, and round-trips
through the URL (a permalink) unchanged.

It is one module over 300 lines because it is one selection: the filters, the masks over events and
quotes, the links between events and places and the per-place summary are computed together, once
per set of filters, and must agree row for row.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np
import pandas as pd

from dashboard.corpus.tables import DAY_PRECISIONS, search_text

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


def any_in(lists: pd.Series, wanted: set[str]) -> pd.Series:
    """For a column of lists: does each row hold any of `wanted`? Vectorised via explode."""
    if lists.empty:
        return pd.Series(False, index=lists.index)
    flat = lists.explode()
    return flat.isin(wanted).groupby(level=0).any().reindex(lists.index, fill_value=False)


def event_mask(events: pd.DataFrame, places: pd.DataFrame, f: Filters) -> pd.Series:
    """Which events pass every filter except the date (see `date_mask`)."""
    mask = pd.Series(True, index=events.index)
    if f.kinds:
        mask &= any_in(events["places"], set(places.loc[places["kind"].isin(f.kinds), "name"]))
    if f.places:
        mask &= any_in(events["places"], set(f.places))
    if f.sources:
        wanted = set(f.sources)
        mask &= any_in(events["sources"], wanted) | events["doc_source"].isin(wanted)
    if f.claims:
        mask &= events["claim"].isin(f.claims)
    if f.query:
        haystack = events["search_text"] if "search_text" in events else search_text(events)
        mask &= haystack.str.contains(f.query.casefold(), regex=False)
    return mask


def date_mask(events: pd.DataFrame, f: Filters) -> pd.Series:
    """Events whose date overlaps the range; events with no date never pass a set range."""
    mask = pd.Series(True, index=events.index)
    if f.date_from:
        mask &= pd.to_datetime(events["date_last"]) >= pd.Timestamp(f.date_from)
    if f.date_to:
        mask &= pd.to_datetime(events["date_first"]) <= pd.Timestamp(f.date_to)
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
    # For per-place lookups without a pass over every row (`events_for_place`): the tables
    # selected from, which of their rows are kept, and the event-place links.
    all_events: pd.DataFrame | None = None
    all_quotes: pd.DataFrame | None = None
    event_kept: np.ndarray | None = None  # events listed (dated in range, plus those apart)
    quote_kept: np.ndarray | None = None
    links: _Links | None = None
    undated_quotes: pd.DataFrame = field(default_factory=pd.DataFrame)  # no day, with a date range set: apart


@dataclass(frozen=True)
class _Links:
    """Which event names which place, as arrays: computed once per events table."""

    event_pos: np.ndarray  # position of the event in the table, one entry per (event, place)
    place_code: np.ndarray  # index into `names`
    names: pd.Index
    first: np.ndarray  # the event's first and last day (int64 nanoseconds; NaT as int64 min)
    last: np.ndarray
    quote_pos: np.ndarray  # for each quote row: the position of its event, -1 when none
    quote_link_pos: np.ndarray  # position of the quote in its table, one entry per (quote, place)
    quote_link_code: np.ndarray  # index into `quote_names`
    quote_names: pd.Index


_LINKS: dict[int, tuple[weakref.ref, weakref.ref, _Links]] = {}


def _links(events: pd.DataFrame, quotes: pd.DataFrame) -> _Links:
    """The event-place links, cached per (events, quotes) tables while they live.

    Exploding 100k events' place lists costs more than everything else a rerun
    does, and the tables only change when a build does; keying on the objects
    (with weak references) ties the cache to the tables the app has cached.
    """
    key = id(events) ^ (id(quotes) << 1)
    hit = _LINKS.get(key)
    if hit and hit[0]() is events and hit[1]() is quotes:
        return hit[2]
    flat = events["places"].explode()
    keep = flat.notna().to_numpy()
    pos = np.repeat(np.arange(len(events)), events["places"].map(lambda v: max(len(v), 1) if v is not None else 1))
    codes, names = pd.factorize(flat[keep].astype(object))
    first = pd.to_datetime(events["date_first"]).to_numpy("datetime64[ns]").astype("int64")
    last = pd.to_datetime(events["date_last"]).to_numpy("datetime64[ns]").astype("int64")
    ids = pd.Index(events["event_id"].to_numpy(dtype=object), dtype=object)
    quote_pos = ids.get_indexer(pd.Index(quotes["event_id"].to_numpy(dtype=object), dtype=object))
    names = pd.Index(names, dtype=object)
    q_flat = quotes["places"].explode() if len(quotes) else pd.Series([], dtype=object)
    q_keep = q_flat.notna().to_numpy()
    q_pos = np.repeat(np.arange(len(quotes)), quotes["places"].map(lambda v: max(len(v), 1) if v is not None else 1))
    q_code, q_names = pd.factorize(q_flat[q_keep].astype(object))
    links = _Links(pos[keep], codes, names, first, last, quote_pos, q_pos[q_keep], q_code,
                   pd.Index(q_names, dtype=object))  # fmt: skip
    for k, (e, q, _) in list(_LINKS.items()):
        if e() is None or q() is None:
            del _LINKS[k]
    _LINKS[key] = (weakref.ref(events), weakref.ref(quotes), links)
    return links


def select(events: pd.DataFrame, quotes: pd.DataFrame, places: pd.DataFrame, f: Filters) -> Selection:
    links = _links(events, quotes)
    visible = events["hidden"].ne(True).to_numpy() if "hidden" in events else np.ones(len(events), bool)
    base = event_mask(events, places, f).to_numpy() & visible
    is_day = events["date_precision"].isin(DAY_PRECISIONS).to_numpy()
    in_range = date_mask(events, f).to_numpy()
    ranged = bool(f.date_from or f.date_to)
    dated_m = base & is_day & in_range
    undated_m = base & ~is_day
    if ranged:
        # A coarse date (a month, a year) is kept apart only when it overlaps the range.
        undated_m &= events["date_first"].isna().to_numpy() | in_range
    # With a date range set, events without a day cannot be placed in it: they are
    # listed apart but do not count on the map; with no range, everything counts.
    view_m = dated_m if ranged else dated_m | undated_m
    listable = in_range | events["date_first"].isna().to_numpy()  # a day in the range, or no date at all
    quote_m, quote_apart = _quote_masks(quotes, events, places, f, links.quote_pos, base, is_day, listable)
    summary = _place_summary(links, view_m, places)
    if f.kinds:
        summary = summary[summary["kind"].isin(f.kinds)]
    return Selection(
        events=_in_order(events[dated_m], ["date_first", "doc_id", "line", "start"]),
        undated=_in_order(events[undated_m], ["doc_id", "line", "start"]),
        quotes=quotes[quote_m].sort_values(["date", "doc_id", "line", "start"], na_position="last"),
        places=summary,
        total_events=int(visible.sum()),
        unplaced=summary[summary["lat"].isna() & ~_dismissed(summary)],
        undated_quotes=quotes[quote_apart].sort_values(["doc_id", "line", "start"]),
        all_events=events,
        all_quotes=quotes,
        event_kept=dated_m | undated_m,
        quote_kept=quote_m,
        links=links,
    )


def _dismissed(places: pd.DataFrame) -> pd.Series:
    """Names a reviewer marked "not a place": not listed as places waiting for coordinates."""
    if "status" not in places:
        return pd.Series(False, index=places.index)
    return places["status"] == "not a place"


def _quote_masks(
    quotes: pd.DataFrame, events: pd.DataFrame, places: pd.DataFrame, f: Filters, event_pos: np.ndarray,
    event_ok: np.ndarray,
    event_day: np.ndarray, event_in_range: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Which quotes are listed, and which are listed apart for want of a day under a date range.

    A quote said in an event's sentence follows its event (same filters, same
    date). A quote tied to no event is filtered on its own words: its places,
    its outlet, its speaker and its date; it is never dropped for having no
    place. Quotes marked wrong are left out.
    """
    n = len(quotes)
    if n == 0:
        return np.zeros(0, bool), np.zeros(0, bool)
    tied = event_pos >= 0
    pos = np.maximum(event_pos, 0)
    own = np.ones(n, bool)
    if f.kinds:
        own &= any_in(quotes["places"], set(places.loc[places["kind"].isin(f.kinds), "name"])).to_numpy()
    if f.places:
        own &= any_in(quotes["places"], set(f.places)).to_numpy()
    if f.sources:
        outlets = events.drop_duplicates("doc_id").set_index("doc_id")["doc_source"]
        outlet = quotes["doc_id"].map(outlets)
        own &= (outlet.isin(set(f.sources)) | quotes["speaker"].isin(set(f.sources))).to_numpy()
    if f.claims:
        own &= "reported" in f.claims  # a quote tied to no event is what its speaker said: reported
    if f.query:
        needle = f.query.casefold()
        own &= np.logical_or.reduce([
            quotes[c].fillna("").astype(str).str.casefold().str.contains(needle, regex=False).to_numpy()
            for c in ("text", "speaker", "role") if c in quotes
        ])  # fmt: skip
    ok = np.where(tied, event_ok[pos], own)
    if "hidden" in quotes:
        ok &= quotes["hidden"].ne(True).to_numpy()
    if not (f.date_from or f.date_to):
        return ok, np.zeros(n, bool)
    is_day = quotes["date_precision"].isin(DAY_PRECISIONS).to_numpy()
    dates = pd.to_datetime(quotes["date"], errors="coerce")  # only under a date range: not on every rerun
    in_range = np.ones(n, bool)
    if f.date_from:
        in_range &= (dates >= pd.Timestamp(f.date_from)).to_numpy()
    if f.date_to:
        in_range &= (dates <= pd.Timestamp(f.date_to)).to_numpy()
    day = np.where(tied, event_day[pos], is_day)
    ranged_in = np.where(tied, event_in_range[pos], in_range | dates.isna().to_numpy())
    return ok & day & ranged_in, ok & ~day & ranged_in


def _in_order(events: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    # The build stores events in reading order ("order": date, document, line, start),
    # and filtering keeps it: sorting is then a no-op check, not a copy of 100k rows.
    if "order" in events:
        return events if events["order"].is_monotonic_increasing else events.sort_values("order")
    return events.sort_values(columns)


def _place_summary(links: _Links, mask: np.ndarray, places: pd.DataFrame) -> pd.DataFrame:
    """`place_summary` for the events under `mask`, from the precomputed links."""
    keep = mask[links.event_pos]
    codes = links.place_code[keep]
    if codes.size == 0:
        return pd.DataFrame(columns=list(places.columns) + ["n_events", "first_date", "last_date"])
    nat = np.iinfo("int64").min
    first = links.first[links.event_pos[keep]]
    last = links.last[links.event_pos[keep]]
    agg = pd.DataFrame({"code": codes, "first": np.where(first == nat, np.iinfo("int64").max, first), "last": last})
    grouped = agg.groupby("code").agg(n_events=("code", "size"), first_date=("first", "min"), last_date=("last", "max"))
    grouped.index = links.names[grouped.index]
    for col in ("first_date", "last_date"):
        values = grouped[col].to_numpy()
        values = np.where((values == nat) | (values == np.iinfo("int64").max), nat, values)
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
    return events.iloc[_place_positions(links.names, links.event_pos, links.place_code, selection.event_kept,
                                        name)[:limit]]  # fmt: skip


def count_for_place(selection: Selection, name: str) -> tuple[int, int]:
    """How many events and quotes `events_for_place` and `quotes_for_place` have in all."""
    links = selection.links
    if links is None or selection.event_kept is None or selection.quote_kept is None:
        return len(events_for_place(selection, name)), len(quotes_for_place(selection, name))
    return (len(_place_positions(links.names, links.event_pos, links.place_code, selection.event_kept, name)),
            len(_place_positions(links.quote_names, links.quote_link_pos, links.quote_link_code,
                                 selection.quote_kept, name)))  # fmt: skip


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
