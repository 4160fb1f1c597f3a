"""Same story, many sources: one event per story, with its sources counted and listed; near misses stay apart."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from dashboard.corpus.merge import THRESHOLD, merge_events, similarity
from dashboard.corpus.pipeline import build, read_tables
from dashboard.corpus.tables import EVENT_COLUMNS

BASE = "Russian troops withdrew from Hmeimim air base on Dec. 12, Reuters reported."


def ev(doc: str, text: str, date: str = "2024-12-12", place: str | None = "Khmeimim Air Base", line: int = 1,
       precision: str = "day", hidden: bool = False, source: str | None = None, claim: str = "reported",
       evidence: str | None = None) -> dict:  # fmt: skip
    return {
        "event_id": f"{doc}:{line}:0", "doc_id": doc, "path": f"seeds/{doc}.txt", "line": line, "start": 0,
        "end": len(text), "text": text, "date": date, "date_end": None, "date_precision": precision,
        "date_text": None, "date_first": None, "date_last": None, "places": [place] if place else [],
        "primary_place": place, "claim": claim, "claim_evidence": evidence, "sources": [], "actors": [],
        "doc_source": source or doc.upper(), "hidden": hidden,
    }  # fmt: skip


def frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=EVENT_COLUMNS)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (BASE, "Russian troops withdrew from Hmeimim air base on Dec. 12, AFP said.", True),
        (BASE, "On Dec. 12 Russian troops withdrew from the Hmeimim air base, according to TASS.", True),
        (BASE, "Russian troops began withdrawing from Hmeimim air base on Dec. 12.", True),
        (BASE, "Syrian rebels shot down a drone over Hmeimim air base on Dec. 12, Reuters reported.", False),
        (BASE, "A Russian cargo plane landed at Hmeimim air base on Dec. 12.", False),
        (BASE, "", False),
        (BASE, 'Russian troops withdrew from Hmeimim air base on Dec. 12, "we are going home," one said.', True),
        ('"We will never leave Hmeimim," he said on Dec. 12.', '"Hmeimim stays Russian," he said on Dec. 12.', False),
    ],
)
def test_similarity_threshold_keeps_rewrites_and_splits_different_stories(a: str, b: str, same: bool) -> None:
    assert (similarity(a, b) >= THRESHOLD) is same


def test_two_documents_reporting_one_story_become_one_event() -> None:
    rows = frame(
        ev("a", BASE, source="Reuters"),
        ev("b", "Russian troops withdrew from Hmeimim air base on Dec. 12, AFP said.", line=4, source="AFP"),
        ev("c", "On Dec. 12 Russian troops withdrew from the Hmeimim air base, according to TASS.", line=2,
           source="TASS"),  # fmt: skip
    )
    out, renamed = merge_events(rows)
    assert len(out) == 1
    row = out.iloc[0]
    assert row["event_id"] == "a:1:0" and row["n_sources"] == 3
    assert row["also_reported_by"] == ["b:4:0", "c:2:0"] and row["also_sources"] == ["AFP", "TASS"]
    assert {"AFP", "TASS"} <= set(row["sources"])
    assert renamed == {"b:4:0": "a:1:0", "c:2:0": "a:1:0"}


@pytest.mark.parametrize(
    "other",
    [
        ev("b", BASE, date="2024-12-13"),  # another day
        ev("b", BASE, place="Tartus"),  # another place
        ev("b", "Syrian rebels shot down a drone over Hmeimim air base on Dec. 12, Reuters reported."),  # other words
        ev("a", BASE, line=9),  # same document: a repeat there is the extractor's business, not a second source
        ev("b", BASE, hidden=True),  # marked wrong: never absorbs or is absorbed
        ev("b", BASE, precision="month", date="2024-12"),  # no day
        ev("b", BASE, place=None),  # no place
    ],
)
def test_near_misses_stay_separate(other: dict) -> None:
    out, renamed = merge_events(frame(ev("a", BASE), other))
    assert len(out) == 2 and renamed == {} and set(out["n_sources"]) == {1}


def test_a_retracted_report_is_never_folded_into_another_sources_report() -> None:
    rows = frame(
        ev("a", BASE, source="Reuters"),
        ev("b", "Russian troops withdrew from Hmeimim air base on Dec. 12, TASS said.", source="TASS",
           claim="retracted", evidence="TASS later deleted the report."),  # fmt: skip
    )
    out, renamed = merge_events(rows)
    assert renamed == {} and len(out) == 2
    tass = out[out["doc_id"] == "b"].iloc[0]
    assert tass["claim"] == "retracted" and tass["claim_evidence"] == "TASS later deleted the report."
    assert tass["sources"] == [] and tass["n_sources"] == 1
    reuters = out[out["doc_id"] == "a"].iloc[0]
    assert reuters["claim"] == "reported" and "TASS" not in reuters["sources"] and reuters["also_sources"] == []


def test_two_retractions_of_one_story_merge_and_stay_retracted() -> None:
    rows = frame(
        ev("a", BASE, source="Reuters", claim="retracted", evidence="Reuters later deleted the report."),
        ev("b", "Russian troops withdrew from Hmeimim air base on Dec. 12, AFP said.", source="AFP",
           claim="retracted", evidence="AFP withdrew the story."),  # fmt: skip
    )
    out, _ = merge_events(rows)
    assert len(out) == 1 and out.iloc[0]["claim"] == "retracted" and out.iloc[0]["n_sources"] == 2


def test_a_claim_and_a_report_of_one_story_keep_their_own_status() -> None:
    out, renamed = merge_events(frame(ev("a", BASE), ev("b", BASE, claim="claimed")))
    assert renamed == {} and sorted(out["claim"]) == ["claimed", "reported"]


def test_build_merges_across_documents_and_quotes_follow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASHBOARD_GEODATA_DIR", str(tmp_path / "geodata"))
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    docs = {
        "a": ("Reuters", 'Russian troops withdrew from Raqqa on Dec. 12, "we are leaving," an officer said.\n'),
        "b": ("AFP", "Russian troops withdrew from Raqqa on Dec. 12, AFP said.\nRebels shelled Homs on Dec. 12.\n"),
    }
    for name, (source, text) in docs.items():
        (seeds / f"{name}.txt").write_text(text, encoding="utf-8")
        (seeds / f"{name}.meta.json").write_text(json.dumps({"source": source, "reference_date": "2024-12-14"}))
    build(seeds, tmp_path / "build")
    t = read_tables(tmp_path / "build")
    raqqa = t.events[t.events["primary_place"] == "Raqqa"]
    assert len(raqqa) == 1
    row = raqqa.iloc[0]
    assert row["n_sources"] == 2 and row["also_reported_by"] == ["b:1:0"] and row["also_sources"] == ["AFP"]
    assert isinstance(row["also_reported_by"], list)
    assert set(t.quotes["event_id"]) <= set(t.events["event_id"])
    assert t.manifest["review"]["merged_events"] == 1
    assert len(t.events) == 2  # Homs stays
