"""The store on a real PostgreSQL server: cold start of a fresh instance, and save-to-visible latency.

    python -m bench.store [--docs 1000,10000] [--per-doc 5] [--repeat 3]

A throwaway PostgreSQL (Debian's binaries, as the tests start it: tests/pg.py) is filled with N
generated documents (bench.generate's sentences, `--per-doc` snippets each, GeoNames places) by
`store.import_folder`, as `python -m dashboard store import` does. Then:

- cold start: a fresh instance (an empty build folder) until its tables are ready: copying the
  documents from the database, fetching cached extractions, extracting what is not cached, the
  reduce, and storing new extractions back; then the app's first run (AppTest: the whole script,
  up to the map's payload handed to the browser). Once with an empty extraction cache in the
  database, once with the cache the first instance left there.
- save to visible: instance A has its tables; instance B (its own connection pool) saves a new
  article; A's next rerun shows it (its count line grows). The time from B's call to A's rerun
  finishing, median of `--repeat`.

Figures are printed as Markdown tables; nothing is asserted (see tests/ for behaviour).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bench import BENCH_DIR, ROOT
from bench.generate import documents, findable_names, gazetteer_path, write_document, write_gazetteer
from bench.report import fmt_s, print_table


def make_corpus(n_docs: int, per_doc: int, seeds: Path) -> Path:
    """n_docs generated documents of per_doc snippets each under ``seeds``; the gazetteer they need."""
    gazetteer = gazetteer_path(BENCH_DIR, 5000)
    if not gazetteer.exists():
        write_gazetteer(gazetteer, 5000)
    if seeds.exists():
        shutil.rmtree(seeds)
    seeds.mkdir(parents=True)
    for name, reference, snippets in documents(n_docs * per_doc, findable_names(gazetteer), per_document=per_doc):
        write_document(seeds, name, reference, snippets)
    return gazetteer


def _use_gazetteer(path: Path) -> None:
    """The generated corpus names GeoNames places: every build in this process reads its gazetteer."""
    from dashboard.corpus import pipeline

    original = pipeline.Context.create.__func__

    def create(cls, gazetteer_path: Path = path, resolver=None):  # noqa: ANN001, ANN202
        return original(cls, gazetteer_path, resolver)

    pipeline.Context.create = classmethod(create)


def _count(at) -> str:  # noqa: ANN001
    return next(m.value for m in at.markdown if " events" in m.value)


def cold_start(url: str, work: Path) -> dict[str, float]:
    """A fresh instance's steps, timed one by one (the same steps as store.refresh_tables)."""
    from dashboard.corpus import pipeline, store
    from dashboard.corpus.fixes import Fixes

    store._sql_stores.clear()
    s = store.SqlStore(url)
    build = work / "build"
    t0 = time.perf_counter()
    s.revision()
    seeds = s.seeds_for_build(build)
    t1 = time.perf_counter()
    pipeline.build(seeds, build, fixes=Fixes.of(s.overrides(), s.marks()))
    t2 = time.perf_counter()
    s.after_build(build)
    t3 = time.perf_counter()
    (build / store.REVISION_FILE).write_text(f'{{"store": "{s.label}", "revision": "{s.revision()}"}}\n')
    return {"copy": t1 - t0, "build": t2 - t1, "store cache": t3 - t2, "ready": t3 - t0,
            "cached": len(list((build / "cache").glob("*.json")))}  # fmt: skip


def first_app_run(url: str, work: Path) -> float:
    from streamlit.testing.v1 import AppTest

    os.environ["DASHBOARD_BUILD_DIR"] = str(work / "build")
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=600)
    t0 = time.perf_counter()
    at.run()
    took = time.perf_counter() - t0
    if at.exception or not at.get("component_instance"):
        raise RuntimeError(f"the app did not draw its map: {[e.value for e in at.exception]}")
    return took


def save_to_visible(url: str, work: Path, repeat: int) -> list[float]:
    from streamlit.testing.v1 import AppTest

    from dashboard.corpus import store
    from dashboard.corpus.documents import DocumentMeta

    os.environ["DASHBOARD_BUILD_DIR"] = str(work / "build")
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=600)
    at.run()
    other = store.SqlStore(url)  # instance B: its own engine and connections
    out = []
    for i in range(repeat):
        before = _count(at)
        text = f"Russian aircraft left Khmeimim Air Base on Dec. {10 + i}, officials said (bench {time.time_ns()}).\n"
        t0 = time.perf_counter()
        other.add_document(text, DocumentMeta("Bench", date(2024, 12, 20), added_by="bench"), "bench")
        at.run()
        out.append(time.perf_counter() - t0)
        if _count(at) == before or at.exception:
            raise RuntimeError(f"instance A did not show B's document: {_count(at)}")
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.store", description=__doc__.splitlines()[0])
    p.add_argument("--docs", default="1000,10000", help="comma-separated document counts")
    p.add_argument("--per-doc", type=int, default=5, help="snippets per document")
    p.add_argument("--repeat", type=int, default=3, help="saves timed for save-to-visible")
    args = p.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from dashboard.corpus import store
    from tests.pg import PostgresServer

    server = PostgresServer()
    cold_rows, save_rows = [], []
    try:
        for n_docs in [int(x) for x in args.docs.split(",")]:
            corpus_dir = BENCH_DIR / f"store-d{n_docs}"
            _use_gazetteer(make_corpus(n_docs, args.per_doc, corpus_dir / "export" / "seeds"))
            url = server.create_database()
            os.environ[store.STORE_URL_ENV] = url
            os.environ["DASHBOARD_GEODATA_DIR"] = str(corpus_dir / "geodata")
            t0 = time.perf_counter()
            imported = store.import_folder(corpus_dir / "export", store.SqlStore(url))
            t_import = time.perf_counter() - t0
            work = Path(tempfile.mkdtemp(prefix="bench-store-"))
            try:
                for label in ("empty", "filled"):
                    inst = work / label
                    steps = cold_start(url, inst)
                    app = first_app_run(url, inst)
                    cold_rows.append([f"{n_docs:,}", f"{n_docs * args.per_doc:,}", label, fmt_s(steps["copy"]),
                                      fmt_s(steps["build"]), fmt_s(steps["store cache"]), fmt_s(steps["ready"]),
                                      fmt_s(app), fmt_s(steps["ready"] + app)])  # fmt: skip
                    print(f"  {n_docs} docs, cache {label}: ready {steps['ready']:.1f} s, app {app:.1f} s "
                          f"(import took {t_import:.1f} s: {imported.summary()})", flush=True)
                lat = save_to_visible(url, work / "filled", args.repeat)
                save_rows.append([f"{n_docs:,}", str(len(lat)), fmt_s(statistics.median(lat)), fmt_s(max(lat))])
            finally:
                shutil.rmtree(work, ignore_errors=True)
    finally:
        server.close()
    print_table("Cold start of a fresh instance on PostgreSQL",
                ["documents", "snippets", "extraction cache in the database", "copy documents + cache",
                 "build", "store new extractions", "tables ready", "first app run (map payload)", "total"],
                cold_rows)  # fmt: skip
    print_table("Save on instance B to visible on instance A (A's next rerun)",
                ["documents", "saves", "median", "max"], save_rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
