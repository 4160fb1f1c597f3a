"""Web assets (Leaflet) taken from installed packages and served by the app.

Leaflet's files come from the PyPI package django-js-lib-leaflet, so a hosted
deployment that only runs `pip install -r requirements.txt` has them too. They
are copied into dashboard/static/, which Streamlit serves at /app/static/.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"  # beside app.py: what Streamlit serves
STATIC_URL = "/app/static"
LEAFLET_FILES = ("leaflet.js", "leaflet.css")
CDN_LEAFLET_JS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.js"
CDN_LEAFLET_CSS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.css"


def leaflet_package_dir() -> Path | None:
    spec = importlib.util.find_spec("js_lib_leaflet")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "static" / "js_lib_leaflet"
    return folder if all((folder / f).is_file() for f in LEAFLET_FILES) else None


def leaflet_source(name: str) -> str | None:
    """The text of leaflet.js or leaflet.css from the installed package, if any."""
    folder = leaflet_package_dir()
    return (folder / name).read_text(encoding="utf-8") if folder else None


OUTLINES_SOURCE = Path(__file__).resolve().parents[2] / "geodata" / "outlines.geojson"
OUTLINES_FILE = "outlines.geojson"


def _copy(source: Path, target: Path) -> None:
    if target.is_file():
        old, new = target.stat(), source.stat()
        if old.st_size == new.st_size and old.st_mtime >= new.st_mtime:
            return
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    shutil.copyfile(source, tmp)
    tmp.replace(target)


def ensure_static_assets(static_dir: Path = STATIC_DIR) -> bool:
    """Copy Leaflet (and the basemap outlines) into the static folder; True when Leaflet is there.

    The outlines are served as a file rather than inlined in the map, so the
    map the app sends on every rerun stays small and the browser caches them.
    """
    if OUTLINES_SOURCE.is_file():
        _copy(OUTLINES_SOURCE, static_dir / OUTLINES_FILE)
    if all((static_dir / f).is_file() for f in LEAFLET_FILES):
        return True
    folder = leaflet_package_dir()
    if folder is None:
        return False
    for name in LEAFLET_FILES:
        _copy(folder / name, static_dir / name)
    return True


def outlines_url(static_dir: Path = STATIC_DIR) -> str | None:
    """Where the app serves the basemap outlines, or None when the file is not in place."""
    return f"{STATIC_URL}/{OUTLINES_FILE}" if (static_dir / OUTLINES_FILE).is_file() else None


def leaflet_urls(local: bool) -> tuple[str, str]:
    """(js, css) URLs: served by the app when local, else the public CDN."""
    if local:
        return f"{STATIC_URL}/leaflet.js", f"{STATIC_URL}/leaflet.css"
    return CDN_LEAFLET_JS, CDN_LEAFLET_CSS
