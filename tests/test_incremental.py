"""Issue 13: rare names judged on the whole store, so a late follow-up joins its incident in an
incremental ingest, as it does in one full run (whimbrel.store.names)."""

from __future__ import annotations

from whimbrel.store import Store, dedupe_store, ingest_items
from whimbrel.store.migrations import MIGRATIONS
from whimbrel.store.names import StoreCorpus, incremental_scope
from whimbrel.store.dedupe import DedupeParams

from .storehelpers import FakeExtractor, article, event, settings

FIRST = "Police said Jamarion Lawhorn, 16, was shot dead outside a store on Kessler Avenue."
SECOND = "Jamarion Lawhorn died after gunmen opened fire near Kessler Avenue, his aunt said."
FOLLOW_UP = "Months after Jamarion Lawhorn was killed on Kessler Avenue, a jury convicted the gunman."


def _background(n: int, start: int = 0):
    """Unrelated protests spread over spring, so "Damascus" and "Police" are common names."""
    arts, evs = [], {}
    for k in range(start, start + n):
        aid = f"bg{k:03d}"
        day = f"2024-{3 + k % 4:02d}-{1 + k % 27:02d}"
        s = f"Crowds in Damascus marched past the Police headquarters, group {k} said."
        arts.append(article(aid, s, published=day))
        evs[aid] = [event(aid, etype="PROTEST", where="damascus", day=day, sentence=s)]
    return arts, evs


def _incident():
    arts = [article("x1", FIRST, published="2024-03-02"), article("x2", SECOND, published="2024-03-03")]
    evs = {"x1": [event("x1", sentence=FIRST, day="2024-03-02", dead=1)],
           "x2": [event("x2", sentence=SECOND, day="2024-03-02", dead=1)]}
    return arts, evs


def _follow_up():
    arts = [article("late", FOLLOW_UP, published="2024-07-20")]
    evs = {"late": [event("late", sentence=FOLLOW_UP, day="2024-07-19", dead=1)]}
    return arts, evs


def _groups(store) -> dict[str, frozenset[str]]:
    got: dict[str, set[str]] = {}
    for mid, eid in store.conn.execute("SELECT mention_id, event_id FROM event_mentions"):
        got.setdefault(eid, set()).add(mid)
    return {k: frozenset(v) for k, v in got.items()}


def _events(store) -> list[tuple]:
    return sorted((r[0], r[1], r[2], r[3]) for r in store.conn.execute(
        "SELECT id, event_type, dead_best, n_articles FROM events"))


def _ingest(store, tmp_path, arts, evs):
    return ingest_items(arts, store, settings(tmp_path), extractor=FakeExtractor(evs))


def test_the_names_migration_is_the_last_and_indexes_every_report(tmp_path):
    bg, bge = _background(60)
    with Store(tmp_path / "w.db") as store:
        version = store.conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
        assert version == len(MIGRATIONS)
        _ingest(store, tmp_path, bg, bge)
        n = store.conn.execute("SELECT COUNT(DISTINCT mention_id) FROM mention_names").fetchone()[0]
        assert n == 60
        assert StoreCorpus(store.conn).unindexed() == []
        # a replaced article's old names go with its old reports
        changed = article("bg000", "Crowds in Homs marched, organisers said.", published="2024-03-01")
        ev = event("bg000", etype="PROTEST", where="damascus", day="2024-03-01", sentence=changed.text)
        _ingest(store, tmp_path, [changed], {"bg000": [ev]})
        names = {r[0] for r in store.conn.execute(
            "SELECT n.name FROM mention_names n JOIN mentions m ON m.id = n.mention_id WHERE m.article_id='bg000'")}
        assert "homs" in names and "damascus" not in names


def test_issue13_late_follow_up_joins_its_incident_in_a_separate_ingest(tmp_path):
    bg, bge = _background(60)
    xa, xe = _incident()
    la, le = _follow_up()
    with Store(tmp_path / "inc.db") as store:
        _ingest(store, tmp_path, bg + xa, {**bge, **xe})
        (x_event,) = {eid for eid, ms in _groups(store).items() if xe["x1"][0].id in ms}
        assert _groups(store)[x_event] == {xe["x1"][0].id, xe["x2"][0].id}
        # months later, another run: only the follow-up is new
        _ingest(store, tmp_path, la, le)
        groups = _groups(store)
        assert groups[x_event] == {xe["x1"][0].id, xe["x2"][0].id, le["late"][0].id}
        incremental = _events(store)
        # the same as one full run on both inputs, and as a full re-cluster of this store
        dedupe_store(store)
        assert _events(store) == incremental
    with Store(tmp_path / "full.db") as full:
        _ingest(full, tmp_path, bg + xa + la, {**bge, **xe, **le})
        assert _events(full) == incremental
        assert _groups(full) == groups


