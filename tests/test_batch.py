"""`whimbrel batch`: the same events as the embedded store, resumable, typed Parquet output.

Fast tests run the real pipeline on a small corpus of sentences written for these tests
(plus the bundled demo corpus, which we wrote too); the Dask and GVC ones are in
test_batch_dask.py (slow).
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from whimbrel.batch import load_batch, read_events, run_batch
from whimbrel.batch.output import Output
from whimbrel.settings import load
from whimbrel.store import Store, ingest
from whimbrel.store.model import StoredEvent

DEMO = Path(__file__).resolve().parent.parent / "whimbrel" / "demo" / "corpus.jsonl"

OWN = [
    {"id": "t-1", "published": "2024-05-06", "publisher": "Test Wire",
     "title": "Gunmen kill four at a bus station in Kaduna",
     "text": "Gunmen killed four passengers at a bus station in Kaduna, Nigeria, on Sunday, police said. "
             "Officer Tanko Bello said the attackers fled on motorcycles toward the Kufena hills."},
    {"id": "t-2", "published": "2024-05-07", "publisher": "Other Paper",
     "title": "Four dead after bus station attack in Kaduna",
     "text": "Four people died when gunmen opened fire at a bus station in Kaduna on Sunday, officer "
             "Tanko Bello told reporters. The gunmen escaped toward the Kufena hills on motorcycles."},
    {"id": "t-3", "published": "2024-06-02", "publisher": "Test Wire",
     "title": "Police arrest dozens at a protest in Nairobi",
     "text": "Police arrested 35 protesters during a march against tax increases in Nairobi on Saturday, "
             "the interior ministry said in a statement."},
]


def _write_jsonl(path: Path, records: list, bad_line: bool = False) -> Path:
    lines = [json.dumps(r) for r in records]
    if bad_line:
        lines.insert(1, '{"id": "broken", "text": ')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _store_events(inputs: list[str], db: Path) -> list[StoredEvent]:
    s = load({"db": str(db)})
    with Store(db) as st:
        ingest(inputs, st, s)
        rows = st.conn.execute("SELECT record FROM events").fetchall()
    return sorted((StoredEvent.model_validate_json(r[0]) for r in rows), key=lambda e: e.id)


def _dump(events) -> list[dict]:
    return [e.model_dump(mode="json") for e in events]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The demo corpus plus our own three articles and one malformed line."""
    d = tmp_path_factory.mktemp("batchin")
    demo = [json.loads(l) for l in DEMO.read_text("utf-8").splitlines() if l.strip()]
    return _write_jsonl(d / "corpus.jsonl", demo + OWN, bad_line=True)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> list[StoredEvent]:
    """What the embedded store makes of the corpus."""
    return _store_events([str(corpus)], tmp_path_factory.mktemp("ref") / "ref.db")


@pytest.fixture(scope="module")
def batch_out(corpus, tmp_path_factory) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("batchout") / "out"
    summary = run_batch([str(corpus)], str(out), load(), engine="local", workers=2, partition_size=6)
    return out, summary


def test_batch_events_equal_embedded_store(batch_out, reference):
    out, summary = batch_out
    got = list(read_events(str(out)))
    assert len(reference) > 10 and summary.events == len(reference)
    assert [e.id for e in got] == [e.id for e in reference]
    assert _dump(got) == _dump(reference)
    assert any(e.n_articles > 1 for e in got), "the corpus has reports of one incident to merge"


def test_malformed_record_is_a_skip_with_its_reason(batch_out):
    out, summary = batch_out
    assert summary.skipped == 1 and summary.skip_codes == {"E204": 1}
    import pyarrow.parquet as pq

    t = pq.read_table(out / "articles").to_pylist()
    skipped = [r for r in t if r["skip_code"]]
    assert len(skipped) == 1 and skipped[0]["origin"].endswith("corpus.jsonl:2")
    assert "invalid JSON" in skipped[0]["skip_reason"]


