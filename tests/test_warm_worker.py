"""Issue 12: one warm extraction worker per process, kept across builds and previews, still isolating.

The app's server rebuilds in its own process on every save; a new worker per build made each save
wait for a process to start and build the extractor's phrase indexes. These tests hold the promises
of the warm worker: the same process serves build after build and preview after preview, it is
replaced when it ran over its limit or was killed, a second caller at the same time is never queued
behind the first, and it ends with the process that made it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from dashboard.corpus import ingest, isolate, pipeline, preview_worker
from dashboard.corpus.documents import DocumentMeta

ROOT = Path(__file__).resolve().parent.parent
MARKER = "STALL-EXTRACTION-FOR-TEST"


def _setup(tag: str) -> dict:
    return {"tag": tag, "pid": os.getpid()}


def _whoami(state: dict) -> tuple[str, int]:
    return state["tag"], os.getpid()


def _stall(state: dict) -> None:
    isolate.slow_for_tests(MARKER)


def _env_value(state: dict, name: str) -> str | None:
    return os.environ.get(name)


_BEFORE = ["made before the worker started"]  # in the worker from the fork (or from its import of this module)


def _collector_view(state: dict) -> tuple[bool, bool, bool]:
    import gc

    tracked = gc.get_objects()  # what a collection walks (frozen objects are not in it)
    return gc.isenabled(), any(o is state for o in tracked), any(o is _BEFORE for o in tracked)


@pytest.fixture(autouse=True)
def fresh_shared_worker() -> None:
    isolate.close_shared()
    yield
    isolate.close_shared()


def test_the_same_worker_answers_call_after_call_and_keeps_its_setup() -> None:
    pids = set()
    for _ in range(3):
        with isolate.shared_worker("k1", _setup, ("gazetteer A",), 30) as w:
            tag, pid = w.call(_whoami)
            assert tag == "gazetteer A"
            pids.add(pid)
    assert len(pids) == 1 and os.getpid() not in pids
    assert isolate._SHARED["worker"].started == 1


def test_the_workers_collector_walks_neither_what_it_was_forked_with_nor_its_setup() -> None:
    """The objects a worker starts with (the build's, copied on write from a fork) and its setup's (the
    extractor) live as long as it does: a collection walking them made the kernel copy their pages for nothing.
    The collector is on for the jobs' own garbage."""
    import gc

    was = gc.isenabled()
    gc.disable()  # as a build forks its worker
    try:
        with isolate.shared_worker("k-gc", _setup, ("gazetteer A",), 30) as w:
            enabled, state_tracked, before_tracked = w.call(_collector_view)
    finally:
        if was:
            gc.enable()
    assert enabled
    assert not state_tracked and not before_tracked


def test_another_gazetteer_replaces_the_worker() -> None:
    with isolate.shared_worker("k1", _setup, ("gazetteer A",), 30) as w:
        first = w.call(_whoami)
    with isolate.shared_worker("k2", _setup, ("gazetteer B",), 30) as w:
        second = w.call(_whoami)
    assert first[0] == "gazetteer A" and second[0] == "gazetteer B" and first[1] != second[1]


def test_a_job_past_its_limit_is_stopped_and_a_fresh_worker_is_warmed_for_the_next(
        monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    with isolate.shared_worker("k1", _setup, ("A",), 30) as w:
        before = w.call(_whoami)[1]
    monkeypatch.setenv(isolate.SLOW_MARKER_ENV, MARKER)  # set after the worker started: each job brings the env
    with isolate.shared_worker("k1", _setup, ("A",), 1) as w:
        started = time.monotonic()
        with pytest.raises(isolate.TimeLimitError, match="took longer than 1 s and was stopped"):
            w.call(_stall, what="the job")
        assert time.monotonic() - started < 10
    with pytest.raises(ProcessLookupError):
        os.kill(before, 0)  # the stalled worker is gone
    shared = isolate._SHARED["worker"]
    assert shared.pid is not None and shared.pid != before  # warmed again at once, before anyone asks
    with isolate.shared_worker("k1", _setup, ("A",), 30) as w:
        assert w.call(_whoami) == ("A", shared.pid)


def test_a_worker_killed_from_outside_is_replaced() -> None:
    with isolate.shared_worker("k1", _setup, ("A",), 30) as w:
        pid = w.call(_whoami)[1]
    os.kill(pid, signal.SIGKILL)
    time.sleep(0.5)
    with isolate.shared_worker("k1", _setup, ("A",), 30) as w:
        again = w.call(_whoami)[1]
    assert again != pid


def test_each_job_sees_the_callers_environment_of_now(monkeypatch: pytest.MonkeyPatch) -> None:
    with isolate.shared_worker("k1", _setup, ("A",), 30) as w:
        assert w.call(_env_value, "DASHBOARD_TEST_WARM") is None
    monkeypatch.setenv("DASHBOARD_TEST_WARM", "now set")
    with isolate.shared_worker("k1", _setup, ("A",), 30) as w:
        assert w.call(_env_value, "DASHBOARD_TEST_WARM") == "now set"


def test_a_second_caller_while_the_first_holds_it_gets_a_worker_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """A visitor's hostile preview must not hold up another visitor's save behind it."""
    monkeypatch.setenv(isolate.SLOW_MARKER_ENV, MARKER)
    held = threading.Event()
    outcome: dict[str, object] = {}

    def first() -> None:
        with isolate.shared_worker("k1", _setup, ("A",), 4) as w:
            outcome["first_pid"] = w.pid if w.pid else None
            held.set()
            try:
                w.call(_stall, what="the hostile one")
            except isolate.TimeLimitError as exc:
                outcome["first"] = str(exc)

    t = threading.Thread(target=first)
    t.start()
    assert held.wait(30)
    started = time.monotonic()
    with isolate.shared_worker("k1", _setup, ("A",), 30) as w:
        tag, pid = w.call(_whoami)
    waited = time.monotonic() - started
    t.join(60)
    assert tag == "A" and pid != os.getpid()
    assert waited < 4  # answered while the first caller's job was still running, not after its 4 s limit
    assert "the hostile one took longer than 4 s" in str(outcome.get("first"))


def test_the_warm_worker_ends_with_the_process_that_made_it(tmp_path: Path) -> None:
    code = (
        "import os, time\n"
        "from dashboard.corpus import isolate\n"
        "from tests.test_warm_worker import _setup, _whoami\n"
        "with isolate.shared_worker('k', _setup, ('A',), 30) as w:\n"
        "    print(w.call(_whoami)[1], flush=True)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
    assert r.returncode == 0, r.stderr
    pid = int(r.stdout.split()[-1])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    pytest.fail(f"the worker {pid} outlived the process that started it")


def _write(seeds: Path, name: str, text: str) -> None:
    (seeds / f"{name}.txt").write_text(text, encoding="utf-8")
    meta = {"source": "Wire", "reference_date": "2024-12-10"}
    (seeds / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")


def _counted_jobs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The worker pid of every extraction and preview job (wrapping `ExtractionWorker.call`)."""
    pids: list[int] = []
    inner = isolate.ExtractionWorker.call

    def call(self: isolate.ExtractionWorker, *args: object, **kwargs: object) -> object:
        out = inner(self, *args, **kwargs)
        pids.append(self.pid)
        return out

    monkeypatch.setattr(isolate.ExtractionWorker, "call", call)
    return pids


def test_saves_and_previews_in_one_server_process_use_one_worker(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """As the app's server does: the page warms the worker, then previews and saves (each save rebuilds)."""
    seeds, build, geo = tmp_path / "seeds", tmp_path / "build", tmp_path / "geo"
    seeds.mkdir()
    monkeypatch.setenv("DASHBOARD_SEEDS", str(seeds))
    monkeypatch.setenv("DASHBOARD_BUILD_DIR", str(build))
    monkeypatch.setenv("DASHBOARD_GEODATA_DIR", str(geo))
    _write(seeds, "a", "Rebels entered Homs on Dec. 7, Reuters reported.\n")
    pipeline.forget_assemblies()
    pipeline.build(seeds, build)
    pids = _counted_jobs(monkeypatch)
    preview_worker.warm()
    meta = DocumentMeta("Wire", date(2024, 12, 10))
    texts = ["Government forces left Hama on Dec. 5, AFP reported.\n",
             "Fighting was reported in Idlib on Dec. 3, witnesses said.\n"]  # fmt: skip
    for text in texts:
        incoming = ingest.Incoming(text=text, label="pasted text", fmt="text")
        shown = preview_worker.preview(incoming, meta)
        assert {m.place for m in shown.extraction.mentions} <= {"Hama", "Idlib"}
        saved = ingest.save(incoming, meta, seeds=seeds, build=build)
        assert saved.status == "added"
    assert len(pids) == 4  # two previews, two new documents extracted by the rebuilds
    assert len(set(pids)) == 1 and pids[0] != os.getpid()
    assert isolate._SHARED["worker"].started == 1
    tables = pipeline.read_tables(build)
    assert sorted(tables.events["primary_place"]) == ["Hama", "Homs", "Idlib"]


def test_a_restarted_servers_page_reads_the_saved_state_ahead_so_the_first_save_patches(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from dashboard.corpus import assembly

    seeds, build = tmp_path / "seeds", tmp_path / "build"
    seeds.mkdir()
    monkeypatch.setenv("DASHBOARD_GEODATA_DIR", str(tmp_path / "geo"))
    _write(seeds, "a", "Rebels entered Homs on Dec. 7, Reuters reported.\n")
    pipeline.forget_assemblies()
    try:
        pipeline.build(seeds, build, keep_state=True)  # the command line (or the last server) left its state
        pipeline.forget_assemblies()  # a new server process: nothing kept in memory
        restores: list[Path] = []
        real = pipeline._restore
        monkeypatch.setattr(pipeline, "_restore", lambda b, ctx: restores.append(b) or real(b, ctx))
        preview_worker.warm(build)  # the page is shown
        deadline = time.monotonic() + 60
        while assembly.kept_assembly(build) is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert assembly.kept_assembly(build) is not None and restores == [build]
        incoming = ingest.Incoming(text="Government forces left Hama on Dec. 5, AFP reported.\n", label="pasted",
                                   fmt="text")  # fmt: skip
        saved = ingest.save(incoming, DocumentMeta("Wire", date(2024, 12, 10)), seeds=seeds, build=build)
        assert saved.status == "added" and pipeline.patched(build)
        assert restores == [build]  # the save used what the page read: it did not read the state again
        assert sorted(pipeline.read_tables(build).events["primary_place"]) == ["Hama", "Homs"]
    finally:
        pipeline.forget_assemblies()
