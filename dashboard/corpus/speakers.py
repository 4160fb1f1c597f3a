"""One speaker, many forms: "Dmitry Peskov", "Peskov" and "Kremlin spokesman Dmitry Peskov" are one id.

Within a document the extractor already writes the full name where the text gives it (quotes.py).
Across documents, a bare surname joins the one full name in the corpus that ends with it; when two
full names share the surname ("Ali Abbas", "Mahmoud Abbas"), the bare one stays apart rather than
being guessed. A title is the role, not the name: "Dr Lind" and "President Putin" are read as the
surnames "Lind" and "Putin", and "Dr Mira Lind" as "Mira Lind". The id is a readable slug of the name,
stable across builds.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pandas as pd

from dashboard.extraction.lexicon import is_personal_title

_PARTICLE = re.compile(r"^(?:al|el|bin|ibn|abu)-", re.I)


def speaker_key(name: str) -> str:
    """The form two spellings of one name share: no accents, case, apostrophes or particles' hyphens."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"['\u2019]s\b", "", text)
    return " ".join(re.sub(r"[^\w\s-]", " ", text.lower()).split())


def speaker_id(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", speaker_key(name)).strip("-") or "unnamed"


def _surname(key: str) -> str:
    words = key.split()
    return _PARTICLE.sub("", words[-1]) if words else ""


def _untitled(name: str) -> str:
    """The name without the titles written before it: "Dr Lind" -> "Lind", "Maj Gen Omar Khalidi" -> "Omar Khalidi"."""
    words = name.split()
    k = 0
    while k < len(words) - 1 and is_personal_title(words[k]):
        k += 1
    return " ".join(words[k:])


def _plain(key: str) -> str:
    """A name's key without its particles: "bashar al-assad" and "bashar assad" are one name."""
    return " ".join(_PARTICLE.sub("", w) for w in key.split() if w not in ("al", "el"))


def canonical_names(names: list[str]) -> dict[str, str]:
    """Each speaker name -> the name its id is made from (a bare surname -> the one full name; one full name
    written with and without its particle, "Bashar al-Assad" and "Bashar Assad", -> the form written most)."""
    counts = Counter(n for n in names if isinstance(n, str) and n.strip())
    distinct = set(counts)
    bare = {n: _untitled(n) for n in distinct}
    spellings: dict[str, Counter[str]] = {}  # plain key -> the full names written for it, and how often
    for n in distinct:
        words = bare[n].split()
        if len(words) >= 2 and all(w[:1].isupper() or _PARTICLE.match(w) for w in words):
            spellings.setdefault(_plain(speaker_key(bare[n])), Counter())[bare[n]] += counts[n]
    written = {plain: max(forms, key=lambda f: (forms[f], len(f), f)) for plain, forms in spellings.items()}
    full_by_surname: dict[str, set[str]] = {}
    for form in written.values():
        full_by_surname.setdefault(_surname(speaker_key(form)), set()).add(form)
    out: dict[str, str] = {}
    for n in distinct:
        out[n] = written.get(_plain(speaker_key(bare[n])), bare[n]) if len(bare[n].split()) >= 2 else n
        if len(bare[n].split()) == 1 and (bare[n][:1].isupper() or _PARTICLE.match(bare[n])):  # "al-Sharaa" too
            fulls = full_by_surname.get(_surname(speaker_key(bare[n])), set())
            if len(fulls) == 1:
                out[n] = next(iter(fulls))
    return out


def assign_speaker_ids(quotes: pd.DataFrame) -> pd.DataFrame:
    """The quotes table with ``speaker_id`` (None for an unattributed quote) and ``speaker`` unified."""
    if quotes.empty or "speaker" not in quotes.columns:
        return quotes.assign(speaker_id=pd.Series(dtype=object))
    raw = quotes["speaker"].tolist()
    names = canonical_names(raw)
    ids = {n: speaker_id(n) for n in set(names.values())}  # per distinct name, not per quote
    speaker = [names.get(s, s) if isinstance(s, str) and s.strip() else None for s in raw]
    return quotes.assign(speaker=pd.Series(speaker, index=quotes.index, dtype=object),
                         speaker_id=pd.Series([ids.get(s) if s is not None else None for s in speaker],
                                              index=quotes.index, dtype=object))  # fmt: skip


