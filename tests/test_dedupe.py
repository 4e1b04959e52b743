"""Cross-article deduplication on hand-built mentions."""

from __future__ import annotations

import json

import pytest

from whimbrel.store import Store, ingest_items
from whimbrel.knowledge.distance import haversine_km
from whimbrel.store import DedupeParams, Deduper, MentionView
from whimbrel.store.reconcile import event_id_for, reconcile

from .storehelpers import FakeExtractor, article, event, settings

S1 = "Government aircraft struck a market in Aleppo, killing 12 civilians, rescuers said."
S2 = "At least 12 civilians died when warplanes bombed a busy Aleppo market on Saturday."
S_OTHER = "Protesters marched through Damascus demanding the release of detainees."


def view(aid: str, ev, *, published: str = "2024-03-03", source: str | None = None, title: str | None = None):
    day = ev.date.value if ev.date else published
    return MentionView(id=ev.id, article_id=aid, event=ev, date=day, date_known=ev.date is not None,
                       published=published, source=source or f"pub-{aid}", title=title)


CASES = [
    # (description, kwargs of mention b, merged?)
    ("same incident, other words", dict(sentence=S2, dead=12), True),
    ("next-day report of same incident", dict(sentence=S2, day="2024-03-03", dead=12), True),
    ("same incident, higher later toll", dict(sentence=S2, dead=15), True),
    ("same day, other country", dict(sentence=S1, where="gary"), False),
    ("same template, 54 km away in Idlib", dict(sentence=S1.replace("Aleppo", "Idlib"), where="idlib"), False),
    ("near-identical words without names, 54 km apart", dict(sentence=S1.replace("Aleppo", "the city"), where="idlib"), False),
    ("same place, ten days later", dict(sentence=S1, day="2024-03-12"), False),
    ("different event type", dict(sentence=S_OTHER, etype="PROTEST"), False),
    ("same place and day, unrelated text and tolls", dict(sentence="Two soldiers died in a roadside bomb near the airport road.", dead=2,
                                                          actors=("ISIS",), victims=("soldiers",)), False),
]


@pytest.mark.parametrize("desc,kw,merged", CASES, ids=[c[0] for c in CASES])
def test_pairs(desc, kw, merged):
    a = event("a", sentence=S1, dead=12)
    b = event("b", **kw)
    clusters = Deduper().cluster([view("a", a), view("b", b)])
    assert (len(clusters) == 1) is merged, (desc, Deduper().score(view("a", a), view("b", b)))


def test_haversine():
    assert haversine_km(36.2021, 37.1343, 35.9306, 36.6339) == pytest.approx(54, abs=3)
    assert haversine_km(0, 0, 0, 0) == 0


@pytest.mark.parametrize("allow,sizes", [(False, [1, 2]), (True, [3])])
def test_two_reports_of_one_article(allow, sizes):
    a1 = event("a", sentence=S1, dead=12)
    a2 = event("a", sentence=S2, dead=12, start=200)
    b = event("b", sentence=S2, dead=12)
    clusters = Deduper(DedupeParams(allow_same_article=allow)).cluster([view("a", a1), view("a", a2), view("b", b)])
    assert sorted(len(c.mentions) for c in clusters) == sizes
    if allow:
        ev = reconcile(clusters[0])
        assert ev.n_articles == 2 and len(ev.links) == 3 and ev.size.dead.best == 12


def test_two_incidents_in_one_article_stay_apart():
    a1 = event("a", sentence=S1, dead=12)
    a2 = event("a", sentence=S_OTHER, etype="PROTEST", where="damascus", start=300)
    b = event("b", sentence=S2, dead=12)
    clusters = Deduper().cluster([view("a", a1), view("a", a2), view("b", b)])
    assert sorted(len(c.mentions) for c in clusters) == [1, 2]


