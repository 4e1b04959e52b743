"""Headlines parsed as the sentences they are.

A headline ("Rebels Seize Two Towns In Eastern Province") is reported news, but spaCy's
tagger reads its Title Case as a string of proper nouns: the verb is lost and the whole
line becomes one ORG.  The nlp stage therefore parses a *sentence-cased copy* of every
headline-style sentence ("Rebels seize two towns in Eastern Province") and puts that
copy's tags, lemmas, dependency tree and entities on the original tokens.  The text, the
tokens and every character offset stay those of the article: only the annotations of the
headline's tokens change, and only when the copy splits into exactly the same tokens.

A word keeps its capital when something says it is a name:

* it is the first word (of the line or after a colon);
* it is an acronym or has inner capitals ("U.S.", "UK", "McCain");
* the article's body writes it with a capital inside a sentence ("... fighters near Kidal");
* it names a country, a people or a country's seat of power (``known_name``).

Every other word is lower-cased, letter for letter, so the copy has the original's length.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Optional

from .clean import is_headline

_CHUNK = re.compile(r"\S+")
_CORE = re.compile(r"[^\W\d_](?:[\w'’.\-]*[\w.])?")
_MID_SENTENCE_CAP = re.compile(r"(?<=[a-z0-9,;] )[A-Z][\w'’\-]*")

KnownName = Callable[[str], bool]


def _body_names(text: str, skip: tuple[int, int]) -> set[str]:
    """Words the article writes with a capital inside a sentence, outside the span ``skip``."""
    out: set[str] = set()
    for m in _MID_SENTENCE_CAP.finditer(text):
        if not (skip[0] <= m.start() < skip[1]):
            out.add(m.group(0).strip("'’-"))
    return out


def sentence_case(line: str, names: set[str], known_name: Optional[KnownName] = None) -> str:
    """A copy of a Title Case ``line`` with its ordinary words lower-cased (same length)."""
    chunks = [(m.start(), m.group(0)) for m in _CHUNK.finditer(line)]
    cores = [(at + c.start(), c.group(0)) for at, chunk in chunks for c in [_CORE.search(chunk)] if c]
    shouting = sum(1 for _, w in cores if w.isupper() and len(w) > 1) > 0.6 * max(1, len(cores))
    out = list(line)
    for k, (at, core) in enumerate(cores):
        before = line[:at].rstrip().rstrip("\"'“‘(")
        starts = k == 0 or before.endswith((":", "|", "—", "–", " -"))
        word = core
        if shouting:
            # ALL CAPS: read as Title Case, keep only acronyms that name something
            if core.isupper() and len(core.replace(".", "")) <= 3 and known_name is not None and known_name(core):
                continue
            word = core[0] + core[1:].lower()
        elif any(ch.isupper() for ch in core[1:]):
            continue  # acronym or inner capitals ("U.S.", "UK", "McCain")
        if starts or word in names or (known_name is not None and known_name(word)):
            low = word
        else:
            low = word.lower()
        if len(low) == len(core):
            out[at : at + len(core)] = list(low)
    return "".join(out)


_FIELD = re.compile(r"(?:^|\s)[A-Z][A-Za-z]*(?: [A-Za-z]+){0,2}:(?:\s|$)")


def _form_fields(line: str) -> bool:
    """A line of labelled fields ("Date: ... From: ... Summary:") or one that leads into what
    follows (ends with a colon): a form or a lead-in, not a headline."""
    return line.endswith(":") or len(_FIELD.findall(line)) >= 2


def _same_tokens(a: Any, b: Any, offset: int) -> bool:
    return len(a) == len(b) and all(x.idx - offset == y.idx and len(x.text) == len(y.text) for x, y in zip(a, b))


def reparse_headlines(nlp: Any, doc: Any, known_name: Optional[KnownName] = None) -> Any:
    """Give every headline-style sentence of ``doc`` the parse of its sentence-cased copy.

    Returns ``doc`` (changed in place).  A sentence is headline-style when
    :func:`whimbrel.stages.clean.is_headline` says so (short, Title Case, no final stop).
    """
    text = doc.text
    # a sentence's text as a slice of the Doc's (equal to ``Span.text``, without a token walk)
    spans = [s for s in doc.sents
             if is_headline(line := text[s.start_char:s.end_char].strip()) and not _form_fields(line)]
    if not spans:
        return doc
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG

    attrs = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]
    array = doc.to_array(attrs)
    changed = False
    for span in spans:
        body = _body_names(text, (span.start_char, span.end_char))
        copy_text = sentence_case(span.text, body, known_name)
        if copy_text == span.text:
            continue
        copy = nlp(copy_text)
        if not _same_tokens(span, copy, span.start_char):
            continue
        sub = copy.to_array(attrs)
        # entities: the copy's, plus the original's whose words all kept their capitals
        # and that the copy left without an entity
        for ent in span.ents:
            a, b = ent.start - span.start, ent.end - span.start
            spelled = copy_text[ent.start_char - span.start_char : ent.end_char - span.start_char] == ent.text
            if spelled and all(copy[k].ent_iob_ == "O" for k in range(a, b)):
                sub[a:b, 6:] = array[ent.start : ent.end, 6:]
        array[span.start : span.end] = sub
        changed = True
    if changed:
        doc.from_array(attrs, array)
    return doc


__all__ = ["reparse_headlines", "sentence_case"]
