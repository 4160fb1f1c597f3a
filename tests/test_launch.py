"""The app started exactly as its users start it, from a fresh clone, and looked at in a real Chromium.

- `make run`, the README's first command, in a fresh clone: it makes its own virtualenv, installs, builds and
  starts the `streamlit` console script.
- A hosted launch as Streamlit Community Cloud does it, with the settings the README's "Deploy to Streamlit
  Community Cloud" section gives: a new virtualenv with only `pip install -r requirements.txt`, then
  `streamlit run <main file>`, the editor key in the secrets, no make, no build step beforehand.

Both must show the map with the six core places as clickable markers and the "Add and review" page, with no
traceback. pip installs from the wheelhouse `make test` downloads, so no test needs the internet.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import (
    ROOT,
    Browser,
    browser,
    free_port,
    fresh_clone,
    launched,
    offline_pip_env,
    session_clone,
    streamlit_server,
)  # fmt: skip

pytestmark = pytest.mark.browser

MAP_FRAME = 'iframe[title="streamlit_folium\\.st_folium"]'
CORE = ["Damascus", "Aleppo", "Homs", "Latakia", "Tartus", "Khmeimim Air Base"]
ERRORS = ("Traceback", "ModuleNotFoundError", "ImportError", "No module named")


@pytest.fixture
def b() -> Iterator[Browser]:
    with browser() as br:
        yield br


def deploy_settings(readme: str) -> dict[str, str]:
    """The settings table and the secrets block of the README's deploy section."""
    section = readme.split("## Deploy to Streamlit Community Cloud", 1)[1].split("\n## ", 1)[0]
    settings = {k.strip(): v.strip() for k, v in re.findall(r"^\| ([^|]+) \| `([^`]+)`", section, flags=re.M)}
    secrets = re.search(r"```toml\n(.*?)```", section, flags=re.S)
    settings["secrets"] = secrets.group(1) if secrets else ""
    return settings


def assert_no_error_on_page(b: Browser) -> None:
    body = b.page.inner_text("body")
    shown = [e for e in ERRORS if e in body]
    assert not shown, f"the page shows {shown}: {body[:600]}"


def assert_map_with_core_places(b: Browser, url: str) -> None:
    """The map is drawn, each core place is a marker that can be clicked, and a click opens its panel."""
    b.page.goto(url)
    frame = b.page.frame_locator(MAP_FRAME)
    try:
        frame.locator('.place-icon[title="Damascus"]').wait_for(timeout=90_000)
    except Exception:  # noqa: BLE001 - say what the user saw instead of a bare time-out
        assert_no_error_on_page(b)
        raise
    assert_no_error_on_page(b)
    for name in CORE:
        marker = frame.locator(f'.place-icon[title="{name}"]')
        assert marker.count() == 1, f"{name}: no marker on the map"
        assert marker.is_visible(), f"{name}: marker not visible"
    frame.locator('.place-icon[title="Khmeimim Air Base"]').click()
    b.page.locator(".place-panel h3", has_text="Khmeimim Air Base").wait_for(timeout=30_000)
    assert_no_error_on_page(b)


def open_add_and_review(b: Browser) -> None:
    b.page.get_by_role("link", name=re.compile("Add and review", re.I)).first.click()
    b.page.get_by_role("heading", name=re.compile("Add articles")).wait_for(timeout=60_000)
    assert_no_error_on_page(b)


def test_the_readme_shows_the_two_commands_first() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```sh\n", 1)[1].split("```", 1)[0]
    assert [line.split()[:2] for line in first_block.splitlines()] == [["make", "run"], ["make", "test"]]
    assert readme.index("```sh") < readme.index("\n## ")  # before any other section


def test_make_run_from_a_fresh_clone_shows_the_map(tmp_path: Path, b: Browser) -> None:
    clone = fresh_clone(tmp_path / "clone")
    assert not (clone / ".venv").exists() and not (clone / "build").exists()
    port = free_port()
    env = offline_pip_env({"PYTHON": shutil.which("python3") or "python3"})
    with launched(["make", "run", f"PORT={port}"], clone, env, port, timeout=900) as url:
        b.page.goto(url)
        b.page.frame_locator(MAP_FRAME).locator('.place-icon[title="Damascus"]').wait_for(timeout=90_000)
        b.page.wait_for_timeout(1500)  # names placed, view fitted
        b.page.screenshot(path=str(b.screenshot_path("make-run-first-load")))  # the README's screenshot
        assert_map_with_core_places(b, url)
        b.page.wait_for_timeout(800)
        b.page.screenshot(path=str(b.screenshot_path("make-run-khmeimim")), full_page=False)
        open_add_and_review(b)
        b.page.get_by_text("Editing is on").first.wait_for(timeout=30_000)  # make run: a local user edits
        b.screenshot("make-run-add-and-review")
    assert b.blocked == [] and b.dialogs == []


def test_hosted_launch_with_the_readme_deploy_settings(b: Browser) -> None:
    settings = deploy_settings((ROOT / "README.md").read_text(encoding="utf-8"))
    main_file, python_version = settings["Main file path"], settings["Python version"]
    key = re.search(r'editor_key\s*=\s*"([^"]+)"', settings["secrets"]).group(1)
    assert main_file == "dashboard/app.py" and len(key) >= 20
    assert f"{sys.version_info.major}.{sys.version_info.minor}" == python_version  # the venv is made from this
    clone = session_clone()  # a fresh clone and a new virtualenv that ran only `pip install -r requirements.txt`
    shutil.rmtree(clone / "build", ignore_errors=True)  # no build step run beforehand
    secrets = clone / ".streamlit" / "secrets.toml"
    secrets.write_text(settings["secrets"], encoding="utf-8")
    try:
        env = {"DASHBOARD_CHROMIUM": str(clone / "no-chromium-on-this-host")}  # a host without packages.txt
        with streamlit_server(script=main_file, env=env, checkout=clone, timeout=120) as url:
            assert_map_with_core_places(b, url)
            b.page.get_by_text("This deployment prints HTML briefings only").wait_for(timeout=30_000)
            open_add_and_review(b)
            b.page.get_by_text("Read-only").first.wait_for(timeout=30_000)  # a visitor without the key
            b.page.get_by_label("Editor key").fill(key)
            b.page.get_by_label("Editor key").press("Enter")
            b.page.get_by_text("Editing is on").first.wait_for(timeout=30_000)
            b.screenshot("hosted-add-and-review")
    finally:
        secrets.unlink(missing_ok=True)
    assert b.blocked == [] and b.dialogs == []


def test_the_launcher_fails_where_users_would(tmp_path: Path) -> None:
    """Without the project installed (the bug this guards against), `streamlit run` cannot import it."""
    clone = session_clone()
    bare = tmp_path / "bare"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(bare)], check=True)
    site = next((clone / ".venv" / "lib").glob("python3.*/site-packages"))
    # the hosted virtualenv's libraries, but not this project: what a `streamlit run` without `-e .` sees
    (next((bare / "lib").glob("python3.*/site-packages")) / "libs.pth").write_text(f"{site}\n")
    probe = subprocess.run([str(bare / "bin" / "python"), "-c", "import streamlit, folium; import dashboard"],
                           cwd=clone / "dashboard", capture_output=True, text=True)  # fmt: skip
    assert "No module named 'dashboard'" in probe.stderr
