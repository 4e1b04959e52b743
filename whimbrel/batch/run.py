"""``whimbrel batch``: inputs → partitions → workers → Parquet tables → merged events.

The input stream is cut into partitions of ``partition_size`` records (partition k holds
records k·N … k·N+N−1 of the inputs, in order), so a rerun cuts the same partitions and
skips those the manifest lists as finished and intact.  Workers return records; the driver
writes each partition's files atomically and then records it in the manifest.  When every
partition is done, the merge step (syndication, deduplication, reconciliation) writes the
events, unless the manifest shows it already ran on exactly these partitions.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence, Union

from ..errors import ConfigError
from ..records import Article, Note, Skip
from ..settings import Settings, load
from .engine import Engine, make_engine
from .inputs import InputFile, digest, expand, iter_inputs
from .merge import merge_digest, run_merge
from .output import Manifest, Output, PartitionInfo
from .worker import PartitionResult, PartitionTask, run_partition, settings_digest

Item = Union[Article, Skip]
OnPartition = Callable[[Engine, PartitionResult], None]


@dataclass
class BatchSummary:
    """What one batch run did."""

    out: str
    engine: str
    workers: int = 0
    partitions: int = 0
    partitions_run: int = 0
    partitions_resumed: int = 0
    half_written: int = 0
    read: int = 0
    articles: int = 0
    skipped: int = 0
    skip_codes: Counter = field(default_factory=Counter)
    skip_reasons: dict[str, list[str]] = field(default_factory=dict)
    warnings: list[Note] = field(default_factory=list)  # the refused values of the articles (E208...)
    mentions: int = 0
    events: int = 0
    merged_mentions: int = 0
    syndicated: int = 0
    merge_ran: bool = False
    merge_incremental: bool = False  # --append re-clustered only the new reports' neighbourhood
    merge_rescored: int = 0  # reports the merge clustered
    extract_seconds: float = 0.0
    merge_seconds: float = 0.0
    seconds: float = 0.0
    peak_rss_mb: dict[int, float] = field(default_factory=dict)

    @property
    def throughput(self) -> float:
        """Articles extracted per second in this run (partitions resumed do not count)."""
        done = self.run_articles
        return done / self.extract_seconds if self.extract_seconds > 0 else 0.0

    run_articles: int = 0

    def to_json(self) -> dict[str, Any]:
        d = {k: v for k, v in asdict(self).items() if k not in ("skip_codes", "peak_rss_mb")}
        d["warnings"] = [n.line() for n in self.warnings]  # the lines for people, in their place
        d["skip_codes"] = dict(self.skip_codes)
        d["peak_rss_mb"] = {str(k): round(v, 1) for k, v in self.peak_rss_mb.items()}
        d["throughput"] = round(self.throughput, 2)
        return d


def versions(settings: Settings) -> dict[str, str]:
    """whimbrel, model, gazetteer and actor-KB versions (recorded in the manifest)."""
    import importlib.metadata as md

    from ..knowledge.actors import ActorKB
    from ..knowledge.gazetteer import data_version

    def v(pkg: str) -> str:
        try:
            return md.version(pkg)
        except md.PackageNotFoundError:
            return "not installed"

    return {"whimbrel": v("whimbrel"), "model": settings.spacy_model, "model_version": v(settings.spacy_model),
            "spacy": v("spacy"), "gazetteer": data_version(),
            "actor_kb": ActorKB.load(settings.actors or None, use_settings=False).version}


def _item_key(item: Item) -> str:
    from ..store.model import content_hash

    if isinstance(item, Skip):
        return f"skip\x1f{item.origin}\x1f{item.code}"
    return f"{item.id}\x1f{content_hash(item)}"


def _partitions(items: Iterable[Item], size: int) -> Iterator[tuple[int, list[Item], str]]:
    chunk: list[Item] = []
    index = 0
    h = hashlib.sha1()
    for it in items:
        chunk.append(it)
        h.update(_item_key(it).encode("utf-8") + b"\n")
        if len(chunk) >= size:
            yield index, chunk, h.hexdigest()[:16]
            index, chunk, h = index + 1, [], hashlib.sha1()
    if chunk:
        yield index, chunk, h.hexdigest()[:16]


def _open_manifest(out: Output, files: list[InputFile], s: Settings, partition_size: int,
                   append: bool) -> Manifest:
    """The manifest to continue (resume or append), or a new one; refuses a mismatch."""
    old = out.read_manifest()
    digest_now = settings_digest(s)
    settings_json = {k: v for k, v in sorted(asdict(s).items()) if k not in ("db", "data_dir", "workers")}
    if old is None:
        return Manifest(versions=versions(s), settings=settings_json, settings_digest=digest_now,
                        partition_size=partition_size, inputs=[f.to_json() for f in files])
    where = str(out.manifest_path)
    if old.settings_digest != digest_now:
        raise ConfigError(f"{out.root} was made with other settings", origin=where,
                          hint="Use the same settings, or write to a new --out folder.")
    if old.partition_size != partition_size:
        raise ConfigError(f"{out.root} was cut in partitions of {old.partition_size}, not {partition_size}",
                          origin=where, hint=f"Rerun with --partition-size {old.partition_size}.")
    known = {(i["path"], i["sha256"]) for i in old.inputs}
    now = [f.to_json() for f in files]
    if append:
        old.inputs += [i for i in now if (i["path"], i["sha256"]) not in known]
    elif [(i["path"], i["sha256"]) for i in now] != [(i["path"], i["sha256"]) for i in old.inputs]:
        raise ConfigError(f"{out.root} holds a batch of other inputs", origin=where,
                          hint="Rerun with the same inputs to resume, add --append to add these "
                               "inputs, or write to a new --out folder.")
    return old


def run_batch(
    inputs: Sequence[str],
    out_dir: str,
    settings: Optional[Settings] = None,
    *,
    engine: str = "local",
    scheduler: Optional[str] = None,
    workers: Optional[int] = None,
    partition_size: int = 500,
    append: bool = False,
    published: Optional[str] = None,
    progress: bool = False,
    params: Any = None,
    runner: Callable[[PartitionTask], PartitionResult] = run_partition,
    on_partition: Optional[OnPartition] = None,
) -> BatchSummary:
    """Run the pipeline over ``inputs`` into the Parquet dataset ``out_dir`` (docs/scaling.md)."""
    s = settings or load()
    n_workers = workers or s.worker_count()
    if partition_size < 1:
        raise ConfigError("--partition-size must be at least 1")
    t0 = time.perf_counter()
    out = Output(out_dir)
    paths, missing = expand(inputs)
    files = [digest(p) for p in paths]
    manifest = _open_manifest(out, files, s, partition_size, append)
    summary = BatchSummary(out=out_dir, engine=engine)
    for sk in missing:
        _count_skip(summary, sk)
    for tmp in out.stray_temporaries():
        tmp.unlink()
    out.write_manifest(manifest)
    all_paths = [i["path"] for i in manifest.inputs]
    seen: set[int] = set()
    digests: dict[int, str] = {}

    def tasks() -> Iterator[PartitionTask]:
        for index, chunk, pdigest in _partitions(iter_inputs(all_paths, s, published), partition_size):
            seen.add(index)
            info = manifest.partitions.get(index)
            if info is not None and info.digest == pdigest and out.is_intact(info):
                summary.partitions_resumed += 1
                _count_info(summary, info)
                continue
            if info is not None or out.files_of(index):
                summary.half_written += 1
            out.clear_partition(index)
            manifest.partitions.pop(index, None)
            digests[index] = pdigest
            yield PartitionTask(index=index, items=tuple(chunk), settings=s)

    bar = _Bar(progress)
    t_ex = time.perf_counter()
    with make_engine(engine, s, n_workers, scheduler, runner=runner) as eng, bar:
        summary.workers = eng.workers
        for result in eng.map(tasks()):
            info = _write_partition(out, result, partition_size, digests.pop(result.index))
            manifest.partitions[result.index] = info
            out.write_manifest(manifest)
            summary.partitions_run += 1
            summary.run_articles += info.items
            _count_info(summary, info)
            summary.peak_rss_mb[result.pid] = max(summary.peak_rss_mb.get(result.pid, 0.0), result.peak_rss_mb)
            bar.advance(info.items, summary)
            if on_partition is not None:
                on_partition(eng, result)
        summary.extract_seconds = time.perf_counter() - t_ex
        for stale in sorted(set(manifest.partitions) - seen):  # the inputs became shorter
            out.clear_partition(stale)
            del manifest.partitions[stale]
        summary.partitions = len(manifest.partitions)
        _merge_if_needed(out, manifest, summary, params, eng, append)
    summary.seconds = time.perf_counter() - t0
    return summary


def _merge_if_needed(out: Output, manifest: Manifest, summary: BatchSummary, params: Any, engine: Any,
                     append: bool = False) -> None:
    digests = [manifest.partitions[k].digest for k in sorted(manifest.partitions)]
    want = merge_digest(digests, params)
    same_params = manifest.merge.get("params") == merge_digest([], params)
    intact = (out.root / "events").exists() and manifest.merge.get("digest") == want
    if intact:
        summary.events = int(manifest.merge.get("events", 0))
        summary.merged_mentions = int(manifest.merge.get("merged_mentions", 0))
        summary.syndicated = int(manifest.merge.get("syndicated", 0))
        return
    t = time.perf_counter()
    # --append continues the last merge (only what the new reports touch is re-clustered) when
    # it was made with the same parameters; otherwise everything is merged again
    if append and same_params:
        from .append import merge_appended

        ms = merge_appended(out, params, engine)
    else:
        ms = run_merge(out, params, engine)
    summary.merge_seconds = time.perf_counter() - t
    summary.merge_ran = True
    summary.merge_incremental, summary.merge_rescored = ms.incremental, ms.rescored
    summary.events, summary.merged_mentions, summary.syndicated = ms.events, ms.merged, ms.syndicated
    manifest.merge = {"digest": want, "params": merge_digest([], params), "events": ms.events,
                      "mentions": ms.mentions, "merged_mentions": ms.merged, "syndicated": ms.syndicated,
                      "incremental": ms.incremental, "rescored": ms.rescored}
    out.write_manifest(manifest)


def _write_partition(out: Output, result: PartitionResult, size: int, pdigest: str) -> PartitionInfo:
    """Write one partition's articles and mentions (by month) and describe it for the manifest."""
    from ..store.model import content_hash, effective_date
    from ..store.ingest import publisher_of
    from ..tables import article_row, mention_row, skip_row

    articles: dict[str, list[dict]] = defaultdict(list)
    mentions: dict[str, list[dict]] = defaultdict(list)
    info = PartitionInfo(index=result.index, items=len(result.results), digest=pdigest)
    codes: Counter = Counter()
    for k, r in enumerate(result.results):
        pos = result.index * size + k
        if r.skip is not None:
            sk = r.skip
            key = sk.article_id or "skip:" + hashlib.sha1(sk.origin.encode("utf-8")).hexdigest()[:16]
            articles["unknown"].append(skip_row(sk, key, pos))
            info.skips += 1
            codes[sk.code] += 1
            continue
        art = r.item
        assert isinstance(art, Article)
        if art.publisher is None:
            pub = publisher_of(art)
            if pub:
                art = art.model_copy(update={"publisher": pub})
        month = art.published[:7] if art.published else "unknown"
        # two reports of one article with one id: the later one wins, as the store's INSERT OR REPLACE
        events = list({ev.id: ev for ev in r.events}.values())
        info.warnings.extend(art.warnings)
        articles[month].append(article_row(art, digest=r.digest or content_hash(art),
                                           n_mentions=len(events), position=pos, minhash=r.minhash))
        info.articles += 1
        for ev in events:
            day, known = effective_date(ev, art.published)
            mentions[day[:7] if day else "unknown"].append(mention_row(ev, day, known))
            info.mentions += 1
    name = out.part_name(result.index)
    for table, groups in (("articles", articles), ("mentions", mentions)):
        for month, rows in sorted(groups.items()):
            rel, nbytes = out.write_part(table, month, name, rows)
            info.files[rel] = nbytes
    info.skip_codes = dict(codes)
    return info


