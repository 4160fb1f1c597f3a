"""The README stays true: every setting the code reads is documented, and the two commands come first."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_environment_setting_is_documented() -> None:
    used: set[str] = set()
    for path in (ROOT / "dashboard").rglob("*.py"):
        used |= set(re.findall(r"\bDASHBOARD_[A-Z_]+\b", path.read_text(encoding="utf-8")))
    assert used, "the code reads its settings from DASHBOARD_* variables"
    missing = sorted(name for name in used if f"`{name}`" not in README)
    assert missing == []


def test_readme_shows_the_two_commands_first_and_its_images_exist() -> None:
    first_block = README.split("```")[1]
    assert "make run" in first_block and "make test" in first_block
    for image in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README):
        assert (ROOT / image).is_file(), image


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_readme_layout_names_every_room_and_module() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme[readme.index("## Layout"):readme.index("## Data and credits")]
    words = set(re.findall(r"[A-Za-z_]+", layout))
    package = ROOT / "dashboard"
    rooms = sorted(p.name for p in package.iterdir() if (p / "__init__.py").is_file())
    assert len(rooms) >= 6
    missing = [f"{room}/" for room in rooms if f"  {room}/" not in layout]
    missing += [f"{m.parent.name}/{m.stem}" for room in rooms for m in (package / room).glob("*.py")
                if m.stem != "__init__" and m.stem not in words]  # fmt: skip
    missing += [m.name for m in package.glob("*.py") if m.stem not in {"__init__", "__main__"} and m.name not in layout]
    assert missing == [], f"README's Layout does not name: {missing}"
