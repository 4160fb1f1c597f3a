"""Shared helpers for the real-browser tests: the app launched as users launch it, and Debian's Chromium.

The browser only ever talks to 127.0.0.1: every other request is aborted and
recorded, so a test can assert the page made no external request at all.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
OUTPUT_DIR = ROOT / "test-output"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def as_shown(markdown: str) -> str:
    """What the page shows for text the app escaped for Markdown (dashboard/safe_text.md): read it as a user would."""
    import re

    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def write_seeds(folder: Path, docs: dict[str, tuple[str, str]], reference_date: str = "2024-12-10") -> Path:
    """`docs` (name -> (text, outlet)) as documents with their metadata in `folder`, made here; the folder."""
    import json

    folder.mkdir(parents=True, exist_ok=True)
    for name, (text, source) in docs.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        meta = {"source": source, "reference_date": reference_date}
        (folder / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- the app, launched the way its users launch it ------------------------------------------------
# Users start the app with the `streamlit` console script of a virtualenv that ran nothing but
# `pip install -r requirements.txt`, in a fresh clone: that is what `make run` does and what a hosted
# Streamlit service does. `python -m streamlit` would put the working directory on sys.path and hide
# an import that only works from the repository, so no test launches the app that way: every browser
# test goes through `streamlit_server()`, which runs the console script of such a virtualenv, made once
# per test session in a clean copy of the repository (the files git would clone: tracked ones plus new
# ones it does not ignore). pip installs offline, from the wheelhouse `make test` downloads.
WHEELHOUSE = ROOT / ".venv" / "wheelhouse"
APP_SCRIPT = "dashboard/app.py"  # the README's `streamlit run dashboard/app.py`
# What a user's shell would not carry into the app: the test runner's own virtualenv and paths.
_NOT_INHERITED = ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "PYTHONSTARTUP")


def clone_files(root: Path = ROOT) -> list[str]:
    """The repository's files as a fresh clone has them: tracked, or new and not ignored."""
    out = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=root, capture_output=True, check=True,
    )  # fmt: skip
    return sorted({name for name in out.stdout.decode().split("\0") if name and (root / name).is_file()})


def fresh_clone(dest: Path, root: Path = ROOT) -> Path:
    """Copy what `git clone` would give into `dest` (no .venv, no build/, no copied web assets)."""
    import shutil

    for name in clone_files(root):
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / name, target)
    return dest


