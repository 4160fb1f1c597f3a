"""A briefing printed to PDF by a headless Chromium, for readers who want a file to mail or print.

`DASHBOARD_CHROMIUM`, when set, is the only browser tried; otherwise Debian's `/usr/bin/chromium`, then
PATH. A host without one prints HTML briefings only, and `pdf_unavailable_reason` says so in words.
The PDF replaces the target file only when Chromium wrote a real one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from dashboard.errors import DashboardError
from dashboard.files import atomic_write_bytes

CHROMIUM = "/usr/bin/chromium"  # Debian's package; DASHBOARD_CHROMIUM names another browser
CHROMIUM_ENV = "DASHBOARD_CHROMIUM"
PDF_TIMEOUT_S = 120


class BriefingError(DashboardError, RuntimeError):
    """A briefing could not be produced (for example, no browser to print the PDF)."""


def chromium_path() -> str:
    """The headless browser used to print PDFs, or a BriefingError saying how to get one.

    DASHBOARD_CHROMIUM, when set, is the only browser tried; otherwise Debian's path, then PATH.
    """
    configured = os.environ.get(CHROMIUM_ENV)
    candidates = [configured] if configured else [CHROMIUM, shutil.which("chromium"), shutil.which("chromium-browser")]
    found = next((c for c in candidates if c and Path(c).is_file()), None)
    if not found:
        where = f"at {configured} ({CHROMIUM_ENV})" if configured else f"at {CHROMIUM} or on PATH"
        raise BriefingError(
            f"cannot make a PDF: no Chromium {where}. Install it (`apt-get install chromium`, as `make test` does; "
            "on Streamlit Community Cloud, `chromium` in packages.txt) or use --format html."
        )
    return found


def pdf_unavailable_reason() -> str | None:
    """None when PDFs can be printed here; otherwise why not, in words for the person asking."""
    try:
        chromium_path()
    except BriefingError:
        return ("This deployment prints HTML briefings only: PDFs need the Chromium browser on the server, and it "
                "has none. Download the HTML briefing and print it from your own browser (it is laid out for A4).")
    return None


def briefing_pdf_bytes(html_text: str) -> bytes:
    """The briefing printed to PDF, as bytes (for a download button)."""
    with tempfile.TemporaryDirectory(prefix="briefing-out-") as tmp:
        out = Path(tmp) / "briefing.pdf"
        briefing_pdf(html_text, out)
        return out.read_bytes()


def briefing_pdf(html_text: str, out_path: Path) -> None:
    """Print the HTML to PDF with headless Chromium, replacing out_path only when it succeeded."""
    exe = chromium_path()
    out_path = Path(out_path)
    with tempfile.TemporaryDirectory(prefix="briefing-") as tmp:
        src = Path(tmp) / "briefing.html"
        pdf = Path(tmp) / "briefing.pdf"
        src.write_text(html_text, encoding="utf-8")
        cmd = [
            exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-pdf-header-footer",
            f"--user-data-dir={Path(tmp) / 'profile'}", f"--print-to-pdf={pdf}", src.as_uri(),
        ]  # fmt: skip
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=PDF_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired as exc:
            raise BriefingError(f"Chromium did not finish printing the PDF within {PDF_TIMEOUT_S} s") from exc
        if not pdf.is_file() or pdf.stat().st_size == 0 or not pdf.read_bytes().startswith(b"%PDF"):
            tail = " ".join((proc.stderr or "").strip().splitlines()[-3:])
            raise BriefingError(f"Chromium exited with {proc.returncode} and wrote no PDF: {tail[:400]}")
        atomic_write_bytes(out_path, pdf.read_bytes())


def write_briefing(html_text: str, out_path: Path, fmt: str) -> None:
    """Write the briefing atomically as HTML or PDF."""
    from dashboard.files import atomic_write_text

    if fmt == "pdf":
        briefing_pdf(html_text, out_path)
    else:
        atomic_write_text(out_path, html_text)


