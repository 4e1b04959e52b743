"""Trigger-sense checks of the screen (:mod:`whimbrel.stages.screen`): the per-sentence word
cues the screen reads (crime, commerce, reader, money, speculation; political actors named),
the sense context of an event's mentions, each mention's sense check
(:func:`whimbrel.stages.senses.check_sense`) and how the checks of a merged event's mentions
decide for the event (:func:`head_held`, :func:`sense_failure`).
"""

from __future__ import annotations

from typing import Any, Optional

from ..records import Event
from ..spacy_doc import remembered, sent_ents, token_table
from . import senses

CRIME_CUES = frozenset(
    """kill killed shoot shot shooting murder homicide slay slaying stab stabbing rape assault
    arrest arrested detain jail prison inmate charge charged indict indictment convict sentence
    court judge trial prosecutor police sheriff deputy officer trooper suspect victim crime criminal
    robbery rob burglary kidnap kidnapping hostage gun gunman gunfire weapon bomb bombing explosion
    attack attacker war troops soldier army military militant rebel insurgent airstrike missile
    protest protester demonstrator riot clash violence strike sanction ceasefire treaty
    election vote minister president government parliament senate congress lawmaker
    gunshot wound wounded die dead death injure injured injury hurt fatal firearm rifle pistol
    handgun bullet mob lynch lynching loot looting looter vandalise vandalize vandalism vandal torch
    arson arsonist rioter rioting torture tortured""".split()
)
COMMERCE_CUES = frozenset(
    """price buy sell sale product app device feature review game player team season fan league
    match recipe menu shop shopping store customer subscription download phone laptop camera
    movie film album song music concert festival fashion beauty workout diet vacation travel
    hotel restaurant ticket coupon newsletter inbox signup discount stream streaming""".split()
)
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself"})


def has_political_word(sent: Any) -> bool:
    """The sentence names a political actor: a role word of roles.yaml, a people, a country."""
    return political_at(sent.doc, sent.start, sent.end)


def political_at(doc: Any, start: int, end: int) -> bool:
    """:func:`has_political_word` of ``doc[start:end]``, computed once per sentence."""
    return remembered(doc, ("screen.political", start, end), lambda: political_words(doc, start, end))


def political_words(doc: Any, start: int, end: int) -> bool:
    for ent in sent_ents(doc, start, end):
        if ent.label_ in ("GPE", "NORP") and senses.names_country(ent.text):
            return True
    tt = token_table(doc)
    for i in range(start, end):
        if tt.ent_type[i] == "NORP":
            return True
        if senses.role_sector(tt.lemma[i]) in senses.POLITICAL_SECTORS or senses.role_sector(tt.lower[i]) in senses.POLITICAL_SECTORS:
            return True
    return False


class SentenceWords:
    """Per sentence of a Doc, the word cues the screen reads (computed once per Doc)."""

    def __init__(self, doc: Any) -> None:
        tt = token_table(doc)
        self.bounds = tt.sent_bounds
        self.sent_of = tt.sent_of
        rows = []
        for start, end in tt.sent_bounds:
            lemmas, lowers, ents = tt.lemma[start:end], tt.lower[start:end], tt.ent_type[start:end]
            rows.append((
                any(a in CRIME_CUES or b in CRIME_CUES for a, b in zip(lemmas, lowers)),  # crime (lemma or form)
                any(a in CRIME_CUES for a in lemmas),  # crime cue of an event (lemma)
                any(b in SECOND_PERSON for b in lowers),
                any(a in COMMERCE_CUES for a in lemmas),
                any(e == "MONEY" for e in ents),
                any(a in SPECULATIVE for a in lemmas),
                sum(a in CRIME_CUES for a in lemmas),  # how many crime-cue lemmas
            ))
        self.rows = rows

    def of(self, tok: Any) -> tuple:
        return self.rows[self.sent_of[tok.i]]


def sentence_words(doc: Any) -> SentenceWords:
    return remembered(doc, "screen.words", lambda: SentenceWords(doc))


_CRIME, _CRIME_LEMMA, _YOU, _COMMERCE, _MONEY, _SPECULATIVE, _N_CRIME = range(7)


