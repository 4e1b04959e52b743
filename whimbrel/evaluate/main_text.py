"""Main-text extraction quality on real news pages (the article-extraction benchmark).

Gold: ``<folder>/ground-truth.json`` (``{id: {articleBody, url}}``) and
``<folder>/html/<id>.html.gz``.  For every document we run
:func:`whimbrel.stages.clean.clean_text` on the page and compare its word
4-gram shingles with those of ``articleBody``: precision, recall and F1 per
document, then averaged over documents (the benchmark's own metric).  Tokens are
lower-cased ``\\w+`` runs; shingles are counted as a multiset.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path
from typing import Optional

from ..errors import EvalError
from .base import EvalResult

_WORD = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str, n: int = SHINGLE) -> Counter:
    """The multiset of word ``n``-grams of ``text`` (lower-cased ``\\w+`` tokens)."""
    tokens = _WORD.findall(text.lower())
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Shingle precision, recall and F1 of ``predicted`` against ``gold``.

    Both empty scores 1.0; one of them empty scores 0.0.
    """
    p, g = shingles(predicted), shingles(gold)
    if not p and not g:
        return 1.0, 1.0, 1.0
    if not p or not g:
        return 0.0, 0.0, 0.0
    common = sum((p & g).values())
    precision = common / sum(p.values())
    recall = common / sum(g.values())
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return precision, recall, f1


def evaluate_article_html(folder: str, limit: Optional[int] = None) -> EvalResult:
    """Score whimbrel's HTML cleaning on the article-extraction benchmark in ``folder``.

    Metrics: ``text.precision``, ``text.recall``, ``text.f1`` (means over
    documents).  ``errors`` lists the documents, worst F1 first, whose F1 is
    below 0.9, each with the start of the gold and predicted texts.
    """
    from ..stages.clean import clean_text  # lazy: trafilatura import

    root = Path(folder)
    gt_path = root / "ground-truth.json"
    try:
        truth = json.loads(gt_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(f"cannot read {gt_path}: {exc}") from exc
    ids = sorted(truth)
    if limit is not None:
        ids = ids[:limit]
    t0 = time.perf_counter()
    rows: list[tuple] = []
    for doc_id in ids:
        gold = truth[doc_id].get("articleBody") or ""
        page = root / "html" / f"{doc_id}.html.gz"
        try:
            with gzip.open(page, "rb") as fh:
                data = fh.read()
        except (OSError, EOFError) as exc:
            raise EvalError(f"cannot read {page}: {exc}") from exc
        html = data.decode("utf-8", errors="replace")
        predicted = clean_text(html, is_html=True)
        p, r, f = prf(predicted, gold)
        rows.append((doc_id, p, r, f, gold, predicted, prf(" ".join(_TAGS.sub(" ", html).split()), gold)[2]))
    n = len(rows)
    result = EvalResult(dataset="article_html", n_docs=n, seconds=time.perf_counter() - t0)
    if n:
        result.metrics = {
            "text.precision": sum(r[1] for r in rows) / n,
            "text.recall": sum(r[2] for r in rows) / n,
            "text.f1": sum(r[3] for r in rows) / n,
        }
        result.support = {"text.precision": n, "text.recall": n, "text.f1": n}
    for doc_id, p, r, f, gold, predicted, _ in sorted(rows, key=lambda row: row[3]):
        if f >= 0.9:
            break
        result.errors.append(
            {
                "kind": "wrong",
                "field": "text",
                "doc": doc_id,
                "sentence": None,
                "gold": gold[:300],
                "predicted": predicted[:300],
                "precision": round(p, 3),
                "recall": round(r, 3),
                "f1": round(f, 3),
                "url": truth[doc_id].get("url"),
            }
        )
    result.details = {"below_0.9": len(result.errors), "shingle": SHINGLE}
    _halves(result, rows)
    return result


_TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)


def _halves(result: EvalResult, rows: list[tuple]) -> None:
    """``tune.text.f1`` / ``check.text.f1`` (split by page id, :mod:`.halves`) and the do-nothing
    baseline ``baseline.{half}.all_text.f1``: every text of the page, tags stripped, kept."""
    from .halves import HALVES, half_of

    for half in HALVES:
        part = [r for r in rows if half_of(r[0]) == half]
        if not part:
            continue
        result.metrics[f"{half}.text.f1"] = sum(r[3] for r in part) / len(part)
        result.support[f"{half}.text.f1"] = len(part)
        result.metrics[f"baseline.{half}.all_text.f1"] = sum(r[6] for r in part) / len(part)
        result.support[f"baseline.{half}.all_text.f1"] = len(part)


__all__ = ["evaluate_article_html", "prf", "shingles"]
