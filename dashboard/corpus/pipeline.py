"""From documents to the tables the app and the briefings read.

`extract_document` is a function of one document (and the gazetteer), so a
build maps it over documents and caches each result by content: adding one
article re-extracts only that article.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.corpus import isolate, rowstore
from dashboard.corpus.documents import (
    DocumentMeta,
    check_reference_date,
    content_hash,
    document_id,
    linked_documents,
    list_documents,
    load_meta,
)
from dashboard.corpus.fixes import NOT_A_PLACE, Fixes, Override, load_overrides, override_row, overrides_path
from dashboard.corpus.merge import merge_events
from dashboard.corpus.speakers import assign_speaker_ids, speaker_id
from dashboard.errors import InputError
from dashboard.extraction.extract import Extraction, Extractor
from dashboard.files import atomic_write_text, read_document
from dashboard.geo.gazetteer import DEFAULT_PATH as GAZETTEER_PATH
from dashboard.geo.gazetteer import Place, load_gazetteer
from dashboard.geo.geocode import normalize
from dashboard.geo.resolver import Resolver

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]


def seeds_dir() -> Path:
    """The documents folder: `DASHBOARD_SEEDS`, read at call time (tests and deployments move it)."""
    return Path(os.environ.get("DASHBOARD_SEEDS") or ROOT / "seeds")


def build_dir() -> Path:
    """Where the tables and the extraction cache go: `DASHBOARD_BUILD_DIR`, read at call time."""
    return Path(os.environ.get("DASHBOARD_BUILD_DIR") or ROOT / "build")


SEEDS_DIR = seeds_dir()  # as at import: the defaults of the functions below
BUILD_DIR = build_dir()


def build_stamp(build: Path) -> str:
    """Changes whenever a build replaces the tables ("" when there are none): a cache key for readers."""
    current = build / "current"
    try:
        built_at = json.loads((current / "manifest.json").read_text(encoding="utf-8"))["built_at"]
        return f"{built_at}|{current.resolve().name}"
    except (OSError, ValueError, KeyError):
        return ""
EXTRACTOR_VERSION = "6"  # bump when extraction output changes, to drop cached results

EVENT_COLUMNS = [
    "event_id", "doc_id", "path", "line", "start", "end", "text", "date", "date_end",
    "date_precision", "date_text", "date_first", "date_last", "places", "primary_place",
    "claim", "claim_evidence", "sources", "actors", "doc_source", "hidden", "date_basis", "mentioned",
]  # fmt: skip
QUOTE_COLUMNS = [
    "quote_id", "doc_id", "path", "line", "start", "end", "text", "speaker", "role", "date",
    "date_precision", "places", "event_id", "hidden", "speaker_id", "date_basis",
]  # fmt: skip
PLACE_COLUMNS = [
    "name", "kind", "lat", "lon", "country", "source", "source_ref", "via", "confidence",
    "status", "reason", "mentions", "n_mentions",
]  # fmt: skip


@dataclass
class Context:
    """What extraction needs besides the text: built once per run."""

    places: list[Place]
    extractor: Extractor
    resolver: Resolver
    gazetteer_hash: str

    @classmethod
    def create(cls, gazetteer_path: Path = GAZETTEER_PATH, resolver: Resolver | None = None) -> Context:
        places = load_gazetteer(gazetteer_path)
        return cls(
            places=places,
            extractor=Extractor(places),
            resolver=resolver or Resolver(places),
            gazetteer_hash=content_hash(Path(gazetteer_path).read_bytes()),
        )


@dataclass
class DocumentResult:
    doc_id: str
    path: str
    meta: DocumentMeta
    extraction: Extraction | None  # None: not read, the row store already holds its rows (`key`)
    warnings: list[str] = field(default_factory=list)
    key: str = ""  # the extraction's cache key: content, reference date, gazetteer, extractor version


def extract_document(
    path: Path, ctx: Context, reference_date: date | None = None, cache_dir: Path | None = None,
    known: set[str] | None = None,
    extract: Callable[[str, date], Extraction] | None = None,
) -> DocumentResult:
    """Read and extract one document, from the cache when its content is unchanged.

    With `known` (the keys whose rows the build's row store holds), a known
    document's cached extraction is not even read: the reduce takes its rows from the store.
    `extract` runs the extraction itself (default: `ctx.extractor.extract` in this process;
    `build` passes one that runs it in a worker with a time limit).
    """
    text = read_document(path)
    meta = load_meta(path)
    warnings: list[str] = []
    if reference_date is not None:
        check_reference_date(reference_date, str(path))
        meta = DocumentMeta(
            source=meta.source if meta else path.stem,
            reference_date=reference_date,
            url=meta.url if meta else None,
            title=meta.title if meta else None,
        )
    elif meta is None:
        today = date.today()
        warnings.append(
            f"{path}: no reference date (no {path.stem}.meta.json and no --reference-date); "
            f"year-less dates were read relative to today, {today.isoformat()}."
        )
        meta = DocumentMeta(source=path.stem, reference_date=today)
    key = content_hash(EXTRACTOR_VERSION, ctx.gazetteer_hash, meta.reference_date.isoformat(), text)
    if known is not None and key in known:
        return DocumentResult(document_id(path), _display_path(path), meta, None, warnings, key)
    extraction = _cached(cache_dir, key) if cache_dir else None
    if extraction is None:
        extraction = (extract or ctx.extractor.extract)(text, meta.reference_date)
        if cache_dir:
            _store(cache_dir, key, extraction)
    return DocumentResult(document_id(path), _display_path(path), meta, extraction, warnings, key)


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _cached(cache_dir: Path, key: str) -> Extraction | None:
    from dashboard.extraction.extract import Event, PlaceMention, QuoteRecord

    f = cache_dir / f"{key}.json"
    if not f.exists():
        return None
    try:
        data = json.loads(f.read_text(encoding="utf-8"))
        return Extraction(
            events=[Event(**e) for e in data["events"]],
            quotes=[QuoteRecord(**q) for q in data["quotes"]],
            mentions=[PlaceMention(**m) for m in data["mentions"]],
            duplicates=list(data["duplicates"]),
            problems=list(data.get("problems", [])),
        )
    except (ValueError, KeyError, TypeError):
        log.warning("ignoring unreadable cache entry %s", f)
        return None


def _store(cache_dir: Path, key: str, extraction: Extraction) -> None:
    atomic_write_text(cache_dir / f"{key}.json", json.dumps(asdict(extraction)))


# -- one document as JSON (the `extract` command's contract) --------------------


def document_json(result: DocumentResult, ctx: Context) -> dict[str, Any]:
    places = resolve_places([result], ctx)
    events = []
    for e in result.extraction.events:
        events.append(
            {
                "date": e.date,
                "date_end": e.date_end,
                "date_precision": e.date_precision,
                "date_text": e.date_text,
                "text": e.text,
                "places": [places[p]["name"] for p in e.places],
                "line": e.line,
                "start": e.start,
                "end": e.end,
                "claim": e.claim,
                "claim_evidence": e.claim_evidence,
                "date_basis": e.date_basis,
                "mentioned": [places[p]["name"] for p in e.mentioned],
                "sources": e.sources,
                "actors": e.actors,
            }
        )
    quotes = [
        {
            "speaker": q.speaker,
            "speaker_id": speaker_id(q.speaker) if q.speaker else None,
            "role": q.role,
            "text": q.text,
            "date": q.date,
            "date_basis": q.date_basis,
            "line": q.line,
            "start": q.start,
            "end": q.end,
            "places": [places[p]["name"] for p in q.places],
        }
        for q in result.extraction.quotes
    ]
    return {
        "document": {
            "path": result.path,
            "reference_date": result.meta.reference_date.isoformat(),
            "source": result.meta.source,
            "url": result.meta.url,
        },
        "places": list({p["name"]: p for p in places.values()}.values()),
        "events": events,
        "quotes": quotes,
        "duplicate_lines": result.extraction.duplicates,
        "problems": result.warnings + [f"{result.path}: {problem}" for problem in result.extraction.problems]
        + list(ctx.resolver.problems),
    }


def resolve_places(results: list[DocumentResult], ctx: Context,
                   overrides: Mapping[str, Override] | None = None) -> dict[str, dict[str, Any]]:  # fmt: skip
    """Every place named in the results, keyed by the name extraction used (see `resolve_names`)."""
    mentions: dict[str, list[str]] = {}
    for r in results:
        for m in r.extraction.mentions:
            forms = mentions.setdefault(m.place, [])
            if m.surface not in forms:
                forms.append(m.surface)
    return resolve_names(mentions, ctx, overrides)


def resolve_names(mentions: dict[str, list[str]], ctx: Context,
                  overrides: Mapping[str, Override] | None = None) -> dict[str, dict[str, Any]]:  # fmt: skip
    """Each name extraction used (with the forms it was written in), resolved to a place row.

    Gazetteer places come straight from the gazetteer; unknown names go to the
    resolver (cache, then Nominatim when enabled). A name nobody can place is
    kept with null coordinates and the reason, never dropped. A person's fix in ``overrides`` (by
    normalised name; default: the overrides file in the geodata folder) wins over both.
    """
    by_name = {p.name: p for p in ctx.places}
    if overrides is None:
        overrides = load_overrides(overrides_path())
    out: dict[str, dict[str, Any]] = {}
    for name, forms in mentions.items():
        place = by_name.get(name)
        override = overrides.get(normalize(name))
        if override is not None:
            out[name] = override_row(override, forms)
            continue
        if place is not None:
            out[name] = _place_row(place.name, place.kind, place.lat, place.lon, place.country,
                                   place.source, place.source_ref, "gazetteer", 1.0, forms)
            continue
        res = ctx.resolver.resolve(name)
        if res is None:
            row = _place_row(name, None, None, None, None, None, None, None, 0.0, forms)
            row.update(status="unresolved", reason=_unresolved_reason(ctx.resolver))
            out[name] = row
        else:
            out[name] = _place_row(res.name if res.via == "gazetteer" else name, res.kind, res.lat, res.lon,
                                   res.country, res.source, None, res.via, res.confidence, forms)
    return out


def _unresolved_reason(resolver: Resolver) -> str:
    if resolver.online is None:
        return "not in the gazetteer; online geocoding is off (set DASHBOARD_NOMINATIM=1 to try Nominatim)"
    if resolver.online_tripped:
        return "not in the gazetteer; the online geocoder failed (see problems)"
    return "not in the gazetteer; the online geocoder found nothing"


def _place_row(name, kind, lat, lon, country, source, source_ref, via, confidence, forms) -> dict[str, Any]:  # noqa: ANN001
    return {
        "name": name, "kind": kind, "lat": lat, "lon": lon, "country": country, "source": source,
        "source_ref": source_ref, "via": via, "confidence": confidence, "status": "placed",
        "reason": None, "mentions": list(forms), "n_mentions": len(forms),
    }  # fmt: skip


# -- the whole corpus -----------------------------------------------------------


@dataclass
class Tables:
    events: pd.DataFrame
    quotes: pd.DataFrame
    places: pd.DataFrame
    documents: pd.DataFrame
    manifest: dict[str, Any]


def build_tables(
    results: list[DocumentResult], ctx: Context, build_dir: Path | None = None, store: rowstore.Store | None = None,
    fixes: Fixes | None = None,
) -> Tables:
    """The reduce: every document's rows (from the row store, or from its extraction) assembled into tables.

    With `build_dir`, rows come from the store under it (`rowstore`), which gains
    the documents it had not seen; a result whose extraction was not read (its
    rows are known) costs nothing here beyond its share of vectorised joins.
    The results' extractions are dropped once turned into rows (memory at 100k).
    """
    if store is None:
        store = rowstore.load(build_dir) if build_dir is not None else rowstore.empty()
    known = store.known()
    fresh: dict[str, dict[str, list[dict]]] = {}
    for r in results:
        if r.key not in known and r.key not in fresh:
            if r.extraction is None:
                raise InputError(f"{r.path}: its rows are not in {build_dir} any more; run the build again.")
            fresh[r.key] = rowstore.extraction_rows(r.key, r.extraction)
    for r in results:  # the rows now hold it: let 100k events' objects go before the tables are built
        r.extraction = None
    new_rows = rowstore.frames(list(fresh.values()))
    del fresh
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
    they touch, instead of redoing joins, list unpacking and search text for every row.
    """

    docs: list[tuple]  # per document: what its rows depend on (key, id, path, source)
    doc_rows: pd.DataFrame  # docs as assembled: pos, key, doc_id, path, doc_source
    ev_pos: pd.Series  # document position of each row of `events` (before merging)
    events: pd.DataFrame  # events before merging, document order, with tokens
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


