"""Casualty and arrest figures: numbers in words and digits, and who they count.

* :func:`parse_quantity` — ``"at least 12"`` → ``Count(low=12, best=12)``.
* :func:`extract_size` — the dead / injured / arrested figures of a sentence (a spaCy
  ``Span``) from its dependency structure, optionally restricted to one event trigger.
* :func:`victims` — the noun phrases counted as victims.

Number conventions (low / best / high) are those of :mod:`whimbrel.stages.numbers`.

Figures for the dead are never inferred from "casualties" (dead + injured, split
unknown), except "no casualties", which means nobody was killed or injured.
"""

from __future__ import annotations

import re
from typing import Optional

from whimbrel.records import Count, Size
from whimbrel.stages import counts_acled as acled, counts_lexicon as lex, counts_sum as csum
from whimbrel.knowledge.geoparse import MONTH_NAMES, WEEKDAY_NAMES
from whimbrel.spacy_doc import ent_of, memo, token_table
from whimbrel.stages.numbers import is_number_word, parse_quantity

__all__ = ["parse_quantity", "extract_size", "victims", "cue_category", "reports_deaths"]

# --------------------------------------------------------------------------- cues

DEAD_VERBS = {"kill", "murder", "slay", "execute", "massacre", "assassinate", "behead",
              "slaughter", "lynch", "strangle", "decapitate", "gun", "bludgeon", "electrocute"} | acled.NEUTRALISE
DIE_VERBS = {"die", "perish", "succumb", "drown"}
INJURE_VERBS = {"injure", "wound", "hurt", "maim", "hospitalize", "hospitalise"}
# verbs of harm that kill only when told so: "hacked 4 villagers to death", "beat a man to death"
TO_DEATH_VERBS = {"hack", "beat", "stone", "burn", "club", "batter", "hammer", "torture", "trample", "crush",
                  "knife", "slash", "cut", "chop", "whip", "flog", "kick"}
# hit by a weapon: wounded or killed, split unknown unless the sentence says ("one fatally")
HIT_VERBS = {"shoot", "stab"}
ARREST_VERBS = {"arrest", "detain", "apprehend", "jail", "imprison", "nab", "abduct_no"}
DEAD_NOUNS = {"death", "fatality", "body", "corpse", "dead", "toll", "killing", "life"}
INJURE_NOUNS = {"injury", "injured", "wounded", "hurt"}
ARREST_NOUNS = {"arrest", "detention", "detainee", "arrested", "detained"}
CASUALTY_NOUNS = {"casualty"}
_GROUP_NOUNS = {"police", "people", "family", "security", "military", "army", "crowd", "staff",
                "personnel", "group", "force", "team", "government", "public", "population", "unit",
                "gunfire", "fire", "violence", "everyone", "anyone", "someone", "somebody"}
# "a homicide", "double homicide": killings counted by their noun
_KILLING_NOUNS = {"homicide", "murder", "slaying", "killing"}
_MULTIPLE = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
# "fatal shooting": at least one dead
_FATAL_ADJ = {"fatal", "deadly", "lethal"}
_ATTACK_NOUNS = {"shooting", "stabbing", "attack", "assault", "bombing", "blast", "explosion",
                 "strike", "airstrike", "ambush", "raid", "clash", "clashes", "violence", "incident",
                 "fight", "fighting", "gunfight", "shootout", "firefight"}
_FATAL_MODS = {"fatally", "dead", "death", "mortally", "killed", "kill"}
_PERSON_PRON = {"he", "she", "him", "her", "himself", "herself"}
_ZERO_PRON = {"nobody", "noone", "none"}
_SEPARATE_MARKS = {"after", "before", "since", "until", "till", "once"}


# Every lower-cased word and lemma for which :func:`cue_category` can answer other than None
# (its tests and those of the lexicon functions it calls), so that scans over a sentence's
# tokens can pass the others by (:func:`_may_be_cue`).  A word added to a test in
# cue_category must be added here too.
_CUE_LOWERS = frozenset({"dead", "deceased", "arrested", "detained", "killed", "injured", "wounded", "hurt",
                         "condition", "suicide", "suicides", "murder-suicide", "murder/suicide"})
_CUE_LEMMAS = frozenset(
    {"commit", "take", "send", "put", "land"}  # suicide and hospital verbs (counts_lexicon)
    | DEAD_VERBS | DIE_VERBS | INJURE_VERBS | HIT_VERBS | TO_DEATH_VERBS | ARREST_VERBS | DEAD_NOUNS | INJURE_NOUNS | ARREST_NOUNS
    | CASUALTY_NOUNS | _KILLING_NOUNS | _ATTACK_NOUNS | lex.WOUND_NOUNS
)


