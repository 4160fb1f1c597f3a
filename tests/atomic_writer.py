"""A process that saves in a loop until it is killed: tests/test_atomic_kill.py kills it mid-write.

`python -m tests.atomic_writer KIND FOLDER`: prints "ready" after its first complete save, then
keeps saving, each save bigger or different from the last, forever.
"""

from __future__ import annotations

import itertools
import sys
from datetime import date
from pathlib import Path

from dashboard.corpus import ingest, review
from dashboard.files import atomic_write_text
from dashboard.geo.cache import NominatimCache
from dashboard.geo.geocode import Resolution

BLOCK = 2_000_000  # characters per document write: large enough that a kill lands inside one


def document_text(i: int) -> str:
    return f"Rebels entered Homs on Dec. {i % 28 + 1}, Reuters reported. Save {i}.\n"


def main(kind: str, folder: Path) -> None:
    for i in itertools.count():
        if kind == "text":
            letter = "AB"[i % 2]
            atomic_write_text(folder / "big.txt", letter * BLOCK + "\n")
        elif kind == "cache":
            cache = NominatimCache(folder / "geocode_cache.json")
            cache.put(f"place {i} " + "x" * 2000, Resolution(f"P{i}", "city", 35.0, 36.0, "SY", "osm", 0.5, "n"))
        elif kind == "override":
            review.save_override(f"Place {i}", 35.0, 36.0, "city", by="writer", folder=folder)
        elif kind == "save":
            meta = ingest.DocumentMeta("Reuters", date(2024, 12, 12), None, None, "writer")
            ingest.save(ingest.read_upload(document_text(i).encode(), None), meta, folder / "seeds", folder / "build")
        if i == 0:
            print("ready", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
