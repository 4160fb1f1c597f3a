"""Every document's extraction as table rows, kept between builds: the reduce reads one store, not a file per document.

The extraction cache (`build/cache/KEY.json`) makes re-extraction unnecessary, but
reading 2,000 JSON files back into objects and turning 100k events into rows took
most of a rebuild's 7 s at 100k snippets. Here the same results are kept as rows
(Parquet, `build/rows/seg-*.parquet`), keyed by the extraction's cache key: a build
adds a segment holding only the documents it has not seen, and the reduce assembles
the tables from the store with vectorised joins. Rows hold nothing that depends on
the file's name or metadata (those come from the documents each build), so a renamed
or re-dated copy never reuses stale ids.

Segments are merged into one when there are more than `MAX_SEGMENTS` or when more
than a quarter of the rows belong to documents no longer in the corpus.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.corpus.merge import SEP, tokens
from dashboard.extraction.dates import date_bounds

if TYPE_CHECKING:
    from dashboard.extraction.extract import Extraction

KINDS = ("events", "quotes", "mentions", "keys")
LIST_COLUMNS = ("place_keys", "sources", "actors", "tokens")
# Lists are stored as one string joined by SEP, the ASCII unit separator: Parquet list cells
# come back as one numpy array per cell, ten times slower to turn into lists than a split string.


def pack(values: list[str]) -> str:
    if not values:
        return ""
    joined = SEP.join(values)  # most values hold no SEP: then one join is the answer, no loop per value
    return joined if joined.count(SEP) == len(values) - 1 else SEP.join(v.replace(SEP, " ") for v in values)


def unpack(cell: str | None) -> list[str]:
    return cell.split(SEP) if cell else []


def unpack_column(cells: list[str | None]) -> list[list[str]]:
    """`unpack` of every cell, each distinct value one shared string object (a list per row still).

    A million events name a few thousand places and outlets: one `str` per mention made a
    million-event build hold a few hundred megabytes of copies of the same names.
    """
    parts: dict[str, str] = {}
    out: list[list[str]] = []
    for cell in cells:
        out.append([parts.setdefault(v, v) for v in cell.split(SEP)] if cell else [])
    return out
MAX_SEGMENTS = 8
STORE_VERSION = "4"  # bump when the rows' columns change: an older store is then ignored and rebuilt


@dataclass
class Store:
    """The rows of every document the store has seen (`keys`: one row per extraction key)."""

    events: pd.DataFrame
    quotes: pd.DataFrame
    mentions: pd.DataFrame
    keys: pd.DataFrame
    segments: list[Path]

    def known(self) -> set[str]:
        return set(self.keys["key"]) if len(self.keys) else set()


def store_dir(build_dir: Path) -> Path:
    return build_dir / f"rows-v{STORE_VERSION}"


def extraction_rows(key: str, extraction: Extraction) -> dict[str, list[dict]]:
    """One document's extraction as rows of the four kinds (no document name or path in them)."""
    events = []
    for n, e in enumerate(extraction.events):
        first, last = date_bounds(e.date, e.date_end, e.date_precision)
        events.append({
            "key": key, "n": n, "line": e.line, "start": e.start, "end": e.end, "text": e.text,
            "date": e.date, "date_end": e.date_end, "date_precision": e.date_precision, "date_text": e.date_text,
            "date_first": first, "date_last": last, "place_keys": pack(e.places), "claim": e.claim,
            "claim_evidence": e.claim_evidence, "sources": pack(e.sources), "actors": pack(e.actors),
            "tokens": pack(sorted(tokens(e.text or ""))), "date_basis": e.date_basis,
            "mentioned_keys": pack(e.mentioned),
        })  # fmt: skip
    quotes = []
    for n, q in enumerate(extraction.quotes):
        ev = extraction.events[q.event_index] if q.event_index is not None else None
        quotes.append({
            "key": key, "n": n, "line": q.line, "start": q.start, "end": q.end, "text": q.text,
            "speaker": q.speaker, "role": q.role, "date": q.date, "date_precision": q.date_precision,
            "place_keys": pack(q.places),
            "event_line": ev.line if ev else None, "event_start": ev.start if ev else None,
            "date_basis": q.date_basis, "mentioned_keys": pack(q.mentioned),
        })  # fmt: skip
    mentions = [{"key": key, "n": n, "place": m.place, "surface": m.surface, "known": m.known}
                for n, m in enumerate(extraction.mentions)]  # fmt: skip
    return {"events": events, "quotes": quotes, "mentions": mentions,
            "keys": [{"key": key, "n_events": len(events), "n_quotes": len(quotes),
                      "problems": pack(extraction.problems)}]}  # fmt: skip


