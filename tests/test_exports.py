"""CSV and GeoJSON exports hold exactly what the filters show, nothing dropped, nothing that runs."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from dashboard.views import exports
from dashboard.views.query import Filters, select
from tests.test_views import make_tables


def _rows(text: str) -> list[dict[str, str]]:
    assert text.startswith(exports.BOM)  # so Excel reads it as UTF-8
    return list(csv.DictReader(io.StringIO(text.removeprefix(exports.BOM))))


def test_events_csv_follows_the_filters_and_lists_undated_apart() -> None:
    ev, qu, pl = make_tables()
    f = Filters(date_from=date(2024, 12, 2), date_to=date(2024, 12, 5))
    rows = _rows(exports.events_csv(select(ev, qu, pl, f), f))
    on_map = [r for r in rows if r["listed_as"] == "map"]
    assert {r["line"] for r in on_map} == {"2", "3", "4"}
    assert [r["line"] for r in rows if r["listed_as"] == "apart: no day"] == ["6"]
    assert on_map[0]["places"] == "Alpha; Beta base" and on_map[0]["claim"] == "claimed"
    narrower = Filters(claims=("retracted",))
    assert [r["line"] for r in _rows(exports.events_csv(select(ev, qu, pl, narrower), narrower))] == ["3"]


def test_every_event_is_exported_when_nothing_is_filtered() -> None:
    ev, qu, pl = make_tables()
    rows = _rows(exports.events_csv(select(ev, qu, pl, Filters()), Filters()))
    assert len(rows) == len(ev) and all(r["listed_as"] == "map" for r in rows)


def test_csv_cells_cannot_run_as_spreadsheet_formulas() -> None:
    ev, qu, pl = make_tables()
    ev.loc[0, "text"] = "=HYPERLINK(\"http://x\")"
    rows = _rows(exports.events_csv(select(ev, qu, pl, Filters()), Filters()))
    assert any(r["text"] == "'=HYPERLINK(\"http://x\")" for r in rows)


def test_quotes_csv_keeps_speaker_role_and_line() -> None:
    ev, qu, pl = make_tables()
    rows = _rows(exports.quotes_csv(select(ev, qu, pl, Filters())))
    assert rows[0]["speaker"] == "A <b>spokesman</b>" and rows[0]["line"] == "2"


def test_geojson_has_a_feature_per_place_shown_with_its_events() -> None:
    ev, qu, pl = make_tables()
    f = Filters(date_from=date(2024, 12, 4), date_to=date(2024, 12, 5))
    gj = json.loads(exports.places_geojson_text(select(ev, qu, pl, f), f))
    by_name = {feat["properties"]["name"]: feat for feat in gj["features"]}
    assert set(by_name) == {"Alpha", "Gamma province"}
    assert by_name["Alpha"]["geometry"] == {"type": "Point", "coordinates": [36.0, 35.0]}
    assert by_name["Alpha"]["properties"]["event_ids"] == ["d:3:2"]
    assert gj["filters"] == ["dates 2024-12-04 to 2024-12-05"]


def test_geojson_keeps_unplaced_places_with_a_null_geometry() -> None:
    ev, qu, pl = make_tables()
    gj = exports.places_geojson(select(ev, qu, pl, Filters()), Filters())
    nowhere = next(f for f in gj["features"] if f["properties"]["name"] == "Nowhere")
    assert nowhere["geometry"] is None and "gazetteer" in nowhere["properties"]["reason"]
    json.dumps(gj, allow_nan=False)  # valid JSON: no NaN anywhere
