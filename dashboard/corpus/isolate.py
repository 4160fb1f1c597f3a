"""Extraction off the server's interpreter: worker processes with a time limit.

News text is untrusted, and some text takes extraction a long time (regular expressions hold
Python's interpreter lock, so in the app's own process one slow document stalls every
visitor). Here the work runs in another process: the caller waits without holding the lock,
and a job over its time limit is killed and reported, never waited on for good.

- `run_limited(fn, *args, seconds=...)`: one call in a fresh worker (the app's preview, save
  and rebuild). Raises `TimeLimitError` when the limit passes.
- `ExtractionWorker`: one long-lived worker, fed documents one at a time with a limit per
  document; a document over it is reported, its worker replaced, the rest go on.
- `shared_worker(key, setup, args, seconds)`: the process's one warm `ExtractionWorker` (the app's
  server keeps it across every save, rebuild and preview, so none of them waits for a new process
  to build its phrase indexes); another caller while it is busy gets a fresh worker of its own.

Workers come from a "forkserver": a clean process started once that forks each worker, so a
worker never inherits the web server's threads and locks, and starts in milliseconds. A process
running a single thread (the command line) forks its long-lived worker itself (`_may_fork`).
It is one module over 300 lines because the one-off job, the long-lived worker and the shared warm
one keep one set of promises (a limit per job, the caller's environment, a stopped or dead worker
replaced) that only hold if they are made side by side.
"""

from __future__ import annotations

import atexit
import gc
import logging
import math
import multiprocessing
import multiprocessing.spawn
import os
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Any

from dashboard.errors import DashboardError

log = logging.getLogger(__name__)

TIME_LIMIT_ENV = "DASHBOARD_EXTRACT_SECONDS"
DEFAULT_SECONDS = 60.0
# For tests only: extraction of a text containing this marker runs a catastrophic regular
# expression for an hour, holding the interpreter lock in long stretches the way the issue's
# hostile inputs did, so a test can make one document "hostile" without depending on which
# inputs happen to be slow today (the extraction's own regexes are being made linear).
SLOW_MARKER_ENV = "DASHBOARD_TEST_SLOW_MARKER"
_SLOW_SECONDS = 3600
SETUP_SECONDS = 120.0  # a worker's setup (the phrase indexes of the largest gazetteer) must end within this
_GRACE_SECONDS = 5  # a worker ends itself this long after its limit, should nobody be left to stop it


class TimeLimitError(DashboardError, TimeoutError):
    """A job in a worker process ran past its time limit and was stopped."""


def time_limit(env: dict[str, str] | None = None) -> float:
    """Seconds one document's extraction may take (env DASHBOARD_EXTRACT_SECONDS, default 60)."""
    raw = (os.environ if env is None else env).get(TIME_LIMIT_ENV, "").strip()
    try:
        value = float(raw) if raw else DEFAULT_SECONDS
    except ValueError:
        return DEFAULT_SECONDS
    return value if value > 0 else DEFAULT_SECONDS


WORKER_NAME = "dashboard-worker"
_original_preparation_data = multiprocessing.spawn.get_preparation_data


def _preparation_data(name: str) -> dict[str, Any]:
    """multiprocessing's start-up data for a child, without "re-run the main module" for ours.

    multiprocessing re-imports `__main__` in each new process. Under Streamlit `__main__` is
    the page script, which must never run in a worker (it would draw a page and extract
    again); our workers only need `dashboard` modules. "ignore" is the forkserver itself.
    """
    data = _original_preparation_data(name)
    if name == "ignore" or name.startswith(WORKER_NAME):
        data.pop("init_main_from_path", None)
        data.pop("init_main_from_name", None)
        data.pop("main_path", None)
    return data


multiprocessing.spawn.get_preparation_data = _preparation_data


