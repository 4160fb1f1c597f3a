"""The whole page as a user waits for it: dashboard/app.py run end to end under AppTest, per case and size.

    python -m bench.page [--sizes 1000,10000,100000] [--huge] [--repeat 15] [--profile CASE]

Each case times `AppTest.run()`: the whole script (every element, not just the map)
plus AppTest's own handling of what the script sent, which is what the server does
for one rerun before the browser gets it. The tables are cached first (a warm-up
run), as they are for every user after the first one of a build.

Cases:
- first view: a new session (a new AppTest) opens the page;
- rerun: the same session reruns with nothing changed;
- search: the search text changes (alternating between two busy place names);
- filter: the claim-status filter changes (alternating between "claimed" and none);
- click: a marker click on the busiest place (the panel of its events included),
  after a click on another place, so every timed click changes the selection;
- page switch: to "Add and review" and back to the map (the sum of both runs).

Payload: the bytes of every message the script sent in that rerun (all
elements: map, panel, tables, chart, widgets), as Streamlit serializes them.
`--huge` adds the 1M-snippet corpus (30k places). `--profile search` prints the
top functions of one case, profiled inside the script's own thread. `--speakers`
times the Speakers page instead: opened from the map, rerun, a speaker picked.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench import ROOT
from bench.build import corpus_dir
from bench.report import fmt_bytes, fmt_s, growth, percentile, print_table
from bench.rerun import ensure_tables
from dashboard.corpus import store

APP = str(ROOT / "dashboard" / "app.py")
REVIEW_PAGE = "pages/1_Add_and_review.py"
CASES = ("first view", "rerun", "search", "filter", "click", "page switch")
TARGETS_S = {"first view": 0.300, "rerun": 0.150, "search": 0.150, "filter": 0.150, "click": 0.100,
             "page switch": 0.300}  # fmt: skip
HUGE_TARGET_S = 1.0
TARGET_PAYLOAD = 1_000_000
HEX_KEY_LEN = 64


class _Bytes:
    """Counts the serialized size of every ForwardMsg the script runner queues."""

    total = 0

    @classmethod
    @contextmanager
    def patched(cls) -> Iterator[None]:
        from streamlit.runtime.forward_msg_queue import ForwardMsgQueue

        real = ForwardMsgQueue.enqueue

        def counting(self: Any, msg: Any) -> None:
            cls.total += msg.ByteSize()
            real(self, msg)

        ForwardMsgQueue.enqueue = counting  # type: ignore[method-assign]
        try:
            yield
        finally:
            ForwardMsgQueue.enqueue = real  # type: ignore[method-assign]


@contextmanager
def server_like() -> Iterator[None]:
    """AppTest as a server runs sessions: the script compiled once, components discovered once.

    AppTest compiles the script anew on every run (a fresh ScriptCache, about 40 ms of
    AST work for app.py) and rescans installed components for every new AppTest; a
    server does both once for all sessions. Sharing them times the script, not AppTest.
    """
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    saved = app_test.ScriptCache, local_script_runner.ScriptCache
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared  # type: ignore[assignment]
    try:
        with _Bytes.patched():
            yield
    finally:
        app_test.ScriptCache, local_script_runner.ScriptCache = saved


_COMPONENTS: list[Any] = []  # the component registry of the first session, shared with the later ones


def _run(at: Any, timeout: float = 600) -> tuple[float, int]:
    """One run: wall time and payload; fails loudly if the page raised."""
    _Bytes.total = 0
    t0 = time.perf_counter()
    at.run(timeout=timeout)
    elapsed = time.perf_counter() - t0
    if at.exception:
        raise RuntimeError(f"the app raised: {[e.value for e in at.exception]}")
    return elapsed, _Bytes.total


def _new_session() -> Any:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=600)
    if _COMPONENTS:
        at._bidi_component_manager = _COMPONENTS[0]
    return at


def _map_key(at: Any) -> str:
    keys = [k for k in at.session_state._state._state.filtered_state
            if len(k) == HEX_KEY_LEN and all(c in "0123456789abcdef" for c in k)]  # fmt: skip
    if len(keys) != 1:
        raise RuntimeError(f"expected one map component in the session state, found {keys}")
    return keys[0]


class Clicker:
    """Simulated marker clicks, as st_folium reports them (coordinates, tooltip, a click counter)."""

    def __init__(self) -> None:
        self.count = 0

    def click(self, at: Any, place: dict[str, Any]) -> None:
        self.count += 1
        value = {
            "last_object_clicked": {"lat": place["lat"], "lng": place["lon"]},
            "last_object_clicked_tooltip": f"{place['name']}: {place['n']} events",
            "last_object_clicked_count": self.count,
        }
        at.session_state[_map_key(at)] = value
        # What st_folium's own on_change callback does on a server before the script runs
        # (it copies the component's value to the map's key); AppTest runs no callbacks.
        at.session_state["map"] = value


def busiest_places(build_dir: Path, n: int = 2) -> list[dict[str, Any]]:
    from dashboard.corpus.pipeline import read_tables
    from dashboard.views.query import Filters, select

    t = read_tables(build_dir)
    placed = select(t.events, t.quotes, t.places, Filters()).places
    placed = placed[placed["lat"].notna()].head(n)
    return [{"name": str(r["name"]), "lat": float(r["lat"]), "lon": float(r["lon"]), "n": int(r["n_events"])}
            for r in placed.to_dict("records")]  # fmt: skip


def search_terms(build_dir: Path, n: int) -> list[str]:
    """Distinct words a user would type: place names, busiest first, and some in lower case."""
    names = [p["name"] for p in busiest_places(build_dir, n)]
    return [name if i % 2 else name.lower()[: max(4, len(name) - 2)] for i, name in enumerate(names)]


def filter_values(at: Any, n: int) -> list[tuple[list[str], list[str]]]:
    """Distinct (sources, claim status) pairs from the widgets' own options."""
    sources = list(at.multiselect(key="f_sources").options)
    claims = [[], ["claimed"], ["reported"], ["claimed", "retracted"]]
    pairs = [([s], c) for c in claims for s in sources]
    return pairs[:n]


