"""The page's lists as data frames: events, quotes, unplaced names, undated items, the timeline, the count.

Each takes rows already cut to what is shown (pagedata.py) and gives Streamlit a data frame, which it
renders as text: news text in a table cell is never Markdown or HTML.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pandas as pd

from dashboard.views.panels import cite, date_label, joined, outlets, plain, plural, source_ref
from dashboard.views.query import Filters, Selection


def is_ranged(filters: Filters) -> bool:
    return bool(filters.date_from or filters.date_to)


def shown_events(selection: Selection, filters: Filters) -> pd.DataFrame:
    """The events the map counts: dated ones, plus those without a day when no range is set."""
    if is_ranged(filters):
        return selection.events
    return pd.concat([selection.events, selection.undated])


def count_line(selection: Selection, filters: Filters) -> str:
    """E.g. "12 of 30 events · 4 places · 3 quotes"; says what is listed apart."""
    count = selection.count  # counts, not copies of 100k rows
    n = count("events") + (0 if is_ranged(filters) else count("undated"))
    placed = int(selection.places["lat"].notna().sum()) if not selection.places.empty else 0
    parts = [f"{n} of {plural(selection.total_events, 'event')}", plural(placed, "place") + " on the map",
             plural(count("quotes"), "quote")]  # fmt: skip
    if is_ranged(filters) and count("undated"):
        parts.append(f"{count('undated')} {'event' if count('undated') == 1 else 'events'}"
                     " without a day listed apart")  # fmt: skip
    if is_ranged(filters) and count("undated_quotes"):
        parts.append(f"{plural(count('undated_quotes'), 'quote')} without a day listed apart")
    if len(selection.unplaced):
        parts.append(f"{plural(len(selection.unplaced), 'place')} not placed")
    return " · ".join(parts)


def records(frame: pd.DataFrame, columns: list[str] | None = None) -> list[dict[str, Any]]:
    """Rows as dicts, read a column at a time: `to_dict("records")` boxes every cell, ten times slower on text."""
    names = list(frame.columns if columns is None else columns)
    return [dict(zip(names, row, strict=True)) for row in zip(*(frame[c].tolist() for c in names), strict=True)]


def events_table(events: pd.DataFrame) -> pd.DataFrame:
    """The events as a plain table for st.dataframe (rendered as text, never HTML)."""
    if events.empty:
        return pd.DataFrame(columns=["date", "claim", "places", "sources", "text", "source line"])
    # Only the columns the labels read: a row dict of every column costs more than the table.
    dates = records(events, ["date", "date_end", "date_precision", "date_text"])
    refs = records(events, ["path", "line", "start", "end"])
    return pd.DataFrame({
        "date": [date_label(r) for r in dates],
        "claim": events["claim"].to_numpy(),
        "places": [joined(v) for v in events["places"]],
        "sources": [joined(v) for v in events["sources"]],
        "text": events["text"].to_numpy(),
        "source line": [source_ref(r) for r in refs],
    })  # fmt: skip


def unplaced_table(unplaced: pd.DataFrame) -> pd.DataFrame:
    """Places that could not be put on the map, with the reason: nothing silently dropped."""
    if unplaced.empty:
        return pd.DataFrame(columns=["place", "events", "as written", "reason"])
    return pd.DataFrame({
        "place": unplaced["name"].to_numpy(),
        "events": unplaced["n_events"].to_numpy() if "n_events" in unplaced else 0,
        "as written": unplaced["mentions"].map(joined).to_numpy(),
        "reason": unplaced["reason"].fillna("no coordinates").map(plain).to_numpy(),
    })  # fmt: skip


def undated_reason(row: Mapping[str, Any]) -> str:
    precision = row.get("date_precision")
    if precision in ("month", "year"):
        return f"dated only to the {precision}: {row.get('date')}"
    return "no date found in the sentence"


def undated_table(undated: pd.DataFrame) -> pd.DataFrame:
    table = events_table(undated)
    table.insert(1, "why apart", [undated_reason(r) for r in records(undated, ["date_precision", "date"])])
    return table


def timeline_frame(events: pd.DataFrame, start: date | None = None, end: date | None = None) -> pd.DataFrame:
    """Events per day over the range, zero days included, so gaps show as gaps."""
    days = pd.to_datetime(events["date_first"]).dt.normalize() if not events.empty else pd.Series([], dtype="M8[ns]")
    if days.empty and not (start and end):
        return pd.DataFrame({"events": pd.Series(dtype=int)}, index=pd.DatetimeIndex([], name="day"))
    lo = pd.Timestamp(start) if start else days.min()
    hi = pd.Timestamp(end) if end else days.max()
    index = pd.date_range(lo, hi, freq="D", name="day")
    counts = days.value_counts().reindex(index, fill_value=0).astype(int)
    return pd.DataFrame({"events": counts.to_numpy()}, index=index)


def quotes_table(quotes: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Who said what, when, where it was published and on which line: one row per quote, as text."""
    columns = ["speaker", "role", "date", "quote", "places", "source", "source line"]
    if quotes.empty:
        return pd.DataFrame(columns=columns)
    docs = outlets(documents).reindex(quotes["doc_id"].to_numpy())
    rows = records(quotes)
    return pd.DataFrame({
        "speaker": quotes["speaker"].fillna("unnamed speaker").to_numpy(),
        "role": quotes["role"].fillna("").to_numpy(),
        "date": [date_label(r) for r in rows],
        "quote": quotes["text"].to_numpy(),
        "places": quotes["places"].map(joined).to_numpy(),
        "source": [cite(o, t, d) for o, t, d in zip(docs["outlet"], docs["title"], docs["published"], strict=True)],
        "source line": [f"{r['path']}:{int(r['line'])}" for r in rows],
    })  # fmt: skip