def _may_be_cue(lower: str, lemma: str) -> bool:
    """False when :func:`cue_category` is None for a token of this lower form and (lower-cased) lemma."""
    return lower in _CUE_LOWERS or lemma in _CUE_LEMMAS


def cue_category(tok) -> Optional[str]:  # type: ignore[no-untyped-def]
    """'dead', 'injured', 'arrested', 'casualties' or None for a cue token."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        if low in ("dead", "deceased"):
            return "dead"
        if lex.is_suicide_verb(tok):
            return "dead"
        if lex.is_hospital_verb(tok):
            return "injured"
        if lemma in DEAD_VERBS or lemma in DIE_VERBS:
            return "dead"
        if lemma in TO_DEATH_VERBS:
            to_death = any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
                           for c in tok.children)
            return "dead" if to_death else None
        if lemma in INJURE_VERBS:
            return "injured"
        if lemma in HIT_VERBS:
            return "hit"
        if lemma in ARREST_VERBS or low in ("arrested", "detained"):
            return "arrested"
        return None
    if lex.murder_suicide(tok) is not None:
        return "murder_suicide"
    if lex.is_condition_cue(tok):
        return "condition"
    if lemma in lex.WOUND_NOUNS and lex.wound_holder(tok) is not None:
        return "wound"
    if low in ("dead", "killed", "deceased") or lemma in DEAD_NOUNS:
        if lemma == "life" and tok.head.lemma_ not in ("claim", "lose", "take", "cost"):
            return None
        if lemma == "killing" and not any(c.dep_ == "nummod" or c.lower_ in _MULTIPLE for c in tok.children) \
                and lex.of_victims(tok) is None:
            return None
        if lemma == "body" and not any(c.dep_ == "nummod" for c in tok.children):
            return None
        return "dead"
    if lemma in _KILLING_NOUNS and tok.pos_ == "NOUN":
        return "killings"
    if lemma in _ATTACK_NOUNS and any(c.lower_ in _FATAL_ADJ for c in tok.children):
        return "fatal"
    if low in ("injured", "wounded", "hurt") or lemma in INJURE_NOUNS:
        return "injured"
    if lemma in ARREST_NOUNS:
        return "arrested"
    if lemma in CASUALTY_NOUNS:
        return "casualties"
    return None


# --------------------------------------------------------------------------- noun phrase counts


_DIGITS = re.compile(r"^\d[\d,]*(?:\.\d+)?$")


_DATE_WORDS = re.compile(
    r"year|month|week|day|hour|minute|ago|old|age|night|morning|evening|am\b|pm\b|[:/]|\b(?:19|20)\d\d\b|"
    r"\b(?:" + "|".join(m[:3] for m in MONTH_NAMES) + r")|\b(?:" + "|".join(d[:3] for d in WEEKDAY_NAMES) + ")"
)


def _not_a_headcount(tok) -> bool:  # type: ignore[no-untyped-def]
    """Years, dates, times, money and ages ("Justin Burns, 14", "17 y.o") are not headcounts."""
    if tok.ent_type_ in ("MONEY", "PERCENT", "ORDINAL", "QUANTITY"):
        return True
    if tok.ent_type_ in ("DATE", "TIME"):
        ent = ent_of(tok)
        if ent is None or _DATE_WORDS.search(ent.text.lower()):
            return True
    if re.fullmatch(r"(?:19|20)\d\d", tok.text):
        return True
    doc = tok.doc
    nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
    if nxt in ("y.o", "y.o.", "yo", "year", "years", "-year", "month", "months") or nxt.startswith("year"):
        return True
    if tok.i >= 2 and doc[tok.i - 1].text == "," and doc[tok.i - 2].pos_ == "PROPN" and tok.dep_ in (
            "appos", "npadvmod", "amod", "nummod", "conj", "nsubj", "dep", "ROOT"):
        return True
    return False


def _is_quantity_word(tok) -> bool:  # type: ignore[no-untyped-def]
    low = tok.lower_
    # the cheap test first: most tokens are no number at all (both tests are pure)
    if not (_DIGITS.match(low) or is_number_word(low)):
        return False
    return not _not_a_headcount(tok)


def _span_tokens(head, skip_deps=("prep", "relcl", "acl", "appos", "punct", "cc", "conj_np")):  # type: ignore[no-untyped-def]
    keep = [head]
    for child in head.children:
        if child.dep_ in skip_deps:
            continue
        if child.dep_ == "conj" and not _is_quantity_word(child):
            continue
        keep.extend(child.subtree)
    keep.sort(key=lambda t: t.i)
    return keep


def _np_count(head, depth: int = 0, people: bool = True) -> Optional[Count]:  # type: ignore[no-untyped-def]
    """The number of people the noun phrase headed by ``head`` denotes, if written.

    With ``people`` False (a noun such as "toll" or "deaths") only written figures count,
    not the singular article of "the death toll".
    """
    if depth > 6 or acled.unknown_number(head):
        return None
    low = head.lower_
    children = list(head.children)
    if low in _ZERO_PRON or any(c.lower_ in ("no",) and c.dep_ in ("det", "neg") for c in children):
        return Count(low=0, best=0, high=0)
    own: Optional[Count] = csum.group_of(head, parse_quantity)  # "a family of five"
    if _is_quantity_word(head):
        own = parse_quantity(_span_tokens(head))
    elif head.pos_ == "PRON" or head.tag_ == "PRP" or (low == "another" and not children):
        own = Count(low=1, best=1, high=1) if low in _PERSON_PRON or low == "another" else None
    else:
        nums = [c for c in children if (c.dep_ in ("nummod", "quantmod") and not _not_a_headcount(c)) or (
            c.dep_ in ("amod", "det") and (_is_quantity_word(c) or c.lower_ in ("several", "few")))]
        if nums:
            toks = sorted({t for c in nums for t in c.subtree}, key=lambda t: t.i)
            own = parse_quantity(toks)
        if own is None and people:
            dets = [c.lower_ for c in children if c.dep_ in ("det", "poss")]
            singular = head.tag_ in ("NN", "NNP")
            if singular and any(d in ("a", "an", "one", "another") for d in dets):
                own = Count(low=1, best=1, high=1)
            elif singular and head.pos_ == "PROPN" and head.ent_type_ == "PERSON":
                own = Count(low=1, best=1, high=1)
            elif singular and dets and head.pos_ == "NOUN" and head.lower_ not in _GROUP_NOUNS:
                own = Count(low=1, best=1, high=1)
            elif singular and not dets and head.lower_ not in _GROUP_NOUNS and head.ent_type_ in (
                "", "PERSON"
            ) and head.dep_ in ("nsubj", "nsubjpass") and not head.is_stop:
                # headline style without articles: "Man shot dead", "Teen dies"
                own = Count(low=1, best=1, high=1)
        if own is None and people:
            own = lex.bare_person_count(head, singular_nouns=False)
    # coordinated victims: "a woman and her two children"
    conjs = [c for c in children if c.dep_ == "conj" and not _is_quantity_word(c)]
    # a list parsed as apposition: "a mother, father, and toddler"
    for a in children:
        if a.dep_ == "appos" and any(g.dep_ == "conj" for g in a.children) and lex.bare_person_count(a):
            conjs.append(a)
            conjs.extend(g for g in a.children if g.dep_ == "conj" and not _is_quantity_word(g))
        elif a.dep_ in ("nmod", "compound") and a.i < head.i and a.nbor(1).text == "," and conjs \
                and lex.bare_person_count(a):
            conjs.append(a)  # a list whose first member was parsed as a modifier: "a nurse, uncle, and baby"
    if conjs and own is not None:
        total = own
        for c in conjs:
            if cue_category(c) is not None:
                continue
            part = _np_count(c, depth + 1)
            if part is None:
                part = lex.bare_person_count(c)
            if part is None:
                return own
            total = csum.add_counts(total, part)
        return total
    return own


def _subject(verb, deps=("nsubj", "nsubjpass")):  # type: ignore[no-untyped-def]
    return csum.subject_of(verb, deps)  # of two (a dateline parsed as one), the nearest before


def _gapped_passive(verb) -> bool:  # type: ignore[no-untyped-def]
    """ "three were killed and another (was) wounded", "left one dead and another wounded":
    a harm participle conjoined without its auxiliary, whose subject is the victim."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VBN", "VBD"):
        return False
    if verb.lemma_.lower() not in DEAD_VERBS | INJURE_VERBS | HIT_VERBS:
        return False
    kids = {c.dep_ for c in verb.children}
    if kids & {"dobj", "obj", "aux", "auxpass", "nsubjpass", "ccomp", "xcomp"} or _gapped_subject(verb) is None:
        return False
    head = verb.head
    return _is_passive(head) or head.lemma_.lower() == "leave"


