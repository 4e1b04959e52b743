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
from ..spacy_doc import doc_ents, token_table
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


# The functions below take token indices and read the Doc's TokenTable (``t``): a Token object
# is made only for the heads :func:`arguments` returns.  ``children``, ``lefts``, ``rights``,
# ``subtree`` and ``conjuncts`` follow spaCy's definitions (text order; a subtree walks the left
# children's subtrees, the token, then the right children's).


def _subtree(t: Any, i: int) -> list[int]:
    """``Token.subtree`` of token ``i``, in spaCy's order."""
    out: list[int] = []
    children = t.children

    def walk(k: int) -> None:
        kids = children[k]
        for c in kids:
            if c < k:
                walk(c)
        out.append(k)
        for c in kids:
            if c > k:
                walk(c)

    walk(i)
    return out


def _conjuncts(t: Any, i: int) -> list[int]:
    """``Token.conjuncts`` of token ``i``: the coordinated tokens, without ``i`` itself."""
    head, dep, children = t.head, t.dep, t.children
    start = i
    while start != head[start]:
        if dep[start] == "conj":
            start = head[start]
        else:
            break
    queue = [start]
    output = [start]
    for word in queue:
        for c in children[word]:
            if c > word and dep[c] == "conj":
                output.append(c)
                queue.append(c)
    return [w for w in output if w != i]


def _np(doc: Any, t: Any, head: int) -> list[int]:
    """The tokens of a noun phrase: its left modifiers, the head and ``of``/``'s`` complements."""
    dep, low, ent_type = t.dep, t.lower, t.ent_type
    toks = {head}
    for c in t.children[head]:
        if c < head:
            if dep[c] in _NP_LEFT_DEPS:
                toks.update(_subtree(t, c))
        elif dep[c] == "prep" and low[c] == "of":
            for x in _subtree(t, c):
                if dep[x] in ("relcl", "acl"):
                    break
                toks.add(x)
        elif dep[c] in ("compound", "flat", "appos") and ent_type[c]:
            toks.update(_subtree(t, c))
    # extend to a named entity the head sits in ("Kataib Hezbollah" split by the tagger)
    if ent_type[head]:
        for ent in doc_ents(doc):
            if ent.start <= head < ent.end:
                toks.update(range(ent.start, ent.end))
                break
    ordered = sorted(toks)
    # drop leading determiners and trailing punctuation
    k = 0
    while k < len(ordered) and dep[ordered[k]] in ("det", "punct", "case") and low[ordered[k]] in _NP_DROPPED:
        k += 1
    n = len(ordered)
    while n > k and t.is_punct[ordered[n - 1]]:
        n -= 1
    return ordered[k:n] or [head]


_NP_DROPPED = frozenset({"the", "a", "an", "'s", "’s", "“", '"'})


def np_tokens(head: Any) -> list[Any]:
    """The tokens of a noun phrase: its left modifiers, the head and ``of``/``'s`` complements."""
    doc = head.doc
    return [doc[i] for i in _np(doc, token_table(doc), head.i)]


def np_range(head: Any) -> tuple[int, int]:
    """The character offsets (start, end) of :func:`np_tokens` of ``head`` (no Token made)."""
    t = token_table(head.doc)
    toks = _np(head.doc, t, head.i)
    return t.idx[toks[0]], t.idx[toks[-1]] + len(t.text[toks[-1]])


def _expand_conjuncts(t: Any, heads: Iterable[int]) -> list[int]:
    pos = t.pos
    out = set()
    for h in heads:
        out.add(h)
        for c in _conjuncts(t, h):
            if pos[c] in ("NOUN", "PROPN", "PRON"):
                out.add(c)
    return sorted(out)


def expand_conjuncts(heads: Iterable[Any]) -> list[Any]:
    heads = list(heads)
    if not heads:
        return []
    doc = heads[0].doc
    return [doc[i] for i in _expand_conjuncts(token_table(doc), [h.i for h in heads])]


def _children(t: Any, i: int, *deps: str) -> list[int]:
    """The children of token ``i`` with one of ``deps``, in text order."""
    dep = t.dep
    return [j for j in t.children[i] if dep[j] in deps]


