"""Screening: which events of an article are real political, conflict or crime events.

Runs after the merge.  For each article it scores **relevance** (does it report such
events at all) from inspectable features; for each event it checks the trigger's
**sense** (:mod:`whimbrel.stages.senses`; the checks of a merged event's mentions and the
sentence word cues are in :mod:`whimbrel.stages.sense_checks`), whether a **political actor** takes part,
whether the sentence is a **generic** statement (:mod:`whimbrel.stages.generic`), and
gives a **calibrated confidence** (:mod:`whimbrel.stages.confidence`).

An event that fails a check is not dropped: it gets a ``held`` reason (and a generic one
modality ``generic``), so ``--all-events`` shows it and the store can keep it as data.
An article below the relevance threshold gets its score and reason on the article
record, and all its events are held with that reason.

Features (all in [0, 1]):

article: ``pol_share`` (sentences naming a political actor), ``crime_share`` (sentences
with words of violence, crime or justice), ``you_share`` (sentences addressing the
reader), ``commerce_share`` (sentences about products, prices, sport, leisure),
``density`` (screened event mentions per sentence), ``headline`` (the headline names a
political actor or a crime);

event: ``rel`` (article relevance), ``political`` (an actor or recipient is a
political actor), ``actor_code`` / ``recipient_code`` (an actor / a non-place recipient
with a country code), ``victim`` (a person is a party, for violence and coercion),
``sense_ok`` (the trigger's sense constraint holds), ``verb`` (verbal trigger),
``asserted``, ``mode``, ``claimed``, ``mentions2`` (reported in two or more sentences),
``weight`` (lexicon weight), ``crime_cue`` (the sentence has words of violence or
crime), ``modal`` (a modal or conditional clause), ``money`` (the sentence names a sum
of money), ``reader`` (the sentence addresses the reader), ``pol_sentence`` (the
sentence names a political actor), ``noun_modifier`` (a noun trigger that only modifies
or sits under a preposition), ``speculative`` (likely, fear, possible ... in the
sentence), ``quoted`` (inside quotation marks), ``headline``, and one ``type:T`` per
PLOVER type.
"""

from __future__ import annotations

from typing import Any, ClassVar, Optional

from .. import codebook
from ..pipeline import Work
from ..records import Event, Modality
from . import senses
from .confidence import load_models
from .generic import generic_statement, unrealised
from .modality import negated_here
from .parties import abstract_actor, kinds_told, political_party
from .sense_checks import (CRIME_CUES, _COMMERCE, _CRIME, _CRIME_LEMMA, _MONEY, _SPECULATIVE, _YOU, head_held,
                           sense_failure)
from .sense_checks import member_checks as _member_checks
from .sense_checks import political_at as _political_at
from .sense_checks import sense_checks as _sense_checks
from .sense_checks import sense_context as _sense_context
from .sense_checks import sentence_words as _sentence_words
from .triggers import hyphen_lemma
from ..spacy_doc import doc_sents, remembered, sent_ents, sent_of, span_text, token_table

NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "FAC"})
VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "ACCUSE", "MOBILIZE", "PROTEST", "THREATEN"})
# Bombs and other explosive devices going off: violence whoever is named as actor or victim.
WEAPON_MODES = frozenset({"explosives", "suicide-attack"})
# Verbal and cooperative types: everyday language uses their triggers most ("help", "offer",
# "meet", "warn", "deal"), so they need a party that resolves to a political actor or a
# sentence that names a country or people (a role word such as "office" or "board" alone is
# not enough), and an article more relevant than other events need.
VERBAL_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                          "REJECT", "THREATEN"})
# an article shorter than this is not scored for relevance: too little evidence
MIN_SENTENCES = 4
# nouns that name a risk, and the verbs that only state one ("X poses a threat to Y", "the
# danger it represents", "remains a risk"): a statement about a risk names no act of threatening
RISK_NOUNS = frozenset({"threat", "risk", "danger", "menace", "hazard"})
# ("the country faces a threat", "the threat that faces the region": a risk met, not uttered)
RISK_VERBS = frozenset({"pose", "represent", "be", "remain", "constitute", "present", "become", "face"})


