"""The pipeline end to end: geocoding fallbacks, the build cache, and invariants on any text."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.corpus.pipeline import Context, build, read_tables
from dashboard.extraction.extract import Extractor
from dashboard.geo.gazetteer import DEFAULT_PATH, load_gazetteer
from tests.nominatim_server import place_record

ROOT = Path(__file__).resolve().parent.parent
EXTRACTOR = Extractor(load_gazetteer(DEFAULT_PATH))
NEWS_WORDS = st.sampled_from(
    ['"', "\u201c", "\u201d", "said", "Dec.", "8", "on", "Homs", "Syria's", "Kheimin airbase", "U.S.", "the", ",",
     ".", " ", "\n", "according to", "claimed", "March 22, 2024", "Nov. 30-Dec. 1", "al-Assad", "Reuters", "![x](",
     "http://a.b/Damascus", ")", "`", "${x}", "<script>", "Latakia province", "'s", "\u2019s", "yesterday"]
)  # fmt: skip
TEXTS = st.one_of(st.text(max_size=400), st.lists(NEWS_WORDS, max_size=80).map(" ".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_extraction_never_raises_and_every_span_is_the_source(text: str) -> None:
    result = EXTRACTOR.extract(text, date(2024, 12, 10))
    lines = text.splitlines()
    for item in [*result.events, *result.quotes]:
        assert lines[item.line - 1][item.start : item.end] == item.text
    for m in result.mentions:
        assert lines[m.line - 1][m.start : m.end] == m.surface
    for e in result.events:
        assert e.claim in ("reported", "claimed", "retracted")
        if e.date:
            date.fromisoformat(e.date if len(e.date) == 10 else (e.date + "-01")[:10] if len(e.date) == 7 else
                               e.date + "-01-01")  # fmt: skip


def test_every_gazetteer_coordinate_is_in_range() -> None:
    for p in load_gazetteer(DEFAULT_PATH):
        assert -90 <= p.lat <= 90 and -180 <= p.lon <= 180, p


def _extract_with_nominatim(doc: Path, stub, tmp_path: Path) -> tuple[int, dict, str]:  # noqa: ANN001
    env = dict(
        os.environ,
        DASHBOARD_NOMINATIM="1",
        DASHBOARD_NOMINATIM_DOMAIN=stub.domain,
        DASHBOARD_NOMINATIM_SCHEME="http", DASHBOARD_NOMINATIM_ALLOW_HTTP="1",
        DASHBOARD_GEOCODE_CACHE=str(tmp_path / "cache.json"),
    )
    r = subprocess.run(
        [sys.executable, "-m", "dashboard", "extract", str(doc), "--reference-date", "2024-12-10"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return r.returncode, json.loads(r.stdout) if r.returncode == 0 else {}, r.stderr


def test_unknown_place_is_placed_by_nominatim_when_enabled(nominatim_server, tmp_path: Path) -> None:
    nominatim_server.results["kafr zeita"] = [place_record("Kafr Zeita", 35.3746, 36.6006, importance=0.4)]
    doc = tmp_path / "a.txt"
    doc.write_text("Shelling hit the village of Kafr Zeita on Dec. 3, near Hama.\n", encoding="utf-8")
    code, data, err = _extract_with_nominatim(doc, nominatim_server, tmp_path)
    assert code == 0, err
    kz = next(p for p in data["places"] if p["name"] == "Kafr Zeita")
    assert (kz["lat"], kz["lon"], kz["via"]) == (35.3746, 36.6006, "nominatim")
    assert [r.params["q"] for r in nominatim_server.requests] == ["Kafr Zeita"]  # Hama came from the gazetteer
    code, data, err = _extract_with_nominatim(doc, nominatim_server, tmp_path)
    assert code == 0 and len(nominatim_server.requests) == 1  # the second run answers from the cache


def test_nominatim_failure_does_not_stop_extraction(nominatim_server, tmp_path: Path) -> None:
    nominatim_server.mode = "503"
    doc = tmp_path / "a.txt"
    doc.write_text("Shelling hit the village of Kafr Zeita on Dec. 3, near Hama.\n", encoding="utf-8")
    code, data, err = _extract_with_nominatim(doc, nominatim_server, tmp_path)
    assert code == 0, err
    kz = next(p for p in data["places"] if p["name"] == "Kafr Zeita")
    assert kz["lat"] is None and "failed" in kz["reason"]
    assert any("503" in p for p in data["problems"]) and "503" in err
    assert next(p for p in data["places"] if p["name"] == "Hama")["lat"] is not None


def test_second_build_reextracts_only_the_changed_document(tmp_path: Path) -> None:
    """Each extraction is stored once in build/cache by content; a rebuild writes only the new document's."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in (("a", "Rebels entered Homs on Dec. 7."), ("b", "Jets struck Idlib on Dec. 1.")):
        (seeds / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        (seeds / f"{name}.meta.json").write_text('{"source": "X", "reference_date": "2024-12-10"}', encoding="utf-8")
    ctx = Context.create()
    cache = tmp_path / "build" / "cache"
    build(seeds, tmp_path / "build", ctx)
    first = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.json")}
    assert len(first) == 2
    (seeds / "c.txt").write_text("Rebels entered Hama on Dec. 5.\n", encoding="utf-8")
    (seeds / "c.meta.json").write_text('{"source": "X", "reference_date": "2024-12-10"}', encoding="utf-8")
    build(seeds, tmp_path / "build", ctx)
    second = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.json")}
    assert len(second) == 3 and {k: second[k] for k in first} == first  # a and b were not extracted again
    again = read_tables(tmp_path / "build")
    assert sorted(again.events["primary_place"]) == ["Hama", "Homs", "Idlib"]
    assert list(again.events["date"].sort_values()) == ["2024-12-01", "2024-12-05", "2024-12-07"]


def test_only_the_ui_imports_streamlit() -> None:
    """Logic stays testable without a browser: only the Streamlit scripts import streamlit."""
    ui = {ROOT / "dashboard" / "app.py"} | set((ROOT / "dashboard" / "pages").glob("*.py"))
    offenders = []
    for path in (ROOT / "dashboard").rglob("*.py"):
        if path in ui:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])  # fmt: skip
            if any(n.split(".")[0] in ("streamlit", "streamlit_folium") for n in names):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def _write_doc(seeds: Path, name: str, text: str, source: str) -> None:
    (seeds / f"{name}.txt").write_text(text, encoding="utf-8")
    meta = {"source": source, "reference_date": "2024-12-10"}
    (seeds / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")


def _same_tables(a, b) -> None:  # noqa: ANN001
    import pandas as pd

    for name in ("events", "quotes", "places", "documents"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), check_dtype=False, obj=name)
    assert {k: v for k, v in a.manifest.items() if k != "built_at"} == {
        k: v for k, v in b.manifest.items() if k != "built_at"}


