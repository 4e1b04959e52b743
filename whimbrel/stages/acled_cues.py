"""Read the ACLED cues of a sentence from its parse (for the codebook's ACLED layer).

The codebook (:mod:`whimbrel.codebook.acled_rules`) holds the cue phrases and the rules and
knows nothing of spaCy; this helper, called by the merge stage, matches the phrases against
the tokens of an event's own sentence and hands the cue names over.

A phrase is matched on each token's lemma or lower-cased form: ``a b`` needs adjacent
tokens, ``a ... b`` allows up to :data:`GAP` tokens between the parts, ``x|y`` is either
word.  A hyphenated word in a phrase ("sit-in") is matched as the tokens spaCy splits it
into ("sit", "-", "in").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from ..codebook.acled_rules import CUE_IGNORED, CUE_PHRASES

GAP = 4


@dataclass(frozen=True)
class _Part:
    words: tuple[frozenset[str], ...]  # consecutive token alternatives


@dataclass(frozen=True)
class _Phrase:
    parts: tuple[_Part, ...]


def _compile(phrase: str) -> _Phrase:
    parts = []
    for chunk in phrase.split(" ... "):
        words = tuple(frozenset(w.split("|")) for w in chunk.replace("-", " - ").split())
        parts.append(_Part(words))
    return _Phrase(tuple(parts))


def _compiled() -> dict[str, tuple[_Phrase, ...]]:
    return {name: tuple(_compile(p) for p in phrases) for name, phrases in CUE_PHRASES.items()}


_PHRASES = _compiled()  # built once from the codebook's frozen table, never changed
_IGNORED = tuple(_compile(p) for p in CUE_IGNORED)


def _forms(tokens: Iterable[Any]) -> list[frozenset[str]]:
    """Per token, the forms a phrase word may match: its lemma and its lower-cased text."""
    out = []
    for t in tokens:
        lemma = (getattr(t, "lemma_", "") or "").lower()
        lower = (getattr(t, "lower_", None) or str(t)).lower()
        out.append(frozenset(f for f in (lemma, lower) if f))
    return out


def _part_at(forms: Sequence[frozenset[str]], i: int, part: _Part) -> bool:
    if i + len(part.words) > len(forms):
        return False
    return all(forms[i + k] & alts for k, alts in enumerate(part.words))


def _matches(forms: Sequence[frozenset[str]], phrase: _Phrase) -> bool:
    first, rest = phrase.parts[0], phrase.parts[1:]
    for i in range(len(forms)):
        if not _part_at(forms, i, first):
            continue
        pos = i + len(first.words)
        ok = True
        for part in rest:
            hit = next((j for j in range(pos, min(len(forms), pos + GAP + 1)) if _part_at(forms, j, part)), None)
            if hit is None:
                ok = False
                break
            pos = hit + len(part.words)
        if ok:
            return True
    return False


def _blank_ignored(forms: list[frozenset[str]]) -> list[frozenset[str]]:
    """Blank the tokens of phrases that are no cue ("riot police") so no cue phrase matches them."""
    out = list(forms)
    for phrase in _IGNORED:
        words = [w for part in phrase.parts for w in part.words]
        for i in range(len(out) - len(words) + 1):
            if all(out[i + k] & alts for k, alts in enumerate(words)):
                for k in range(len(words)):
                    out[i + k] = frozenset()
    return out


def cues_in_tokens(tokens: Iterable[Any]) -> frozenset[str]:
    """The cue names whose phrases occur in these tokens (spaCy tokens or anything with ``lemma_``/``lower_``)."""
    forms = _blank_ignored(_forms(tokens))
    return frozenset(name for name, phrases in _PHRASES.items() if any(_matches(forms, p) for p in phrases))


def sentence_cues(token: Any) -> frozenset[str]:
    """The cues of the sentence a spaCy token is in (the whole doc when sentences are not set)."""
    try:
        sent = token.sent
    except (AttributeError, ValueError):
        sent = getattr(token, "doc", ())
    return cues_in_tokens(sent)


__all__ = ["GAP", "cues_in_tokens", "sentence_cues"]
