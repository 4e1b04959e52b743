"""Evaluation of whimbrel against gold sets: the dataset registry and shared helpers.

Each dataset is registered by *import path* (``module:function``); the evaluator module is
imported only when that dataset is run, so a missing or broken evaluator gives a clear
:class:`~whimbrel.errors.EvalError` for its own dataset without breaking the others.

Public entry points::

    from whimbrel.evaluate import run_eval, resolve, DATASETS
    result = run_eval("plover-gsr", limit=50)         # -> EvalResult
    spec, path = resolve("path/to/gold.jsonl")        # detects the format

Every evaluator is called as ``fn(path, limit=limit)`` and returns an
:class:`~whimbrel.evaluate.base.EvalResult`.  Evaluators that need the extractor call
:func:`extract_articles`, the one place whimbrel's extractor is looked up (at call time,
so tests can replace ``whimbrel.extract`` / ``whimbrel.extract_many``).
"""

from __future__ import annotations

import hashlib
import importlib
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from ..errors import EvalError
from ..records import Article, Event
from .base import EvalResult


@dataclass(frozen=True)
class DatasetSpec:
    """One registered gold set."""

    name: str
    target: str
    """``module:function`` of the evaluator, imported lazily."""
    default_path: Optional[str]
    """Path of the gold file or folder relative to the ``shared_dir`` setting (None: user supplies it)."""
    digest_files: tuple[str, ...]
    """Files whose sha256 is pinned, relative to the gold path when it is a folder ('' = the file itself)."""
    description: str
    packaged: bool = False
    """True when ``default_path`` is relative to the ``whimbrel`` package (ships with it), not ``shared_dir``."""
    needs_shared: bool = False
    """True when the evaluator also reads corpus text under ``shared_dir`` (it takes a ``shared_dir`` argument)."""

    def run(self, path: Path, limit: Optional[int] = None, shared_dir: Optional[str] = None) -> EvalResult:
        """Call the evaluator on ``path`` (passing ``shared_dir`` to those that read it)."""
        fn = self.load()
        return fn(path, limit=limit, shared_dir=shared_dir) if self.needs_shared else fn(path, limit=limit)

    def load(self) -> Callable[..., EvalResult]:
        """Import and return the evaluator function."""
        module_name, _, func_name = self.target.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            raise EvalError(
                f"the evaluator for {self.name!r} ({module_name}) cannot be imported: {exc}",
                hint="That evaluator is missing from this installation; the other datasets still run.",
            ) from exc
        fn = getattr(module, func_name, None)
        if fn is None:
            raise EvalError(
                f"{module_name} has no function {func_name!r} for dataset {self.name!r}",
                hint="The evaluator module does not match the registry in whimbrel/evaluate/__init__.py.",
            )
        return fn


