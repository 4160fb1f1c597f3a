"""Extraction in worker processes with a time limit: one hostile document never hangs a build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.corpus import isolate, pipeline
from dashboard.errors import DashboardError

ROOT = Path(__file__).resolve().parent.parent
MARKER = "STALL-EXTRACTION-FOR-TEST"


def _pid() -> int:
    return os.getpid()


def _refuse() -> None:
    raise DashboardError("no such thing: say what to do")


def _crash() -> None:
    raise KeyError("boom")


def test_a_job_runs_in_another_process_and_its_errors_come_back_as_messages() -> None:
    assert isolate.run_limited(_pid, seconds=30) != os.getpid()
    with pytest.raises(DashboardError, match="no such thing: say what to do"):
        isolate.run_limited(_refuse, seconds=30)
    with pytest.raises(DashboardError, match="the worker failed: KeyError"):
        isolate.run_limited(_crash, seconds=30)


def test_a_job_past_its_limit_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(isolate.SLOW_MARKER_ENV, MARKER)
    with pytest.raises(isolate.TimeLimitError, match="took longer than 1 s and was stopped"):
        isolate.run_limited(isolate.slow_for_tests, MARKER, seconds=1, what="the job")


def test_the_build_command_leaves_out_a_document_past_its_limit_and_builds_the_rest(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    (seeds / "hostile.txt").write_text(f"Rebels entered Homs on Dec. 6, Reuters reported. {MARKER}\n")
    (seeds / "hostile.meta.json").write_text('{"source": "Hostile", "reference_date": "2024-12-10"}')
    (seeds / "zz_fine.txt").write_text("Rebels entered Idlib on Dec. 2, Reuters reported.\n")
    (seeds / "zz_fine.meta.json").write_text('{"source": "Fine wire", "reference_date": "2024-12-10"}')
    env = {**os.environ, isolate.SLOW_MARKER_ENV: MARKER, isolate.TIME_LIMIT_ENV: "3"}
    build = str(tmp_path / "build")
    command = [sys.executable, "-m", "dashboard", "build", "--seeds", str(seeds), "--build-dir", build]
    r = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert "hostile.txt: extraction took longer than 3 s and was stopped" in r.stderr
    tables = pipeline.read_tables(tmp_path / "build")
    assert set(tables.documents["doc_id"]) == {"000_30cf977f6c52e3a0", "zz_fine"}
    assert any("hostile.txt" in p for p in tables.manifest["problems"])
    assert "Fine wire" in set(tables.events["doc_source"])


def test_a_worker_nobody_stops_ends_itself_soon_after_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """If the caller is killed it cannot stop its worker: the worker's own alarm must (SIGALRM ends it
    even inside one long regular-expression call)."""
    import signal

    monkeypatch.setenv(isolate.SLOW_MARKER_ENV, MARKER)
    ctx = isolate._context()
    receive, send = ctx.Pipe(duplex=False)
    worker = ctx.Process(target=isolate._one_job, args=(send, isolate.slow_for_tests, (MARKER,), dict(os.environ), 1),
                         name=f"{isolate.WORKER_NAME}-orphan")  # fmt: skip
    worker.start()
    worker.join(timeout=60)  # nobody kills it: 1 s limit + 5 s grace
    alive = worker.is_alive()
    if alive:
        worker.kill()
    assert not alive and worker.exitcode == -signal.SIGALRM
