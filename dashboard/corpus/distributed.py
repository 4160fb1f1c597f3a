"""Building the tables with extraction mapped over documents by an engine (processes here; Dask or Ray alike).

`pipeline.extract_document` is a function of one document and the gazetteer, so
the build is a map over documents followed by one small reduce (resolving the
places and assembling the tables). Any engine with a `map` can run the map
step unchanged: `concurrent.futures` processes on one machine (used here, no
extra dependency), or `dask.bag.from_sequence(paths).map_partitions(...)` /
`ray.util.multiprocessing.Pool.map` on a cluster, each worker building its own
`Context` once from the gazetteer path. The per-document cache is keyed by
content, so workers sharing the cache folder never redo each other's work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from dashboard.corpus.assembly import build_tables
from dashboard.corpus.assembly import write_tables as _write_tables
from dashboard.corpus.documents import list_documents
from dashboard.corpus.pipeline import BUILD_DIR, SEEDS_DIR, Context, DocumentResult, Tables, extract_document
from dashboard.errors import InputError
from dashboard.geo.gazetteer import DEFAULT_PATH as GAZETTEER_PATH

# One Context per worker process and gazetteer: building the phrase indexes of a
# 30k-place gazetteer takes about a second, far more than one document's extraction.
_CONTEXTS: dict[str, Context] = {}


def worker_context(gazetteer_path: str) -> Context:
    ctx = _CONTEXTS.get(gazetteer_path)
    if ctx is None:
        ctx = _CONTEXTS[gazetteer_path] = Context.create(Path(gazetteer_path))
    return ctx


def extract_batch(paths: list[str], gazetteer_path: str, cache_dir: str | None) -> list[DocumentResult]:
    """The unit of work an engine ships to a worker: a batch of document paths, in order."""
    ctx = worker_context(gazetteer_path)
    cache = Path(cache_dir) if cache_dir else None
    return [extract_document(Path(p), ctx, cache_dir=cache) for p in paths]


def batches(paths: list[Path], size: int) -> Iterator[list[str]]:
    for i in range(0, len(paths), size):
        yield [str(p) for p in paths[i : i + size]]


Mapper = Callable[[Callable[..., list[DocumentResult]], Iterable[list[str]]], Iterable[list[DocumentResult]]]


def process_pool_mapper(workers: int | None = None) -> Callable[..., Any]:
    """A mapper running batches in worker processes; results come back in input order."""

    def mapper(fn: Callable[[list[str]], list[DocumentResult]], items: Iterable[list[str]]) -> list:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(fn, items))

    return mapper


def dask_mapper(scheduler: str = "processes", workers: int | None = None) -> Callable[..., Any]:
    """A mapper running batches as a dask.bag: the same code on a laptop or a Dask cluster.

    `scheduler` is any Dask scheduler name ("processes", "threads", "sync") or,
    with a `dask.distributed.Client` connected, "distributed". Dask is an
    optional dependency (requirements-dev.txt); import it only when asked.
    """

    def mapper(fn: Callable[[list[str]], list[DocumentResult]], items: Iterable[list[str]]) -> list:
        import dask
        import dask.bag as db

        work = list(items)
        if not work:
            return []
        bag = db.from_sequence(work, npartitions=min(len(work), workers or len(work)))
        with dask.config.set(scheduler=scheduler, num_workers=workers):
            return bag.map(fn).compute()

    return mapper


def serial_mapper(fn: Callable[[list[str]], list[DocumentResult]], items: Iterable[list[str]]) -> list:
    return [fn(item) for item in items]


def build_mapped(
    seeds: Path = SEEDS_DIR,
    build_dir: Path = BUILD_DIR,
    gazetteer_path: Path = GAZETTEER_PATH,
    mapper: Callable[..., Iterable[list[DocumentResult]]] | None = None,
    batch_size: int = 50,
    write: bool = True,
) -> tuple[Tables, Path | None]:
    """Like `pipeline.build`, with the per-document extraction run by `mapper` (default: a process pool).

    The reduce step runs here, with a Context of its own, exactly as the serial
    build does it, so the tables are the same whatever engine ran the map.
    """
    from functools import partial

    paths = list_documents(seeds)
    if not paths:
        raise InputError(f"{seeds}: holds no .txt documents. Add at least one article.")
    work = partial(extract_batch, gazetteer_path=str(gazetteer_path), cache_dir=str(build_dir / "cache"))
    mapper = mapper or process_pool_mapper()
    results = [r for batch in mapper(work, batches(paths, batch_size)) for r in batch]
    tables = build_tables(results, worker_context(str(gazetteer_path)))
    return tables, (_write_tables(tables, build_dir) if write else None)
