"""Same story, many sources: fold events that several documents report into one.

Two events are the same story when they come from different documents, fall on the same day,
have the same primary place, and use nearly the same words. "Nearly the same words" is token
Jaccard similarity (shared distinct words / all distinct words) of at least ``THRESHOLD``.
Jaccard rather than difflib's ratio because wire copy is re-ordered and re-attributed ("...,
Reuters reported." / "AFP said ...") more than it is re-spelled: a set of words ignores order,
costs O(words), and 0.6 keeps rewrites of one dispatch while two different things that happened
in the same city on the same day (which share the place, the date and little else) stay apart.

Events are grouped on (date, primary_place) first, so only events that could match are ever
compared: the work is a sort plus small groups, not all pairs (builds run at 100k events).
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

THRESHOLD = 0.6
_WORD = re.compile(r"[\w']+")
# Words that carry attribution rather than content: leaving them in would split copies of one
# dispatch credited to different outlets, and join unrelated ones that merely say "said".
_STOP = frozenset(
    "a an the of in on at to and or for from by with as is was were be been has had have it its "
    "that this said says say told according reported reports report citing cited".split()
)


def tokens(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.casefold().replace("\u2019", "'")) if w not in _STOP)


def similarity(a: str, b: str) -> float:
    """Token Jaccard similarity of two texts, 0..1."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)


def _clusters(group: pd.DataFrame, threshold: float) -> list[list[Any]]:
    """Greedy clustering inside one (date, place) group; each cluster holds at most one event per document."""
    clusters: list[tuple[frozenset[str], set[str], list[Any]]] = []
    for idx, doc, text in zip(group.index, group["doc_id"], group["text"], strict=True):
        toks = tokens(text or "")
        for rep, docs, members in clusters:
            if doc in docs or not toks or not rep:
                continue
            if len(toks & rep) / len(toks | rep) >= threshold:
                docs.add(doc)
                members.append(idx)
                break
        else:
            clusters.append((toks, {doc}, [idx]))
    return [members for _, _, members in clusters if len(members) > 1]


def merge_events(events: pd.DataFrame, threshold: float = THRESHOLD) -> tuple[pd.DataFrame, dict[str, str]]:
    """Events with repeats folded into one row each, and old event id -> surviving id for the folded ones.

    The surviving row is the first report (document order); it gains ``n_sources`` (documents
    reporting it), ``also_reported_by`` (event ids "<doc_id>:<line>:<start>" of the other reports:
    each names the document and line) and ``also_sources`` (their outlets), and its ``sources``
    list gains those outlets so filtering by any of them still finds the story.
    Events marked ``hidden`` never take part. Rows without a day or a place are left alone.
    """
    out = events.copy()
    out["n_sources"] = 1
    out["also_reported_by"] = [[] for _ in range(len(out))]
    out["also_sources"] = [[] for _ in range(len(out))]
    if out.empty:
        return out, {}
    eligible = (out["date_precision"] == "day") & out["primary_place"].notna() & out["date"].notna()
    if "hidden" in out.columns:
        eligible &= ~out["hidden"].astype(bool)
    keys = out.loc[eligible, ["date", "primary_place"]]
    candidates = out.loc[eligible & keys.duplicated(keep=False).reindex(out.index, fill_value=False)]
    if candidates.empty:
        return out, {}
    drop: list[Any] = []
    renamed: dict[str, str] = {}
    order = candidates.sort_values(["date", "primary_place", "doc_id", "line", "start"])
    for _, group in order.groupby(["date", "primary_place"], sort=False):
        if group["doc_id"].nunique() < 2:
            continue
        for members in _clusters(group, threshold):
            keep, rest = members[0], members[1:]
            others = out.loc[rest]
            out.at[keep, "n_sources"] = len(members)
            out.at[keep, "also_reported_by"] = list(others["event_id"])
            also = [s for s in others["doc_source"] if s]
            out.at[keep, "also_sources"] = also
            sources = list(out.at[keep, "sources"] or [])
            for s in also + [s for ss in others["sources"] for s in (ss or [])]:
                if s not in sources:
                    sources.append(s)
            out.at[keep, "sources"] = sources
            for old in others["event_id"]:
                renamed[old] = out.at[keep, "event_id"]
            drop.extend(rest)
    return out.drop(index=drop), renamed
