"""Numbers in words and digits as :class:`~whimbrel.records.Count` (``parse_quantity``).

Conventions for :class:`~whimbrel.records.Count` (always ``low <= best <= high``)
-------------------------------------------------------------------------------
* An exact figure ("18", "eighteen", "a dozen", "a man") → low = best = high.
* A lower bound ("at least 12", "more than 100", "over 100", "no fewer than 12") →
  low = best = the figure, high None.  The written figure is kept, not figure + 1.
* An upper bound ("up to 30", "as many as 30") → high only; ("nearly 30", "almost 30",
  "close to 30", "fewer than 30") → best = high = the figure (an approximation of it).
* An approximation ("about 40", "around 40", "some 40", "an estimated 40") → best only.
* A range ("between 5 and 10", "5 to 10", "5-10", "5 or 6") → low = best = 5 (the
  conservative end), high = 10.
* Vague plurals are conservative lower bounds, low = best = the smallest reading, high None:
  "a few" 2, "a couple" 2 (exact), "a number of" 2, "several" 3, "a handful" 3,
  "dozens" 24, "scores" 40, "tens of" 20, "hundreds" 200, "thousands" 2000,
  "tens of thousands" 20000, "hundreds of thousands" 200000, "millions" 2000000.
  "Dozens of" means at least two dozen; the number reported as a best guess is that floor.
* "no", "none", "no one", "nobody", "zero" → 0.  "a"/"an"/"one" → 1.

Integers never pass through floats: digits are read exactly (``Fraction``), however many
(up to :data:`MAX_DIGITS`), so "99999999999999999999999" is that integer, and an implausible
figure is refused later, at the event (:mod:`whimbrel.stages.plausible`).  Not figures:
a signed number ("-5 killed"), digits with misplaced separators ("1,2,3"), more than
:data:`MAX_DIGITS` digits.  Decimal digits of other scripts (Arabic-Indic "٣",
Devanagari "३") are read as their values.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Iterable, Optional, Sequence, Union

from whimbrel.knowledge.vocabulary import MULTIPLIERS, NUMBER_TENS, NUMBER_UNITS, VAGUE_QUANTITIES
from whimbrel.records import Count

__all__ = ["MAX_DIGITS", "Quantity", "is_number_word", "parse_quantity"]

MAX_DIGITS = 60
"""A longer run of digits is not read as a figure (no count is that long)."""

# number words, multipliers and vague plurals (smallest reading): the shared vocabulary
_UNITS = NUMBER_UNITS
_TENS = NUMBER_TENS
_SCALES = MULTIPLIERS
_VAGUE = VAGUE_QUANTITIES
_LOWER = ("at least", "at minimum", "a minimum of", "no fewer than", "no less than", "not less than",
          "more than", "over", "upwards of", "in excess of", "above", "exceeding", "at least another")
_NEARLY = ("nearly", "almost", "close to", "fewer than", "less than", "just under", "under",
           "nearing", "approaching", "just short of")
_UPTO = ("up to", "as many as", "as much as", "at most", "a maximum of", "no more than")
_ABOUT = ("about", "around", "approximately", "roughly", "some", "an estimated", "estimated",
          "approx", "circa", "perhaps", "possibly", "reportedly", "or so")

# a minus sign glued to digits and not after a word ("-5", not the range "5-10") makes a
# signed number: one word that is no figure
_WORD = re.compile(r"(?<![\w)])-\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?|[a-z]+(?:'[a-z]+)?|-")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")

Quantity = Union[str, Sequence[object]]


def _words(text: str) -> list[str]:
    low = text.lower().replace("\u2013", "-").replace("\u2014", "-")
    low = low.replace("\u066c", ",").replace("\u066b", ".")  # Arabic thousands and decimal separators
    out: list[str] = []
    for w in _WORD.findall(low):
        out.append(w)
    return out


def _digits(word: str) -> Optional[Fraction]:
    """The exact value of a word of digits ("1,250", "2.5", "٣"), or None when it is none."""
    if not word[0].isdigit():
        return None
    whole, _, frac = word.partition(".")
    if "," in whole and not _GROUPED.fullmatch(whole):
        return None  # "1,2,3": separators that group no thousands
    whole = whole.replace(",", "")
    if len(whole) + len(frac) > MAX_DIGITS or "," in frac:
        return None
    try:
        value = Fraction(int(whole))
        if frac:
            value += Fraction(int(frac), 10 ** len(frac))
    except ValueError:
        return None
    return value


def _read_number(words: list[str], i: int) -> Optional[tuple[int, int, bool]]:
    """Read a number starting at ``words[i]``: (value, next index, exact?) or None."""
    n = len(words)
    w = words[i]
    val = _digits(w)
    if val is not None:
        j = i + 1
        if j < n and words[j] in _SCALES and words[j] != "hundred" or (j < n and words[j] == "hundred"):
            val *= _SCALES[words[j]]
            j += 1
        return int(round(val)), j, True
    if w in ("half", ) and i + 2 < n and words[i + 1] == "a" and words[i + 2] == "dozen":
        return 6, i + 3, True
    if w in ("a", "an", "one") and i + 1 < n and words[i + 1] == "dozen":
        return 12, i + 2, True
    if w in ("a", "an") and i + 1 < n and words[i + 1] in ("hundred", "thousand", "million"):
        return _SCALES[words[i + 1]], i + 2, True
    if w == "dozen":
        return 12, i + 1, True
    if w in ("a", "an") and i + 1 < n and words[i + 1] == "couple":
        j = i + 2 + (1 if i + 2 < n and words[i + 2] == "of" else 0)
        return 2, j, True
    if w in ("a", "an") and i + 2 < n and words[i + 1] == "number" and words[i + 2] == "of":
        return 2, i + 3, False
    if w in ("a", "an") and i + 1 < n and words[i + 1] == "few":
        return 2, i + 2, False
    if w in ("a", "an") and i + 1 < n and words[i + 1] == "handful":
        j = i + 2 + (1 if i + 2 < n and words[i + 2] == "of" else 0)
        return 3, j, False
    if w in ("tens", "hundreds") and i + 2 < n and words[i + 1] == "of" and words[i + 2] == "thousands":
        return (20_000 if w == "tens" else 200_000), i + 3, False
    if w in _VAGUE:
        return _VAGUE[w], i + 1, False
    if w in _UNITS or w in _TENS:
        total, current, j = 0, 0, i
        while j < n:
            t = words[j]
            if t in _UNITS:
                current += _UNITS[t]
            elif t in _TENS:
                current += _TENS[t]
                if j + 2 < n and words[j + 1] == "-" and words[j + 2] in _UNITS:
                    current += _UNITS[words[j + 2]]
                    j += 2
            elif t in _SCALES:
                if t == "hundred":
                    current = max(current, 1) * 100
                else:
                    total += max(current, 1) * _SCALES[t]
                    current = 0
            elif t == "dozen":
                current = max(current, 1) * 12
            elif t == "and" and j + 1 < n and (words[j + 1] in _UNITS or words[j + 1] in _TENS) and current >= 100:
                pass
            else:
                break
            j += 1
        return total + current, j, True
    if w in ("twenty-one",):  # pragma: no cover - hyphen handled above
        return None
    return None


def _preceded(words: list[str], i: int, phrases: Iterable[str]) -> bool:
    before = " ".join(words[max(0, i - 4):i])
    return any(before == p or before.endswith(" " + p) for p in phrases)


def parse_quantity(text_or_tokens: Quantity) -> Optional[Count]:
    """The first figure written in ``text_or_tokens`` (a string, Span or token list).

    See the module docstring for the conventions.  None when there is no figure.
    """
    if isinstance(text_or_tokens, str):
        text = text_or_tokens
    else:
        text = " ".join(getattr(t, "text", str(t)) for t in text_or_tokens)
    words = _words(text)
    if not words:
        return None
    if words[0] in ("no", "none", "nobody", "zero", "nothing", "neither") or words[:2] == ["not", "a"] \
            or words[:2] == ["not", "one"] or words[:2] == ["not", "any"]:
        if not any(_read_number(words, k) for k in range(1, len(words)) if words[k] not in ("one", "a", "an")):
            return Count(low=0, best=0, high=0)
    for i in range(len(words)):
        if words[i] in ("a", "an") and not (i + 1 < len(words) and words[i + 1] in (
                "dozen", "couple", "number", "few", "handful", "hundred", "thousand", "million")):
            continue
        got = _read_number(words, i)
        if got is None:
            continue
        value, j, exact = got
        # range: "5 to 10", "5-10", "5 or 6", "between 5 and 10"
        if j + 1 < len(words) and words[j] in ("to", "-", "or", "and") and (
            words[j] != "and" or _preceded(words, i, ("between",))
        ):
            other = _read_number(words, j + 1)
            if other is not None and other[0] > value:
                return Count(low=value, best=value, high=other[0])
        if _preceded(words, i, _UPTO):
            return Count(high=value)
        if _preceded(words, i, _NEARLY):
            return Count(best=value, high=value)
        if _preceded(words, i, _LOWER) or (j < len(words) and words[j:j + 2] == ["or", "more"]) \
                or (j < len(words) and words[j] == "plus") or not exact:
            return Count(low=value, best=value)
        if _preceded(words, i, _ABOUT) or (j + 1 < len(words) and words[j:j + 2] == ["or", "so"]):
            return Count(best=value)
        return Count(low=value, best=value, high=value)
    if words[0] in ("a", "an", "one", "another", "single", "lone"):
        return Count(low=1, best=1, high=1)
    return None


def is_number_word(word: str) -> bool:
    """Whether a lower-case word names a number ("eighteen", "dozens", "twenty")."""
    return word in _UNITS or word in _TENS or word in _VAGUE or word in ("dozen", "dozens")
