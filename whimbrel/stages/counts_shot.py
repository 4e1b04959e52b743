"""The shot who survived: victims told as shot in one place and as dead in another.

GVA counts every victim once, as killed or as injured.  A report often gives the people
*hit* ("four people were shot") in one sentence and the dead in another ("one of them later
died at the hospital").  "Shot" alone says nothing of the outcome, so
:func:`whimbrel.stages.counts.extract_size` turns it into a wounded figure only when the
article reports no death at all.  Where it does report deaths, the survivors are the shot
less the dead:

* :func:`shot_figure` — the largest "hit" figure ("N people were shot", "shot N men") of a
  sentence of the report's lead (:data:`LEAD_SENTENCES`), narrated, not speech, that is
  syntactically linked to a mention's trigger (the same linking as the dead and injured
  figures; running totals are already left out; "shot two times" counts shots);
* :func:`survivors` — of one incident, the injured when the shot outnumber the dead: the
  shot less the dead, unless a figure of wounded already says as much or more.

A hit figure no larger than the dead tells nobody who survived ("a man was shot and
killed"), so it changes nothing.
"""

from __future__ import annotations

from typing import Any, Iterable, Optional, Sequence

from whimbrel.records import Count
from whimbrel.spacy_doc import doc_sents
from whimbrel.stages import counts
from whimbrel.stages.followup_figures import narrated


def _times(cue: Any) -> bool:
    """ "shot two times", "fired three times": the figure counts shots, not people."""
    return any(c.lemma_.lower() == "time" for c in cue.children)


LEAD_SENTENCES = 4
"""How many sentences open a report (headline and lead): the incident's own headcount is told
there; a figure of people shot further down is often another incident or a tally ("the
city's 25th person shot this year")."""


def shot_figure(sentence: Any, trigger: Any, index: int = 0) -> Optional[Count]:
    """The largest figure of people hit by gunfire in ``sentence`` (the ``index``-th of its
    article) linked to ``trigger``, or None.  Only the lead gives one, and speech gives none
    (a witness's "he shot two of us" is no headcount)."""
    if index >= LEAD_SENTENCES:
        return None
    cues, _ = counts._sentence_figures(sentence)
    if not any(cat == "hit" for _, figures in cues for cat, _c in figures) or not narrated(sentence):
        return None
    doc = sentence.doc
    best: Optional[Count] = None
    for i, figures in cues:
        hits = [c for cat, c in figures if cat == "hit" and c.best is not None]
        if hits and not _times(doc[i]) and counts._linked(doc[i], trigger):
            for c in hits:
                best = counts._better(best, c)
    return best


_PARTITIVE_OF = {"them", "those", "these", "the"}


def _of_the_group(subj: Any) -> bool:
    """A subject that picks out some of a group already told: a bare numeral ("one later
    died") or a partitive ("one of them", "two of the men")."""
    if subj.like_num or subj.lower_ == "one":
        for c in subj.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                return obj is not None and (obj.lower_ in _PARTITIVE_OF or any(
                    d.dep_ == "det" and d.lower_ in _PARTITIVE_OF for d in obj.children))
        return subj.pos_ == "NUM" or subj.lower_ == "one" and subj.pos_ in ("NUM", "PRON", "NOUN")
    return False


def deaths_of_the_shot(sentences: Sequence[Any]) -> bool:
    """Whether one of ``sentences`` tells deaths among a group told before: a death cue
    whose subject is a bare numeral or a partitive ("one of them died", "two of the men were
    pronounced dead")."""
    for sent in sentences:
        for tok in sent:
            if counts.cue_category(tok) not in _DEATHS:
                continue
            verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and _of_the_group(subj):
                return True
    return False


_DEATHS = frozenset({"dead", "killings", "fatal"})


def survivors(shot: Iterable[Optional[Count]], dead: Optional[Count], injured: Optional[Count]) -> Optional[Count]:
    """The injured of an incident given the figures of its people shot: the shot less the
    dead when more were shot than died and no wounded figure is as large; else ``injured``."""
    hits = [c for c in shot if c is not None and c.best is not None]
    if not hits or dead is None or dead.best is None or dead.best < 1:
        return injured
    most = max(hits, key=lambda c: c.best or 0)
    left = int(most.best or 0) - int(dead.best)
    if left < 1 or (injured is not None and injured.best is not None and injured.best >= left):
        return injured
    return Count(low=left, best=left, high=left)




FOLLOW_UP = 2
"""How many sentences after an incident's last mention may tell its deaths (as
:mod:`whimbrel.stages.followup_figures` gives their figures to it)."""