def _may_fork() -> bool:
    """Whether a worker may be forked from this process directly: only when it runs one thread (the
    command line), so no other thread can hold a lock the child would inherit held. It then starts
    in milliseconds, where the forkserver first starts a Python and imports the pipeline (about a
    second of CPU). A process with threads (the app's server) always uses the forkserver."""
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def _context() -> multiprocessing.context.BaseContext:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["dashboard.corpus.pipeline", "dashboard.corpus.ingest"])
    return ctx


def slow_for_tests(text: str) -> None:
    """The test hook (see SLOW_MARKER_ENV); does nothing unless the variable is set."""
    marker = os.environ.get(SLOW_MARKER_ENV)
    if marker and marker in text:
        end = time.monotonic() + _SLOW_SECONDS
        while time.monotonic() < end:
            re.fullmatch(r"(a+)+b", "a" * 24)  # about 0.5 s per call, all of it holding the GIL


def _send_outcome(conn: Connection, fn: Callable[..., Any], args: tuple) -> None:
    try:
        result: tuple = ("ok", fn(*args))
    except DashboardError as exc:
        result = ("refused", str(exc))
    except Exception as exc:  # noqa: BLE001 - reported to the caller, who decides
        result = ("failed", f"{type(exc).__name__}: {exc}")
    conn.send(result)


def _adopt(env: dict[str, str]) -> None:
    """Take the caller's environment: workers fork from a server started earlier, with its own."""
    os.environ.clear()
    os.environ.update(env)


def _send_limited(conn: Connection, fn: Callable[..., Any], args: tuple, seconds: float) -> None:
    """`_send_outcome` under an alarm: SIGALRM's default action ends the process even inside one
    long regular-expression call, so a worker whose caller was killed (and so cannot stop it)
    still ends a little after the limit instead of running on for an hour."""
    signal.alarm(math.ceil(seconds) + _GRACE_SECONDS)
    try:
        _send_outcome(conn, fn, args)
    finally:
        signal.alarm(0)


def _one_job(conn: Connection, fn: Callable[..., Any], args: tuple, env: dict[str, str], seconds: float) -> None:
    _adopt(env)
    try:
        _send_limited(conn, fn, args, seconds)
    finally:
        conn.close()


def _outcome(kind: str, value: Any) -> Any:
    if kind == "ok":
        return value
    if kind == "refused":
        raise DashboardError(value)
    raise DashboardError(f"the worker failed: {value}")


def run_limited(fn: Callable[..., Any], *args: Any, seconds: float | None = None, what: str = "the job") -> Any:
    """`fn(*args)` in a fresh worker process, stopped after `seconds` (default: `time_limit()`).

    `fn` and `args` must be picklable (a module-level function). A `DashboardError` raised by
    `fn` is raised here with the same message; any other failure becomes a `DashboardError`.
    """
    seconds = time_limit() if seconds is None else seconds
    ctx = _context()
    receive, send = ctx.Pipe(duplex=False)
    worker = ctx.Process(target=_one_job, args=(send, fn, args, dict(os.environ), seconds), daemon=False,
                         name=f"{WORKER_NAME}-job")
    worker.start()
    send.close()
    try:
        if not receive.poll(seconds):
            raise TimeLimitError(f"{what} took longer than {seconds:g} s and was stopped.")
        kind, value = receive.recv()
    except EOFError:
        raise DashboardError(f"{what} stopped: its worker process ended unexpectedly.") from None
    finally:
        receive.close()
        _stop(worker)
    return _outcome(kind, value)


def _stop(worker: multiprocessing.process.BaseProcess) -> None:
    worker.join(timeout=0.5)
    if worker.is_alive():
        worker.kill()
        worker.join(timeout=5)


# -- a worker for a whole build ----------------------------------------------------------


