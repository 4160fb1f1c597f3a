"""Rerun benchmark: the server time of one app rerun, and the map payload, against the plain approaches.

    python -m bench.rerun [--sizes 1000,10000,100000] [--all-places] [--plain-events-max 10000]

One rerun of the app = `query.select` (the filter) + `maplayer.base_map` and
`maplayer.places_layer` (what dashboard/app.py builds) + `st_folium`'s own server
work. st_folium is run for real, with only its final hand-off to the Streamlit
frontend (`_component_func`) replaced by a recorder; the recorded arguments are
JSON-encoded as Streamlit does, and that JSON is the payload sent to the browser.
The plain approaches (one folium Marker per place; one per event) go through the
same st_folium path, in the same run, and the ratios are printed.
"""

from __future__ import annotations

import argparse
import html
import json
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import folium
import pandas as pd

from bench.build import corpus_dir, ensure_corpus
from bench.report import fmt_bytes, fmt_s, growth, print_table

TARGET_RERUN_S = 0.150
TARGET_PAYLOAD = 1_000_000
TARGET_ALL_PLACES_S = 1.0


def safe_text(text: str) -> str:
    """Escaping for text put into folium Tooltips (see STACK_NOTES: folium does not escape)."""
    return html.escape(text).replace("`", "&#96;").replace("$", "&#36;")


def st_folium_server(fig: folium.Map, **kwargs: Any) -> dict[str, Any]:
    """Run streamlit_folium.st_folium with the frontend hand-off recorded; return what would be sent."""
    import streamlit_folium

    sent: dict[str, Any] = {}

    def record(**args: Any) -> dict[str, Any]:
        sent.update(args)
        return args.get("default") or {}

    real = streamlit_folium._component_func
    streamlit_folium._component_func = record
    try:
        streamlit_folium.st_folium(fig, **kwargs)
    finally:
        streamlit_folium._component_func = real
    sent.pop("on_change", None)
    sent["_payload"] = json.dumps(sent, default=str)  # Streamlit sends component args as JSON
    return sent


def ensure_tables(n: int, places: str) -> Any:
    """The tables of a generated corpus, built once (bench.build leaves them in <corpus>/build)."""
    from dashboard.corpus.pipeline import Context, build, read_tables

    out = ensure_corpus(n, places)
    build_dir = out / "build"
    if not (build_dir / "current").exists():
        info = json.loads((out / "generated.json").read_text(encoding="utf-8"))
        build(out / "seeds", build_dir, Context.create(Path(info["gazetteer"])))
    return read_tables(build_dir)


def app_rerun(tables: Any, filters: Any, selected: str | None = None) -> tuple[Any, dict[str, Any]]:
    """What one rerun of dashboard/app.py does on the server for the map, as the app calls it."""
    from dashboard.views import assets, maplayer
    from dashboard.views.query import select

    sel = select(tables.events, tables.quotes, tables.places, filters)
    view = _HOME_VIEWS.get(id(tables))  # the app caches the home view per build (st.cache_data)
    if view is None:
        view = _HOME_VIEWS[id(tables)] = maplayer.default_view(sel.places)
    sent = st_folium_server(
        maplayer.base_map(view, local_assets=True, outlines_url=assets.outlines_url() or OUTLINES_URL),
        key="map", height=560, use_container_width=True,
        feature_group_to_add=maplayer.places_layer(sel.places, selected),
        returned_objects=["last_object_clicked", "last_object_clicked_tooltip", "last_object_clicked_count"],
    )  # fmt: skip
    return sel, sent


_HOME_VIEWS: dict[int, Any] = {}
OUTLINES_URL = "/app/static/outlines.geojson"  # as the app serves them (dashboard/views/assets.py)


def plain_per_place(places: pd.DataFrame) -> dict[str, Any]:
    """The plain approach: a folium Map with one Marker (escaped tooltip) per placed place."""
    m = folium.Map(location=[35, 38], zoom_start=5, tiles=None)
    placed = places[places["lat"].notna()]
    for name, lat, lon, n in zip(placed["name"], placed["lat"], placed["lon"], placed["n_events"], strict=True):
        folium.Marker([float(lat), float(lon)], tooltip=safe_text(f"{name}: {n} events")).add_to(m)
    return st_folium_server(m, key="map", height=560)


def plain_per_event(events: pd.DataFrame, places: pd.DataFrame) -> dict[str, Any]:
    """The plainest approach: one Marker per event at its primary place, tooltip the event's text."""
    m = folium.Map(location=[35, 38], zoom_start=5, tiles=None)
    coords = places.set_index("name")[["lat", "lon"]]
    joined = events[["primary_place", "text"]].join(coords, on="primary_place").dropna(subset=["lat"])
    for text, lat, lon in zip(joined["text"], joined["lat"], joined["lon"], strict=True):
        folium.Marker([float(lat), float(lon)], tooltip=safe_text(text[:200])).add_to(m)
    return st_folium_server(m, key="map", height=560)


