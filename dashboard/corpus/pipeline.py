"""From documents to the tables the app and the briefings read.

`extract_document` is a function of one document (and the gazetteer), so a
build maps it over documents and caches each result by content: adding one
article re-extracts only that article. It is one module over 300 lines because what
a build remembers of each document file between builds (`_SEEN`, in memory and, through
`patchstate`, on disk for the next process) decides which documents are read at all, so it
sits beside the loop that reads them.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from dashboard.corpus import isolate, patchstate, rowstore
from dashboard.corpus.assembly import (
    _Assembly,
    build_tables,
    forget,
    keep_assembly,
    kept_assembly,
    kept_row_store,
    patched,
    replay,
    with_arrow_columns,
    without_arrow_columns,
    write_tables,
)
from dashboard.corpus.context import (
    BUILD_DIR,
    EXTRACTOR_VERSION,
    ROOT,
    SEEDS_DIR,
    Context,
    DocumentResult,
    build_dir,
    seeds_dir,
)
from dashboard.corpus.documents import (
    DocumentMeta,
    check_reference_date,
    content_hash,
    document_id,
    linked_documents,
    list_documents,
    load_meta,
)
from dashboard.corpus.fixes import Fixes
from dashboard.corpus.tables import Tables, build_stamp, read_tables
from dashboard.errors import InputError
from dashboard.files import atomic_write_text, read_document
from dashboard.geo.gazetteer import Place

if TYPE_CHECKING:  # imported where extraction runs (the worker, `extract` below): a build's own process
    from dashboard.extraction.extract import Extraction, Extractor  # never needs their regular expressions

# The build's public face: the app, the store, the pages and the command line call these as `pipeline.X`;
# the tables' files (tables.py), the reduce (assembly.py) and placing names (context.py) sit below it.
__all__ = ["BUILD_DIR", "SEEDS_DIR", "Context", "DocumentResult", "Tables", "WorkerState", "build", "build_dir",
           "build_stamp", "extract_document", "extraction_worker", "forget_assemblies", "patched", "read_tables",
           "restore_ahead", "seeds_dir", "warm_extraction_worker"]

log = logging.getLogger(__name__)


def extract_document(
    path: Path, ctx: Context, reference_date: date | None = None, cache_dir: Path | None = None,
    known: set[str] | None = None,
    extract: Callable[[str, date], Extraction | Entry] | None = None,
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
    f = cache_dir / f"{key}.json"
    if not f.exists():
        return None
    from dashboard.extraction.extract import Event, Extraction, PlaceMention, QuoteRecord

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


def _store(cache_dir: Path, key: str, extraction: Extraction | Entry) -> None:
    """The cache entry: `asdict` as JSON. The entry is made again if a crash loses it, so it is not synced
    to disk (20,000 waits at 1M); the dataclasses hold only plain values, so `vars` gives what `asdict` gives."""
    text = extraction.json if isinstance(extraction, Entry) else _entry_json(extraction)
    atomic_write_text(cache_dir / f"{key}.json", text, durable=False)


def _entry_json(extraction: Extraction) -> str:
    return json.dumps(extraction, default=vars)


class Entry:
    """An extraction as the build's worker sends it back: the JSON of its cache entry (`_entry_json`), read
    as records with the same fields (what `rowstore.extraction_rows` reads, as from a cached entry).

    The build process so never unpickles the extraction's classes, and never imports the extraction's
    modules (their regular expressions are 0.1 s of a command-line rebuild): the worker alone does.
    The cache entry written is the worker's text as it came (`_store`)."""

    def __init__(self, text: str) -> None:
        data = json.loads(text)
        self.json = text
        self.events = [SimpleNamespace(**e) for e in data["events"]]
        self.quotes = [SimpleNamespace(**q) for q in data["quotes"]]
        self.mentions = [SimpleNamespace(**m) for m in data["mentions"]]
        self.duplicates = list(data["duplicates"])
        self.problems = list(data.get("problems", []))


