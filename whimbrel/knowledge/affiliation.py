"""Places that are part of an actor's name: :func:`names_affiliation`.

"Military Forces of Ukraine", "Police Forces of Nigeria", "the Government of Mali",
"militants of the Islamic State Sahel Province", "Unidentified Armed Group (Sudan)",
"Protesters (Kenya)": the country or region in such a name says whom the actor belongs to,
not where the event happened.  Conflict notes name the location separately ("near Kaya",
"in Gao (Gao, Gao)"), and event datasets code that place.  :func:`event_place` therefore
lets a place of an actor's name stand for the event only when the sentence gives no other.

A place is part of an actor's name when, climbing its dependency heads through ``of`` /
``for`` complements, compounds, coordinations and a parenthesis that holds only that place,
it reaches a noun of an organisation, force or group (:data:`GROUP_NOUNS`), or when it sits
inside an organisation entity with such a noun ("Police Forces of Ghana" tagged ORG).  A place in a
locative phrase ("fighters near Damboa") or the complement of another noun ("the centre of
Belgorod", "the village of Robotyne") is not.
"""

from __future__ import annotations

from typing import Any, Optional

from ..spacy_doc import doc_ents, doc_text, remembered

GROUP_NOUNS = frozenset("""
force forces army armies military militaries police policemen troops soldiers navy guard guards gendarmerie
government governments administration authorities authority ministry council state regime junta
militia militias group groups militants militant fighters rebels rebel insurgents movement front brigade
brigades battalion regiment unit units volunteers members supporters protesters demonstrators rioters
province wing faction party coalition alliance service services agency commission
""".split())
"""Nouns that head the name of an organisation, force or group ("Forces of X", "Group (X)")."""

_NAME_PREPS = frozenset({"of", "for"})


def _parenthesised_alone(doc: Any, start: int, end: int) -> bool:
    """Whether the place ``start:end`` is the whole content of a parenthesis ("Group (Chad)")."""
    text = doc_text(doc)
    return text[:start].rstrip().endswith("(") and text[end:].lstrip().startswith(")")


def _climb(doc: Any, root: Any, start: int, end: int) -> bool:
    tok = root
    for _ in range(5):
        head = tok.head
        if head is tok:
            return False
        dep = tok.dep_
        if dep == "pobj" and head.dep_ == "prep" and head.lower_ in _NAME_PREPS:
            tok = head.head
        elif dep in ("compound", "conj"):
            tok = head
        elif dep == "appos" and _parenthesised_alone(doc, start, end):
            tok = head
        else:
            return False
        if tok.pos_ not in ("NOUN", "PROPN"):
            return False
        if tok.lower_ in GROUP_NOUNS and not (start <= tok.idx < end):
            return True
    return False


def names_affiliation(doc: Any, start: Optional[int], end: Optional[int]) -> bool:
    """Whether the place at characters ``start:end`` of ``doc`` is part of an actor's name."""
    if start is None or end is None:
        return False

    def compute() -> bool:
        for ent in doc_ents(doc):
            if ent.label_ == "ORG" and ent.start_char <= start and end <= ent.end_char and \
                    any(t.lower_ in GROUP_NOUNS and not (start <= t.idx < end) for t in ent):
                return True
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        return _climb(doc, span.root, start, end)

    return remembered(doc, ("affiliation", start, end), compute)


__all__ = ["GROUP_NOUNS", "names_affiliation"]