def injured_of(members: Sequence[Any], dead: Optional[Count], injured: Optional[Count]) -> Optional[Count]:
    """The injured of the incident that in-article mentions ``members`` tell: :func:`survivors`
    of their shot figures when its sentences (up to :data:`FOLLOW_UP` after the last) tell
    deaths among the shot; else ``injured``."""
    shot = [m.shot for m in members if getattr(m, "shot", None) is not None]
    if not shot or dead is None or not dead.best:
        return injured
    sents = doc_sents(members[0].trigger.doc)
    told = sorted({m.sentence for m in members})
    if not deaths_of_the_shot(sents[told[0]: told[-1] + 1 + FOLLOW_UP]):
        return injured
    return survivors(shot, dead, injured)




# --------------------------------------------------------------------------- wounded, then dead

_HARMS = ("dead", "injured")
_DISTINCT = {"another", "other", "second", "third", "fourth", "fifth"}
_SINGULAR_PRON = {"he", "she", "him", "her"}


def victims_of(sentence: Any, triggers: Optional[Sequence[Any]]) -> tuple:
    """(category, victim head) of the dead and injured figures that verb cues of ``sentence``
    linked to one of ``triggers`` (None: any) give ("the boy was wounded": ("injured", boy))."""
    cues, _ = counts._sentence_figures(sentence)
    doc = sentence.doc
    out = []
    for i, figures in cues:
        cats = {cat for cat, c in figures if cat in _HARMS and c.best is not None}
        if not cats:
            continue
        cue = doc[i]
        if not (cue.pos_ in ("VERB", "AUX") or cue.tag_.startswith("VB")) or triggers is not None and not any(
                counts._linked(cue, t) for t in triggers):
            continue
        category = counts._category_of(cue, counts.cue_category(cue) or "")
        if category in cats:
            out.extend((category, h) for h in counts._victim_heads(cue, category))
    return tuple(out)


def _singular(tok: Any) -> bool:
    return tok.tag_ in ("NN", "NNP") or tok.lower_ in _SINGULAR_PRON


def _marked_other(tok: Any) -> bool:
    """A victim told as someone else: "another man", "the other victim", "was also wounded"."""
    if any(c.lower_ in _DISTINCT for c in tok.children) or tok.lower_ in _DISTINCT:
        return True
    verb = tok.head
    return any(c.dep_ == "advmod" and c.lower_ in ("also", "too") for c in verb.children)


def _same_victim(wounded: Any, dead: Any) -> bool:
    """Whether a wounded victim is one told dead: one person each, not marked as someone
    else, and named alike (the same noun or name: "a 16-year-old boy was wounded" / "the boy
    died"), or a singular pronoun ("he was wounded") where the dead is one person."""
    if not (_singular(wounded) and _singular(dead)) or _marked_other(wounded) or _marked_other(dead):
        return False
    if wounded.lower_ in _SINGULAR_PRON:
        return True
    if any(c.dep_ == "poss" for c in wounded.children) != any(c.dep_ == "poss" for c in dead.children):
        return False  # "her husband" is not "a woman"
    return wounded.pos_ in ("NOUN", "PROPN") and wounded.lemma_.lower() == dead.lemma_.lower()


def wounded_then_dead(members: Sequence[Any], dead: Optional[Count], injured: Optional[Count]) -> Optional[Count]:
    """The injured of an incident whose one wounded victim is the one told dead: none.  A
    victim first told wounded ("a boy was critically wounded") and then dead ("the boy died
    on Saturday") is killed, not injured (GVA counts each victim once).  Only when every
    mention that gives the injured names its victims, and each of them is the dead."""
    if injured is None or injured.best != 1 or dead is None or not dead.best or dead.best > 1:
        return injured
    sents = doc_sents(members[0].trigger.doc)
    told = sorted({m.sentence for m in members})
    # the dead told in the incident's sentences or the follow-up ones after them
    dead_heads = [h for sent in sents[told[0]: told[-1] + 1 + FOLLOW_UP]
                  for cat, h in victims_of(sent, None) if cat == "dead"]
    if not dead_heads:
        return injured
    telling = [m for m in members if m.size.injured is not None]
    if not telling:  # the injured are the survivors of the shot (injured_of), no victim named
        return injured
    for m in telling:
        hurt = [h for cat, h in getattr(m, "victims", ()) if cat == "injured"]
        if not hurt or not all(any(_same_victim(h, d) for d in dead_heads) for h in hurt):
            return injured
    return None


__all__ = ["LEAD_SENTENCES", "deaths_of_the_shot", "injured_of", "shot_figure", "survivors", "victims_of",
           "wounded_then_dead"]