def test_manifest_records_versions_settings_and_input_digests(batch_out, corpus):
    out, summary = batch_out
    m = json.loads((out / "manifest.json").read_text("utf-8"))
    import hashlib

    assert m["inputs"][0]["sha256"] == hashlib.sha256(corpus.read_bytes()).hexdigest()
    assert m["versions"]["model"] == load().spacy_model and m["versions"]["model_version"]
    assert m["versions"]["gazetteer"].startswith("schema=") and "@" in m["versions"]["actor_kb"]
    assert m["settings"]["spacy_model"] == load().spacy_model
    assert len(m["partitions"]) == summary.partitions == 4  # 18 + 3 + 1 records in parts of 6
    assert sum(p["items"] for p in m["partitions"]) == 22


def test_rerun_is_idempotent(batch_out, corpus):
    out, first = batch_out
    before = _dump(read_events(str(out)))
    again = run_batch([str(corpus)], str(out), load(), engine="local", workers=1, partition_size=6)
    assert again.partitions_run == 0 and again.partitions_resumed == 4 and not again.merge_ran
    assert again.articles == first.articles and again.events == first.events
    assert _dump(read_events(str(out))) == before



def test_batch_warnings_are_the_notes_printed_as_extract_prints_them(tmp_path):
    """A refused date (E208): the same stderr line as extract/ingest print, on the first run and
    on a resumed one (the notes come back from the manifest, which keeps their lines too), also
    from a manifest that holds only the lines; the articles table keeps the notes."""
    import pyarrow.parquet as pq
    from click.testing import CliRunner

    from whimbrel.cli import main
    from whimbrel.cli.extract import note_line
    from whimbrel.records import Note
    from whimbrel.stages.read import read_paths

    path = _write_jsonl(tmp_path / "dated.jsonl", [OWN[0], {**OWN[2], "id": "t-bad", "published": "2024-02-31"}])
    notes = [n for a in read_paths([str(path)]) for n in a.warnings]
    assert [n.code for n in notes] == ["E208"]
    want = [note_line(n) for n in notes]
    assert want == [f"whimbrel: warning {notes[0].origin}: [E208] {notes[0].message} — {notes[0].hint}"]
    out = tmp_path / "out"
    args = ["batch", "--out", str(out), "--workers", "1", "--no-progress", str(path)]

    def printed() -> list[str]:
        r = CliRunner().invoke(main, args)
        assert r.exit_code == 0, r.output
        return [x for x in r.stderr.splitlines() if x.startswith("whimbrel: warning")]

    assert printed() == want
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    (part,) = manifest["partitions"]
    assert part["warnings"] == [n.line() for n in notes]
    assert [Note.model_validate(n) for n in part["notes"]] == notes
    rows = {r["id"]: r for r in pq.read_table(out / "articles").to_pylist()}
    assert json.loads(rows["t-bad"]["warnings"]) == [n.to_json() for n in notes] and rows["t-1"]["warnings"] is None
    assert printed() == want  # resumed: nothing rerun, the same warning
    del part["notes"]  # a manifest written before the notes were kept
    (out / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    assert printed() == want


def test_interrupted_run_resumes_and_redoes_half_written_partitions(corpus, reference, tmp_path):
    out = tmp_path / "out"

    def stop_after_two(engine, result):
        if stop_after_two.seen == 1:
            raise KeyboardInterrupt  # as a Ctrl-C in the middle of the run
        stop_after_two.seen += 1

    stop_after_two.seen = 0
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(corpus)], str(out), load(), workers=1, partition_size=6, on_partition=stop_after_two)
    m = Output(str(out)).read_manifest()
    assert m is not None and len(m.partitions) == 2 and not (out / "events").exists()
    # a half-written partition: a file of partition 3 that the manifest does not list
    stray = out / "articles" / "month=2024-05" / "part-00003.parquet"
    stray.write_bytes(b"PAR1 half a file")
    # and a finished one whose file was cut short
    done = sorted(m.partitions)[0]
    victim = out / next(iter(m.partitions[done].files))
    victim.write_bytes(victim.read_bytes()[:100])
    resumed = run_batch([str(corpus)], str(out), load(), workers=1, partition_size=6)
    assert resumed.partitions_resumed == 1 and resumed.partitions_run == 3 and resumed.half_written == 2
    assert _dump(read_events(str(out))) == _dump(reference)