def _gapped_subject(verb):  # type: ignore[no-untyped-def]
    """The subject of a conjoined participle: its nsubj, or a quantity word the parser hung on
    it as a determiner ("... and another badly injured": ``another`` as det of ``injured``)."""
    subj = _subject(verb, ("nsubj",))
    if subj is not None:
        return subj
    for c in verb.children:
        if c.dep_ in ("det", "nummod") and c.i < verb.i and (c.lower_ == "another" or _is_quantity_word(c)):
            return c
    return None


def _is_passive(verb) -> bool:  # type: ignore[no-untyped-def]
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if _gapped_passive(verb):
        return True
    if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN":
        return True
    # "were shot and wounded": a bare participle conjoined to a passive verb
    return (verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.i != verb.i
            and not any(c.dep_ in ("dobj", "nsubj") for c in verb.children)
            and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.head.children))


def _victim_heads(cue, category: str) -> list:  # type: ignore[no-untyped-def]
    """The noun heads counted by a verb cue."""
    lemma = cue.lemma_.lower()
    if lemma in DIE_VERBS or lex.is_suicide_verb(cue):
        subj = _subject(cue)
        if subj is None and cue.dep_ in ("conj", "xcomp"):
            subj = _subject(cue.head)
        return [subj] if subj is not None else []
    if _is_passive(cue):
        subj = _subject(cue, ("nsubjpass", "nsubj"))
        if subj is None and _gapped_passive(cue):
            subj = _gapped_subject(cue)
        if subj is None and cue.dep_ == "conj":
            subj = _subject(cue.head, ("nsubjpass", "nsubj"))
        if subj is None and cue.dep_ in ("acl", "amod") and cue.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            subj = cue.head
        return [subj] if subj is not None else []
    objs = [c for c in cue.children if c.dep_ in ("dobj", "obj")]
    if objs:
        return objs[:1]
    # "were found shot to death" / "four women found dead": the governing verb's subject
    if cue.tag_ == "VBN" and (cue.dep_ in ("xcomp", "oprd") or cue.dep_ == "ccomp" and _subject(cue) is None):
        return _predicate_subject(cue)
    return []


