"""Adding an article: check the upload, show what would be extracted, then save and rebuild.

Nothing here imports streamlit: the page and the `add` command share this code. The order is
always check -> preview (extraction without saving) -> save, and every refusal says what was
wrong and what to do, because it is the first thing a user meets when they bring their own text.

Safety rules kept here:
- an upload's file name never becomes a path: documents are named from the source name, the
  date and a hash of the text (``seeds/<slug>_<date>_<hash>.txt``);
- an existing document is never overwritten: identical text is "already added", different
  text gets a new name;
- a save goes through the store (store.py): in files, metadata then text (each temp file + rename)
  under an exclusive lock on ``seeds/.ingest.lock``; in a database, one transaction with a unique
  constraint on the text's hash. Either way two sessions saving at once lose neither.

It is one module over 300 lines because it is one flow, in the order an article goes through it: the
upload's checks, the preview (with the highlighted lines a person checks before saving) and the save.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from dashboard.corpus import pipeline, store
from dashboard.corpus.context import resolve_places
from dashboard.corpus.documents import DocumentMeta, check_reference_date
from dashboard.corpus.fixes import Override, geodata_dir, now_iso
from dashboard.errors import DashboardError, InputError
from dashboard.extraction.extract import Extraction
from dashboard.extraction.text import unwrap_paragraphs
from dashboard.files import UTF16_BOMS, decode_document

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
ACCEPTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
LOCK_FILE = ".ingest.lock"


seeds_dir = pipeline.seeds_dir
build_dir = pipeline.build_dir


# -- reading an upload ------------------------------------------------------------------


@dataclass
class Incoming:
    """Text ready for extraction, with what was done to get it (shown in the preview)."""

    text: str
    label: str  # the upload's name as the user gave it, for messages only
    fmt: str  # "text", "markdown" or "html"
    notes: list[str] = field(default_factory=list)
    title: str | None = None  # an HTML <title>, offered as the document's title


def read_upload(data: bytes, filename: str | None = None) -> Incoming:
    """Check and decode an uploaded file (or pasted text when ``filename`` is None)."""
    label = _label(filename)
    if len(data) > MAX_UPLOAD_BYTES:
        raise InputError(
            f"{label}: {len(data):,} bytes is over the {MAX_UPLOAD_BYTES // (1024 * 1024)} MB limit for one "
            "article. Split it or paste only the article's text."
        )
    suffix = Path(filename or "").suffix.lower() if filename else ""
    if filename and suffix not in ACCEPTED_SUFFIXES:
        raise InputError(f"{label}: {suffix or 'no extension'} files are not accepted. Upload .txt, .md or .html.")
    if not data.strip():
        raise InputError(f"{label}: is empty. Paste or upload the article's text.")
    text, notes = decode(data, label)
    if suffix in HTML_SUFFIXES or (not filename and _looks_like_html(text)):
        if not filename:
            notes.append("the pasted text looked like HTML, so it was reduced to its readable text")
        title, body = html_to_text(text)
        if not body.strip():
            raise InputError(
                f"{label}: the HTML has no readable text (only scripts, styles or markup). "
                "Open the page in a browser, copy the article text and paste it instead."
            )
        return Incoming(body, label, "html", notes + ["HTML reduced to its text"], title)
    if not text.strip():
        raise InputError(f"{label}: has no text, only blanks. Paste or upload the article's text.")
    text, unwrapped = unwrap_paragraphs(text)
    if unwrapped:
        notes.append("the text was hard-wrapped, so its lines were joined into one line per paragraph")
    return Incoming(text, label, "markdown" if suffix in (".md", ".markdown") else "text", notes)


def _label(filename: str | None) -> str:
    if not filename:
        return "pasted text"
    shown = "".join(ch for ch in Path(filename).name if ch.isprintable())[:80]
    return f"“{shown}”"


def decode(data: bytes, label: str) -> tuple[str, list[str]]:
    """The project's one decoder (`files.decode_document`), with a note for the preview."""
    text = decode_document(data, label)
    notes = ["read as UTF-16 (byte-order mark found)"] if data.startswith(UTF16_BOMS) else []
    return text.replace("\r\n", "\n").replace("\r", "\n"), notes


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or bool(re.match(r"<(p|div|article|body|head)\b", head))


# -- HTML to text -------------------------------------------------------------------------

_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object"})
_BLOCK = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article header footer blockquote pre "
    "figure figcaption dd dt hr main aside nav".split()
)