def _prep_objects(t: Any, i: int, preps: frozenset[str]) -> list[int]:
    out = []
    dep, low = t.dep, t.lower
    for j in t.children[i]:
        if dep[j] in ("prep", "agent", "dative") and low[j] in preps:
            out.extend(_children(t, j, "pobj", "pcomp"))
        elif dep[j] == "prt" and low[j] in preps:
            # "called on X": X hangs off the verb as a dobj after the particle
            out.extend(o for o in _children(t, i, "dobj") if o > j)
    return out


def _agent(t: Any, verb: int) -> list[int]:
    out = []
    for j in t.children[verb]:
        if t.dep[j] == "agent":
            out.extend(_children(t, j, "pobj"))
    return out


def _subject(t: Any, verb: int) -> list[int]:
    """Subject of a verb, climbing through xcomp/conj/advcl when it has none of its own."""
    cur = verb
    for _ in range(4):
        subj = _children(t, cur, "nsubj")
        if subj:
            return subj
        if _children(t, cur, "nsubjpass"):
            return _agent(t, cur)
        if t.dep[cur] in ("xcomp", "conj", "advcl", "acomp") and t.head[cur] != cur:
            cur = t.head[cur]
            continue
        break
    return []


def _is_passive(t: Any, verb: int) -> bool:
    dep = t.dep
    return any(dep[j] in ("nsubjpass", "auxpass") for j in t.children[verb])


def _owner_of(t: Any, target: int) -> list[int]:
    """Who a targeted facility stands for: possessor, 'used by', 'of', entity compounds."""
    if t.lemma[target] not in FACILITY_NOUNS:
        return [target]
    dep = t.dep
    owners = _children(t, target, "poss")
    for c in t.children[target]:
        if dep[c] == "acl":  # "used by X", "belonging to X", "run by X"
            owners += _agent(t, c) + _prep_objects(t, c, frozenset({"by", "to"}))
        if dep[c] == "prep" and t.lower[c] in ("of", "belonging", "for"):  # "a camp for refugees"
            owners += _children(t, c, "pobj")
    owners += [c for c in t.children[target] if dep[c] in ("compound", "amod", "nmod")
               and t.ent_type[c] in ("ORG", "NORP", "GPE", "PERSON")]
    return owners


def owner_of(target: Any) -> list[Any]:
    """Who a targeted facility stands for: possessor, 'used by', 'of', entity compounds."""
    doc = target.doc
    return [doc[i] for i in _owner_of(token_table(doc), target.i)]


def _entity_modifiers(t: Any, noun: int) -> list[int]:
    """Entity-like modifiers of a nominal trigger: 'US airstrikes', 'Russia's attack'."""
    out = _children(t, noun, "poss")
    dep, ent_type, pos = t.dep, t.ent_type, t.pos
    for c in t.children[noun]:
        if dep[c] in ("compound", "amod", "nmod", "npadvmod") and c < noun:
            if ent_type[c] in ("GPE", "NORP", "ORG", "PERSON") or pos[c] == "PROPN":
                out.append(c)
    return out