def _predicate_subject(cue) -> list:  # type: ignore[no-untyped-def]
    """Who a predicative cue is said of: 'three are dead', 'were found shot to death'."""
    verb = cue.head
    if verb.lemma_.lower() in ("leave", "find", "discover") and verb.dep_ != "acl":
        objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        if objs:
            return objs[:1]  # "left 5 dead", "found two men dead"
    subj = _subject(verb, ("nsubjpass", "nsubj"))
    if subj is not None and (subj.lemma_.lower() in _ATTACK_NOUNS or subj.lower_ in lex.NOT_PEOPLE
                             and csum.group_of(subj, parse_quantity) is None):
        return []
    if subj is None and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        subj = verb.head
    if subj is None and verb.dep_ == "conj":
        subj = _subject(verb.head, ("nsubjpass", "nsubj"))
    return [subj] if subj is not None else []


def _category_of(cue, category: str) -> str:  # type: ignore[no-untyped-def]
    """Refine 'injured' for "shot": shot dead / shot and killed / fatally shot → dead.

    "fatally wounded", "mortally injured": the wounded died, so they count as dead.
    """
    if cue.lemma_.lower() in INJURE_VERBS and any(c.lower_ in ("fatally", "mortally") for c in cue.children):
        return "dead"
    if cue.lemma_.lower() in ("shoot", "stab", "gun"):
        for c in cue.children:
            if c.lower_ in _FATAL_MODS or (c.dep_ == "prep" and any(g.lower_ == "death" for g in c.children)):
                return "dead"
            if c.dep_ == "conj" and c.lemma_.lower() in DEAD_VERBS:
                return "skip"  # the conjoined "killed" carries the count
        if cue.dep_ == "conj" and cue.head.lemma_.lower() in DEAD_VERBS:
            return "skip"
    return category


def _figures(cue, category: str) -> list[tuple[str, Count]]:  # type: ignore[no-untyped-def]
    """(category, count) pairs that a cue token reports: a verb ("killed five") by its
    victims, a noun or adjective by the reader of its category (a table of cases)."""
    negated = any(c.dep_ == "neg" for c in cue.children)
    if cue.pos_ in ("VERB", "AUX") or cue.tag_.startswith("VB") and cue.dep_ not in ("amod",):
        return _verb_figures(cue, category, negated)
    reader = _NOUN_READERS.get(category)
    if reader is not None:
        return reader(cue)
    return _noun_figures(cue, category, negated)