def measure(n: int, places: str, repeat: int) -> dict[str, Any]:
    tables = ensure_tables(n, places)
    out = corpus_dir(n, places)
    os.environ["DASHBOARD_SEEDS"] = str(out / "seeds")
    os.environ["DASHBOARD_BUILD_DIR"] = str(out / "build")
    store.adopt(out / "build")  # built with the corpus's own gazetteer: the app must show it, not rebuild it
    top, other = busiest_places(out / "build")
    times: dict[str, list[float]] = {c: [] for c in CASES}
    payload: dict[str, list[int]] = {c: [] for c in CASES}

    def record(case: str, sample: tuple[float, int]) -> None:
        times[case].append(sample[0])
        payload[case].append(sample[1])

    with server_like():
        t0 = time.perf_counter()
        warm = _new_session()
        _run(warm)  # reads and caches the tables, as the first user of a build does
        _COMPONENTS[:] = [warm._bidi_component_manager]
        warm.switch_page(REVIEW_PAGE)
        _run(warm)
        cold_s = time.perf_counter() - t0
        at = _new_session()
        record("first view", _run(at))
        for _ in range(repeat - 1):
            record("first view", _run(_new_session()))
        for _ in range(repeat):
            record("rerun", _run(at))
        # Every timed search and filter is one no session asked for before: the app caches what
        # it computed per (build, filters), and a repeated value would time that cache.
        for term in search_terms(out / "build", repeat):
            at.text_input(key="f_query").set_value(term)
            record("search", _run(at))
        at.text_input(key="f_query").set_value("")
        _run(at)
        for sources, claims in filter_values(at, repeat):
            at.multiselect(key="f_sources").set_value(sources)
            at.multiselect(key="f_claims").set_value(claims)
            record("filter", _run(at))
        at.multiselect(key="f_sources").set_value([])
        at.multiselect(key="f_claims").set_value([])
        _run(at)
        clicker = Clicker()
        for _ in range(repeat):
            clicker.click(at, other)
            _run(at)
            clicker.click(at, top)
            record("click", _run(at))
        if top["name"] not in "\n".join(e.proto.body for e in at.get("html")):
            raise RuntimeError(f"the click did not open {top['name']}'s panel")
        for _ in range(repeat):
            at.switch_page(REVIEW_PAGE)
            there = _run(at)
            at.switch_page("app.py")
            back = _run(at)
            record("page switch", (there[0] + back[0], max(there[1], back[1])))
    return {"snippets": n, "places_setting": places, "events": len(tables.events),
            "places": int(tables.places["lat"].notna().sum()), "top": top, "cold_s": cold_s,
            "times": times, "payload": payload, "load": os.getloadavg()[0]}  # fmt: skip