def arguments(mention: Any) -> tuple[list[Any], list[Any]]:
    """Heads of the actor and recipient phrases of a mention."""
    doc = mention.trigger.doc
    t = token_table(doc)
    dep, low, lemma, head = t.dep, t.lower, t.lemma, t.head
    actors: list[int] = []
    recipients: list[int] = []
    etype = mention.event_type
    preps = RECIPIENT_PREPS | RECIPIENT_PREPS_BY_TYPE.get(etype, frozenset())
    trigger_ids = {tok.i for tok in mention.triggers}
    for trig_tok in mention.triggers:
        trig = trig_tok.i
        if t.pos[trig] == "VERB":
            if _is_passive(t, trig):
                actors += _agent(t, trig)
                recipients += _children(t, trig, "nsubjpass")
            else:
                actors += _subject(t, trig)
                # "exchanged fire", "traded shots": the object is what passes between the parties
                recipients += _children(t, trig, "dative") if lemma[trig] in RECIPROCAL_VERBS else \
                    _children(t, trig, "dobj", "dative")
                # "kidnapped up to 16 advisers": the parser hangs the object off "up to"
                for prt in _children(t, trig, "prt"):
                    for prep in _children(t, prt, "prep"):
                        recipients += _children(t, prep, "pobj")
            recipients += _prep_objects(t, trig, preps)
            # "X accused Y of ..." / "urged Y to ...": the object is the recipient already
        else:
            actors += _entity_modifiers(t, trig)
            for c in t.children[trig]:
                if dep[c] == "prep" and low[c] == "by":
                    actors += _children(t, c, "pobj")
                if dep[c] == "acl" and lemma[c] in TARGETING_VERBS:
                    recipients += _children(t, c, "dobj") + _prep_objects(t, c, frozenset({"at", "on", "against"}))
            recipients += _prep_objects(t, trig, preps - {"by"})
            gov_tok = governor(trig_tok)
            gov = gov_tok.i if gov_tok is not None else None
            # "arrived on a visit", "returned for talks": the noun is the subject's own activity
            activity = dep[trig] == "pobj" and gov is not None and head[head[trig]] == gov
            # "speeded up the withdrawal", "would allow the return": a governing verb that
            # names no event of its own passes its subject to the event noun
            eventless = gov is not None and dep[trig] == "dobj" and not _names_event(lemma[gov])
            if gov is not None and (lemma[gov] in LIGHT_VERBS or gov in trigger_ids
                                    or dep[trig] in ("nsubj", "nsubjpass") or activity or eventless):
                if dep[trig] == "pobj" and low[head[trig]] == "under" and head[head[trig]] == gov:
                    # "their posts came under gunfire", "the town was under attack": the subject is hit
                    recipients += _subject(t, gov) if not _is_passive(t, gov) else []
                    actors += _prep_objects(t, trig, frozenset({"from", "by"}))
                elif dep[trig] in ("dobj", "pobj", "attr") or dep[head[trig]] == "prep":
                    # "US forces conducted strikes on X": subject of the light verb acts
                    actors += _subject(t, gov) if not _is_passive(t, gov) else _agent(t, gov)
                    gov_preps = frozenset({"against", "on", "upon", "targeting"})
                    gov_preps |= RECIPIENT_PREPS_BY_TYPE.get(etype, frozenset()) - {"of", "with"}
                    recipients += _prep_objects(t, gov, gov_preps) + _children(t, gov, "dative")
                elif dep[trig] in ("nsubj", "nsubjpass"):
                    # "strikes were aimed at X", "the strikes were launched by Y"
                    actors += _agent(t, gov)
                    recipients += _prep_objects(t, gov, RECIPIENT_PREPS)
                    if lemma[gov] in TARGETING_VERBS:
                        recipients += _children(t, gov, "dobj")
    # "condemned the previous round of US airstrikes": the target is whoever carried them out
    recipients = [x for r in recipients for x in _event_object_owner(t, r)]
    if etype in VERBAL_TYPES and not any(_can_be_actor(t, r) for r in recipients):
        for trig_tok in mention.triggers:
            recipients += _embedded_recipients(t, trig_tok.i)
    if etype == "REQUEST":
        # "demanded that X do Y", "urged X to Y": the one asked is the embedded subject
        for trig_tok in mention.triggers:
            for c in t.children[trig_tok.i]:
                if dep[c] in ("ccomp", "xcomp"):
                    recipients += _children(t, c, "nsubj", "nsubjpass")
    actors = [_antecedent(t, _counted_group(t, a)) for a in _expand_conjuncts(t, actors) if a not in trigger_ids]
    recipients = [_counted_group(t, r) for r in recipients]
    recipients = [r for r in _expand_conjuncts(t, recipients) if r not in trigger_ids]
    # a facility stands for its owner; an event noun as object is not an actor
    resolved: list[int] = []
    for r in recipients:
        resolved += _owner_of(t, r) if lemma[r] in FACILITY_NOUNS else [r]
    actors = [a for a in actors if _can_be_actor(t, a)]
    resolved = [r for r in resolved if _can_be_actor(t, r) and lemma[r] not in FACILITY_NOUNS]
    actor_ids = set(actors)
    resolved = [r for r in resolved if r not in actor_ids]
    if etype == "RETREAT" and mention.mode == "access" and any(lemma[tok.i] in ENTRY_VERBS for tok in mention.triggers):
        # "peacekeepers arrived in X": PLOVER's access is X letting them in, so X acts
        actors, resolved = resolved, actors
    return [doc[i] for i in _dedupe(actors)], [doc[i] for i in _dedupe(resolved)]


