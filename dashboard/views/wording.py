"""Words the Add-and-review page shows: sentences, counts, the upload's refusals, the preview's quotes.

Plain functions (no streamlit import) so the page stays wiring and the wording is tested.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from dashboard.corpus.ingest import ACCEPTED_SUFFIXES, MAX_UPLOAD_BYTES
from dashboard.views.panels import plain

__all__ = ["NO_FILE", "count", "plain", "preview_quotes", "sentence", "upload_problem"]

LIMIT_MB = MAX_UPLOAD_BYTES // (1024 * 1024)
NO_FILE = (f"Choose a file to upload first (.txt, .md or .html, at most {LIMIT_MB} MB). If you chose one and it "
           "is not listed under the upload box, your browser refused it: it is probably larger than that.")  # fmt: skip


def sentence(text: str) -> str:
    """A message as a sentence: capital first letter, one full stop at the end."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def count(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def upload_problem(size: int, filename: str) -> str | None:
    """Why an uploaded file will be refused, said as soon as it is chosen; None when it is fine."""
    suffix = Path(filename).suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        return (f"{filename}: {suffix or 'no extension'} files are not accepted. "
                "Upload a .txt, .md or .html file, or paste the text.")  # fmt: skip
    if size > MAX_UPLOAD_BYTES:
        return (f"{filename} is {size / (1024 * 1024):.1f} MB; one article may be at most {LIMIT_MB} MB. "
                "Split it, or paste only the article's text.")  # fmt: skip
    return None


def preview_quotes(quotes: Iterable[Any]) -> list[dict[str, object]]:
    """The preview's quotes table: who is quoted, in what role, so a wrong speaker is caught before saving."""
    return [{"line": q.line, "speaker": q.speaker or "no speaker found", "role": q.role or "",
             "date": q.date or "no date", "quote": q.text} for q in quotes]  # fmt: skip
