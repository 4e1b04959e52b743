"""Read the ACLED cues of a sentence from its parse (for the codebook's ACLED layer).

The codebook (:mod:`whimbrel.codebook.acled_rules`) holds the cue phrases and the rules and
knows nothing of spaCy; this helper, called by the merge stage, matches the phrases against
the tokens of an event's own sentence and hands the cue names over.

A phrase is matched on each token's lemma or lower-cased form: ``a b`` needs adjacent
tokens, ``a ... b`` allows up to :data:`GAP` tokens between the parts, ``x|y`` is either
word.  A hyphenated word in a phrase ("sit-in") is matched as the tokens spaCy splits it
into ("sit", "-", "in").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Optional, Sequence

from ..codebook.acled_rules import (COMBAT_WORDS, CROWD_NOUNS, FINDER_VERBS, HARM_WORDS, CUE_IGNORED, CUE_PHRASES, GRIEVANCE_WORDS, PEOPLE_NOUNS,
                                    PROPERTY_NOUNS)
from ..codebook._tables import ARMED_SECTORS
from ..codebook.acled_rules2 import CUE_MASKS, EXTRA_CUE_PHRASES, SIZE_TAG
from ..knowledge.vocabulary import REPORTING_VERBS
from ..spacy_doc import PLACE_ENTS as _PLACE_ENTS, remembered, sent_of, token_table
from .acled_cues2 import pressing_demand as _pressing_demand, subject_cues as _subject_cues
from .clean import is_headline
from .senses import arguments, role_sector, semantic_classes

GAP = 4


@dataclass(frozen=True)
class _Part:
    words: tuple[frozenset[str], ...]  # consecutive token alternatives


@dataclass(frozen=True)
class _Phrase:
    parts: tuple[_Part, ...]


def _compile(phrase: str) -> _Phrase:
    parts = []
    for chunk in phrase.split(" ... "):
        words = tuple(frozenset(w.split("|")) for w in chunk.replace("-", " - ").split())
        parts.append(_Part(words))
    return _Phrase(tuple(parts))


def _compiled() -> dict[str, tuple[_Phrase, ...]]:
    names = dict.fromkeys([*CUE_PHRASES, *EXTRA_CUE_PHRASES])
    return {name: tuple(_compile(p) for p in (*CUE_PHRASES.get(name, ()), *EXTRA_CUE_PHRASES.get(name, ())))
            for name in names}


def _first_word_index(phrases: Iterable[tuple[Any, _Phrase]]) -> dict[str, tuple[tuple[Any, _Phrase], ...]]:
    """Phrases by each word that can start them: a sentence is only tried where one of its
    tokens can begin a phrase (same matches as trying every phrase at every token)."""
    index: dict[str, list[tuple[Any, _Phrase]]] = {}
    for name, phrase in phrases:
        for word in phrase.parts[0].words[0]:
            index.setdefault(word, []).append((name, phrase))
    return {w: tuple(v) for w, v in index.items()}


_PHRASES = _compiled()  # built once from the codebook's frozen table, never changed
_IGNORED = tuple(_compile(p) for p in CUE_IGNORED)
# read-only lookups derived from the frozen tables at import (no state changes after)
_BY_FIRST = _first_word_index((name, p) for name, phrases in _PHRASES.items() for p in phrases)
_IGNORED_BY_FIRST = _first_word_index((k, p) for k, p in enumerate(_IGNORED))  # keyed by order
# every form any word of a cue or ignored phrase can take: a token with none of them matches no
# word (a gap may skip it, blank or not), so blanking it changes no phrase's match
_PHRASE_WORDS = frozenset(w for phrase in (*(p for ps in _PHRASES.values() for p in ps), *_IGNORED)
                          for part in phrase.parts for alts in part.words for w in alts)


def _forms(tokens: Iterable[Any]) -> list[frozenset[str]]:
    """Per token, the forms a phrase word may match: its lemma and its lower-cased text."""
    out = []
    for t in tokens:
        lemma = (getattr(t, "lemma_", "") or "").lower()
        lower = (getattr(t, "lower_", None) or str(t)).lower()
        out.append(frozenset(f for f in (lemma, lower) if f))
    return out


def _part_at(forms: Sequence[frozenset[str]], i: int, part: _Part) -> bool:
    words = part.words
    if i + len(words) > len(forms):
        return False
    for alts in words:  # every word shares a form with its alternatives (no intersection sets built)
        if forms[i].isdisjoint(alts):
            return False
        i += 1
    return True


def _matches_at(forms: Sequence[frozenset[str]], i: int, phrase: _Phrase) -> bool:
    """Whether ``phrase`` matches with its first part at token ``i``."""
    first = phrase.parts[0]
    if not _part_at(forms, i, first):
        return False
    pos = i + len(first.words)
    for part in phrase.parts[1:]:
        hit = next((j for j in range(pos, min(len(forms), pos + GAP + 1)) if _part_at(forms, j, part)), None)
        if hit is None:
            return False
        pos = hit + len(part.words)
    return True


def _matches(forms: Sequence[frozenset[str]], phrase: _Phrase) -> bool:
    return any(_matches_at(forms, i, phrase) for i in range(len(forms)))


def _blank_ignored(forms: list[frozenset[str]]) -> list[frozenset[str]]:
    """Blank the tokens of phrases that are no cue ("riot police") so no cue phrase matches them."""
    out = list(forms)
    # ignored phrases are applied one after another, each over the text blanked so far
    hits: dict[int, list[int]] = {}
    get = _IGNORED_BY_FIRST.get
    for i, fs in enumerate(forms):
        for f in fs:
            found = get(f)
            if found:
                for k_phrase, _ in found:
                    hits.setdefault(k_phrase, []).append(i)
    if not hits:
        return out
    for k_phrase in sorted(hits):
        words = [w for part in _IGNORED[k_phrase].parts for w in part.words]
        for i in sorted(set(hits[k_phrase])):
            if i + len(words) <= len(out) and all(out[i + k] & alts for k, alts in enumerate(words)):
                for k in range(len(words)):
                    out[i + k] = frozenset()
    return out


_TIME_ENTS = frozenset({"DATE", "TIME"})
_NO_FORMS: frozenset[str] = frozenset()


def _table_forms(doc: Any, start: int, end: int) -> list[frozenset[str]]:
    """:func:`_forms` of the tokens ``start``..``end`` of a Doc, read off its TokenTable (one
    frozen set per distinct lemma and form of the Doc, kept in its memo)."""
    table = token_table(doc)
    lemmas, lowers, ents, pos = table.lemma, table.lower, table.ent_type, table.pos
    made: dict[tuple[str, str, bool], frozenset[str]] = remembered(doc, "acled_cues.forms", dict)
    out = []
    for i in range(start, end):
        if ents[i] in _TIME_ENTS:
            out.append(frozenset())  # "on 17 March": a month's name is no march, a date no cue
            continue
        lemma, lower = lemmas[i], lowers[i]
        if not lower:  # no form in the table: the token's own text (not kept)
            lower = str(doc[i]).lower()
            out.append(frozenset(f for f in (lemma, lower) if f))
            continue
        fs = made.get((lemma, lower, pos[i] == "PROPN"))
        if fs is None:
            forms = [lemma, lower.lower()]
            if pos[i] == "PROPN" and lemma == lower and len(lower) > 3 and lower.endswith("s") \
                    and not lower.endswith("ss"):
                # a title-case word the tagger took for a name keeps its plural as lemma ("Rockets Hit ...",
                # "Rioters Torch ..."): its singular is a form too
                forms.append(lower[:-3] + "y" if lower.endswith("ies") else lower[:-1])
            fs = made[(lemma, lower, pos[i] == "PROPN")] = frozenset(f for f in forms if f)
        out.append(fs)
    return out


def _sentence_forms(doc: Any, start: int, end: int) -> list[frozenset[str]]:
    """:func:`_table_forms` of a sentence, once per Doc and sentence (callers copy, never change it)."""
    return remembered(doc, ("acled_cues.sentence_forms", start, end), lambda: _table_forms(doc, start, end))


def _sentence_form_cues(doc: Any, start: int, end: int) -> frozenset[str]:
    """:func:`_cues_in_forms` of a whole sentence, once per Doc and sentence."""
    return remembered(doc, ("acled_cues.sentence_form_cues", start, end),
                      lambda: _cues_in_forms(_sentence_forms(doc, start, end)))


def cues_in_tokens(tokens: Iterable[Any]) -> frozenset[str]:
    """The cue names whose phrases occur in these tokens (spaCy tokens or anything with ``lemma_``/``lower_``)."""
    return _cues_in_forms(_forms(tokens))


_MASKS = {name: tuple(_compile(p) for p in phrases) for name, phrases in CUE_MASKS.items()}


def _masked_for(forms: list[frozenset[str]], masks: tuple[_Phrase, ...]) -> list[frozenset[str]]:
    """``forms`` with the tokens of every adjacent-word mask phrase blanked."""
    out = list(forms)
    for phrase in masks:
        words = [w for part in phrase.parts for w in part.words]
        for i in range(len(forms) - len(words) + 1):
            if all(forms[i + k] & alts for k, alts in enumerate(words)):
                for k in range(len(words)):
                    out[i + k] = frozenset()
    return out


def _cues_in_forms(forms: list[frozenset[str]]) -> frozenset[str]:
    forms = _blank_ignored(forms)
    found = _phrase_cues(forms)
    for name in found & _MASKS.keys():  # a cue that must not read some words (CUE_MASKS): read it again
        if name not in _phrase_cues(_masked_for(forms, _MASKS[name]), only=name):
            found = found - {name}
    return found


def _phrase_cues(forms: list[frozenset[str]], only: Optional[str] = None) -> frozenset[str]:
    found: set[str] = set()
    get = _BY_FIRST.get  # _starts inlined: the same (position, phrase) order, no generator
    for i, fs in enumerate(forms):
        for f in fs:
            hits = get(f)
            if hits:
                for name, phrase in hits:
                    if name not in found and (only is None or name == only) and _matches_at(forms, i, phrase):
                        found.add(name)
    return frozenset(found)


# Relative adverbs that open a clause about a place's or a time's own past ("in Serbia,
# where 24 people were killed in riots last March"): that clause is another event.
_SCENE_RELATIVES = frozenset({"where", "when"})


def _scene_clauses(sent: Any, token: Any) -> tuple[tuple[int, int], ...]:
    """Token ranges of the sentence's where/when relative clauses that do not hold ``token``."""
    return tuple((lo, hi) for lo, hi in _scene_ranges(sent) if not (lo <= token.i < hi))