def _verb_figures(cue, category: str, negated: bool) -> list[tuple[str, Count]]:  # type: ignore[no-untyped-def]
    """Figures of a verb cue: its victims ("killed five people"), "one fatally", and the
    predicative complements of "left 5 dead and 20 wounded"."""
    out: list[tuple[str, Count]] = []
    cat = _category_of(cue, category)
    if cat == "skip" or cat in ("injured", "hit") and _later_died(cue):
        return out
    extra = lex.self_harm_extra(cue) if cat in ("dead", "hit") and not negated else 0
    if extra and cat == "hit":
        cat = "dead"  # murder-suicide: the shot victims were killed
    for head in _victim_heads(cue, cat):
        if not acled.neutralised_people(cue, head):
            continue
        count = csum.plus_companions(cue, head, acled.vague_dead(head, _np_count(head)) if cat == "dead" else _np_count(head), _np_count)
        if count is not None and extra:
            count = csum.add_counts(count, Count(low=1, best=1, high=1))
        if count is None and negated and head.lower_ in ("anyone", "anybody"):
            count = Count(low=0, best=0, high=0)
        if negated and count is not None and count.best not in (0, None):
            count = Count(low=0, best=0, high=0)
        if count is not None:
            out.append((cat, count))
    if cat == "hit":  # "5 people were shot, one fatally"
        for c in cue.children:
            if c.dep_ in ("npadvmod", "appos", "conj", "nsubj") and _is_quantity_word(c) and any(
                    g.lower_ in ("fatally", "mortally") for g in c.children):
                dead = parse_quantity([c])
                if dead is not None:
                    out.append(("dead", dead))
                    out = [_minus_fatal(cat_, cnt, dead) for cat_, cnt in out]
    if cue.lemma_.lower() in ("leave",):  # "left 5 dead and 20 wounded": predicative complements
        for c in cue.children:
            cat2 = cue_category(c)
            if c.dep_ in ("oprd", "dobj", "ccomp", "xcomp", "conj") and cat2 in ("dead", "injured"):
                cnt = acled.vague_dead(c, _np_count(c)) if cat2 == "dead" else _np_count(c)
                if cnt is not None:
                    out.append((cat2, cnt))
    return out


def _killings_figures(cue) -> list[tuple[str, Count]]:  # type: ignore[no-untyped-def]
    """"a double homicide", "three killings", "the killing of two men", "a murder"."""
    mult = [c for c in cue.children if c.lower_ in _MULTIPLE]
    if mult:
        n = _MULTIPLE[mult[0].lower_]
        return [("dead", Count(low=n, best=n, high=n))]
    count = _np_count(cue, people=False)
    if count is not None and not _is_quantity_word(cue):
        return [("dead", count)]
    victim = lex.of_victims(cue)
    count = _np_count(victim) if victim is not None else None
    if count is not None:
        return [("dead", count)]
    dets = {c.lower_ for c in cue.children if c.dep_ == "det"}
    if dets & {"a", "an"} and cue.tag_ == "NN":
        return [("dead", Count(low=1, best=1, high=1))]
    return []


def _fatal_figures(cue) -> list[tuple[str, Count]]:  # type: ignore[no-untyped-def]
    """"a fatal shooting": at least one dead."""
    return [("dead", Count(low=1))]


def _murder_suicide_figures(cue) -> list[tuple[str, Count]]:  # type: ignore[no-untyped-def]
    ms = lex.murder_suicide(cue)
    return [("dead", ms)] if ms is not None else []


def _wound_figures(cue) -> list[tuple[str, Count]]:  # type: ignore[no-untyped-def]
    """"two men with gunshot wounds": hit, injured or (a fatal wound) dead."""
    if any(t.lemma_.lower() in DIE_VERBS and t.pos_ == "VERB" for t in cue.sent):
        return []  # "taken to hospital with gunshot wounds, where he died"
    holder = lex.wound_holder(cue)
    count = _np_count(holder) if holder is not None else None
    if count is None and holder is not None:
        count = lex.bare_person_count(holder)
    if count is None:
        return []
    if lex.is_fatal_wound(cue):
        return [("dead", count)]
    return [("injured" if lex.is_survived_wound(cue) else "hit", count)]


def _condition_figures(cue) -> list[tuple[str, Count]]:  # type: ignore[no-untyped-def]
    """"three in critical condition": injured, unless the sentence says they died."""
    if any(cue_category(t) == "dead" for t in cue.sent if t.pos_ in ("VERB", "ADJ")):
        return []  # "taken in critical condition to the hospital, where he died"
    holder = lex.condition_holder(cue)
    count = _np_count(holder) if holder is not None else None
    return [("injured", count)] if count is not None else []


_NOUN_READERS = {
    "killings": _killings_figures,
    "fatal": _fatal_figures,
    "murder_suicide": _murder_suicide_figures,
    "wound": _wound_figures,
    "condition": _condition_figures,
}
"""Noun and adjective cue categories with a reader of their own; the rest use
:func:`_noun_figures`."""


