"""The "Add and review" page's preview, run in a worker process with a time limit.

The page's own process serves every visitor; extraction of a hostile text there would stall
them all (see dashboard/corpus/isolate.py). Here the page waits for a worker instead, and a preview
over the limit is stopped and explained.
"""

from __future__ import annotations

from dashboard.corpus import ingest, isolate, pipeline, store
from dashboard.corpus.documents import DocumentMeta
from dashboard.errors import InputError


def preview(incoming: ingest.Incoming, meta: DocumentMeta, seconds: float | None = None) -> ingest.Preview:
    """`ingest.preview` in a worker; InputError with what to do when it runs past `seconds`."""
    overrides = store.current().overrides()  # read here: the worker does not know the app's configured store
    try:
        return isolate.run_limited(_preview, incoming, meta, overrides, seconds=seconds, what="The preview")
    except isolate.TimeLimitError as exc:
        raise InputError(
            f"{exc} Nothing was saved. The text may hold very long lines or be built to stall extraction: "
            "split it into paragraphs or send a shorter part. (Other visitors were not held up.)"
        ) from None


def _preview(incoming: ingest.Incoming, meta: DocumentMeta, overrides: dict) -> ingest.Preview:
    isolate.slow_for_tests(incoming.text)
    return ingest.preview(incoming, meta, pipeline.Context.create(), overrides)