# -- one document as JSON (the `extract` command's contract) --------------------


# -- the whole corpus -----------------------------------------------------------


def forget_assemblies() -> None:
    """Drop what builds in this process kept (tests compare a patched build with a full one)."""
    forget()
    _SEEN.clear()


def build(
    seeds: Path = SEEDS_DIR, build_dir: Path = BUILD_DIR, ctx: Context | None = None, seconds: float | None = None,
    fixes: Fixes | None = None, keep_state: bool = False,
) -> tuple[Tables, Path]:
    """Extract every document (new ones in a worker process, `seconds` each at most) and write the tables.

    A document whose extraction runs past the limit (default `DASHBOARD_EXTRACT_SECONDS`, 60 s)
    is stopped, left out and named in the manifest's problems; the rest are built. ``fixes`` are the
    place fixes and marks applied (store.rebuild passes its store's; default: the geodata folder's files).
    A build that only adds documents patches the last one: the one made in this process, else one
    whose state an earlier process saved beside the tables; ``keep_state`` saves this build's state
    there (`patchstate`; the command line does, as each run is a new process).
    """
    ctx = ctx or Context.create()
    with _gc_paused():
        return _build(seeds, build_dir, ctx, seconds, fixes, keep_state)


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
           fixes: Fixes | None, keep_state: bool) -> tuple[Tables, Path]:  # fmt: skip
    paths = list_documents(seeds)
    if not paths:
        raise InputError(f"{seeds}: holds no .txt documents. Add at least one article.")
    limit = isolate.time_limit() if seconds is None else seconds
    with extraction_worker(ctx, limit) as worker:
        worker.warm()  # its extractor is built while the last build's state is read (a new document needs it)
        with _RESTORING:
            if kept_assembly(build_dir) is None:
                _restore(build_dir, ctx)
        store, results, batch, stopped = _extract_new(seeds, build_dir, ctx, paths, worker)
    if not results:
        raise InputError(f"{seeds}: no document could be extracted. " + " ".join(stopped))
    tables = build_tables(results, ctx, build_dir, store, fixes, batch)
    tables.manifest["problems"] = stopped + tables.manifest["problems"]
    if keep_state:  # saved while the events table is written (Arrow writes it without the interpreter lock)
        written = write_tables(tables, build_dir, meanwhile=lambda stamp: _save_state(build_dir, ctx, paths, stamp))
    else:
        written = write_tables(tables, build_dir)
        patchstate.discard(build_dir)  # it was for the tables just replaced
    return tables, written


def _extract_new(seeds: Path, build_dir: Path, ctx: Context, paths: list[Path], worker: isolate.ExtractionWorker,
                 ) -> tuple[rowstore.Store, list[DocumentResult], rowstore.Batch, list[str]]:  # fmt: skip
    """Every document's result: unchanged ones as the last build left them, new ones extracted by `worker`."""
    kept = kept_row_store(build_dir)
    if kept is not None and kept.segments == rowstore.segments(build_dir):
        store = kept  # segments never change once written: the same list is the same rows
    else:
        store = rowstore.load(build_dir)
    known = store.known()  # documents whose rows are stored: their cached extraction is not even read
    results: list[DocumentResult] = []
    batch = rowstore.Batch()  # new documents' rows, made as each is extracted (memory: see `rowstore.Batch`)
    stopped = [f"{p}: is a symbolic link, so it was not read (a link can point at any file on the server). "
               "Put a copy of the document in the folder instead." for p in linked_documents(seeds)]  # fmt: skip
    for p in paths:
        seen = _unchanged_document(p, ctx, known)
        if seen is not None:
            results.append(seen)
            continue

        def extract(text: str, reference_date: date, p: Path = p) -> Entry:
            return Entry(worker.call(_extract_job, text, reference_date, what=f"{p}: extraction"))

        try:
            result = _remember(p, ctx, lambda p=p, extract=extract: extract_document(
                p, ctx, cache_dir=build_dir / "cache", known=known, extract=extract))
            if result.extraction is not None and result.key not in known:  # into rows now, not at the end
                batch.add(result.key, result.extraction)
                result.extraction = None
            results.append(result)
        except isolate.TimeLimitError as exc:
            stopped.append(f"{exc} The document was left out of the tables: it may hold a very long line "
                           f"or text built to stall extraction. Split it into paragraphs or remove it from "
                           f"{seeds}; {isolate.TIME_LIMIT_ENV} sets the limit.")  # fmt: skip
            log.info("%s", stopped[-1])
    return store, results, batch, stopped