def _noun_figures(cue, category: str, negated: bool) -> list[tuple[str, Count]]:  # type: ignore[no-untyped-def]
    """"five dead", "the death toll rose to 12", "20 injured people", "no casualties"."""
    if category == "dead" and cue.lower_ in ("dead", "deceased") and cue.dep_ in ("acomp", "oprd", "xcomp"):
        for head in _predicate_subject(cue):
            count = csum.plus_companions(cue, head, acled.vague_dead(head, _np_count(head)), _np_count)  # ACLED's 10
            if count is not None:
                return [("dead", count)]
    count = _toll_value(cue) if cue.lemma_.lower() == "toll" else None
    if count is None:
        count = _np_count(cue, people=False)
    if count is None and category == "dead" and cue.lemma_.lower() in ("death", "killing"):
        victim = lex.of_victims(cue)
        count = _np_count(victim) if victim is not None else None
    if count is None and cue.dep_ in ("amod", "oprd", "acomp") and _is_quantity_word(cue.head):
        count = _np_count(cue.head)
    if count is None and cue.dep_ == "amod" and cue.head.pos_ in ("NOUN", "PROPN"):
        target = cue.head
        while cue.i > cue.head.i and target.dep_ == "conj" and target.head.pos_ in ("NOUN", "PROPN"):
            target = target.head  # "one woman and three teenagers dead": "dead" says it of all of them
        count = _np_count(target) if any(c.dep_ in ("nummod", "det") and c.lower_ != "the" for c in target.children) else None
    if count is None:
        return []
    if negated and count.best not in (0, None):
        count = Count(low=0, best=0, high=0)
    if category == "casualties":  # never a death toll, except "no casualties"
        return [("dead", count), ("injured", count)] if count.best == 0 and count.high == 0 else []
    return [(category, count)]


def _later_died(cue) -> bool:  # type: ignore[no-untyped-def]
    """ "a woman wounded in Tuesday's attack died": the wounded are counted as dead."""
    if cue.dep_ not in ("acl", "relcl", "amod"):
        return False
    noun = cue.head
    verb = noun.head
    return noun.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in DIE_VERBS and verb.i != noun.i


def _minus_fatal(cat: str, count: Count, dead: Count) -> tuple[str, Count]:
    """'5 people were shot, one fatally': the wounded are the shot minus the dead."""
    if cat != "hit" or count.best is None or dead.best is None or dead.best > count.best:
        return cat, count
    def sub(x: Optional[int]) -> Optional[int]:
        return None if x is None else max(0, x - (dead.best or 0))
    return "injured", Count(low=sub(count.low), best=sub(count.best), high=sub(count.high))


def _toll_value(toll) -> Optional[Count]:  # type: ignore[no-untyped-def]
    """The figure a death toll is given (:func:`.counts_acled.toll_value`)."""
    return acled.toll_value(toll, _is_quantity_word, _np_count)


# --------------------------------------------------------------------------- adjacency fallback

_ADJ_CUES = {"dead": "dead", "killed": "dead", "injured": "injured", "wounded": "injured",
             "hurt": "injured", "arrested": "arrested", "detained": "arrested"}
_FILLERS = {"people", "persons", "others", "more", "civilians", "person", "soldiers", "police",
            "officers", "policemen", "troops", "militants", "fighters", "children", "protesters",
            "men", "women", "students", "were", "are", "was", "is", "reported", "confirmed", "found",
            "shot", "stabbed", "all", "now", "later", "been", "have", "had", "being", "left", "others",
            "victims", "adults", "teens", "teenagers", "kids", "boys", "girls", "family", "members"}


def _adjacent(sent) -> list[tuple[str, Count, int]]:  # type: ignore[no-untyped-def]
    """'5 dead and 20 wounded': a quantity followed closely by a casualty word.

    Reads the span's words off the Doc's token table; only a token that passes the cheap
    number test of :func:`_is_quantity_word` becomes a Token."""
    out = []
    doc = sent.doc
    table = token_table(doc)
    base, stop = sent.start, sent.end
    n = stop - base
    low, dep, ent, text = table.lower[base:stop], table.dep[base:stop], table.ent_type[base:stop], table.text[base:stop]
    for k in range(n):
        w = low[k]
        if not (_DIGITS.match(w) or is_number_word(w)):
            continue  # no number word: _is_quantity_word says no
        if not _is_quantity_word(doc[base + k]) or ent[k] in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"):
            continue
        for j in range(k + 1, min(k + 6, n)):
            word = low[j]
            if word in _ADJ_CUES and dep[j] != "ROOT" or (word in _ADJ_CUES and j == k + 1):
                if j + 1 < n and low[j + 1] == "by":
                    break
                start = k
                while start > 0 and dep[start - 1] in ("advmod", "quantmod", "prep", "amod", "det") \
                        and low[start - 1] in ("at", "least", "more", "than", "about", "around",
                                               "nearly", "almost", "some", "over", "up", "to", "an",
                                               "estimated", "between"):
                    start -= 1
                cnt = parse_quantity(text[start:k + 1])  # the same words as the tokens' texts
                if cnt is not None:
                    out.append((_ADJ_CUES[word], cnt, base + j))
                break
            if word not in _FILLERS:
                break
    return out


# --------------------------------------------------------------------------- linking to a trigger


