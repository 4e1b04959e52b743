"""Actors and recipients of a mention, from the dependency parse.

Who did it: the subject of a verbal trigger (the ``by`` agent when passive),
or of the verb that governs a nominal trigger ("US forces conducted strikes");
the possessor or an entity modifier of a nominal trigger ("US airstrikes",
"Russia's attack"); a ``by`` phrase.  To whom: the direct object or passive
subject, and the objects of targeting prepositions (against, on, at, targeting;
with for meetings and agreements; to for aid and support).  A targeted facility
stands for its owner ("facilities used by Kataib Hezbollah" → Kataib Hezbollah).
Never word order alone.
"""

from __future__ import annotations

from typing import Any, Iterable

from ..knowledge.vocabulary import QUANTITY_NOUNS, SPEECH_VERBS
from ..spacy_doc import ent_of, token_table
from .. import codebook
from .triggers import LIGHT_VERBS, MIN_WEIGHT, QUANTIFIER_NOUNS, governor

# Prepositions that introduce the recipient, for every type and per type.
RECIPIENT_PREPS = frozenset("against on upon at targeting toward towards into".split())
RECIPIENT_PREPS_BY_TYPE = {
    "CONSULT": frozenset({"with", "to", "between"}),
    "AGREE": frozenset({"with", "between"}),
    "COOPERATE": frozenset({"with", "between"}),
    "AID": frozenset({"to", "for"}),
    "SUPPORT": frozenset({"to", "for"}),
    "CONCEDE": frozenset({"to"}),
    "REJECT": frozenset({"from"}),
    "ASSAULT": frozenset({"with", "of"}),
    "COERCE": frozenset({"of"}),
    "REQUEST": frozenset({"to", "from"}),
    "THREATEN": frozenset({"with"}),
    "ACCUSE": frozenset({"of"}),
    "SANCTION": frozenset({"against", "on"}),
}
# Nouns for targets that stand for whoever owns or uses them.
FACILITY_NOUNS = frozenset(
    """facility base headquarters headquarter position depot site compound camp outpost warehouse
    infrastructure stronghold hideout target installation office building vehicle convoy
    checkpoint post barrack barracks airport port embassy consulate residence home house""".split()
)
# Verbs that carry a nominal trigger's target: "strikes aimed at X", "attacks targeting X".
TARGETING_VERBS = frozenset("target aim direct hit strike focus".split())
PRONOUN_SKIP = frozenset("it its they them their this that these those which who whom what".split())
_NP_LEFT_DEPS = frozenset("det amod compound poss nmod nummod quantmod case npadvmod advmod".split())


def np_tokens(head: Any) -> list[Any]:
    """The tokens of a noun phrase: its left modifiers, the head and ``of``/``'s`` complements."""
    toks = {head.i: head}
    for c in head.lefts:
        if c.dep_ in _NP_LEFT_DEPS or c.dep_ == "poss":
            for t in c.subtree:
                toks[t.i] = t
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            for t in c.subtree:
                if t.dep_ in ("relcl", "acl"):
                    break
                toks[t.i] = t
        elif c.dep_ in ("compound", "flat", "appos") and c.ent_type_:
            for t in c.subtree:
                toks[t.i] = t
        elif c.dep_ == "punct" and c.lower_ in ("(", ")"):
            continue
    # extend to a named entity the head sits in ("Kataib Hezbollah" split by the tagger)
    ent = ent_of(head)
    if ent is not None:
        for t in ent:
            toks[t.i] = t
    ordered = [toks[i] for i in sorted(toks)]
    # drop leading determiners and trailing punctuation
    while ordered and ordered[0].dep_ in ("det", "punct", "case") and ordered[0].lower_ in ("the", "a", "an", "'s", "’s", "“", '"'):
        ordered = ordered[1:]
    while ordered and ordered[-1].is_punct:
        ordered = ordered[:-1]
    return ordered or [head]


def expand_conjuncts(heads: Iterable[Any]) -> list[Any]:
    out: dict[int, Any] = {}
    for h in heads:
        out[h.i] = h
        for c in h.conjuncts:
            if c.pos_ in ("NOUN", "PROPN", "PRON"):
                out[c.i] = c
    return [out[i] for i in sorted(out)]


def _children(tok: Any, *deps: str) -> list[Any]:
    """The children of ``tok`` with one of ``deps``, in text order (read off the Doc's
    :class:`~whimbrel.spacy_doc.TokenTable`: only the matching children become Tokens)."""
    doc = tok.doc
    table = token_table(doc)
    dep = table.dep
    return [doc[j] for j in table.children[tok.i] if dep[j] in deps]


