"""The app, the exports and the briefing on the project's seed, against answers worked out by hand.

Expected values here come from reading seeds/000_30cf977f6c52e3a0.txt (reference date 2024-12-10),
never from the code under test:

- line 8  "... TASS reported on Dec. 9": the only sentence dated Dec. 9; it names Latakia province
  (the gazetteer's "Latakia Governorate"), the Kheimin airbase ("Khmeimim Air Base") and the
  Tartus naval base ("Tartus naval facility").
- lines 18 and 19 are the two sentences dated Dec. 7; both name Damascus, line 19 also "Syria's capital".
- line 23 (Dec. 1) is the only line naming Idlib; it also names Aleppo and Reuters.
- Reuters is the source of lines 13 (retracted: "Reuters later deleted"), 15 ("told Reuters"),
  23 ("Reuters reported") and 25 ("told Reuters", no date).
- on Dec. 8 and 9 the "reported" sentences are lines 5, 7, 8, 10, 15 (13 is retracted, 14 claimed);
  of them only line 15 names Damascus.
- quotes dated Dec. 8: line 7 (Pope Francis), 13 (Reuters' sources), 14 (rebel leaders); Dec. 9 has none.
- Khmeimim Air Base is named on lines 8 ("Kheimin airbase") and 17.
- line 7 (Pope Francis, Dec. 8) prays "for peace, in tormented Ukraine, in the Middle East — Palestine,
  Israel, Lebanon, and now Syria — in Myanmar, in Sudan": eight names of what is prayed for, none the
  place of the event (issue 11, item 15). Its event has no place; the eight are "mentioned". Myanmar and
  Sudan are named on no other line, so no Dec. 8 export holds them.

Extraction may change in detail (sentence splits, actors); these facts are about which places are
named on which dated lines, so they should hold. If one moves, re-read the seed, not the output.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.corpus import pipeline
from dashboard.views import exports
from dashboard.views.query import Filters, select

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
DOC = "000_30cf977f6c52e3a0"
DEC = {d: date(2024, 12, d) for d in range(1, 11)}
LINE8_PLACES = {"Latakia Governorate", "Khmeimim Air Base", "Tartus naval facility"}


@pytest.fixture(scope="module")
def tables(built: tuple[Path, Path]) -> pipeline.Tables:
    return pipeline.read_tables(built[1])


@pytest.fixture
def app(built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    monkeypatch.setenv("DASHBOARD_SEEDS", str(built[0]))
    monkeypatch.setenv("DASHBOARD_BUILD_DIR", str(built[1]))

    def run(**params: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=90)
        for k, v in params.items():
            at.query_params[k] = v
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return run


def lines_of(csv_text: str) -> list[int]:
    """Lines of the rows in the period (rows without a day are exported too, marked "apart")."""
    rows = csv.DictReader(io.StringIO(csv_text))
    return sorted(int(r["line"]) for r in rows if not r.get("listed_as", "map").startswith("apart"))


def cited_lines(panel: str) -> list[str]:
    """The seed lines a panel cites (`path:line` links)."""
    return re.findall(r"\.txt:(\d+)<", panel)


def count_line(at: AppTest) -> str:
    return next(m.value for m in at.markdown if " events" in m.value)


def map_places(at: AppTest) -> set[str]:
    layer = json.loads(at.get("component_instance")[0].proto.json_args)["feature_group"]
    return {name for name in ("Damascus", "Syria", "Idlib", "Aleppo", "Russia", "Ukraine", "Homs", "Hama",
                              *LINE8_PLACES) if json.dumps(name)[1:-1] in layer}  # fmt: skip


# -- the app -----------------------------------------------------------------------------


def test_one_day_shows_exactly_that_days_events_and_places(app, tables: pipeline.Tables) -> None:  # noqa: ANN001
    at = app(**{"from": "2024-12-09", "to": "2024-12-09"})
    assert count_line(at).startswith(f"**1 of {len(tables.events)} events · 3 places on the map")
    assert map_places(at) == LINE8_PLACES
    at = app(**{"from": "2024-12-07", "to": "2024-12-07"})
    assert count_line(at).startswith(f"**2 of {len(tables.events)} events · 2 places on the map")
    assert map_places(at) == {"Damascus", "Syria"}


def test_a_source_a_search_and_a_claim_narrow_the_app(app, tables: pipeline.Tables) -> None:  # noqa: ANN001
    n = len(tables.events)
    assert count_line(app(source="Reuters")).startswith(f"**4 of {n} events")
    at = app(q="idlib")
    assert count_line(at).startswith(f"**1 of {n} events · 2 places on the map")
    assert map_places(at) == {"Idlib", "Aleppo"}
    at = app(**{"from": "2024-12-08", "to": "2024-12-09", "claim": "reported", "sel": "Damascus"})
    assert count_line(at).startswith(f"**5 of {n} events")
    panel = "\n".join(e.proto.body for e in at.get("html"))
    assert "<h3>Damascus</h3>" in panel and "15" in cited_lines(panel) and "13" not in cited_lines(panel)


def test_the_panel_for_a_place_from_the_link_lists_its_lines(app) -> None:  # noqa: ANN001
    panel = "\n".join(e.proto.body for e in app(sel="Khmeimim Air Base").get("html"))
    assert "<h3>Khmeimim Air Base</h3>" in panel
    assert cited_lines(panel) == ["8", "17"]


# -- exports -----------------------------------------------------------------------------


def test_events_csv_under_each_filter(tables: pipeline.Tables) -> None:
    def csv_lines(f: Filters) -> list[int]:
        return lines_of(exports.events_csv(select(tables.events, tables.quotes, tables.places, f), f))

    assert csv_lines(Filters(date_from=DEC[9], date_to=DEC[9])) == [8]
    assert csv_lines(Filters(date_from=DEC[7], date_to=DEC[7])) == [18, 19]
    assert csv_lines(Filters(sources=("Reuters",))) == [13, 15, 23, 25]
    assert csv_lines(Filters(query="idlib")) == [23]
    assert csv_lines(Filters(date_from=DEC[8], date_to=DEC[9], claims=("reported",))) == [5, 7, 8, 10, 15]
    assert csv_lines(Filters(claims=("retracted",))) == [13]


def test_quotes_csv_under_a_date_filter(tables: pipeline.Tables) -> None:
    def quote_lines(f: Filters) -> list[int]:
        return lines_of(exports.quotes_csv(select(tables.events, tables.quotes, tables.places, f)))

    assert quote_lines(Filters(date_from=DEC[8], date_to=DEC[8])) == [7, 13, 14]
    assert quote_lines(Filters(date_from=DEC[9], date_to=DEC[9])) == []


def test_geojson_under_a_date_filter(tables: pipeline.Tables) -> None:
    f = Filters(date_from=DEC[9], date_to=DEC[9])
    gj = json.loads(exports.places_geojson_text(select(tables.events, tables.quotes, tables.places, f), f))
    names = {feat["properties"]["name"] for feat in gj["features"]}
    assert names == LINE8_PLACES
    for feat in gj["features"]:
        assert feat["properties"]["event_ids"] == [f"{DOC}:8:0"]
    f = Filters(query="idlib")
    gj = json.loads(exports.places_geojson_text(select(tables.events, tables.quotes, tables.places, f), f))
    assert {feat["properties"]["name"] for feat in gj["features"]} == {"Idlib", "Aleppo"}


def test_the_prayer_places_its_event_nowhere_and_mentions_what_it_prays_for(tables: pipeline.Tables) -> None:
    (row,) = tables.events[tables.events["line"] == 7].to_dict("records")
    assert list(row["places"]) == []
    assert set(row["mentioned"]) == {"Ukraine", "Middle East", "Palestine", "Israel", "Lebanon", "Syria",
                                     "Myanmar", "Sudan"}  # fmt: skip
    f = Filters(date_from=DEC[8], date_to=DEC[8])
    gj = json.loads(exports.places_geojson_text(select(tables.events, tables.quotes, tables.places, f), f))
    names = {feat["properties"]["name"] for feat in gj["features"]}
    assert not names & {"Myanmar", "Sudan", "Palestine", "Israel", "Lebanon"}
    assert {"Ukraine", "Russia", "Damascus"} <= names  # lines 5, 10, 13-15
    assert "Syria" not in names  # only in the prayer (line 7) and as "Syria's Bashar al-Assad", a state (line 10)


# -- the briefing ----------------------------------------------------------------------------


def test_the_briefing_marks_claims_and_follows_the_filters(tables: pipeline.Tables) -> None:
    from dashboard.briefing import report

    def chronology(html: str) -> str:
        return html.split('class="chronology-section', 1)[1].split("</section>", 1)[0]

    html = chronology(report.briefing_html(tables, Filters(date_from=DEC[8], date_to=DEC[8])))
    rows = dict(re.findall(r'<tr class="event [^"]*" data-event="([^"]+)">(.*?)</tr>', html, flags=re.S))
    assert {int(k.split(":")[1]) for k in rows} == {5, 7, 10, 13, 14, 15}
    assert 'class="claim claim-retracted"' in rows[f"{DOC}:13:0"]
    assert 'class="claim claim-claimed"' in rows[f"{DOC}:14:0"]
    assert 'class="claim claim-reported"' in rows[f"{DOC}:15:0"]
    one_day = chronology(report.briefing_html(tables, Filters(date_from=DEC[9], date_to=DEC[9])))
    assert {int(k.split(":")[1]) for k in re.findall(r'data-event="([^"]+)"', one_day)} == {8}
