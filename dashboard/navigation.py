"""Which pages the app has: the map first (named "Map"), then every script in dashboard/pages/.

The entry script names its own page through `st.navigation`, which turns off
Streamlit's automatic discovery of `pages/`; this module does that discovery
instead, with Streamlit's own ordering (a leading number first, then the
name), on every run, so a page added later appears without editing the app.
"""

from __future__ import annotations

import re
from pathlib import Path

PAGES_DIR = Path(__file__).resolve().parent / "pages"
MAP_TITLE = "Map"
_PAGE_NAME = re.compile(r"([0-9]*)[_ -]*(.*)\.py")


def page_sort_key(path: Path) -> tuple[float, str]:
    """As Streamlit sorts pages/: by the leading number (none: last), then by name."""
    number, label = _PAGE_NAME.fullmatch(path.name).groups()  # type: ignore[union-attr]
    return (float(number) if number else float("inf"), label.lower())


def page_scripts(folder: Path = PAGES_DIR) -> list[str]:
    """The page scripts as paths relative to the entry script's folder (what `st.Page` expects)."""
    scripts = [p for p in folder.glob("*.py") if not p.name.startswith(("_", "."))]
    return [f"{folder.name}/{p.name}" for p in sorted(scripts, key=page_sort_key)]