class _TextParser(HTMLParser):
    """Collects visible text; block elements end a line so paragraphs stay lines (extraction is per line)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.in_title = False
        self.title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag == "title":
            self.in_title = True
        elif tag in _BLOCK:
            self._end_line()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCK:
            self._end_line()

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.in_title:
            self.title.append(data)
        else:
            self.current.append(data)

    def _end_line(self) -> None:
        line = " ".join("".join(self.current).split())
        if line:
            self.lines.append(line)
        self.current = []


def html_to_text(source: str) -> tuple[str | None, str]:
    """(title, text): the page's visible text, one paragraph per line; scripts and styles dropped."""
    parser = _TextParser()
    parser.feed(source)
    parser.close()
    parser._end_line()
    title = " ".join("".join(parser.title).split()) or None
    return title, "\n".join(parser.lines) + ("\n" if parser.lines else "")


# -- metadata and names -----------------------------------------------------------------


def parse_meta(source: str, url: str, published: date | str | None, title: str = "", by: str = "") -> DocumentMeta:
    """The document's metadata from form fields, or a message naming the field to fix."""
    source = " ".join((source or "").split())
    if not source:
        raise InputError("source: name the outlet the text came from (e.g. Reuters).")
    if len(source) > 200:
        raise InputError("source: keep the outlet's name under 200 characters.")
    if published is None or published == "":
        raise InputError("date: give the publication date (YYYY-MM-DD); it dates “Dec. 8” and “yesterday”.")
    if isinstance(published, str):
        try:
            published = date.fromisoformat(published.strip())
        except ValueError:
            raise InputError(f"date: {published!r} is not a date; write it as YYYY-MM-DD.") from None
    check_reference_date(published, "date")
    url = (url or "").strip()
    if url and not re.match(r"https?://[^\s]+$", url):
        raise InputError(f"url: {url[:80]!r} is not a web address; it must start with http:// or https://.")
    return DocumentMeta(source=source, reference_date=published, url=url or None,
                        title=" ".join((title or "").split()) or None, added_by=(by or "").strip() or None)  # fmt: skip


# -- preview ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    line: int  # 1-based
    start: int
    end: int
    kind: str  # "place", "date", "quote", "event"
    label: str


@dataclass
class Preview:
    incoming: Incoming
    meta: DocumentMeta
    extraction: Extraction
    places: dict[str, dict]  # name as extracted -> places-table row
    spans: list[Span]

    @property
    def unresolved(self) -> list[str]:
        return [n for n, row in self.places.items() if row["status"] == "unresolved"]

    def summary(self) -> str:
        placed = len(self.places) - len(self.unresolved)
        return (f"{len(self.extraction.events)} events, {len(self.extraction.quotes)} quotes, "
                f"{len(self.places)} places ({placed} placed, {len(self.unresolved)} not placed)")  # fmt: skip


def preview(incoming: Incoming, meta: DocumentMeta, ctx: pipeline.Context,
            overrides: Mapping[str, Override] | None = None) -> Preview:  # fmt: skip
    """What saving would add, computed without writing anything.

    Names are placed with the place fixes ``overrides`` (default: the configured store's).
    """
    extraction = ctx.extractor.extract(incoming.text, meta.reference_date)
    result = pipeline.DocumentResult("preview", "preview", meta, extraction)
    fixes = store.current().overrides() if overrides is None else overrides
    places = resolve_places([result], ctx, fixes)
    return Preview(incoming, meta, extraction, places, _spans(extraction))


def _spans(x: Extraction) -> list[Span]:
    spans = [Span(m.line, m.start, m.end, "place", m.place) for m in x.mentions]
    for e in x.events:
        spans.append(Span(e.line, e.start, e.end, "event", f"event {e.date or 'undated'}"))
        if e.date_text:
            at = e.text.find(e.date_text)
            if at >= 0:
                spans.append(Span(e.line, e.start + at, e.start + at + len(e.date_text), "date", e.date or ""))
    spans += [Span(q.line, q.start, q.end, "quote", f"quote: {q.speaker or 'unknown speaker'}") for q in x.quotes]
    return spans


_PRIORITY = {"place": 4, "date": 3, "quote": 2, "event": 1}


def escape(text: str) -> str:
    """HTML-escape untrusted news text, plus ` and $ (template literals, Streamlit's LaTeX)."""
    return html.escape(text, quote=True).replace("`", "&#96;").replace("$", "&#36;")