def test_no_chaining_across_incompatible_pairs():
    # a(day 1) ~ b(day 3) ~ c(day 5), but a and c are 4 days apart with both days known
    evs = [event(x, sentence=S1, day=d, dead=12) for x, d in (("a", "2024-03-01"), ("b", "2024-03-04"), ("c", "2024-03-07"))]
    clusters = Deduper(DedupeParams(window_days=3)).cluster([view(e.article_id, e) for e in evs])
    assert all(len(c.mentions) < 3 for c in clusters)


@pytest.mark.parametrize(
    "figures,best,low,high,conflict",
    [
        ([12, 12, 12], 12, 12, 12, False),
        ([12, 12, 15], 12, 12, 15, True),   # most-reported figure wins
        ([12, 15], 12, 12, 15, True),       # tie: the most conservative
        ([15, 15, 12], 15, 12, 15, True),
        ([3, None], 3, 3, 3, False),        # a report without a figure is not a contradiction
    ],
)
def test_reconciled_counts(figures, best, low, high, conflict):
    vs = []
    for k, f in enumerate(figures):
        aid = f"a{k}"
        vs.append(view(aid, event(aid, sentence=S1, dead=f), published=f"2024-03-0{3 + k}"))
    (cl,) = Deduper().cluster(vs)
    ev = reconcile(cl)
    assert (ev.size.dead.best, ev.size.dead.low, ev.size.dead.high) == (best, low, high)
    assert ev.size_conflict is conflict
    assert len([r for r in ev.size_reports if r.field == "dead"]) == sum(f is not None for f in figures)
    assert ev.n_articles == len(figures) and ev.n_sources == len(figures)


def test_hedged_reports_do_not_set_best():
    vs = [view("a", event("a", sentence=S1, dead=40, claimant="Activists", hedged=True)),
          view("b", event("b", sentence=S2, dead=12, claimant="Ministry"))]
    ev = reconcile(Deduper().cluster(vs)[0])
    assert ev.size.dead.best == 12 and ev.size.dead.high == 40 and ev.size_conflict
    assert {c.claimant.name for c in ev.claims} == {"Activists", "Ministry"}


def test_merge_is_explained():
    vs = [view("a", event("a", sentence=S1, dead=12), published="2024-03-02"),
          view("b", event("b", sentence=S2, dead=12), published="2024-03-03")]
    ev = reconcile(Deduper().cluster(vs)[0])
    first, second = ev.links
    assert first.linked_to is None and second.linked_to == first.mention_id
    assert second.score >= DedupeParams().threshold
    assert {"type", "date", "place", "text"} <= set(second.reasons)
    assert ev.id == event_id_for(first.mention_id) and ev.first_reported == "2024-03-02"


def test_stable_ids_across_runs(tmp_path):
    arts = [article(f"s{k}", f"Story {k} text. " * 5, published=f"2024-03-0{2 + k % 3}") for k in range(6)]
    evs = {f"s{k}": [event(f"s{k}", sentence=S1 if k % 2 else S_OTHER, etype="ASSAULT" if k % 2 else "PROTEST",
                           where="aleppo" if k % 2 else "damascus", dead=12 if k % 2 else None)]
           for k in range(6)}
    runs = []
    for n, order in enumerate((arts, list(reversed(arts)))):
        with Store(tmp_path / f"r{n}.db") as s:
            ingest_items(order, s, settings(tmp_path), extractor=FakeExtractor(evs))
            runs.append(sorted((e.id, e.article_ids) for e in s.events()))
    assert runs[0] == runs[1]
    assert len(runs[0]) == 2
    # a third, incremental run: ingest half, then the rest — same events
    with Store(tmp_path / "r3.db") as s:
        ingest_items(arts[:3], s, settings(tmp_path), extractor=FakeExtractor(evs))
        ingest_items(arts[3:], s, settings(tmp_path), extractor=FakeExtractor(evs))
        assert sorted((e.id, e.article_ids) for e in s.events()) == runs[0]


