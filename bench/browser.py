"""Browser benchmark: from page load to a drawn, clickable map in headless Chromium.

    python -m bench.browser [--corpus 100000] [--all-places]

The map is the self-contained HTML of `maplayer.build_map` for the places of a
generated corpus (about 5k with the 5k gazetteer, 30k+ with all GeoNames cities),
served from 127.0.0.1 with Leaflet from the installed package (no network). The
figure is `performance.now()` (ms since navigation start) at the first animation
frame in which every place marker is in the page; then a real mouse hover on the
busiest place must open its tooltip (the map answers input). The plain approach
(one folium Marker per place) is measured beside it in the same browser.
"""

from __future__ import annotations

import argparse
import statistics
from datetime import date
from pathlib import Path
from typing import Any

import folium
import pandas as pd

from bench import BENCH_DIR
from bench.report import fmt_bytes, fmt_s, print_table
from bench.rerun import ensure_tables, safe_text

TARGETS_S = {"5000": 0.5, "all": 1.5}
# Plain map: resolves in the first animation frame where the expected number of markers is in the DOM.
_DRAWN_JS = """(n) => {
  const got = document.querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon').length;
  return got >= n ? performance.now() : false;
}"""
# The app's layer: DOM markers for the busiest places, canvas dots for the rest; it stamps
# window.placesDrawnAt in the animation frame after all of them are added (canvas painted).
_LAYER_DRAWN_JS = "() => window.placesDrawnAt || false"


def write_site(folder: Path, places: pd.DataFrame, label: str) -> dict[str, Path]:
    """The app's map and the plain map as HTML files, with Leaflet at /app/static as the app serves it."""
    from dashboard.views.assets import leaflet_source
    from dashboard.views.maplayer import build_map

    static = folder / "app" / "static"
    static.mkdir(parents=True, exist_ok=True)
    for name in ("leaflet.js", "leaflet.css"):
        text = leaflet_source(name)
        if text is None:
            raise RuntimeError("Leaflet is missing: pip install -r requirements.txt (django-js-lib-leaflet)")
        (static / name).write_text(text, encoding="utf-8")
    from dashboard.views.assets import OUTLINES_FILE, OUTLINES_SOURCE

    (static / OUTLINES_FILE).write_bytes(OUTLINES_SOURCE.read_bytes())
    pages = {"layer": folder / f"layer-{label}.html", "plain": folder / f"plain-{label}.html"}
    # As the app draws it: the outlines fetched from /app/static, the places as one layer.
    build_map(places, local_assets=True, outlines_url=f"/app/static/{OUTLINES_FILE}").save(str(pages["layer"]))
    plain = folium.Map(location=[35, 38], zoom_start=3, tiles=None)
    plain.default_js = [("leaflet", "/app/static/leaflet.js")]  # same offline Leaflet, no jQuery/Bootstrap
    plain.default_css = [("leaflet_css", "/app/static/leaflet.css")]
    placed = places[places["lat"].notna()]
    icon_css = "background:#1f5fbf;border-radius:50%;border:2px solid #fff"
    for name, lat, lon, n in zip(placed["name"], placed["lat"], placed["lon"], placed["n_events"], strict=True):
        # a DivIcon: the default pin image is fetched by URL, which an offline page cannot load
        icon = folium.DivIcon(html=f'<div style="{icon_css};width:12px;height:12px"></div>', icon_size=(12, 12))
        folium.Marker([float(lat), float(lon)], tooltip=safe_text(f"{name}: {n} events"), icon=icon).add_to(plain)
    plain.save(str(pages["plain"]))
    return pages