def _clause_boundary(child) -> bool:  # type: ignore[no-untyped-def]
    """Whether the edge child→head separates two events."""
    dep = child.dep_
    if dep == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in _SEPARATE_MARKS for c in child.children)
    if dep == "conj" and child.pos_ == "VERB" and child.head.pos_ == "VERB" and (
        (cue_category(child) == "arrested") != (cue_category(child.head) == "arrested")
    ):
        return True  # "killed 3 and (police) arrested 40": an arrest is its own event
    if dep == "conj" and _gapped_passive(child):
        return False
    if dep in ("conj", "ccomp", "parataxis"):
        if child.pos_ in ("VERB", "AUX") and _subject(child, ("nsubj", "nsubjpass")) is not None \
                and child.head.pos_ in ("VERB", "AUX"):
            return True
    return False


def _path_up(tok, stop) -> Optional[list]:  # type: ignore[no-untyped-def]
    path = []
    cur = tok
    for _ in range(80):
        if cur.i == stop.i:
            return path
        if cur.head.i == cur.i:
            return None
        path.append(cur)
        cur = cur.head
    return None


def _linked(cue, trigger) -> bool:  # type: ignore[no-untyped-def]
    if cue.i == trigger.i:
        return True
    ancestors_t = [trigger] + list(trigger.ancestors)
    ids = {t.i for t in ancestors_t}
    lca = cue
    while lca.i not in ids:
        if lca.head.i == lca.i:
            return False
        lca = lca.head
    up_cue, up_trigger = _path_up(cue, lca), _path_up(trigger, lca)
    if up_cue is None or up_trigger is None:
        return False
    outcome = _is_outcome(cue)
    # "a woman died and two men were injured in the shooting": joined outcomes of one act
    if any(_clause_boundary(t) and not (outcome and _outcome_conj(t)) for t in up_cue):
        return False
    for t in up_trigger:
        if _clause_boundary(t) and not (outcome and (_cause_clause(t) or _outcome_conj(t))):
            return False
    return True


def _outcome_conj(clause) -> bool:  # type: ignore[no-untyped-def]
    return clause.dep_ == "conj" and _is_outcome(clause) and _is_outcome(clause.head)


def _is_outcome(cue) -> bool:  # type: ignore[no-untyped-def]
    """A cue that states how people ended up: wounded, in critical condition, dead, hospitalized."""
    cat = cue_category(cue)
    if cat in ("injured", "condition", "wound"):
        return True
    return cat == "dead" and (cue.lemma_.lower() in DIE_VERBS or cue.lower_ in ("dead", "deceased"))


def _cause_clause(clause) -> bool:  # type: ignore[no-untyped-def]
    """ "(is in critical condition) after being shot": an "after" clause giving the cause."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "after" for c in clause.children)


# --------------------------------------------------------------------------- public


def _better(a: Optional[Count], b: Count) -> Count:
    if a is None:
        return b
    ka = a.best if a.best is not None else (a.low if a.low is not None else -1)
    kb = b.best if b.best is not None else (b.low if b.low is not None else -1)
    return b if kb > ka else a


_AGGREGATE = re.compile(
    r"\bso far\b|\bthis year\b|\bto date\b|\byear-to-date\b|\bper (?:year|month)\b|\bannually\b|"
    r"\b(?:each|every) (?:year|month)\b|\bsince (?:the (?:start|beginning)|"
    + "|".join(MONTH_NAMES) + r"|(?:19|20)\d\d)\b"
)


def _aggregate(cue) -> bool:  # type: ignore[no-untyped-def]
    """Whether the cue's clause reports a running total ("700 homicides so far this year")."""
    verb = cue
    for _ in range(20):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    sent = cue.sent
    toks = [t for t in verb.subtree if sent.start <= t.i < sent.end]
    text = " ".join(t.lower_ for t in toks)
    return bool(_AGGREGATE.search(text))


# Every alternative of _AGGREGATE holds one of these space-free pieces, and _aggregate joins
# tokens with spaces: a sentence none of whose tokens holds one has no running total.
_AGGREGATE_PIECES = ("far", "year", "date", "month", "annually", "since")


def _may_aggregate(lowers: list[str]) -> bool:
    joined = "\0".join(lowers)  # a piece found in the joined words lies in one word (none holds a NUL)
    if joined.count("\0") != max(0, len(lowers) - 1):
        return any(piece in low for low in lowers for piece in _AGGREGATE_PIECES)
    return any(piece in joined for piece in _AGGREGATE_PIECES)