def _prep_objects(tok: Any, preps: frozenset[str]) -> list[Any]:
    out = []
    doc = tok.doc
    table = token_table(doc)
    dep, low = table.dep, table.lower
    for j in table.children[tok.i]:
        if dep[j] in ("prep", "agent", "dative") and low[j] in preps:
            out.extend(_children(doc[j], "pobj", "pcomp"))
        elif dep[j] == "prt" and low[j] in preps:
            # "called on X": X hangs off the verb as a dobj after the particle
            out.extend(o for o in _children(tok, "dobj") if o.i > j)
    return out


def _agent(verb: Any) -> list[Any]:
    out = []
    doc = verb.doc
    table = token_table(doc)
    for j in table.children[verb.i]:
        if table.dep[j] == "agent":
            out.extend(_children(doc[j], "pobj"))
    return out


def _subject(verb: Any) -> list[Any]:
    """Subject of a verb, climbing through xcomp/conj/advcl when it has none of its own."""
    cur = verb
    for _ in range(4):
        subj = _children(cur, "nsubj")
        if subj:
            return subj
        if _children(cur, "nsubjpass"):
            return _agent(cur)
        if cur.dep_ in ("xcomp", "conj", "advcl", "acomp") and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return []


def _is_passive(verb: Any) -> bool:
    table = token_table(verb.doc)
    dep = table.dep
    return any(dep[j] in ("nsubjpass", "auxpass") for j in table.children[verb.i])


def owner_of(target: Any) -> list[Any]:
    """Who a targeted facility stands for: possessor, 'used by', 'of', entity compounds."""
    if target.lemma_.lower() not in FACILITY_NOUNS:
        return [target]
    owners = _children(target, "poss")
    for c in target.children:
        if c.dep_ == "acl":  # "used by X", "belonging to X", "run by X"
            owners += _agent(c) + _prep_objects(c, frozenset({"by", "to"}))
        if c.dep_ == "prep" and c.lower_ in ("of", "belonging", "for"):  # "a camp for refugees"
            owners += _children(c, "pobj")
    owners += [c for c in target.children if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ("ORG", "NORP", "GPE", "PERSON")]
    return owners


def _entity_modifiers(noun: Any) -> list[Any]:
    """Entity-like modifiers of a nominal trigger: 'US airstrikes', 'Russia's attack'."""
    out = _children(noun, "poss")
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod", "npadvmod") and c.i < noun.i:
            if c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or c.pos_ == "PROPN":
                out.append(c)
    return out