def test_a_killed_local_worker_is_replaced_and_its_partitions_rerun(corpus, reference, tmp_path):
    out = tmp_path / "out"

    def kill_one(engine, result):
        if not kill_one.done:
            kill_one.done = True
            os.kill(engine.pids()[0], signal.SIGKILL)

    kill_one.done = False
    s = run_batch([str(corpus)], str(out), load(), workers=2, partition_size=3, on_partition=kill_one)
    assert kill_one.done and s.partitions_run == 8
    assert _dump(read_events(str(out))) == _dump(reference)


def test_other_inputs_on_the_same_output_are_refused(batch_out, tmp_path):
    from whimbrel.errors import ConfigError

    out, _ = batch_out
    other = _write_jsonl(tmp_path / "other.jsonl", OWN[:1])
    with pytest.raises(ConfigError, match="other inputs"):
        run_batch([str(other)], str(out), load(), partition_size=6)
    with pytest.raises(ConfigError, match="partitions of 6"):
        run_batch([str(other)], str(out), load(), partition_size=7, append=True)


def test_append_adds_inputs_and_merges_again(tmp_path, corpus, reference):
    demo_only = _write_jsonl(tmp_path / "a.jsonl", [json.loads(l) for l in DEMO.read_text("utf-8").splitlines() if l.strip()])
    rest = _write_jsonl(tmp_path / "b.jsonl", OWN, bad_line=True)
    out = tmp_path / "out"
    first = run_batch([str(demo_only)], str(out), load(), workers=1, partition_size=6)
    second = run_batch([str(rest)], str(out), load(), workers=1, partition_size=6, append=True)
    assert second.partitions_resumed == 3 and second.partitions_run == 1 and second.merge_ran
    # issue 13: the last merge is continued; on this small corpus of close days the neighbourhood
    # is everything (test_incremental shows a late report re-clustering 3 of 63 reports)
    assert second.merge_incremental and second.merge_rescored <= second.mentions
    assert second.articles == first.articles + 3 and second.events > first.events
    assert _dump(read_events(str(out))) == _dump(_store_events([str(demo_only), str(rest)], tmp_path / "s.db"))


def test_load_into_the_store_gives_the_store_of_an_ingest(batch_out, reference, tmp_path):
    out, _ = batch_out
    with Store(tmp_path / "loaded.db") as st:
        s = load_batch(str(out), st)
        rows = st.conn.execute("SELECT record FROM events").fetchall()
        assert st.counts()["skipped"] == 1
        n_mentions = st.counts()["mentions"]
    got = sorted((StoredEvent.model_validate_json(r[0]) for r in rows), key=lambda e: e.id)
    assert s.events == len(reference) and _dump(got) == _dump(reference)
    assert n_mentions == sum(len(e.links) for e in reference)


def test_pipeline_is_built_once_per_process_and_settings(tmp_path):
    from whimbrel.batch.worker import PartitionTask, pipelines_built, run_partition
    from whimbrel.records import Article

    s = load()
    arts = tuple(Article(id=r["id"], text=r["text"], raw=r["text"], published=r["published"]) for r in OWN)
    r1 = run_partition(PartitionTask(index=0, items=arts[:1], settings=s))
    r2 = run_partition(PartitionTask(index=1, items=arts[1:], settings=s))
    assert r1.notes["pipelines_built"] == r2.notes["pipelines_built"] == pipelines_built() == 1
    assert [len(r.events) > 0 for r in r1.results + r2.results] == [True, True, True]


def test_blocked_clustering_equals_one_pass_clustering(batch_out):
    from whimbrel.batch.merge import cluster_blocked, load_articles, load_mentions, syndication
    from whimbrel.store.dedupe import Deduper
    from whimbrel.store.model import LEAD_CHARS

    out, _ = batch_out
    o = Output(str(out))
    arts = load_articles(o, LEAD_CHARS)
    mentions = load_mentions(o, arts, syndication(arts))

    def key(clusters):
        return sorted((tuple(m.id for m in c.mentions), tuple((a, b, s) for a, b, s, _ in c.links)) for c in clusters)

    one = key(Deduper().cluster(mentions))
    for size in (1, 3, 10_000):
        assert key(cluster_blocked(mentions, block_size=size)) == one


