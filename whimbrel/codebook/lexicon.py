"""The trigger lexicon: which words name which events.

The entries are data in :mod:`whimbrel.codebook._lexicon_text` (its docstring gives
the syntax); they are parsed once at import into frozen :class:`TriggerSense`
records, checked against the PLOVER types and modes of :mod:`whimbrel.codebook.plover`.
"""

from __future__ import annotations

from types import MappingProxyType
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Optional

from ..errors import CodebookError
from ._lexicon_text import LEXICON_TEXT
from .plover import EVENT_TYPES, checked_type


@dataclass(frozen=True)
class TriggerSense:
    """One sense of a trigger word.

    ``particle``: the particle or preposition a phrasal verb needs ("call on").
    ``object_lemmas``: for a light verb, the objects it needs ("carry out" + attack);
    for a noun, the modifiers it needs ("strike" + hunger).  ``weight`` in (0, 1]:
    how strongly the word alone signals this sense.
    """

    lemma: str
    pos: str
    event_type: str
    mode: Optional[str] = None
    particle: Optional[str] = None
    object_lemmas: Optional[tuple[str, ...]] = None
    weight: float = 1.0

    @property
    def text(self) -> str:
        """The entry as written: 'carry out +attack/raid'."""
        words = [self.lemma] + ([self.particle] if self.particle else [])
        if self.object_lemmas:
            words.append("+" + "/".join(self.object_lemmas))
        return " ".join(words)


def _parse_entry(entry: str, pos: str, etype: str, mode: Optional[str], lineno: int) -> Optional[TriggerSense]:
    """One comma-separated entry ("carry out +attack/raid ~0.8") as a sense; None when blank."""
    words = entry.split()
    if not words:
        return None
    weight = 1.0
    objs: list[str] = []
    plain: list[str] = []
    for w in words:
        if w.startswith("~"):
            weight = float(w[1:])
        elif w.startswith("+"):
            objs.extend(o for o in w[1:].split("/") if o)
        else:
            plain.append(w.lower())
    if not plain or len(plain) > 2:
        raise CodebookError(f"lexicon line {lineno}: bad entry {entry.strip()!r}")
    return TriggerSense(
        lemma=plain[0],
        pos=pos,
        event_type=etype,
        mode=mode,
        particle=plain[1] if len(plain) == 2 else None,
        object_lemmas=tuple(objs) if objs else None,
        weight=weight,
    )


def _parse_header(line: str, lineno: int) -> tuple[str, Optional[str]]:
    """A block header "TYPE [mode]", checked against the codebook."""
    head = line.split()
    if head[0] not in EVENT_TYPES or len(head) > 2:
        raise CodebookError(f"lexicon line {lineno}: bad header {line!r}")
    etype, mode = head[0], (head[1] if len(head) == 2 else None)
    checked_type(etype, mode)
    return etype, mode


def _parse_lexicon(text: str) -> tuple[TriggerSense, ...]:
    """Every sense of the lexicon text, in order, the first of each duplicate kept."""
    out: list[TriggerSense] = []
    seen: set[tuple[Any, ...]] = set()
    etype: Optional[str] = None
    mode: Optional[str] = None
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line[:2] not in ("V:", "N:"):
            etype, mode = _parse_header(line, lineno)
            continue
        if etype is None:
            raise CodebookError(f"lexicon line {lineno}: entries before a type header")
        pos = "VERB" if line[0] == "V" else "NOUN"
        for entry in line[2:].split(","):
            sense = _parse_entry(entry, pos, etype, mode, lineno)
            if sense is None:
                continue
            key = (sense.lemma, sense.pos, sense.event_type, sense.mode, sense.particle, sense.object_lemmas)
            if key not in seen:
                seen.add(key)
                out.append(sense)
    return tuple(out)


TRIGGERS: tuple[TriggerSense, ...] = _parse_lexicon(LEXICON_TEXT)
"""Every trigger sense, in lexicon order."""


class TriggerLexicon:
    """Lookups over a set of trigger senses (the default: :data:`TRIGGERS`)."""

    def __init__(self, senses: Iterable[TriggerSense] = ()) -> None:
        self.senses: tuple[TriggerSense, ...] = tuple(senses)
        by_lemma: dict[tuple[str, str], list[TriggerSense]] = {}
        for s in self.senses:
            by_lemma.setdefault((s.lemma, s.pos), []).append(s)
        # strongest first, sorted once (a stable sort: equal weights keep lexicon order)
        self._by_lemma = {k: tuple(sorted(v, key=lambda s: -s.weight)) for k, v in by_lemma.items()}

    def senses_of(self, lemma: str, pos: str) -> list[TriggerSense]:
        """All senses of ``lemma`` as ``pos`` ("VERB"/"NOUN"), strongest first (a new list)."""
        return list(self._by_lemma.get((lemma.lower(), _pos(pos)), ()))

    def phrasal(self, lemma: str, particle: str, pos: str = "VERB") -> list[TriggerSense]:
        """Senses that need exactly this particle ("call" + "on")."""
        p = particle.lower()
        return [s for s in self.senses_of(lemma, pos) if s.particle == p]

    def with_object(self, lemma: str, obj_lemma: str, pos: str = "VERB", particle: Optional[str] = None) -> list[TriggerSense]:
        """Senses of a light verb (or modified noun) that accept this object (or modifier)."""
        o = obj_lemma.lower()
        return [
            s
            for s in self.senses_of(lemma, pos)
            if s.object_lemmas and o in s.object_lemmas and s.particle == (particle.lower() if particle else None)
        ]

    def bare(self, lemma: str, pos: str) -> list[TriggerSense]:
        """Senses that need neither particle nor object: the word alone names the event."""
        return [s for s in self.senses_of(lemma, pos) if s.particle is None and not s.object_lemmas]

    def lemmas(self, pos: Optional[str] = None) -> frozenset[str]:
        """All lemmas (of one part of speech, if given)."""
        p = _pos(pos) if pos else None
        return frozenset(s.lemma for s in self.senses if p is None or s.pos == p)

    def counts(self) -> dict[str, int]:
        """Number of senses per event type."""
        out = {t: 0 for t in EVENT_TYPES}
        for s in self.senses:
            out[s.event_type] += 1
        return out


def _pos(pos: str) -> str:
    p = pos.upper()
    if p in ("V", "VERB", "AUX"):
        return "VERB"
    if p in ("N", "NOUN", "PROPN"):
        return "NOUN"
    return p


LEXICON = TriggerLexicon(TRIGGERS)
"""The default trigger lexicon (immutable; built from data at import)."""

PHRASAL: Mapping[tuple[str, str], tuple[TriggerSense, ...]] = MappingProxyType(
    {
        key: tuple(s for s in TRIGGERS if (s.lemma, s.particle) == key)
        for key in {(s.lemma, s.particle) for s in TRIGGERS if s.particle and s.pos == "VERB"}
    }
)
"""Phrasal verbs: (lemma, particle) → senses, e.g. ('call', 'on')."""


def senses(lemma: str, pos: str) -> list[TriggerSense]:
    """All senses of a lemma (any particle/object), strongest first."""
    return LEXICON.senses_of(lemma, pos)


def phrasal(lemma: str, particle: str) -> list[TriggerSense]:
    """Senses of the phrasal verb ``lemma particle``."""
    return LEXICON.phrasal(lemma, particle)


__all__ = ["LEXICON", "PHRASAL", "TRIGGERS", "TriggerLexicon", "TriggerSense", "phrasal", "senses"]
