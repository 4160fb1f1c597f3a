"""What the main page shows for one set of filters: computed once, cut to what is shown, then formatted.

No streamlit import. The app caches `page_data` per (build, filters), so sessions
looking at the same thing share it, and a rerun that changes nothing recomputes
nothing. The rule that keeps a rerun fast at 100k events: nothing is formatted
for a row the page does not show. Tables are cut to their first `TABLE_ROWS`
rows and a place's panel to `PANEL_ROWS` events and quotes (more on request)
*before* `views` turns rows into text; the whole corpus is only touched by the
vectorised filter (`query.select`) and by the exports, which run on click.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from dashboard.corpus.pipeline import Tables, read_tables
from dashboard.views import listing, maplayer, panels
from dashboard.views.query import Filters, Selection, count_for_place, events_for_place, quotes_for_place, select
from dashboard.views.rowindex import index_of

TABLE_ROWS = 1000  # rows of the events table on the page; the CSV export holds every one
QUOTE_ROWS = 300  # quotes in the page's table: with the events' 1,000 rows a rerun stays under 1 MB
PANEL_ROWS = 50  # events (and quotes) of a place's panel shown at first; "more" adds as many again
# Bars a day wide with day labels ("8 Dec"), never hours ("06 AM"): an ordinal axis of labels made once per
# (build, filters) in `timeline_chart_data`; a fixed spec, since st.bar_chart rebuilds one through Altair each run.
TIMELINE_SPEC = {
    "mark": {"type": "bar", "color": "#1f5fbf"},
    "encoding": {
        "x": {"field": "label", "type": "ordinal", "sort": None, "title": None, "scale": {"paddingInner": 0.15},
              "axis": {"labelAngle": 0, "labelOverlap": True, "ticks": False}},
        "y": {"field": "events", "type": "quantitative", "title": "events", "axis": {"tickMinStep": 1, "format": "d"}},
        "tooltip": [{"field": "when", "type": "nominal", "title": "day"},
                    {"field": "events", "type": "quantitative", "title": "events"}],
    },
    "height": 180,
}  # fmt: skip


def timeline_chart_data(timeline: pd.DataFrame) -> pd.DataFrame:
    """Events per day as the chart reads it: a label per day and the full day for the tooltip."""
    data = timeline.reset_index()
    data["label"] = [f"{d.day} {d:%b}" for d in data["day"]]
    data["when"] = [f"{d.day} {d:%b %Y}" for d in data["day"]]
    return data


@dataclass(frozen=True)
class PageData:
    """Everything the page draws for one set of filters (read-only: it is shared between sessions)."""

    selection: Selection
    count_line: str
    placed: pd.DataFrame  # the places on the map (with coordinates)
    place_names: list[str]  # the "Place" picker's options, busiest first
    timeline: pd.DataFrame  # events per day, indexed by day
    timeline_chart: pd.DataFrame  # the same as columns (day, events), as the chart reads it
    n_listed: int  # rows of the events table in full (the map's events)
    events_table: pd.DataFrame  # its first TABLE_ROWS rows, formatted
    n_undated: int
    undated_table: pd.DataFrame  # first TABLE_ROWS of the events listed apart (with a date range)
    unplaced_table: pd.DataFrame
    n_quotes: int = 0
    quotes_table: pd.DataFrame | None = None  # the first QUOTE_ROWS quotes, formatted
    n_undated_quotes: int = 0  # quotes without a day, listed apart under a date range
    undated_quotes_table: pd.DataFrame | None = None  # their first TABLE_ROWS
    map_data: dict[str, Any] | None = None  # maplayer.place_data of the places shown, with no place selected
    map_json: str | None = None  # the same as the layer's script reads it (maplayer.places_json)


def listed_events(selection: Selection, filters: Filters, limit: int) -> pd.DataFrame:
    """The first `limit` rows of `listing.shown_events`, without assembling (or copying) all of them first."""
    head = selection.head("events", limit)
    if listing.is_ranged(filters) or len(head) >= limit or not selection.count("undated"):
        return head
    rest = selection.head("undated", limit - len(head))
    return rest if head.empty else pd.concat([head, rest])


def page_data(tables: Tables, filters: Filters) -> PageData:
    sel = select(tables.events, tables.quotes, tables.places, filters)
    ranged = listing.is_ranged(filters)
    n_listed = sel.count("events") + (0 if ranged else sel.count("undated"))
    undated = sel.head("undated", TABLE_ROWS) if ranged else sel.head("undated", 0)
    timeline = listing.timeline_frame(pd.DataFrame({"date_first": sel.event_days()}), filters.date_from,
                                      filters.date_to)  # fmt: skip
    undated_quotes = sel.head("undated_quotes", TABLE_ROWS) if ranged else sel.head("undated_quotes", 0)
    map_data = maplayer.place_data(sel.places)
    return PageData(
        selection=sel,
        count_line=listing.count_line(sel, filters),
        placed=sel.places[sel.places["lat"].notna()],
        place_names=sel.places["name"].astype(str).tolist(),
        timeline=timeline,
        timeline_chart=timeline_chart_data(timeline),
        n_listed=n_listed,
        events_table=listing.events_table(listed_events(sel, filters, TABLE_ROWS)),
        n_undated=sel.count("undated") if ranged else 0,
        undated_table=listing.undated_table(undated),
        unplaced_table=listing.unplaced_table(sel.unplaced),
        n_quotes=sel.count("quotes"),
        quotes_table=listing.quotes_table(sel.head("quotes", QUOTE_ROWS), tables.documents),
        n_undated_quotes=sel.count("undated_quotes") if ranged else 0,
        undated_quotes_table=listing.quotes_table(undated_quotes, tables.documents),
        map_data=map_data,
        map_json=maplayer.places_json(map_data),
    )


@dataclass(frozen=True)
class Panel:
    html: str
    shown: int  # events shown
    total: int  # events the place has under the filters


def place_panel(tables: Tables, selection: Selection, name: str, limit: int = PANEL_ROWS) -> Panel:
    """A place's panel with its first `limit` events and quotes; the counts say how many there are in all."""
    row = tables.places[tables.places["name"] == name]
    place: Mapping[str, Any] | None = row.iloc[0].to_dict() if len(row) else None
    n_events, n_quotes = count_for_place(selection, name)
    events = events_for_place(selection, name, limit)  # only the rows shown are copied and formatted
    quotes = quotes_for_place(selection, name, limit)
    html = panels.place_panel_html(place, name, events, quotes, n_events=n_events, n_quotes=n_quotes,
                                  documents=tables.documents)
    return Panel(html, len(events), n_events)