def test_gvc_evaluator_on_a_tiny_folder(tmp_path):
    from whimbrel.evaluate.gvc import evaluate_gvc

    docs = [
        {"doc_id": "d1", "title": "Two shot in Gary", "text": "Two men were shot in Gary on Broadway.",
         "published": "2014-02-13", "url": "http://a.example/1", "incident_id": "1"},
        {"doc_id": "d2", "title": "Gary shooting leaves two hurt", "text": "Police in Gary said two men were shot.",
         "published": "2014-02-13", "url": "http://b.example/2", "incident_id": "1"},
        {"doc_id": "d3", "title": "Man killed in Chicago", "text": "A man was killed in Chicago.",
         "published": "2014-02-20", "url": "http://c.example/3", "incident_id": "2"},
    ]
    incs = [{"incident_id": "1", "date": "2014-02-12", "state": "Indiana", "city_or_county": "Gary", "killed": 0, "injured": 2},
            {"incident_id": "2", "date": "2014-02-19", "state": "Illinois", "city_or_county": "Chicago", "killed": 1, "injured": 0}]
    (tmp_path / "docs.jsonl").write_text("\n".join(json.dumps(d) for d in docs))
    (tmp_path / "incidents.jsonl").write_text("\n".join(json.dumps(d) for d in incs))
    evs = {
        "d1": [event("d1", where="gary", day="2014-02-12", injured=2, sentence="Two men were shot in Gary on Broadway.")],
        "d2": [event("d2", where="gary", day="2014-02-12", injured=2, sentence="Police in Gary said two men were shot.")],
        "d3": [event("d3", where="chicago", day="2014-02-19", dead=1, sentence="A man was killed in Chicago.")],
    }
    r = evaluate_gvc(tmp_path, settings=settings(tmp_path), extractor=FakeExtractor(evs))
    assert r.metrics["bcubed.f1"] == 1.0 and r.metrics["pairwise.f1"] == 1.0
    assert r.metrics["killed.end_to_end.exact"] == 1.0 and r.metrics["injured.gold_clusters.exact"] == 1.0
    assert r.metrics["date.exact"] == 1.0 and r.metrics["events.duplicate_share"] == 0.0


@pytest.mark.slow
def test_gvc_full(shared_dir):
    from whimbrel.evaluate.gvc import evaluate_gvc

    r = evaluate_gvc(shared_dir / "eval" / "gvc", limit=60)
    assert r.metrics["bcubed.precision"] >= 0.9


def test_blocking_yields_each_compatible_pair_once():
    days = ["2024-03-01", "2024-03-02", "2024-03-09"]
    vs = []
    for k, (d, w) in enumerate([(d, w) for d in days for w in ("aleppo", "gary", None)]):
        vs.append(view(f"x{k}", event(f"x{k}", day=d, where=w)))
    dd = Deduper(DedupeParams(window_days=3, follow_days=0))
    prepared = [dd._prepare(v) for v in vs]
    pairs = list(dd.candidates(prepared))
    assert len(pairs) == len(set(pairs))
    expect = set()
    for i, a in enumerate(vs):
        for j, b in enumerate(vs):
            ca = a.event.location.country_code if a.event.location else None
            cb = b.event.location.country_code if b.event.location else None
            close = abs(int(a.date[-2:]) - int(b.date[-2:])) <= 5
            if i < j and close and (ca is None or cb is None or ca == cb):
                expect.add((i, j))
    assert set(pairs) == expect


def test_issue5_no_shared_words_and_contradicting_tolls_is_a_veto():
    """Same place and day alone must not merge two incidents whose reports share nothing."""
    a = event("a", sentence=S1, dead=12)
    b = event("b", sentence="Two soldiers died in a roadside bomb near the airport road.", dead=2)
    assert Deduper().score(view("a", a), view("b", b)) is None


# --------------------------------------------------------------------------- rare names

FIRST = "Police said Jamarion Lawhorn, 16, was shot dead outside a store on Kessler Avenue."


