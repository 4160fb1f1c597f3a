"""The panel, tables, counts and widget state, tested on small hand-made tables."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dashboard.corpus.tables import EVENT_COLUMNS, PLACE_COLUMNS, QUOTE_COLUMNS
from dashboard.views import controls, listing, panels
from dashboard.views.query import Filters, events_for_place, quotes_for_place, select

EVIL = "<img src=x onerror=alert(1)> <script>alert(2)</script> `tick` ${alert(3)}"


def _event(i: int, line: int, text: str, places: list[str], date_: str | None, precision: str | None = "day",
           claim: str = "reported", sources: tuple[str, ...] = ()) -> dict:  # fmt: skip
    first = last = None
    if date_ and precision in ("day", "day-inferred"):
        first = last = date_
    elif date_ and precision == "month":
        first, last = f"{date_}-01", f"{date_}-28"
    return {
        "event_id": f"d:{line}:{i}", "doc_id": "d", "path": "seeds/d.txt", "line": line, "start": 0,
        "end": len(text), "text": text, "date": date_, "date_end": None, "date_precision": precision,
        "date_text": None, "date_first": first, "date_last": last, "places": places,
        "primary_place": places[0] if places else None, "claim": claim, "claim_evidence": None,
        "sources": list(sources), "actors": [], "doc_source": "Wire",
    }  # fmt: skip


def _place(name: str, kind: str | None, lat: float | None, lon: float | None) -> dict:
    return {
        "name": name, "kind": kind, "lat": lat, "lon": lon, "country": "XX", "source": "test",
        "source_ref": None, "via": "gazetteer", "confidence": 1.0,
        "status": "placed" if lat is not None else "unresolved",
        "reason": None if lat is not None else "not in the gazetteer", "mentions": [name], "n_mentions": 1,
    }  # fmt: skip


def make_tables() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Five events over three days, a month-only one, an undated one, an unplaced place and an evil line."""
    events = [
        _event(0, 1, "Rebels entered Alpha on Dec. 1.", ["Alpha"], "2024-12-01", sources=("Reuters",)),
        _event(1, 2, "Shelling near Alpha and Beta base on Dec. 3.", ["Alpha", "Beta base"], "2024-12-03",
               claim="claimed", sources=("TASS",)),  # fmt: skip
        _event(2, 3, "A report on Alpha was withdrawn on Dec. 5.", ["Alpha"], "2024-12-05", claim="retracted",
               sources=("Reuters",)),  # fmt: skip
        _event(3, 4, f"Rebels said on Dec. 5 that {EVIL} in Gamma province", ["Gamma province"], "2024-12-05"),
        _event(4, 5, "Something in Nowhere land happened in February.", ["Nowhere"], "2022-02", "month"),
        _event(5, 6, "Alpha is a city by the sea.", ["Alpha"], None, None),
    ]
    quotes = [{
        "quote_id": "d:2:10", "doc_id": "d", "path": "seeds/d.txt", "line": 2, "start": 10, "end": 30,
        "text": f"We hold {EVIL}", "speaker": "A <b>spokesman</b>", "role": "army `role`", "date": "2024-12-03",
        "date_precision": "day", "places": ["Alpha", "Beta base"], "event_id": "d:2:1",
    }]  # fmt: skip
    places = [
        _place("Alpha", "city", 35.0, 36.0), _place("Beta base", "base", 35.2, 36.1),
        _place("Gamma province", "province", 35.5, 36.4), _place("Nowhere", None, None, None),
    ]
    return (pd.DataFrame(events, columns=EVENT_COLUMNS), pd.DataFrame(quotes, columns=QUOTE_COLUMNS),
            pd.DataFrame(places, columns=PLACE_COLUMNS))  # fmt: skip


def test_esc_defuses_html_and_template_literals() -> None:
    out = panels.esc(EVIL)
    assert "<" not in out and ">" not in out and "`" not in out and "$" not in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out and "&#36;{alert(3)}" in out
    assert panels.esc(None) == "" and panels.esc(float("nan")) == ""


def test_count_line_follows_the_filters() -> None:
    ev, qu, pl = make_tables()
    everything = select(ev, qu, pl, Filters())
    assert listing.count_line(everything, Filters()).startswith("6 of 6 events")
    f = Filters(date_from=date(2024, 12, 2), date_to=date(2024, 12, 5))
    ranged = select(ev, qu, pl, f)
    line = listing.count_line(ranged, f)
    assert line.startswith("3 of 6 events"), line
    assert "1 event without a day listed apart" in line  # the Feb. 2022 one lies outside the range


def test_panel_lists_events_in_date_order_with_claims_and_line_references() -> None:
    ev, qu, pl = make_tables()
    sel = select(ev, qu, pl, Filters())
    html = panels.place_panel_html(pl.iloc[0].to_dict(), "Alpha", events_for_place(sel, "Alpha"),
                                  quotes_for_place(sel, "Alpha"))  # fmt: skip
    order = [html.index(s) for s in ("Rebels entered Alpha", "Shelling near Alpha", "A report on Alpha",
                                     "Alpha is a city")]  # fmt: skip
    assert order == sorted(order), "events must be listed in date order, undated last"
    assert "CLAIMED" in html and "RETRACTED" in html
    assert "d.txt:3<" in html and "no date" in html
    assert "Sources: TASS" in html
    # the quote: speaker, role, date, line, all escaped
    assert "A &lt;b&gt;spokesman&lt;/b&gt;, army &#96;role&#96;" in html
    assert "<img" not in html and "<script>alert" not in html and "${" not in html