def _scene_ranges(sent: Any) -> list[tuple[int, int]]:
    """Token ranges of all where/when relative clauses of a sentence (found once per sentence)."""
    doc = sent.doc

    def compute() -> list[tuple[int, int]]:
        table = token_table(doc)
        dep, lower = table.dep, table.lower
        out = []
        for i in range(sent.start, sent.end):
            if dep[i] == "relcl" and any(dep[c] == "advmod" and lower[c] in _SCENE_RELATIVES
                                         for c in table.children[i]):
                t = doc[i]
                out.append((t.left_edge.i, t.right_edge.i + 1))
        return out

    return remembered(doc, ("acled_cues.scenes", sent.start, sent.end), compute)


def sentence_cues(token: Any) -> frozenset[str]:
    """The cues of the sentence a spaCy token is in (the whole doc when sentences are not set),
    leaving out a where/when relative clause that tells another event of the place or time
    (:func:`_scene_clauses`); read once per sentence (and left-out clauses) of a Doc."""
    try:
        sent = sent_of(token)  # = token.sent, from the remembered sentences
    except (AttributeError, ValueError):
        return cues_in_tokens(getattr(token, "doc", ()))
    skip = _scene_clauses(sent, token)

    def kept_cues() -> frozenset[str]:
        forms = _sentence_forms(sent.doc, sent.start, sent.end)
        return (_background_dropped(sent, forms, skip, _with_grievances(sent, forms, skip))
                | _place_taken(sent, skip) | _takers(sent, skip) | _protester_violence(sent, skip)
                | _pressing_demand(sent, skip))

    found = remembered(token.doc, ("acled_cues", sent.start, skip), kept_cues)
    return found | _SIZE_TAGGED if _size_tagged(token.doc) else found