def _count_skip(summary: BatchSummary, sk: Skip) -> None:
    summary.skipped += 1
    summary.read += 1
    summary.skip_codes[sk.code] += 1
    reasons = summary.skip_reasons.setdefault(sk.code, [])
    if len(reasons) < 3 and sk.reason not in reasons:
        reasons.append(sk.reason)


def _count_info(summary: BatchSummary, info: PartitionInfo) -> None:
    summary.read += info.items
    summary.articles += info.articles
    summary.skipped += info.skips
    summary.mentions += info.mentions
    summary.skip_codes.update(info.skip_codes)
    summary.warnings.extend(info.warnings)


class _Bar:
    """A rich progress bar on stderr while partitions finish (a no-op when disabled)."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self._p: Any = None
        self._task: Any = None

    def __enter__(self) -> "_Bar":
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._p = Progress(SpinnerColumn(), TextColumn("batch"), BarColumn(),
                               TextColumn("{task.completed} records · {task.fields[info]}"),
                               TimeElapsedColumn(), console=Console(stderr=True), transient=True)
            self._p.__enter__()
            self._task = self._p.add_task("batch", total=None, info="")
        return self

    def advance(self, n: int, summary: BatchSummary) -> None:
        if self._p is not None:
            info = f"{summary.partitions_run} partitions, {summary.mentions} reports, {summary.skipped} skipped"
            self._p.update(self._task, advance=n, info=info)

    def __exit__(self, *exc: object) -> None:
        if self._p is not None:
            self._p.__exit__(*exc)


__all__ = ["BatchSummary", "run_batch", "versions"]