def test_evil_text_in_the_panel_is_text() -> None:
    ev, qu, pl = make_tables()
    sel = select(ev, qu, pl, Filters())
    html = panels.place_panel_html(None, "Gamma province", events_for_place(sel, "Gamma province"),
                                  quotes_for_place(sel, "Gamma province"))  # fmt: skip
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert "<script>alert" not in html and "onerror=alert(1)>" not in html


def test_tables_keep_what_has_no_day_or_no_place_with_a_reason() -> None:
    ev, qu, pl = make_tables()
    f = Filters(date_from=date(2024, 12, 1), date_to=date(2024, 12, 31))
    sel = select(ev, qu, pl, f)
    undated = listing.undated_table(sel.undated)
    assert set(undated["why apart"]) == {"no date found in the sentence"}
    everything = select(ev, qu, pl, Filters())
    unplaced = listing.unplaced_table(everything.unplaced)
    assert list(unplaced["place"]) == ["Nowhere"] and "gazetteer" in unplaced["reason"].iloc[0]
    table = listing.events_table(listing.shown_events(everything, Filters()))
    assert len(table) == 6 and "seeds/d.txt, line 5, chars 0–" in " ".join(table["source line"])
    assert "2022-02 (month only)" in set(table["date"])


def test_timeline_counts_each_day_and_keeps_empty_days() -> None:
    ev, qu, pl = make_tables()
    sel = select(ev, qu, pl, Filters())
    tl = listing.timeline_frame(sel.events)
    assert list(tl["events"]) == [1, 0, 1, 0, 2]
    tl = listing.timeline_frame(sel.events, date(2024, 11, 30), date(2024, 12, 6))
    assert len(tl) == 7 and tl["events"].sum() == 4


@pytest.mark.parametrize(
    ("clicked", "tooltip", "expected"),
    [
        ({"lat": 35.0, "lng": 36.0}, None, "Alpha"),
        ({"lat": 35.2, "lng": 36.1}, "Beta base2 events", "Beta base"),
        ({"lat": 1.0, "lng": 1.0}, None, None),
        (None, None, None),
        ({"lat": "x"}, None, None),
    ],
)
def test_a_click_maps_back_to_its_place(clicked: dict | None, tooltip: str | None, expected: str | None) -> None:
    _, _, pl = make_tables()
    assert controls.place_from_click(pl[pl["lat"].notna()], clicked, tooltip) == expected


def test_click_on_two_places_at_one_point_uses_the_tooltip() -> None:
    pl = pd.DataFrame([_place("Tartus", "city", 34.9, 35.9), _place("Tartus port", "base", 34.9, 35.9)])
    assert controls.place_from_click(pl, {"lat": 34.9, "lng": 35.9}, "Tartus port1 event · base") == "Tartus port"
    assert controls.place_from_click(pl, {"lat": 34.9, "lng": 35.9}, "Tartus3 events · city") == "Tartus"


def test_full_date_range_means_no_date_filter() -> None:
    bounds = (date(2024, 12, 1), date(2024, 12, 9))
    f = controls.filters_from_inputs(bounds, bounds, [], [], [], [], "  ")
    assert f == Filters()
    f = controls.filters_from_inputs((date(2024, 12, 2), date(2024, 12, 9)), bounds, ["city"], [], [], [], "tass")
    assert (f.date_from, f.date_to, f.kinds, f.query) == (date(2024, 12, 2), date(2024, 12, 9), ("city",), "tass")
    half_picked = controls.filters_from_inputs((date(2024, 12, 2),), bounds, [], [], [], [], "")
    assert half_picked.date_from is None


def test_widget_defaults_reopen_a_permalink_and_report_what_they_drop() -> None:
    bounds = (date(2024, 12, 1), date(2024, 12, 9))
    f = Filters(date_from=date(2024, 11, 1), date_to=date(2024, 12, 5), sources=("TASS", "Gone"), kinds=("city",))
    values, notes = controls.widget_defaults(f, bounds, {"sources": ["TASS", "Reuters"], "kinds": ["city", "base"]})
    assert values["f_sources"] == ["TASS"] and values["f_kinds"] == ["city"]
    assert values["f_dates"] == (date(2024, 12, 1), date(2024, 12, 5))
    assert any("'Gone'" in n for n in notes) and any("clipped" in n for n in notes)


def test_nothing_below_the_streamlit_scripts_imports_streamlit() -> None:
    import ast
    from pathlib import Path

    below = [p for p in Path("dashboard").rglob("*.py") if p.name != "app.py" and "pages" not in p.parts]
    assert len(below) > 40  # every module of the package, subpackages included
    for path in below:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        imported |= {(n.module or "").split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert "streamlit" not in imported and "streamlit_folium" not in imported, path
