"""The "Add and review" page's preview, run in a worker process with a time limit.

The page's own process serves every visitor; extraction of a hostile text there would stall
them all (see dashboard/corpus/isolate.py). Here the page waits for a worker instead, and a preview
over the limit is stopped and explained. The worker is the server's warm one
(`pipeline.extraction_worker`), shared with the saves' rebuilds: `warm` starts it when the page
is shown, so neither the first preview nor the first save waits for it to build its phrase indexes.
"""

from __future__ import annotations

from pathlib import Path

from dashboard.corpus import ingest, isolate, pipeline, store
from dashboard.corpus.documents import DocumentMeta
from dashboard.errors import InputError
from dashboard.geo.gazetteer import DEFAULT_PATH as GAZETTEER_PATH
from dashboard.geo.resolver import Resolver

_CONTEXTS: dict[str, tuple[tuple, pipeline.Context]] = {}  # gazetteer path -> (file signature, its context)


def _context(path: Path = GAZETTEER_PATH) -> pipeline.Context:
    """The gazetteer's context, read again only when its file changes (a large gazetteer takes a while to parse)."""
    st = path.stat()
    sig = (st.st_size, st.st_mtime_ns, st.st_ino)
    kept = _CONTEXTS.get(str(path))
    if kept is None or kept[0] != sig:
        kept = (sig, pipeline.Context.create(path))
        _CONTEXTS[str(path)] = kept
    return kept[1]


def warm(build: Path | None = None) -> None:
    """Start the server's extraction worker now, and read the last build's saved state on a thread,
    without waiting for either (the page calls it when shown: the user's first save finds both ready)."""
    ctx = _context()
    pipeline.warm_extraction_worker(ctx)
    if build is not None:
        pipeline.restore_ahead(build, ctx)


def preview(incoming: ingest.Incoming, meta: DocumentMeta, seconds: float | None = None) -> ingest.Preview:
    """`ingest.preview` in a worker; InputError with what to do when it runs past `seconds`."""
    overrides = store.current().overrides()  # read here: the worker does not know the app's configured store
    ctx = _context()
    seconds = isolate.time_limit() if seconds is None else seconds
    try:
        with pipeline.extraction_worker(ctx, seconds) as worker:
            return worker.call(_preview, incoming, meta, overrides, ctx.gazetteer_hash, what="The preview")
    except isolate.TimeLimitError as exc:
        raise InputError(
            f"{exc} Nothing was saved. The text may hold very long lines or be built to stall extraction: "
            "split it into paragraphs or send a shorter part. (Other visitors were not held up.)"
        ) from None


def _preview(state: pipeline.WorkerState, incoming: ingest.Incoming, meta: DocumentMeta, overrides: dict,
             gazetteer_hash: str) -> ingest.Preview:  # fmt: skip
    """Runs in the worker: its extractor, and a resolver made now (it reads the geocoding settings of this call)."""
    isolate.slow_for_tests(incoming.text)
    ctx = pipeline.Context(state.places, Resolver(state.places), gazetteer_hash, _extractor=state.extractor)
    return ingest.preview(incoming, meta, ctx, overrides)
