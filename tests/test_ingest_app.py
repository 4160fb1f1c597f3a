"""The Add and review page under Streamlit's AppTest: add -> preview -> save, fix a place, mark wrong, read-only."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.corpus import review
from dashboard.corpus.documents import content_hash
from dashboard.corpus.pipeline import read_tables
from tests.support import as_shown

ROOT = Path(__file__).resolve().parent.parent
PAGE = str(ROOT / "dashboard" / "pages" / "1_Add_and_review.py")
ARTICLE = (
    "A Russian convoy was stopped near Tell Hamdan on Dec. 11, witnesses said.\n"
    "Turkish-backed fighters entered Raqqa on Dec. 12, officials said <img src=x onerror=alert(1)> ${x}.\n"
)


@pytest.fixture
def dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    d = {"seeds": tmp_path / "seeds", "build": tmp_path / "build", "geo": tmp_path / "geodata"}
    shutil.copytree(ROOT / "seeds", d["seeds"])
    monkeypatch.setenv("DASHBOARD_SEEDS", str(d["seeds"]))
    monkeypatch.setenv("DASHBOARD_BUILD_DIR", str(d["build"]))
    monkeypatch.setenv("DASHBOARD_GEODATA_DIR", str(d["geo"]))
    monkeypatch.delenv("DASHBOARD_EDITING", raising=False)
    return d


def page() -> AppTest:
    return AppTest.from_file(PAGE, default_timeout=120)


def fill(at: AppTest, text: str = ARTICLE, source: str = "Reuters") -> AppTest:
    at.text_input(key="who").input("ana")
    at.text_area(key="paste_text").input(text)
    at.text_input(key="source").input(source)
    at.text_input(key="url").input("https://example.com/convoy")
    at.date_input(key="published").set_value(datetime.date(2024, 12, 13))
    return at.button(key="preview_btn").click().run()


def documents(seeds: Path) -> list[str]:
    return sorted(p.name for p in seeds.iterdir() if not p.name.startswith("."))


def test_add_preview_save_then_fix_the_place_and_mark_an_event(dirs: dict[str, Path],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("DASHBOARD_EDITING", "1")
    before = documents(dirs["seeds"])
    at = fill(page().run())
    assert not at.exception and not at.error
    assert "2 events" in at.markdown[0].value and "reference date 2024-12-13" in at.markdown[0].value
    html = at.get("html")[0].proto.body
    assert '<mark class="hl-place" title="Tell Hamdan">Tell Hamdan</mark>' in html
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html and "${" not in html
    assert "Tell Hamdan" in at.warning[0].value
    assert documents(dirs["seeds"]) == before  # a preview saves nothing

    at.button(key="save_btn").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.success[-1].value.startswith("Saved ") and "refresh." in at.success[-1].value  # a sentence, full stop
    assert at.text_area(key="paste_text").value == "" and at.text_input(key="source").value == ""  # form cleared
    new = [n for n in documents(dirs["seeds"]) if n not in before]
    assert len(new) == 2 and new[0].startswith("reuters_2024-12-13_")
    tables = read_tables(dirs["build"])
    assert "Tell Hamdan" in set(tables.places["name"]) and "Raqqa" in set(tables.places["name"])

    # Review: the unplaced name is listed; enter coordinates by hand and save.
    k = content_hash("Tell Hamdan")[:10]
    assert any(e.label.startswith("Tell Hamdan — not in the gazetteer") for e in at.expander)
    at.radio(key=f"pick_{k}").set_value("Enter coordinates").run()
    at.number_input(key=f"lat_{k}").set_value(35.9)
    at.number_input(key=f"lon_{k}").set_value(38.1)
    at.text_input(key=f"note_{k}").input("from the village's Wikipedia page")
    at.button(key=f"fix_{k}").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    o = review.load_overrides()["tell hamdan"]
    assert (o.lat, o.lon, o.by) == (35.9, 38.1, "ana")
    row = read_tables(dirs["build"]).places.set_index("name").loc["Tell Hamdan"]
    assert (row["status"], row["via"], row["lat"]) == ("placed", "override", 35.9)

    # A wrong fix can be undone: the name is unplaced again, and can be placed again.
    at.selectbox(key="undo_pick").set_value("Tell Hamdan")
    at.button(key="undo_fix").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "tell hamdan" not in review.load_overrides()
    assert read_tables(dirs["build"]).places.set_index("name").loc["Tell Hamdan", "status"] == "unresolved"
    at.radio(key=f"pick_{k}").set_value("Enter coordinates").run()
    at.number_input(key=f"lat_{k}").set_value(35.9)
    at.number_input(key=f"lon_{k}").set_value(38.1)
    at.button(key=f"fix_{k}").click().run()
    assert review.load_overrides()["tell hamdan"].lat == 35.9

    # Mark the convoy event wrong: hidden in the tables, still there.
    at.text_input(key="mark_query").input("convoy").run()
    ms = at.multiselect(key="marks_event_convoy")
    assert len(ms.options) == 1
    convoy = read_tables(dirs["build"]).events.set_index("text").filter(like="convoy", axis=0)
    assert ms.options[0].startswith(f"{Path(convoy['path'].iloc[0]).name}:1 · A Russian convoy")  # no internal id
    ms.set_value([convoy["event_id"].iloc[0]]).run()
    at.button(key="save_marks_event").click().run()
    assert not at.exception and not at.error
    events = read_tables(dirs["build"]).events
    hit = events[events["text"].str.contains("convoy")]
    assert len(hit) == 1 and bool(hit["hidden"].iloc[0])


def test_bad_input_shows_a_clear_message_and_saves_nothing(dirs: dict[str, Path],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("DASHBOARD_EDITING", "1")
    before = documents(dirs["seeds"])
    at = fill(page().run(), text="   \n ")
    assert "empty" in at.error[0].value
    at = fill(page().run(), source="")
    assert "source" in at.error[0].value
    assert not at.button(key="preview_btn").disabled and "save_btn" not in [b.key for b in at.button]
    assert documents(dirs["seeds"]) == before


def test_visitor_without_the_key_can_read_but_change_nothing(dirs: dict[str, Path]) -> None:
    at = page()
    at.secrets["editor_key"] = "s3cret"
    at.run()
    assert "enter the editor key" in at.info[0].value
    for widget in (at.button(key="preview_btn"), at.text_area(key="paste_text"), at.text_input(key="source")):
        assert widget.disabled
    at.text_input(key="editor_key_input").input("nope").run()
    assert "not right" in at.info[0].value and at.button(key="preview_btn").disabled
    at.text_input(key="editor_key_input").input("s3cret").run()
    assert "key accepted" in at.success[0].value and not at.button(key="preview_btn").disabled


def test_no_key_configured_means_read_only(dirs: dict[str, Path]) -> None:
    at = page().run()
    assert "Read-only" in as_shown(at.info[0].value) and at.button(key="preview_btn").disabled
    assert "editor_key_input" not in [t.key for t in at.text_input]


def test_wrong_keys_lock_the_page_out_with_the_wait_said(dirs: dict[str, Path]) -> None:
    at = page()
    at.secrets["editor_key"] = "a-long-random-editor-key-for-tests"
    at.run()
    for i in range(4):
        at.text_input(key="editor_key_input").input(f"guess-{i}").run()
        assert f"{4 - i} more wrong" in at.info[0].value
    at.text_input(key="editor_key_input").input("guess-4").run()
    assert "try again in 60 s" in at.info[0].value
    at.text_input(key="editor_key_input").input("a-long-random-editor-key-for-tests").run()
    assert "too many wrong editor keys" in at.info[0].value and at.button(key="preview_btn").disabled


def test_the_preview_callback_checks_the_key_itself(dirs: dict[str, Path]) -> None:
    key = "a-long-random-editor-key-for-tests"
    at = page()
    at.secrets["editor_key"] = key
    at.run()
    at.text_input(key="editor_key_input").input(key).run()
    assert not at.button(key="preview_btn").disabled
    at.text_input(key="who").input("ana")
    at.text_area(key="paste_text").input(ARTICLE)
    at.text_input(key="source").input("Reuters")
    at.date_input(key="published").set_value(datetime.date(2024, 12, 13))
    # One message carrying a wrong key and the click (the button was enabled when drawn): the
    # callback runs before the page redraws, so only its own check stops it.
    at.text_input(key="editor_key_input").input("wrong")
    at.button(key="preview_btn").click().run()
    assert "preview" not in at.session_state and "Read-only" in at.error[0].value.replace("\\", "")


def test_a_markdown_file_name_is_shown_as_text_in_the_preview(dirs: dict[str, Path],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from dashboard.corpus import ingest, preview_worker
    from dashboard.corpus.documents import DocumentMeta

    monkeypatch.setenv("DASHBOARD_EDITING", "1")
    incoming = ingest.read_upload(ARTICLE.encode(), "[click](evil.example) **big** ![x](evil.png).md")
    meta = DocumentMeta("Reuters", datetime.date(2024, 12, 13))
    at = page()
    at.session_state["preview"] = preview_worker.preview(incoming, meta)
    at.run()
    summary = at.markdown[0].value
    assert r"\[click\]\(evil\.example\) \*\*big\*\* \!\[x\]\(evil\.png\)\.md" in summary
    assert "](" not in summary and " **big" not in summary


def test_a_preview_that_runs_too_long_is_stopped_with_a_message(dirs: dict[str, Path],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("DASHBOARD_EDITING", "1")
    monkeypatch.setenv("DASHBOARD_TEST_SLOW_MARKER", "STALL-EXTRACTION")
    monkeypatch.setenv("DASHBOARD_EXTRACT_SECONDS", "2")
    before = documents(dirs["seeds"])
    at = fill(page().run(), text=ARTICLE + "STALL-EXTRACTION\n")
    assert "The preview took longer than 2 s and was stopped" in at.error[0].value.replace("\\", "")
    assert "save_btn" not in [b.key for b in at.button] and documents(dirs["seeds"]) == before


def test_geocoder_answers_are_listed_and_can_be_forgotten(dirs: dict[str, Path], tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from dashboard.geo.cache import NominatimCache
    from dashboard.geo.geocode import Resolution

    monkeypatch.setenv("DASHBOARD_EDITING", "1")
    cache_path = tmp_path / "geocode_cache.json"
    monkeypatch.setenv("DASHBOARD_GEOCODE_CACHE", str(cache_path))
    cache = NominatimCache(cache_path)
    cache.put("Kafr Nabl", None)
    cache.put("[Tell](https://evil.example) **Hamdan**", Resolution("Tell Hamdan", "city", 35.9, 38.1, "SY", "osm",
                                                                     0.5, "nominatim"))  # fmt: skip
    at = fill(page().run())  # a first run builds the tables
    at.button(key="save_btn").click().run()
    listing = next(e for e in at.expander if "names asked of the online geocoder" in e.label)
    assert listing.label.startswith("2 names")
    at.text_input(key="who").input("ana")
    at.selectbox(key="forget_pick").set_value("kafr nabl")
    at.button(key="forget_btn").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert [e["query"] for e in NominatimCache(cache_path).entries()] == ["[tell](https://evil.example) **hamdan**"]
    shown = " ".join(m.value.replace("\\", "") for m in at.success)
    assert "Forgot the geocoder's answer for kafr nabl" in shown