def time_page(b: Any, url: str, n_markers: int, hover_title: str | None, shot: str | None) -> dict[str, float]:
    page = b.page
    page.goto("about:blank")
    page.goto(url, wait_until="commit", timeout=300_000)
    if hover_title:  # the app's layer
        drawn_ms = page.wait_for_function(_LAYER_DRAWN_JS, polling="raf", timeout=300_000).json_value()
    else:
        drawn_ms = page.wait_for_function(_DRAWN_JS, arg=n_markers, polling="raf", timeout=300_000).json_value()
    marker = page.locator(f'.leaflet-marker-icon[title="{hover_title}"]') if hover_title else page.locator(
        ".leaflet-marker-icon").first
    t0 = page.evaluate("performance.now()")
    marker.first.hover(force=True, timeout=60_000)
    page.wait_for_selector(".leaflet-tooltip", timeout=60_000)
    hover_ms = page.evaluate("performance.now()") - t0
    if shot:  # a picture to look at, not a figure: a slow screenshot of 30k DOM markers is skipped
        try:
            page.screenshot(path=str(b.screenshot_path(shot)), timeout=60_000)
        except Exception as exc:  # noqa: BLE001
            print(f"  (screenshot {shot} skipped: {type(exc).__name__})")
    return {"drawn_s": drawn_ms / 1000, "hover_s": hover_ms / 1000}


def measure(places_setting: str, corpus: int, repeat: int = 3) -> dict[str, Any]:
    from dashboard.views.query import Filters, select
    from tests.support import browser
    from tests.support import static_server as serve

    tables = ensure_tables(corpus, places_setting)
    sel = select(tables.events, tables.quotes, tables.places,
                 Filters(date_from=date(2024, 1, 1), date_to=date(2024, 12, 31)))  # fmt: skip
    places = sel.places
    n = int(places["lat"].notna().sum())
    folder = BENCH_DIR / "browser"
    pages = write_site(folder, places, places_setting)
    out: dict[str, Any] = {"places_setting": places_setting, "places": n}
    top = str(places.iloc[0]["name"])
    with serve(folder) as base, browser() as b:
        for kind, path in pages.items():
            runs = [time_page(b, f"{base}/{path.name}", n, top if kind == "layer" else None,
                              f"bench-{kind}-{places_setting}" if i == 0 else None)
                    for i in range(repeat)]  # fmt: skip
            out[f"{kind}_drawn_s"] = statistics.median(r["drawn_s"] for r in runs)
            out[f"{kind}_hover_s"] = statistics.median(r["hover_s"] for r in runs)
            out[f"{kind}_html"] = path.stat().st_size
        out["blocked"] = list(b.blocked)
        out["dialogs"] = list(b.dialogs)
    return out


def report(results: list[dict[str, Any]]) -> None:
    rows = []
    for r in results:
        rows.append([
            f"{r['places']:,}", fmt_s(r["layer_drawn_s"]), fmt_s(r["layer_hover_s"]), fmt_bytes(r["layer_html"]),
            fmt_s(r["plain_drawn_s"]), fmt_s(r["plain_hover_s"]), fmt_bytes(r["plain_html"]),
            f"x{r['plain_drawn_s'] / r['layer_drawn_s']:.1f}",
        ])  # fmt: skip
    print_table(
        "Browser: page load to drawn, clickable map (headless Chromium, medians)",
        ["places", "app's places layer: drawn", "hover->tooltip", "HTML", "Marker per place: drawn", "hover->tooltip",
         "HTML", "ratio"],
        rows,
    )
    for r in results:
        target = TARGETS_S[r["places_setting"]]
        ok = r["layer_drawn_s"] < target
        print(f"  target {r['places']:,} places drawn < {target} s: {'met' if ok else 'MISSED'} "
              f"({fmt_s(r['layer_drawn_s'])}); external requests: {len(r['blocked'])}; dialogs: {len(r['dialogs'])}")


def main(argv: list[str] | None = None) -> list[dict[str, Any]]:
    p = argparse.ArgumentParser(prog="python -m bench.browser", description=__doc__.splitlines()[0])
    p.add_argument("--corpus", type=int, default=100000, help="snippets of the corpus whose places are drawn")
    p.add_argument("--no-all-places", action="store_true", help="skip the 30k+ places map")
    args = p.parse_args(argv)
    settings = ["5000"] + ([] if args.no_all_places else ["all"])
    results = [measure(s, args.corpus) for s in settings]
    report(results)
    return results


if __name__ == "__main__":
    main()