def _names_polity(sent: Any) -> bool:
    """The sentence names a country or a people ("Sudan", "the UK", "Iranian")."""
    doc, start, end = sent.doc, sent.start, sent.end
    return remembered(doc, ("screen.polity", start, end), lambda: _polity_words(doc, start, end))


def _polity_words(doc: Any, start: int, end: int) -> bool:
    for ent in sent_ents(doc, start, end):  # Span.ents of the sentence, from the remembered entities
        if ent.label_ in ("GPE", "NORP") and senses.names_country(ent.text):
            return True
    return "NORP" in token_table(doc).ent_type[start:end]


def _question(tok: Any) -> bool:
    """The trigger's sentence ends with a question mark (computed once per sentence)."""
    doc = tok.doc
    start, end = token_table(doc).sent_bounds[token_table(doc).sent_of[tok.i]]
    return remembered(doc, ("screen.question", start),
                      lambda: span_text(doc, start, end).rstrip().endswith("?"))


#: Sectors of the role words that name an armed actor (troops, police, rebels, militiamen, gunmen).
ARMED_ROLE_SECTORS = frozenset({"MIL", "COP", "REB", "UAF"})


def _names_armed_actor(sent: Any) -> bool:
    """The sentence names an armed actor by a role word ("fighters", "troops", "militiamen")."""
    doc, start, end = sent.doc, sent.start, sent.end

    def armed() -> bool:
        tt = token_table(doc)
        return any(senses.role_sector(tt.lemma[i]) in ARMED_ROLE_SECTORS
                   or senses.role_sector(tt.lower[i]) in ARMED_ROLE_SECTORS
                   for i in range(start, end) if tt.pos[i] in ("NOUN", "PROPN"))

    return remembered(doc, ("screen.armed", start, end), armed)


# words that make an accident a crime ("a hit-and-run accident", "the drunk driver was
# charged"): an offence, its suspect or the justice that follows it (not the harm words, nor
# the police who report every crash)
CRIME_PROPER = frozenset(
    """charge charged arrest arrested indict indictment convict accuse accused allege alleged suspect
    murder homicide manslaughter vehicular hit-and-run drunk dui dwi flee fled arson arsonist
    gunman shoot shot gun attack attacker bomb""".split()
)


def _crime_told(tok: Any) -> bool:
    return any(t.lemma_.lower() in CRIME_PROPER or t.lower_ in CRIME_PROPER for t in tok.sent if t.i != tok.i)


def article_features(doc: Any, mentions: list, title: Optional[str]) -> dict[str, float]:
    """The relevance features of one article (see the module docstring)."""
    sents = doc_sents(doc)
    n = max(1, len(sents))
    words = _sentence_words(doc)
    pol = sum(_political_at(doc, start, end) for start, end in words.bounds)
    crime = sum(r[_CRIME] for r in words.rows)
    you = sum(r[_YOU] for r in words.rows)
    commerce = sum(r[_COMMERCE] for r in words.rows)
    head_text = (title or (sents[0].text if sents else "")).lower().split()
    head_words = {w.strip(".,:;!?'\"") for w in head_text}
    headline = bool(head_words & CRIME_CUES) or any(senses.role_sector(w) in senses.POLITICAL_SECTORS for w in head_words)
    return {
        "pol_share": pol / n,
        "crime_share": crime / n,
        "you_share": you / n,
        "commerce_share": commerce / n,
        "density": min(1.0, len(mentions) / n),
        "headline": float(headline),
    }


def relevance_reason(score: float, f: dict[str, float]) -> str:
    return (
        f"relevance {score:.2f}: political-actor sentences {f['pol_share']:.0%}, violence/crime sentences "
        f"{f['crime_share']:.0%}, reader-addressed {f['you_share']:.0%}, commerce/leisure {f['commerce_share']:.0%}, "
        f"event mentions per sentence {f['density']:.2f}, headline cue {'yes' if f['headline'] else 'no'}"
    )


def members_of(event: Event, mentions: list) -> list:
    """The mentions an event was merged from, when the clusters are not at hand: same type,
    one of its sentences (a fallback; :func:`clusters_of` is exact)."""
    spans = {(s.start, s.end) for s in event.mentions}
    return [m for m in mentions if m.event_type == event.event_type and m.span is not None and (m.span.start, m.span.end) in spans]