_LAST: dict[str, _Assembly] = {}  # build folder -> its last assembly in this process


def forget_assemblies() -> None:
    """Drop what builds in this process kept (tests compare a patched build with a full one)."""
    _LAST.clear()
    _SEEN.clear()


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
        table = table[table["key"].isin(set(docs["key"]))]
    frame = docs.merge(table, on="key", how="inner")
    return frame.sort_values(["pos", "n"], kind="stable", ignore_index=True)


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
        lists = [rowstore.unpack(v) for v in column.tolist()]
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
        "claim_evidence": ev["claim_evidence"], "sources": [rowstore.unpack(v) for v in ev["sources"].tolist()],
        "actors": [rowstore.unpack(v) for v in ev["actors"].tolist()], "doc_source": ev["doc_source"],
        "hidden": event_ids.isin(hidden), "date_basis": ev["date_basis"],
        "mentioned": renamed_lists(ev["mentioned_keys"]),
        "tokens": [rowstore.unpack(v) for v in ev["tokens"].tolist()],
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
        "date_basis": qu["date_basis"],
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
    if last is not None:
        patched = _patch(last, results, store, ctx, fixes.overrides, hidden)
        if patched is not None:
            tables, memo = patched
            _LAST[str(build_dir)] = memo
            return tables
    docs = _doc_frame(results)
    mentions = _first_forms(_store_rows(docs, store, "mentions"))
    places = _resolve_forms(mentions, ctx, fixes.overrides)
    renamed_lists = _renamer(places)
    ev = _store_rows(docs, store, "events")
    events = _event_frame(ev, renamed_lists, hidden)
    qu = _store_rows(docs, store, "quotes")
    quotes_df = _quote_frame(qu, renamed_lists, hidden)
    # One story from several documents becomes one event; its quotes follow it (merge.py).
    merged, renamed = merge_events(events)
    merged = _prepare_events(merged.drop(columns=["tokens"]))
    tables = _finish(results, store, ctx, places, merged, renamed, quotes_df, hidden)
    if build_dir is not None:
        _LAST[str(build_dir)] = _Assembly(
            docs=[_doc_signature(r) for r in results], doc_rows=docs, ev_pos=ev["pos"], events=events,
            qu_pos=qu["pos"], quotes=quotes_df, mentions=mentions, places=places, hidden=hidden,
            gazetteer_hash=ctx.gazetteer_hash, merged=merged, renamed=renamed, store=store, table=tables.events,
        )  # fmt: skip
    return tables


