"""`brief --format pdf` end to end: the real command, headless Chromium, then poppler to read the result."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.briefing import pdf
from dashboard.briefing.pdf import BriefingError, briefing_pdf
from tests.test_briefing import ROOT, write_seeds

pytestmark = pytest.mark.browser


def run_brief(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DASHBOARD_SEEDS": str(write_seeds(tmp_path / "seeds")),
           "DASHBOARD_BUILD_DIR": str(tmp_path / "build")}  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "brief", *args], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=180,
    )


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_pdf_has_pages_with_the_chronology(tmp_path: Path) -> None:
    out = tmp_path / "briefing.pdf"
    proc = run_brief(tmp_path, "--from", "2024-12-01", "--to", "2024-12-10", "--format", "pdf", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(b"%PDF")

    subprocess.run(["pdftoppm", "-png", "-r", "50", str(out), str(tmp_path / "page")], check=True, timeout=120)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 3  # cover and map, chronology, quotes... each section starts a page
    from PIL import Image

    first = Image.open(pages[0]).convert("L")
    lo, hi = first.getextrema()
    assert hi - lo > 100  # not a blank page

    text = flat(subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                               check=True).stdout)  # fmt: skip
    assert "Chronology" in text
    assert "Rebels claimed on Dec. 8 that they had entered Damascus." in text
    assert "<script>alert(2)</script>" in re.sub(r"\s", "", text)  # the hostile line, printed as text
    assert "Dmitry Peskov" in text and "Kremlin spokesman" in text
    assert "took control of Aleppo" not in text  # 30 Nov is outside the period
    assert re.search(r"001_fixture\.txt:\s?4", text)


def test_missing_chromium_is_a_clear_error_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DASHBOARD_CHROMIUM", str(tmp_path / "no-chromium"))  # set: the only browser tried
    out = tmp_path / "old.pdf"
    out.write_bytes(b"old")
    with pytest.raises(BriefingError, match=r"no Chromium .*apt-get install chromium"):
        briefing_pdf("<p>x</p>", out)
    assert out.read_bytes() == b"old"


def test_without_chromium_the_app_is_told_it_prints_html_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DASHBOARD_CHROMIUM", raising=False)
    monkeypatch.setattr(pdf, "CHROMIUM", str(tmp_path / "no-chromium"))
    monkeypatch.setenv("PATH", str(tmp_path))  # no chromium on PATH either
    reason = pdf.pdf_unavailable_reason()
    assert reason and "HTML briefings only" in reason and "print it from your own browser" in reason
    monkeypatch.setenv("DASHBOARD_CHROMIUM", "/usr/bin/chromium")
    assert pdf.pdf_unavailable_reason() is None
