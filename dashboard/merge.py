"""Same story, many sources: fold events that several documents report into one.

Two events are the same story when they come from different documents, fall on the same day,
have the same primary place, and use nearly the same words. "Nearly the same words" is token
Jaccard similarity (shared distinct words / all distinct words) of at least ``THRESHOLD``.
Jaccard rather than difflib's ratio because wire copy is re-ordered and re-attributed ("...,
Reuters reported." / "AFP said ...") more than it is re-spelled: a set of words ignores order,
costs O(words), and 0.6 keeps rewrites of one dispatch while two different things that happened
in the same city on the same day (which share the place, the date and little else) stay apart.

Only events with the same claim status merge. A report its source later retracted stays its own
event, shown as retracted by that source; folding it into another outlet's report would show the
story as plainly reported with the retracting outlet among its sources. Likewise a story one outlet
reports and another only attributes to a claim stays two events, each with its own status.

Events are grouped on (date, primary_place, claim) first, so only events that could match are ever
compared: the work is a sort plus small groups, not all pairs (builds run at 100k events).
"""

from __future__ import annotations

import re

import pandas as pd

THRESHOLD = 0.6
MIN_BARE_WORDS = 4  # fewer words outside quotes than this: compare the quotes too
_WORD = re.compile(r"[\w']+")
# Words that carry attribution rather than content: leaving them in would split copies of one
# dispatch credited to different outlets, and join unrelated ones that merely say "said".
_STOP = frozenset(
    "a an the of in on at to and or for from by with as is was were be been has had have it its "
    "that this said says say told according reported reports report citing cited".split()
)


_QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")


def tokens(text: str) -> frozenset[str]:
    """Content words of the reporting, quoted words left out.

    Outlets quote different lines of the same speaker about the same event; counting the quotes
    would split one story into several. A sentence that is mostly quote ("...," he said on Dec. 12) keeps them.
    """
    bare = _words(_QUOTED.sub(" ", text))
    return bare if len(bare) >= MIN_BARE_WORDS else _words(text)


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.casefold().replace("\u2019", "'")) if w not in _STOP)


def similarity(a: str, b: str) -> float:
    """Token Jaccard similarity of two texts, 0..1."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)


def _clusters(members: list[int], docs: list[str], texts: list[str], threshold: float) -> list[list[int]]:
    """Greedy clustering inside one (date, place) group; each cluster holds at most one event per document."""
    clusters: list[tuple[frozenset[str], set[str], list[int]]] = []
    for i in members:
        toks = tokens(texts[i] or "")
        for rep, seen, cluster in clusters:
            if docs[i] in seen or not toks or not rep:
                continue
            if len(toks & rep) / len(toks | rep) >= threshold:
                seen.add(docs[i])
                cluster.append(i)
                break
        else:
            clusters.append((toks, {docs[i]}, [i]))
    return [cluster for _, _, cluster in clusters if len(cluster) > 1]


def merge_events(events: pd.DataFrame, threshold: float = THRESHOLD) -> tuple[pd.DataFrame, dict[str, str]]:
    """Events with repeats folded into one row each, and old event id -> surviving id for the folded ones.

    The surviving row is the first report (document order); it gains ``n_sources`` (documents
    reporting it), ``also_reported_by`` (event ids "<doc_id>:<line>:<start>" of the other reports:
    each names the document and line) and ``also_sources`` (their outlets), and its ``sources``
    list gains those outlets so filtering by any of them still finds the story.
    Events marked ``hidden`` never take part. Rows without a day or a place are left alone.
    Plain lists and a dict of groups rather than pandas groupby: most groups hold one event, and
    per-group DataFrames cost more than the comparisons.
    """
    out = events.reset_index(drop=True)
    n = len(out)
    n_sources = [1] * n
    also_ids: list[list[str]] = [[] for _ in range(n)]
    also_src: list[list[str]] = [[] for _ in range(n)]
    sources = [list(s) if s is not None else [] for s in out["sources"]] if n else []
    keep = [True] * n
    renamed: dict[str, str] = {}
    if n:
        hidden = out["hidden"].fillna(False).astype(bool).tolist() if "hidden" in out.columns else [False] * n
        ids, docs, texts = out["event_id"].tolist(), out["doc_id"].tolist(), out["text"].tolist()
        doc_sources = out["doc_source"].tolist()
        groups: dict[tuple[str, str, str], list[int]] = {}
        keys = zip(out["date"], out["date_precision"], out["primary_place"], out["claim"], strict=True)
        for i, (d, prec, place, claim) in enumerate(keys):
            if prec == "day" and isinstance(d, str) and isinstance(place, str) and not hidden[i]:
                groups.setdefault((d, place, str(claim)), []).append(i)
        lines, starts = out["line"].tolist(), out["start"].tolist()
        for members in groups.values():
            if len(members) < 2 or len({docs[i] for i in members}) < 2:
                continue
            members.sort(key=lambda i: (docs[i], lines[i], starts[i]))
            for cluster in _clusters(members, docs, texts, threshold):
                first, rest = cluster[0], cluster[1:]
                n_sources[first] = len(cluster)
                also_ids[first] = [ids[i] for i in rest]
                also_src[first] = [doc_sources[i] for i in rest if doc_sources[i]]
                for s in also_src[first] + [s for i in rest for s in sources[i]]:
                    if s not in sources[first]:
                        sources[first].append(s)
                for i in rest:
                    renamed[ids[i]] = ids[first]
                    keep[i] = False
    out = out.assign(sources=sources, n_sources=n_sources, also_reported_by=also_ids, also_sources=also_src)
    return out[keep], renamed