DATASETS: dict[str, DatasetSpec] = {
    spec.name: spec
    for spec in (
        DatasetSpec(
            "plover-gsr",
            "whimbrel.evaluate.plover:evaluate_plover",
            "eval/plover_gsr/PLOVER_GSR_CAMEO.json",
            ("",),
            "PLOVER gold-standard sentences: event type, mode, actor/recipient countries and sectors",
        ),
        DatasetSpec(
            "wikievents",
            "whimbrel.evaluate.wikievents:evaluate_wikievents",
            "eval/wikievents/dev.jsonl",
            ("",),
            "WikiEvents dev articles: trigger detection and actor/target/place arguments",
        ),
        DatasetSpec(
            "tr-news",
            "whimbrel.evaluate.geo:evaluate_trnews",
            "eval/geo/TR-News.xml",
            ("",),
            "TR-News toponyms: recognition and GeoNames resolution",
        ),
        DatasetSpec(
            "lgl",
            "whimbrel.evaluate.geo:evaluate_lgl",
            "eval/geo/LGL.xml",
            ("",),
            "LGL toponyms (local US news): recognition and GeoNames resolution",
        ),
        DatasetSpec(
            "article-html",
            "whimbrel.evaluate.main_text:evaluate_article_html",
            "eval/article_html",
            ("ground-truth.json",),
            "Article-extraction benchmark: main text from real news HTML",
        ),
        DatasetSpec(
            "gvc",
            "whimbrel.evaluate.gvc:evaluate_gvc",
            "eval/gvc",
            ("docs.jsonl", "incidents.jsonl"),
            "Gun Violence Corpus: deduplication into incidents and casualty counts",
        ),
        DatasetSpec(
            "precision-dev",
            "whimbrel.evaluate.precision:evaluate_precision_dev",
            "eval",
            ("geo/LGL.xml", "article_html/ground-truth.json"),
            "Hand labels over whimbrel's own output on real pages and local news: precision by type (tune/check halves)",
        ),
        DatasetSpec(
            "generic",
            "whimbrel.evaluate.generic:evaluate_generic",
            None,
            ("",),
            "Your own hand-coded gold file (docs/evaluation.md, 'Generic gold format')",
        ),
        DatasetSpec(
            "attribution-dev",
            "whimbrel.evaluate.attribution:evaluate_attribution",
            "evaluate/data/attribution_dev.jsonl",
            ("",),
            "Hand-coded claimants, cues and hedges of event mentions in the shared GVC, "
            "article-html and WikiEvents texts (offsets only; texts read from shared_dir)",
            packaged=True,
        ),
        DatasetSpec(
            "demo",
            "whimbrel.evaluate.generic:evaluate_generic",
            "demo/gold.jsonl",
            ("",),
            "Hand-coded events of the 18 demo reports (whimbrel/demo), generic format",
            packaged=True,
        ),
        DatasetSpec(
            "acled-notes",
            "whimbrel.evaluate.acled_notes:evaluate_acled_notes",
            "evaluate/data/acled_notes_ours.jsonl",
            ("",),
            "Our own notes in ACLED's style (several theatres): date, place within 25 km and fatalities, tune/check halves",
            packaged=True,
        ),
        DatasetSpec(
            "acled-dev",
            "whimbrel.evaluate.acled_dev:evaluate_acled_dev",
            "evaluate/acled_gold",
            ("recoded.jsonl", "own.jsonl"),
            "ACLED event and sub-event types of real sentences (by reference) and our own, tune/check halves",
            packaged=True,
            needs_shared=True,
        ),
    )
}


def shared_dir_setting(shared_dir: Optional[str] = None) -> Path:
    """The gold-data folder from the ``shared_dir`` setting (or the explicit override)."""
    from ..settings import load

    return Path(load({"shared_dir": shared_dir}).shared_dir)


def resolve(dataset: str, shared_dir: Optional[str] = None) -> tuple[DatasetSpec, Path]:
    """Find the registered dataset and its gold path for a name or a path to a gold file.

    A registered name is looked up under the ``shared_dir`` setting; anything else is
    treated as a path and its format detected by :func:`detect_format`.
    """
    spec = DATASETS.get(dataset)
    if spec is not None:
        if spec.default_path is None:
            raise EvalError(
                f"dataset {dataset!r} needs a path",
                hint="Give the path of your gold JSONL file instead of the word 'generic'.",
            )
        base = Path(__file__).resolve().parents[1] if spec.packaged else shared_dir_setting(shared_dir)
        path = base / spec.default_path
        if not path.exists():
            raise EvalError(f"gold data for {dataset!r} not found at {path}")
        return spec, path
    path = Path(dataset)
    if not path.exists():
        names = ", ".join(DATASETS)
        raise EvalError(
            f"{dataset!r} is neither a dataset name nor an existing path",
            hint=f"Use one of {names}, or the path of a gold file in one of those formats.",
        )
    name = detect_format(path)
    if name == "gvc" and path.is_file():
        path = path.parent
    return DATASETS[name], path