def _serve(conn: Connection, setup: Callable[..., Any], setup_args: tuple, env: dict[str, str],
           callers_end: Connection | None = None) -> None:  # fmt: skip
    """Worker loop: build the state once, then answer (fn, args, seconds, env) jobs until told to stop.

    Each job brings its limit and the caller's environment: a warm worker outlives the settings it
    was started with (a test or a deployment changes them between builds)."""
    if callers_end is not None:  # forked: its copy of the caller's end would keep the pipe open after the caller
        callers_end.close()
    # Forked from a build, which pauses the collector: the build's objects are the worker's too (copies on write),
    # left in the youngest generation, so the first collection here walked them all and made the kernel copy
    # nearly every page of them (100k events: 160 -> 100 ms of the worker's CPU, 8,700 -> 3,000 page faults).
    # They and the setup's (the extractor's indexes, kept to the end) are frozen: the collector sees only jobs'.
    gc.disable()
    _adopt(env)
    state = setup(*setup_args)
    gc.freeze()
    gc.enable()
    try:
        conn.send(("ready", None))
    except OSError:  # the caller closed it unused (a build with nothing new): end quietly
        return
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        fn, args, seconds, job_env = job
        if job_env != env:
            _adopt(job_env)
            env = job_env
        _send_limited(conn, fn, (state, *args), seconds)


class ExtractionWorker:
    """A worker process holding state made once (the extractor), run one job at a time with a limit.

    `setup(*setup_args)` runs once in the worker; each `call(fn, *args)` runs `fn(state, *args)`
    there. A job over the limit kills the worker, and a worker found dead is replaced: the next
    call (or `warm`) starts a fresh one. `warm()` starts it now, without waiting, so its setup
    runs while the caller does other work.
    """

    def __init__(self, setup: Callable[..., Any], setup_args: tuple, seconds: float) -> None:
        self.setup, self.setup_args, self.seconds = setup, setup_args, seconds
        self._worker: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._used = False  # a job was sent: closing then waits for the worker to finish, else it is killed
        self._ready = False  # its setup finished (a job's limit does not count the setup)
        self.started = 0  # workers started so far (the benchmark and the tests count restarts)
        self._lock = threading.RLock()  # `warm` may start it on another thread

    def _start(self) -> Connection:
        with self._lock:
            if self._conn is not None and self._worker is not None and not self._worker.is_alive():
                self.close(kill=True)  # died (or was killed) between jobs: replace it
            if self._conn is None:
                fork = _may_fork()
                ctx = multiprocessing.get_context("fork") if fork else _context()
                mine, theirs = ctx.Pipe(duplex=True)
                args = (theirs, self.setup, self.setup_args, dict(os.environ), mine if fork else None)
                self._worker = ctx.Process(target=_serve, args=args, daemon=True, name=f"{WORKER_NAME}-build")
                self._worker.start()
                theirs.close()
                self._conn, self._used, self._ready = mine, False, False
                self.started += 1
            return self._conn

    def warm(self) -> None:
        """Start the worker now (if none is running) and return at once: its setup runs meanwhile.

        From the forkserver (a process with threads: the app's server), the start itself waits for
        the forkserver, which the first time starts a Python and imports the pipeline: that runs on a
        thread of its own, so the page or the build goes on meanwhile."""
        worker = self._worker
        if self._conn is not None and worker is not None and worker.is_alive():
            return  # running already (the page calls this on every rerun)
        if _may_fork():
            self._start()
        else:
            threading.Thread(target=self._start_quietly, name=f"{WORKER_NAME}-starter", daemon=True).start()

    def _start_quietly(self) -> None:
        try:
            self._start()
        except Exception:  # noqa: BLE001 - the next call starts it again and reports what fails
            log.warning("could not start the extraction worker ahead of time", exc_info=True)

    @property
    def pid(self) -> int | None:
        return self._worker.pid if self._worker is not None else None

    def call(self, fn: Callable[..., Any], *args: Any, what: str = "the job", seconds: float | None = None) -> Any:
        seconds = self.seconds if seconds is None else seconds
        conn = self._start()
        try:
            self._used = True
            if not self._ready:  # setup is trusted work (the gazetteer's indexes), not part of the job's limit
                if not conn.poll(max(seconds, SETUP_SECONDS)):
                    self.close(kill=True)
                    raise TimeLimitError(f"{what}: the extraction worker did not start within "
                                         f"{max(seconds, SETUP_SECONDS):g} s and was stopped.")  # fmt: skip
                conn.recv()
                self._ready = True
            conn.send((fn, args, seconds, dict(os.environ)))
            if not conn.poll(seconds):
                self.close(kill=True)
                raise TimeLimitError(f"{what} took longer than {seconds:g} s and was stopped.")
            kind, value = conn.recv()
        except (EOFError, BrokenPipeError, ConnectionResetError):
            self.close(kill=True)
            raise DashboardError(f"{what} stopped: its worker process ended unexpectedly.") from None
        return _outcome(kind, value)

    def close(self, kill: bool = False) -> None:
        with self._lock:
            conn, worker = self._conn, self._worker
            self._conn = self._worker = None
        kill = kill or not self._used  # never given a job: no reason to wait for its setup to finish
        if conn is not None:
            if not kill:
                try:
                    conn.send(None)
                except OSError:
                    pass
            conn.close()
        if worker is not None:
            if kill:
                worker.kill()
            worker.join(timeout=5)
            if worker.is_alive():
                worker.kill()
                worker.join(timeout=5)

    def __enter__(self) -> ExtractionWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- the process's warm worker -----------------------------------------------------------