def test_the_scope_reaches_the_incident_months_away(tmp_path):
    bg, bge = _background(60)
    xa, xe = _incident()
    la, le = _follow_up()
    with Store(tmp_path / "w.db") as store:
        _ingest(store, tmp_path, bg + xa, {**bge, **xe})
        ingest_items(la, store, settings(tmp_path), extractor=FakeExtractor(le), dedupe=False)
        late = le["late"][0].id
        with store.write() as w:
            StoreCorpus.index(w, {late: {"jamarion", "lawhorn", "kessler", "avenue", "months"}})
        scope = incremental_scope(StoreCorpus(store.conn), [late], DedupeParams(), {late: "late"})
        assert {xe["x1"][0].id, xe["x2"][0].id} <= scope.ids
        assert scope.by_names == 2
        assert not any(m.startswith("bg") for m in scope.ids)  # July: no protest report within the window
        assert scope.stats.articles == 63 and scope.stats.df["lawhorn"] == 3


def test_a_name_made_common_by_new_articles_unlinks_old_reports_as_a_full_run_does(tmp_path):
    """Two reports 90 days apart linked only by two rare names; four later articles use both
    names, so they are rare no more: the old link goes, in the incremental run as in a full one."""
    bg, bge = _background(60)
    xa, xe = _incident()
    la, le = _follow_up()
    later_arts, later_evs = [], {}
    for k in range(4):
        aid = f"tv{k}"
        s = f"A television film about Jamarion Lawhorn and Kessler Avenue aired, critic {k} wrote."
        later_arts.append(article(aid, s, published="2024-09-10"))
        later_evs[aid] = [event(aid, etype="PROTEST", where="damascus", day="2024-09-10", sentence=s)]
    with Store(tmp_path / "inc.db") as store:
        _ingest(store, tmp_path, bg + xa + la, {**bge, **xe, **le})
        late = le["late"][0].id
        assert any(late in ms and xe["x1"][0].id in ms for ms in _groups(store).values())
        _ingest(store, tmp_path, later_arts, later_evs)
        incremental = _events(store)
        assert not any(late in ms and xe["x1"][0].id in ms for ms in _groups(store).values())
    with Store(tmp_path / "full.db") as full:
        _ingest(full, tmp_path, bg + xa + la + later_arts, {**bge, **xe, **le, **later_evs})
        assert _events(full) == incremental


# --------------------------------------------------------------------------- batch --append

def _all_cases():
    bg, bge = _background(60)
    xa, xe = _incident()
    la, le = _follow_up()
    return bg + xa, la, {**bge, **xe, **le}


_EVENTS = _all_cases()[2]


def fake_runner(task):
    """A worker that returns our hand-built events instead of running the NLP pipeline."""
    from whimbrel.batch.worker import ArticleResult, PartitionResult
    from whimbrel.records import Skip
    from whimbrel.store.model import content_hash

    out = []
    for it in task.items:
        if isinstance(it, Skip):
            out.append(ArticleResult(item=it, skip=it))
        else:
            out.append(ArticleResult(item=it, events=tuple(_EVENTS.get(it.id, ())), digest=content_hash(it)))
    return PartitionResult(index=task.index, results=tuple(out))


def _jsonl(path, arts):
    import json

    path.write_text("".join(json.dumps(a.model_dump(mode="json", exclude={"raw", "origin"})) + "\n" for a in arts),
                    encoding="utf-8")
    return str(path)


def _batch_groups(out) -> dict[str, frozenset[str]]:
    from whimbrel.batch import read_events

    return {e.id: frozenset(l.mention_id for l in e.links) for e in read_events(str(out))}


def test_issue13_batch_append_links_a_late_report_without_reclustering_everything(tmp_path):
    from whimbrel.batch import read_events, run_batch
    from whimbrel.settings import load

    first_arts, late_arts, events = _all_cases()
    first = _jsonl(tmp_path / "spring.jsonl", first_arts)
    late = _jsonl(tmp_path / "july.jsonl", late_arts)
    out = tmp_path / "out"
    s1 = run_batch([first], str(out), load(), workers=1, partition_size=20, runner=fake_runner)
    assert not s1.merge_incremental and s1.merge_rescored == 62
    x = {events["x1"][0].id, events["x2"][0].id}
    (x_event,) = [eid for eid, ms in _batch_groups(out).items() if ms == x]
    s2 = run_batch([late], str(out), load(), workers=1, partition_size=20, runner=fake_runner, append=True)
    assert s2.merge_incremental
    assert s2.merge_rescored == 3  # the follow-up and the incident's two reports, not the 60 others
    assert _batch_groups(out)[x_event] == x | {events["late"][0].id}
    appended = [e.model_dump(mode="json") for e in read_events(str(out))]
    # one full run on both inputs gives the same events, ids and figures
    full = tmp_path / "full"
    run_batch([first, late], str(full), load(), workers=1, partition_size=20, runner=fake_runner)
    assert [e.model_dump(mode="json") for e in read_events(str(full))] == appended
    # and so does the store, ingesting the two inputs in two runs
    with Store(tmp_path / "w.db") as store:
        _ingest(store, tmp_path, first_arts, events)
        _ingest(store, tmp_path, late_arts, events)
        assert set(_groups(store).values()) == set(_batch_groups(out).values())