_SIZE_TAGGED = frozenset({SIZE_TAG})


def _size_tagged(doc: Any) -> bool:
    """Whether the report carries ACLED's crowd-size tag ("[size=no report]"), in any sentence."""
    return remembered(doc, "acled_cues.size_tag", lambda: "[size=" in doc.text.lower())


# cues that tell who an actor is when said in a relative clause on it ("the military rulers, who took
# power in a coup last year, ..."): the actor's past, not this report's event
_BACKGROUND_CUES = frozenset({"coup"})


def _masked(forms: list[frozenset[str]], start: int, spans: Sequence[tuple[int, int]]) -> list[frozenset[str]]:
    """A sentence's word forms (``forms``, the first at token ``start``) with the token ranges ``spans`` blanked."""
    kept = list(forms)
    end = start + len(kept)
    for lo, hi in spans:
        for i in range(max(lo, start), min(hi, end)):
            kept[i - start] = _NO_FORMS
    return kept


def _cues_outside(forms: list[frozenset[str]], start: int, spans: Sequence[tuple[int, int]]) -> frozenset[str]:
    """The cues of a sentence's word forms (``forms``, the first at token ``start``) outside the token ranges ``spans``."""
    return _cues_in_forms(_masked(forms, start, spans))


def _sentence_cues_outside(sent: Any, spans: Sequence[tuple[int, int]]) -> frozenset[str]:
    """:func:`_cues_outside` of a whole sentence, once per Doc, sentence and ranges left out."""
    doc, start, end = sent.doc, sent.start, sent.end
    forms = _sentence_forms(doc, start, end)
    if all(forms[i - start].isdisjoint(_PHRASE_WORDS) for lo, hi in spans for i in range(max(lo, start), min(hi, end))):
        return _sentence_form_cues(doc, start, end)  # no phrase word left out: the whole sentence's cues
    return remembered(doc, ("acled_cues.outside", start, end, tuple(spans)),
                      lambda: _cues_outside(_sentence_forms(doc, start, end), start, spans))


