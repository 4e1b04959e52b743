"""``difflib.get_close_matches`` over a fixed list of words, with the same answers, faster.

difflib tries every candidate in turn: a test on the two lengths (``real_quick_ratio``), then
one on the letters the two words share whatever their order (``quick_ratio``), and only then
the real ratio.  The second test is what costs when the list is long: it counts letters in
Python for each candidate.  :class:`CloseMatcher` counts the letters of its words once, into
a matrix, and does that test for all candidates at once; the few that pass go through
difflib's own ``SequenceMatcher`` exactly as ``get_close_matches`` would put them, so the
answer (words and order) is the same.
"""

from __future__ import annotations

import difflib
import heapq
from typing import Sequence


class CloseMatcher:
    """``difflib.get_close_matches(word, words, n, cutoff)`` for a fixed ``words``."""

    def __init__(self, words: Sequence[str]) -> None:
        import numpy as np

        self.words = list(words)
        letters = sorted({ch for w in self.words for ch in w})
        self._column = {ch: k for k, ch in enumerate(letters)}
        counts = np.zeros((len(self.words), max(1, len(letters))), dtype=np.int32)
        for row, w in enumerate(self.words):
            for ch in w:
                counts[row, self._column[ch]] += 1
        self._counts = counts
        self._lengths = np.array([len(w) for w in self.words], dtype=np.int64)

    def close(self, word: str, n: int = 3, cutoff: float = 0.6) -> list[str]:
        """The best ``n`` words whose ratio to ``word`` is at least ``cutoff``, best first."""
        import numpy as np

        if not self.words:
            return []
        mine = np.zeros(self._counts.shape[1], dtype=np.int32)
        for ch in word:
            k = self._column.get(ch)
            if k is not None:
                mine[k] += 1
        shared = np.minimum(self._counts, mine).sum(axis=1)
        total = self._lengths + len(word)
        # difflib's two cheap upper bounds, computed as it computes them (2.0 * m / length)
        longest = np.minimum(self._lengths, len(word))
        passing = np.flatnonzero((2.0 * longest / total >= cutoff) & (2.0 * shared / total >= cutoff))
        s = difflib.SequenceMatcher()
        s.set_seq2(word)
        result = []
        for row in passing.tolist():
            x = self.words[row]
            s.set_seq1(x)
            if s.real_quick_ratio() >= cutoff and s.quick_ratio() >= cutoff and s.ratio() >= cutoff:
                result.append((s.ratio(), x))
        return [x for _score, x in heapq.nlargest(n, result)]


__all__ = ["CloseMatcher"]
