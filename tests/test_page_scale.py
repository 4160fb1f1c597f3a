"""Issue 12: what keeps the page fast at 100k events, asserted as structure, not time.

Nothing is formatted for a row the page does not show: the events table is cut
to its first rows, and a place's panel to its first events and quotes, before
any row becomes text. The limits are lowered here so a hand-made corpus of 14
events crosses them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.corpus import pipeline
from dashboard.views import listing, pagedata, panels

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    # By hand: 12 events in Homs (Dec. 1 to 12), 2 in Idlib; 14 events in all.
    lines = [f"Rebels entered Homs on Dec. {d}." for d in range(1, 13)]
    lines += ["Jets struck Idlib on Dec. 3.", "Jets struck Idlib on Dec. 4."]
    (seeds / "a.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (seeds / "a.meta.json").write_text(json.dumps({"source": "X", "reference_date": "2024-12-20"}), encoding="utf-8")
    pipeline.build(seeds, tmp_path / "build")
    monkeypatch.setenv("DASHBOARD_SEEDS", str(seeds))
    monkeypatch.setenv("DASHBOARD_BUILD_DIR", str(tmp_path / "build"))
    monkeypatch.setattr(pagedata, "TABLE_ROWS", 10)
    monkeypatch.setattr(pagedata, "PANEL_ROWS", 3)
    yield seeds


def _record(monkeypatch: pytest.MonkeyPatch, name: str, calls: list[tuple[str, int]]) -> None:
    real = getattr(listing, name)

    def counting(frame, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        calls.append((name, len(frame)))
        return real(frame, *args, **kwargs)

    monkeypatch.setattr(listing, name, counting)


def _panel_call(monkeypatch: pytest.MonkeyPatch, calls: list[tuple[str, int]]) -> None:
    real = panels.place_panel_html

    def counting(place, name, events, quotes, **totals):  # noqa: ANN001, ANN003, ANN202
        calls.append(("panel events", len(events)))
        calls.append(("panel quotes", len(quotes)))
        return real(place, name, events, quotes, **totals)

    monkeypatch.setattr(panels, "place_panel_html", counting)


def test_no_table_or_panel_is_formatted_for_rows_it_does_not_show(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, int]] = []
    for name in ("events_table", "undated_table", "event_item_html", "quote_item_html"):
        if name.endswith("_table"):
            _record(monkeypatch, name, calls)
    _panel_call(monkeypatch, calls)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert ("events_table", 10) in calls
    assert max(n for what, n in calls if what == "events_table") == 10, calls
    table = next(d for d in at.dataframe if "source line" in d.value.columns)
    assert len(table.value) == 10
    assert any("The first 10 of 14 events" in c.value for c in at.caption)

    at.selectbox(key="place_pick").set_value("Homs").run()
    assert not at.exception
    panel = "\n".join(e.proto.body for e in at.get("html"))
    assert "the first 3 of 12 events" in panel
    assert panel.count('class="event ') == 3
    assert max(n for what, n in calls if what == "panel events") == 3
    more = at.button(key="panel_more")
    assert more.label == "Show 3 more of 12 events"
    more.click().run()
    panel = "\n".join(e.proto.body for e in at.get("html"))
    assert "the first 6 of 12 events" in panel and panel.count('class="event ') == 6
    assert max(n for what, n in calls if what == "panel events") == 6
    # Dec. 1 to 6 in date order: the first page is the start of the place's story.
    assert [f"2024-12-0{d}" in panel for d in range(1, 7)] == [True] * 6 and "2024-12-07" not in panel


def test_a_rerun_with_nothing_changed_formats_nothing_again(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What sessions share is computed once per (build, filters): a plain rerun formats no table."""
    calls: list[tuple[str, int]] = []
    _record(monkeypatch, "events_table", calls)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    before = len(calls)
    at.text_input(key="f_query").set_value("idlib").run()
    assert ("events_table", 2) in calls[before:]  # by hand: the two Idlib events
    n = len(calls)
    at.run()
    AppTest.from_file(APP, default_timeout=60).run()  # a new session on the unfiltered page
    at.text_input(key="f_query").set_value("idlib").run()
    assert len(calls) == n, "the same filters on the same build are not formatted twice"


def test_the_map_renders_the_same_with_templates_compiled_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """templates_cache: the same map HTML (ids aside), and a second map compiles no template at all."""
    import re

    import branca.element
    import jinja2
    import pandas as pd

    from dashboard.views import maplayer, templates_cache

    places = pd.DataFrame({"name": ["Homs", "Giv`at ${x} <b>"], "kind": ["city", "base"], "lat": [34.7, 32.1],
                           "lon": [36.7, 34.8], "n_events": [3, 1]})  # fmt: skip

    def html() -> str:
        m = maplayer.base_map(None, outlines_url="/app/static/outlines.geojson")
        maplayer.places_layer(places, "Homs").add_to(m)
        return re.sub(r"[0-9a-f]{32}", "ID", m.get_root().render())

    monkeypatch.setattr(branca.element, "Template", jinja2.Template)
    plain = html()
    templates_cache.install()
    assert html() == plain
    compiled: list[str] = []
    real = jinja2.Environment.from_string
    monkeypatch.setattr(jinja2.Environment, "from_string", lambda self, s, *a, **k: compiled.append(s) or real(
        self, s, *a, **k))  # fmt: skip
    assert html() == plain
    assert compiled == []


def test_a_search_reads_no_row_for_a_word_and_no_filter_copies_a_whole_selection(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text filter answers a word from its token index (rows_checked stays 0), a phrase reads only the rows
    holding all its words, and the page copies the rows it shows, never the whole selection (`Selection._frame`)."""
    from dashboard.views import query, textsearch

    checked: list[int] = []
    real_check = textsearch.TextIndex._check
    monkeypatch.setattr(textsearch.TextIndex, "_check",
                        lambda self, rows, text: checked.append(len(rows)) or real_check(self, rows, text))  # fmt: skip
    copied: list[str] = []
    real_frame = query.Selection._frame
    monkeypatch.setattr(query.Selection, "_frame", lambda self, part: copied.append(part) or real_frame(self, part))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.text_input(key="f_query").set_value("IDLIB").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.markdown[0].value.startswith("**2 of 14 events")  # by hand: the two Idlib lines
    assert checked == [], "a one-word search read rows instead of the index"
    at.text_input(key="f_query").set_value("jets struck").run()
    assert at.markdown[0].value.startswith("**2 of 14 events")
    assert checked == [2], checked  # only the two lines holding both "jets" and "struck" are read
    at.text_input(key="f_query").set_value("ets stru").run()  # pieces of words still match, as a substring does
    assert at.markdown[0].value.startswith("**2 of 14 events")
    at.text_input(key="f_query").set_value("").run()
    at.multiselect(key="f_claims").set_value(["reported"]).run()
    assert not at.exception
    assert copied == [], f"the page copied whole selections: {copied}"