_RESTORING = threading.Lock()  # one restore at a time: a build waits for `restore_ahead`'s, never redoes it


def restore_ahead(build_dir: Path, ctx: Context) -> None:
    """Read the saved state of `build_dir` on a thread now, if this process keeps none: the app's server
    calls it when the "Add and review" page is shown, so the first save patches without reading it."""
    def run() -> None:
        with _RESTORING, _gc_paused():
            if kept_assembly(build_dir) is None:
                _restore(build_dir, ctx)

    if kept_assembly(build_dir) is None and (build_dir / patchstate.FOLDER).exists():
        threading.Thread(target=run, name="restore-build-state", daemon=True).start()


def _restore(build_dir: Path, ctx: Context) -> None:
    """Take up the state an earlier process saved beside these tables, if it still holds (`patchstate`)."""
    segments = rowstore.segments(build_dir)
    stamp = build_stamp(build_dir)
    state = patchstate.load(build_dir, stamp, patchstate.stamps(ctx.gazetteer_hash, segments))
    if state is None:
        return
    try:
        base = state["base"]
        memo = base["assembly"]
        memo.merged, memo.store, memo.arrow = base["merged"], base["store"], base["arrow"]
        if memo.arrow is not None:  # its lists and ids were saved once, in the Arrow form (`_save_state`)
            memo.merged = with_arrow_columns(memo.merged, memo.arrow, [*memo.arrow.column_names, "order"])
        seen = base["seen"]
        if state["steps"]:  # the patches saved since the base, each as what it changed (`assembly.replay`)
            head = state["head"]
            memo, seen = replay(memo, state["steps"], head), head["seen"]
        if not isinstance(memo, _Assembly) or not isinstance(seen, dict):
            raise TypeError("not a saved assembly")
    except Exception as exc:  # noqa: BLE001 - a state that does not fit together: assemble in full
        log.warning("ignoring the saved build state in %s (%s): assembling in full", build_dir, exc)
        patchstate.discard(build_dir)
        return
    memo.store.segments = segments  # the same names (checked), as paths under this build folder
    memo.saved_as, memo.journal = stamp, None
    keep_assembly(build_dir, memo)
    for path, entry in seen.items():
        _SEEN.setdefault(path, entry)


_HEAD = ("docs", "doc_rows", "qu_pos", "mentions", "places", "hidden", "gazetteer_hash", "renamed")


