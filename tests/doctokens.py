"""Finding a word's token in a parsed sentence, for tests that check one trigger."""

from __future__ import annotations


def token_in(nlp, sentence: str, word: str):
    """The first token of ``nlp(sentence)`` whose text is ``word``."""
    doc = nlp(sentence)
    return next(t for t in doc if t.text == word)
