"""Load and validate the project's gazetteer (geodata/gazetteer.csv).

The gazetteer is hand-checked data that every map point depends on, so a bad
row must stop the run with a message naming the file, the row and the fix,
rather than silently putting a marker in the sea.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dashboard.errors import GazetteerError

KINDS = ("city", "province", "country", "base", "region")
COLUMNS = ("name", "kind", "lat", "lon", "country", "aliases", "source", "source_ref")
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "geodata" / "gazetteer.csv"


@dataclass(frozen=True)
class Place:
    """One gazetteer entry; ``aliases`` never repeats ``name``."""

    name: str
    kind: str
    lat: float
    lon: float
    country: str
    aliases: tuple[str, ...]
    source: str
    source_ref: str

    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)


def _coordinate(raw: str, column: str, low: float, high: float, where: Callable[[], str]) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise GazetteerError(
            f"{where()}: {column} {raw!r} is not a number — write decimal degrees, e.g. 35.41"
        ) from None
    if not math.isfinite(value) or not low <= value <= high:
        raise GazetteerError(
            f"{where()}: {column} {raw!r} is outside {low:g}..{high:g} — "
            "check the value (lat and lon swapped?)"
        )
    return value


def _parse_row(row: dict[str, str | None], where: str) -> Place:
    return _parse_values([row.get(c) for c in COLUMNS], lambda: where)


def _parse_values(values: list[str | None], where: Callable[[], str]) -> Place:
    """One row's values, in the order of `COLUMNS` (None: the row stopped before that column); `where`
    names the file and row, made only for a message (5,000 rows: most of the time was such strings and dicts)."""
    if None in values:
        missing = [c for c, v in zip(COLUMNS, values, strict=True) if v is None]
        raise GazetteerError(
            f"{where()}: missing column(s) {', '.join(missing)} — "
            f"every row needs {len(COLUMNS)} fields: {','.join(COLUMNS)}"
        )
    name, kind, lat, lon, country, aliases, source, source_ref = (v.strip() for v in values)  # type: ignore[union-attr]
    if not name:
        raise GazetteerError(f"{where()}: empty name — give the place's common English name")
    if kind not in KINDS:
        raise GazetteerError(
            f"{where()}: unknown kind {kind!r} — use one of {', '.join(KINDS)}"
        )
    folded = name.casefold()
    aliases_kept = tuple(
        a for a in (a.strip() for a in aliases.split("|")) if a and a.casefold() != folded
    ) if aliases else ()
    return Place(
        name=name,
        kind=kind,
        lat=_coordinate(lat, "lat", -90.0, 90.0, where),
        lon=_coordinate(lon, "lon", -180.0, 180.0, where),
        country=country,
        aliases=aliases_kept,
        source=source,
        source_ref=source_ref,
    )


def _check_header(fieldnames: list[str] | None, path: Path) -> None:
    missing = [c for c in COLUMNS if c not in (fieldnames or [])]
    if missing:
        raise GazetteerError(
            f"{path}, row 1: header lacks column(s) {', '.join(missing)} — "
            f"the first line must be {','.join(COLUMNS)}"
        )


def load_gazetteer(path: str | Path = DEFAULT_PATH) -> list[Place]:
    """Read and validate every row; rows are numbered as lines (header = row 1)."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise GazetteerError(
            f"{path}: cannot open the gazetteer ({exc.strerror}) — "
            "regenerate it with geodata/build_gazetteer.py"
        ) from exc
    places: list[Place] = []
    seen: dict[str, int] = {}
    with handle:
        # Rows as lists, each column found by its header name (as `csv.DictReader` would: blank lines
        # skipped, a short row's missing fields None, a repeated header name its last column).
        reader = csv.reader(handle)
        header = next(reader, None)
        _check_header(header, path)
        assert header is not None
        index = {name: i for i, name in enumerate(header)}
        columns, width = [index[c] for c in COLUMNS], len(header)
        for row in reader:
            if not row:
                continue
            number = reader.line_num

            def where(number: int = number) -> str:
                return f"{path}, row {number}"

            if len(row) > width:
                raise GazetteerError(
                    f"{where()}: too many fields — quote values that contain commas"
                )
            place = _parse_values([row[i] if i < len(row) else None for i in columns], where)
            key = place.name.casefold()
            if key in seen:
                raise GazetteerError(
                    f"{where()}: duplicate name {place.name!r} (first on row {seen[key]}) — "
                    "merge the rows or make the names distinct"
                )
            seen[key] = number
            places.append(place)
    return places
