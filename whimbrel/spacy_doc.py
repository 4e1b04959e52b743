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

PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
"""The entity labels spaCy gives the names of places (countries and towns, other locations, facilities)."""


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
    facts = doc.user_data.get(_MEMO_KEY)
    if facts is None:
        facts = memo(doc)
    elif key in facts:
        return facts[key]
    value = compute()
    facts[key] = value
    return value


def doc_ents(doc: Any) -> tuple:
    """``doc.ents``, computed once per Doc."""
    facts = doc.user_data.get(_MEMO_KEY)  # the kept value without a call or a closure
    found = facts.get("ents") if facts is not None else None
    return found if found is not None else remembered(doc, "ents", lambda: tuple(doc.ents))


def doc_text(doc: Any) -> str:
    """``doc.text``, built once per Doc."""
    facts = doc.user_data.get(_MEMO_KEY)  # the kept value without a call or a closure
    found = facts.get("text") if facts is not None else None
    return found if found is not None else remembered(doc, "text", lambda: doc.text)


def doc_sents(doc: Any) -> tuple:
    """``tuple(doc.sents)``, computed once per Doc."""
    facts = doc.user_data.get(_MEMO_KEY)  # the kept value without a call or a closure
    found = facts.get("sents") if facts is not None else None
    return found if found is not None else remembered(doc, "sents", lambda: tuple(doc.sents))


class TokenTable:
    """The string attributes of every token of a Doc, read once into lists.

    Indexing a Doc (``doc[i]``) builds a new Token object each time and each attribute
    access converts a hash to a string; stages that scan sentences for words read these
    lists instead.  ``lemma`` is the lower-cased lemma.  ``sent_of[i]`` is the index of
    the sentence of token ``i`` in :func:`doc_sents`; ``sent_bounds[k]`` its (start, end).
    ``children[i]`` lists the indices of the syntactic children of token ``i`` in text
    order, as ``Token.children`` gives them.  ``text`` and ``idx`` are ``Token.text`` and
    ``Token.idx``; ``is_punct``, ``is_space``, ``is_quote``, ``is_title``, ``is_upper`` and
    ``is_alpha`` the lexical flags (0 or 1), ``like_num`` ``Token.like_num`` (0 or 1); ``sent_start`` is ``Token.is_sent_start`` as spaCy stores it (1, -1, 0 for unset).
    """

    __slots__ = ("lower", "lemma", "pos", "tag", "dep", "ent_type", "head", "sent_of", "sent_bounds", "children",
                 "text", "idx", "is_punct", "is_space", "is_quote", "is_title", "is_upper", "is_alpha", "sent_start",
                 "like_num")

    def __init__(self, doc: Any) -> None:
        n = len(doc)
        if n:
            # one array read of the hashes instead of a Token object per token; each distinct
            # hash is turned into its string once
            from spacy.attrs import (DEP, ENT_TYPE, HEAD, IDX, IS_ALPHA, IS_PUNCT, IS_QUOTE, IS_SPACE, IS_TITLE,
                                     IS_UPPER, LEMMA, LIKE_NUM, LOWER, ORTH, POS, SENT_START, TAG)

            (lower, lemma, pos, tag, dep, ent_type, head, orth, self.idx, self.is_punct, self.is_space, self.is_quote,
             self.is_title, self.is_upper, self.is_alpha, sent_start, self.like_num) = doc.to_array(
                [LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE, HEAD, ORTH, IDX, IS_PUNCT, IS_SPACE, IS_QUOTE, IS_TITLE,
                 IS_UPPER, IS_ALPHA, SENT_START, LIKE_NUM]).T.tolist()
            strings = doc.vocab.strings
            names: dict[int, str] = {}
            for h in set(lower).union(pos, tag, dep, ent_type, orth):
                names[h] = strings[h]
            self.text = [names[h] for h in orth]
            self.sent_start = [h if h < 1 << 63 else h - (1 << 64) for h in sent_start]
            lemmas = {h: strings[h].lower() for h in set(lemma)}
            self.lower = [names[h] for h in lower]
            self.lemma = [lemmas[h] for h in lemma]
            self.pos = [names[h] for h in pos]
            self.tag = [names[h] for h in tag]
            self.dep = [names[h] for h in dep]
            self.ent_type = [names[h] for h in ent_type]
            # HEAD is the offset to the head, stored unsigned: back to a signed index
            self.head = [i + (h if h < 1 << 63 else h - (1 << 64)) for i, h in enumerate(head)]
        else:
            self.lower, self.lemma, self.pos, self.tag, self.dep, self.ent_type, self.head = [], [], [], [], [], [], []
            self.text, self.idx, self.is_punct, self.is_space, self.is_quote, self.is_title, self.sent_start = (
                [], [], [], [], [], [], [])
            self.is_upper, self.is_alpha, self.like_num = [], [], []
        self.sent_bounds = [(s.start, s.end) for s in doc_sents(doc)]
        sent_of = [0] * len(doc)
        for k, (start, end) in enumerate(self.sent_bounds):
            sent_of[start:end] = [k] * (end - start)
        self.sent_of = sent_of
        children: list[list[int]] = [[] for _ in range(len(doc))]
        for i, h in enumerate(self.head):
            if h != i:
                children[h].append(i)
        self.children = children


