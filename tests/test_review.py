"""Place overrides and "marked wrong" marks: saved with who/when, atomically, under a lock, applied by the build."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pandas as pd
import pytest

from dashboard.auth import access
from dashboard.corpus import review
from dashboard.corpus.pipeline import build, read_tables
from dashboard.errors import GazetteerError, InputError
from dashboard.geo.cache import NominatimCache
from dashboard.geo.gazetteer import load_gazetteer
from dashboard.geo.geocode import Resolution
from dashboard.views.query import Filters, select

ARTICLE = (
    "A Russian convoy was stopped near Tell Hamdan on Dec. 11, witnesses said.\n"
    "Turkish-backed fighters entered Raqqa on Dec. 12, local officials said.\n"
    '"We will stay," said Ahmed Hassan, a commander in Raqqa, on Dec. 12.\n'
)


@pytest.fixture
def geo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "geodata"
    monkeypatch.setenv("DASHBOARD_GEODATA_DIR", str(folder))
    return folder


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    s = tmp_path / "seeds"
    s.mkdir()
    (s / "doc.txt").write_text(ARTICLE, encoding="utf-8")
    (s / "doc.meta.json").write_text(json.dumps({"source": "Reuters", "reference_date": "2024-12-13"}))
    return s


def place(tables, name: str) -> pd.Series:  # noqa: ANN001
    return tables.places.set_index("name").loc[name]


# -- overrides -------------------------------------------------------------------------

def test_an_override_places_an_unresolved_name_from_then_on(geo: Path, seeds: Path, tmp_path: Path) -> None:
    tables, _ = build(seeds, tmp_path / "build")
    assert place(tables, "Tell Hamdan")["status"] == "unresolved"
    assert "Tell Hamdan" in set(review.needs_review(tables.places)["name"])
    review.save_override("Tell Hamdan", 36.1, 37.2, "city", by="ana", note="village map sheet 12", country="sy")
    tables, _ = build(seeds, tmp_path / "build")
    row = place(tables, "Tell Hamdan")
    assert (row["status"], row["via"], row["confidence"]) == ("placed", "override", 1.0)
    assert (row["lat"], row["lon"], row["kind"], row["country"]) == (36.1, 37.2, "city", "SY")
    assert "ana" in row["source"] and "village map sheet 12" in row["source"]
    assert "Tell Hamdan" not in set(review.needs_review(tables.places)["name"])
    assert read_tables(tmp_path / "build").manifest["review"]["overrides_applied"] == 1


def test_an_override_wins_over_the_gazetteer(geo: Path, seeds: Path, tmp_path: Path) -> None:
    review.save_override("raqqa", 10.0, 20.0, "city", by="ana")
    tables, _ = build(seeds, tmp_path / "build")
    row = place(tables, "raqqa")
    assert (row["lat"], row["lon"], row["via"]) == (10.0, 20.0, "override")
    assert review.remove_override("Raqqa") and not review.remove_override("Raqqa")
    tables, _ = build(seeds, tmp_path / "build")
    assert place(tables, "Raqqa")["via"] == "gazetteer"


def test_overrides_file_records_who_what_when_and_replaces_only_the_same_name(geo: Path) -> None:
    review.save_override("Tell Hamdan", 36.1, 37.2, "city", by="ana")
    review.save_override("Umm Qasab", 35.0, 38.0, "base", by="bo", note="a, comma")
    review.save_override("tell hamdan", 36.3, 37.4, "city", by="cy")
    text = (geo / "overrides.csv").read_text()
    assert text.splitlines()[0] == "name,lat,lon,kind,country,note,by,at"
    got = review.load_overrides()
    assert sorted(o.name for o in got.values()) == ["Umm Qasab", "tell hamdan"]
    assert got["tell hamdan"].by == "cy" and got["tell hamdan"].lat == 36.3 and got["tell hamdan"].at.startswith("20")
    assert got["umm qasab"].note == "a, comma"


@pytest.mark.parametrize(
    ("row", "needle"),
    [
        ("Tell Hamdan,abc,37.2,city,SY,,ana,2024", "lat 'abc' is not a number"),
        ("Tell Hamdan,36.1,237.2,city,SY,,ana,2024", "outside"),
        ("Tell Hamdan,36.1,37.2,village,SY,,ana,2024", "unknown kind 'village'"),
        (",36.1,37.2,city,SY,,ana,2024", "empty name"),
        ("Tell Hamdan,36.1,37.2,city,SY,,ana,2024,extra", "too many fields"),
    ],
)
def test_a_malformed_override_row_names_file_and_row(geo: Path, seeds: Path, tmp_path: Path, row: str,
                                                      needle: str) -> None:  # fmt: skip
    geo.mkdir()
    (geo / "overrides.csv").write_text("name,lat,lon,kind,country,note,by,at\nUmm Qasab,35,38,base,SY,,bo,x\n" + row)
    with pytest.raises(GazetteerError) as info:
        build(seeds, tmp_path / "build")
    assert f"{geo / 'overrides.csv'}, row 3" in str(info.value) and needle in str(info.value)


def test_a_bad_header_is_refused(geo: Path) -> None:
    geo.mkdir()
    (geo / "overrides.csv").write_text("name,lat,lon\nX,1,2\n")
    with pytest.raises(GazetteerError, match="row 1: header lacks column"):
        review.load_overrides()


@pytest.mark.parametrize(
    ("args", "needle"),
    [(("X", 95, 10, "city", "ana"), "lat"), (("X", 10, 10, "town", "ana"), "kind"), (("X", 1, 2, "city", ""), "who")],
)
def test_bad_fixes_are_refused_and_nothing_is_written(geo: Path, args: tuple, needle: str) -> None:
    with pytest.raises(InputError, match=needle):
        review.save_override(*args)
    assert not (geo / "overrides.csv").exists()


def test_a_failed_write_keeps_the_previous_overrides(geo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    review.save_override("Tell Hamdan", 36.1, 37.2, "city", by="ana")
    before = (geo / "overrides.csv").read_bytes()
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError(28, "No space left")))
    with pytest.raises(OSError):
        review.save_override("Umm Qasab", 35.0, 38.0, "base", by="bo")
    monkeypatch.undo()
    assert (geo / "overrides.csv").read_bytes() == before
    assert not [p for p in geo.iterdir() if p.suffix == ".tmp"]


def test_concurrent_fixes_and_marks_lose_none(geo: Path) -> None:
    def fix(i: int) -> None:
        review.save_override(f"Place {i}", 30 + i / 10, 40, "city", by=f"user{i}")
        review.set_mark(f"doc:{i}:0", "event", True, by=f"user{i}")

    threads = [threading.Thread(target=fix, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(review.load_overrides()) == 12
    assert review.hidden_ids() == {f"doc:{i}:0" for i in range(12)}


# -- marked wrong ----------------------------------------------------------------------

def test_marked_wrong_is_hidden_not_deleted_and_can_come_back(geo: Path, seeds: Path, tmp_path: Path) -> None:
    tables, _ = build(seeds, tmp_path / "build")
    event_id = tables.events.loc[tables.events["primary_place"] == "Tell Hamdan", "event_id"].iloc[0]
    quote_id = tables.quotes["quote_id"].iloc[0]
    assert event_id == "doc:1:0"
    review.set_mark(event_id, "event", True, by="ana", note="convoy story was denied")
    review.set_mark(quote_id, "quote", True, by="ana")
    tables = read_tables(build(seeds, tmp_path / "build")[1].parent)
    assert len(tables.events) == 3 and len(tables.quotes) == 1  # kept
    assert tables.events.set_index("event_id")["hidden"].to_dict()[event_id]
    assert tables.quotes.set_index("quote_id")["hidden"].to_dict()[quote_id]
    shown = select(tables.events, tables.quotes, tables.places, Filters())
    assert event_id not in set(shown.events["event_id"]) and shown.quotes.empty
    assert "Tell Hamdan" not in set(shown.places["name"])  # its only event is hidden
    mark = review.load_marks()[event_id]
    assert (mark.by, mark.kind, mark.note) == ("ana", "event", "convoy story was denied") and mark.at
    review.set_mark(event_id, "event", False, by="bo")
    tables, _ = build(seeds, tmp_path / "build")
    shown = select(tables.events, tables.quotes, tables.places, Filters())
    assert event_id in set(shown.events["event_id"])
    assert review.load_marks()[event_id].by == "bo"  # who un-marked it is kept too


def test_bad_marks_are_refused(geo: Path) -> None:
    with pytest.raises(InputError):
        review.set_mark("not-an-id", "event", True, by="ana")
    with pytest.raises(InputError):
        review.set_mark("d:1:0", "place", True, by="ana")
    geo.mkdir()
    (geo / "review_marks.json").write_text("{not json")
    with pytest.raises(GazetteerError, match="review_marks.json: is not valid JSON"):
        review.hidden_ids()


# -- what to review and the choices offered ---------------------------------------------

def test_needs_review_picks_unplaced_online_and_low_confidence_places() -> None:
    places = pd.DataFrame([
        {"name": "A", "status": "unresolved", "via": None, "confidence": 0.0, "n_mentions": 1},
        {"name": "B", "status": "placed", "via": "nominatim", "confidence": 0.9, "n_mentions": 1},
        {"name": "C", "status": "placed", "via": "cache", "confidence": 0.3, "n_mentions": 1},
        {"name": "D", "status": "placed", "via": "gazetteer", "confidence": 1.0, "n_mentions": 5},
        {"name": "E", "status": "placed", "via": "override", "confidence": 1.0, "n_mentions": 5},
        {"name": "F", "status": "placed", "via": "cache", "confidence": 0.8, "n_mentions": 1},
    ])  # fmt: skip
    assert sorted(review.needs_review(places)["name"]) == ["A", "B", "C"]


def test_candidates_come_from_the_geocoder_cache_and_close_gazetteer_spellings(tmp_path: Path) -> None:
    cache = NominatimCache(tmp_path / "cache.json")
    cache.put("Kafr Nubl", Resolution("Kafr Nabl", "city", 35.61, 36.56, "SY", "osm", 0.4, "nominatim"))
    got = review.candidates("Kafr Nubl", load_gazetteer(), cache)
    assert got[0].origin == "geocoder cache" and got[0].lat == 35.61
    assert "Kafranbel" in [c.name for c in got if c.origin == "gazetteer"]
    assert review.candidates("Zzyzx Qqq", load_gazetteer()) == []


# -- who may write ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("env", "configured", "entered", "can_edit"),
    [
        ({"DASHBOARD_EDITING": "1"}, None, None, True),
        ({}, None, None, False),
        ({}, None, "anything", False),
        ({}, "s3cret", None, False),
        ({}, "s3cret", "wrong", False),
        ({}, "s3cret", "s3cret", True),
        ({"DASHBOARD_EDITING": "0"}, "s3cret", " s3cret ", True),
    ],
)
def test_only_the_local_flag_or_the_configured_key_allows_writing(
    env: dict, configured: str | None, entered: str | None, can_edit: bool
) -> None:
    a = access(env, configured, entered)
    assert a.can_edit is can_edit and a.reason