def test_a_rebuild_reads_only_the_new_document_and_equals_a_fresh_build(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """Issue 12: adding one document must not read every cached extraction back (the reduce's 7 s at 100k)."""
    import dashboard.corpus.pipeline as pipeline

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    _write_doc(seeds, "a", "Rebels entered Homs on Dec. 7, Reuters reported.\nJets struck Idlib on Dec. 1.\n", "AFP")
    _write_doc(seeds, "b", '"Hama is calm," Dmitry Peskov said on Dec. 5.\n', "TASS")
    ctx = Context.create()
    build(seeds, tmp_path / "build", ctx)
    reads: list[str] = []
    real = pipeline._cached
    monkeypatch.setattr(pipeline, "_cached", lambda cache_dir, key: reads.append(key) or real(cache_dir, key))
    # The same story as a's first line, from another outlet: the two fold into one event.
    _write_doc(seeds, "c", "Rebels entered Homs on Dec. 7, CNN reported.\n", "BBC")
    tables, _ = build(seeds, tmp_path / "build", ctx)
    assert len(reads) == 1, "only the new document's extraction is looked up; a and b come from the row store"
    homs = tables.events[tables.events["primary_place"] == "Homs"]
    assert len(homs) == 1 and int(homs.iloc[0]["n_sources"]) == 2
    assert "BBC" in list(homs.iloc[0]["sources"]) and homs.iloc[0]["also_reported_by"] == ["c:1:0"]
    assert sorted(tables.events["primary_place"]) == ["Hama", "Homs", "Idlib"]  # b's quote is dated: an event
    assert list(tables.documents["n_events"]) == [2, 1, 1]
    fresh, _ = build(seeds, tmp_path / "fresh", Context.create())
    _same_tables(tables, fresh)
    # Taking a document away again: its rows leave the tables, the others stay as a fresh build has them.
    (seeds / "a.txt").unlink()
    (seeds / "a.meta.json").unlink()
    after, _ = build(seeds, tmp_path / "build", ctx)
    assert list(after.events["primary_place"]) == ["Hama", "Homs"] and list(after.events["doc_id"]) == ["b", "c"]
    _same_tables(after, build(seeds, tmp_path / "fresh2", Context.create())[0])
    _same_tables(read_tables(tmp_path / "build"), read_tables(tmp_path / "fresh2"))


def test_a_name_dismissed_as_not_a_place_leaves_every_event_and_quote(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """Issue 11 #7: "Strategies" (from an organisation's name) marked "not a place" is no event's place any more."""
    from dashboard.corpus import review

    geo = tmp_path / "geodata"
    monkeypatch.setenv("DASHBOARD_GEODATA_DIR", str(geo))
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    # Tell Hamdan is in no gazetteer: extracted as a place that could not be placed, next to Homs.
    _write_doc(seeds, "a", "A convoy was stopped near Tell Hamdan and Homs on Dec. 7, Reuters reported.\n", "AFP")
    before, _ = build(seeds, tmp_path / "build", Context.create())
    assert sorted(before.events.iloc[0]["places"]) == ["Homs", "Tell Hamdan"]
    review.save_not_a_place("Tell Hamdan", by="ana", folder=geo)
    after, _ = build(seeds, tmp_path / "build", Context.create())
    assert list(after.events.iloc[0]["places"]) == ["Homs"] and after.events.iloc[0]["primary_place"] == "Homs"
    assert review.remove_override("Tell Hamdan", folder=geo)  # undone: the name is back
    again, _ = build(seeds, tmp_path / "build", Context.create())
    assert sorted(again.events.iloc[0]["places"]) == ["Homs", "Tell Hamdan"]