SPEAKERS_PAGE = "pages/2_Speakers.py"
SPEAKER_CASES = ("open", "rerun", "pick")


def measure_speakers(n: int, places: str, repeat: int) -> dict[str, Any]:
    """The Speakers page (issue 12): opened from the map, rerun, and a speaker picked (busiest speakers in turn)."""
    tables = ensure_tables(n, places)
    out = corpus_dir(n, places)
    os.environ["DASHBOARD_SEEDS"] = str(out / "seeds")
    os.environ["DASHBOARD_BUILD_DIR"] = str(out / "build")
    store.adopt(out / "build")
    times: dict[str, list[float]] = {c: [] for c in SPEAKER_CASES}
    payload: dict[str, list[int]] = {c: [] for c in SPEAKER_CASES}
    with server_like():
        warm = _new_session()
        _run(warm)
        _COMPONENTS[:] = [warm._bidi_component_manager]
        warm.switch_page(SPEAKERS_PAGE)
        _run(warm)  # the page's data cached for the unfiltered view, as after its first visitor
        for _ in range(repeat):
            at = _new_session()
            _run(at)
            at.switch_page(SPEAKERS_PAGE)
            sample = _run(at)
            times["open"].append(sample[0])
            payload["open"].append(sample[1])
        for _ in range(repeat):
            sample = _run(at)
            times["rerun"].append(sample[0])
            payload["rerun"].append(sample[1])
        options = list(at.selectbox(key="speaker").options)[1:]
        for label in (options * repeat)[:repeat]:
            at.selectbox(key="speaker").set_value(label)
            sample = _run(at)
            times["pick"].append(sample[0])
            payload["pick"].append(sample[1])
    return {"events": len(tables.events), "places": int(tables.places["lat"].notna().sum()),
            "quotes": len(tables.quotes), "times": times, "payload": payload, "load": os.getloadavg()[0]}  # fmt: skip


def report_speakers(results: list[dict[str, Any]]) -> None:
    rows = [[f"{r['events']:,}", f"{r['places']:,}", f"{r['quotes']:,}", case, str(len(r["times"][case])),
             fmt_s(statistics.median(r["times"][case])), fmt_s(percentile(r["times"][case], 95)),
             fmt_bytes(max(r["payload"][case]))] for r in results for case in SPEAKER_CASES]  # fmt: skip
    print_table("The Speakers page (pages/2_Speakers.py under AppTest), server time per case",
                ["events", "places", "quotes", "case", "runs", "median", "p95", "payload (max)"], rows)  # fmt: skip
    for r in results:
        print(f"  {r['events']:,} events: load {r['load']:.1f} on {os.cpu_count()} cores")


@contextmanager
def profiled_script_thread() -> Iterator[cProfile.Profile]:
    """cProfile the script thread AppTest starts (a profiler in the caller's thread sees nothing)."""
    prof = cProfile.Profile()

    def start(frame: Any, event: str, arg: Any) -> None:
        sys.setprofile(None)
        if threading.current_thread().name.startswith("ScriptRunner") or "script" in threading.current_thread().name:
            prof.enable()

    threading.setprofile(start)
    try:
        yield prof
    finally:
        threading.setprofile(None)  # type: ignore[arg-type]