def _save_state(build_dir: Path, ctx: Context, paths: list[Path], stamp: str) -> None:
    """Save what the next process needs to patch the tables stamped `stamp`: only what this patch changed when
    the state on disk is the last build's (`patchstate.append`), else the whole assembly (`patchstate.save`).

    It runs before those tables replace the last (`write_tables`): should that fail, the state names tables
    that never were, and the next build, finding other tables, assembles in full."""
    memo = kept_assembly(build_dir)
    if memo is None:
        return
    from dataclasses import replace

    expected = patchstate.stamps(ctx.gazetteer_hash, memo.store.segments)
    seen = {str(p): _SEEN[str(p)] for p in paths if str(p) in _SEEN}
    journal, memo.journal = memo.journal, None
    step = _step(memo, journal) if journal is not None else None
    if step is not None:
        head = {**{k: getattr(memo, k) for k in _HEAD}, "seen": seen}
        if patchstate.append(build_dir, journal["from"], stamp, expected, step, head):
            memo.saved_as = stamp
            return
    # A spliced Arrow table is slices of older ones: pickled, each slice would carry its whole parent's buffers.
    arrow = memo.arrow.combine_chunks() if memo.arrow is not None else None
    # The large parts one by one (see `patchstate.save`); `table` served this build's write only.
    # The events table's columns held as Arrow are that table's: saved once, in it (`with_arrow_columns`).
    merged = without_arrow_columns(memo.merged, arrow) if arrow is not None else memo.merged
    state = {"assembly": replace(memo, table=None, arrow=None, merged=None, store=None, journal=None),
             "seen": seen, "merged": merged, "store": memo.store, "arrow": arrow}  # fmt: skip
    patchstate.save(build_dir, stamp, expected, state)
    memo.saved_as = stamp


def _step(memo: Any, journal: dict[str, Any]) -> dict[str, Any] | None:
    """A patch's journal with the rows it added to the row store; None when the store was compacted meanwhile
    (its rows are no longer the old ones plus these: save the whole state)."""
    before, now = journal["segments_before"], [p.name for p in memo.store.segments]
    if before and (not now or now[0] != before[0]):  # rewritten whole (`rowstore.add` dropped dead rows)
        return None
    store_new = {k: getattr(memo.store, k).iloc[journal["store_before"][k]:] for k in rowstore.KINDS}
    return {**{k: v for k, v in journal.items() if k not in ("from", "segments_before")}, "store_new": store_new}


_SEEN: dict[str, tuple[tuple, str, DocumentResult]] = {}  # path -> (file signature, gazetteer hash, result)
RACY_NS = 2 * 10**9  # a file changed this recently may change again within its timestamp's resolution


def _signature(path: Path) -> tuple | None:
    """What changes when a document or its metadata file is rewritten (size, times, inode), like git's index."""
    out = []
    name = path.name  # the metadata file's name as `load_meta` makes it (stem + ".meta.json"), without a Path each
    dot = name.rfind(".")
    meta = str(path)[: len(str(path)) - len(name)] + (name[:dot] if 0 < dot < len(name) - 1 else name) + ".meta.json"
    for i, f in enumerate((str(path), meta)):
        try:
            st = os.stat(f)
        except FileNotFoundError:
            if i == 0:
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


@dataclass
class WorkerState:
    """What an extraction worker makes once from the gazetteer: its places and the extractor's phrase indexes."""

    places: list[Place]
    extractor: Extractor


def _worker_state(places: list[Place]) -> WorkerState:
    """Runs once in an extraction worker process (forked from a build that never imported the extraction)."""
    from dashboard.extraction.extract import Extractor

    return WorkerState(places, Extractor(places))


def extraction_worker(ctx: Context, seconds: float) -> AbstractContextManager[isolate.ExtractionWorker]:
    """The process's warm extraction worker for `ctx`'s gazetteer (`isolate.shared_worker`): builds,
    rebuilds and the app's previews share it, so only the first of them waits for it to start."""
    return isolate.shared_worker(ctx.gazetteer_hash, _worker_state, (ctx.places,), seconds)


def warm_extraction_worker(ctx: Context) -> None:
    """Start the process's extraction worker for `ctx` now, without waiting (see `extraction_worker`)."""
    isolate.warm_shared(ctx.gazetteer_hash, _worker_state, (ctx.places,), isolate.time_limit())


def _extract_job(state: WorkerState, text: str, reference_date: date) -> str:
    """Runs in the worker, one document at a time; the answer is its cache entry's JSON (`Entry`)."""
    isolate.slow_for_tests(text)
    return _entry_json(state.extractor.extract(text, reference_date))