def _relative_ranges(sent: Any) -> list[tuple[int, int]]:
    return [(t.left_edge.i, t.right_edge.i + 1) for t in sent if t.dep_ == "relcl"]


def _background_dropped(sent: Any, forms: list[frozenset[str]], skip: Sequence[tuple[int, int]],
                        found: frozenset[str]) -> frozenset[str]:
    """``found`` less the :data:`_BACKGROUND_CUES` that occur only inside relative clauses of the sentence."""
    if not found & _BACKGROUND_CUES:
        return found
    outside = _cues_outside(forms, sent.start, list(skip) + _relative_ranges(sent))
    return frozenset(c for c in found if c not in _BACKGROUND_CUES or c in outside)


_GRIEVANCE_HEADS = frozenset("protest demonstrate demonstration rally march sit-in strike demand denounce condemn "
                             "oppose decry".split())
_GRIEVANCE_OF = {"intervention": "intervention_in_grievance", "lethal": "lethal_in_grievance"}


def _grievance_spans(sent: Any) -> list[tuple[int, int]]:
    """Token ranges of what a protest or demand is about: the "against"/"over" phrase of a protest word,
    the object of a demand ("protested against the arrest of ...", "demanding the release of ...")."""
    out = []
    for t in sent:
        if t.lemma_.lower() not in _GRIEVANCE_HEADS:
            continue
        # the phrase may hang off a noun of the protest's own clause ("protested outside the courthouse
        # against the arrest"), so every "against"/"over" of its subtree that is in no clause of its own
        for c in t.subtree:
            if c.dep_ == "prep" and c.lower_ in ("against", "over") and _same_clause(c, t):
                out.append((c.left_edge.i, c.right_edge.i + 1))
        out.extend((c.left_edge.i, c.right_edge.i + 1) for c in t.children if c.dep_ == "dobj")
    return out


_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis", "acl"})


def _same_clause(tok: Any, top: Any) -> bool:
    """Whether no clause boundary lies between ``tok`` and its ancestor ``top``."""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ in _CLAUSE_DEPS:
            return False
        cur = cur.head
    return cur.i == top.i


def _with_grievances(sent: Any, forms: list[frozenset[str]], skip: Sequence[tuple[int, int]]) -> frozenset[str]:
    """The cues of the sentence's forms (less the ``skip`` ranges), with ``intervention_in_grievance`` /
    ``lethal_in_grievance`` where those cues occur only inside a protest's grievance."""
    if skip:
        kept = _masked(forms, sent.start, skip)
        found = _cues_in_forms(kept)
    else:  # nothing left out: the whole sentence's cues, found once
        kept, found = forms, _sentence_form_cues(sent.doc, sent.start, sent.end)
    if not found & set(_GRIEVANCE_OF):
        return found
    spans = _grievance_spans(sent)
    if not spans:
        return found
    outside = _cues_outside(kept, sent.start, spans)
    return found | {_GRIEVANCE_OF[c] for c in _GRIEVANCE_OF if c in found and c not in outside}


_TAKING_VERBS = {"take": "took", "seize": "took", "capture": "took", "retake": "retook", "recapture": "retook",
                 "regain": "retook", "recover": "retook"}


def _place_taken(sent: Any, skip: Sequence[tuple[int, int]]) -> frozenset[str]:
    """``took``/``retook`` when a taking verb of the sentence has a named place as its object ("took
    Alamata from the army"), the place phrases of :data:`CUE_PHRASES` being too short for a name."""
    found = set()
    doc = sent.doc
    table = token_table(doc)
    pos, lemma = table.pos, table.lemma
    for i in range(sent.start, sent.end):
        cue = _TAKING_VERBS.get(lemma[i]) if pos[i] == "VERB" else None
        if cue is None or any(lo <= i < hi for lo, hi in skip):
            continue
        t = doc[i]
        objects = [c for c in t.children if c.dep_ == "dobj"]
        if any(c.ent_type_ in _PLACE_ENTS for c in objects) or (
                any(c.pos_ == "PROPN" and c.ent_type_ != "PERSON" for c in objects) and _from_armed(t)):
            found.add(cue)  # "took Alamata from ENDF troops": a name taken from an armed side is a place
    return frozenset(found)


