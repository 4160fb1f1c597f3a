"""`streamlit run` that records, from inside the server, how long each script run takes.

    python -m bench.timed_server LOG.jsonl run dashboard/app.py [streamlit options...]

The same server as `python -m streamlit run`, with one addition: every script run
(a rerun, a page switch, a fragment run) appends a JSON line to LOG with its
session, start time, wall time and the CPU time of the script thread. The
sessions benchmark reads it to separate the server's time from what the browsers
add (rendering, network, polling), and pins this process to its own core.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from pathlib import Path
from typing import Any


def install(log_path: Path) -> None:
    from streamlit.runtime.scriptrunner import script_runner

    lock = threading.Lock()
    real = script_runner.ScriptRunner._run_script

    def timed(self: Any, rerun_data: Any) -> None:
        started, t0, c0 = time.time(), time.perf_counter(), time.thread_time()
        try:
            real(self, rerun_data)
        finally:
            line = json.dumps({"session": self._session_id, "start": started,
                               "wall_s": time.perf_counter() - t0, "cpu_s": time.thread_time() - c0,
                               "fragment": bool(getattr(rerun_data, "fragment_id_queue", None))})  # fmt: skip
            with lock, log_path.open("a", encoding="utf-8") as f:
                f.write(line + "\n")

    script_runner.ScriptRunner._run_script = timed  # type: ignore[method-assign]


def main() -> None:
    log_path = Path(sys.argv[1])
    install(log_path)
    from streamlit.web import cli

    sys.argv = ["streamlit", *sys.argv[2:]]
    cli.main()


if __name__ == "__main__":
    main()