def background(n: int = 40) -> list[MentionView]:
    """Unrelated reports that give the batch a background: "Damascus" and "Police" are common."""
    out = []
    for k in range(n):
        aid = f"bg{k}"
        ev = event(aid, etype="PROTEST", where="damascus", day="2023-01-15",
                   sentence="Crowds in Damascus marched past the Police headquarters.")
        out.append(view(aid, ev, published="2023-01-15"))
    return out


NAME_CASES = [
    # (description, second report's sentence, its day, its place, merged?)
    ("follow-up 40 days later names the victim", "At the trial, a jury heard how Jamarion Lawhorn died.",
     "2024-04-11", "aleppo", True),
    ("same day, victim named, place mis-geocoded abroad", "Relatives of Jamarion Lawhorn gathered on Kessler Avenue.",
     "2024-03-02", "gary", True),
    ("follow-up with one shared name only", "At the trial, a jury heard how Lawhorn died.",
     "2024-04-11", "aleppo", False),
    ("40 days later, only common names shared", "Police in Damascus said a man was shot dead near a store.",
     "2024-04-11", "aleppo", False),
    ("two years later, victim named", "At the trial, a jury heard how Jamarion Lawhorn died.",
     "2026-03-02", "aleppo", False),
]


@pytest.mark.parametrize("desc,sentence,day,where,merged", NAME_CASES, ids=[c[0] for c in NAME_CASES])
def test_rare_names(desc, sentence, day, where, merged):
    a = view("a", event("a", sentence=FIRST, day="2024-03-02"), published="2024-03-02")
    b = view("b", event("b", sentence=sentence, day=day, where=where), published=day)
    clusters = Deduper().cluster([a, b, *background()])
    together = [c for c in clusters if {m.article_id for m in c.mentions} >= {"a", "b"}]
    assert bool(together) is merged, desc
    if merged:
        (cl,) = together
        (_, _, score, reasons) = cl.links[0]
        assert reasons["names"] >= 2 / 3 - 0.01  # at least "jamarion" and "lawhorn"
        assert score >= DedupeParams().threshold


def test_rare_names_need_a_background():
    """In a handful of articles every name looks rare: the names feature stays silent."""
    a = view("a", event("a", sentence=FIRST, day="2024-03-02"), published="2024-03-02")
    b = view("b", event("b", sentence=NAME_CASES[0][1], day="2024-04-11"), published="2024-04-11")
    assert len(Deduper().cluster([a, b])) == 2
    dd = Deduper()
    prepared = [dd._prepare(v) for v in (a, b)]
    dd._mark_rare(prepared)
    assert all(not pm.rare for pm in prepared)


def test_name_blocking_adds_only_far_pairs_sharing_rare_names():
    a = view("a", event("a", sentence=FIRST, day="2024-03-02"), published="2024-03-02")
    near = view("n", event("n", sentence="Police said Jamarion Lawhorn was shot.", day="2024-03-03"), published="2024-03-03")
    far = view("f", event("f", sentence="A jury heard how Jamarion Lawhorn died.", day="2024-04-11"), published="2024-04-11")
    other = view("o", event("o", sentence="A jury heard how Kessler died.", day="2024-04-11"), published="2024-04-11")
    vs = [a, near, far, other, *background(60)]  # 64 articles: a name in up to 3 is rare
    dd = Deduper()
    prepared = [dd._prepare(v) for v in vs]
    dd._mark_rare(prepared)
    pairs = list(dd._name_candidates(prepared))
    # a-far and near-far: two rare names, outside the day block; a-near is a day-block pair;
    # "other" shares one rare name only
    assert sorted(pairs) == [(0, 2), (1, 2)]
    everything = list(dd.candidates(prepared))
    assert len(everything) == len(set(everything))