_TAKER_VERBS = frozenset(set(_TAKING_VERBS) | {"drive", "push", "force", "expel", "oust", "overrun", "liberate",
                                                "storm"})
_STATE = frozenset({"GOV", "MIL", "COP", "SPY"})
_NONSTATE = frozenset({"REB", "UAF", "PRM", "IMG"})


def _group_name(m: Any) -> bool:
    """A modifier that names a group: a proper name (not a country or people) or an acronym."""
    if m.dep_ not in ("compound", "amod", "nmod") or m.ent_type_ in ("GPE", "NORP"):
        return False
    return m.pos_ == "PROPN" or (m.is_upper and len(m.text) >= 2 and m.is_alpha)


def _takers(sent: Any, skip: Sequence[tuple[int, int]]) -> frozenset[str]:
    """``state_taker`` / ``nonstate_taker`` when a taking verb of the sentence ("drove the rebels out",
    "seized the town") has a subject whose role word is a state force or a non-state armed group (the
    side that took the place, when the event itself names no actor)."""
    found = set()
    doc = sent.doc
    table = token_table(doc)  # the verbs read off the token table: a Token only for a taking verb
    pos, lemma = table.pos, table.lemma
    for i in range(sent.start, sent.end):
        if pos[i] != "VERB" or lemma[i] not in _TAKER_VERBS or any(lo <= i < hi for lo, hi in skip):
            continue
        t = doc[i]
        for c in t.children:
            if c.dep_ != "nsubj" or any(_group_name(m) for m in c.children):
                continue  # "TPLF forces": a named group, whose kind the role word does not tell
            sectors = {role_sector(w) for x in [c] + [m for m in c.children if m.dep_ in ("compound", "amod")]
                       for w in (x.lemma_.lower(), x.lower_)}
            if sectors & _STATE and not sectors & _NONSTATE:
                found.add("state_taker")
            elif sectors & _NONSTATE and not sectors & _STATE:
                found.add("nonstate_taker")
    return frozenset(found | _nominal_takers(sent, skip))


# a taking told as a noun, and the preposition that names its taker ("the capture of X by rebels",
# "the fall of X to rebels", "X fell to rebels")
_TAKING_NOUNS = {"capture": "by", "recapture": "by", "takeover": "by", "seizure": "by", "fall": "to"}


def _nominal_takers(sent: Any, skip: Sequence[tuple[int, int]]) -> set[str]:
    """``state_taker`` / ``nonstate_taker`` from the taker a taking noun (or "fell to") names; a side
    named by its own name is a non-state group (a state's forces are named by their role or country)."""
    found = set()
    for t in sent:
        prep = _TAKING_NOUNS.get(t.lemma_.lower())
        if prep is None or (t.pos_ not in ("NOUN", "PROPN") and t.lemma_.lower() != "fall") \
                or any(lo <= t.i < hi for lo, hi in skip):
            continue
        # the taker's phrase may hang on the place ("the capture of the town by rebels"): the noun's whole phrase
        for p in (p for p in t.subtree if p.dep_ == "pobj" and p.head.lower_ == prep and p.head.i > t.i):
            mods = [m for m in p.children if m.dep_ in ("compound", "amod")]
            sectors = {role_sector(w) for x in [p, *mods] for w in (x.lemma_.lower(), x.lower_)}
            if sectors & _STATE and not sectors & _NONSTATE:
                found.add("state_taker")
            elif (sectors & _NONSTATE or any(_group_name(m) for m in mods)) and not sectors & _STATE:
                found.add("nonstate_taker")
    return found


_PROTESTER_NOUNS = frozenset({"protester", "protestor", "demonstrator", "rioter", "marcher", "crowd", "mob"})
_PROTEST_VERBS = frozenset({"protest", "demonstrate", "march", "rally", "riot"})
_VIOLENT_VERBS = frozenset({"storm", "burn", "torch", "smash", "loot", "throw", "hurl", "pelt", "attack", "set",
                            "vandalise", "vandalize", "ransack", "stone", "break", "clash"})


