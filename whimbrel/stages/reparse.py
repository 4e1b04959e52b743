"""Repairs of one parser error that loses the main verb of a conflict note.

spaCy's small English model often reads "JNIM militants killed at least 10 civilians" as a
noun phrase with a reduced relative clause ("militants [who were] killed ..."): the noun
"militants" becomes the root of the sentence and "killed" a participle (``acl``) modifying
it.  A passive participle cannot take a direct object, so when the participle has one the
reading is impossible and the sentence is a clause: the participle is its main verb and the
noun its subject.  :func:`repair_reduced_relatives` puts that tree on the tokens (the text,
tokens and offsets stay the same; only heads, labels and the verb's tag change).

The repair applies only to a sentence whose root is a noun with no verb of its own, whose
``acl`` child is a past-tense or participle verb right after the noun's words, and which has
a direct object.
"""

from __future__ import annotations

from typing import Any

__all__ = ["repair_reduced_relatives"]


def _candidate(sent: Any) -> Any:
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN") or root.tag_ not in ("NNS", "NN", "NNP", "NNPS"):
        return None
    for child in root.rights:
        if child.dep_ != "acl" or child.tag_ not in ("VBN", "VBD"):
            continue
        # right after the noun (its own modifiers aside): "militants killed", not "militants in X killed"
        if any(t.dep_ in ("prep", "relcl", "acl", "appos") for t in root.rights if t.i < child.i):
            return None
        if child.i != root.i + 1 and not all(t.is_punct is False and t.head.i == root.i and t.dep_ in ("amod", "compound")
                                             for t in sent.doc[root.i + 1:child.i]):
            return None
        if any(c.dep_ == "dobj" for c in child.children) and not any(c.dep_ == "agent" for c in child.children):
            return child
        return None
    return None


def repair_reduced_relatives(doc: Any) -> Any:
    """Give "N-plural V-ed OBJECT" sentences parsed as a noun phrase their clause tree (in place)."""
    fixes = [(s.root, v) for s in doc.sents if (v := _candidate(s)) is not None]
    if not fixes:
        return doc
    from spacy.attrs import DEP, HEAD, POS, TAG

    attrs = [TAG, POS, HEAD, DEP]
    array = doc.to_array(attrs)
    strings = doc.vocab.strings
    for noun, verb in fixes:
        # the verb becomes the root; the noun its subject; the noun's words after the verb hang from the verb
        array[verb.i, 0] = strings.add("VBD")
        array[verb.i, 2] = 0
        array[verb.i, 3] = strings.add("ROOT")
        array[noun.i, 2] = (verb.i - noun.i) & 0xFFFFFFFFFFFFFFFF
        array[noun.i, 3] = strings.add("nsubj")
        for tok in noun.rights:
            if tok.i > verb.i:
                array[tok.i, 2] = (verb.i - tok.i) & 0xFFFFFFFFFFFFFFFF
    doc.from_array(attrs, array)
    return doc
