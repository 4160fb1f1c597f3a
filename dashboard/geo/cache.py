"""The geocoder's memory: every online answer kept on disk, misses included, so a name is asked once.

The public Nominatim server forbids repeated and bulk queries, and analysts work offline; the cache
makes a second build ask nothing. It is written whole (temporary file and rename) under a lock.
"""

from __future__ import annotations

import json
import logging
import math
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dashboard.geo.geocode import CACHE_VERSION, DEFAULT_CACHE_PATH, Resolution, normalize, valid_resolution

log = logging.getLogger(__name__)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class NominatimCache:
    """Persistent query -> answer (or miss) store, so no name is asked twice.

    File layout: ``{"version": 1, "entries": {key: {"result": {...} | null,
    "time": ISO-8601}}}``. Writes are atomic (temp file + ``os.replace``) so a
    crash never leaves half a file; a corrupt file is moved aside to
    ``<path>.corrupt-<timestamp>`` (nothing lost) and an empty cache is used.
    """

    def __init__(self, path: str | Path = DEFAULT_CACHE_PATH,
                 now: Callable[[], datetime] = _utc_now) -> None:
        self.path = Path(path)
        self._now = now
        self._entries: dict[str, dict[str, Any]] = self._load()

    def _load(self) -> dict[str, dict[str, Any]]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        try:
            data = json.loads(text)
            entries = data["entries"]
            if not isinstance(entries, dict) or not all(
                isinstance(v, dict) and "result" in v for v in entries.values()
            ):
                raise ValueError("entries malformed")
            return entries
        except (ValueError, KeyError, TypeError) as exc:
            self._move_aside(exc)
            return {}

    def _move_aside(self, exc: Exception) -> None:
        stamp = self._now().strftime("%Y%m%dT%H%M%S%f")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        os.replace(self.path, aside)
        log.warning("geocode cache %s is unreadable (%s); moved it to %s and started empty",
                    self.path, exc, aside)

    def __contains__(self, query: str) -> bool:
        return normalize(query) in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, query: str, answer_max_age_days: float | None = None,
            miss_max_age_days: float | None = None) -> tuple[bool, Resolution | None]:
        """(found, answer): found=False means never asked (or asked too long ago); None is a cached miss.

        An entry older than its maximum age (or with no readable time, or an answer that is not
        a valid place) counts as never asked, so the caller asks the server again.
        """
        entry = self._entries.get(normalize(query))
        if entry is None:
            return False, None
        result = entry["result"]
        max_age = miss_max_age_days if result is None else answer_max_age_days
        if max_age is not None and self.age_days(entry) > max_age:
            return False, None
        if result is None:
            return True, None
        try:
            return True, valid_resolution(Resolution(**{**result, "via": "cache"}))
        except (TypeError, ValueError):
            return False, None

    def age_days(self, entry: Mapping[str, Any]) -> float:
        try:
            when = datetime.fromisoformat(str(entry.get("time")))
        except ValueError:
            return math.inf
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return (self._now() - when).total_seconds() / 86400

    def entries(self) -> list[dict[str, Any]]:
        """Every cached query with its answer (or "not found") and when it was asked, for review."""
        out = []
        for key, entry in sorted(self._entries.items()):
            result = entry.get("result")
            answer = "not found" if result is None else (
                f"{result.get('name')} ({result.get('kind')}) at {result.get('lat')}, {result.get('lon')}")
            out.append({"query": key, "answer": answer, "asked": str(entry.get("time") or ""),
                        "source": None if result is None else result.get("source")})  # fmt: skip
        return out

    def remove(self, query: str) -> bool:
        """Forget one query's answer or miss, so the next build asks again; False if it was not cached."""
        if self._entries.pop(normalize(query), None) is None:
            return False
        self.save()
        return True

    def put(self, query: str, result: Resolution | None) -> None:
        """Store an answer or a miss and write the file at once."""
        stored = None if result is None else {k: v for k, v in asdict(result).items() if k != "via"}
        self._entries[normalize(query)] = {"result": stored, "time": self._now().isoformat()}
        self.save()

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({"version": CACHE_VERSION, "entries": self._entries},
                             ensure_ascii=False, indent=1, sort_keys=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