def _head_first(members: list, event: Event) -> list:
    """``members`` with the mention the event was headed by first (the screen re-heads an event
    whose head fails its sense check: :func:`reheaded`)."""
    trig = event.trigger
    if not members or not event.mentions or (members[0].text == trig and members[0].span == event.mentions[0]):
        return members
    k = next((i for i, m in enumerate(members) if m.text == trig and m.span == event.mentions[0]), 0)
    return [members[k]] + [m for i, m in enumerate(members) if i != k] if k else members


def clusters_of(work: Work) -> list[list]:
    """The mention clusters of ``work.events``, in order (the merge stage's own clustering)."""
    from .merge import work_clusters

    events = work.events or []
    clusters = work_clusters(work)
    if len(clusters) == len(events) and all(c[0].event_type == e.event_type for c, e in zip(clusters, events)):
        return [_head_first(c, e) for c, e in zip(clusters, events)]
    return [members_of(e, work.mentions or []) for e in events]


# (alphabetical)
MONTHS = frozenset("april august december february january july june march may november october september".split())


def _title_cased(sent: Any) -> bool:
    """A headline in title case ("Medvedev Approves Treaties"): capitals say nothing of names
    (computed once per sentence)."""
    def compute() -> bool:
        words = [t for t in sent if t.is_alpha and len(t) > 3]
        return len(words) >= 3 and sum(t.is_title or t.is_upper for t in words) >= 0.8 * len(words)

    return remembered(sent.doc, ("screen.title_cased", sent.start, sent.end), compute)


def _in_name(tok: Any) -> bool:
    """The trigger is part of a proper name ("the Georgia Bureau of Investigation", "the
    March of Dimes") or of a date ("on March 4")."""
    if not (tok.is_title or tok.is_upper):
        return False
    sent = sent_of(tok)
    if tok.i == sent.start or _title_cased(sent):
        return False
    if tok.ent_type_ in NAME_LABELS or (tok.ent_type_ == "DATE" and tok.lower_ in MONTHS):
        return True
    # a capitalised noun with a capitalised "of" complement: "the March of Dimes"
    return tok.pos_ == "PROPN" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(p.pos_ == "PROPN" and p.is_title for p in c.children)
        for c in tok.children
    )


_MODALS = frozenset("could would may might should will can must".split())


def _modal_or_conditional(tok: Any) -> bool:
    """The trigger's clause is modal or conditional ("could be charged", "if convicted")."""
    tt = token_table(tok.doc)
    dep, lower = tt.dep, tt.lower
    cur = tok.i
    for _ in range(3):
        for c in tt.children[cur]:
            if (dep[c] == "aux" and lower[c] in _MODALS) or (dep[c] == "mark" and lower[c] in ("if", "unless", "whether")):
                return True
        if tt.head[cur] == cur:
            break
        cur = tt.head[cur]
    return False


def _noun_modifier(tok: Any) -> bool:
    """A noun trigger that only modifies or is governed by a preposition ("rape investigation",
    "in favour of impeachment"): it names a topic more often than it reports a happening."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("compound", "amod", "nmod", "poss", "pobj", "appos", "npadvmod")


def _quoted(tok: Any) -> bool:
    doc = tok.doc
    tt = token_table(doc)
    before = span_text(doc, tt.sent_bounds[tt.sent_of[tok.i]][0], tok.i)
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


# Bodies of local administration: a council approving a budget or a board meeting is not
# an event PLOVER codes (the labelling rules of precision-dev), though a court, police or
# government act is.
LOCAL_BODIES = frozenset(
    """council councilman councilwoman councillor councilor councilmen board commission commissioner
    commissioners township village selectman selectmen alderman aldermen trustee trustees
    superintendent district school zoning utility utilities committee""".split()
)
_REPORTING = frozenset("say tell report announce add state claim confirm note explain write insist".split())


def _subject(tok: Any) -> Optional[Any]:
    """The grammatical subject of a trigger: its own (verb), its possessor (noun), or the
    subject of the verb it hangs from (an object noun, an infinitive, a conjunct)."""
    doc = tok.doc
    tt = token_table(doc)
    dep, lower = tt.dep, tt.lower
    cur = tok.i
    # (read off the TokenTable; ``cur.head is not cur`` held for every Token object, a new
    # one each time, so it is no condition here either)
    for _ in range(3):
        for c in tt.children[cur]:
            if dep[c] in ("nsubj", "nsubjpass", "agent") and lower[c] not in ("that", "which"):
                return doc[c]
            if tt.pos[cur] in ("NOUN", "PROPN") and dep[c] == "poss":
                return doc[c]
        if dep[cur] in ("dobj", "xcomp", "conj", "attr"):
            cur = tt.head[cur]
        elif dep[cur] in ("relcl", "acl"):
            return doc[tt.head[cur]]
        else:
            return None
    return None


def _political_np(head: Any) -> bool:
    """A noun phrase that names a state, its organs, officials or a people."""
    for t in [head, *(c for c in head.children if c.dep_ in ("compound", "amod", "poss", "nmod"))]:
        classes = senses.semantic_classes(t)
        if "polity" in classes or (t.ent_type_ in ("GPE", "NORP") and senses.names_country(t.text)):
            return True
    return False


def _main_clause(tok: Any) -> bool:
    """The trigger is a main predication: the root, a conjunct of it, or the clause a
    reporting verb reports ("officials said troops withdrew")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if tok.dep_ == "ROOT":
        return True
    if tok.dep_ == "conj" and tok.head.dep_ == "ROOT":
        return True
    return tok.dep_ in ("ccomp", "parataxis") and tok.head.lemma_.lower() in _REPORTING


