"""A build's extraction cache entry (issue 12, build time at 1M): written without waiting for the disk, in
the same JSON as before (field order and values), and read back as the extraction it was."""

from __future__ import annotations

import json
import os
from pathlib import Path

from dashboard.corpus import pipeline
from dashboard.extraction.extract import Event, Extraction, PlaceMention, QuoteRecord


def test_a_cache_entry_is_the_extractions_fields_as_json_and_reads_back(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    synced: list[int] = []
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd))
    extraction = Extraction(
        events=[Event(1, 0, 22, "Jets struck Raqqa.", "2024-11-30", None, "day", "Nov. 30", ["Raqqa"], "reported",
                      [], ["Jets"], date_basis="text")],  # fmt: skip
        quotes=[QuoteRecord(2, 0, 9, "Calm.", "Peskov", None, None, None, [], None)],
        mentions=[PlaceMention(1, 12, 17, "Raqqa", "Raqqa", True)],
        duplicates=[3],
    )
    pipeline._store(tmp_path, "k1", extraction)
    text = (tmp_path / "k1.json").read_text(encoding="utf-8")
    assert json.loads(text) == {
        "events": [{"line": 1, "start": 0, "end": 22, "text": "Jets struck Raqqa.", "date": "2024-11-30",
                    "date_end": None, "date_precision": "day", "date_text": "Nov. 30", "places": ["Raqqa"],
                    "claim": "reported", "sources": [], "actors": ["Jets"], "claim_evidence": None,
                    "date_basis": "text", "mentioned": []}],
        "quotes": [{"line": 2, "start": 0, "end": 9, "text": "Calm.", "speaker": "Peskov", "role": None, "date": None,
                    "date_precision": None, "places": [], "event_index": None, "date_basis": None, "mentioned": []}],
        "mentions": [{"line": 1, "start": 12, "end": 17, "surface": "Raqqa", "place": "Raqqa", "known": True}],
        "duplicates": [3], "problems": [],
    }  # fmt: skip
    assert list(json.loads(text)["events"][0])[:4] == ["line", "start", "end", "text"]  # the dataclass's order
    assert synced == []  # a cache entry is made again if lost: no wait for the disk
    assert pipeline._cached(tmp_path, "k1") == extraction
    assert [p.name for p in tmp_path.iterdir()] == ["k1.json"]  # no temporary file left