_EMPTY_COLUMNS = {
    "events": ["key", "n", "line", "start", "end", "text", "date", "date_end", "date_precision", "date_text",
               "date_first", "date_last", "place_keys", "claim", "claim_evidence", "sources", "actors", "tokens",
               "date_basis", "mentioned_keys"],
    "quotes": ["key", "n", "line", "start", "end", "text", "speaker", "role", "date", "date_precision",
               "place_keys", "event_line", "event_start", "date_basis", "mentioned_keys"],
    "mentions": ["key", "n", "place", "surface", "known"],
    "keys": ["key", "n_events", "n_quotes", "problems"],
}  # fmt: skip


def frames(rows: list[dict[str, list[dict]]]) -> dict[str, pd.DataFrame]:
    out = {}
    for kind in KINDS:
        flat = [r for doc in rows for r in doc[kind]]
        out[kind] = pd.DataFrame(flat, columns=_EMPTY_COLUMNS[kind])
    for col in ("date_first", "date_last"):
        out["events"][col] = pd.to_datetime(out["events"][col]).astype("datetime64[ns]")
    for col in ("event_line", "event_start"):
        out["quotes"][col] = out["quotes"][col].astype("Int64")
    return out


class Batch:
    """New documents' rows, turned into frames a chunk at a time as documents are extracted.

    Holding every new document's extraction (Python objects) and then every row as a dict until
    the end made most of a 1M-snippet build's peak memory; here at most `chunk_rows` events' dicts
    are alive at once, and a chunk's frames hold the strings as Arrow. `frames()` gives the same
    frames as `frames(rows)` of all the documents at once (same columns, dtypes and values).
    """

    def __init__(self, chunk_rows: int = 20_000) -> None:
        self.chunk_rows = chunk_rows
        self.keys: set[str] = set()
        self._pending: list[dict[str, list[dict]]] = []
        self._pending_events = 0
        self._chunks: list[dict[str, pd.DataFrame]] = []

    def __contains__(self, key: object) -> bool:
        return key in self.keys

    def add(self, key: str, extraction: Extraction) -> None:
        if key in self.keys:
            return
        self.keys.add(key)
        rows = extraction_rows(key, extraction)
        self._pending.append(rows)
        self._pending_events += len(rows["events"]) + len(rows["quotes"]) + len(rows["mentions"])
        if self._pending_events >= self.chunk_rows:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._chunks.append(frames(self._pending))
            self._pending, self._pending_events = [], 0

    def frames(self) -> dict[str, pd.DataFrame]:
        """All the rows added, as one frame per kind; the batch is empty afterwards."""
        self._flush()
        chunks, self._chunks = self._chunks, []
        if not chunks:
            return frames([])
        if len(chunks) == 1:
            return chunks[0]
        out = {}
        for kind in KINDS:
            parts = [c.pop(kind) for c in chunks]
            parts = [f for f in parts if len(f)] or parts[:1]  # an empty chunk's columns are all `object`
            frame = pd.concat(parts, ignore_index=True)
            del parts
            # A column holding only None in one chunk is `object` there: infer again over all the
            # rows, as `frames` does, so strings with gaps are `str` (NaN gaps) whatever the chunking.
            for col in frame.columns:
                if frame[col].dtype == object:
                    frame[col] = pd.Series(frame[col].tolist())
            out[kind] = frame
        return out


def segments(build_dir: Path) -> list[Path]:
    """The store's segments on disk, in the order `load` reads them."""
    folder = store_dir(build_dir)
    return sorted(folder.glob("seg-*")) if folder.exists() else []