def _sentence_figures(sentence) -> tuple[list, list]:  # type: ignore[no-untyped-def]
    """The trigger-independent part of :func:`extract_size`, computed once per sentence and
    kept in the Doc's memo: (cue token index, figures) pairs and the adjacent
    "5 dead and 20 wounded" figures, running totals already left out."""
    key = ("figures", sentence.start, sentence.end)
    facts = memo(sentence.doc)
    cached = facts.get(key)
    if cached is None:
        cues = []
        doc = sentence.doc
        table = token_table(doc)
        low, lem = table.lower, table.lemma
        # the sentences the span's tokens are in (the span itself, for a sentence)
        lo = table.sent_bounds[table.sent_of[sentence.start]][0]
        hi = table.sent_bounds[table.sent_of[sentence.end - 1]][1]
        totals = _may_aggregate(low[lo:hi])
        for i in range(sentence.start, sentence.end):
            if not _may_be_cue(low[i], lem[i]):
                continue
            tok = doc[i]
            category = cue_category(tok)
            if category is None or totals and _aggregate(tok):
                continue
            cues.append((tok.i, _figures(tok, category)))
        adjacent = [(cat, count, pos) for cat, count, pos in _adjacent(sentence)
                    if not (totals and _aggregate(sentence.doc[pos]))]
        cached = (cues, adjacent)
        facts[key] = cached
    return cached


def extract_size(sentence, trigger=None) -> Size:  # type: ignore[no-untyped-def]
    """Dead / injured / arrested figures reported in ``sentence`` (a spaCy Span).

    With ``trigger`` (a Token of the sentence) only figures whose cue is syntactically
    linked to the trigger's clause count: inside its subtree or clause, or up the tree
    without crossing into another clause with its own subject or an "after/before" clause.
    Several figures for one category: the largest is kept.
    """
    found: dict[str, Optional[Count]] = {"dead": None, "injured": None, "arrested": None, "hit": None}
    cue_positions: set[int] = set()
    cues, adjacent = _sentence_figures(sentence)
    doc = sentence.doc
    linked = {i for i, _ in cues if trigger is None or _linked(doc[i], trigger)}
    for i, figures in cues:
        for cat, count in figures if i in linked else ():
            if cat in found:
                found[cat] = _better(found[cat], count)
                cue_positions.add(i)
    for cat in ("dead", "injured"):  # "the two children died ..., and the father died ...": the sum
        found[cat] = csum.summed(doc, cues, linked, cat, found[cat], _better)
    for cat, count, pos in adjacent:
        if found[cat] is not None or pos in cue_positions:
            continue
        if trigger is not None and not _linked(doc[pos], trigger):
            continue
        found[cat] = count
    if found["injured"] is None and found["hit"] is not None and not reports_deaths(sentence.doc):
        found["injured"] = found["hit"]  # shot, and nobody in the article died: wounded
    return Size(dead=found["dead"], injured=found["injured"], arrested=found["arrested"])


_DEATH_CATEGORIES = ("dead", "killings", "fatal", "murder_suicide")
_DEATHS_KEY = "counts.reports_deaths"


def reports_deaths(doc) -> bool:  # type: ignore[no-untyped-def]
    """Whether anyone in the article (a spaCy Doc) is said to have died or been killed.

    People who were shot ("a 12-year-old girl was shot", "suffered gunshot wounds") in an
    article that reports no death at all survived, so they count as injured.  Any
    unnegated death cue (killed, died, dead, fatal, homicide, a fatal wound) counts.  The
    answer is kept in the Doc's memo.
    """
    known = memo(doc).get(_DEATHS_KEY)
    if known is not None:
        return bool(known)
    found = False
    table = token_table(doc)
    low, lem = table.lower, table.lemma
    for i in range(len(doc)):
        if not _may_be_cue(low[i], lem[i]):
            continue
        tok = doc[i]
        cat = cue_category(tok)
        if cat == "wound":
            found = lex.is_fatal_wound(tok)
        elif cat == "hit":
            found = _category_of(tok, cat) == "dead" or lex.self_harm_extra(tok) > 0
        elif cat in _DEATH_CATEGORIES or cat == "injured" and _category_of(tok, cat) == "dead":
            found = not any(c.dep_ == "neg" for c in tok.children)
        if found:
            break
    memo(doc)[_DEATHS_KEY] = found
    return found


def victims(sentence) -> list[str]:  # type: ignore[no-untyped-def]
    """Text of the noun phrases counted as dead, injured or arrested in ``sentence``."""
    out: list[str] = []
    for tok in sentence:
        category = cue_category(tok)
        if category is None or not (tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")):
            continue
        for head in _victim_heads(tok, category):
            cut = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "appos", "prep")
                   and c.lower_ != "of" for t in c.subtree}
            toks = [t for t in head.subtree if t.i not in cut]
            while toks and toks[-1].dep_ in ("punct", "cc"):
                toks.pop()
            if not toks:
                continue
            text = sentence.doc[toks[0].i: toks[-1].i + 1].text
            if text not in out:
                out.append(text)
    return out