def _merge_groups(events: pd.DataFrame) -> pd.Series:
    """Each event's story group as merge.py forms it (None: the event never merges)."""
    hidden = events["hidden"].fillna(False).astype(bool)
    eligible = (events["date_precision"] == "day") & events["date"].notna() & events["primary_place"].notna() & ~hidden
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

    ev_new = _store_rows(added, store, "events")
    ev_pos = pd.concat([moved(last.ev_pos), ev_new["pos"]], ignore_index=True)
    events = pd.concat([last.events, _event_frame(ev_new, renamed_lists, hidden)], ignore_index=True)
    qu_new = _store_rows(added, store, "quotes")
    qu_pos = pd.concat([moved(last.qu_pos), qu_new["pos"]], ignore_index=True)
    quotes_df = pd.concat([last.quotes, _quote_frame(qu_new, renamed_lists, hidden)], ignore_index=True)
    if not ev_pos.is_monotonic_increasing:  # a new document sorts before old ones: rows in document order
        order = ev_pos.sort_values(kind="stable").index
        events, ev_pos = events.loc[order].reset_index(drop=True), ev_pos.loc[order].reset_index(drop=True)
    if not qu_pos.is_monotonic_increasing:
        order = qu_pos.sort_values(kind="stable").index
        quotes_df, qu_pos = quotes_df.loc[order].reset_index(drop=True), qu_pos.loc[order].reset_index(drop=True)

    # Only the story groups the new events fall into can merge differently: merge those again.
    new_ids = set(_ids(ev_new["doc_id"], ev_new["line"], ev_new["start"]))
    is_new = events["event_id"].isin(new_ids)
    same_day = events["date"].isin(set(events.loc[is_new, "date"].dropna()))  # the only rows that can share a group
    groups = _merge_groups(events[same_day | is_new])
    touched = set(groups[is_new[groups.index]].dropna())
    in_touched = is_new.copy()
    in_touched.loc[groups.index[groups.isin(touched).to_numpy()]] = True
    part, part_renamed = merge_events(events[in_touched])
    part = _prepare_events(part.drop(columns=["tokens"]))
    redone = set(events.loc[in_touched, "event_id"])
    drop = last.merged["event_id"].isin(redone).to_numpy()
    # The kept rows are in order already: the new ones go in between, not a sort of every row (`_splice`).
    pieces = _splice(last.merged, drop, part)
    merged = pd.concat([(last.merged if src == "old" else part).iloc[a:b] for src, a, b in pieces], ignore_index=True)
    merged["order"] = range(len(merged))
    arrow = _spliced_arrow(last, pieces, part)
    renamed = {k: v for k, v in last.renamed.items() if k not in redone}
    renamed.update(part_renamed)

    tables = _finish(results, store, ctx, places, merged, renamed, quotes_df, hidden)
    memo = _Assembly(
        docs=[_doc_signature(r) for r in results], doc_rows=docs, ev_pos=ev_pos, events=events, qu_pos=qu_pos,
        quotes=quotes_df, mentions=mentions, places=places, hidden=hidden, gazetteer_hash=ctx.gazetteer_hash,
        merged=merged, renamed=renamed, store=store, table=tables.events, arrow=arrow,
    )  # fmt: skip
    return tables, memo


