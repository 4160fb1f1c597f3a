"""Several users: 10 browser sessions at once against one `streamlit run dashboard/app.py` on a generated corpus.

    python -m bench.sessions [--corpus 10000] [--sessions 10] [--rounds 3]

Ten pages in one headless Chromium (each page is its own Streamlit session). In
each round every session types a search (a place name, so the count changes),
all at once; then every session clicks its place's marker on the map. A rerun's
time is from the input to the page showing the new result with Streamlit idle.
Prints the 95th percentile and every error (exceptions on the page, console
errors, dialogs, external requests).
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from bench.build import corpus_dir
from bench.report import fmt_s, percentile, print_table
from bench.rerun import ensure_tables

COUNT = '[data-testid="stMarkdown"] strong'
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def _idle(page: Any) -> bool:
    return page.locator('[data-testid="stStatusWidget"]').count() == 0


def _count_text(page: Any) -> str:
    loc = page.locator(COUNT).first
    return loc.inner_text() if loc.count() else ""


def wait_all(pages: list[Any], started: list[float], done: list[Any], timeout: float = 120.0) -> list[float]:
    """Poll every page until `done(page)` holds and Streamlit is idle; return each page's elapsed seconds."""
    elapsed: list[float | None] = [None] * len(pages)
    deadline = time.perf_counter() + timeout
    while any(e is None for e in elapsed) and time.perf_counter() < deadline:
        for i, page in enumerate(pages):
            if elapsed[i] is None and done[i](page) and _idle(page):
                elapsed[i] = time.perf_counter() - started[i]
        time.sleep(0.01)
    return [e if e is not None else float("nan") for e in elapsed]


def run(corpus: int, n_sessions: int, rounds: int) -> dict[str, Any]:
    from tests.support import browser, streamlit_server

    tables = ensure_tables(corpus, "5000")
    names = [str(n) for n in tables.places.sort_values("n_mentions", ascending=False)["name"].head(n_sessions * 3)]
    out = corpus_dir(corpus, "5000")
    errors: list[str] = []
    search_s: list[float] = []
    click_s: list[float] = []
    with streamlit_server(seeds=out / "seeds", build_dir=out / "build", timeout=120) as url, browser() as b:
        pages = [b.page] + [b.context.new_page() for _ in range(n_sessions - 1)]
        for i, page in enumerate(pages):
            page.on("console", lambda msg, i=i: errors.append(f"session {i}: console {msg.text}")
                    if msg.type == "error" else None)  # fmt: skip
            page.on("pageerror", lambda exc, i=i: errors.append(f"session {i}: page error {exc}"))
        t0 = time.perf_counter()
        for page in pages:
            page.goto(url, wait_until="commit")
        for page in pages:
            page.frame_locator(MAP_FRAME).locator(".leaflet-marker-icon").first.wait_for(
                state="attached", timeout=180_000)
        first_load = time.perf_counter() - t0
        for r in range(rounds):
            wanted = [names[(r * n_sessions + i) % len(names)] for i in range(len(pages))]
            before = [_count_text(p) for p in pages]
            started = []
            for page, name in zip(pages, wanted, strict=True):
                box = page.get_by_label("Search text")
                box.fill(name)
                started.append(time.perf_counter())
                box.press("Enter")
            done = [lambda p, old=old: _count_text(p) not in ("", old) for old in before]
            search_s += wait_all(pages, started, done)
            started = []
            for page, name in zip(pages, wanted, strict=True):
                marker = page.frame_locator(MAP_FRAME).locator(f'.leaflet-marker-icon[title="{name}"]')
                started.append(time.perf_counter())
                marker.first.dispatch_event("click")  # the place may lie outside the home view
            done = [lambda p, name=name: p.get_by_text(name).count() > 1 for name in wanted]
            click_s += wait_all(pages, started, done)
        b.screenshot("bench-sessions")
        for i, page in enumerate(pages):
            if page.locator('[data-testid="stException"]').count():
                errors.append(f"session {i}: exception shown on the page")
        errors += [f"blocked external request {u}" for u in b.blocked] + [f"dialog {d}" for d in b.dialogs]
    timed_out = sum(1 for v in search_s + click_s if v != v)
    if timed_out:
        errors.append(f"{timed_out} reruns did not finish within 120 s")
    return {"sessions": n_sessions, "rounds": rounds, "events": len(tables.events), "first_load_s": first_load,
            "search_s": search_s, "click_s": click_s, "errors": errors}  # fmt: skip


def report(r: dict[str, Any]) -> None:
    rows = []
    for label, values in (("search (filter)", r["search_s"]), ("marker click", r["click_s"]),
                          ("all reruns", r["search_s"] + r["click_s"])):  # fmt: skip
        ok = [v for v in values if v == v]
        rows.append([label, str(len(values)), fmt_s(percentile(ok, 50)), fmt_s(percentile(ok, 95)),
                     fmt_s(max(ok) if ok else float("nan"))])  # fmt: skip
    print_table(f"{r['sessions']} concurrent sessions, {r['events']:,} events (browser-observed rerun time)",
                ["action", "reruns", "median", "p95", "max"], rows)  # fmt: skip
    print(f"  first load of all {r['sessions']} sessions to a drawn map: {fmt_s(r['first_load_s'])}")
    print(f"  errors: {len(r['errors'])}" + "".join(f"\n    {e}" for e in r["errors"][:20]))


def main(argv: list[str] | None = None) -> dict[str, Any]:
    p = argparse.ArgumentParser(prog="python -m bench.sessions", description=__doc__.splitlines()[0])
    p.add_argument("--corpus", type=int, default=10000)
    p.add_argument("--sessions", type=int, default=10)
    p.add_argument("--rounds", type=int, default=3)
    args = p.parse_args(argv)
    result = run(args.corpus, args.sessions, args.rounds)
    report(result)
    return result


if __name__ == "__main__":
    main()