def median_time(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def measure(n: int, places: str, plain_events_max: int, repeat: int = 5) -> dict[str, Any]:
    from dashboard.views.query import Filters, select

    tables = ensure_tables(n, places)
    # A typical rerun: the user narrowed the dates to the whole year (every dated event kept), so the
    # map shows every place; a narrower range only makes the map smaller.
    filters = Filters(date_from=date(2024, 1, 1), date_to=date(2024, 12, 31))
    filter_s, sel = median_time(lambda: select(tables.events, tables.quotes, tables.places, filters), repeat)
    rerun_s, (sel, sent) = median_time(lambda: app_rerun(tables, filters), repeat)
    top = str(sel.places.iloc[0]["name"]) if len(sel.places) else None
    click_s, _ = median_time(lambda: app_rerun(tables, filters, selected=top), repeat)
    n_placed = int(sel.places["lat"].notna().sum())
    result: dict[str, Any] = {
        "snippets": n, "places_setting": places, "events": len(tables.events), "in_view": len(sel.events),
        "places": n_placed, "filter_s": filter_s, "rerun_s": rerun_s, "rerun_click_s": click_s,
        "payload": len(sent["_payload"].encode()),
    }  # fmt: skip
    few = max(1, repeat // 3)
    result["per_place_s"], plain = median_time(lambda: plain_per_place(sel.places), few)
    result["per_place_payload"] = len(plain["_payload"].encode())
    if len(sel.events) <= plain_events_max:
        result["per_event_s"], plain = median_time(lambda: plain_per_event(sel.events, tables.places), 1)
        result["per_event_payload"] = len(plain["_payload"].encode())
    else:
        result["per_event_s"] = result["per_event_payload"] = float("nan")
    return result


def report(results: list[dict[str, Any]]) -> None:
    rows = []
    for r in results:
        rows.append([
            f"{r['events']:,}", f"{r['places']:,}", fmt_s(r["filter_s"]), fmt_s(r["rerun_s"]),
            fmt_s(r["rerun_click_s"]), fmt_bytes(r["payload"]),
            f"{fmt_s(r['per_place_s'])} ({fmt_bytes(r['per_place_payload'])})",
            f"x{r['per_place_s'] / r['rerun_s']:.0f}",
            f"{fmt_s(r['per_event_s'])} ({fmt_bytes(r['per_event_payload'])})",
            f"x{r['per_event_s'] / r['rerun_s']:.0f}" if r["per_event_s"] == r["per_event_s"] else "not run",
        ])  # fmt: skip
    print_table(
        "App rerun, server side (filter + map + st_folium), medians",
        ["events", "places on map", "filter", "rerun", "rerun w/ selection", "payload",
         "Marker per place", "ratio", "Marker per event", "ratio"],
        rows,
    )
    five = [r for r in results if r["places_setting"] != "all"]
    growth("rerun time", [(r["events"], r["rerun_s"]) for r in five])
    growth("filter time", [(r["events"], r["filter_s"]) for r in five])
    growth("payload", [(r["events"], r["payload"]) for r in five])
    growth("Marker per event", [(r["events"], r["per_event_s"]) for r in five])
    for r in results:
        if r["places_setting"] == "all":
            ok = r["rerun_s"] < TARGET_ALL_PLACES_S
            print(f"  target all {r['places']:,} places < 1 s: {'met' if ok else 'MISSED'} ({fmt_s(r['rerun_s'])})")
        elif r["events"] >= 90_000:
            ok = r["rerun_s"] < TARGET_RERUN_S and r["payload"] < TARGET_PAYLOAD
            print(f"  target at {r['events']:,} events / {r['places']:,} places: rerun < 150 ms and payload < 1 MB: "
                  f"{'met' if ok else 'MISSED'} ({fmt_s(r['rerun_s'])}, {fmt_bytes(r['payload'])})")


def main(argv: list[str] | None = None) -> list[dict[str, Any]]:
    p = argparse.ArgumentParser(prog="python -m bench.rerun", description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="1000,10000,100000", help="comma-separated snippet counts (5k gazetteer)")
    p.add_argument("--all-places", type=int, default=100000, help="snippets of the all-places (34k) corpus; 0: skip")
    p.add_argument("--plain-events-max", type=int, default=10000,
                   help="skip the Marker-per-event approach above this many events (it takes minutes)")
    args = p.parse_args(argv)
    results = [measure(int(n), "5000", args.plain_events_max) for n in args.sizes.split(",")]
    if args.all_places:
        results.append(measure(args.all_places, "all", args.plain_events_max))
    report(results)
    return results


if __name__ == "__main__":
    main()


__all__ = ["corpus_dir", "measure", "st_folium_server"]