def _local_body(event: Event, toks: list) -> bool:
    words = {w.strip(".,;:").lower() for e in event.actor for w in e.text.split()}
    for t in toks:
        subj = _subject(t)
        if subj is not None:
            words.update(x.lower_ for x in subj.subtree)
    return bool(words & LOCAL_BODIES)


# verbs and nouns whose topic is a risk warned of or feared ("the threat he has warned about",
# "warned of the danger", "fears of a threat"): the warning is the act (its own trigger), the risk
# is only what it is about
RISK_TOPIC_HEADS = frozenset({"warn", "warning", "caution", "alert", "fear", "worry", "concern"})


def _risk_statement(tok: Any) -> bool:
    """Whether a trigger is a risk noun that a copular or risk verb only states: its object or
    attribute ("Russia poses a threat", "they are a danger to ...") or the verb of a relative
    clause on it ("the threat it poses to the press"); or a risk that a warning or fear is
    about ("the threat he has warned about", "warned of the danger").  A threat uttered ("a
    threat to strike" from a speaker, "issued a threat") has another verb and stays an event."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in RISK_NOUNS:
        return False
    if any(c.dep_ == "relcl" and c.lemma_.lower() in RISK_VERBS | RISK_TOPIC_HEADS for c in tok.children):
        return True
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ("of", "about", "against") and head.head.lemma_.lower() in RISK_TOPIC_HEADS:
        return True
    return (tok.dep_ in ("dobj", "attr", "oprd", "acomp") and head is not tok
            and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in RISK_VERBS)


def _warning_of_risk(tok: Any) -> bool:
    """A warning whose topic is a risk ("the threat she has been warning about", "warned of
    the danger"): cautioning about a risk is no threat of action by the speaker (PLOVER
    THREATEN: a threat to act).  "Warned that it would retaliate" has no risk noun and stays."""
    if tok.lemma_.lower() not in RISK_TOPIC_HEADS:
        return False
    if tok.dep_ == "relcl" and tok.head.lemma_.lower() in RISK_NOUNS:
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("of", "about", "against")
               and any(p.dep_ == "pobj" and p.lemma_.lower() in RISK_NOUNS for p in c.children)
               for c in tok.children)


# A truce made is political whoever the report names as its parties ("a ceasefire was reached
# late on Friday"): PLOVER codes the truce, ACLED an agreement between the sides of a conflict.
TRUCE_NOUNS = frozenset("truce ceasefire cease-fire armistice".split())
TRUCE_TYPES = frozenset({"AGREE", "RETREAT"})
TRUCE_DEALS = frozenset("agreement deal accord pact".split())
TRUCE_VERBS = frozenset("make agree reach sign declare broker conclude strike seal announce".split())


def _names_truce(tok: Any) -> bool:
    """Whether a trigger tells a truce made, agreed or reached: a truce noun that is the object
    (or passive subject) of such a verb ("a truce was agreed", "they reached a ceasefire"), or such a
    verb with a truce noun as its object or as the object of its "to"/"on" ("agreed to a truce")."""
    def named(t: Any) -> bool:
        return t.lemma_.lower() in TRUCE_NOUNS or t.lower_ in TRUCE_NOUNS or hyphen_lemma(t) in TRUCE_NOUNS

    def truce(t: Any) -> bool:  # "a truce", "a ceasefire agreement"
        return named(t) or (t.lemma_.lower() in TRUCE_DEALS
                            and any(c.dep_ in ("compound", "amod") and named(c) for c in t.children))

    if truce(tok):
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ in ("to", "on", "upon") and head.head.i != head.i:
            head = head.head
        elif tok.dep_ not in ("dobj", "nsubjpass"):
            return False
        return head.i != tok.i and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in TRUCE_VERBS
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in TRUCE_VERBS:
        return False
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass") and truce(c):
            return True
        if c.dep_ == "prep" and c.lower_ in ("to", "on", "upon") and any(p.dep_ == "pobj" and truce(p) for p in c.children):
            return True
    return False


def _protest_noun(tok: Any) -> bool:
    """Whether a noun names a protest ("staged a sit-in", "held a rally"): the object of a light verb."""
    lemmas = {tok.lemma_.lower(), hyphen_lemma(tok) or ""}
    return any(o.event_type == "PROTEST" for lemma in lemmas if lemma for o in codebook.senses(lemma, "NOUN"))


def _casualty_figure(sent: Any) -> bool:
    """The sentence tells a figure: a number that is no date, time or sum ("30 lives", "dozens")."""
    return any((t.like_num or t.lower_ in ("dozens", "scores", "hundreds", "thousands"))
               and t.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL") for t in sent)


def event_features(event: Event, members: list, rel: float, headline: float) -> tuple[dict[str, float], Optional[str]]:
    """The features of one event and the reason it is held back (None: counted)."""
    ents = list(event.actor) + list(event.recipient)
    toks = [m.trigger for m in members] or []
    political, pol_sentence, arg_classes, words = _sense_context(event, toks)
    victim = any(senses.victim(e) for e in ents) or "person" in arg_classes
    crime_cue = any(words.of(tok)[_CRIME_LEMMA] for tok in toks)
    held: Optional[str] = None
    checks = _member_checks(event, members, political or pol_sentence, words)
    sense_ok = float(any(ok for ok, _ in checks))
    failed = sense_failure(checks)
    if failed:
        held = f"trigger sense: {failed}"
    held = held or head_held(["a statement that something is a threat or risk, not an act of threatening"
                              if _risk_statement(t) else
                              "a warning about a threat or risk that others pose, not a threat to act"
                              if event.event_type == "THREATEN" and _warning_of_risk(t) else None for t in toks])
    held = held or head_held(["the trigger is part of a name, not an event" if _in_name(t) else None for t in toks])
    if event.event_type == "ASSAULT" and event.mode != "firearms":
        held = held or head_held([f"harm caused by an accident, a fire, a disease or a natural force ('{cause}'), "
                                  "not by an actor's violence" if (cause := senses.accident_cause(t)) and not _crime_told(t)
                                  else None for t in toks])
    # harm a person does to themselves ("hanged himself in his cell") is a suicide, not violence
    # between parties; a shooting stays gun violence (GVC codes it) and a bomber who blows
    # himself up stays an attack
    if event.event_type == "ASSAULT" and event.mode not in ("firearms", *WEAPON_MODES) and not any(
            senses.names_firearm(sent_of(t)) for t in toks):
        held = held or head_held([f"harm done to oneself ('{t.text} {pron}'): a suicide or self-harm, "
                                  "not violence against another" if (pron := senses.self_inflicted(t)) else None
                                  for t in toks])
    # a bomb going off is violence; so are shells or missiles named as landing (a weapon noun is
    # an attack only as a clause's subject or object: senses.yaml) and an attack by a weapon or
    # armed unit ("a helicopter dropped ..."); a verb alone ("bombards us with offers") is not
    weapon_attack = event.event_type == "ASSAULT" and (
        event.mode in WEAPON_MODES
        or (event.mode in ("heavy-weapons", "aerial") and bool(toks) and all(t.pos_ != "VERB" for t in toks))
        # a chemical agent used as a weapon: ACLED codes it whoever used it, named or not
        or (event.acled.sub_event_type == "Chemical weapon" and bool(toks) and all(t.pos_ != "VERB" for t in toks))
        or any("armed" in senses.semantic_classes(subj) for subj in map(_subject, toks) if subj is not None))
    # a person as a party makes a crime event only of physical violence; an accusation, an
    # occupation or a sanction with no political actor needs words of crime or violence
    # those who demonstrate are protesters: a protest verb with no object of its own ("residents
    # demonstrated against ...", not "demonstrated their skills") or a protest noun, with its actor named
    protesters = event.event_type == "PROTEST" and bool(event.actor) and bool(toks) and not any(
        c.dep_ == "dobj" and not _protest_noun(c) for t in toks if t.pos_ == "VERB" for c in t.children)
    # violence with a casualty figure told ("a massacre claimed 30 lives") is political violence whoever
    # did it: ACLED codes it with an unidentified actor when none is named (a figure in words of the
    # sentence: the one victim a verb of killing implies is no figure, "decapitated its board")
    casualties = event.event_type == "ASSAULT" and (event.size.dead is not None or event.size.injured is not None) \
        and any(_casualty_figure(sent_of(t)) for t in toks)
    violent_party = crime_cue or weapon_attack or (victim and event.event_type == "ASSAULT") or protesters or casualties
    truce = event.event_type in TRUCE_TYPES and any(_names_truce(t) for t in toks)
    # so is a deal ACLED types as an Agreement between the sides of a conflict (its sentence tells a
    # ceasefire, peace, surrender, evacuation, prisoners or hostages: acled_rules' conflict_deal)
    conflict_deal = event.event_type == "AGREE" and event.acled.sub_event_type == "Agreement"
    truce = truce or conflict_deal
    if not (political or pol_sentence or truce) and not (event.event_type in VIOLENT_TYPES and violent_party):
        held = held or ("no political actor (state, official, party, armed group, organisation, protesters), "
                        "no victim of violence and no words of crime")
    # a military withdrawal told beside armed actors ("fighters moved in after the rival group withdrew")
    # is one between armed sides, whoever the parser made its subject
    armed_withdrawal = event.event_type == "RETREAT" and event.mode == "withdraw" and any(
        _names_armed_actor(sent_of(t)) for t in toks)
    # the verbal and cooperative types need a party that resolves to a political actor by a
    # resolution a reader would accept (parties.party_kind: not a town standing for its country,
    # a fragment of a person's name or a common noun matched to a listed group)
    party_political = any(political_party(e) for e in ents) or "polity" in arg_classes
    if (event.event_type in VERBAL_TYPES and not party_political and not armed_withdrawal and not truce
            and not any(_names_polity(sent_of(t)) for t in toks)):
        held = held or (f"a {event.event_type} event needs an actor or recipient that is a political actor "
                        "(a state, official, party, armed group or organisation) or a sentence that names a country; "
                        f"a role word alone is not enough (parties: {kinds_told(ents)})")
    # a speech act or a cooperative one needs an agent: an actor that is only an abstraction
    # ("the building of settlements was not helping peace") agrees, helps or supports nothing
    if event.event_type in VERBAL_TYPES and event.actor and toks and all(
            abstract_actor(a, toks[0].doc) for a in event.actor):
        held = held or (f"a {event.event_type} event needs an agent as its actor: "
                        f"'{event.actor[0].text.strip()}' is an abstraction, not an actor")
    f = {
        "rel": rel,
        "political": float(political),
        "pol_sentence": float(pol_sentence),
        "actor_code": float(any(a.code for a in event.actor)),
        "recipient_code": float(any(r.code and not (r.id or "").startswith("place:") for r in event.recipient)),
        "victim": float(victim),
        "sense_ok": sense_ok,
        "verb": float(any(t.pos_ == "VERB" for t in toks)),
        "asserted": float(event.modality == Modality.asserted),
        "mode": float(event.mode is not None),
        "claimed": float(bool(event.claims)),
        "mentions2": float(len(event.mentions) > 1),
        "weight": max((m.weight for m in members), default=0.5),
        "crime_cue": float(crime_cue),
        "modal": float(any(_modal_or_conditional(t) for t in toks)),
        "money": float(any(words.of(tok)[_MONEY] for tok in toks)),
        "reader": float(any(words.of(tok)[_YOU] for tok in toks)),
        "noun_modifier": float(bool(toks) and all(_noun_modifier(t) for t in toks)),
        "speculative": float(any(words.of(tok)[_SPECULATIVE] for tok in toks)),
        "quoted": float(bool(toks) and all(_quoted(t) for t in toks)),
        "headline": headline,
        "actor_political": float(any(senses.political_actor(e) for e in event.actor)),
        "subject_political": float(any((sj := _subject(t)) is not None and _political_np(sj) for t in toks)),
        "main_clause": float(any(_main_clause(t) for t in toks)),
        "local_body": float(_local_body(event, toks)),
        "question": float(any(_question(t) for t in toks)),
        "weapon_noun": float(bool(toks) and all(t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in senses.ARMED_NOUNS
                                                 for t in toks)),
        "past": float(any(t.tag_ in ("VBD", "VBN") for t in toks)),
        "verbal_type": float(event.event_type in VERBAL_TYPES),
        # the head mention's own sense check, and the share of mentions whose check fails:
        # a failed head kept by passing mentions of other sentences is the commonest error left
        "head_sense_failed": float(bool(checks) and checks[0][0] is False),
        "head_sense_ok": float(bool(checks) and checks[0][0] is True),
        "failed_share": sum(ok is False for ok, _ in checks) / len(checks) if checks else 0.0,
        "mentions": min(1.0, (len(members) - 1) / 3.0) if members else 0.0,
        f"type:{event.event_type}": 1.0,
    }
    return f, held


_NOBODY = frozenset({"nobody", "none", "nothing", "noone"})


def reheaded(event: Event, members: list, article_id: str, published: Optional[str]) -> Optional[tuple[Event, list]]:
    """The event rebuilt with a new head, or None: when its head mention fails the trigger-sense
    check but most of its mentions pass (so :func:`sense_failure` does not hold it), the head is
    a stray sentence merged into a real incident ("prosecutors dropped the investigation" before
    the charges it had led to; "evading arrest" named as a count before the arrest), and the
    event takes its type, trigger, modality and key from the first mention that passes.  The
    stray mention stays among the event's reports, after the new head."""
    from .merge import build_event

    checks = _sense_checks(event, members)
    if not checks or checks[0][0] is not False or sense_failure(checks) is not None:
        return None
    passing = [i for i, (ok, _) in enumerate(checks) if ok is not False and not members[i].fallback]
    if not passing:
        return None
    # a passing mention that tells an act which happened ("is possible upon conviction" does not)
    k = next((i for i in passing if not unrealised(members[i].trigger) and not _negated_trigger(members[i])
              and not generic_statement(members[i].trigger)), passing[0])
    order = [members[k]] + [m for i, m in enumerate(members) if i != k]
    head = build_event(article_id, order, published)
    # what the head decides (key, trigger, modality, ACLED type); the rest stays the merge's
    return event.model_copy(update={"id": head.id, "trigger": head.trigger, "modality": head.modality,
                                    "acled": head.acled, "mentions": head.mentions}), order