def _protester_violence(sent: Any, skip: Sequence[tuple[int, int]]) -> frozenset[str]:
    """``protester_violence`` when a violent verb of the sentence is the demonstrators' own: its
    subject is a protester noun, it is a relative clause on one ("protesters who stormed
    parliament"), or it is joined to a protest verb ("demonstrated and attacked the embassy")."""
    doc = sent.doc
    table = token_table(doc)
    pos, lemma = table.pos, table.lemma
    for i in range(sent.start, sent.end):  # the table first: a Token only for a violent verb
        if pos[i] != "VERB" or lemma[i] not in _VIOLENT_VERBS or any(lo <= i < hi for lo, hi in skip):
            continue
        t = doc[i]
        subjects = [c for c in t.children if c.dep_ == "nsubj"]
        if t.dep_ == "relcl":
            subjects.append(t.head)
        if t.dep_ == "conj" and t.head.lemma_.lower() in _PROTEST_VERBS:
            return frozenset({"protester_violence"})
        if any(s.lemma_.lower() in _PROTESTER_NOUNS or s.lower_ in _PROTESTER_NOUNS for s in subjects):
            return frozenset({"protester_violence"})
    return frozenset()


def _from_armed(verb: Any) -> bool:
    return any(role_sector(p.lemma_.lower()) in ARMED_SECTORS or role_sector(p.lower_) in ARMED_SECTORS
               for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
               for p in c.children if p.dep_ == "pobj")


_PROPERTY_CLASSES = frozenset({"facility", "aid_goods", "armed"})


def _object_heads(token: Any) -> list[Any]:
    """The object-like arguments of a trigger (:func:`~whimbrel.stages.senses.arguments`); for a
    multi-word trigger ("took ... hostage") of its verb.  A noun trigger's possessor is no object."""
    heads = arguments(token) if getattr(token, "pos_", "") in ("VERB", "AUX") else []
    return [h for h in heads if h.i != token.i]


def argument_cues(*tokens: Any) -> frozenset[str]:
    """The cues of the triggers' own arguments (:data:`~whimbrel.codebook.acled_rules.ARGUMENT_CUES`):
    ``person_object`` when an object names people, ``property_object`` when one names property,
    ``crowd_actor`` when the subject is a crowd.  Give every trigger word of the mention ("attacked
    ... with machetes": the verb holds the arguments)."""
    found: set[str] = set()
    for token in tokens:
        if hasattr(token, "children"):
            doc = getattr(token, "doc", None)
            found |= (_token_argument_cues(token) if doc is None else
                      remembered(doc, ("acled_cues.arguments", token.i), lambda: _token_argument_cues(token)))
    return frozenset(found)


def _token_argument_cues(token: Any) -> set[str]:
    found: set[str] = set()
    for head in _object_heads(token):
        classes = semantic_classes(head)
        lemma = head.lemma_.lower()
        if ("person" in classes or lemma in PEOPLE_NOUNS or head.lower_ in PEOPLE_NOUNS) and "facility" not in classes:
            found.add("person_object")  # "aid workers" are people, whatever their compound says
        elif classes & _PROPERTY_CLASSES or lemma in PROPERTY_NOUNS:
            found.add("property_object")
    if _crowd_subject(token):
        found.add("crowd_actor")
    if _in_grievance(token):
        found.add("grievance")
    if _ended(token):
        found.add("ended")
    if _armed_subject_only(token):
        found.add("armed_subject_only")
    if _bystander_parties_only(token):
        found.add("bystander_parties")
    if token.lemma_.lower() in COMBAT_WORDS:
        found.add("combat_trigger")
    if token.lemma_.lower() in HARM_WORDS:
        found.add("harm_trigger")
    if _between_two(token):
        found.add("two_sided")
    return found | _subject_cues(token)


_FIGHT_NOUNS = frozenset(COMBAT_WORDS | {"clash"})


def _between_two(token: Any) -> bool:
    """A fight or clash "between A and B" (or "between rival / two N"): both sides named, so two sides
    fought (a bare "clashed with villagers" may be one-sided, and "clash" is no combat word for that reason)."""
    if token.lemma_.lower() not in _FIGHT_NOUNS:
        return False
    return any(p.dep_ == "prep" and p.lower_ == "between" and any(_two_sides(o) for o in p.children)
               for p in token.children)


def _two_sides(obj: Any) -> bool:
    if obj.dep_ != "pobj":
        return False
    return any(c.dep_ == "conj" or (c.dep_ in ("amod", "nummod") and c.lower_ in ("rival", "two", "opposing"))
               for c in obj.children)


_ATTACKER_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})
# verbs whose subject is no party to the attack: who reports it, or finds or attends to its victim
_BYSTANDER_VERBS = FINDER_VERBS | REPORTING_VERBS


