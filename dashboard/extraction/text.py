"""Cutting a document's text into lines, quotes and sentences.

Every span here indexes into the original line, so any piece of evidence can be
shown back to the user exactly as the source wrote it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_URL = re.compile(r"https?://\S+|www\.\S+")
# Markdown image/link syntax: keep the visible text, blank the rest. Neither part may hold a
# bracket or whitespace in the target: each attempt then stops at the next bracket, so a line of
# "[[[[" or "[a](" repeated costs linear time (an unbounded `[^\]]*` made it quadratic).
_MD_IMAGE_OR_LINK = re.compile(r"!?\[([^\[\]\n]{0,500})\]\(([^()\s]{0,2000})(?:\s+\"[^\"()]{0,200}\")?\)")


# A page that printed an apostrophe as a double quote mark ("Moscow"s advocacy", "don"t"): no quotation opens there.
_APOSTROPHE_AS_QUOTE = re.compile(r"(?<=[A-Za-z])\"(?=s\b(?![\"\u201d])|(?<=n\")t\b)")


def mask_markup(line: str) -> str:
    """Blank URLs and markdown link syntax with spaces, keeping every offset; read a double quote mark
    printed for an apostrophe ("Moscow"s") as the apostrophe.

    Extraction then never reads a place or a date out of an image URL, and the
    spans it finds still point into the original line.
    """
    if '"' in line and _APOSTROPHE_AS_QUOTE.search(line):
        line = _APOSTROPHE_AS_QUOTE.sub("'", line)  # (one character for one: every offset stays)
    if "[" not in line and "http" not in line and "www." not in line:
        return line  # most lines: neither pattern can match without these
    chars = list(line)

    def blank(start: int, end: int) -> None:
        for i in range(start, end):
            chars[i] = " "

    for m in _MD_IMAGE_OR_LINK.finditer(line):
        blank(m.start(), m.start(1))  # "![" or "["
        blank(m.end(1), m.end())  # "](url)"
    masked = "".join(chars)
    for m in _URL.finditer(masked):
        blank(m.start(), m.end())
    return "".join(chars)


# A straight mark right after the end of a clause and before a lower-case word closes a quotation.
_LOST_OPENER = re.compile(r"[,.!?'\u2019]\"\s+[a-z]")
# A quotation in single marks, British style, on a line with no double marks: an opening mark at the start of a
# word, the words (apostrophes inside allowed: "don't", "the soldiers' families"), then a full stop, comma, "?" or
# "!" and the closing mark before a space or the end: `'We will not leave,' she said.` A possessive has no
# punctuation before its mark, so it never closes one.
_SINGLE_MARKED = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[\u2014\u2013]))[\u2018'](?=[A-Za-z0-9])"
    r"(?:[^\u2018\u2019'\"\u201c\u201d\u00ab\u00bb\n]|['\u2019](?=[A-Za-z])|(?<=s)['\u2019](?=\s[a-z])){1,600}?"
    r"[,.!?\u2026]['\u2019](?=[\s)\]]|$)"
)


def _may_single_quote(line: str) -> bool:
    """Plain substring tests for what _SINGLE_MARKED cannot match without: an opening mark at a word's start and a
    closing one after punctuation."""
    opens = "\u2018" in line or " '" in line or line.lstrip()[:1] == "'" or "('" in line or "['" in line or \
        "\u2014'" in line or "\u2013'" in line
    return opens and any(p + q in line for p in ",.!?\u2026" for q in "'\u2019")


def mark_single_quotes(line: str) -> str:
    """Read British single quotation marks as double ones (one character for one: every offset stays), on a line
    that has no double marks of its own; other lines keep theirs (a single-quoted title inside a double quotation
    is found where it stands)."""
    if ("'" not in line and "\u2018" not in line) or '"' in line or "\u201c" in line or "\u201d" in line or \
            "\u00ab" in line:
        return line
    if not _may_single_quote(line):
        return line  # (most lines with an apostrophe have only "Russia's": the scan below is skipped)
    spans = [(m.start(), m.end() - 1) for m in _SINGLE_MARKED.finditer(line)]
    if not spans:
        return line
    chars = list(line)
    for a, b in spans:
        chars[a], chars[b] = "\u201c", "\u201d"
    return "".join(chars)


OPEN_QUOTES = '"\u201c\u00ab'  # straight, curly, and the guillemet of French and Russian copy
CLOSE_QUOTES = '"\u201d\u00bb'
# ... and the marks real pages print the wrong way round: a closing mark at the start of a word opens
# (`\u201dWe will,\u201d she said`), an opening mark right after the last word's punctuation closes
# (`\u201cWe will,\u201c she said`).
_OPEN_QUOTE = re.compile("[" + OPEN_QUOTES + "]|(?:(?<=^)|(?<=[\\s(\\[]))\u201d(?=[A-Za-z])")
_CLOSE_QUOTE = re.compile("[" + CLOSE_QUOTES + "]|(?<=[,.!?\u2026])\u201c(?=\\s|$)")


def mend_marks(line: str) -> str:
    """Two apostrophes typed for a double quote mark (`''We will,'' she said`) read as one mark and a space (every
    offset stays)."""
    if "''" not in line or line.count("''") % 2:
        return line
    return _TWO_APOSTROPHES.sub(lambda m: ' "' if m.group(1) else '" ', line)  # the mark next to its words


_TWO_APOSTROPHES = re.compile(r"''(?=([A-Za-z0-9])?)")


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # index of the opening quote mark
    end: int  # index just after the closing quote mark
    closed: bool


def find_quote_spans(line: str) -> list[QuoteSpan]:
    """Pair double quote marks left to right; curly and straight may be mixed.

    Reporters and scrapers mix “curly" and "straight" marks, so any opening
    mark pairs with the next closing one. An unpaired mark at the end (a
    snippet cut mid-quote) gives an open span to the end of the line.
    """
    spans: list[QuoteSpan] = []
    if '"' not in line and "\u201c" not in line and "\u201d" not in line and "\u00ab" not in line:
        return spans  # most lines quote no one: the marks' regular expression is not run over them
    n = len(line)
    last_close = line.rfind("\u00bb")
    opening = _OPEN_QUOTE.search(line)  # the marks are found by regular expression, not a loop per character
    while opening is not None:
        i = opening.start()
        # «... "inner" ...»: the guillemet closes it (a found » is passed over, so each is scanned to once)
        j = line.find("\u00bb", i + 1) if line[i] == "\u00ab" and i < last_close else -1
        if j > 0:
            spans.append(QuoteSpan(i, j + 1, True))
            opening = _OPEN_QUOTE.search(line, j + 1)
            continue
        closing = _CLOSE_QUOTE.search(line, i + 1)
        if closing is None and line[i] == '"' and _LOST_OPENER.match(line, i - 1):
            break  # `... were 'on alert'," the paper quoted`: a closing mark whose opening mark the page lost
        if closing is None:
            spans.append(QuoteSpan(i, n, False))
            break
        j = closing.start()
        spans.append(QuoteSpan(i, j + 1, True))
        opening = _OPEN_QUOTE.search(line, j + 1)
    return spans


ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr gen lt col sgt capt maj adm "
    "st no vs etc inc ltd co jr sr prof rep sen gov gov't approx dept est fig brig cpl pvt cmdr".split()
)
# A footnote marker after the full stop ("... on December 12.[1] Commercial imagery ...") stays with
# the sentence it sources.
_BOUNDARY = re.compile(
    r"[.!?](?:[\"\u201d\u2019')\]\u00bb]*(?:\[\d{1,3}\])?(\s+)(?=(?:[\"\u201c\u201d\u2018(\[]|\u00ab\s?)?[A-Z0-9])"
    # a page that lost the space after a full stop: "... the port, the agency said.Later that day" or "... in
    # Rome.\u201cWe will", after two lower-case letters (not "U.S.A", "St.Petersburg", "e.g."); tried only at
    # a full stop, never at every character
    r"|(?<=[a-z]{2}[.!?])()(?=[A-Z][a-z]|[\"\u201c\u00ab][A-Z]))"
)


def split_sentences(line: str, quotes: list[QuoteSpan] | None = None) -> list[tuple[int, int]]:
    """Cut a line into sentence spans, never inside a quotation.

    A quotation can hold several sentences and still belong to one
    attribution ("...," X said), so boundaries inside quote spans are skipped.
    """
    quotes = find_quote_spans(line) if quotes is None else quotes
    spans: list[tuple[int, int]] = []
    start = 0
    starts = [q.start for q in quotes]  # quote spans are sorted and never overlap
    for m in _BOUNDARY.finditer(line):
        glued = m.start(1) < 0  # the second alternative: no space between the sentences
        cut = m.start(2) if glued else m.start(1)
        if glued and line[cut] == '"' and not any(q.start == cut for q in quotes):
            continue  # a straight mark that closes a quotation, not one that opens the next sentence
        k = bisect_right(starts, cut - 1) - 1  # the last quote opening before the cut
        if k >= 0 and quotes[k].start < cut < quotes[k].end:
            continue
        if _ends_with_abbreviation(line, cut - 1 if glued else m.start()):
            continue
        spans.append((start, cut))
        start = cut if glued else m.end(1)
    if start < len(line):
        spans.append((start, len(line)))
    return [(a, _rstrip_index(line, a, b)) for a, b in spans if line[a:b].strip()]


def _rstrip_index(line: str, a: int, b: int) -> int:
    while b > a and line[b - 1].isspace():
        b -= 1
    return b


_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.']*)$")
_LOOKBACK = 24  # longer than any abbreviation or initialism; searching the whole prefix was quadratic


def _ends_with_abbreviation(line: str, dot: int) -> bool:
    if line[dot] != ".":
        return False
    m = _WORD_BEFORE.search(line, max(0, dot - _LOOKBACK), dot)
    if not m:
        return False
    word = m.group(1)
    if word.lower() in ABBREVIATIONS:
        return True
    # Dotted initialisms (U.S., U.N.) and single initials (J. Smith).
    return "." in word or (len(word) == 1 and word.isupper())


def normalize_for_dedup(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split()).casefold()


_TERMINAL = (".", "!", "?", '"', "\u201d", "\u2019", ")", ":", ";")
_BLOCK_START = re.compile(r"^\s*(?:#|[-*+>]\s|\d+[.)]\s|!\[)")


def looks_hard_wrapped(text: str) -> bool:
    """Text broken into short lines mid-sentence (email, some exports), not one snippet per line.

    Signs, all needed: no line longer than 120 characters, most lines 40 to 100 long, and
    at least one line that stops without punctuation before a line starting in lower case.
    """
    lines = text.split("\n")
    body = [line.rstrip() for line in lines if line.strip()]
    if len(body) < 3 or max(len(line) for line in body) > 120:
        return False
    if sum(1 for line in body if 40 <= len(line) <= 100) < 0.6 * len(body):
        return False
    pairs = zip(lines, lines[1:], strict=False)
    return any(a.strip() and not a.rstrip().endswith(_TERMINAL) and b.strip()[:1].islower() for a, b in pairs)


def unwrap_paragraphs(text: str) -> tuple[str, bool]:
    """Join hard-wrapped lines into one line per paragraph, if the text looks hard-wrapped.

    Extraction reads a line at a time, so a sentence broken across lines would lose
    its date or its speaker. Blank lines, headings and list items keep their own lines.
    Returns the text and whether it changed.
    """
    if not looks_hard_wrapped(text):
        return text, False
    out: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.append(" ".join(paragraph))
            paragraph.clear()

    for line in text.split("\n"):
        if not line.strip():
            flush()
            out.append("")
        elif _BLOCK_START.match(line):
            flush()
            out.append(line.rstrip())
        else:
            paragraph.append(line.strip())
    flush()
    return "\n".join(out), True