def conflict_context(words: SentenceWords, tok: Any) -> bool:
    """The trigger's sentence has a word of violence, crime or justice besides the trigger
    itself: "attack" is a crime cue, so it cannot vouch for its own sense ("the team's
    attack looked tired" in a football report)."""
    own = tok.lemma_.lower() in CRIME_CUES
    return words.of(tok)[_N_CRIME] > (1 if own else 0)


def political_sentence(tok: Any) -> bool:
    start, end = token_table(tok.doc).sent_bounds[token_table(tok.doc).sent_of[tok.i]]
    return political_at(tok.doc, start, end)


SPECULATIVE = frozenset("likely unlikely fear concern worry possible possibly potential prospect risk chance perhaps maybe expect".split())


def head_held(cues: list[Optional[str]]) -> Optional[str]:
    """The reason a mention-level check holds a merged event, from its mentions' cues (head
    first; None: the mention passes), or None.

    The event takes its type, trigger and modality from its head mention, so a head that is
    no event (a risk stated, a name, a generic or unrealised act, a trigger in another
    sense) holds the event when at least half of its mentions are held too: a non-event
    statement does not become an event by merging with one or two other mentions.  A held
    head among more mentions that pass is a stray sentence merged into a real event ("the
    caller hung up" before five sentences of a shooting): the event stays counted.  A head
    that passes keeps the event.
    """
    if cues and cues[0] and 2 * sum(bool(c) for c in cues) >= len(cues):
        return cues[0]
    return None


def member_sense(m: Any, event_type: str, political: bool, context: bool) -> tuple[Optional[bool], str]:
    """:func:`senses.check_sense` of a mention's trigger for the event's type and, for a
    promise, threat, demand or refusal that a verbal frame made of another act, for that act
    too: refusing to release a name, or not providing details, is no refusal of a release or
    of aid, since releasing a name or providing details is none."""
    ok, why = senses.check_sense(m.trigger, event_type, political, context)
    source = getattr(m, "framed_from", None)
    if ok is not False and source and source != event_type:
        ok2, why2 = senses.check_sense(m.trigger, source, political, context)
        if ok2 is False:
            return False, f"{why2} (the act a {event_type} event is about)"
    return ok, why


def sense_failure(checks: list[tuple[Optional[bool], str]]) -> Optional[str]:
    """The reason an event fails its trigger-sense check, from the checks of its mentions
    (head first), or None: :func:`head_held` over the failed checks ("a horse was killed
    after being attacked": the killing of an animal, whatever "attacked" says).  An
    unconstrained head (``None``) is not a failure."""
    return head_held([reason if ok is False else None for ok, reason in checks])


def sense_context(event: Event, toks: list) -> tuple[bool, bool, frozenset, Any]:
    """What the sense checks of an event's mentions read: whether an actor, recipient or argument is
    a political actor, whether a trigger's sentence is political, the arguments' semantic classes,
    and the sentence words of the document (None without triggers)."""
    political = any(senses.political_actor(e) for e in list(event.actor) + list(event.recipient))
    arg_classes = frozenset().union(*[senses.semantic_classes(a) for t in toks for a in senses.arguments(t)]) if toks else frozenset()
    political = political or "polity" in arg_classes
    pol_sentence = any(political_sentence(t) for t in toks)
    return political, pol_sentence, arg_classes, (sentence_words(toks[0].doc) if toks else None)


def member_checks(event: Event, members: list, political: bool, words: Any) -> list[tuple[Optional[bool], str]]:
    """Each mention's trigger-sense check for the event's type."""
    return [member_sense(m, event.event_type, political, conflict_context(words, m.trigger)) for m in members]


def sense_checks(event: Event, members: list) -> list[tuple[Optional[bool], str]]:
    """Each mention's trigger-sense check for the event's type (as :func:`event_features` makes them)."""
    toks = [m.trigger for m in members]
    if not toks:
        return []
    political, pol_sentence, _, words = sense_context(event, toks)
    return member_checks(event, members, political or pol_sentence, words)


__all__ = ["COMMERCE_CUES", "CRIME_CUES", "SECOND_PERSON", "SPECULATIVE", "SentenceWords", "conflict_context",
           "has_political_word", "head_held", "member_checks", "member_sense", "political_at", "political_sentence",
           "sense_checks", "sense_context", "sense_failure", "sentence_words"]
