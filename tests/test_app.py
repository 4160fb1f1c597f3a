"""The Streamlit script under AppTest: no JavaScript runs, so the map's return value is simulated.

Each test points the app at its own copy of seeds/ and its own build folder
(by setting `DASHBOARD_SEEDS`/`DASHBOARD_BUILD_DIR`, which the app reads
at run time), so nothing here touches the real build/.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import pipeline
from dashboard.query import Filters, events_for_place, select

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
HEX_KEY = re.compile(r"^[0-9a-f]{64}$")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    seeds = tmp_path_factory.mktemp("seeds")
    for f in (ROOT / "seeds").glob("*"):
        shutil.copy(f, seeds / f.name)
    build_dir = tmp_path_factory.mktemp("build")
    pipeline.build(seeds, build_dir)
    return seeds, build_dir


@pytest.fixture
def dirs(built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Path]]:
    monkeypatch.setenv("DASHBOARD_SEEDS", str(built[0]))
    monkeypatch.setenv("DASHBOARD_BUILD_DIR", str(built[1]))
    yield built


def _run(at: AppTest | None = None, **params: str) -> AppTest:
    if at is None:
        at = AppTest.from_file(APP, default_timeout=90)
        for k, v in params.items():
            at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _count_line(at: AppTest) -> str:
    return next(m.value for m in at.markdown if " events" in m.value)


def _map_args(at: AppTest) -> dict:
    comps = at.get("component_instance")
    assert len(comps) == 1, "exactly one map component"
    return json.loads(comps[0].proto.json_args)


def _panel(at: AppTest) -> str:
    found = [e.proto.body for e in at.get("html") if "place-panel" in e.proto.body]
    return "\n".join(found)


def _click(at: AppTest, lat: float, lng: float, tooltip: str | None = None) -> AppTest:
    keys = [k for k in at.session_state._state._state.filtered_state if HEX_KEY.match(k)]
    assert len(keys) == 1, keys
    at.session_state[keys[0]] = {"last_object_clicked": {"lat": lat, "lng": lng},
                                 "last_object_clicked_tooltip": tooltip, "last_object_clicked_count": 1}  # fmt: skip
    return _run(at)


def test_app_shows_every_event_and_draws_every_placed_place(dirs: tuple[Path, Path]) -> None:
    tables = pipeline.read_tables(dirs[1])
    at = _run()
    n = len(tables.events)
    assert _count_line(at).startswith(f"**{n} of {n} events")
    args = _map_args(at)
    assert "/app/static/leaflet.js" in args["js_links"] and not any("http" in u for u in args["js_links"])
    assert set(args["returned_objects"]) >= {"last_object_clicked", "last_object_clicked_tooltip"}
    placed = select(tables.events, tables.quotes, tables.places, Filters()).places.dropna(subset=["lat"])
    for name in placed["name"]:
        assert json.dumps(name)[1:-1] in args["feature_group"], name
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels[:3] == ["Events (CSV)", "Quotes (CSV)", "Places (GeoJSON)"]


def test_a_simulated_map_click_opens_the_place_and_the_selectbox_follows(dirs: tuple[Path, Path]) -> None:
    tables = pipeline.read_tables(dirs[1])
    base = tables.places[tables.places["name"] == "Khmeimim Air Base"].iloc[0]
    at = _click(_run(), float(base["lat"]), float(base["lon"]), "Khmeimim Air Base2 events · military base")
    assert at.selectbox[0].value == "Khmeimim Air Base"
    panel = _panel(at)
    expected = events_for_place(select(tables.events, tables.quotes, tables.places, Filters()), "Khmeimim Air Base")
    assert len(expected) >= 1
    for line in expected["line"]:
        assert f".txt:{line}<" in panel  # cited as path:line
    assert at.query_params["sel"] == "Khmeimim Air Base"
    # the selection shows on the map: the marker is highlighted in the places layer
    assert "is-selected" in _map_args(at)["feature_group"]
    # clearing the selectbox clears the panel and the permalink's selection
    at.selectbox[0].set_value("(no place selected)")
    at = _run(at)
    assert "sel" not in at.query_params and not _panel(at)


def test_the_date_filter_narrows_the_counts_and_the_permalink_follows(dirs: tuple[Path, Path]) -> None:
    tables = pipeline.read_tables(dirs[1])
    at = _run()
    day = tables.events[tables.events["date_precision"] == "day"]
    last = max(day["date_first"]).date()
    at.date_input[0].set_value((last, last))
    at = _run(at)
    f = Filters(date_from=last, date_to=last)
    expected = len(select(tables.events, tables.quotes, tables.places, f).events)
    assert expected < len(tables.events)
    assert _count_line(at).startswith(f"**{expected} of {len(tables.events)} events")
    assert at.query_params["from"] == last.isoformat() and at.query_params["to"] == last.isoformat()


def test_a_permalink_reopens_the_same_view(dirs: tuple[Path, Path]) -> None:
    tables = pipeline.read_tables(dirs[1])
    at = _run(**{"from": "2024-12-08", "to": "2024-12-09", "claim": "reported", "sel": "Damascus"})
    f = Filters(date_from=__import__("datetime").date(2024, 12, 8), date_to=__import__("datetime").date(2024, 12, 9),
                claims=("reported",))  # fmt: skip
    sel = select(tables.events, tables.quotes, tables.places, f)
    assert _count_line(at).startswith(f"**{len(sel.events)} of {len(tables.events)} events")
    assert at.multiselect[2].value == ["reported"] and at.selectbox[0].value == "Damascus"
    assert "<h3>Damascus</h3>" in _panel(at)


def test_a_bad_permalink_opens_with_a_note(dirs: tuple[Path, Path]) -> None:
    at = _run(**{"from": "yesterday", "kind": "planet", "source": "No Such Wire"})
    warnings = " ".join(w.value for w in at.warning)
    assert "from='yesterday'" in warnings and "'planet'" in warnings and "'No Such Wire'" in warnings


def test_a_fresh_clone_builds_its_tables(built: tuple[Path, Path], tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("DASHBOARD_SEEDS", str(built[0]))
    monkeypatch.setenv("DASHBOARD_BUILD_DIR", str(tmp_path / "build"))
    at = _run()
    assert (tmp_path / "build" / "current" / "events.parquet").exists()
    assert " of " in _count_line(at)


def test_a_failed_build_shows_a_message_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "seeds").mkdir()
    monkeypatch.setenv("DASHBOARD_SEEDS", str(tmp_path / "seeds"))
    monkeypatch.setenv("DASHBOARD_BUILD_DIR", str(tmp_path / "build"))
    at = _run()
    errors = " ".join(e.value for e in at.error)
    assert "holds no .txt documents" in errors and "python -m dashboard build" in errors


def test_a_rebuild_shows_without_a_restart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for f in (ROOT / "seeds").glob("*"):
        shutil.copy(f, seeds / f.name)
    monkeypatch.setenv("DASHBOARD_SEEDS", str(seeds))
    monkeypatch.setenv("DASHBOARD_BUILD_DIR", str(tmp_path / "build"))
    pipeline.build(seeds, tmp_path / "build")
    at = _run()
    before = len(pipeline.read_tables(tmp_path / "build").events)
    (seeds / "extra.txt").write_text("Rebels entered Aleppo on Dec. 2, 2024, Reuters reported.\n", encoding="utf-8")
    pipeline.build(seeds, tmp_path / "build")
    after = len(pipeline.read_tables(tmp_path / "build").events)
    assert after > before
    at = _run(at)
    assert _count_line(at).startswith(f"**{after} of {after} events")