def _no_participant(tok: Any) -> Optional[str]:
    """The words when the act's own participant is quantified by "no": a noun trigger with
    "no" ("no arrests were reported", "no injuries"), or a verb trigger whose subject is
    nobody ("no one was hurt", "nobody was injured", "no shots were fired"): none took place."""
    if tok.pos_ in ("NOUN", "PROPN"):
        det = next((c for c in tok.children if c.dep_ == "det" and c.lower_ == "no"), None)
        return f"{det.text} {tok.text}" if det is not None else None
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    for c in tok.children:
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if c.lower_ in _NOBODY or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children):
            return f"{' '.join(t.text for t in c.subtree)} ... {tok.text}"
    return None


def _negated_trigger(m: Any) -> Optional[str]:
    """The cue when a mention is negated by a negation on its own trigger ("had never been
    arrested", "would not be intimidated", "no strikes"): the act did not happen.  A
    negation elsewhere ("police were not linking the arrests to the protests", "denied the
    attack") says nothing against the act itself.  Nor does a verb of avoidance: "its
    peoples escaped the deportation inflicted on their neighbours" tells a deportation."""
    tok = m.trigger
    nobody = _no_participant(tok)
    if nobody:
        return f"negated: '{nobody}'"
    if m.modality == Modality.negated and negated_here(tok):
        neg = next((c for c in tok.children if c.dep_ in ("neg", "det", "advmod")
                    and c.lower_ in ("not", "n't", "never", "no")), None)
        return f"negated: '{neg.text if neg is not None else 'not'} {tok.text}'"
    return None


