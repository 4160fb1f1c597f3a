"""Load and validate the project's gazetteer (geodata/gazetteer.csv).

The gazetteer is hand-checked data that every map point depends on, so a bad
row must stop the run with a message naming the file, the row and the fix,
rather than silently putting a marker in the sea.
"""

from __future__ import annotations

import csv
import math
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


def _coordinate(raw: str, column: str, low: float, high: float, where: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise GazetteerError(
            f"{where}: {column} {raw!r} is not a number — write decimal degrees, e.g. 35.41"
        ) from None
    if not math.isfinite(value) or not low <= value <= high:
        raise GazetteerError(
            f"{where}: {column} {raw!r} is outside {low:g}..{high:g} — "
            "check the value (lat and lon swapped?)"
        )
    return value


def _parse_row(row: dict[str, str | None], where: str) -> Place:
    missing = [c for c in COLUMNS if row.get(c) is None]
    if missing:
        raise GazetteerError(
            f"{where}: missing column(s) {', '.join(missing)} — "
            f"every row needs {len(COLUMNS)} fields: {','.join(COLUMNS)}"
        )
    values = {c: (row[c] or "").strip() for c in COLUMNS}
    if not values["name"]:
        raise GazetteerError(f"{where}: empty name — give the place's common English name")
    if values["kind"] not in KINDS:
        raise GazetteerError(
            f"{where}: unknown kind {values['kind']!r} — use one of {', '.join(KINDS)}"
        )
    aliases = tuple(
        a.strip() for a in values["aliases"].split("|")
        if a.strip() and a.strip().casefold() != values["name"].casefold()
    )
    return Place(
        name=values["name"],
        kind=values["kind"],
        lat=_coordinate(values["lat"], "lat", -90.0, 90.0, where),
        lon=_coordinate(values["lon"], "lon", -180.0, 180.0, where),
        country=values["country"],
        aliases=aliases,
        source=values["source"],
        source_ref=values["source_ref"],
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
        reader = csv.DictReader(handle)
        _check_header(reader.fieldnames, path)
        for row in reader:
            number = reader.line_num
            where = f"{path}, row {number}"
            if None in row:
                raise GazetteerError(
                    f"{where}: too many fields — quote values that contain commas"
                )
            place = _parse_row(row, where)
            key = place.name.casefold()
            if key in seen:
                raise GazetteerError(
                    f"{where}: duplicate name {place.name!r} (first on row {seen[key]}) — "
                    "merge the rows or make the names distinct"
                )
            seen[key] = number
            places.append(place)
    return places