EVENT_ORDER = ["date_first", "doc_id", "line", "start"]  # the events table's row order (`_prepare_events`)


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


def _spliced_arrow(last: _Assembly, pieces: list[tuple[str, int, int]], part: pd.DataFrame) -> Any:
    """The patched events table as Arrow (no `order` column), spliced like the frame from the last one's.

    Turning 100k rows of Python lists into Arrow was most of writing the tables; the kept
    rows are Arrow already. None (the table is then written from pandas) when there is no last one.
    """
    import pyarrow as pa

    if last.arrow is None:
        return None
    try:
        new = pa.Table.from_pandas(part.drop(columns=["order"]), schema=last.arrow.schema, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, ValueError, KeyError):
        return None
    table = pa.concat_tables([(last.arrow if src == "old" else new).slice(a, b - a) for src, a, b in pieces])
    return table.combine_chunks() if table.column(0).num_chunks > 64 else table


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


TABLE_NAMES = ("events", "quotes", "places", "documents")


def write_tables(tables: Tables, build_dir: Path = BUILD_DIR) -> Path:
    """Write a new set of tables beside the old, then switch `current` to it.

    Readers follow the `current` link, so they always see one whole build,
    never a mix of an old events table and a new places table. The events table
    is written from the Arrow form a patched build kept (`_Assembly`) when there is one.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    last = _LAST.get(str(build_dir))
    build_dir.mkdir(parents=True, exist_ok=True)
    stamp = f"tables-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    target = build_dir / stamp
    target.mkdir()
    try:
        for name in TABLE_NAMES:
            frame = getattr(tables, name)
            if name == "events" and last is not None and last.table is frame:
                if last.arrow is None:  # a full assembly: keep its Arrow form for the next patch
                    last.arrow = pa.Table.from_pandas(frame.drop(columns=["order"]), preserve_index=False)
                pq.write_table(last.arrow.append_column("order", pa.array(frame["order"].to_numpy())),
                               target / f"{name}.parquet")  # fmt: skip
            else:
                frame.to_parquet(target / f"{name}.parquet", index=False)
        atomic_write_text(target / "manifest.json", json.dumps(tables.manifest, indent=2))
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


def search_text(events: pd.DataFrame) -> pd.Series:
    """What the text filter searches: the sentence, its places, sources and actors, case-folded."""

    def joined(v: object) -> str:
        return " ".join(v) if v is not None and len(v) else ""  # type: ignore[arg-type]

    texts = events["text"].fillna("").tolist()
    rows = zip(texts, events["places"].tolist(), events["sources"].tolist(), events["actors"].tolist(), strict=True)
    return pd.Series([f"{t} {joined(p)} {joined(s)} {joined(a)}".casefold() for t, p, s, a in rows],
                     index=events.index, dtype=events["text"].dtype if len(events) else object)  # fmt: skip


def _prepare_events(events: pd.DataFrame) -> pd.DataFrame:
    """Columns the filters read on every rerun, computed once: real dates and the search text.

    The rows are stored in reading order (date, document, line), which filtering
    keeps, so the app never sorts 100k events on a rerun.
    """
    events = events.copy()
    for col in ("date_first", "date_last"):
        events[col] = pd.to_datetime(events[col]).astype("datetime64[ns]")
    events["search_text"] = search_text(events) if len(events) else pd.Series(dtype=str)
    events = events.sort_values(["date_first", "doc_id", "line", "start"], na_position="last", ignore_index=True)
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
        frames["events"] = _prepare_events(frames["events"])
    manifest = json.loads((current / "manifest.json").read_text(encoding="utf-8"))
    return Tables(manifest=manifest, **frames)


def build(
    seeds: Path = SEEDS_DIR, build_dir: Path = BUILD_DIR, ctx: Context | None = None, seconds: float | None = None,
    fixes: Fixes | None = None,
) -> tuple[Tables, Path]:
    """Extract every document (new ones in a worker process, `seconds` each at most) and write the tables.

    A document whose extraction runs past the limit (default `DASHBOARD_EXTRACT_SECONDS`, 60 s)
    is stopped, left out and named in the manifest's problems; the rest are built. ``fixes`` are the
    place fixes and marks applied (store.rebuild passes its store's; default: the geodata folder's files).
    """
    ctx = ctx or Context.create()
    with _gc_paused():
        return _build(seeds, build_dir, ctx, seconds, fixes)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a build makes millions of small objects and frees none.

    Each collection walks every live object, and a build at 100k events holds millions;
    reference counting still frees everything the build lets go of.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _build(seeds: Path, build_dir: Path, ctx: Context, seconds: float | None,
           fixes: Fixes | None) -> tuple[Tables, Path]:  # fmt: skip
    paths = list_documents(seeds)
    if not paths:
        raise InputError(f"{seeds}: holds no .txt documents. Add at least one article.")
    limit = isolate.time_limit() if seconds is None else seconds
    last = _LAST.get(str(build_dir))
    if last is not None and last.store.segments == rowstore.segments(build_dir):
        store = last.store  # segments never change once written: the same list is the same rows
    else:
        store = rowstore.load(build_dir)
    known = store.known()  # documents whose rows are stored: their cached extraction is not even read
    results: list[DocumentResult] = []
    stopped = [f"{p}: is a symbolic link, so it was not read (a link can point at any file on the server). "
               "Put a copy of the document in the folder instead." for p in linked_documents(seeds)]  # fmt: skip
    with isolate.ExtractionWorker(_worker_extractor, (ctx.places,), limit) as worker:
        for p in paths:
            seen = _unchanged_document(p, ctx, known)
            if seen is not None:
                results.append(seen)
                continue

            def extract(text: str, reference_date: date, p: Path = p) -> Extraction:
                return worker.call(_extract_job, text, reference_date, what=f"{p}: extraction")

            try:
                results.append(_remember(p, ctx, lambda p=p, extract=extract: extract_document(
                    p, ctx, cache_dir=build_dir / "cache", known=known, extract=extract)))
            except isolate.TimeLimitError as exc:
                stopped.append(f"{exc} The document was left out of the tables: it may hold a very long line "
                               f"or text built to stall extraction. Split it into paragraphs or remove it from "
                               f"{seeds}; {isolate.TIME_LIMIT_ENV} sets the limit.")  # fmt: skip
                log.info("%s", stopped[-1])
    if not results:
        raise InputError(f"{seeds}: no document could be extracted. " + " ".join(stopped))
    tables = build_tables(results, ctx, build_dir, store, fixes)
    tables.manifest["problems"] = stopped + tables.manifest["problems"]
    return tables, write_tables(tables, build_dir)


_SEEN: dict[str, tuple[tuple, str, DocumentResult]] = {}  # path -> (file signature, gazetteer hash, result)
RACY_NS = 2 * 10**9  # a file changed this recently may change again within its timestamp's resolution


def _signature(path: Path) -> tuple | None:
    """What changes when a document or its metadata file is rewritten (size, times, inode), like git's index."""
    out = []
    for f in (path, path.with_name(path.stem + ".meta.json")):
        try:
            st = f.stat()
        except FileNotFoundError:
            if f == path:
                return None
            out.append(None)
            continue
        out.append((st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev))
    return tuple(out)


