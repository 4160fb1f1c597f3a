"""The reduce: every document's rows assembled into the tables, in full or by patching the last build.

`build_tables` adds new documents' rows to the row store (rowstore.py); `assemble` joins the rows of
the documents in the corpus, places their names, merges same-story events (merge.py), gives speakers
their ids (speakers.py) and applies the people's fixes and marks. When a build only adds documents to
the last one made in this process, `_patch` reuses that assembly and redoes only what the new
documents touch. It is one module over 300 lines because the full and the patched paths must give the
same tables, so they share every step here, side by side.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.corpus import rowstore
from dashboard.corpus.context import BUILD_DIR, EXTRACTOR_VERSION, Context, DocumentResult, resolve_names
from dashboard.corpus.fixes import NOT_A_PLACE, Fixes, Override
from dashboard.corpus.merge import fold_events
from dashboard.corpus.speakers import assign_speaker_ids
from dashboard.corpus.tables import (
    DAY_PRECISIONS,
    EVENT_COLUMNS,
    PLACE_COLUMNS,
    QUOTE_COLUMNS,
    TABLE_NAMES,
    Tables,
    prepare_events,
)
from dashboard.errors import InputError
from dashboard.files import atomic_write_text


def build_tables(
    results: list[DocumentResult], ctx: Context, build_dir: Path | None = None, store: rowstore.Store | None = None,
    fixes: Fixes | None = None, batch: rowstore.Batch | None = None,
) -> Tables:
    """The reduce: every document's rows (from the row store, or from its extraction) assembled into tables.

    With `build_dir`, rows come from the store under it (`rowstore`), which gains
    the documents it had not seen; a result whose extraction was not read (its
    rows are known) costs nothing here beyond its share of vectorised joins.
    The results' extractions are dropped once turned into rows (memory at 1M); `batch` holds the
    rows of new documents the caller already turned into rows as they were extracted (`pipeline`).
    """
    if store is None:
        store = rowstore.load(build_dir) if build_dir is not None else rowstore.empty()
    known = store.known()
    batch = batch if batch is not None else rowstore.Batch()
    for r in results:
        if r.key not in known and r.key not in batch:
            if r.extraction is None:
                raise InputError(f"{r.path}: its rows are not in {build_dir} any more; run the build again.")
            batch.add(r.key, r.extraction)
        r.extraction = None  # the rows now hold it: let the events' objects go before the tables are built
    new_rows = batch.frames()
    live = {r.key for r in results}
    if build_dir is not None:
        store = rowstore.add(build_dir, store, new_rows, live)
    else:
        store = rowstore.merged(store, new_rows)
    return assemble(results, store, ctx, build_dir, fixes)


def _ids(doc_id: pd.Series, line: pd.Series, start: pd.Series) -> pd.Series:
    return doc_id.astype(object) + ":" + line.astype(str).astype(object) + ":" + start.astype(str).astype(object)


@dataclass
class _Assembly:
    """One build's intermediate tables, kept in this process so the next build can patch them.

    Adding documents changes little: their own rows, the story groups (date, place, claim) their
    events fall into, the forms of the places they name and which bare surnames join a full name.
    `assemble` keeps what it made here (per build folder); when the next build's documents are the
    same ones plus new ones (same keys, names and metadata, same review marks, same place
    resolutions), `_patch` builds rows for the new documents only and re-merges only the groups
    they touch, instead of redoing joins, list unpacking and search text for every row. The events
    before merging are not kept: `_patch` makes again, from the row store, the few it merges anew
    (those on the new events' days), and a new process reads a third less saved state.
    """

    docs: list[tuple]  # per document: what its rows depend on (key, id, path, source)
    doc_rows: pd.DataFrame  # docs as assembled: pos, key, doc_id, path, doc_source
    qu_pos: pd.Series
    quotes: pd.DataFrame  # quotes before speaker ids and merge renames
    mentions: pd.DataFrame  # pos, n, place, surface: one row per (place, surface), first seen
    places: dict[str, dict[str, Any]]
    hidden: set[str]
    gazetteer_hash: str
    merged: pd.DataFrame  # the events table as written (merged, prepared)
    renamed: dict[str, str]
    store: rowstore.Store  # the row store as this build left it (see `_build`)
    table: pd.DataFrame | None = None  # the events table as returned (`merged` with a fresh index)
    arrow: Any = None  # that table as Arrow (no `order` column), as `write_tables` wrote it
    saved_as: str = ""  # the build stamp under which this assembly's state is on disk (`patchstate`), if it is
    journal: dict[str, Any] | None = None  # how `_patch` made it from the last one: `patchstate` saves only this


_LAST: dict[str, _Assembly] = {}  # build folder -> its last assembly in this process


def kept_row_store(build_dir: Path) -> rowstore.Store | None:
    """The row store the last assembly for `build_dir` in this process left, if there was one."""
    last = _LAST.get(str(build_dir))
    return last.store if last is not None else None


def forget() -> None:
    """Drop every kept assembly: the next build of each folder assembles in full."""
    _LAST.clear()
    _PATCHED.clear()


_PATCHED: dict[str, bool] = {}  # build folder -> whether its last assembly in this process was a patch


def patched(build_dir: Path) -> bool:
    """Whether the last assembly of `build_dir` in this process patched the one before (else: in full)."""
    return _PATCHED.get(str(build_dir), False)


def kept_assembly(build_dir: Path) -> _Assembly | None:
    """The last assembly for `build_dir` in this process, to save beside the tables (`patchstate`)."""
    return _LAST.get(str(build_dir))


def keep_assembly(build_dir: Path, memo: _Assembly) -> None:
    """Take an assembly saved by an earlier process as this process's last one (`patchstate`)."""
    _LAST[str(build_dir)] = memo


def _doc_signature(r: DocumentResult) -> tuple:
    return (r.key, r.doc_id, r.path, r.meta.source)


def _doc_frame(results: list[DocumentResult], first_pos: int = 0) -> pd.DataFrame:
    return pd.DataFrame({
        "pos": range(first_pos, first_pos + len(results)), "key": [r.key for r in results],
        "doc_id": [r.doc_id for r in results], "path": [r.path for r in results],
        "doc_source": [r.meta.source for r in results],
    })  # fmt: skip


def _store_rows(docs: pd.DataFrame, store: rowstore.Store, kind: str) -> pd.DataFrame:
    table = getattr(store, kind)
    if len(docs) * 8 < len(store.keys):  # a few documents: pick their rows before joining
        table = _rows(table, table["key"].isin(set(docs["key"])).to_numpy())
    frame = docs.merge(table, on="key", how="inner")
    return frame.sort_values(["pos", "n"], kind="stable", ignore_index=True)


def _rows(frame: pd.DataFrame, mask: Any) -> pd.DataFrame:
    """`frame[mask]`; rows that follow each other (one new document's rows in the store) as a slice, not a copy.

    A boolean pick copies every column of the frame, and a column held in several Arrow chunks (as a
    concatenated frame's are) is joined into one first: most of what picking a few rows cost."""
    import numpy as np

    pos = np.flatnonzero(mask)
    if len(pos) and int(pos[-1]) - int(pos[0]) + 1 == len(pos):
        return frame.iloc[int(pos[0]) : int(pos[-1]) + 1]
    return frame.iloc[pos]


def _first_forms(mentions: pd.DataFrame) -> pd.DataFrame:
    return mentions[["pos", "n", "place", "surface"]].drop_duplicates(["place", "surface"])


def _resolve_forms(mentions: pd.DataFrame, ctx: Context,
                   overrides: Mapping[str, Override]) -> dict[str, dict[str, Any]]:  # fmt: skip
    forms: dict[str, list[str]] = {}  # each place's forms in the order first seen (a plain loop: groupby's
    for place, surface in zip(mentions["place"].tolist(), mentions["surface"].tolist(), strict=True):  # agg(list)
        forms.setdefault(str(place), []).append(surface)  # runs Python per group)
    return resolve_names(forms, ctx, overrides)


def _renamer(places: dict[str, dict[str, Any]]) -> Callable[[pd.Series], list[list[str]]]:
    name_of = {k: v["name"] for k, v in places.items()}
    # A name an editor dismissed as "not a place" is no event's or quote's place (its row stays, for the review).
    not_places = {k for k, v in places.items() if v.get("status") == NOT_A_PLACE}
    unchanged = not not_places and all(k == v for k, v in name_of.items())

    def renamed_lists(column: pd.Series) -> list[list[str]]:
        lists = rowstore.unpack_column(column.tolist())
        if unchanged:  # nothing renamed or dismissed
            return lists
        return [[name_of[p] for p in ps if p not in not_places] for ps in lists]

    return renamed_lists


def _event_frame(ev: pd.DataFrame, renamed_lists: Callable[[pd.Series], list[list[str]]],
                 hidden: set[str]) -> pd.DataFrame:
    names = renamed_lists(ev["place_keys"])
    event_ids = _ids(ev["doc_id"], ev["line"], ev["start"])
    return pd.DataFrame({
        "event_id": event_ids, "doc_id": ev["doc_id"], "path": ev["path"], "line": ev["line"],
        "start": ev["start"], "end": ev["end"], "text": ev["text"], "date": ev["date"],
        "date_end": ev["date_end"].astype(object).where(ev["date_end"].notna(), None),
        "date_precision": ev["date_precision"], "date_text": ev["date_text"],
        "date_first": ev["date_first"], "date_last": ev["date_last"], "places": names,
        "primary_place": [n[0] if n else None for n in names], "claim": ev["claim"],
        "claim_evidence": ev["claim_evidence"], "sources": rowstore.unpack_column(ev["sources"].tolist()),
        "actors": rowstore.unpack_column(ev["actors"].tolist()), "doc_source": ev["doc_source"],
        "hidden": event_ids.isin(hidden), "date_basis": ev["date_basis"],
        "mentioned": renamed_lists(ev["mentioned_keys"]),
        "tokens": ev["tokens"],  # packed: fold_events unpacks only the events that can merge
    }, columns=[*EVENT_COLUMNS, "tokens"])  # fmt: skip


def _quote_frame(qu: pd.DataFrame, renamed_lists: Callable[[pd.Series], list[list[str]]],
                 hidden: set[str]) -> pd.DataFrame:
    quote_ids = _ids(qu["doc_id"], qu["line"], qu["start"])
    linked = qu["event_line"].notna()
    quote_event = _ids(qu["doc_id"], qu["event_line"].fillna(0).astype("int64"),
                       qu["event_start"].fillna(0).astype("int64"))  # fmt: skip
    return pd.DataFrame({
        "quote_id": quote_ids, "doc_id": qu["doc_id"], "path": qu["path"], "line": qu["line"], "start": qu["start"],
        "end": qu["end"], "text": qu["text"], "speaker": qu["speaker"], "role": qu["role"], "date": qu["date"],
        "date_precision": qu["date_precision"], "places": renamed_lists(qu["place_keys"]),
        "event_id": quote_event.where(linked, None), "hidden": quote_ids.isin(hidden),
        "date_basis": qu["date_basis"], "mentioned": renamed_lists(qu["mentioned_keys"]),
    }, columns=QUOTE_COLUMNS)  # fmt: skip


def assemble(results: list[DocumentResult], store: rowstore.Store, ctx: Context, build_dir: Path | None = None,
             fixes: Fixes | None = None) -> Tables:
    """The tables from the store's rows for `results`, in document order: joins, not a loop over rows.

    With `build_dir`, what is assembled is kept for the next build in this process, which
    patches it when it only adds documents (`_Assembly`); the tables are the same either way.
    ``fixes`` are the place fixes and marks applied (default: those in the geodata folder's files).
    """
    fixes = Fixes.from_folder() if fixes is None else fixes
    hidden = set(fixes.hidden)  # marked wrong in review: kept, flagged, left out of the default selection
    last = _LAST.pop(str(build_dir), None) if build_dir is not None else None
    if build_dir is not None:
        _PATCHED[str(build_dir)] = False
    if last is not None:
        patch = _patch(last, results, store, ctx, fixes.overrides, hidden)
        del last
        if patch is not None:
            tables, memo = patch
            _LAST[str(build_dir)] = memo
            _PATCHED[str(build_dir)] = True
            return tables
    docs = _doc_frame(results)
    mentions = _first_forms(_store_rows(docs, store, "mentions"))
    places = _resolve_forms(mentions, ctx, fixes.overrides)
    renamed_lists = _renamer(places)
    ev = _store_rows(docs, store, "events")
    events = _event_frame(ev, renamed_lists, hidden)
    del ev  # its columns the events table does not take (keys, packed lists): not held through the merge
    qu = _store_rows(docs, store, "quotes")
    quotes_df, qu_pos = _quote_frame(qu, renamed_lists, hidden), qu["pos"]
    del qu
    # One story from several documents becomes one event; its quotes follow it (merge.py).
    folded = fold_events(events)  # the kept rows are picked and sorted in one copy of the columns, tokens left out
    del events
    merged, renamed = prepare_events(folded.frame.drop(columns=["tokens"]), folded.keep), folded.renamed
    del folded
    tables = _finish(results, store, ctx, places, merged, renamed, quotes_df, hidden)
    if build_dir is not None:
        _LAST[str(build_dir)] = _Assembly(
            docs=[_doc_signature(r) for r in results], doc_rows=docs, qu_pos=qu_pos, quotes=quotes_df,
            mentions=mentions, places=places, hidden=hidden, gazetteer_hash=ctx.gazetteer_hash, merged=merged,
            renamed=renamed, store=store, table=tables.events,
        )  # fmt: skip
    return tables


def _day_events(docs: pd.DataFrame, fresh: list[int], store: rowstore.Store,
                renamed_lists: Callable[[pd.Series], list[list[str]]], hidden: set[str]) -> pd.DataFrame:  # fmt: skip
    """The events before merging (with their document's `pos`, in document order) of the new documents (at
    positions `fresh` of `docs`) and of the others on the days the new ones fall on: the only events a
    new one's story group can hold. Made from the store's rows as `assemble` makes every one."""
    ev_new = _store_rows(docs[docs["pos"].isin(fresh)], store, "events")
    days = set(ev_new["date"].dropna())
    table = store.events
    keys = set(table.loc[table["date"].isin(days).to_numpy(), "key"]) if days else set()
    ev_old = _store_rows(docs[docs["key"].isin(keys) & ~docs["pos"].isin(fresh)], store, "events")
    ev_old = ev_old[ev_old["date"].isin(days).to_numpy()]
    ev = pd.concat([ev_old, ev_new], ignore_index=True).sort_values(["pos", "n"], kind="stable", ignore_index=True)
    events = _event_frame(ev, renamed_lists, hidden)
    events["pos"] = ev["pos"].to_numpy()
    return events


_GROUP_COLUMNS = ["hidden", "date_precision", "date", "primary_place", "claim"]  # what `_merge_groups` reads


def _merge_groups(events: pd.DataFrame) -> pd.Series:
    """Each event's story group as merge.py forms it (None: the event never merges)."""
    hidden = events["hidden"].fillna(False).astype(bool)
    eligible = events["date_precision"].isin(DAY_PRECISIONS) & events["date"].notna() & \
        events["primary_place"].notna() & ~hidden
    key = events["date"].astype(object) + "\x1f" + events["primary_place"].astype(object) + "\x1f" + \
        events["claim"].astype(str).astype(object)
    return key.where(eligible, None)


def _patch(last: _Assembly, results: list[DocumentResult], store: rowstore.Store, ctx: Context,
           overrides: Mapping[str, Override], hidden: set[str]) -> tuple[Tables, _Assembly] | None:
    """The tables for `results` from the last assembly plus the new documents' rows; None when that cannot hold."""
    if last.gazetteer_hash != ctx.gazetteer_hash or last.hidden != hidden:
        return None
    old_docs = last.docs
    new_pos: list[int] = []  # the old documents' positions now, in their order
    fresh: list[int] = []  # positions of documents the last assembly did not have
    j = 0
    for i, r in enumerate(results):
        if j < len(old_docs) and _doc_signature(r) == old_docs[j]:
            new_pos.append(i)
            j += 1
        else:
            fresh.append(i)
    if j < len(old_docs) or not fresh:
        return None  # a document was taken away or changed (or nothing new): assemble in full
    remap = pd.Series(new_pos, dtype="int64")
    added = _doc_frame([results[i] for i in fresh])
    added["pos"] = fresh
    docs = pd.concat([last.doc_rows.assign(pos=new_pos), added], ignore_index=True)
    docs = docs.sort_values("pos", ignore_index=True)

    def moved(pos: pd.Series) -> pd.Series:
        return pd.Series(remap.to_numpy()[pos.to_numpy()], index=pos.index)

    new_mentions = _first_forms(_store_rows(added, store, "mentions"))
    mentions = pd.concat([last.mentions.assign(pos=moved(last.mentions["pos"])), new_mentions], ignore_index=True)
    mentions = _first_forms(mentions.sort_values(["pos", "n"], kind="stable", ignore_index=True))
    places = _resolve_forms(mentions, ctx, overrides)
    for name, row in last.places.items():  # an old name placed otherwise now (a review fix): rename every row
        now = places.get(name)
        if now is None or (now["name"], now["status"]) != (row["name"], row["status"]):
            return None
    renamed_lists = _renamer(places)

    qu_new = _store_rows(added, store, "quotes")
    qu_pos = pd.concat([moved(last.qu_pos), qu_new["pos"]], ignore_index=True)
    quotes_new = _quote_frame(qu_new, renamed_lists, hidden)
    quotes_df = pd.concat([last.quotes, quotes_new], ignore_index=True)
    qu_order = None
    if not qu_pos.is_monotonic_increasing:  # a new document sorts before old ones: rows in document order
        qu_order = qu_pos.sort_values(kind="stable").index
        quotes_df = quotes_df.loc[qu_order].reset_index(drop=True)
        qu_pos = qu_pos.loc[qu_order].reset_index(drop=True)

    # Only the story groups the new events fall into can merge differently: merge those again. A group is
    # of one day, so only the events of the new events' days matter: made again from the store's rows.
    events = _day_events(docs, fresh, store, renamed_lists, hidden)
    new_ids = set(events.loc[events["pos"].isin(fresh), "event_id"])
    events = events.drop(columns=["pos"])
    is_new = events["event_id"].isin(new_ids)  # (an old event with a new one's id is redone with it, as before)
    groups = _merge_groups(events[_GROUP_COLUMNS])  # the columns it reads: not every one
    touched = set(groups[is_new].dropna())
    in_touched = (is_new | groups.isin(touched)).to_numpy()
    folded = fold_events(_rows(events, in_touched))
    part, part_renamed = prepare_events(folded.frame.drop(columns=["tokens"]), folded.keep), folded.renamed
    del folded
    redone = set(events.loc[in_touched, "event_id"])
    drop = last.merged["event_id"].isin(redone).to_numpy()
    # The kept rows are in order already: the new ones go in between, not a sort of every row (`_splice`).
    pieces = _splice(last.merged, drop, part)
    arrow, part_arrow = _spliced_arrow(last, pieces, part)
    merged = _spliced_frame(last.merged, pieces, part, arrow)
    renamed = {k: v for k, v in last.renamed.items() if k not in redone}
    renamed.update(part_renamed)

    tables = _finish(results, store, ctx, places, merged, renamed, quotes_df, hidden)
    memo = _Assembly(
        docs=[_doc_signature(r) for r in results], doc_rows=docs, qu_pos=qu_pos, quotes=quotes_df, mentions=mentions,
        places=places, hidden=hidden, gazetteer_hash=ctx.gazetteer_hash, merged=merged, renamed=renamed, store=store,
        table=tables.events, arrow=arrow,
        journal={"from": last.saved_as, "quotes_new": quotes_new, "pieces": pieces, "part": part,
                 "part_arrow": part_arrow, "quotes_order": None if qu_order is None else qu_order.to_numpy(),
                 "store_before": {k: len(getattr(last.store, k)) for k in rowstore.KINDS},
                 "segments_before": [p.name for p in last.store.segments]},
    )  # fmt: skip
    return tables, memo


def replay(memo: _Assembly, steps: list[dict[str, Any]], head: dict[str, Any]) -> _Assembly:
    """`memo` as the patches whose journals are `steps` left it (`patchstate`: a saved base, then each patch);
    `head` holds the last one's small parts (documents, places, positions), saved whole each time.

    Each step is what `_patch` did: rows appended (then put in document order), the events table
    spliced from the last one's pieces and the re-merged groups. Every step is turned into row
    positions over all the steps' frames, and the frames are concatenated and taken once at the end.
    A step that does not fit the rows before it raises (the caller then builds in full).
    """
    import numpy as np

    def appended(frames: list[pd.DataFrame], idx: Any, new: pd.DataFrame, order: Any) -> Any:
        total = sum(len(f) for f in frames)
        frames.append(new)
        idx = np.concatenate([idx, np.arange(total, total + len(new))])
        return idx if order is None else idx[np.asarray(order, dtype=np.int64)]

    qu, mg = [memo.quotes], [memo.merged]
    qu_idx, mg_idx = np.arange(len(memo.quotes)), np.arange(len(memo.merged))
    arrows = [memo.arrow] if memo.arrow is not None else None
    store_parts = {k: [getattr(memo.store, k)] for k in rowstore.KINDS}
    for step in steps:
        qu_idx = appended(qu, qu_idx, step["quotes_new"], step["quotes_order"])
        part, total = step["part"], sum(len(f) for f in mg)
        mg.append(part)
        mg_idx = np.concatenate([mg_idx[a:b] if src == "old" else np.arange(total + a, total + b)
                                 for src, a, b in step["pieces"]] or [np.arange(0)])  # fmt: skip
        if arrows is not None:
            # The step's rows as Arrow, as the patch made them (a state saved before it kept them has none):
            # converting them again cost 15 ms per step at 100k, up to 24 steps per read.
            kept = step.get("part_arrow")
            try:
                arrows.append(kept if _is_arrow_of(kept, arrows[0].schema, len(part)) else
                              _arrow_rows(part, arrows[0].schema))  # fmt: skip
            except (ImportError, ValueError, KeyError, TypeError):
                arrows = None
        for k in rowstore.KINDS:
            if sum(len(f) for f in store_parts[k]) != step["store_before"][k]:
                raise ValueError(f"a saved patch does not follow the row store's {k}")
            store_parts[k].append(step["store_new"][k])
    if len(qu_idx) != len(head["qu_pos"]):
        raise ValueError("the saved patches do not follow the rows before them")

    def taken(frames: list[pd.DataFrame], idx: Any) -> pd.DataFrame:
        """The rows `idx` of the frames one after another: runs of consecutive rows as slices, one concat
        (a `take` of every Arrow string column over 100k rows cost half a second)."""
        offsets = np.cumsum([0] + [len(f) for f in frames])
        pieces = []
        for run in np.split(idx, np.flatnonzero(np.diff(idx) != 1) + 1):
            start, stop = (int(run[0]), int(run[-1]) + 1) if len(run) else (0, 0)
            while start < stop:
                i = int(np.searchsorted(offsets, start, "right")) - 1
                end = min(stop, int(offsets[i + 1]))
                pieces.append(frames[i].iloc[start - offsets[i]:end - offsets[i]])
                start = end
        if len(pieces) == 1 and len(pieces[0]) == len(frames[0]):
            return frames[0]  # the same rows in the same order: the frame itself
        return pd.concat(pieces or [frames[0].iloc[:0]], ignore_index=True)

    arrow = None
    if arrows is not None:
        import pyarrow as pa

        whole = pa.concat_tables(arrows)
        runs = np.split(mg_idx, np.flatnonzero(np.diff(mg_idx) != 1) + 1)  # consecutive rows: slices, not copies
        arrow = pa.concat_tables([whole.slice(int(r[0]), len(r)) for r in runs if len(r)] or [whole.slice(0, 0)])
        if arrow.column(0).num_chunks > 64:
            arrow = arrow.combine_chunks()
    if arrow is not None and _holds_views(memo.merged):  # the lists and ids are views of it, the others are taken
        views, columns = _view_names(arrow), list(memo.merged.columns)
        merged = with_arrow_columns(taken([f.drop(columns=views) for f in mg], mg_idx), arrow, columns)
    else:
        merged = taken([_python_objects(f) for f in mg], mg_idx)
    merged["order"] = range(len(merged))
    store = rowstore.Store(segments=memo.store.segments, **{
        k: v[0] if len(v) == 1 else pd.concat([f for f in v if len(f)] or v[:1], ignore_index=True)
        for k, v in store_parts.items()})  # fmt: skip
    return _Assembly(
        docs=head["docs"], doc_rows=head["doc_rows"], qu_pos=head["qu_pos"], quotes=taken(qu, qu_idx),
        mentions=head["mentions"], places=head["places"], hidden=head["hidden"], gazetteer_hash=head["gazetteer_hash"],
        merged=merged, renamed=head["renamed"],
        store=store, arrow=arrow,
    )  # fmt: skip


def _is_arrow_of(table: Any, schema: Any, rows: int) -> bool:
    """Whether `table` is an Arrow table of `rows` rows with exactly `schema` (a saved step's `part_arrow`)."""
    if table is None:
        return False
    import pyarrow as pa

    return isinstance(table, pa.Table) and table.num_rows == rows and table.schema.equals(schema, check_metadata=True)


def _arrow_rows(part: pd.DataFrame, schema: Any) -> Any:
    import pyarrow as pa

    try:
        return pa.Table.from_pandas(part.drop(columns=["order"]), schema=schema, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise ValueError(str(exc)) from None


def _splice(old: pd.DataFrame, drop: Any, part: pd.DataFrame) -> list[tuple[str, int, int]]:
    """How to make the new events table from `old` (sorted) without the `drop` rows, and `part` (sorted).

    Pieces in order: ("old", a, b) is rows a..b of `old`, ("new", j, j + 1) a row of `part`.
    Each new row goes where a sort would put it: found by binary search on the day, then on
    (document, line, start) among that day's rows. The order is total (event ids are unique).
    """
    import bisect

    import numpy as np

    def days(frame: pd.DataFrame) -> Any:
        d = frame["date_first"].to_numpy("datetime64[ns]")
        return np.where(np.isnat(d), np.iinfo(np.int64).max, d.view("int64"))

    old_days, new_days = days(old), days(part)
    inserts: dict[int, list[int]] = {}
    rest = zip(part["doc_id"].tolist(), part["line"].tolist(), part["start"].tolist(), strict=True)
    for j, (day, key) in enumerate(zip(new_days.tolist(), rest, strict=True)):
        lo, hi = int(np.searchsorted(old_days, day, "left")), int(np.searchsorted(old_days, day, "right"))
        same = old.iloc[lo:hi]
        keys = list(zip(same["doc_id"].tolist(), same["line"].tolist(), same["start"].tolist(), strict=True))
        inserts.setdefault(lo + bisect.bisect_left(keys, key), []).append(j)
    dropped = set(np.flatnonzero(drop).tolist())
    pieces: list[tuple[str, int, int]] = []
    start = 0
    for cut in sorted(dropped | set(inserts)):
        if cut > start:
            pieces.append(("old", start, cut))
        pieces += [("new", j, j + 1) for j in inserts.get(cut, [])]
        start = cut + 1 if cut in dropped else cut
    if start < len(old):
        pieces.append(("old", start, len(old)))
    return pieces


def _spliced_arrow(last: _Assembly, pieces: list[tuple[str, int, int]], part: pd.DataFrame) -> tuple[Any, Any]:
    """The patched events table as Arrow (no `order` column), spliced like the frame from the last one's,
    and `part`'s rows as Arrow (the saved step keeps them: `replay`).

    Turning 100k rows of Python lists into Arrow was most of writing the tables; the kept
    rows are Arrow already. None (the table is then written from pandas) when there is no last one.
    """
    import pyarrow as pa

    if last.arrow is None:
        return None, None
    try:
        new = pa.Table.from_pandas(part.drop(columns=["order"]), schema=last.arrow.schema, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, ValueError, KeyError):
        return None, None
    table = pa.concat_tables([(last.arrow if src == "old" else new).slice(a, b - a) for src, a, b in pieces])
    return (table.combine_chunks() if table.column(0).num_chunks > 64 else table), new


def _spliced_frame(old: pd.DataFrame, pieces: list[tuple[str, int, int]], part: pd.DataFrame,
                   arrow: Any) -> pd.DataFrame:  # fmt: skip
    """The patched events table as a frame, spliced like `_splice` says. When `old` holds its lists and ids as views
    of the Arrow form (read back from disk: `with_arrow_columns`), the patched one does too, of `arrow` (the same
    rows, spliced the same way): no row's lists or id are made again."""
    if arrow is None or not _holds_views(old):  # Python objects (made in this process), or no Arrow form to view
        old = _python_objects(old)
        merged = pd.concat([(old if src == "old" else part).iloc[a:b] for src, a, b in pieces], ignore_index=True)
    else:
        views = _view_names(arrow)
        old_rest, part_rest = old.drop(columns=views), part.drop(columns=views)
        rest = pd.concat([(old_rest if src == "old" else part_rest).iloc[a:b] for src, a, b in pieces],
                         ignore_index=True)  # fmt: skip
        merged = with_arrow_columns(rest, arrow, list(old.columns))
    merged["order"] = range(len(merged))
    return merged


def _view_names(arrow: Any) -> list[str]:
    """The columns of the events table kept as views of its Arrow form (`with_arrow_columns`): the lists and the id.

    Those are a Python object on every row; `claim_evidence` and `date_end`, mostly None, stay as they are (as
    Arrow, a missing value would read as NA, not None)."""
    import pyarrow as pa

    return [f.name for f in arrow.schema
            if pa.types.is_list(f.type) or pa.types.is_large_list(f.type) or f.name == "event_id"]  # fmt: skip


def _holds_views(frame: pd.DataFrame) -> bool:
    """Whether the events table `frame` holds its lists and ids as views of its Arrow form (`with_arrow_columns`)."""
    return isinstance(frame["event_id"].dtype, pd.ArrowDtype)


def with_arrow_columns(frame: pd.DataFrame, arrow: Any, columns: list[str] | None = None) -> pd.DataFrame:
    """`frame` (the events table) with its lists and ids (`_view_names`) as views of the same columns of `arrow`,
    which holds the same rows in the same order (`_Assembly.arrow`); `columns`: the order of the columns (default:
    `frame`'s).

    The kept assembly's events table holds a Python object per row in seven columns (a list in six: places,
    sources, actors...; the id): 700,000 objects at 100k events, which a new process (`python -m dashboard build`)
    unpickled one by one to read the saved state. The saved state holds them once, in the Arrow form
    (`state.data`, mapped, never made into objects: `without_arrow_columns`), and a process reading it takes them
    as views: its patches, and the events table they return, keep them so (a cell still reads as a list, an id as
    a string). The process that made them keeps its Python objects: its tables are returned as they were made."""
    if len(frame) != arrow.num_rows:
        raise ValueError("the events table and its Arrow form do not have the same rows")
    views = {name: pd.Series(pd.arrays.ArrowExtensionArray(arrow.column(name)), index=frame.index, copy=False)
             for name in _view_names(arrow)}  # fmt: skip
    out = frame.assign(**views)
    columns = list(frame.columns) if columns is None else columns
    if sorted(columns) != sorted(out.columns):
        raise ValueError("the events table's columns are not those it was saved with")
    return out if list(out.columns) == columns else out[columns]


def without_arrow_columns(frame: pd.DataFrame, arrow: Any) -> pd.DataFrame:
    """`frame` without the columns `arrow` holds too, as views or as Python objects (what the saved state keeps:
    `with_arrow_columns` puts them back)."""
    return frame.drop(columns=[n for n in _view_names(arrow) if n in frame.columns])


def _python_objects(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with each column held as Arrow by `with_arrow_columns` made Python objects again (lists and strings,
    as they were), for when the Arrow form cannot serve."""
    views = [c for c, dtype in frame.dtypes.items() if isinstance(dtype, pd.ArrowDtype)]
    if not views:
        return frame
    return frame.assign(**{c: pd.Series(frame[c].array.__arrow_array__().to_pylist(), index=frame.index,
                                        dtype=object) for c in views})  # fmt: skip


def _finish(results: list[DocumentResult], store: rowstore.Store, ctx: Context, places: dict[str, dict[str, Any]],
            events_df: pd.DataFrame, renamed: dict[str, str], quotes_df: pd.DataFrame, hidden: set[str]) -> Tables:
    """Speaker ids, merge renames, the documents table and the manifest: the same for a full or patched assembly."""
    quotes_df = assign_speaker_ids(quotes_df)
    if renamed:
        ids = quotes_df["event_id"]
        quotes_df["event_id"] = ids.map(renamed).where(ids.isin(list(renamed)), ids)
    docs = pd.DataFrame({"pos": range(len(results)), "key": [r.key for r in results]})
    counts = docs.merge(store.keys, on="key", how="left").sort_values("pos")
    for r, packed in zip(results, counts["problems"].tolist(), strict=True):  # what extraction read differently
        cut = rowstore.unpack(packed if isinstance(packed, str) else None)
        r.warnings.extend(f"{r.path}: {problem}" for problem in cut)
    documents = pd.DataFrame({
        "doc_id": [r.doc_id for r in results], "path": [r.path for r in results],
        "source": [r.meta.source for r in results], "url": [r.meta.url for r in results],
        "title": [r.meta.title for r in results],
        "reference_date": [r.meta.reference_date.isoformat() for r in results],
        "n_events": counts["n_events"].fillna(0).astype(int).to_numpy(),
        "n_quotes": counts["n_quotes"].fillna(0).astype(int).to_numpy(),
    })  # fmt: skip
    place_rows = list({p["name"]: p for p in places.values()}.values())
    manifest = {
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "documents": [r.path for r in results],
        "problems": [w for r in results for w in r.warnings] + list(ctx.resolver.problems),
        "extractor_version": EXTRACTOR_VERSION,
        "review": {"overrides_applied": sum(p["via"] == "override" for p in place_rows), "hidden": len(hidden),
                   "merged_events": len(renamed)},
    }
    return Tables(
        events=events_df.reset_index(drop=True),
        quotes=quotes_df,
        places=pd.DataFrame(place_rows, columns=PLACE_COLUMNS),
        documents=documents,
        manifest=manifest,
    )


def _on_thread(fn: Callable[..., Any], *args: Any) -> Callable[[], None]:
    """Start `fn(*args)` on a thread; the function returned waits for it and raises what it raised."""
    import threading

    failed: list[BaseException] = []

    def run() -> None:
        try:
            fn(*args)
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting caller
            failed.append(exc)

    thread = threading.Thread(target=run, name="write-events-table", daemon=True)
    thread.start()

    def wait() -> None:
        thread.join()
        if failed:
            raise failed[0]

    return wait


def write_tables(tables: Tables, build_dir: Path = BUILD_DIR, meanwhile: Callable[[str], None] | None = None) -> Path:
    """Write a new set of tables beside the old, then switch `current` to it.

    Readers follow the `current` link, so they always see one whole build,
    never a mix of an old events table and a new places table. The events table
    is written from the Arrow form a patched build kept (`_Assembly`) when there is one.
    `meanwhile(stamp)` runs while the events table is written, before the switch; `stamp` is the
    `build_stamp` the tables will have (the build saves its state for them then: `pipeline._save_state`).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    last = _LAST.get(str(build_dir))
    build_dir.mkdir(parents=True, exist_ok=True)
    stamp = f"tables-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    target = build_dir / stamp
    target.mkdir()
    try:
        writing = None  # the events table written on a thread (Arrow writes Parquet without the interpreter lock)
        try:
            for name in TABLE_NAMES:
                frame = getattr(tables, name)
                if name == "events" and last is not None and last.table is frame:
                    if last.arrow is None:  # a full assembly: keep its Arrow form for the next patch
                        last.arrow = pa.Table.from_pandas(frame.drop(columns=["order"]), preserve_index=False)
                    events = last.arrow.append_column("order", pa.array(frame["order"].to_numpy()))
                    writing = _on_thread(pq.write_table, events, target / f"{name}.parquet")
                else:
                    frame.to_parquet(target / f"{name}.parquet", index=False)
            atomic_write_text(target / "manifest.json", json.dumps(tables.manifest, indent=2))
            if meanwhile is not None:
                meanwhile(f"{tables.manifest['built_at']}|{stamp}")  # as `build_stamp` will read it
        finally:
            if writing is not None:
                writing()  # waits for the events table (also before a failure removes the folder); raises its error
        link = build_dir / "current"
        tmp_link = build_dir / f".current-{stamp}"
        os.symlink(stamp, tmp_link)
        os.replace(tmp_link, link)
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    for old in build_dir.glob("tables-*"):
        if old.name != stamp:
            shutil.rmtree(old, ignore_errors=True)
    return target
