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
    return frozenset(w for w in _WORD.findall(text.casefold().replace("\u2019", "'")) if w not in _STOP)


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
    Plain lists and a dict of groups rather than pandas groupby: most groups hold one event, and
    per-group DataFrames cost more than the comparisons.
    """
    out = events.reset_index(drop=True)
    n = len(out)
    sources = out["sources"].to_numpy(dtype=object).copy() if n else []
    also_ids: list[list[str]] = [[] for _ in range(n)]
    also_src: list[list[str]] = [[] for _ in range(n)]
    n_sources = [1] * n
    keep = [True] * n
    renamed: dict[str, str] = {}
    # Only groups reported by two documents or more can fold: find them with vectorised
    # group-bys and turn just their rows into Python values (most of 100k events are alone).
    # The claim status is part of the group: a report a source retracted, or a mere claim, never
    # folds into a plain report (it would show as reported by the source that withdrew it).
    hidden = out["hidden"].fillna(False).astype(bool) if "hidden" in out.columns else pd.Series(False, index=out.index)
    eligible = out["date_precision"].isin(DAY_PRECISIONS) & out["date"].notna() & out["primary_place"].notna() & ~hidden
    if n and eligible.any():
        cand = out.loc[eligible, ["date", "primary_place", "doc_id"]].assign(claim=out["claim"].astype(str))
        n_docs = cand.groupby(["date", "primary_place", "claim"], sort=False)["doc_id"].transform("nunique")
        rows = cand.index[(n_docs >= 2).to_numpy()].to_numpy()
        sub = out.loc[rows]
        ids, docs = sub["event_id"].tolist(), sub["doc_id"].tolist()
        doc_sources, lines, starts = sub["doc_source"].tolist(), sub["line"].tolist(), sub["start"].tolist()
        if "tokens" in sub.columns:  # precomputed per document by the build (rowstore), maybe still packed
            toks = [_token_set(t) for t in sub["tokens"].tolist()]
        else:
            toks = [tokens(t or "") for t in sub["text"].tolist()]
        groups: dict[tuple[str, str, str], list[int]] = {}
        claims = sub["claim"].astype(str).tolist()
        for j, key in enumerate(zip(sub["date"].tolist(), sub["primary_place"].tolist(), claims, strict=True)):
            groups.setdefault(key, []).append(j)
        for members in groups.values():
            members.sort(key=lambda j: (docs[j], lines[j], starts[j]))
            for cluster in _clusters(members, docs, toks, threshold):
                first, rest = cluster[0], cluster[1:]
                row = int(rows[first])
                n_sources[row] = len(cluster)
                also_ids[row] = [ids[j] for j in rest]
                also_src[row] = [doc_sources[j] for j in rest if doc_sources[j]]
                merged_sources = list(sources[row]) if sources[row] is not None else []
                for s in also_src[row] + [s for j in rest for s in (sources[int(rows[j])] or [])]:
                    if s not in merged_sources:
                        merged_sources.append(s)
                sources[row] = merged_sources
                for j in rest:
                    renamed[ids[j]] = ids[first]
                    keep[int(rows[j])] = False
    out = out.assign(sources=list(sources), n_sources=n_sources, also_reported_by=also_ids, also_sources=also_src)
    return out[keep], renamed


def _token_set(cell: object) -> frozenset[str]:
    """A `tokens` cell as a set: a list of words, or the words packed into one string with SEP.

    The build keeps them packed (a list per event is a million small objects at 1M events)
    and unpacks only the events that can merge.
    """
    if isinstance(cell, str):
        return frozenset(cell.split(SEP)) if cell else frozenset()
    return frozenset(cell) if cell is not None and not isinstance(cell, float) else frozenset()
