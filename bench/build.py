"""Build benchmark: the full pipeline on generated corpora, one core, in a fresh process each.

    python -m bench.build [--sizes 1000,10000,100000] [--places 5000|all] [--huge]

Each size runs in its own subprocess pinned to one CPU. Figures: cold build time, extraction
throughput (snippets/s, the time spent inside `Extractor.extract`), peak memory, and a second build
after adding one document (time, and how many documents it re-extracted, counted by wrapping the
extractor: the cache is keyed by content, so it should be 1). Peak memory is the largest sum of the
resident sizes of the build process and its extraction worker, sampled every 0.1 s (`TreeSampler`),
with the build phase it was reached in; `--huge` adds issue 12's 1M-snippet corpus over every place.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench import BENCH_DIR, ROOT
from bench.report import fmt_bytes, fmt_s, growth, print_table

TARGET_BUILD_S = 60.0
TARGET_SNIPPETS_PER_S = 2000.0
TARGET_MEMORY = 1024**3
TARGET_REBUILD_S = 1.0
HUGE = 1_000_000  # issue 12's 1M corpus: the build within 10 minutes on one core and 4 GB
TARGET_HUGE_BUILD_S = 600.0
TARGET_HUGE_MEMORY = 4 * 1024**3


def corpus_dir(n: int, places: str) -> Path:
    return BENCH_DIR / f"c{n}-{places}"


def ensure_corpus(n: int, places: str) -> Path:
    """Generate the corpus once; later runs reuse it (the generator is deterministic)."""
    from bench.generate import generate

    out = corpus_dir(n, places)
    marker = out / "generated.json"
    if not marker.exists():
        corpus = generate(n, out, None if places == "all" else int(places))
        marker.write_text(json.dumps({"n": n, "documents": corpus.n_documents, "places_used": len(corpus.places_used),
                                      "gazetteer": str(corpus.gazetteer)}), encoding="utf-8")
    return out


class TreeSampler:
    """The peak of the summed resident memory of this process and every process under it.

    `ru_maxrss` counts one process; a build also runs an extraction worker, so the machine
    needs the sum. Read from /proc (Linux) every `interval` seconds in a thread; `phase` names
    what the build was doing at the peak (set by the wrappers of `_phases`).
    """

    def __init__(self, interval: float = 0.1) -> None:
        import threading

        self.interval, self.peak, self.peak_phase, self.phase = interval, 0, "", "other"
        self.workers_peak = 0  # the processes under this one (the extraction worker)
        self.prefix = ""  # "rebuild: " while the rebuild after one document runs
        self.phase_peaks: dict[str, int] = {}
        self._cpu: dict[int, float] = {}  # pid -> CPU seconds last seen
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def tree_rss(pid: int) -> tuple[int, int]:
        """(this process's resident bytes, those of every process under it)."""
        own, total, todo = 0, 0, [pid]
        while todo:
            p = todo.pop()
            try:
                status = Path(f"/proc/{p}/status").read_text()
                total += next(int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmRSS:"))
                for task in Path(f"/proc/{p}/task").iterdir():
                    todo += [int(c) for c in (task / "children").read_text().split()]
            except (OSError, StopIteration, ValueError):
                continue
            if p == pid:
                own = total
        return own, total - own

    def workers_cpu(self) -> float:
        """CPU seconds (user + system) used so far by every process under this one, exited ones included
        as last seen: with the build process's own, what the build costs on one core."""
        todo, tick = [os.getpid()], os.sysconf("SC_CLK_TCK")
        while todo:
            p = todo.pop()
            try:
                if p != os.getpid():
                    fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
                    self._cpu[p] = (int(fields[11]) + int(fields[12])) / tick  # utime, stime
                for task in Path(f"/proc/{p}/task").iterdir():
                    todo += [int(c) for c in (task / "children").read_text().split()]
            except (OSError, IndexError, ValueError):
                continue
        return sum(self._cpu.values())

    def sample(self) -> None:
        self.workers_cpu()
        own, workers = self.tree_rss(os.getpid())
        rss, phase = own + workers, self.phase
        self.workers_peak = max(self.workers_peak, workers)
        self.phase_peaks[phase] = max(self.phase_peaks.get(phase, 0), rss)
        if rss > self.peak:
            self.peak, self.peak_phase = rss, phase

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


def _phases(sampler: TreeSampler) -> None:
    """Name the build's steps in `sampler.phase` by wrapping the functions that run them."""
    import functools

    from dashboard.corpus import assembly, pipeline, rowstore

    def wrap(module: Any, name: str, label: str) -> None:
        inner = getattr(module, name)

        @functools.wraps(inner)
        def named(*args: Any, **kwargs: Any) -> Any:
            before, sampler.phase = sampler.phase, sampler.prefix + label
            sampler.sample()
            try:
                return inner(*args, **kwargs)
            finally:
                sampler.sample()
                sampler.phase = before

        setattr(module, name, named)

    wrap(pipeline, "_build", "extract")
    wrap(pipeline, "build_tables", "rows")
    wrap(rowstore, "add", "row store")
    wrap(assembly, "assemble", "assemble")
    wrap(assembly, "fold_events", "merge")
    wrap(assembly, "prepare_events", "prepare")
    wrap(assembly, "_finish", "finish")
    wrap(pipeline, "write_tables", "write")
    wrap(pipeline, "_save_state", "save state")


def measure(out: Path) -> dict[str, Any]:
    """Run inside the subprocess: cold build, then one added document and a rebuild."""
    sampler = TreeSampler()
    _phases(sampler)
    with sampler:
        result = _measure(out, sampler)
    phases = sorted(sampler.phase_peaks.items(), key=lambda kv: -kv[1])
    return {**result, "peak_with_rebuild": sampler.peak, "worker_rss": sampler.workers_peak,
            "phase_peaks": dict(phases)}  # fmt: skip


def _measure(out: Path, sampler: TreeSampler) -> dict[str, Any]:
    from dashboard.corpus.pipeline import Context, build

    info = json.loads((out / "generated.json").read_text(encoding="utf-8"))
    seeds = out / "seeds"
    build_dir = out / "build"
    shutil.rmtree(build_dir, ignore_errors=True)
    t0 = time.perf_counter()
    ctx = Context.create(Path(info["gazetteer"]))
    context_s = time.perf_counter() - t0
    counter = _count_extractions(ctx)
    t0, c0 = time.perf_counter(), time.process_time()
    tables, _ = build(seeds, build_dir, ctx, keep_state=True)  # as the command does: the state for the next process
    build_s, build_cpu_s = time.perf_counter() - t0, time.process_time() - c0
    cold = dict(counter)
    sampler.sample()
    workers_cpu_s = sampler.workers_cpu()  # the extraction worker's CPU for the cold build
    build_peak, build_phase = sampler.peak, sampler.peak_phase  # the cold build's own peak
    sampler.prefix = "rebuild: "
    added = _add_one_document(seeds)
    counter.update(calls=0, seconds=0.0)
    t0, c0 = time.perf_counter(), time.process_time()
    tables2, _ = build(seeds, build_dir, ctx)
    rebuild_s, rebuild_cpu_s = time.perf_counter() - t0, time.process_time() - c0
    added.unlink()
    added.with_name(added.stem + ".meta.json").unlink()
    return {
        "snippets": info["n"], "documents": info["documents"], "events": len(tables.events),
        "quotes": len(tables.quotes), "places": len(tables.places), "context_s": context_s,
        "build_s": build_s, "build_cpu_s": build_cpu_s, "load": os.getloadavg()[0],
        "one_core_s": build_cpu_s + workers_cpu_s, "workers_cpu_s": workers_cpu_s,
        "extract_s": cold["seconds"], "extracted": cold["calls"],
        "snippets_per_s": info["n"] / max(cold["seconds"], 1e-9), "rebuild_s": rebuild_s,
        "rebuild_cpu_s": rebuild_cpu_s,
        "re_extracted": counter["calls"], "events_after_add": len(tables2.events),
        "maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "peak_rss": build_peak, "peak_phase": build_phase,
    }  # fmt: skip


def _count_extractions(ctx: Any) -> dict[str, Any]:
    """Count and time the documents the build really extracts.

    Extraction runs in the build's worker process (`isolate.ExtractionWorker`), so the
    parent's `ctx.extractor` is never called: the count and the time are taken around
    each job handed to the worker (the time includes passing the text and the result).
    """
    from dashboard.corpus import isolate

    counter: dict[str, Any] = {"calls": 0, "seconds": 0.0}
    inner = isolate.ExtractionWorker.call

    def counted(self: Any, fn: Any, *args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return inner(self, fn, *args, **kwargs)
        finally:
            counter["calls"] += 1
            counter["seconds"] += time.perf_counter() - t0

    isolate.ExtractionWorker.call = counted  # type: ignore[method-assign]
    return counter


def _new_text() -> str:
    """A document no run has seen (a fresh reference number): it is extracted, never found in the cache."""
    import uuid

    return ("Syrian rebels claim to have reached the suburbs of Damascus on Dec. 7, as the rebel groups' "
            f"rapid offensive against pro-government forces continues. Dispatch reference {uuid.uuid4().hex[:12]}.\n")


def _add_one_document(seeds: Path) -> Path:
    doc = seeds / "zz_added.txt"
    doc.write_text(_new_text(), encoding="utf-8")
    meta = {"source": "bench", "reference_date": "2024-12-10"}
    (seeds / "zz_added.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return doc


# `python -m dashboard build` with the generated corpus's gazetteer (the command reads the project's): the
# same start-up, imports and code; it prints how long the command's own work took, start-up excluded.
_CLI = """import time; t0 = time.perf_counter()
import sys
from pathlib import Path
from dashboard.corpus.context import Context
Context.create.__func__.__defaults__ = (Path(sys.argv[1]), None)
from dashboard.cli.main import exit_now, main
t1, c1 = time.perf_counter(), time.process_time()
code = main(["build", "--seeds", sys.argv[2], "--build-dir", sys.argv[3]])
t2, c2 = time.perf_counter(), time.process_time()
import resource
from dashboard.corpus import isolate
isolate.close_shared()  # as `exit_now` does: the extraction worker stopped and waited for, so its CPU is counted
worker = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"TIMES {t1 - t0} {t2 - t1} {c2 - c1} {worker.ru_utime + worker.ru_stime}")
exit_now(code)  # as `python -m dashboard` ends
"""


def measure_cli(out: Path) -> dict[str, Any]:
    """The command as a user runs it, a new process each time: after one added document, it patches the build.

    The first run brings the tables back to the corpus (the in-process measure added and removed a
    document: a full assembly, from the row store); the second, after adding one document, is timed
    from outside (wall, Python start-up included) and from inside (the command's own work).
    """
    info = json.loads((out / "generated.json").read_text(encoding="utf-8"))
    seeds, build_dir = out / "seeds", out / "build"

    def run() -> tuple[float, float, float, float, str]:
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", _CLI, info["gazetteer"], str(seeds), str(build_dir)], cwd=ROOT,
                              capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
        wall = time.perf_counter() - t0
        times = [line for line in proc.stdout.splitlines() if line.startswith("TIMES ")]
        if proc.returncode != 0 or not times:
            raise RuntimeError(f"python -m dashboard build failed:\n{proc.stderr[-3000:]}")
        startup, work, cpu, worker_cpu = (float(x) for x in times[-1].split()[1:])
        return wall, startup, work, cpu, worker_cpu, proc.stdout

    full_wall, _, full_work, _, _, _ = run()
    added = _add_one_document(seeds)
    try:
        wall, startup, work, cpu, worker_cpu, stdout = run()
    finally:
        added.unlink()
        added.with_name(added.stem + ".meta.json").unlink()
    return {"cli_full_s": full_wall, "cli_full_work_s": full_work, "cli_rebuild_s": wall,
            "cli_startup_s": startup, "cli_rebuild_work_s": work, "cli_rebuild_cpu_s": cpu,
            "cli_worker_cpu_s": worker_cpu,
            "cli_patched": "patched the last build" in stdout,
            "cli_load": os.getloadavg()[0]}  # fmt: skip


# The app's server: a process whose imports are done, saving documents from the "Add and review" page (each save
# rebuilds in this process, `ingest.save`). argv: gazetteer, seeds, build folder, "warm" or "cold", saves.
_APP = """import json, os, sys, threading, time
threading.Thread(target=time.sleep, args=(3600,), daemon=True).start()  # a server runs threads: the forkserver is used
from pathlib import Path
from datetime import date
from dashboard.corpus.context import Context
Context.create.__func__.__defaults__ = (Path(sys.argv[1]), None)
from dashboard.corpus import ingest, preview_worker
preview_worker._context.__defaults__ = (Path(sys.argv[1]),)
from bench.build import _new_text
seeds, build, mode, n = Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4], int(sys.argv[5])
out = []
ready = None
if mode == "warm":
    w0 = time.perf_counter()
    preview_worker.warm(build)  # the page is shown: the worker starts, the last build's state is read
    while ingest.pipeline.kept_assembly(build) is None and time.perf_counter() - w0 < 60:
        time.sleep(0.01)  # the state read on its thread
    preview_worker.preview(ingest.Incoming(text=_new_text(), label="pasted", fmt="text"),
                           ingest.DocumentMeta("bench", date(2024, 12, 10)))  # waits for the worker, if not up yet
    ready = time.perf_counter() - w0  # from the page shown to both ready: a save after this waits for neither
    time.sleep(3)  # the user pastes an article and types its source
for i in range(n):
    incoming = ingest.Incoming(text=_new_text(), label="pasted", fmt="text")
    meta = ingest.DocumentMeta("bench", date(2024, 12, 10))
    p0 = time.perf_counter()
    if mode == "warm":
        preview_worker.preview(incoming, meta)
    t0, c0 = time.perf_counter(), time.process_time()
    saved = ingest.save(incoming, meta, seeds=seeds, build=build)
    out.append({"save_s": time.perf_counter() - t0, "save_cpu_s": time.process_time() - c0,
                "preview_s": t0 - p0, "patched": ingest.pipeline.patched(build), "status": saved.status,
                "load": os.getloadavg()[0], "ready_s": ready})
print("APP " + json.dumps(out))
"""


def measure_app(out: Path, saves: int = 3) -> dict[str, Any]:
    """The app's save of a new document at this size, as the user waits for it, in a fresh server process each:

    "warm": the page was shown (its extraction worker started), the user previews, then saves, `saves` times;
    "cold": a save at once, nothing started before it (a restarted server's first save, worst case).
    The tables and the state on disk are those the command line left (`measure_cli` runs first)."""
    info = json.loads((out / "generated.json").read_text(encoding="utf-8"))
    seeds, build_dir = out / "seeds", out / "build"
    import tempfile

    result: dict[str, Any] = {}
    geodata = Path(tempfile.mkdtemp(prefix="bench-geodata-"))  # saves write an audit entry: never into geodata/
    shutil.copytree(ROOT / "geodata", geodata, dirs_exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DASHBOARD_GEODATA_DIR": str(geodata)}

    def sync() -> None:  # the tables (and their saved state) brought back to the corpus, as the command does
        subprocess.run([sys.executable, "-c", _CLI, info["gazetteer"], str(seeds), str(build_dir)], cwd=ROOT,
                       capture_output=True, text=True, env=env, check=True)  # fmt: skip

    before = set(os.listdir(seeds))
    sync()  # the last measurement added and removed a document: the state no longer matches the corpus
    try:
        for mode, n in (("cold", 1), ("warm", saves)):  # each server finds the state the one before left
            proc = subprocess.run([sys.executable, "-c", _APP, info["gazetteer"], str(seeds), str(build_dir), mode,
                                   str(n)], cwd=ROOT, capture_output=True, text=True, env=env)  # fmt: skip
            lines = [line for line in proc.stdout.splitlines() if line.startswith("APP ")]
            if proc.returncode != 0 or not lines:
                raise RuntimeError(f"the app's save failed:\n{proc.stderr[-3000:]}")
            result[f"app_{mode}"] = json.loads(lines[-1][4:])
    finally:
        for name in set(os.listdir(seeds)) - before:
            (seeds / name).unlink()
        sync()
        shutil.rmtree(geodata, ignore_errors=True)
    return result


def _cli_only(out: Path, n: int, runs: int) -> dict[str, Any]:
    """`measure_cli` alone, `runs` times: wall as the user waits, the command's CPU, the 1-minute load of each."""
    results = [measure_cli(out) for _ in range(runs)]
    for r in results:
        print(f"{n:,} snippets: `python -m dashboard build` after one document {r['cli_rebuild_s']:.3f} s as the "
              f"user waits, {r['cli_rebuild_cpu_s']:.3f} s CPU in its own process (+ {r['cli_worker_cpu_s']:.3f} s "
              f"in its extraction worker), patched: {r['cli_patched']}, "
              f"load {r['cli_load']:.2f}")
    return {"n": n, "cli_runs": results}


def run_one(n: int, places: str) -> dict[str, Any]:
    """Generate (if needed), then measure in a fresh process pinned to one core."""
    out = ensure_corpus(n, places)
    code = (
        "import json, os, sys; from pathlib import Path; from bench.build import measure; "
        "os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}); "
        f"print('RESULT ' + json.dumps(measure(Path({str(out)!r}))))"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    lines = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"build benchmark at {n} snippets failed:\n{proc.stderr[-3000:]}")
    result = json.loads(lines[-1][len("RESULT "):])
    result["places_setting"] = places
    if n < HUGE:
        result.update(measure_cli(out))
        result.update(measure_app(out))
    return result


def report(results: list[dict[str, Any]]) -> None:
    rows = []
    for r in results:
        rows.append([
            f"{r['snippets']:,}", f"{r['documents']:,}", f"{r['events']:,}", f"{r['quotes']:,}",
            f"{r['places']:,}", fmt_s(r["build_s"]), fmt_s(r["build_cpu_s"]), fmt_s(r["extract_s"]),
            f"{r['snippets_per_s']:,.0f}",
            fmt_bytes(r["peak_rss"]), r["peak_phase"], fmt_bytes(r["maxrss"]), fmt_bytes(r["worker_rss"]),
            fmt_s(r["rebuild_s"]), fmt_s(r["rebuild_cpu_s"]), str(r["re_extracted"]),
        ])  # fmt: skip
    print_table(
        "Build (full pipeline, one core, fresh process)",
        ["snippets", "docs", "events", "quotes", "places", "build", "build CPU", "extract", "snippets/s",
         "peak RSS (all)", "in phase", "process max (+rebuild)", "worker", "rebuild +1 doc", "its CPU", "re-extracted"],
        rows,
    )
    growth("build time", [(r["snippets"], r["build_s"]) for r in results])
    growth("build CPU time", [(r["snippets"], r["build_cpu_s"]) for r in results])
    for r in results:
        if "one_core_s" in r:
            print(f"  build on one core at {r['snippets']:,} (CPU of the build process {fmt_s(r['build_cpu_s'])}"
                  f" + its extraction worker {fmt_s(r['workers_cpu_s'])}): {fmt_s(r['one_core_s'])}; the wall time"
                  " a free core would take, less the disk waits; target at 1M: <= 10 min")
    loads = ", ".join(f"{r['load']:.1f}" for r in results)
    print(f"  machine load (1-min average) after each build: {loads}"
          " on 2 cores; wall time above CPU time means the build waited for the CPU")
    growth("peak memory", [(r["snippets"], r["peak_rss"]) for r in results])
    for r in results:
        top = ", ".join(f"{k} {fmt_bytes(v)}" for k, v in list(r["phase_peaks"].items())[:5])
        print(f"  peak memory per phase at {r['snippets']:,}: {top}")
    growth("rebuild after one document", [(r["snippets"], r["rebuild_s"]) for r in results])
    for r in results:
        if 100_000 <= r["snippets"] < HUGE:  # the rebuild target is set at 100k
            ok = r["rebuild_s"] <= TARGET_REBUILD_S
            print(f"  target rebuild after one document at {r['snippets']:,} <= 1 s: {'met' if ok else 'MISSED'} "
                  f"({fmt_s(r['rebuild_s'])} wall, {fmt_s(r['rebuild_cpu_s'])} CPU)")
    for r in results:
        if "cli_rebuild_s" in r:
            print(f"  `python -m dashboard build` (a new process) after one document at {r['snippets']:,}: "
                  f"{fmt_s(r['cli_rebuild_s'])} as the user waits ({fmt_s(r['cli_startup_s'])} Python start-up and "
                  f"imports, {fmt_s(r['cli_rebuild_work_s'])} the rebuild itself, {fmt_s(r['cli_rebuild_cpu_s'])} CPU "
                  f"+ {fmt_s(r['cli_worker_cpu_s'])} in its worker; "
                  f"{'patched the last build' if r['cli_patched'] else 'NOT patched: a full build'}); "
                  f"a full build from the row store: {fmt_s(r['cli_full_s'])}; load {r['cli_load']:.1f}")
    for r in results:
        for mode, what in (("cold", "nothing warmed: a floor for a restarted server, not reachable from the page"),
                           ("warm", "the page shown, a preview, then the save")):
            for i, a in enumerate(r.get(f"app_{mode}", [])):
                preview = f", its preview {fmt_s(a['preview_s'])}" if mode == "warm" else ""
                if i == 0 and a.get("ready_s") is not None:
                    print(f"  the page shown at {r['snippets']:,}: its worker and the last build's state ready after "
                          f"{fmt_s(a['ready_s'])} (a save after that waits for neither; the page asks for a text, "
                          "its source and date, and a preview first)")
                print(f"  the app's save #{i + 1} at {r['snippets']:,} ({what}): {fmt_s(a['save_s'])} wall, "
                      f"{fmt_s(a['save_cpu_s'])} CPU{preview}; {'patched' if a['patched'] else 'IN FULL'}; "
                      f"load {a['load']:.1f}")
    for r in results:
        ok = r["build_s"] < TARGET_BUILD_S and r["peak_rss"] < TARGET_MEMORY
        speed_ok = r["snippets_per_s"] >= TARGET_SNIPPETS_PER_S
        if r["snippets"] >= HUGE:
            huge_ok = r["build_s"] <= TARGET_HUGE_BUILD_S and r["peak_rss"] <= TARGET_HUGE_MEMORY
            print(f"  target 1M build <= 10 min on one core and <= 4 GB: {'met' if huge_ok else 'MISSED'} "
                  f"({fmt_s(r['build_s'])}, {fmt_bytes(r['peak_rss'])})")
        elif r["snippets"] >= 100_000:
            print(f"  target 100k build < 60 s and < 1 GB: {'met' if ok else 'MISSED'} "
                  f"({fmt_s(r['build_s'])}, {fmt_bytes(r['peak_rss'])})")
        print(f"  target >= 2,000 snippets/s at {r['snippets']:,}: {'met' if speed_ok else 'MISSED'} "
              f"({r['snippets_per_s']:,.0f}/s)")


def main(argv: list[str] | None = None) -> list[dict[str, Any]]:
    p = argparse.ArgumentParser(prog="python -m bench.build", description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="1000,10000,100000", help="comma-separated snippet counts")
    p.add_argument("--places", default="5000", help="gazetteer rows: a number, or 'all'")
    p.add_argument("--huge", action="store_true",
                   help="also (after --sizes; --sizes '' for it alone) 1M snippets over every place: about 10 min")
    p.add_argument("--cli-only", type=int, default=0, metavar="RUNS",
                   help="only `python -m dashboard build` after one document, RUNS times per size, on the corpus "
                        "and build already generated (a few seconds each, not the whole benchmark)")
    args = p.parse_args(argv)
    runs = [(int(n), args.places) for n in args.sizes.split(",") if n.strip()]
    if args.cli_only:
        return [_cli_only(ensure_corpus(n, places), n, args.cli_only) for n, places in runs]
    results = [run_one(n, places) for n, places in runs + ([(HUGE, "all")] if args.huge else [])]
    report(results)
    return results


if __name__ == "__main__":
    main()