def _not_happened(event: Event, members: list) -> Optional[str]:
    """Why an event names an act that did not happen, or None: its head mention is planned,
    purposed, feared or possible (:func:`whimbrel.stages.generic.unrealised`) and at least
    half of its mentions are.

    A hypothetical event (a conditional or a modal on its head: "if convicted", "could have
    been charged") is held unless it is an ASSAULT: crime reports put real shootings under
    "whether" and "if" ("police are investigating whether she shot herself", "a possible
    shooting"), so violence keeps counting, with a lower confidence.  A future event stays
    counted (a scheduled meeting, an announced withdrawal).
    """
    if event.modality == Modality.hypothetical and event.event_type != "ASSAULT":
        return "hypothetical: a conditional or modal clause, not an act that happened"
    # a wish to do violence is told of violence done too ("he wanted to kill the children"
    # after he had killed their mother), so it holds no ASSAULT
    wishes = event.event_type != "ASSAULT"
    cue = head_held([unrealised(m.trigger, wishes=wishes) for m in members])
    if cue:
        return f"not an act that happened ({cue})"
    cue = head_held([_negated_trigger(m) for m in members])
    return f"not an act that happened ({cue})" if cue else None


class ScreenStage:
    """Relevance, trigger senses, political actors, generic statements and confidence."""

    name: ClassVar[str] = "screen"
    needs: ClassVar[tuple[str, ...]] = ("doc", "mentions.resolved", "events.merged")
    gives: ClassVar[tuple[str, ...]] = ("events.screened",)

    def __call__(self, work: Work) -> Work:
        models = load_models()
        doc = work.doc
        mentions = work.mentions or []
        af = article_features(doc, mentions, work.article.title)
        n_sents = len(doc_sents(doc))
        rel = models.relevance.score(af)
        scored = n_sents >= MIN_SENTENCES
        relevant = not scored or rel >= models.relevance_threshold
        reason = relevance_reason(rel, af) + ("" if n_sents >= MIN_SENTENCES else f" (not applied: under {MIN_SENTENCES} sentences)")
        work.article = work.article.model_copy(update={"relevance": round(rel, 3), "relevance_reason": reason})
        from .merge import _calendar_day, unique_ids

        published = _calendar_day(work.article.published)
        out, starts = [], []
        for ev, members in zip(work.events or [], clusters_of(work)):
            feats, held = event_features(ev, members, rel if n_sents >= MIN_SENTENCES else 1.0, af["headline"])
            if feats["head_sense_failed"] and held is None and (new := reheaded(ev, members, work.article.id, published)):
                ev, members = new
                feats, held = event_features(ev, members, rel if n_sents >= MIN_SENTENCES else 1.0, af["headline"])
            starts.append(members[0].start if members else 0)
            # the within-sentence ranking is scored before the holds (it never saw them)
            update: dict[str, Any] = {"salience": round(models.ranking.score(feats), 3)}
            cue = head_held([generic_statement(m.trigger) for m in members])
            if cue and ev.modality == Modality.asserted:
                update["modality"] = Modality.generic
                held = held or cue
            held = held or _not_happened(ev, members)
            if not relevant:
                held = held or f"article not about political events ({reason})"
            elif scored and ev.event_type in VERBAL_TYPES and rel < models.verbal_threshold:
                held = held or (f"article relevance under the bar of verbal and cooperative events "
                                f"({models.verbal_threshold:.2f}; {reason})")
            update["held"] = held
            # the calibrated probability knows whether a rule holds the event (feature ``held``)
            feats["held"] = float(held is not None)
            update["confidence"] = round(models.event.score(feats), 3)
            out.append(ev.model_copy(update=update))
        work.events = unique_ids(out, starts) if len(starts) == len(out) else out
        return work


__all__ = ["ScreenStage", "article_features", "event_features", "members_of", "head_held", "relevance_reason", "sense_failure"]
