"""Untrusted text (from a URL, a document or a geocoder) made safe for Streamlit's Markdown.

`st.markdown`, `st.caption`, `st.warning`, `st.error`, expander titles, button and radio labels
all read their text as Markdown: a link's `[text](url)` becomes a clickable link, `![](url)`
fetches a remote image, `:red[...]` colours text, `$...$` runs LaTeX. `md` backslash-escapes
every ASCII punctuation character (CommonMark lets any of them be escaped) and breaks bare web
and e-mail addresses with an invisible word joiner, so the text shows as written and nothing in
it is read as markup or turned into a link. No streamlit import: testable alone.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable

_PUNCTUATION = frozenset(string.punctuation)
# GitHub-flavoured Markdown turns bare addresses into links after escapes are resolved
# ("https\://x" is still linked), so a word joiner (U+2060, invisible) goes where it breaks them:
# between a scheme or "www" and what follows, and before the "@" of an e-mail address.
WORD_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?i)(?<![a-z0-9])(https?|ftp|mailto|xmpp|www)(?=[:.])|(?=@)")
# Every page sets Streamlit's `client.showErrorDetails` to this: an error nobody caught shows a
# plain "This app has encountered an error" box, never a traceback with the server's paths.
ERROR_DETAILS = "none"
MAX_NOTES = 5  # permalink notes shown one by one; the rest are counted in one line
MAX_SHOWN_CHARS = 300  # one note or label never floods the page


def md(value: object, limit: int | None = None) -> str:
    """`value` as Markdown source that renders as exactly its text, on one line.

    Control characters and line breaks become spaces (a new line could start a heading or a
    list); the result is cut at `limit` characters of the original text, marked with an ellipsis.
    """
    text = "" if value is None else str(value)
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text)
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    text = _AUTOLINK.sub(lambda m: (m.group(1) or "") + WORD_JOINER, text)
    return "".join("\\" + ch if ch in _PUNCTUATION else ch for ch in text)


def summarise(notes: Iterable[str], limit: int = MAX_NOTES) -> list[str]:
    """At most `limit` notes, each escaped and cut short, plus one line counting the rest.

    A permalink can carry tens of thousands of values; one warning each would bury the page.
    """
    notes = list(notes)
    shown = [md(n, MAX_SHOWN_CHARS) for n in notes[:limit]]
    if len(notes) > limit:
        shown.append(f"… and {len(notes) - limit:,} more values from the link were ignored.")
    return shown
