"""The text filter's index: which rows contain what the user typed, without reading every row.

The text filter keeps a row when its (case-folded) text contains the typed text anywhere, as
`str.contains` would. Scanning every sentence for it took 40-100 ms at 100k events (18 MB of text)
and ten times that at 1M, on every search. So each text is split once, when the tables are first
read, into tokens (runs of letters, digits and combining marks); the index keeps the distinct tokens
(thousands, not millions) and, per token, the rows holding it. A search reads the token list and
the rows of the tokens that match:

- a needle with no separator in it (a word or part of one: "homs", "russ") can only occur inside a
  token, so the rows of the tokens containing it are exactly the answer and no row is read;
- a needle with separators ("al-bab", "deir ez") must have each piece inside some token of a row:
  only the rows holding every piece are read and checked for the whole needle;
- a needle of separators alone ("-") is checked against every row: nothing narrows it.

`rows_checked` counts the rows read by substring (tests assert a word reads none).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

SEPARATORS = r"[^\p{L}\p{N}\p{M}]+"  # RE2 syntax (pyarrow): everything that is not a letter, digit or mark
FIELD_SEP = "\x00"  # joins the fields of one row (a quote's text, speaker, role): no needle matches across it


def _large(values: pd.Series | list[str]) -> pa.Array:
    arr = pa.array(values, type=pa.large_string(), from_pandas=True)
    return arr.combine_chunks() if isinstance(arr, pa.ChunkedArray) else arr


def _pieces(needle: str) -> list[str]:
    """The needle split exactly as the texts were (the same expression, the same engine)."""
    split = pc.split_pattern_regex(pa.array([needle], type=pa.large_string()), SEPARATORS)
    return [p for p in split[0].as_py() if p]


class TextIndex:
    """Rows of many short texts, found by substring through their tokens (see the module's docstring)."""

    def __init__(self, texts: pd.Series | list[str]) -> None:
        self._texts = _large(pd.Series(texts, dtype=object).fillna("").tolist() if isinstance(texts, list)
                             else texts.fillna(""))  # fmt: skip
        self.n = len(self._texts)
        self.rows_checked = 0
        split = pc.split_pattern_regex(self._texts, SEPARATORS)
        counts = np.diff(split.offsets.to_numpy())
        rows = np.repeat(np.arange(self.n, dtype=np.int64), counts)
        encoded = pc.dictionary_encode(split.flatten())
        tokens = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
        order = np.argsort(tokens, kind="stable")  # by token; rows stay ascending within each token
        tokens, rows = tokens[order], rows[order]
        first = np.ones(len(tokens), bool)
        first[1:] = (tokens[1:] != tokens[:-1]) | (rows[1:] != rows[:-1])  # a token twice in a row: once
        self._rows = rows[first]
        self._starts = np.searchsorted(tokens[first], np.arange(len(encoded.dictionary) + 1))
        self._tokens = encoded.dictionary

    def _rows_with(self, piece: str) -> np.ndarray:
        """Which rows have a token containing `piece`: read from the matching tokens' rows, nothing else."""
        mask = np.zeros(self.n, bool)
        hit = np.flatnonzero(pc.match_substring(self._tokens, piece).to_numpy(zero_copy_only=False))
        lens = self._starts[hit + 1] - self._starts[hit]
        total = int(lens.sum())
        if total:
            shift = np.repeat(self._starts[hit] - (np.cumsum(lens) - lens), lens)
            mask[self._rows[shift + np.arange(total)]] = True
        return mask

    def _check(self, rows: np.ndarray, needle: str) -> np.ndarray:
        """The rows among `rows` whose text holds the whole needle: the only place rows are read."""
        self.rows_checked += len(rows)
        if len(rows) == 0:
            return rows
        found = pc.match_substring(self._texts.take(pa.array(rows)), needle).to_numpy(zero_copy_only=False)
        return rows[found]

    def find(self, needle: str) -> np.ndarray:
        """Which rows contain `needle` (already case-folded like the texts), as a boolean array."""
        mask = np.zeros(self.n, bool)
        if not needle or FIELD_SEP in needle:
            mask[:] = not needle
            return mask
        pieces = _pieces(needle)
        if not pieces:
            rows = self._check(np.arange(self.n), needle)
            mask[rows] = True
            return mask
        for i, piece in enumerate(sorted(set(pieces), key=len, reverse=True)):  # the longest narrows most
            found = self._rows_with(piece)
            mask = found if i == 0 else mask & found
        if pieces != [needle]:  # separators in the needle: the rows holding every piece are only candidates
            candidates = np.flatnonzero(mask)
            mask[candidates] = False
            mask[self._check(candidates, needle)] = True
        return mask