# Verbs that tell an access (RETREAT, access) from the side of those let in ("peacekeepers arrived in X").
ENTRY_VERBS = frozenset({"arrive"})


# Verbal acts whose recipient is often named inside what they are about:
# "threatened to break relations with Russia", "rejected an offer from Afghanistan",
# "called for sanctions against Nigeria", "demanded the withdrawal of Serbian forces".
VERBAL_TYPES = frozenset({"THREATEN", "REQUEST", "REJECT", "ACCUSE", "PROTEST", "AGREE", "SUPPORT"})
_CONTENT_PREPS = frozenset("with against on upon to from of for".split())


def _embedded_recipients(t: Any, trig: int) -> list[int]:
    out: list[int] = []
    dep, ent_type, pos = t.dep, t.ent_type, t.pos

    def named(tok: int) -> bool:
        """An entity, or a noun an entity qualifies ("German goods", "Russian government")."""
        return bool(ent_type[tok]) or pos[tok] == "PROPN" or bool(_entity_modifiers(t, tok))

    def noun_preps(noun: int) -> list[int]:
        objs = _prep_objects(t, noun, _CONTENT_PREPS)
        return [o for o in objs if named(o)] or _entity_modifiers(t, noun)

    for c in t.children[trig]:
        if dep[c] in ("xcomp", "ccomp"):
            out += _children(t, c, "dative") + _prep_objects(t, c, RECIPIENT_PREPS | {"with", "to", "from"})
            for obj in _children(t, c, "dobj"):
                out += [obj] if (ent_type[obj] or pos[obj] == "PROPN") else noun_preps(obj)
        elif dep[c] == "dobj" and not (ent_type[c] or pos[c] == "PROPN"):
            out += noun_preps(c)
        elif dep[c] == "prep" and t.lower[c] in ("for", "over"):
            for obj in _children(t, c, "pobj"):
                out += noun_preps(obj)
    return out


REPORTING_VERBS = SPEECH_VERBS


def _antecedent(t: Any, tok: int) -> int:
    """'Hungary said it will support ...': a subject pronoun of a reported clause is the reporter."""
    if t.lower[tok] not in ("it", "they", "he", "she", "we") or t.dep[tok] not in ("nsubj", "nsubjpass"):
        return tok
    head = t.head
    clause = head[tok]
    for _ in range(3):
        if t.dep[clause] not in ("ccomp", "xcomp", "conj", "advcl") or head[clause] == clause:
            return tok
        parent = head[clause]
        if t.lemma[parent] in REPORTING_VERBS:
            subj = [c for c in _children(t, parent, "nsubj") if t.pos[c] in ("NOUN", "PROPN", "PRON")]
            return subj[0] if subj else tok
        clause = parent
    return tok


# Quantity heads of a people phrase: "Thousands of Nigerians", "Tens of thousands of students".
_GROUP_HEADS = QUANTITY_NOUNS


def _counted_group(t: Any, tok: int) -> int:
    """'Thousands of Nigerians' → 'Nigerians': the people, not the number, act."""
    cur = tok
    for _ in range(3):
        if not (t.like_num[cur] or t.lemma[cur] in _GROUP_HEADS):
            return cur
        nxt = None
        for c in t.children[cur]:
            if t.dep[c] == "prep" and t.lower[c] == "of":
                objs = _children(t, c, "pobj")
                nxt = objs[0] if objs else None
        if nxt is None:
            return cur
        cur = nxt
    return cur


def _is_event_noun(t: Any, tok: int) -> bool:
    """A noun that firmly names an event ("airstrikes", "attack"), never an actor."""
    return t.pos[tok] == "NOUN" and any(s.weight >= 0.8 for s in codebook.senses(t.lemma[tok], "NOUN"))