def arguments(mention: Any) -> tuple[list[Any], list[Any]]:
    """Heads of the actor and recipient phrases of a mention."""
    actors: list[Any] = []
    recipients: list[Any] = []
    etype = mention.event_type
    preps = RECIPIENT_PREPS | RECIPIENT_PREPS_BY_TYPE.get(etype, frozenset())
    trigger_ids = {t.i for t in mention.triggers}
    for trig in mention.triggers:
        if trig.pos_ == "VERB":
            if _is_passive(trig):
                actors += _agent(trig)
                recipients += _children(trig, "nsubjpass")
            else:
                actors += _subject(trig)
                # "exchanged fire", "traded shots": the object is what passes between the parties
                recipients += _children(trig, "dative") if trig.lemma_.lower() in RECIPROCAL_VERBS else \
                    _children(trig, "dobj", "dative")
                # "kidnapped up to 16 advisers": the parser hangs the object off "up to"
                for prt in _children(trig, "prt"):
                    for prep in _children(prt, "prep"):
                        recipients += _children(prep, "pobj")
            recipients += _prep_objects(trig, preps)
            # "X accused Y of ..." / "urged Y to ...": the object is the recipient already
        else:
            actors += _entity_modifiers(trig)
            for c in trig.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    actors += _children(c, "pobj")
                if c.dep_ == "acl" and c.lemma_.lower() in TARGETING_VERBS:
                    recipients += _children(c, "dobj") + _prep_objects(c, frozenset({"at", "on", "against"}))
            recipients += _prep_objects(trig, preps - {"by"})
            gov = governor(trig)
            # "arrived on a visit", "returned for talks": the noun is the subject's own activity
            activity = trig.dep_ == "pobj" and gov is not None and trig.head.head.i == gov.i
            # "speeded up the withdrawal", "would allow the return": a governing verb that
            # names no event of its own passes its subject to the event noun
            eventless = gov is not None and trig.dep_ == "dobj" and not _names_event(gov)
            if gov is not None and (gov.lemma_.lower() in LIGHT_VERBS or any(gov.i == t.i for t in mention.triggers)
                                    or trig.dep_ in ("nsubj", "nsubjpass") or activity or eventless):
                if trig.dep_ == "pobj" and trig.head.lower_ == "under" and trig.head.head.i == gov.i:
                    # "their posts came under gunfire", "the town was under attack": the subject is hit
                    recipients += _subject(gov) if not _is_passive(gov) else []
                    actors += _prep_objects(trig, frozenset({"from", "by"}))
                elif trig.dep_ in ("dobj", "pobj", "attr") or trig.head.dep_ == "prep":
                    # "US forces conducted strikes on X": subject of the light verb acts
                    actors += _subject(gov) if not _is_passive(gov) else _agent(gov)
                    gov_preps = frozenset({"against", "on", "upon", "targeting"})
                    gov_preps |= RECIPIENT_PREPS_BY_TYPE.get(etype, frozenset()) - {"of", "with"}
                    recipients += _prep_objects(gov, gov_preps) + _children(gov, "dative")
                elif trig.dep_ in ("nsubj", "nsubjpass"):
                    # "strikes were aimed at X", "the strikes were launched by Y"
                    actors += _agent(gov)
                    recipients += _prep_objects(gov, RECIPIENT_PREPS)
                    if gov.lemma_.lower() in TARGETING_VERBS:
                        recipients += _children(gov, "dobj")
    # "condemned the previous round of US airstrikes": the target is whoever carried them out
    recipients = [x for r in recipients for x in _event_object_owner(r)]
    if etype in VERBAL_TYPES and not any(_can_be_actor(r) for r in recipients):
        for trig in mention.triggers:
            recipients += _embedded_recipients(trig)
    if etype == "REQUEST":
        # "demanded that X do Y", "urged X to Y": the one asked is the embedded subject
        for trig in mention.triggers:
            for c in trig.children:
                if c.dep_ in ("ccomp", "xcomp"):
                    recipients += _children(c, "nsubj", "nsubjpass")
    actors = [_antecedent(_counted_group(a)) for a in expand_conjuncts(actors) if a.i not in trigger_ids]
    recipients = [_counted_group(r) for r in recipients]
    recipients = [r for r in expand_conjuncts(recipients) if r.i not in trigger_ids]
    # a facility stands for its owner; an event noun as object is not an actor
    resolved: list[Any] = []
    for r in recipients:
        resolved += owner_of(r) if r.lemma_.lower() in FACILITY_NOUNS else [r]
    actors = [a for a in actors if _can_be_actor(a)]
    resolved = [r for r in resolved if _can_be_actor(r) and r.lemma_.lower() not in FACILITY_NOUNS]
    actor_ids = {a.i for a in actors}
    resolved = [r for r in resolved if r.i not in actor_ids]
    if etype == "RETREAT" and mention.mode == "access" and any(t.lemma_.lower() in ENTRY_VERBS for t in mention.triggers):
        # "peacekeepers arrived in X": PLOVER's access is X letting them in, so X acts
        return _dedupe(resolved), _dedupe(actors)
    return _dedupe(actors), _dedupe(resolved)


# Verbs that tell an access (RETREAT, access) from the side of those let in ("peacekeepers arrived in X").
ENTRY_VERBS = frozenset({"arrive"})


# Verbal acts whose recipient is often named inside what they are about:
# "threatened to break relations with Russia", "rejected an offer from Afghanistan",
# "called for sanctions against Nigeria", "demanded the withdrawal of Serbian forces".
VERBAL_TYPES = frozenset({"THREATEN", "REQUEST", "REJECT", "ACCUSE", "PROTEST", "AGREE", "SUPPORT"})
_CONTENT_PREPS = frozenset("with against on upon to from of for".split())


def _embedded_recipients(trig: Any) -> list[Any]:
    out: list[Any] = []

    def named(tok: Any) -> bool:
        """An entity, or a noun an entity qualifies ("German goods", "Russian government")."""
        return bool(tok.ent_type_) or tok.pos_ == "PROPN" or bool(_entity_modifiers(tok))

    def noun_preps(noun: Any) -> list[Any]:
        objs = _prep_objects(noun, _CONTENT_PREPS)
        return [o for o in objs if named(o)] or _entity_modifiers(noun)

    for c in trig.children:
        if c.dep_ in ("xcomp", "ccomp"):
            out += _children(c, "dative") + _prep_objects(c, RECIPIENT_PREPS | {"with", "to", "from"})
            for obj in _children(c, "dobj"):
                out += [obj] if (obj.ent_type_ or obj.pos_ == "PROPN") else noun_preps(obj)
        elif c.dep_ == "dobj" and not (c.ent_type_ or c.pos_ == "PROPN"):
            out += noun_preps(c)
        elif c.dep_ == "prep" and c.lower_ in ("for", "over"):
            for obj in _children(c, "pobj"):
                out += noun_preps(obj)
    return out


REPORTING_VERBS = SPEECH_VERBS


def _antecedent(tok: Any) -> Any:
    """'Hungary said it will support ...': a subject pronoun of a reported clause is the reporter."""
    if tok.lower_ not in ("it", "they", "he", "she", "we") or tok.dep_ not in ("nsubj", "nsubjpass"):
        return tok
    clause = tok.head
    for _ in range(3):
        if clause.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or clause.head.i == clause.i:
            return tok
        parent = clause.head
        if parent.lemma_.lower() in REPORTING_VERBS:
            subj = [c for c in _children(parent, "nsubj") if c.pos_ in ("NOUN", "PROPN", "PRON")]
            return subj[0] if subj else tok
        clause = parent
    return tok


