"""Web assets (Leaflet) taken from installed packages and served by the app.

Leaflet's files come from the PyPI package django-js-lib-leaflet, so a hosted
deployment that only runs `pip install -r requirements.txt` has them too. They
are copied into dashboard/static/, which Streamlit serves at /app/static/.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"
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


def ensure_static_assets(static_dir: Path = STATIC_DIR) -> bool:
    """Copy Leaflet into the static folder if it is missing; True when present."""
    if all((static_dir / f).is_file() for f in LEAFLET_FILES):
        return True
    folder = leaflet_package_dir()
    if folder is None:
        return False
    static_dir.mkdir(parents=True, exist_ok=True)
    for name in LEAFLET_FILES:
        tmp = static_dir / f".{name}.tmp"
        shutil.copyfile(folder / name, tmp)
        tmp.replace(static_dir / name)
    return True


def leaflet_urls(local: bool) -> tuple[str, str]:
    """(js, css) URLs: served by the app when local, else the public CDN."""
    if local:
        return f"{STATIC_URL}/leaflet.js", f"{STATIC_URL}/leaflet.css"
    return CDN_LEAFLET_JS, CDN_LEAFLET_CSS
