"""Which pages the app has: the map first (named "Map"), then every script in dashboard/pages/.

The entry script names its own page through `st.navigation`, which turns off
Streamlit's automatic discovery of `pages/`; this module does that discovery
instead, with Streamlit's own ordering (a leading number first, then the
name), on every run, so a page added later appears without editing the app.

Streamlit turns that discovery off only once some run has called `st.navigation`.
Until then (a fresh server whose very first request is a link to a page, such as
/Add_and_review) it runs the page script by itself and lists the entry script as
"app". A page that finds it was run that way (`entered_without_app`) calls
`st.navigation` itself and reruns, so the run goes through the entry script.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

PAGES_DIR = Path(__file__).resolve().parent / "pages"
ENTRY_SCRIPT = str(Path(__file__).resolve().parent / "app.py")  # `streamlit run dashboard/app.py`
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


def page_files(folder: Path = PAGES_DIR) -> list[str]:
    """The same page scripts as absolute paths, for a page script that lists them (it is not beside app.py)."""
    return [str(folder.parent / path) for path in page_scripts(folder)]


ENTERED_KEY = "_nav_entered_through_app"  # set by app.py on every run, before it runs a page
_REDIRECTED_KEY = "_nav_redirected_to_app"


def mark_entered(state: MutableMapping[str, Any]) -> None:
    """Called by the entry script: this session's runs go through it (and its `st.navigation`)."""
    state[ENTERED_KEY] = True


def entered_without_app(state: MutableMapping[str, Any]) -> bool:
    """Did Streamlit run this page without the entry script? Answered True at most once a session.

    The entry script marks every session it runs (`mark_entered`); a page run
    before that was run by Streamlit's own `pages/` fallback. Once only, so a
    page run on its own on purpose (a test of the page script) goes on after one rerun.
    """
    if state.get(ENTERED_KEY) or state.get(_REDIRECTED_KEY):
        return False
    state[_REDIRECTED_KEY] = True
    return True