def _attacker_spans(token: Any) -> Optional[list[tuple[int, int]]]:
    """Token ranges of who did what the trigger names: a verb's subject, or the agent of a passive one
    ("a man was hacked to death by militants"); a noun's modifiers and "by" phrase ("a militia attack",
    "an attack by rebels").  ``None`` when the trigger's own subject is the one attacked ("a patrol came
    under fire")."""
    table = token_table(token.doc)
    dep, lower, children = table.dep, table.lower, table.children[token.i]
    pos = getattr(token, "pos_", "")
    if pos in ("VERB", "AUX"):
        if any(dep[c] == "prep" and lower[c] == "under" for c in children):
            return None
        if _headline_participle(token):
            return None  # "Soldiers Killed In Ambush": headline English for "soldiers were killed"
        heads = [token.doc[c] for c in children if dep[c] in ("nsubj", "agent")]
    elif pos in ("NOUN", "PROPN"):
        heads = [token.doc[c] for c in children if dep[c] in _ATTACKER_MODIFIERS
                 or (dep[c] == "prep" and lower[c] == "by")]
    else:
        return []
    return [(c.left_edge.i, c.right_edge.i + 1) for c in heads]


_OBJECT_LIKE = frozenset({"dobj", "ccomp", "xcomp", "attr", "dative", "aux", "auxpass", "nsubjpass"})


def _headline_participle(token: Any) -> bool:
    """A past form of a harm verb with a subject but no object or auxiliary, in a headline ("Soldiers Killed
    In Ambush", "Two Guards Shot Dead"): headlines drop "were", so the subject is the one harmed."""
    if token.tag_ not in ("VBN", "VBD") or token.lemma_.lower() not in HARM_WORDS:
        return False
    if any(c.dep_ in _OBJECT_LIKE for c in token.children) or not any(c.dep_ == "nsubj" for c in token.children):
        return False
    try:
        text = token.sent.text.strip()
    except (AttributeError, ValueError):
        return False
    return is_headline(text)


def _bystander_spans(sent: Any, token: Any) -> list[tuple[int, int]]:
    """Token ranges of the subjects of the sentence's reporting verbs and verbs of finding or attending to a
    victim ("officers found the victim with a gunshot wound", "police said ..."), the trigger aside."""
    return [span for i, spans in _sentence_bystanders(sent) if i != token.i for span in spans]


def _sentence_bystanders(sent: Any) -> list[tuple[int, list[tuple[int, int]]]]:
    """Each reporting or finding verb of a sentence with the token ranges of its subjects (once per sentence)."""
    doc = sent.doc

    def compute() -> list[tuple[int, list[tuple[int, int]]]]:
        table = token_table(doc)
        pos, lemma, dep, children = table.pos, table.lemma, table.dep, table.children
        out = []
        for i in range(sent.start, sent.end):
            if pos[i] not in ("VERB", "AUX") or lemma[i] not in _BYSTANDER_VERBS:
                continue
            subjects = [doc[c] for c in children[i] if dep[c] == "nsubj"]
            out.append((i, [(c.left_edge.i, c.right_edge.i + 1) for c in subjects]))
        return out

    return remembered(doc, ("acled_cues.bystanders", sent.start, sent.end), compute)


def _armed_subject_only(token: Any) -> bool:
    """Whether every armed word of the trigger's sentence (``armed_target`` phrases) lies in the
    attacker of the trigger (:func:`_attacker_spans`: "militants opened fire on a minibus", "a militia
    attack") or in the subject of a reporting verb or a verb of finding the victim ("officers found the
    victim with a gunshot wound"): the armed ones are the attacker or bystanders, not the attacked."""
    attackers = _attacker_spans(token)
    if attackers is None:
        return False  # "a patrol came under fire": the subject is the one attacked
    try:
        sent = sent_of(token)  # = token.sent, from the remembered sentences
    except (AttributeError, ValueError):
        return False
    if "armed_target" not in _sentence_form_cues(sent.doc, sent.start, sent.end):
        return False
    spans = attackers + _bystander_spans(sent, token) + _object_scene_spans(token)
    if not spans:
        return False
    return "armed_target" not in _sentence_cues_outside(sent, spans)


def _object_scene_spans(token: Any) -> list[tuple[int, int]]:
    """The "at / in / near X" phrases of a verb trigger that has a direct object ("soldiers killed a man at
    a checkpoint"): with the victim named as the object, the phrase tells where, not whom ("fired at a
    checkpoint", with no object, keeps its target)."""
    if getattr(token, "pos_", "") != "VERB" or not any(c.dep_ == "dobj" for c in token.children):
        return []
    return [(c.left_edge.i, c.right_edge.i + 1) for c in token.children
            if c.dep_ == "prep" and c.lower_ in _SCENE_PREPS | {"at", "in", "inside"}]


_SCENE_PREPS = frozenset({"near", "around", "outside", "beside", "behind", "nearby"})


