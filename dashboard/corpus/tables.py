"""The tables every view reads (events, quotes, places, documents): their columns and their files.

A build writes them (`assembly.write_tables`) as Parquet into a new `build/tables-*` folder and then
points `build/current` at it in one step, so a reader sees the old tables or the new ones, never half.
The events are stored in reading order with the columns the filters read on every rerun (real dates,
the search text).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from dashboard.corpus.context import BUILD_DIR
from dashboard.errors import InputError
from dashboard.extraction import dates

# The date_precision values that name a day: written out ("day") or reckoned from the publication
# date ("day-inferred"). The views below read them from here.
DAY_PRECISIONS = dates.DAY_PRECISIONS
INFERRED_DAY = dates.INFERRED_DAY


def build_stamp(build: Path) -> str:
    """Changes whenever a build replaces the tables ("" when there are none): a cache key for readers."""
    current = build / "current"
    try:
        built_at = json.loads((current / "manifest.json").read_text(encoding="utf-8"))["built_at"]
        return f"{built_at}|{current.resolve().name}"
    except (OSError, ValueError, KeyError):
        return ""


EVENT_COLUMNS = [
    "event_id", "doc_id", "path", "line", "start", "end", "text", "date", "date_end",
    "date_precision", "date_text", "date_first", "date_last", "places", "primary_place",
    "claim", "claim_evidence", "sources", "actors", "doc_source", "hidden", "date_basis", "mentioned",
]  # fmt: skip


QUOTE_COLUMNS = [
    "quote_id", "doc_id", "path", "line", "start", "end", "text", "speaker", "role", "date",
    "date_precision", "places", "event_id", "hidden", "speaker_id", "date_basis", "mentioned",
]  # fmt: skip


PLACE_COLUMNS = [
    "name", "kind", "lat", "lon", "country", "source", "source_ref", "via", "confidence",
    "status", "reason", "mentions", "n_mentions",
]  # fmt: skip


@dataclass
class Tables:
    events: pd.DataFrame
    quotes: pd.DataFrame
    places: pd.DataFrame
    documents: pd.DataFrame
    manifest: dict[str, Any]


EVENT_ORDER = ["date_first", "doc_id", "line", "start"]  # the events table's row order (`prepare_events`)


TABLE_NAMES = ("events", "quotes", "places", "documents")


def search_text(events: pd.DataFrame) -> pd.Series:
    """What the text filter searches: the sentence, its places, sources and actors, case-folded."""

    def joined(v: object) -> str:
        return " ".join(v) if v is not None and len(v) else ""  # type: ignore[arg-type]

    dtype = events["text"].dtype if len(events) else object
    parts = []
    for i in range(0, len(events), SEARCH_CHUNK):  # a chunk at a time: a million rows' Python strings at once
        rows = events.iloc[i : i + SEARCH_CHUNK]  # were a few hundred megabytes on top of the table
        zipped = zip(rows["text"].fillna("").tolist(), rows["places"].tolist(), rows["sources"].tolist(),
                     rows["actors"].tolist(), strict=True)  # fmt: skip
        parts.append(pd.Series([f"{t} {joined(p)} {joined(s)} {joined(a)}".casefold() for t, p, s, a in zipped],
                               dtype=dtype))  # fmt: skip
    out = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0] if parts else pd.Series(dtype=dtype)
    out.index = events.index
    return out


SEARCH_CHUNK = 100_000


def prepare_events(events: pd.DataFrame, keep: np.ndarray | None = None) -> pd.DataFrame:
    """Columns the filters read on every rerun, computed once: real dates and the search text.

    The rows are stored in reading order (date, document, line), which filtering
    keeps, so the app never sorts 100k events on a rerun. With `keep` (a mask over
    the rows, those a merge kept: `merge.Folded`), the result is
    `prepare_events(events[keep])`, its rows picked and sorted in one copy, not two
    (the order is worked out on the four order columns alone).
    """
    events = events.copy(deep=False)  # the columns are replaced, not changed in place (copy on write)
    for col in ("date_first", "date_last"):
        events[col] = pd.to_datetime(events[col]).astype("datetime64[ns]")
    if keep is None:
        events = events.sort_values(EVENT_ORDER, na_position="last", ignore_index=True)
    else:
        keys = events[EVENT_ORDER].set_axis(pd.RangeIndex(len(events))).iloc[np.flatnonzero(keep)]
        order = keys.sort_values(EVENT_ORDER, na_position="last").index.to_numpy()  # the same sort, on 4 columns
        del keys
        events = events.take(order).reset_index(drop=True)
    # after sorting: the sort copies every column, and the search text is the longest (memory at 1M)
    events["search_text"] = search_text(events) if len(events) else pd.Series(dtype=str)
    events["order"] = range(len(events))
    return events


def read_tables(build_dir: Path = BUILD_DIR) -> Tables:
    current = build_dir / "current"
    if not current.exists():
        raise InputError(f"{build_dir}: no tables built yet. Run `python -m dashboard build` first.")
    frames = {name: pd.read_parquet(current / f"{name}.parquet") for name in TABLE_NAMES}
    for frame in (frames["events"], frames["quotes"], frames["places"]):
        for col in ("places", "sources", "actors", "mentions", "also_reported_by", "also_sources"):
            if col in frame.columns:
                frame[col] = frame[col].map(lambda v: list(v) if v is not None else [])
    if "order" not in frames["events"]:  # tables from an older build
        frames["events"] = prepare_events(frames["events"])
    manifest = json.loads((current / "manifest.json").read_text(encoding="utf-8"))
    return Tables(manifest=manifest, **frames)
