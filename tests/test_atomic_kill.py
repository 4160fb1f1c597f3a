"""Saves are atomic: a writer process killed (SIGKILL) in the middle of saving leaves whole files.

Nothing is patched: tests/atomic_writer.py saves in a loop in its own process, and the test kills
it at a random moment, several times, then reads what is on disk the way the app would.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from dashboard.corpus import pipeline, review
from dashboard.corpus.documents import load_meta
from dashboard.geo.cache import NominatimCache
from tests.atomic_writer import BLOCK, document_text

ROOT = Path(__file__).resolve().parent.parent


def kill_mid_write(kind: str, folder: Path, rounds: int, most: float, seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(rounds):
        proc = subprocess.Popen([sys.executable, "-m", "tests.atomic_writer", kind, str(folder)], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                env={**os.environ, "DASHBOARD_GEODATA_DIR": str(folder / "geo")})  # fmt: skip
        try:
            assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(0.05, most))
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)


def test_a_big_text_file_is_old_or_new_never_half(tmp_path: Path) -> None:
    kill_mid_write("text", tmp_path, rounds=6, most=1.0, seed=1)
    text = (tmp_path / "big.txt").read_text()
    assert text in ("A" * BLOCK + "\n", "B" * BLOCK + "\n")


def test_the_geocode_cache_always_parses_with_whole_entries(tmp_path: Path) -> None:
    kill_mid_write("cache", tmp_path, rounds=5, most=1.5, seed=2)
    data = json.loads((tmp_path / "geocode_cache.json").read_text(encoding="utf-8"))
    assert len(data["entries"]) >= 5 and not list(tmp_path.glob("*.corrupt-*"))
    assert all(e["result"]["lat"] == 35.0 for e in data["entries"].values())
    assert len(NominatimCache(tmp_path / "geocode_cache.json")) == len(data["entries"])


def test_the_overrides_file_always_loads(tmp_path: Path) -> None:
    kill_mid_write("override", tmp_path, rounds=5, most=1.0, seed=3)
    overrides = review.load_overrides(tmp_path / "overrides.csv")
    assert len(overrides) >= 5 and all(o.by == "writer" for o in overrides.values())


def test_saving_documents_and_rebuilding_leaves_whole_documents_and_readable_tables(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    pipeline.build(seeds, tmp_path / "build")
    kill_mid_write("save", tmp_path, rounds=4, most=3.0, seed=4)
    saved = [d for d in seeds.glob("*.txt") if not d.name.startswith("000_")]
    assert saved
    for doc in saved:
        text = doc.read_text(encoding="utf-8")
        assert text == document_text(int(text.rsplit("Save ", 1)[1].rstrip(".\n"))), doc.name  # whole
        assert load_meta(doc) is not None, f"{doc.name} lost its metadata"  # never a document without its date
    tables = pipeline.read_tables(tmp_path / "build")  # `current` always points at one whole build
    assert len(tables.documents) >= 1