def _unchanged_document(path: Path, ctx: Context, known: set[str]) -> DocumentResult | None:
    """The last build's result for a document whose files did not change since: it is not read again.

    Reading 2,000 documents to hash them cost a third of a rebuild at 100k. Only documents with a
    metadata file are remembered (without one, the reference date is today, which moves), and only
    while their rows are in the store.
    """
    entry = _SEEN.get(str(path))
    if entry is None or entry[1] != ctx.gazetteer_hash or entry[2].key not in known:
        return None
    if _signature(path) != entry[0]:
        return None
    r = entry[2]
    return DocumentResult(r.doc_id, r.path, r.meta, None, list(r.warnings), r.key)


def _remember(path: Path, ctx: Context, extract: Callable[[], DocumentResult]) -> DocumentResult:
    before = time.time_ns()
    sig = _signature(path)
    result = extract()
    if sig is not None and sig[1] is not None and _signature(path) == sig and \
            all(s is None or max(s[1], s[2]) < before - RACY_NS for s in sig):
        _SEEN[str(path)] = (sig, ctx.gazetteer_hash,
                            DocumentResult(result.doc_id, result.path, result.meta, None, list(result.warnings),
                                           result.key))  # fmt: skip
    return result


def _worker_extractor(places: list[Place]) -> Extractor:
    """Runs once in a build's worker process: the extractor's phrase indexes."""
    return Extractor(places)


def _extract_job(extractor: Extractor, text: str, reference_date: date) -> Extraction:
    """Runs in the worker, one document at a time."""
    isolate.slow_for_tests(text)
    return extractor.extract(text, reference_date)