def highlight_line(line: str, spans: list[Span]) -> str:
    """One line as HTML: every character escaped, runs of the same kind wrapped in a ``<mark>``.

    Spans may overlap (a place inside an event); each character takes its most specific kind,
    so the markup never nests and never splits a character reference.
    """
    kinds: list[Span | None] = [None] * len(line)
    for s in spans:
        for i in range(max(0, s.start), min(len(line), s.end)):
            cur = kinds[i]
            if cur is None or _PRIORITY[s.kind] > _PRIORITY[cur.kind]:
                kinds[i] = s
    out: list[str] = []
    i = 0
    while i < len(line):
        j = i
        while j < len(line) and kinds[j] is kinds[i]:
            j += 1
        piece = escape(line[i:j])
        span = kinds[i]
        if span is not None:
            piece = f'<mark class="hl-{span.kind}" title="{escape(span.label)}">{piece}</mark>'
        out.append(piece)
        i = j
    return "".join(out)


def highlight_html(p: Preview, only_marked: bool = True) -> str:
    """The document's lines (those with findings by default) with the words of each finding marked."""
    by_line: dict[int, list[Span]] = {}
    for s in p.spans:
        by_line.setdefault(s.line, []).append(s)
    rows = []
    for number, line in enumerate(p.incoming.text.splitlines(), start=1):
        if only_marked and number not in by_line:
            continue
        rows.append(f'<div class="hl-line"><span class="hl-no">{number}</span> '
                    f"{highlight_line(line, by_line.get(number, []))}</div>")  # fmt: skip
    return "\n".join(rows)


HIGHLIGHT_CSS = """
.hl-line{font-family:ui-monospace,monospace;font-size:.85rem;white-space:pre-wrap;margin:.15rem 0}
.hl-no{color:#888;display:inline-block;min-width:2.5em;text-align:right}
mark.hl-event{background:#eef3ff} mark.hl-quote{background:#fff3c4}
mark.hl-place{background:#c8f0c8;font-weight:600} mark.hl-date{background:#ffd9b3}
"""


# -- saving -------------------------------------------------------------------------------


@dataclass
class Saved:
    name: str
    path: Path  # seeds/NAME.txt in the file store; NAME.txt in the database (the name documents go by)
    status: str  # "added" or "already added"
    built: str | None = None  # summary of the rebuilt tables
    where: str = ""  # the store it went to, when it is a database

    def message(self) -> str:
        place = f" in {self.where}" if self.where else ""
        if self.status == "already added":
            return f"already added as {self.path.name}{place}; nothing saved"
        return f"saved {self.path}{place}" + (f"; tables rebuilt: {self.built}" if self.built else "")


def _store(seeds: Path | None) -> store.Store:
    return store.current() if seeds is None else store.FileStore(seeds, geodata_dir())


def save(incoming: Incoming, meta: DocumentMeta, seeds: Path | None = None, build: Path | None = None,
         rebuild: bool = True) -> Saved:  # fmt: skip
    """Store the document (one transaction, or metadata-then-text under the seeds lock) and rebuild the tables.

    ``seeds`` names a folder of the file store; without it the configured store is used. A save is
    reported only once the store has committed it; the same text twice is "already added".
    """
    text = incoming.text if incoming.text.endswith("\n") else incoming.text + "\n"
    if not text.strip():
        raise InputError(f"{incoming.label}: has no text; nothing saved.")
    meta = DocumentMeta(meta.source, meta.reference_date, meta.url, meta.title, meta.added_by, now_iso())
    target = _store(seeds)
    added = target.add_document(text, meta, who=meta.added_by or "unknown")
    is_files = target.kind == "files"
    path = target.seeds / f"{added.name}.txt" if is_files else Path(f"{added.name}.txt")
    where = "" if is_files else target.label
    if added.status != "added":
        return Saved(added.name, path, added.status, None, where)
    built = None
    if rebuild:
        try:
            # Kept on disk too (a patch saves only what it added): a restarted server's first save patches.
            tables = _rebuild_store(target, build, keep_state=True)
            built = (f"{len(tables.documents)} documents, {len(tables.events)} events, "
                     f"{len(tables.places)} places")  # fmt: skip
        except DashboardError as exc:  # the document IS saved (committed): say so, and why the map lags
            built = f"not yet ({exc}); they are rebuilt on the next refresh"
    return Saved(added.name, path, "added", built, where)


def _rebuild_store(target: store.Store, build: Path | None, keep_state: bool = False) -> pipeline.Tables:
    return store.rebuild(target, build or build_dir(), keep_state=keep_state)


def rebuild(seeds: Path | None = None, build: Path | None = None) -> pipeline.Tables:
    """Rebuild the tables from the store (after a place fix or a mark), under the build lock."""
    return _rebuild_store(_store(seeds), build)
