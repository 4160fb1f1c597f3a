"""The page list names the main page "Map" even when a fresh server's very first request is a link to another page.

Streamlit lists the pages it finds beside the entry script, calling the entry script "app", until some
run calls `st.navigation`; a link straight to /Add_and_review on a new server used to be that run
(issue 11 #10). Each case starts its own server, so the link is its first request.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support import ROOT, Browser, streamlit_server

pytestmark = pytest.mark.browser

MAP_FRAME = 'iframe[title="streamlit_folium\\.st_folium"]'
PAGES = ["Map", "Add and review", "Speakers"]  # app.py's "Map", then dashboard/pages/ in Streamlit's order
HEADINGS = {"Add_and_review": "Add articles, review what was extracted", "Speakers": "Speakers: who said what"}


def nav_links(b: Browser) -> list[str]:
    return b.page.locator('[data-testid="stSidebarNav"] a').all_inner_texts()


@pytest.mark.parametrize("path", ["Add_and_review", "Speakers"])
def test_a_first_request_straight_to_a_page_names_the_main_page_map(path: str, b: Browser, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    with streamlit_server(seeds=seeds, build_dir=tmp_path / "build") as url:
        b.page.goto(f"{url}/{path}")
        b.page.get_by_role("heading", name=HEADINGS[path]).first.wait_for(timeout=60_000)
        b.page.wait_for_timeout(1000)  # any later navigation message would have arrived by now
        assert nav_links(b) == PAGES
        assert b.page.get_by_text("Page not found").count() == 0
        assert b.page.url.endswith(f"/{path}")  # still the page the link asked for
        b.screenshot(f"navigation-first-request-{path}")
        b.page.locator('[data-testid="stSidebarNav"] a', has_text="Map").click()
        b.page.frame_locator(MAP_FRAME).locator(".place-icon[title]").first.wait_for(timeout=60_000)
        assert nav_links(b) == PAGES
        assert b.blocked == [] and b.dialogs == []


def test_a_page_hands_over_to_the_entry_script_once_per_session_and_never_after_it() -> None:
    """The rule the pages follow (dashboard/navigation.py), without a browser."""
    from dashboard import navigation

    fresh: dict[str, object] = {}
    assert navigation.entered_without_app(fresh) is True  # no run of app.py yet: hand over...
    assert navigation.entered_without_app(fresh) is False  # ...once only (a page run on its own goes on)
    entered: dict[str, object] = {}
    navigation.mark_entered(entered)
    assert navigation.entered_without_app(entered) is False
    assert [Path(p).name for p in navigation.page_files()] == ["1_Add_and_review.py", "2_Speakers.py"]
    assert all(Path(p).is_absolute() for p in [navigation.ENTRY_SCRIPT, *navigation.page_files()])
