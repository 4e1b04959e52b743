"""Fast paths that must answer exactly as the slow code they stand in for (issue 15)."""

from __future__ import annotations

import difflib
import random
import string

import pytest

from whimbrel.knowledge.distance import haversine_km, within_km


def test_within_km_agrees_with_the_formula():
    rng = random.Random(7)
    for _ in range(20000):
        lat1, lon1 = rng.uniform(-89, 89), rng.uniform(-180, 180)
        # many pairs near the threshold: the shortcut must never decide them wrongly
        lat2 = lat1 + rng.uniform(-2.0, 2.0)
        lon2 = lon1 + rng.uniform(-3.0, 3.0)
        for km in (50.0, 100.0, 161.0):
            assert within_km(lat1, lon1, lat2, lon2, km) == (haversine_km(lat1, lon1, lat2, lon2) <= km)


def test_within_km_on_the_meridian_edge():
    # two points on one meridian about 100 km apart: only the full formula can say
    d = 100.0 / haversine_km(0.0, 0.0, 1.0, 0.0)
    assert within_km(10.0, 5.0, 10.0 + d * 0.9999, 5.0, 100.0)
    assert not within_km(10.0, 5.0, 10.0 + d * 1.0001, 5.0, 100.0)


def test_close_keys_equal_difflib_over_all_keys():
    from whimbrel.knowledge.actors import ActorKB

    kb = ActorKB.load(None)
    kb._close_keys("warmup")
    keys = sorted(k for ks in kb._single_keys.values() for k in ks)
    rng = random.Random(3)
    words = []
    for key in keys[::3]:
        w = list(key)
        for _ in range(rng.randint(0, 2)):
            pos = rng.randrange(len(w))
            w[pos] = rng.choice(string.ascii_lowercase)
        words.append("".join(w))
    words += ["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 12))) for _ in range(200)]
    for w in words:
        assert kb._close_keys(w) == difflib.get_close_matches(w, keys, n=3, cutoff=0.85), w


@pytest.fixture(scope="module")
def nlp():
    from whimbrel.stages.nlp import NlpStage
    from whimbrel.settings import load

    return NlpStage(load().spacy_model).nlp


def test_every_cue_word_passes_the_prefilter(nlp):
    from whimbrel.stages.counts import _may_be_cue, cue_category

    text = (
        "Gunmen killed four villagers and wounded nine others near the market on Sunday. "
        "Two men died in hospital, and a third is in critical condition after he was shot. "
        "Police arrested 12 protesters and detained their leader; one suspect committed suicide. "
        "The death toll from the bombing rose to 31, with dozens of casualties and several injuries. "
        "A double homicide and a murder-suicide were reported, and the fatal stabbing left one dead. "
        "Officers sent three people to the hospital; the deceased took his own life, relatives said. "
        "Soldiers were hurt in the ambush, and the bodies of five fighters were found."
    )
    doc = nlp(text)
    found = 0
    for tok in doc:
        if cue_category(tok) is not None:
            found += 1
            assert _may_be_cue(tok.lower_, tok.lemma_.lower()), tok.text
    assert found >= 15


def test_explicit_year_guard_keeps_the_answer(nlp):
    from whimbrel.stages import modality

    doc = nlp("Rebels attacked the town in March 2019, and troops shelled the hills on Monday. "
              "The 1994 genocide killed many; the army said last week that it will withdraw.")
    years = {t.text: modality._explicit_year(t) for t in doc if t.lemma_ in ("attack", "shell", "kill", "withdraw")}
    assert years["attacked"] == 2019
    assert years["killed"] == 1994
    assert years["withdraw"] is None


def test_token_table_children_are_token_children(nlp):
    from whimbrel.spacy_doc import token_table

    doc = nlp("The police, who arrived late, said gunmen had attacked and burned two villages near the river. "
              "Officials called on both sides to stop the shelling of civilian areas, which was condemned.")
    table = token_table(doc)
    for tok in doc:
        assert table.children[tok.i] == [c.i for c in tok.children]


def test_issue15_token_table_reads_what_the_tokens_say(nlp):
    from whimbrel.spacy_doc import TokenTable

    doc = nlp("The U.S.-backed forces said on Monday that 12 ISIS fighters were killed near Raqqa. "
              "\"We won't stop,\" Ahmed al-Hassan told reporters — hours later, shelling resumed.\n\n"
              "Officials in Kyiv denied it.  ")
    table = TokenTable(doc)
    rows = [(t.lower_, t.lemma_.lower(), t.pos_, t.tag_, t.dep_, t.ent_type_, t.head.i) for t in doc]
    assert list(zip(table.lower, table.lemma, table.pos, table.tag, table.dep, table.ent_type, table.head)) == rows
    assert any(h < i for i, h in enumerate(table.head)) and any(h > i for i, h in enumerate(table.head))
    empty = TokenTable(nlp(""))
    assert empty.lower == [] and empty.head == [] and empty.children == []


def _speaker_span_of_tokens(head):
    """speaker_span as it read Token objects before issue 15 (the reference)."""
    doc = head.doc

    def under(tok, deps):
        node = tok
        while node.i != head.i and node.head.i != node.i:
            if node.dep_ in deps:
                return True
            node = node.head
        return False

    left = head.left_edge.i
    for i in range(head.i - 1, left - 1, -1):
        if (doc[i].is_quote and doc[i].dep_ != "case") or doc[i].text in ",;:" or doc[i].is_space or doc[i].is_sent_end:
            left = i + 1
            break
    while left < head.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    right = head.i
    for i in range(head.i + 1, head.right_edge.i + 1):
        tok = doc[i]
        if tok.text == "," or tok.is_space or tok.dep_ in ("relcl", "acl", "cc", "conj") and tok.head.i == head.i:
            break
        if under(tok, ("relcl", "acl")):
            break
        right = i
    while right > head.i and doc[right].is_punct and doc[right].text not in ")]":
        right -= 1
    if (right + 2 < len(doc) and doc[right].pos_ == "PROPN" and len(doc[right].text) <= 4
            and doc[right + 1].text == "." and doc[right + 2].pos_ == "PROPN" and doc[right + 2].is_title):
        right += 2
        while right + 1 < len(doc) and doc[right + 1].pos_ == "PROPN" and doc[right + 1].is_title:
            right += 1
    span = doc[left : right + 1]
    return (span.text, span.start_char, span.end_char)


def test_issue15_speaker_span_from_the_table_equals_the_token_walk(nlp):
    from whimbrel.stages.quotes import speaker_span

    doc = nlp("Lloyd Austin, the defence secretary, said the strikes would go on. "
              "IMPD Sgt. Kendale Adams told reporters that officers, who arrived late, found two men. "
              "The Northern Fleet Command (NFC) announced on its website: \"We hit the depot.\"\n\n"
              "A spokesman for the ministry, speaking on condition of anonymity, denied it; "
              "witnesses and residents of the village said soldiers fired.  Officials in Kyiv agreed")
    checked = 0
    for tok in doc:
        if tok.pos_ in ("NOUN", "PROPN", "PRON"):
            assert speaker_span(tok) == _speaker_span_of_tokens(tok), tok.text
            checked += 1
    assert checked >= 25


def test_scare_quote_guard_keeps_the_answer(nlp):
    from whimbrel.stages import modality

    doc = nlp('Officials denied the "attack" took place. A so-called “peaceful” march ended in clashes. '
              'Troops "fired warning shots into the air," a witness said, and no one was hurt.')
    marked = {t.text for t in doc if modality._in_scare_quotes(t)}
    assert "attack" in marked and "peaceful" in marked
    assert "fired" not in marked and "hurt" not in marked


def test_sentence_cues_from_the_table_equal_cues_in_tokens(nlp):
    from whimbrel.stages import acled_cues

    doc = nlp("Riot police fired tear gas at protesters who threw stones in the capital. "
              "Gunmen abducted 20 villagers and looted shops, residents said. "
              "A suicide bomber blew himself up at a checkpoint, wounding three soldiers.")
    for sent in doc.sents:
        assert acled_cues._table_forms(doc, sent.start, sent.end) == acled_cues._forms(sent)
        # the sentence's cues are its phrase cues plus the cues read from its syntax
        syntactic = {"took", "retook", "state_taker", "nonstate_taker", "protester_violence"}
        phrase, kept = acled_cues.cues_in_tokens(sent), acled_cues.sentence_cues(sent[0])
        assert phrase <= kept and kept - phrase <= syntactic


def test_conditional_guard(nlp):
    from whimbrel.stages import modality

    plain = nlp("Troops shelled the town and killed four people.")
    assert not modality._has_condition_mark(plain)
    assert not any(modality._conditional(t) for t in plain)
    cond = nlp("The army will attack the town if the talks fail.")
    assert modality._has_condition_mark(cond)
    assert modality._conditional(next(t for t in cond if t.lemma_ == "attack"))


def test_geoparser_asks_each_name_once_per_document(nlp):
    from whimbrel.knowledge.geoparse import Geoparser

    class Counting(Geoparser):
        def _lookup(self, text, *, abbreviations):
            self.asked.append((text, abbreviations))
            return super()._lookup(text, abbreviations=abbreviations)

    parser = Counting()
    parser.asked = []
    doc = nlp("Fighting broke out in Aleppo on Monday. Aleppo residents fled to Idlib, "
              "and more shelling hit Aleppo and Idlib later.")
    first = parser.parse(doc)
    asked = list(parser.asked)
    assert asked and len(asked) == len(set(asked))
    # nothing is kept once the document is done: a second parse asks again, with the same answer
    parser.asked.clear()
    assert parser.parse(doc) == first
    assert sorted(parser.asked) == sorted(asked)
    assert parser._doc_local.candidates is None
    assert parser._candidates("Aleppo", abbreviations=False) == parser._lookup("Aleppo", abbreviations=False)


def test_geoparser_pickles_without_its_document_memo():
    import pickle

    from whimbrel.knowledge.geoparse import Geoparser

    parser = pickle.loads(pickle.dumps(Geoparser()))
    assert getattr(parser._doc_local, "candidates", None) is None


def test_running_total_guard(nlp):
    from whimbrel.stages import counts

    doc = nlp("Gunmen killed 12 people in the market on Sunday. "
              "The attack brings the number of people killed so far this year to 140.")
    first, second = list(doc.sents)
    table_low = [t.lower_ for t in first]
    assert not counts._may_aggregate(table_low)
    assert counts._may_aggregate([t.lower_ for t in second])
    assert counts.extract_size(first).dead.best == 12
    assert counts.extract_size(second).dead is None  # a running total, not this event's dead


def test_close_matcher_equals_difflib_on_any_words():
    from whimbrel.knowledge.close_match import CloseMatcher

    rng = random.Random(11)
    letters = string.ascii_letters + "éü-' "
    words = sorted({"".join(rng.choice(letters) for _ in range(rng.randint(1, 11))) for _ in range(400)})
    matcher = CloseMatcher(words)
    queries = [w[:-1] + rng.choice(letters) for w in words[::4]] + \
              ["".join(rng.choice(letters) for _ in range(rng.randint(1, 11))) for _ in range(150)]
    for q in queries:
        for n, cutoff in ((3, 0.85), (5, 0.6), (1, 0.3)):
            assert matcher.close(q, n=n, cutoff=cutoff) == difflib.get_close_matches(q, words, n=n, cutoff=cutoff), q
    assert CloseMatcher([]).close("anything") == []


def test_every_trigger_passes_the_trigger_prefilter(nlp):
    from whimbrel.spacy_doc import token_table
    from whimbrel.stages.triggers import _may_trigger, find_mentions

    doc = nlp("Troops shelled the village and killed nine people, officials said. "
              "The government will not hesitate to take action, the minister warned. "
              "Protesters marched to the embassy; police arrested 14 of them after clashes. "
              "JIHADISTS OVERRUN ARMY POST. The two sides signed a ceasefire and agreed to talks.")
    table = token_table(doc)
    mentions = find_mentions(doc)
    triggers = {t.i for m in mentions for t in m.triggers}
    assert len(mentions) >= 6
    for i in triggers:
        assert _may_trigger(table, i, {}), doc[i].text
    # most words are no trigger at all and never become Token objects
    assert sum(_may_trigger(table, i, {}) for i in range(len(doc))) < len(doc) / 2


def test_issue15_merge_and_screen_share_one_clustering(nlp):
    from whimbrel.extract import build_pipeline
    from whimbrel.pipeline import Work
    from whimbrel.records import Article
    from whimbrel.stages.merge import cluster_mentions, work_clusters
    from whimbrel.stages.screen import clusters_of

    text = ("Rebels attacked an army post near Goma on Monday, killing four soldiers, officials said. "
            "The attack on the post followed clashes in the same area. Police arrested 12 protesters in Kinshasa.")
    pipe = build_pipeline(nlp=nlp)
    work = Work(article=Article(id="share", text=text, raw=text, language="en", published="2024-05-07"))
    for stage in pipe.stages[:5]:  # clean, nlp, places, triggers, resolve
        stage(work)
    assert work.mentions
    shared = work_clusters(work)
    assert work_clusters(work) is shared
    assert [[m.start for m in c] for c in shared] == [[m.start for m in c] for c in cluster_mentions(work.mentions)]
    for stage in pipe.stages[5:]:  # merge, screen
        stage(work)
    got = clusters_of(work)  # the merge's own clusters (the same mention objects), head first
    assert len(got) == len(shared)
    assert all(g is c or sorted(map(id, g)) == sorted(map(id, c)) for g, c in zip(got, shared))


def test_issue15_place_taken_reads_the_table(nlp):
    from whimbrel.stages import acled_cues

    doc = nlp("Rebels took Alamata from the army on Sunday. Farmers took their goats to the market.")
    first, second = list(doc.sents)
    assert "took" in acled_cues._place_taken(first, ())
    assert "took" not in acled_cues._place_taken(second, ())
    assert acled_cues._sentence_form_cues(doc, first.start, first.end) == acled_cues._cues_in_forms(
        acled_cues._forms(first))


def _ended_by_tokens(token):
    from whimbrel.stages.acled_cues import _END_VERBS

    cur = token
    for _ in range(4):
        if cur.dep_ not in ("dobj", "pobj", "prep", "nsubjpass") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.pos_ == "VERB" and cur.lemma_.lower() in _END_VERBS:
            return True
    return False


def _in_grievance_by_tokens(token):
    from whimbrel.stages.acled_cues import _OBJECT_DEPS, GRIEVANCE_WORDS

    cur = token
    for _ in range(8):
        if cur.dep_ not in _OBJECT_DEPS or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in GRIEVANCE_WORDS and cur.i != token.i:
            return True
    return False


def _crowd_verb_by_tokens(token):
    from whimbrel.stages.acled_cues import CROWD_NOUNS, _armed

    if any(c.dep_ == "prep" and c.lower_ == "under" for c in token.children):
        return False
    for c in token.children:
        if c.dep_ != "nsubj":
            continue
        heads = [c] + [p for prep in c.children if prep.dep_ == "prep" and prep.lower_ == "of"
                       for p in prep.children if p.dep_ == "pobj"]
        if not any(_armed(h) for h in heads) and any(h.lemma_.lower() in CROWD_NOUNS for h in heads):
            return True
    return False


@pytest.mark.parametrize("text", [
    "A crowd of angry villagers stoned the police station after the arrest of a local teacher.",
    "Armed youths attacked the market, and members of rival communities fought with machetes.",
    "The two sides signed an accord ending two years of fighting and agreed to halt the clashes.",
    "Farmers demanded the return of land seized by the army and protested against the killing of a boy.",
    "Militants opened fire on a minibus while a patrol came under fire near the border.",
])
def test_issue15_acled_argument_walks_on_the_table_equal_the_token_walks(nlp, text):
    from whimbrel.stages import acled_cues

    doc = nlp(text)
    for tok in doc:
        assert acled_cues._ended(tok) == _ended_by_tokens(tok), tok.text
        assert acled_cues._in_grievance(tok) == _in_grievance_by_tokens(tok), tok.text
        if tok.pos_ in ("VERB", "AUX"):
            assert acled_cues._crowd_subject(tok) == _crowd_verb_by_tokens(tok), tok.text
    assert any(acled_cues._ended(t) for t in doc) or "ending" not in text


def _np_tokens_of_tokens(head):
    """np_tokens as it read Token objects before the table (the reference)."""
    from whimbrel.spacy_doc import ent_of
    from whimbrel.stages.arguments import _NP_LEFT_DEPS

    toks = {head.i: head}
    for c in head.lefts:
        if c.dep_ in _NP_LEFT_DEPS:
            toks.update((t.i, t) for t in c.subtree)
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            for t in c.subtree:
                if t.dep_ in ("relcl", "acl"):
                    break
                toks[t.i] = t
        elif c.dep_ in ("compound", "flat", "appos") and c.ent_type_:
            toks.update((t.i, t) for t in c.subtree)
    ent = ent_of(head)
    if ent is not None:
        toks.update((t.i, t) for t in ent)
    ordered = [toks[i] for i in sorted(toks)]
    while ordered and ordered[0].dep_ in ("det", "punct", "case") and ordered[0].lower_ in ("the", "a", "an", "'s", "’s", "“", '"'):
        ordered = ordered[1:]
    while ordered and ordered[-1].is_punct:
        ordered = ordered[:-1]
    return [t.i for t in (ordered or [head])]


def test_issue15_argument_walks_on_the_table_equal_the_token_walks(nlp):
    from whimbrel.spacy_doc import token_table
    from whimbrel.stages.arguments import _conjuncts, _subtree, np_range, np_tokens

    doc = nlp("Soldiers of the northern brigade, backed by two hundred militiamen and local police, stormed "
              "the depot that the rebels used, the governor's office said. Thousands of farmers and "
              "students from Lyon marched past the old bank of the United Nations Relief Agency on Friday, "
              "while the ministry's \"special unit\" arrested 4 men, 2 women and a teenager.")
    table = token_table(doc)
    for tok in doc:
        assert _subtree(table, tok.i) == [t.i for t in tok.subtree]
        assert _conjuncts(table, tok.i) == [c.i for c in tok.conjuncts]
        assert table.like_num[tok.i] == tok.like_num
        want = _np_tokens_of_tokens(tok)
        assert [t.i for t in np_tokens(tok)] == want
        assert np_range(tok) == (doc[want[0]].idx, doc[want[-1]].idx + len(doc[want[-1]].text))


def test_issue15_a_forgotten_doc_is_freed_without_the_collector(nlp):
    import gc
    import weakref

    from whimbrel.spacy_doc import doc_ents, doc_sents, forget, memo, token_table

    doc = nlp("Rebels shelled a market in the north on Sunday. Two traders were hurt, a medic said.")
    doc_sents(doc), doc_ents(doc), token_table(doc)  # spans in the memo: the Doc is in a cycle
    gone = weakref.ref(doc)
    was = gc.isenabled()
    gc.disable()
    try:
        forget(doc)
        assert not memo(doc)  # a Doc asked again after forget starts an empty memo
        forget(doc)
        del doc
        assert gone() is None
    finally:
        if was:
            gc.enable()
