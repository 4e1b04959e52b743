"""Facts derived from a spaCy ``Doc`` once and reused by every stage.

spaCy rebuilds ``doc.ents`` and ``doc.text`` on each access, and several stages ask for
the same per-sentence figures.  They are kept in a :class:`DocMemo` inside the Doc's
``user_data``.  The memo holds spaCy views (``Span`` objects), which cannot be pickled,
so it pickles as an *empty* memo: a Doc shipped to another process recomputes what it
needs on first use, with the same result.

This module sits at the bottom of the house (it imports nothing of whimbrel), so the
knowledge layer and the stages can both use it.
"""

from __future__ import annotations

from typing import Any, Callable, Hashable, TypeVar

T = TypeVar("T")

_MEMO_KEY = "whimbrel.memo"


class DocMemo(dict):
    """Derived, recomputable facts about one Doc; pickles as an empty memo."""

    def __reduce__(self) -> tuple:
        return (DocMemo, ())


def memo(doc: Any) -> DocMemo:
    """The memo of ``doc`` (created on first use)."""
    found = doc.user_data.get(_MEMO_KEY)
    if found is None:
        found = DocMemo()
        doc.user_data[_MEMO_KEY] = found
    return found


def remembered(doc: Any, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` once per Doc and ``key``; later calls return the kept value."""
    facts = memo(doc)
    if key in facts:
        return facts[key]
    value = compute()
    facts[key] = value
    return value


def doc_ents(doc: Any) -> tuple:
    """``doc.ents``, computed once per Doc."""
    return remembered(doc, "ents", lambda: tuple(doc.ents))


def doc_text(doc: Any) -> str:
    """``doc.text``, built once per Doc."""
    return remembered(doc, "text", lambda: doc.text)


def ent_of(tok: Any) -> Any:
    """The entity span a token is part of, or None."""
    if not tok.ent_type_:
        return None
    for ent in doc_ents(tok.doc):
        if ent.start <= tok.i < ent.end:
            return ent
    return None


__all__ = ["DocMemo", "doc_ents", "doc_text", "ent_of", "memo", "remembered"]
