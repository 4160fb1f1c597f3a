"""A marker click as the user feels it: a real browser clicks markers, the server times its own runs.

    python -m bench.click [--corpus 100000] [--clicks 15] [--no-pin]

AppTest cannot time what a click costs once the map and the place panel are a fragment
(`st.fragment`): `AppTest.run()` always reruns the whole script. So this runs the app
through `bench.timed_server`, which records every script run from inside the server
(wall and CPU time of the script thread, and whether it was a fragment run), and
clicks in headless Chromium: each click alternates between the two busiest places,
so every click changes the selection and the busiest place's panel is drawn every
other time. Server and browser are pinned to different cores, as in `bench.sessions`.
Prints, per click, the browser's time (click to the panel showing the place, Streamlit
idle) and the server's runs it caused.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from typing import Any

from bench.build import corpus_dir
from bench.report import fmt_s, percentile, print_table
from bench.rerun import ensure_tables
from bench.sessions import MAP_FRAME, _affinity, _idle, _panel_shows, log_and_cores, server_runs, timed_server

TARGET_CLICK_S = 0.100


def run(corpus: int, clicks: int, pin: bool = True) -> dict[str, Any]:
    from dashboard.corpus import store
    from tests.support import OUTPUT_DIR, browser

    tables = ensure_tables(corpus, "5000")
    out = corpus_dir(corpus, "5000")
    os.environ["DASHBOARD_SEEDS"] = str(out / "seeds")
    os.environ["DASHBOARD_BUILD_DIR"] = str(out / "build")
    store.adopt(out / "build")
    on_map = {p for ps in tables.events["places"] for p in ps}
    placed = tables.places[tables.places["name"].isin(on_map) & tables.places["lat"].notna()]
    counts = tables.events["places"].explode().value_counts()
    names = [n for n in counts.index if n in set(placed["name"])][:2]
    log, server_core, browser_cores = log_and_cores(OUTPUT_DIR / "bench-click-server-runs.jsonl", pin)
    browser_s: list[float] = []
    phases: list[tuple[str, float, float]] = []
    with timed_server(out, log, server_core) as url, _affinity(browser_cores), browser() as b:
        page = b.page
        page.goto(url)
        page.frame_locator(MAP_FRAME).locator(".leaflet-marker-icon").first.wait_for(state="attached", timeout=180_000)
        time.sleep(1.0)
        for i in range(clicks * 2):
            name = names[i % 2]
            marker = page.frame_locator(MAP_FRAME).locator(f'.leaflet-marker-icon[title="{name}"]')
            wall0, t0 = time.time(), time.perf_counter()
            marker.first.dispatch_event("click")
            deadline = t0 + 60
            while not (_panel_shows(page, name) and _idle(page)) and time.perf_counter() < deadline:
                time.sleep(0.005)
            elapsed = time.perf_counter() - t0
            time.sleep(0.3)  # let the run finish and be logged before the next click
            phases.append((name, wall0, time.time()))
            if i % 2 == 0:  # the busiest place's clicks: its panel (50 of thousands of events) is drawn
                browser_s.append(elapsed)
        errors = [f"blocked external request {u}" for u in b.blocked] + [f"dialog {d}" for d in b.dialogs]
        if page.locator('[data-testid="stException"]').count():
            errors.append("exception shown on the page")
    runs = server_runs(log)
    per_click: list[list[dict[str, Any]]] = []
    for i, (_, a, z) in enumerate(phases):
        if i % 2 == 0:
            per_click.append([r for r in runs if a <= r["start"] <= z])
    return {"events": len(tables.events), "places": names, "browser_s": browser_s, "per_click": per_click,
            "errors": errors, "pinned": server_core is not None, "load": os.getloadavg()[0]}  # fmt: skip


def report(r: dict[str, Any]) -> None:
    total = [sum(x["wall_s"] for x in runs) for runs in r["per_click"] if runs]
    cpu = [sum(x["cpu_s"] for x in runs) for runs in r["per_click"] if runs]
    each = [x for runs in r["per_click"] for x in runs]
    rows = [["browser: click to panel shown", str(len(r["browser_s"])), fmt_s(statistics.median(r["browser_s"])),
             fmt_s(percentile(r["browser_s"], 95))],
            ["server: script time per click", str(len(total)), fmt_s(statistics.median(total)),
             fmt_s(percentile(total, 95))],
            ["server: script CPU time per click", str(len(cpu)), fmt_s(statistics.median(cpu)),
             fmt_s(percentile(cpu, 95))]]  # fmt: skip
    print_table(f"Marker click on {r['places'][0]} (the busiest place), {r['events']:,} events, one browser",
                ["what", "clicks", "median", "p95"], rows)  # fmt: skip
    fragments = sum(1 for x in each if x.get("fragment"))
    met = bool(total) and percentile(total, 95) <= TARGET_CLICK_S
    print(f"  server runs per click: {len(each) / max(len(total), 1):.1f} ({fragments} of {len(each)} fragment runs); "
          f"target p95 <= {fmt_s(TARGET_CLICK_S)} of server time: {'met' if met else 'MISSED'}")  # fmt: skip
    print(f"  {'server and browser pinned to separate cores' if r['pinned'] else 'sharing cores'}; "
          f"load {r['load']:.1f} on {os.cpu_count()} cores; errors: {r['errors'] or 'none'}")


def main(argv: list[str] | None = None) -> dict[str, Any]:
    p = argparse.ArgumentParser(prog="python -m bench.click", description=__doc__.splitlines()[0])
    p.add_argument("--corpus", type=int, default=100000)
    p.add_argument("--clicks", type=int, default=15, help="clicks on the busiest place (as many on the next)")
    p.add_argument("--no-pin", action="store_true")
    args = p.parse_args(argv)
    result = run(args.corpus, args.clicks, pin=not args.no_pin)
    report(result)
    return result


if __name__ == "__main__":
    main()