def _event_object_owner(t: Any, tok: int) -> list[int]:
    """An object that is an event ('the round of US airstrikes') stands for the event's actor."""
    cur = tok
    if t.lemma[cur] in QUANTIFIER_NOUNS:
        for c in t.children[cur]:
            if t.dep[c] == "prep" and t.lower[c] == "of":
                objs = _children(t, c, "pobj")
                if objs:
                    cur = objs[0]
    if _is_event_noun(t, cur):
        owners = _entity_modifiers(t, cur)
        for c in t.children[cur]:
            if t.dep[c] == "prep" and t.lower[c] == "by":
                owners += _children(t, c, "pobj")
        return owners
    return [tok]


_NOT_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _can_be_actor(t: Any, tok: int) -> bool:
    """Dates, numbers, quantifier and event nouns are never actors or recipients."""
    if t.lower[tok] in PRONOUN_SKIP or t.like_num[tok] or t.ent_type[tok] in _NOT_ACTOR_ENTS:
        return False
    if t.lemma[tok] in QUANTIFIER_NOUNS:
        return False
    if _is_event_noun(t, tok):
        return False
    return t.pos[tok] in ("NOUN", "PROPN", "PRON", "X") or bool(t.ent_type[tok])


def _names_event(lemma: str) -> bool:
    """Whether a verb (its lower-cased lemma) can itself be an event trigger (so its subject
    is its own actor)."""
    return any(sense.weight >= MIN_WEIGHT for sense in codebook.senses(lemma, "VERB"))




# "A and B exchanged fire / traded accusations": each party acts on the other.
RECIPROCAL_VERBS = frozenset("exchange trade swap".split())
# "A and B clashed": a conjoined subject with no other party is a two-sided fight.
SYMMETRIC_VERBS = frozenset("clash fight battle skirmish spar feud".split())


def _each_other(t: Any, tok: int) -> bool:
    """'each other', 'one another'."""
    return t.lower[tok] in ("other", "another") and any(t.lower[x] in ("each", "one") for x in t.children[tok] if x < tok)


def _objects(t: Any, tok: int) -> list[int]:
    out = _children(t, tok, "dobj")
    for c in t.children[tok]:
        if t.dep[c] in ("prep", "dative"):
            out += _children(t, c, "pobj")
    return out


def is_reciprocal(mention: Any) -> bool:
    """Whether the parties of a mention act on one another, by syntax: a reciprocal pronoun
    ("clashed with each other", "attacked one another"), an exchange of an event ("exchanged
    fire", "are trading strikes", "traded accusations"), or a symmetric verb with a conjoined
    subject and no other party ("Armenian and Azerbaijani troops clashed")."""
    t = token_table(mention.trigger.doc)
    trigger_ids = {tok.i for tok in mention.triggers}
    words = [tok.i for tok in mention.triggers] + ([mention.governor.i] if mention.governor is not None else [])
    for tok in words:
        objs = _objects(t, tok)
        if any(_each_other(t, o) for o in objs):
            return True
        lemma = t.lemma[tok]
        if t.pos[tok] == "VERB" and lemma in RECIPROCAL_VERBS:
            objs_here = _children(t, tok, "dobj")
            # the verb is the trigger through its object ("exchanged fire", "swapped prisoners")
            # or governs an event noun ("trading strikes", "traded accusations")
            if objs_here and (tok in trigger_ids or any(o in trigger_ids or _is_event_noun(t, o) for o in objs_here)):
                return True
        if t.pos[tok] == "VERB" and lemma in SYMMETRIC_VERBS and not _is_passive(t, tok):
            subj = _children(t, tok, "nsubj")
            if subj and any(t.dep[c] == "conj" for c in t.children[subj[0]]) and not objs:
                return True
    return False


def _dedupe(toks: list[int]) -> list[int]:
    return list(dict.fromkeys(toks))


__all__ = ["arguments", "expand_conjuncts", "is_reciprocal", "np_range", "np_tokens", "owner_of"]