def detect_format(path: Path) -> str:
    """The registered dataset name whose format ``path`` is in (by name, extension and content)."""
    if path.is_dir():
        if (path / "ground-truth.json").exists():
            return "article-html"
        if (path / "incidents.jsonl").exists():
            return "gvc"
        raise EvalError(f"cannot tell the gold format of folder {path}")
    suffix = path.suffix.lower()
    if suffix == ".xml":
        return "lgl" if path.name.lower().startswith("lgl") else "tr-news"
    try:
        with open(path, encoding="utf-8") as fh:
            head = fh.read(4096)
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"cannot read gold file {path}: {exc}") from exc
    stripped = head.lstrip()
    if stripped.startswith("["):
        if '"eventText"' in head or '"textInfo"' in head or "PLOVER" in head:
            return "plover-gsr"
    first = stripped.split("\n", 1)[0]
    try:
        record = json.loads(first) if first.startswith("{") else None
    except json.JSONDecodeError:
        record = None
    if isinstance(record, dict):
        if "event_mentions" in record and "tokens" in record:
            return "wikievents"
        if "incident_id" in record:
            return "gvc"
        if "events" in record and "text" in record:
            return "generic"
    raise EvalError(
        f"cannot tell the gold format of {path}",
        hint="See docs/evaluation.md for the formats whimbrel reads (e.g. the generic JSONL format).",
    )


def digest_paths(spec: DatasetSpec, path: Path) -> dict[str, Path]:
    """The pinned gold files of a dataset: ``{relative name: path}``."""
    out: dict[str, Path] = {}
    for rel in spec.digest_files:
        if rel == "":
            out[path.name] = path
        else:
            out[rel] = path / rel
    return out


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def gold_digests(spec: DatasetSpec, path: Path) -> dict[str, str]:
    """``{file name: sha256}`` of the dataset's gold files."""
    return {name: sha256_file(p) for name, p in digest_paths(spec, path).items()}


def run_eval(
    dataset: str,
    *,
    limit: Optional[int] = None,
    shared_dir: Optional[str] = None,
) -> EvalResult:
    """Run one dataset (a registered name or a path) and return its :class:`EvalResult`."""
    spec, path = resolve(dataset, shared_dir)
    t0 = time.perf_counter()
    result = spec.run(path, limit=limit, shared_dir=shared_dir)
    if not result.seconds:
        result.seconds = time.perf_counter() - t0
    return result


def predict(articles: Iterable[Article]) -> dict[str, list[Event]]:
    """The extractor's events per article id (what every evaluator scores)."""
    return {art.id: events for art, events in extract_articles(articles)}


def extract_articles(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
    """Run whimbrel's extractor over articles: ``whimbrel.extract_many`` when present, else ``whimbrel.extract``.

    Looked up at call time so a test can replace the extractor.
    """
    import whimbrel

    from ..records import Skip

    many = getattr(whimbrel, "extract_many", None)
    if many is None and getattr(whimbrel, "extract", None) is None:
        # whimbrel imported as a namespace package (a stale editable install): use the module
        whimbrel = importlib.import_module("whimbrel.extract")
        many = getattr(whimbrel, "extract_many", None)
    if many is not None:
        for art, events in many(articles):
            # a skipped article (e.g. empty after cleaning) has no events: it scores as misses
            yield art, ([] if isinstance(events, Skip) else list(events))
        return
    one = getattr(whimbrel, "extract", None)
    if one is None:
        raise EvalError(
            "whimbrel.extract is not available in this installation",
            hint="The extractor has not been built yet; evaluators that need it cannot run.",
        )
    for art in articles:
        yield art, list(one(art.text, published=art.published))


__all__ = [
    "DATASETS",
    "DatasetSpec",
    "EvalResult",
    "detect_format",
    "digest_paths",
    "extract_articles",
    "predict",
    "gold_digests",
    "resolve",
    "run_eval",
    "sha256_file",
    "shared_dir_setting",
]