# Quantity heads of a people phrase: "Thousands of Nigerians", "Tens of thousands of students".
_GROUP_HEADS = QUANTITY_NOUNS


def _counted_group(tok: Any) -> Any:
    """'Thousands of Nigerians' → 'Nigerians': the people, not the number, act."""
    cur = tok
    for _ in range(3):
        if not (cur.like_num or cur.lemma_.lower() in _GROUP_HEADS):
            return cur
        nxt = None
        for c in cur.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                objs = _children(c, "pobj")
                nxt = objs[0] if objs else None
        if nxt is None:
            return cur
        cur = nxt
    return cur


def _is_event_noun(tok: Any) -> bool:
    """A noun that firmly names an event ("airstrikes", "attack"), never an actor."""
    return tok.pos_ == "NOUN" and any(s.weight >= 0.8 for s in codebook.senses(tok.lemma_.lower(), "NOUN"))


def _event_object_owner(tok: Any) -> list[Any]:
    """An object that is an event ('the round of US airstrikes') stands for the event's actor."""
    cur = tok
    if cur.lemma_.lower() in QUANTIFIER_NOUNS:
        for c in cur.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                objs = _children(c, "pobj")
                if objs:
                    cur = objs[0]
    if _is_event_noun(cur):
        owners = _entity_modifiers(cur)
        for c in cur.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                owners += _children(c, "pobj")
        return owners
    return [tok]


_NOT_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _can_be_actor(tok: Any) -> bool:
    """Dates, numbers, quantifier and event nouns are never actors or recipients."""
    if tok.lower_ in PRONOUN_SKIP or tok.like_num or tok.ent_type_ in _NOT_ACTOR_ENTS:
        return False
    lemma = tok.lemma_.lower()
    if lemma in QUANTIFIER_NOUNS:
        return False
    if _is_event_noun(tok):
        return False
    return tok.pos_ in ("NOUN", "PROPN", "PRON", "X") or bool(tok.ent_type_)


def _names_event(verb: Any) -> bool:
    """Whether a verb can itself be an event trigger (so its subject is its own actor)."""
    return any(sense.weight >= MIN_WEIGHT for sense in codebook.senses(verb.lemma_.lower(), "VERB"))




# "A and B exchanged fire / traded accusations": each party acts on the other.
RECIPROCAL_VERBS = frozenset("exchange trade swap".split())
# "A and B clashed": a conjoined subject with no other party is a two-sided fight.
SYMMETRIC_VERBS = frozenset("clash fight battle skirmish spar feud".split())


def _each_other(tok: Any) -> bool:
    """'each other', 'one another'."""
    return tok.lower_ in ("other", "another") and any(x.lower_ in ("each", "one") for x in tok.lefts)


def _objects(tok: Any) -> list[Any]:
    out = _children(tok, "dobj")
    for c in tok.children:
        if c.dep_ in ("prep", "dative"):
            out += _children(c, "pobj")
    return out


def is_reciprocal(mention: Any) -> bool:
    """Whether the parties of a mention act on one another, by syntax: a reciprocal pronoun
    ("clashed with each other", "attacked one another"), an exchange of an event ("exchanged
    fire", "are trading strikes", "traded accusations"), or a symmetric verb with a conjoined
    subject and no other party ("Armenian and Azerbaijani troops clashed")."""
    trigger_ids = {t.i for t in mention.triggers}
    words = list(mention.triggers) + ([mention.governor] if mention.governor is not None else [])
    for tok in words:
        objs = _objects(tok)
        if any(_each_other(o) for o in objs):
            return True
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in RECIPROCAL_VERBS:
            objs_here = _children(tok, "dobj")
            # the verb is the trigger through its object ("exchanged fire", "swapped prisoners")
            # or governs an event noun ("trading strikes", "traded accusations")
            if objs_here and (tok.i in trigger_ids or any(o.i in trigger_ids or _is_event_noun(o) for o in objs_here)):
                return True
        if tok.pos_ == "VERB" and lemma in SYMMETRIC_VERBS and not _is_passive(tok):
            subj = _children(tok, "nsubj")
            if subj and any(c.dep_ == "conj" for c in subj[0].children) and not objs:
                return True
    return False


def _dedupe(toks: list[Any]) -> list[Any]:
    seen, out = set(), []
    for t in toks:
        if t.i not in seen:
            seen.add(t.i)
            out.append(t)
    return out


__all__ = ["arguments", "expand_conjuncts", "is_reciprocal", "np_tokens", "owner_of"]