def user_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment a user's shell gives a command: ours, less the test runner's Python paths."""
    env = {k: v for k, v in os.environ.items() if k not in _NOT_INHERITED}
    path = env.get("PATH", "")
    venv_bin = str(Path(sys.prefix) / "bin")
    env["PATH"] = os.pathsep.join(p for p in path.split(os.pathsep) if p != venv_bin)
    env.update(extra or {})
    return env


def offline_pip_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """pip settings that make `pip install -r requirements.txt` use the local wheelhouse only."""
    done = WHEELHOUSE / ".complete"
    if not done.is_file() or done.stat().st_mtime < (ROOT / "requirements.txt").stat().st_mtime:
        raise RuntimeError(f"no wheelhouse for this requirements.txt at {WHEELHOUSE}: run `make test` (or "
                           "`make wheelhouse`), which downloads one, first")  # fmt: skip
    return user_env({"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(WHEELHOUSE), "PIP_DISABLE_PIP_VERSION_CHECK": "1",
                     "PIP_NO_COMPILE": "1", **(extra or {})})  # fmt: skip


def hosted_install(dest: Path, python: str | None = None) -> Path:
    """A fresh clone in `dest` with a new virtualenv that ran only `pip install -r requirements.txt`."""
    fresh_clone(dest)
    venv = dest / ".venv"
    subprocess.run([python or sys.executable, "-m", "venv", str(venv)], check=True, env=user_env())
    done = subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", "-r", "requirements.txt"],
        cwd=dest, env=offline_pip_env(), capture_output=True, text=True,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"pip install -r requirements.txt failed in a fresh clone:\n{done.stdout}{done.stderr}")
    return dest


_SESSION_CLONE: list[Path | Exception] = []


def session_clone() -> Path:
    """One hosted-style install per test session, shared by every browser test (a failure is not retried)."""
    if not _SESSION_CLONE:
        import atexit
        import shutil
        import tempfile

        dest = Path(tempfile.mkdtemp(prefix="news-map-clone-"))
        atexit.register(shutil.rmtree, dest, ignore_errors=True)
        try:
            _SESSION_CLONE.append(hosted_install(dest))
        except Exception as exc:  # noqa: BLE001 - every later browser test reports the same cause
            _SESSION_CLONE.append(exc)
    made = _SESSION_CLONE[0]
    if isinstance(made, Exception):
        raise RuntimeError(f"the session's fresh-clone install failed: {made}")
    return made


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float, log_name: str) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"the app exited early; see {log_name}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"the app did not answer within {timeout}s; see {log_name}")
        time.sleep(0.3)


def stop(proc: subprocess.Popen) -> None:
    """Stop a process started in its own session, with everything it started."""
    import signal

    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@contextlib.contextmanager
def launched(command: list[str], cwd: Path, env: dict[str, str], port: int, timeout: float = 60.0) -> Iterator[str]:
    """Run `command` (which serves the app on `port`) in its own process group; yield the app's URL."""
    OUTPUT_DIR.mkdir(exist_ok=True)
    log = open(OUTPUT_DIR / f"streamlit-{port}.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc, timeout, log.name)
        yield url
    finally:
        stop(proc)
        log.close()


@contextlib.contextmanager
def streamlit_server(
    seeds: Path | None = None,
    build_dir: Path | None = None,
    env: dict[str, str] | None = None,
    script: str = APP_SCRIPT,
    timeout: float = 60.0,
    checkout: Path | None = None,
) -> Iterator[str]:
    """`streamlit run dashboard/app.py` with the console script, from a fresh clone; yield its base URL.

    `checkout` is a hosted-style install (`hosted_install`); by default the session's shared one.
    """
    checkout = checkout or session_clone()
    port = free_port()
    extra = dict(env or {})
    if seeds is not None:
        extra["DASHBOARD_SEEDS"] = str(seeds)
    if build_dir is not None:
        extra["DASHBOARD_BUILD_DIR"] = str(build_dir)
    command = [str(checkout / ".venv" / "bin" / "streamlit"), "run", script, "--server.port", str(port),
               "--server.address", "127.0.0.1"]  # fmt: skip
    with launched(command, checkout, user_env(extra), port, timeout) as url:
        yield url


@contextlib.contextmanager
def static_server(folder: Path) -> Iterator[str]:
    """A quiet static file server for `folder` on a free 127.0.0.1 port; yields its base URL."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def is_local(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in ("data", "blob", "about", "file"):
        return True
    return (parsed.hostname or "") in LOCAL_HOSTS


class Browser:
    """A Chromium page with every non-local request blocked and recorded."""

    def __init__(self, playwright) -> None:  # noqa: ANN001
        self.browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        self.context = self.browser.new_context(viewport={"width": 1400, "height": 1000})
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("dialog", self._dialog)

    def _route(self, route) -> None:  # noqa: ANN001
        if is_local(route.request.url):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _dialog(self, dialog) -> None:  # noqa: ANN001
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def screenshot_path(self, name: str) -> Path:
        OUTPUT_DIR.mkdir(exist_ok=True)
        return OUTPUT_DIR / f"{name}.png"

    def screenshot(self, name: str) -> Path:
        path = self.screenshot_path(name)
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def close(self) -> None:
        self.context.close()
        self.browser.close()


@contextlib.contextmanager
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = Browser(p)
        try:
            yield b
        finally:
            b.close()
