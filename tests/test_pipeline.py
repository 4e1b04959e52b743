"""The pipeline checks its stages when built and isolates failing articles."""

from __future__ import annotations


import pytest

from whimbrel.errors import PipelineError
from whimbrel.pipeline import Pipeline, Work
from whimbrel.records import Article


class _Stage:
    def __init__(self, name, needs, gives, fn=None):
        self.name, self.needs, self.gives, self.fn = name, needs, gives, fn

    def __call__(self, work):
        if self.fn:
            self.fn(work)
        return work


def _upper(w):
    w.text = w.article.text.upper()


def _boom(w):
    if "bad" in w.article.text:
        raise ValueError("cannot handle this")
    w.doc = w.text


@pytest.mark.parametrize(
    "stages, ok",
    [
        ([("clean", ("article",), ("text",)), ("nlp", ("text",), ("doc",))], True),
        ([("nlp", ("text",), ("doc",)), ("clean", ("article",), ("text",))], False),
        ([("x", ("nothing",), ("text",))], False),
        ([("x", ("article",), ("unknown",))], False),
    ],
)
def test_needs_are_checked_at_build_time(stages, ok):
    built = [_Stage(n, needs, gives) for n, needs, gives in stages]
    if ok:
        assert Pipeline(built).names == [s[0] for s in stages]
    else:
        with pytest.raises(PipelineError):
            Pipeline(built)


def test_a_failing_article_is_skipped_and_the_batch_goes_on():
    pipe = Pipeline([_Stage("clean", ("article",), ("text",), _upper), _Stage("nlp", ("text",), ("doc",), _boom)])
    works = [Work(article=Article(id=i, text=t)) for i, t in (("a", "good one"), ("b", "bad one"), ("c", "good two"))]
    out = pipe.run_many(works)
    assert [w.skip is None for w in out] == [True, False, True]
    assert out[1].skip.code == "E301" and "ValueError" in out[1].skip.reason
    assert out[0].doc == "GOOD ONE" and out[2].doc == "GOOD TWO"
