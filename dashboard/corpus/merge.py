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
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.extraction.dates import DAY_PRECISIONS

THRESHOLD = 0.6
MIN_BARE_WORDS = 4  # fewer words outside quotes than this: compare the quotes too
_WORD = re.compile(r"[\w']+")
# Words that carry attribution rather than content: leaving them in would split copies of one
# dispatch credited to different outlets, and join unrelated ones that merely say "said".
_STOP = frozenset(
    "a an the of in on at to and or for from by with as is was were be been has had have it its "
    "that this said says say told according reported reports report citing cited".split()
)


SEP = "\x1f"  # a list packed into one string (rowstore.pack): a `tokens` cell may come so


_QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")


def tokens(text: str) -> frozenset[str]:
    """Content words of the reporting, quoted words left out.

    Outlets quote different lines of the same speaker about the same event; counting the quotes
    would split one story into several. A sentence that is mostly quote ("...," he said on Dec. 12) keeps them.
    """
    bare = _words(_QUOTED.sub(" ", text))
    return bare if len(bare) >= MIN_BARE_WORDS else _words(text)


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.casefold().replace("\u2019", "'"))) - _STOP  # no Python loop per word


def similarity(a: str, b: str) -> float:
    """Token Jaccard similarity of two texts, 0..1."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)


def _clusters(members: list[int], docs: list[str], toks: list[frozenset[str]], threshold: float) -> list[list[int]]:
    """Greedy clustering inside one (date, place) group; each cluster holds at most one event per document."""
    clusters: list[tuple[frozenset[str], set[str], list[int]]] = []
    for i in members:
        mine = toks[i]
        for rep, seen, cluster in clusters:
            if docs[i] in seen or not mine or not rep:
                continue
            if len(mine & rep) / len(mine | rep) >= threshold:
                seen.add(docs[i])
                cluster.append(i)
                break
        else:
            clusters.append((mine, {docs[i]}, [i]))
    return [cluster for _, _, cluster in clusters if len(cluster) > 1]


def merge_events(events: pd.DataFrame, threshold: float = THRESHOLD) -> tuple[pd.DataFrame, dict[str, str]]:
    """Events with repeats folded into one row each, and old event id -> surviving id for the folded ones.

    The surviving row is the first report (document order); it gains ``n_sources`` (documents
    reporting it), ``also_reported_by`` (event ids "<doc_id>:<line>:<start>" of the other reports:
    each names the document and line) and ``also_sources`` (their outlets), and its ``sources``
    list gains those outlets so filtering by any of them still finds the story.
    Events marked ``hidden`` never take part. Rows without a day or a place are left alone.
    """
    folded = fold_events(events, threshold)
    return folded.frame[folded.keep], folded.renamed


@dataclass
class Folded:
    """`merge_events` before its rows are picked: the build picks and sorts them in one copy (`prepare_events`).

    ``frame`` is the input (index 0..n-1) with the four merge columns set, its other columns the input's
    own, not copied; ``keep`` marks the surviving rows.
    """

    frame: pd.DataFrame
    keep: np.ndarray
    renamed: dict[str, str]


def fold_events(events: pd.DataFrame, threshold: float = THRESHOLD) -> Folded:
    """What `merge_events` does, without copying the frame: see `Folded`.

    Only groups reported by two documents or more can fold: vectorised group-bys find them, and
    only their rows' ids, documents and token sets become Python values, one run of groups at a time
    (`FOLD_CHUNK` rows): a token set per candidate event at once was most of a 1M build's peak memory.
    The claim status is part of the group: a report a source retracted, or a mere claim, never
    folds into a plain report (it would show as reported by the source that withdrew it).
    """
    out = events.reset_index(drop=True)  # no copy (copy on write): only the index is new
    n = len(out)
    sources = out["sources"].to_numpy(dtype=object).copy() if n else []
    also_ids: list[list[str]] = [[] for _ in range(n)]
    also_src: list[list[str]] = [[] for _ in range(n)]
    n_sources = np.ones(n, dtype="int64")
    keep = np.ones(n, dtype=bool)
    renamed: dict[str, str] = {}
    hidden = out["hidden"].fillna(False).astype(bool) if "hidden" in out.columns else pd.Series(False, index=out.index)
    eligible = out["date_precision"].isin(DAY_PRECISIONS) & out["date"].notna() & out["primary_place"].notna() & ~hidden
    if n and eligible.any():
        cand = out.loc[eligible, ["date", "primary_place", "doc_id"]].assign(claim=out["claim"].astype(str))
        grouped = cand.groupby(["date", "primary_place", "claim"], sort=False)
        multi = (grouped["doc_id"].transform("nunique") >= 2).to_numpy()
        group = grouped.ngroup().to_numpy()[multi]  # numbered in order of first appearance, as a dict would
        rows = cand.index.to_numpy()[multi]
        del cand, grouped
        doc = _ranks(out["doc_id"].take(rows))  # documents as integers in the order of their ids
        # Groups in order of first appearance, each one's events in (document, line, start) order.
        order = np.lexsort((out["start"].to_numpy()[rows], out["line"].to_numpy()[rows], doc, group))
        rows, group, doc = rows[order], group[order], doc[order]
        ids = out["event_id"]
        packed = "tokens" in out.columns  # precomputed per document by the build (rowstore), maybe still packed
        words = out["tokens" if packed else "text"]
        starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]]).tolist() + [len(rows)]
        g = 0
        while g < len(starts) - 1:  # a run of whole groups at a time
            h = g + 1
            while h < len(starts) - 1 and starts[h] - starts[g] < FOLD_CHUNK:
                h += 1
            a, b = starts[g], starts[h]
            run = rows[a:b]
            toks = [_token_set(t) if packed else tokens(t or "") for t in words.take(run).tolist()]
            docs, run_ids, run_sources = doc[a:b].tolist(), ids.take(run).tolist(), out["doc_source"].take(run).tolist()
            for s, e in zip(starts[g:h], starts[g + 1 : h + 1], strict=True):
                for cluster in _clusters(list(range(s - a, e - a)), docs, toks, threshold):
                    first, rest = cluster[0], cluster[1:]
                    row = int(run[first])
                    n_sources[row] = len(cluster)
                    also_ids[row] = [run_ids[j] for j in rest]
                    also_src[row] = [run_sources[j] for j in rest if run_sources[j]]
                    merged_sources = list(sources[row]) if sources[row] is not None else []
                    for src in also_src[row] + [src for j in rest for src in (sources[int(run[j])] or [])]:
                        if src not in merged_sources:
                            merged_sources.append(src)
                    sources[row] = merged_sources
                    for j in rest:
                        renamed[run_ids[j]] = run_ids[first]
                        keep[int(run[j])] = False
            g = h
    frame = out.assign(sources=list(sources), n_sources=n_sources, also_reported_by=also_ids, also_sources=also_src)
    return Folded(frame, keep, renamed)


FOLD_CHUNK = 50_000


def _ranks(values: pd.Series) -> np.ndarray:
    """Each value as an integer, ordered as Python orders the values (their sort order, without Python strings)."""
    codes, uniques = pd.factorize(values)
    by_value = sorted(range(len(uniques)), key=list(uniques).__getitem__)
    rank = np.empty(len(uniques), dtype="int64")
    rank[by_value] = np.arange(len(uniques))
    return rank[codes]


def _token_set(cell: object) -> frozenset[str]:
    """A `tokens` cell as a set: a list of words, or the words packed into one string with SEP.

    The build keeps them packed (a list per event is a million small objects at 1M events)
    and unpacks only the events that can merge.
    """
    if isinstance(cell, str):
        return frozenset(cell.split(SEP)) if cell else frozenset()
    return frozenset(cell) if cell is not None and not isinstance(cell, float) else frozenset()