_SHARED: dict[str, Any] = {}  # "key", "worker", "lock": the one warm worker and what it was set up for
_REGISTRY = threading.Lock()


def _take_shared(key: str, setup: Callable[..., Any], setup_args: tuple,
                 seconds: float) -> tuple[ExtractionWorker | None, threading.Lock]:  # fmt: skip
    """The warm worker for `key`, held (its lock taken), or None when another thread holds it."""
    with _REGISTRY:
        lock: threading.Lock = _SHARED.setdefault("lock", threading.Lock())
        if not lock.acquire(blocking=False):
            return None, lock
        worker = _SHARED.get("worker")
        if worker is None or _SHARED.get("key") != key:
            if worker is not None:
                worker.close()
            worker = ExtractionWorker(setup, setup_args, seconds)
            _SHARED.update(key=key, worker=worker)
        worker.seconds = seconds
        return worker, lock


@contextmanager
def shared_worker(key: str, setup: Callable[..., Any], setup_args: tuple, seconds: float) -> Iterator[ExtractionWorker]:
    """The process's warm worker set up for `key` (made once, restarted when it died or ran over a limit).

    A long-running process (the app's server) so pays for starting a worker and its setup (the
    extractor's phrase indexes: about a second with a large gazetteer) once, not on every save or
    preview. Another `key` (another gazetteer) replaces it. A caller arriving while another thread
    holds it (two visitors at once) gets a fresh worker of its own, closed after: nobody waits
    behind another visitor's document. The warm worker is closed when the process exits.
    """
    worker, lock = _take_shared(key, setup, setup_args, seconds)
    if worker is None:
        with ExtractionWorker(setup, setup_args, seconds) as own:
            yield own
        return
    try:
        yield worker
    finally:
        if worker.started and worker._conn is None:  # killed for running over its limit: warm the next now
            worker.warm()
        lock.release()


def warm_shared(key: str, setup: Callable[..., Any], setup_args: tuple, seconds: float) -> None:
    """Start the warm worker for `key` now if it is not running (and nobody holds it); never waits."""
    worker, lock = _take_shared(key, setup, setup_args, seconds)
    if worker is not None:
        try:
            worker.warm()
        finally:
            lock.release()


def close_shared() -> None:
    """Stop the warm worker (at exit; the tests use it too)."""
    with _REGISTRY:
        worker = _SHARED.pop("worker", None)
        _SHARED.pop("key", None)
    if worker is not None:
        worker.close()


atexit.register(close_shared)