def test_issue13_merge_blocks_ship_scoring_copies_that_score_the_same_links(batch_out):
    """A block sent to a worker holds each report's scoring copy (no sentences, claims or
    lead), which pickles to a fraction of the full reports and scores the same links."""
    import pickle

    from whimbrel.batch.merge import blocks, load_articles, load_mentions, score_block, syndication
    from whimbrel.store.dedupe import Deduper, Link
    from whimbrel.store.model import LEAD_CHARS

    out, _ = batch_out
    o = Output(str(out))
    arts = load_articles(o, LEAD_CHARS)
    deduper = Deduper()
    ordered, prepared = deduper.prepare(load_mentions(o, arts, syndication(arts)))
    tasks = list(blocks(prepared, None, 10))
    assert len(tasks) > 1
    scored = 0
    for task in tasks:
        full = [prepared[i] for i in task.index]
        assert all(m.lead is None and m.title is None and not hasattr(m.event, "mentions") for m in task.mentions)
        assert len(pickle.dumps(task)) < len(pickle.dumps((tuple(p.m for p in full), tuple(full))))
        want = [Link(task.index[l.a], task.index[l.b], l.score, l.reasons)
                for l in deduper.block_links([p.m for p in full], full, task.first_day, task.end_day)]
        assert score_block(task) == want
        scored += len(want)
    assert scored > 0


def test_blocked_clustering_on_a_generated_feed():
    """600 generated reports of incidents over many days, in blocks far smaller than the window."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks.corpus import generate
    from benchmarks.scale import make_events
    from whimbrel.batch.merge import cluster_blocked
    from whimbrel.store.dedupe import Deduper
    from whimbrel.store.model import MentionView, effective_date

    arts, events, _, _ = make_events(generate(600, words=40, seed=3), 40, 3)
    mentions = []
    for a in arts:
        for ev in events[a.id]:
            day, known = effective_date(ev, a.published)
            mentions.append(MentionView(id=ev.id, article_id=a.id, event=ev, date=day, date_known=known,
                                        published=a.published, source=a.publisher, title=a.title, lead=a.text[:600]))

    def key(clusters):
        return sorted(tuple(m.id for m in c.mentions) for c in clusters)

    one = key(Deduper().cluster(mentions))
    assert len(one) < len(mentions)
    assert key(cluster_blocked(mentions, block_size=25)) == one


def _child_peak(q) -> None:
    from whimbrel.batch.worker import _peak_rss_mb

    q.put(_peak_rss_mb())


def test_issue13_a_spawned_worker_reports_its_own_peak_memory_not_its_parents():
    """ru_maxrss survives exec: a Dask worker spawned by a driver that had grown after a merge
    reported the driver's peak (2.7 GB) as its own.  The peak is now the process's own."""
    import multiprocessing as mp

    from whimbrel.batch.worker import _peak_rss_mb

    ballast = bytearray(400 * 2**20)  # 400 MB touched by the parent
    for i in range(0, len(ballast), 4096):
        ballast[i] = 1
    assert _peak_rss_mb() > 400
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=_child_peak, args=(q,))
    p.start()
    child = q.get(timeout=120)
    p.join(30)
    del ballast
    assert 0 < child < 300


def test_issue13_the_worker_plugin_warns_about_a_fixed_malloc_trim_threshold(monkeypatch, caplog):
    import logging

    from whimbrel.batch import worker as w

    built = []
    monkeypatch.setattr(w, "pipeline_for", lambda s: built.append(s))
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")
    with caplog.at_level(logging.WARNING, logger="whimbrel.batch"):
        w.PipelinePlugin(settings="S").setup(worker=None)
    assert built == ["S"]
    assert "MALLOC_TRIM_THRESHOLD_=65536" in caplog.text and "pre-spawn-environ" in caplog.text
    caplog.clear()
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_")
    with caplog.at_level(logging.WARNING, logger="whimbrel.batch"):
        w.PipelinePlugin(settings="S").setup(worker=None)
    assert caplog.text == ""
