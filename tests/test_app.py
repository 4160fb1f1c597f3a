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

from dashboard.corpus import pipeline
from tests.support import as_shown

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
HEX_KEY = re.compile(r"^[0-9a-f]{64}$")
# Every place the seed names that the gazetteer knows, read off seeds/000_30cf977f6c52e3a0.txt by hand
# ("Middle East" is named too, but has no coordinates).
# The Pope's prayer (line 7: "pray for peace, in tormented Ukraine, in the Middle East — Palestine, Israel,
# Lebanon, and now Syria — in Myanmar, in Sudan") names where peace is prayed for, not where anything
# happened (issue 11, item 15): all are "mentioned". Myanmar, Sudan, Palestine, Israel and Lebanon are named
# on no other line, so they get no marker; Syria and Ukraine keep theirs from other lines.
PRAYED_FOR_ONLY = {"Myanmar", "Sudan", "Palestine", "Israel", "Lebanon"}
# Iran is named on the seed only as one of "Assad's backers, Russia and Iran" (lines 11, 16, 21): a state, no place.
STATE_ONLY = {"Iran"}
SEED_PLACED = {
    "Syria", "Russia", "Ukraine", "Ankara",
    "Latakia Governorate", "Khmeimim Air Base", "Tartus naval facility", "Damascus", "Latakia", "Hama",
    "Tartus", "Homs", "Aleppo", "Idlib",
}  # fmt: skip


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
    for name in SEED_PLACED:
        assert json.dumps(name)[1:-1] in args["feature_group"], name
    for name in PRAYED_FOR_ONLY | STATE_ONLY:
        assert name not in args["feature_group"], name
    assert "Middle East" not in args["feature_group"]
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels[:3] == ["Events (CSV)", "Quotes (CSV)", "Places (GeoJSON)"]


def test_a_simulated_map_click_opens_the_place_and_the_selectbox_follows(dirs: tuple[Path, Path]) -> None:
    tables = pipeline.read_tables(dirs[1])
    base = tables.places[tables.places["name"] == "Khmeimim Air Base"].iloc[0]
    at = _click(_run(), float(base["lat"]), float(base["lon"]), "Khmeimim Air Base2 events · military base")
    assert at.selectbox[0].value == "Khmeimim Air Base"
    panel = _panel(at)
    assert re.findall(r"\.txt:(\d+)<", panel) == ["8", "17"]  # "Kheimin airbase" on line 8, named on line 17
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
    assert last.isoformat() == "2024-12-09"  # the seed's last dated line: "TASS reported on Dec. 9" (line 8)
    assert _count_line(at).startswith(f"**1 of {len(tables.events)} events · 3 places on the map")
    assert at.query_params["from"] == last.isoformat() and at.query_params["to"] == last.isoformat()


def test_a_permalink_reopens_the_same_view(dirs: tuple[Path, Path]) -> None:
    tables = pipeline.read_tables(dirs[1])
    at = _run(**{"from": "2024-12-08", "to": "2024-12-09", "claim": "reported", "sel": "Damascus"})
    # reported on Dec. 8-9, by hand: lines 5, 7, 8, 10 and 15 (13 is retracted, 14 claimed)
    assert _count_line(at).startswith(f"**5 of {len(tables.events)} events")
    assert at.multiselect[2].value == ["reported"] and at.selectbox[0].value == "Damascus"
    assert "<h3>Damascus</h3>" in _panel(at)


def test_a_bad_permalink_opens_with_a_note(dirs: tuple[Path, Path]) -> None:
    at = _run(**{"from": "yesterday", "kind": "planet", "source": "No Such Wire"})
    warnings = as_shown(" ".join(w.value for w in at.warning))
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


HOSTILE = "[SESSION EXPIRED: log in here](https://evil.example/login) ![t](https://evil.example/t.png) :red[ALERT] $x$"


def test_text_from_the_link_is_shown_as_text_not_markdown(dirs: tuple[Path, Path]) -> None:
    at = _run(q=HOSTILE, source=HOSTILE, sel=HOSTILE)
    caption = at.caption[0].value
    assert as_shown(caption) == f"Showing: text contains \u201c{HOSTILE}\u201d"
    assert f"ignored source {HOSTILE!r} from the link" in as_shown(" ".join(w.value for w in at.warning))
    for raw in (caption, *(w.value.removeprefix("Permalink: ") for w in at.warning)):
        # every Markdown-active character is escaped: no link, image, colour or formula can form
        assert not re.search(r"(?<!\\)[\[\]()!:$]", raw), raw
    assert "<h3>[SESSION EXPIRED: log in here](https://evil.example/login)" in _panel(at)  # the heading: HTML-escaped


def test_forty_thousand_source_values_give_a_few_warnings(dirs: tuple[Path, Path]) -> None:
    at = _run(source="|".join(f"Wire {i}" for i in range(40_000)))
    texts = [as_shown(w.value) for w in at.warning]
    assert len(texts) == 6, texts
    assert "ignored 39,900 more source values" in texts[0]
    assert texts[-1] == "Permalink: … and 96 more values from the link were ignored."


def test_a_search_that_finds_nothing_with_a_selected_place_shows_no_traceback(dirs: tuple[Path, Path]) -> None:
    at = _run(q="zzzz", sel="Latakia")
    assert _count_line(at).startswith("**0 of ")
    panel = _panel(at)
    assert "<h3>Latakia</h3>" in panel and "No events for this place under the current filters." in panel


def test_an_unexpected_error_shows_a_plain_message_without_paths(dirs: tuple[Path, Path],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip

    def broken(*args: object) -> str:
        raise KeyError("/srv/secret/path/dashboard/views/query.py: date_first")

    from dashboard.views import controls

    monkeypatch.setattr(controls, "filters_from_inputs", broken)
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    assert len(at.exception) == 1
    shown = at.exception[0]
    assert "encountered an error" in shown.message
    assert not shown.stack_trace and "/srv/secret" not in str(shown.proto) and "KeyError" not in str(shown.proto)


def test_the_panel_heading_from_the_link_is_escaped(dirs: tuple[Path, Path]) -> None:
    at = _run(sel="<img src=x onerror=alert(1)>Damascus")
    panel = _panel(at)
    assert "<h3>&lt;img src=x onerror=alert(1)&gt;Damascus</h3>" in panel and "<img" not in panel
