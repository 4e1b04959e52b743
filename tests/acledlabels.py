"""The ACLED label whimbrel gives each of a list of one-sentence texts (shared by the ACLED tests)."""

from __future__ import annotations


def acled_labels(texts: list[str]) -> dict[str, object]:
    """``{text: predicted_label(events)}`` for each text, extracted as its own article."""
    from whimbrel import extract_many
    from whimbrel.evaluate.acled_dev import predicted_label
    from whimbrel.records import Article

    arts = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    return {texts[int(a.id)]: predicted_label(ev) for a, ev in extract_many(arts)}