@pytest.mark.parametrize(
    "reports, injured",
    [
        # (dead, injured) per report, oldest first
        ([(1, 3), (2, None)], None),  # the later report knows a second death: the old 3 no longer holds
        ([(2, 5), (2, None)], 5),     # both know the same deaths: the figure stands
        ([(1, 3), (2, 2)], 2),        # the fullest report's own figure
        ([(None, 4), (None, 6)], 4),  # no deaths anywhere: every report counts
    ],
)
def test_issue5_injured_read_from_the_reports_that_know_most_deaths(reports, injured):
    vs = []
    for k, (dead, inj) in enumerate(reports):
        aid = f"r{k}"
        vs.append(view(aid, event(aid, sentence=S1, dead=dead, injured=inj), published=f"2024-03-0{3 + k}"))
    (cl,) = Deduper().cluster(vs)
    got = reconcile(cl).size.injured
    assert (got.best if got is not None else None) == injured


UNNAMED_CASES = [
    # (description, second report: type, day, sentence; merged?)
    ("another type two days later, no name in common", "COERCE", "2024-03-04",
     "Gunmen abducted a shopkeeper near the market, residents said.", False),
    ("another type the next day (a misread type)", "COERCE", "2024-03-03",
     "Gunmen abducted a shopkeeper near the market, residents said.", True),
    ("same type two days later, other rare names", "ASSAULT", "2024-03-04",
     "Police said Okonkwo Tamsin, 31, was shot dead outside a store on Brindle Lane.", False),
]


@pytest.mark.parametrize("desc,etype,day,sentence,merged", UNNAMED_CASES, ids=[c[0] for c in UNNAMED_CASES])
def test_issue13_days_apart_without_a_shared_rare_name(desc, etype, day, sentence, merged):
    """Two incidents in one busy city a few days apart: the place and a close date are not
    enough when the types differ or the reports name different rare people (unnamed_days)."""
    first = "Gunmen shot a shopkeeper dead near the Aleppo market on Kessler Avenue, residents said."
    if etype == "ASSAULT":
        first = FIRST
    a = view("a", event("a", sentence=first, day="2024-03-02"), published="2024-03-02")
    b = view("b", event("b", etype=etype, sentence=sentence, day=day).model_copy(update={"quad_class": 4}),
             published=day)

    def merged_with(params: DedupeParams) -> bool:
        clusters = Deduper(params).cluster([a, b, *background()])
        return any({m.article_id for m in c.mentions} >= {"a", "b"} for c in clusters)

    assert merged_with(DedupeParams()) is merged, desc
    assert merged_with(DedupeParams(unnamed_days=10_000)), "without the rule the place and date merge them"


@pytest.mark.parametrize("title, sentence, lead", [
    ("Market fire in Aleppo", "Gunmen attacked Aleppo market", "Residents said Omar Haddad ran a stall there."),
    ("Market fire in Aleppo", "Gunmen attacked the market.", "  Omar Haddad ran a stall there."),
    (None, "Witnesses saw Farida Nasser at the clinic", "Doctors at Saint Luke said Nasser was hurt."),
    ("Report: Nasser hurt", "The clinic treated Farida Nasser!", "\"Nasser is stable,\" Doctors said."),
    (None, "", "Karim Salo was arrested."),
])
def test_features_tokenised_by_piece_equal_the_whole_text(title, sentence, lead):
    """The title and lead are tokenised once per article and the mention sentences apart: the
    words and names must be those of the whole text (a name's capital after a piece boundary
    is judged on the character before it, across the separator)."""
    from dataclasses import replace

    from whimbrel.store.dedupe import _tokens

    m = replace(view("a", event("a1", sentence=sentence), title=title), lead=lead)
    text = " ".join(s.text for s in m.event.mentions)
    if m.event.trigger:
        text += " " + m.event.trigger
    if title:
        text = title + ". " + text
    text += "\n" + lead
    memo: dict = {}
    dd = Deduper()
    for _ in range(2):  # the second time from the memo
        pm = dd._prepare(m, memo)
        assert (pm.words, pm.names) == _tokens(text)
    assert memo