def load(build_dir: Path) -> Store:
    """The store as it is on disk; empty when there is none (or an unreadable one: the build then redoes it)."""
    folder = store_dir(build_dir)
    for old in build_dir.glob("rows-v*"):  # a store of an older layout is never read again
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)
    segs = segments(build_dir)
    if not segs:
        return empty()
    parts: dict[str, list[pd.DataFrame]] = {k: [] for k in KINDS}
    try:
        for seg in segs:
            for kind in KINDS:
                parts[kind].append(pd.read_parquet(seg / f"{kind}.parquet"))
    except (OSError, ValueError):  # damaged: start again (the JSON cache still spares re-extraction)
        shutil.rmtree(folder, ignore_errors=True)
        return empty()
    got = {k: pd.concat(v, ignore_index=True) if len(v) > 1 else v[0] for k, v in parts.items()}
    if len(segs) > 1:  # two builds at once may both have added a document: keep its first rows
        got = {k: v.drop_duplicates(["key"] if k == "keys" else ["key", "n"]) for k, v in got.items()}
    return Store(segments=segs, **got)


def empty() -> Store:
    return Store(segments=[], **frames([]))


def _joined(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """`old` then `new`. An empty side is left out: concatenated with an empty frame's `object`
    columns, every string column became Python objects (a million events: gigabytes)."""
    if not len(new):
        return old
    if not len(old):
        return new
    return pd.concat([old, new], ignore_index=True)


def merged(store: Store, new: dict[str, pd.DataFrame]) -> Store:
    """`store` with `new` added, in memory only (a build without a build folder)."""
    return Store(segments=store.segments, **{k: _joined(getattr(store, k), new[k]) for k in KINDS})


def _tail(store: Store, new: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame] | None:
    """The rows of every segment after the first, then `new`, read back from disk; None when unreadable.

    Rewriting every row when the segments grew too many cost a second at 100k events (and made the
    build's saved state be written whole again): documents added one at a time make small segments,
    and only those are merged. The rows stay in the same order, so the store in memory is unchanged.
    """
    if len(store.segments) < 2:
        return None
    try:
        parts = {k: [pd.read_parquet(seg / f"{k}.parquet") for seg in store.segments[1:]] for k in KINDS}
    except (OSError, ValueError):
        return None
    out = {}
    for k in KINDS:
        frames = [f for f in [*parts[k], new[k]] if len(f)]
        out[k] = pd.concat(frames, ignore_index=True) if frames else new[k]
    return out


def add(build_dir: Path, store: Store, new: dict[str, pd.DataFrame], live: set[str]) -> Store:
    """Write `new` as a segment (or everything live as one, when compacting); return the store in memory."""
    folder = store_dir(build_dir)
    folder.mkdir(parents=True, exist_ok=True)
    merged = {k: _joined(getattr(store, k), new[k]) for k in KINDS}
    dead = len(merged["keys"]) - int(merged["keys"]["key"].isin(live).sum())
    compact = len(store.segments) + 1 > MAX_SEGMENTS or dead * 4 > len(merged["keys"])
    tail = _tail(store, new) if compact and dead * 4 <= len(merged["keys"]) else None
    if tail is not None:  # too many segments, few rows dead: merge the small ones, keep the first as written
        write = tail
    elif compact:
        merged = {k: v[v["key"].isin(live)].reset_index(drop=True) for k, v in merged.items()}
        write = merged
    else:
        write = new
    if not len(write["keys"]) and not compact:
        return store
    # Named so that names sort as the segments were written (`segments` reads them in that order): the
    # second, then its nanoseconds zero-padded (a monotonic clock's remainder did not sort within a second).
    ns = time.time_ns()
    seg = folder / f"seg-{time.strftime('%Y%m%dT%H%M%S', time.localtime(ns // 10**9))}-{ns % 10**9:09d}-{os.getpid()}"
    tmp = folder / f".{seg.name}"
    tmp.mkdir()
    for kind in KINDS:
        write[kind].to_parquet(tmp / f"{kind}.parquet", index=False)
    os.replace(tmp, seg)  # a reader never sees half a segment
    if tail is not None:  # the same rows in the same order on disk: the first segment, then this one
        for old in store.segments[1:]:
            shutil.rmtree(old, ignore_errors=True)
        return Store(segments=[store.segments[0], seg], **merged)
    if compact:
        for old in store.segments:
            shutil.rmtree(old, ignore_errors=True)
        return Store(segments=[seg], **merged)
    return Store(segments=[*store.segments, seg], **merged)