def profile_case(n: int, places: str, case: str) -> None:
    """Run `case` once warm, then once under the profiler; print the top functions."""
    steps: dict[str, Callable[[Any, dict, dict, Clicker], None]] = {
        "first view": lambda at, top, other, c: None,
        "rerun": lambda at, top, other, c: None,
        "search": lambda at, top, other, c: at.text_input(key="f_query").set_value(top["name"]),
        "filter": lambda at, top, other, c: at.multiselect(key="f_claims").set_value(["claimed"]),
        "click": lambda at, top, other, c: c.click(at, top),
    }
    ensure_tables(n, places)
    out = corpus_dir(n, places)
    os.environ["DASHBOARD_SEEDS"] = str(out / "seeds")
    os.environ["DASHBOARD_BUILD_DIR"] = str(out / "build")
    store.adopt(out / "build")  # built with the corpus's own gazetteer: the app must show it, not rebuild it
    top, other = busiest_places(out / "build")
    with server_like():
        at = _new_session()
        _run(at)
        clicker = Clicker()
        if case == "click":
            clicker.click(at, other)
            _run(at)
        if case == "first view":
            at = _new_session()
        steps[case](at, top, other, clicker)
        with profiled_script_thread() as prof:
            elapsed, size = _run(at)
    prof.create_stats()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(40)
    print(f"{case} at {n:,} snippets: {fmt_s(elapsed)}, payload {fmt_bytes(size)}")
    print(buf.getvalue())


def report(results: list[dict[str, Any]]) -> None:
    rows = []
    for r in results:
        for case in CASES:
            t = r["times"][case]
            rows.append([f"{r['events']:,}", f"{r['places']:,}", case, str(len(t)), fmt_s(statistics.median(t)),
                         fmt_s(percentile(t, 95)), fmt_bytes(max(r["payload"][case]))])  # fmt: skip
    print_table("The whole page (dashboard/app.py under AppTest), server time per case",
                ["events", "places", "case", "runs", "median", "p95", "payload (max)"], rows)  # fmt: skip
    five = [r for r in results if r["places_setting"] != "all"]
    for case in CASES:
        growth(f"{case} (median)", [(r["events"], statistics.median(r["times"][case])) for r in five])
    for r in results:
        huge = r["snippets"] >= 1_000_000
        print(f"  {r['events']:,} events: first run of a build (tables read and cached) {fmt_s(r['cold_s'])}; "
              f"load {r['load']:.1f} on {os.cpu_count()} cores")  # fmt: skip
        if r["snippets"] < 100_000:
            continue
        misses = []
        for case in CASES:
            target = HUGE_TARGET_S if huge else TARGETS_S[case]
            got = statistics.median(r["times"][case])
            if got > target:
                misses.append(f"{case} {fmt_s(got)} > {fmt_s(target)}")
        big = max(max(v) for v in r["payload"].values())
        if big > TARGET_PAYLOAD:
            misses.append(f"payload {fmt_bytes(big)} > 1 MB")
        print(f"  targets at {r['events']:,} events: {'met' if not misses else 'MISSED: ' + '; '.join(misses)}")


def main(argv: list[str] | None = None) -> list[dict[str, Any]]:
    p = argparse.ArgumentParser(prog="python -m bench.page", description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="1000,10000,100000", help="comma-separated snippet counts (5k gazetteer)")
    p.add_argument("--huge", action="store_true", help="add the 1M-snippet corpus over all GeoNames places")
    p.add_argument("--repeat", type=int, default=15, help="runs per case")
    p.add_argument("--profile", choices=[c for c in CASES if c != "page switch"], default=None,
                   help="profile one case at the largest size instead of timing")
    p.add_argument("--json", type=Path, default=None, help="also write the raw figures here")
    p.add_argument("--speakers", action="store_true", help="time the Speakers page (open, rerun, pick) instead")
    args = p.parse_args(argv)
    sizes = [(int(n), "5000") for n in args.sizes.split(",") if n] + ([(1_000_000, "all")] if args.huge else [])
    if args.speakers:
        results = [measure_speakers(n, places, args.repeat) for n, places in sizes]
        report_speakers(results)
        return results
    if args.profile:
        profile_case(*sizes[-1], args.profile)
        return []
    results = [measure(n, places, args.repeat) for n, places in sizes]
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return results


if __name__ == "__main__":
    main()
