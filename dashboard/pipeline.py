"""From documents to the tables the app and the briefings read.

`extract_document` is a function of one document (and the gazetteer), so a
build maps it over documents and caches each result by content: adding one
article re-extracts only that article.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.dates import date_bounds
from dashboard.documents import (
    DocumentMeta,
    content_hash,
    document_id,
    list_documents,
    load_meta,
)
from dashboard.errors import InputError
from dashboard.extract import Extraction, Extractor
from dashboard.gazetteer import DEFAULT_PATH as GAZETTEER_PATH
from dashboard.gazetteer import Place, load_gazetteer
from dashboard.geocode import Resolver, normalize
from dashboard.merge import merge_events
from dashboard.review import hidden_ids, load_overrides, override_row
from dashboard.speakers import assign_speaker_ids, speaker_id
from dashboard.text import atomic_write_text, read_document

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent


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
EXTRACTOR_VERSION = "5"  # bump when extraction output changes, to drop cached results

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
    extraction: Extraction
    warnings: list[str] = field(default_factory=list)


def extract_document(
    path: Path, ctx: Context, reference_date: date | None = None, cache_dir: Path | None = None
) -> DocumentResult:
    """Read and extract one document, from the cache when its content is unchanged."""
    text = read_document(path)
    meta = load_meta(path)
    warnings: list[str] = []
    if reference_date is not None:
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
    extraction = _cached(cache_dir, key) if cache_dir else None
    if extraction is None:
        extraction = ctx.extractor.extract(text, meta.reference_date)
        if cache_dir:
            _store(cache_dir, key, extraction)
    warnings.extend(f"{path}: {problem}" for problem in extraction.problems)
    return DocumentResult(document_id(path), _display_path(path), meta, extraction, warnings)


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _cached(cache_dir: Path, key: str) -> Extraction | None:
    from dashboard.extract import Event, PlaceMention, QuoteRecord

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
        "problems": result.warnings + list(ctx.resolver.problems),
    }


def resolve_places(results: list[DocumentResult], ctx: Context) -> dict[str, dict[str, Any]]:
    """Every place named in the results, keyed by the name extraction used.

    Gazetteer places come straight from the gazetteer; unknown names go to the
    resolver (cache, then Nominatim when enabled). A name nobody can place is
    kept with null coordinates and the reason, never dropped.
    """
    by_name = {p.name: p for p in ctx.places}
    overrides = load_overrides()  # a person's fix wins over gazetteer and geocoder (review.py)
    mentions: dict[str, list[str]] = {}
    known: dict[str, bool] = {}
    for r in results:
        for m in r.extraction.mentions:
            forms = mentions.setdefault(m.place, [])
            if m.surface not in forms:
                forms.append(m.surface)
            known[m.place] = known.get(m.place, False) or m.known
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


def build_tables(results: list[DocumentResult], ctx: Context) -> Tables:
    places = resolve_places(results, ctx)
    hidden = hidden_ids()  # marked wrong in review: kept, flagged, left out of the default selection
    events, quotes, docs = [], [], []
    for r in results:
        docs.append({
            "doc_id": r.doc_id, "path": r.path, "source": r.meta.source, "url": r.meta.url,
            "title": r.meta.title, "reference_date": r.meta.reference_date.isoformat(),
            "n_events": len(r.extraction.events), "n_quotes": len(r.extraction.quotes),
        })  # fmt: skip
        ids: list[str] = []
        for e in r.extraction.events:
            event_id = f"{r.doc_id}:{e.line}:{e.start}"
            ids.append(event_id)
            names = [places[p]["name"] for p in e.places]
            first, last = date_bounds(e.date, e.date_end, e.date_precision)
            events.append({
                "event_id": event_id, "doc_id": r.doc_id, "path": r.path, "line": e.line,
                "start": e.start, "end": e.end, "text": e.text, "date": e.date, "date_end": e.date_end,
                "date_precision": e.date_precision, "date_text": e.date_text,
                "date_first": first, "date_last": last, "places": names,
                "primary_place": names[0] if names else None, "claim": e.claim,
                "claim_evidence": e.claim_evidence, "sources": e.sources, "actors": e.actors,
                "doc_source": r.meta.source, "hidden": event_id in hidden, "date_basis": e.date_basis,
                "mentioned": [places[p]["name"] for p in e.mentioned],
            })  # fmt: skip
        for q in r.extraction.quotes:
            quote_id = f"{r.doc_id}:{q.line}:{q.start}"
            quotes.append({
                "quote_id": quote_id, "doc_id": r.doc_id, "path": r.path, "hidden": quote_id in hidden,
                "line": q.line, "start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker,
                "role": q.role, "date": q.date, "date_precision": q.date_precision,
                "places": [places[p]["name"] for p in q.places],
                "event_id": ids[q.event_index] if q.event_index is not None else None,
                "date_basis": q.date_basis,
            })  # fmt: skip
    place_rows = list({p["name"]: p for p in places.values()}.values())
    # One story from several documents becomes one event; its quotes follow it (merge.py).
    events_df, renamed = merge_events(pd.DataFrame(events, columns=EVENT_COLUMNS))
    quotes_df = assign_speaker_ids(pd.DataFrame(quotes, columns=QUOTE_COLUMNS))
    events_df = _prepare_events(events_df)
    if renamed:
        quotes_df["event_id"] = quotes_df["event_id"].map(lambda i: renamed.get(i, i))
    manifest = {
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "documents": [d["path"] for d in docs],
        "problems": [w for r in results for w in r.warnings] + list(ctx.resolver.problems),
        "extractor_version": EXTRACTOR_VERSION,
        "review": {"overrides_applied": sum(p["via"] == "override" for p in place_rows), "hidden": len(hidden),
                   "merged_events": len(renamed)},
    }
    return Tables(
        events=events_df.reset_index(drop=True),
        quotes=quotes_df,
        places=pd.DataFrame(place_rows, columns=PLACE_COLUMNS),
        documents=pd.DataFrame(docs),
        manifest=manifest,
    )


TABLE_NAMES = ("events", "quotes", "places", "documents")


def write_tables(tables: Tables, build_dir: Path = BUILD_DIR) -> Path:
    """Write a new set of tables beside the old, then switch `current` to it.

    Readers follow the `current` link, so they always see one whole build,
    never a mix of an old events table and a new places table.
    """
    build_dir.mkdir(parents=True, exist_ok=True)
    stamp = f"tables-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    target = build_dir / stamp
    target.mkdir()
    try:
        for name in TABLE_NAMES:
            getattr(tables, name).to_parquet(target / f"{name}.parquet", index=False)
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


def _prepare_events(events: pd.DataFrame) -> pd.DataFrame:
    """Columns the filters read on every rerun, computed once: real dates and the search text.

    The rows are stored in reading order (date, document, line), which filtering
    keeps, so the app never sorts 100k events on a rerun.
    """
    from dashboard.query import search_text

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
    seeds: Path = SEEDS_DIR, build_dir: Path = BUILD_DIR, ctx: Context | None = None
) -> tuple[Tables, Path]:
    ctx = ctx or Context.create()
    results = [extract_document(p, ctx, cache_dir=build_dir / "cache") for p in list_documents(seeds)]
    if not results:
        raise InputError(f"{seeds}: holds no .txt documents. Add at least one article.")
    tables = build_tables(results, ctx)
    return tables, write_tables(tables, build_dir)