_last_table: tuple = (None, None)
"""The Doc last asked for its table and that table: the stages ask for it some 3,000 times per
article, mostly of the same Doc in a row (the Doc is kept alive until another one asks)."""


def token_table(doc: Any) -> TokenTable:
    """The :class:`TokenTable` of ``doc`` (built once per Doc)."""
    global _last_table
    last = _last_table
    if last[0] is doc:
        return last[1]
    facts = doc.user_data.get(_MEMO_KEY)
    table = facts.get("token_table") if facts is not None else None
    if table is None:
        table = remembered(doc, "token_table", lambda: TokenTable(doc))
    _last_table = (doc, table)
    return table


def forget(doc: Any) -> None:
    """Drop the memo of a Doc that is done with.  The memo's spans point back at their Doc, so a
    Doc with a memo is cyclic garbage, left for the collector to find; without it the Doc is
    freed as soon as its last reference goes."""
    global _last_table
    facts = doc.user_data.pop(_MEMO_KEY, None)
    if facts is not None:
        facts.clear()
    if _last_table[0] is doc:
        _last_table = (None, None)


def span_text(doc: Any, start: int, end: int) -> str:
    """``doc[start:end].text`` as a slice of the Doc's text (no token walk)."""
    if end <= start:
        return ""
    table = token_table(doc)
    return doc_text(doc)[table.idx[start]:table.idx[end - 1] + len(table.text[end - 1])]


def sent_ents(doc: Any, start: int, end: int) -> list:
    """``Span.ents`` of the span ``doc[start:end]`` from the remembered entities (same rule:
    the entities from the first that starts inside, up to the first that ends outside)."""
    out = []
    for ent in doc_ents(doc):
        if ent.start >= start:
            if ent.end <= end:
                out.append(ent)
            else:
                break
    return out


def sent_of(tok: Any) -> Any:
    """``tok.sent`` (the same sentence span) from the remembered sentences, without a token walk."""
    doc = tok.doc
    return doc_sents(doc)[token_table(doc).sent_of[tok.i]]


def ent_of(tok: Any) -> Any:
    """The entity span a token is part of, or None."""
    if not tok.ent_type_:
        return None
    for ent in doc_ents(tok.doc):
        if ent.start <= tok.i < ent.end:
            return ent
    return None


__all__ = ["DocMemo", "PLACE_ENTS", "TokenTable", "doc_ents", "doc_sents", "doc_text", "ent_of", "forget", "memo", "remembered", "sent_ents", "sent_of", "span_text",
           "token_table"]