_TABLES: dict[tuple[str, str], Tables] = {}
_TABLES_LOCK = threading.Lock()


def shared_tables(stamp: str, build_dir: str) -> Tables:
    """One build's tables, read once per server and shared by every page and session (the last two builds kept).

    What the filters read of them is indexed here too (rowindex), once per build. 100k events hold half
    a million Python objects (their place and source lists) that live as long as the build: a full
    garbage collection walked them all, a 100-300 ms pause in whichever rerun it fell on (at 1M, ten
    times that). Frozen (`gc.freeze`), the collector skips them; reference counting still frees them.
    """
    key = (stamp, build_dir)
    with _TABLES_LOCK:
        if key not in _TABLES:
            gc.unfreeze()  # an older build's tables may be dropped now: let the collector see them again
            tables = read_tables(Path(build_dir))
            for frame in (tables.events, tables.quotes, tables.places, tables.documents):
                one_chunk(frame)
            index_of(tables.events, tables.quotes)
            for old in list(_TABLES)[:-1]:
                del _TABLES[old]
            _TABLES[key] = tables
            gc.freeze()
        return _TABLES[key]


def one_chunk(frame: pd.DataFrame) -> None:
    """Each Arrow column of `frame` as one chunk, in place (Parquet reads 1M events as 7 chunks a column).

    Taking 1,000 rows of a chunked column joined all its chunks first: 0.5 s for the first rows of
    a table at 847k events, against 3 ms from one chunk. Done once per build, when the tables are read.
    """
    for column in frame.columns:
        values = frame[column].array
        if not isinstance(values, pd.arrays.ArrowExtensionArray | pd.arrays.ArrowStringArray):
            continue
        chunks = values.__arrow_array__()
        if isinstance(chunks, pa.ChunkedArray) and chunks.num_chunks > 1:
            whole = pa.chunked_array([chunks.combine_chunks()])
            joined = type(values)(whole, dtype=values.dtype) if isinstance(values, pd.arrays.ArrowStringArray) \
                else type(values)(whole)
            frame[column] = pd.Series(joined, index=frame.index, name=column)
