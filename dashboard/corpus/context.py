"""What a build works with besides the text, and how it places the names extraction found.

`Context` holds the gazetteer, the extractor and the resolver, made once per run; `DocumentResult`
is one document's extraction and where it came from. `resolve_names` turns each name into a place
row: a person's fix first, then the gazetteer, then the resolver (cache, then Nominatim when on); a
name nobody can place is kept with the reason, never dropped.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dashboard.corpus.documents import (
    DocumentMeta,
    content_hash,
)
from dashboard.corpus.fixes import Override, load_overrides, override_row, overrides_path
from dashboard.geo.gazetteer import DEFAULT_PATH as GAZETTEER_PATH
from dashboard.geo.gazetteer import Place, load_gazetteer
from dashboard.geo.geocode import normalize
from dashboard.geo.resolver import Resolver

if TYPE_CHECKING:  # a build extracts in its worker: its own process imports the extraction's modules only there
    from dashboard.extraction.extract import Extraction, Extractor

ROOT = Path(__file__).resolve().parents[2]


def seeds_dir() -> Path:
    """The documents folder: `DASHBOARD_SEEDS`, read at call time (tests and deployments move it)."""
    return Path(os.environ.get("DASHBOARD_SEEDS") or ROOT / "seeds")


def build_dir() -> Path:
    """Where the tables and the extraction cache go: `DASHBOARD_BUILD_DIR`, read at call time."""
    return Path(os.environ.get("DASHBOARD_BUILD_DIR") or ROOT / "build")


SEEDS_DIR = seeds_dir()  # as at import: the defaults of the functions below


BUILD_DIR = build_dir()


EXTRACTOR_VERSION = "26"  # bump when extraction output changes, to drop cached results


@dataclass
class Context:
    """What extraction needs besides the text: built once per run."""

    places: list[Place]
    resolver: Resolver
    gazetteer_hash: str
    _extractor: Extractor | None = field(default=None, repr=False)

    @property
    def extractor(self) -> Extractor:
        """Made on first use: a build extracts in its worker process, which makes its own."""
        if self._extractor is None:
            from dashboard.extraction.extract import Extractor

            self._extractor = Extractor(self.places)
        return self._extractor

    @classmethod
    def create(cls, gazetteer_path: Path = GAZETTEER_PATH, resolver: Resolver | None = None) -> Context:
        places, gazetteer_hash = _gazetteer(Path(gazetteer_path))
        return cls(places=places, resolver=resolver or Resolver(places), gazetteer_hash=gazetteer_hash)


_GAZETTEERS: dict[str, tuple[tuple, list[Place], str]] = {}  # path -> (file signature, places, content hash)


def _gazetteer(path: Path) -> tuple[list[Place], str]:
    """The gazetteer's places and hash, parsed again only when its file changes (the app's server builds on
    every save: 5,000 places took 0.1 s to parse). Places are frozen; each caller gets its own list."""
    try:
        st = path.stat()
    except OSError:
        return load_gazetteer(path), ""  # raises the gazetteer's own message (missing, unreadable)
    sig = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
    kept = _GAZETTEERS.get(str(path))
    if kept is None or kept[0] != sig:
        data = path.read_bytes()
        kept = (sig, load_gazetteer(path), content_hash(data))
        _GAZETTEERS[str(path)] = kept
    return list(kept[1]), kept[2]


@dataclass
class DocumentResult:
    doc_id: str
    path: str
    meta: DocumentMeta
    extraction: Extraction | None  # None: not read, the row store already holds its rows (`key`)
    warnings: list[str] = field(default_factory=list)
    key: str = ""  # the extraction's cache key: content, reference date, gazetteer, extractor version


def resolve_places(results: list[DocumentResult], ctx: Context,
                   overrides: Mapping[str, Override] | None = None) -> dict[str, dict[str, Any]]:  # fmt: skip
    """Every place named in the results, keyed by the name extraction used (see `resolve_names`)."""
    mentions: dict[str, list[str]] = {}
    for r in results:
        for m in r.extraction.mentions:
            forms = mentions.setdefault(m.place, [])
            if m.surface not in forms:
                forms.append(m.surface)
    return resolve_names(mentions, ctx, overrides)


def resolve_names(mentions: dict[str, list[str]], ctx: Context,
                  overrides: Mapping[str, Override] | None = None) -> dict[str, dict[str, Any]]:  # fmt: skip
    """Each name extraction used (with the forms it was written in), resolved to a place row.

    Gazetteer places come straight from the gazetteer; unknown names go to the
    resolver (cache, then Nominatim when enabled). A name nobody can place is
    kept with null coordinates and the reason, never dropped. A person's fix in ``overrides`` (by
    normalised name; default: the overrides file in the geodata folder) wins over both.
    """
    by_name = {p.name: p for p in ctx.places}
    if overrides is None:
        overrides = load_overrides(overrides_path())
    out: dict[str, dict[str, Any]] = {}
    for name, forms in mentions.items():
        place = by_name.get(name)
        override = overrides.get(normalize(name)) if overrides else None  # (no fixes: no key to make)
        if override is not None:
            out[name] = override_row(override, forms)
            continue
        if place is not None:
            out[name] = _place_row(place.name, place.kind, place.lat, place.lon, place.country,
                                   place.source, place.source_ref, "gazetteer", 1.0, forms)
            continue
        res = ctx.resolver.resolve(name)
        if res is None:
            row = _place_row(name, None, None, None, None, None, None, None, 0.0, forms)
            row.update(status="unresolved", reason=_unresolved_reason(ctx.resolver))
            out[name] = row
        else:
            out[name] = _place_row(res.name if res.via == "gazetteer" else name, res.kind, res.lat, res.lon,
                                   res.country, res.source, None, res.via, res.confidence, forms)
    return out


def _unresolved_reason(resolver: Resolver) -> str:
    if resolver.online is None:
        return "not in the gazetteer; online geocoding is off (set DASHBOARD_NOMINATIM=1 to try Nominatim)"
    if resolver.online_tripped:
        return "not in the gazetteer; the online geocoder failed (see problems)"
    return "not in the gazetteer; the online geocoder found nothing"


def _place_row(name, kind, lat, lon, country, source, source_ref, via, confidence, forms) -> dict[str, Any]:  # noqa: ANN001
    return {
        "name": name, "kind": kind, "lat": lat, "lon": lon, "country": country, "source": source,
        "source_ref": source_ref, "via": via, "confidence": confidence, "status": "placed",
        "reason": None, "mentions": list(forms), "n_mentions": len(forms),
    }  # fmt: skip