def _scene_spans(sent: Any) -> list[tuple[int, int]]:
    """Token ranges of the sentence's "near / around / outside X" phrases: where something was heard or
    seen ("gunfire near the army barracks"), a landmark, not a party."""
    doc = sent.doc
    table = token_table(doc)
    dep, lower = table.dep, table.lower
    return [(doc[i].left_edge.i, doc[i].right_edge.i + 1) for i in range(sent.start, sent.end)
            if dep[i] == "prep" and lower[i] in _SCENE_PREPS]


def _bystander_parties_only(token: Any) -> bool:
    """Whether the sentence names armed or civilian people (``armed_target``, ``civilian_victim``) and all of
    them are subjects of reporting or finding verbs ("residents reported shots fired"): witnesses, not parties."""
    try:
        sent = sent_of(token)  # = token.sent, from the remembered sentences
    except (AttributeError, ValueError):
        return False
    people = {"armed_target", "civilian_victim"}
    if not people & _sentence_form_cues(sent.doc, sent.start, sent.end):
        return False
    spans = _bystander_spans(sent, token) + _scene_spans(sent)
    if not spans:
        return False
    return not people & _sentence_cues_outside(sent, spans)


_END_VERBS = frozenset("end halt stop cease".split())


def _ended(token: Any) -> bool:
    """Whether the trigger is what an ending verb ends ("an accord ending two years of fighting", "a
    truce to halt the clashes"): climbing through object links only, such a verb is reached."""
    table = token_table(token.doc)  # the walk over the token table, no Token objects
    dep, head, pos, lemma = table.dep, table.head, table.pos, table.lemma
    cur = token.i
    for _ in range(4):
        if dep[cur] not in ("dobj", "pobj", "prep", "nsubjpass") or head[cur] == cur:
            return False
        cur = head[cur]
        if pos[cur] == "VERB" and lemma[cur] in _END_VERBS:
            return True
    return False


def _armed(noun: Any) -> bool:
    return any(m.lower_ == "armed" for m in noun.children if m.dep_ == "amod")


_OBJECT_DEPS = frozenset({"dobj", "pobj", "prep", "acl", "relcl", "amod", "compound", "nmod", "poss", "appos", "conj"})


def _in_grievance(token: Any) -> bool:
    """Whether the trigger sits in the object of a demand or protest ("demand the
    return of land seized by the army"): climbing from it through object and modifier links
    only, a grievance word is reached."""
    table = token_table(token.doc)  # the walk over the token table, no Token objects
    dep, head, lemma = table.dep, table.head, table.lemma
    cur = token.i
    for _ in range(8):
        if dep[cur] not in _OBJECT_DEPS or head[cur] == cur:
            return False
        cur = head[cur]
        if lemma[cur] in GRIEVANCE_WORDS and cur != token.i:
            return True
    return False


_GATHERED = frozenset({"group", "crowd", "band", "throng"})
_UNORGANISED = frozenset({"people", "person", "man", "local", "youth", "resident", "villager", "young"})


def _crowd_subject(token: Any) -> bool:
    """Whether the trigger verb's subject is a crowd or community ("a crowd", "members of rival
    communities"), and not one armed ("armed villagers")."""
    if getattr(token, "pos_", "") in ("NOUN", "PROPN"):
        # "clashes between youths of two villages": the sides of a noun trigger, no armed one among them
        sides = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "between"
                 for p in c.children if p.dep_ == "pobj"]
        sides += [x for p in sides for x in p.conjuncts]
        return bool(sides) and all(s.lemma_.lower() in CROWD_NOUNS and not _armed(s) for s in sides)
    if getattr(token, "pos_", "") not in ("VERB", "AUX"):
        return False
    table = token_table(token.doc)  # the verb's walk over the token table, no Token objects
    dep, lower, lemma, children = table.dep, table.lower, table.lemma, table.children
    if any(dep[c] == "prep" and lower[c] == "under" for c in children[token.i]):
        return False  # "villagers came under fire": the subject is the one attacked
    for c in children[token.i]:
        if dep[c] != "nsubj":
            continue
        heads = [c] + [p for prep in children[c] if dep[prep] == "prep" and lower[prep] == "of"
                       for p in children[prep] if dep[p] == "pobj"]
        armed = any(lower[m] == "armed" for h in heads for m in children[h] if dep[m] == "amod")  # = _armed
        if not armed and any(lemma[h] in CROWD_NOUNS for h in heads):
            return True
        if not armed and lemma[c] in _GATHERED and any(lemma[h] in _UNORGANISED for h in heads[1:]):
            return True  # "a group of people assaulted a man": an unorganised body of people
    return False


__all__ = ["GAP", "argument_cues", "cues_in_tokens", "sentence_cues"]
