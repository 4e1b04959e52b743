"""The ACLED fallback: heads that report an ACLED event when no PLOVER trigger does.

ACLED codes every report of political violence, demonstrations and the strategic developments
its codebook lists, whatever words the report uses.  whimbrel's PLOVER lexicon misses some of
them ("was renamed", "control passed to", "looted shops", "a recruitment drive", a headline
whose verb the parser cannot read), and some sentences hold only an event PLOVER types but
ACLED does not (an accusation of "using poison gas").  For such a sentence, the stage
(:mod:`whimbrel.stages.acled_fallback`) looks for a **head** named here: a noun or verb of the
sentence that ACLED's own sub-event definitions are written in (their instruments, outcomes,
crowds and group changes), used as an event (an argument of a verb, the verb itself, or a
participle on a noun), asserted (not negated, not under a modal or an intention verb).  The head
is given the PLOVER type and mode below and typed by the ordinary ACLED rules
(:data:`~whimbrel.codebook.acled_rules.RULES`), with the cues of its own sentence, so the
distinctions of those rules (grenade or IED, battle or attack, violent or peaceful protest)
hold for fallback events too.

A head with a ``needs`` cue counts only where that cue is in the sentence: "gas" is a head with
a chemical agent named, "control" with a hand-over, "name" with a group change.

The words come from the codebook's definitions (our paraphrase in ``docs/acled.md``), not from
the sentences of any development set.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping, Optional


@dataclass(frozen=True)
class FallbackHead:
    """One head word: the PLOVER type and mode it stands for, and the cue it needs, if any."""

    event_type: str
    mode: Optional[str]
    rank: int
    """Lower first: when a sentence has several heads, the most specific one carries the type."""
    needs: tuple[str, ...] = ()
    """Cue names of which one must be in the sentence (:data:`~whimbrel.codebook.acled_rules.CUE_PHRASES`)."""
    group: str = ""


def _heads(words: str, event_type: str, mode: Optional[str], rank: int, group: str,
           needs: tuple[str, ...] = ()) -> dict[str, FallbackHead]:
    return {w: FallbackHead(event_type, mode, rank, needs, group) for w in words.split()}


_TABLE: dict[str, FallbackHead] = {}
# Explosions/Remote violence: the instruments of its sub-event definitions, used (a weapon that hits,
# is fired, dropped or set off, or harm done in the sentence): a weapon merely named is no attack
_USED = ("harm", "weapon_use")
_TABLE.update(_heads("chlorine sarin phosgene", "ASSAULT", None, 0, "instrument", _USED))
_TABLE.update(_heads("gas agent", "ASSAULT", None, 0, "instrument", ("chemical", "riot_agent")))
_TABLE.update(_heads("grenade", "ASSAULT", "explosives", 0, "instrument", _USED))
_TABLE.update(_heads("airstrike warplane drone helicopter gunship bomber jet aircraft quadcopter uav",
                     "ASSAULT", "aerial", 1, "instrument", _USED))
_TABLE.update(_heads("shelling shell artillery mortar rocket missile bombardment barrage howitzer katyusha",
                     "ASSAULT", "heavy-weapons", 1, "instrument", _USED))
_TABLE.update(_heads("bomb bombing ied explosive landmine blast explosion", "ASSAULT", "explosives", 2,
                     "instrument", _USED))
# Strategic developments whose definitions name no attack
_TABLE.update(_heads("rename merge merger unite appoint appointment name recruit recruitment leadership split replace succeed "
                     "alliance ally",
                     "MOBILIZE", None, 1, "group", ("group_change",)))
_TABLE.update(_heads("reunite unify reunification unification", "MOBILIZE", None, 1, "group", ("group_change",)))
_TABLE.update(_heads("base headquarters camp post outpost centre center garrison barracks", "MOBILIZE", None, 1, "group",
                     ("base",)))
_TABLE.update(_heads("control pass", "RETREAT", "withdraw", 1, "territory", ("handover",)))
# a taking told as a noun ("the capture of the port by insurgents", "the fall of the town to the rebels")
_TABLE.update(_heads("capture recapture takeover fall", "ASSAULT", None, 1, "nominal_taking", ("took", "retook")))
_TABLE.update(_heads("drive push force expel flush", "ASSAULT", None, 1, "taking", ("took", "retook")))
# "ousted": a side driven out of a place, or (a coup named) a government or head of state overthrown
_TABLE.update(_heads("oust", "ASSAULT", None, 1, "taking", ("took", "retook", "coup")))
_TABLE.update(_heads("turn", "MOBILIZE", None, 1, "group", ("base",)))
_TABLE.update(_heads("hand", "RETREAT", "withdraw", 1, "territory", ("place_object",)))
_TABLE.update(_heads("burn", "ASSAULT", "destroy", 2, "outcome", ("loot", "property_object")))
_TABLE.update(_heads("loot ransack plunder pillage torch raze vandalise vandalize deface", "ASSAULT", "destroy", 2,
                     "outcome"))
_TABLE.update(_heads("defuse intercept", "ASSAULT", None, 1, "outcome", ("disrupted",)))
# weapons stopped, told as a noun or by a verb whose object is a weapon ("the interception of three missiles",
# "air defences downed four drones")
_TABLE.update(_heads("interception defusal downing shootdown down recover find discover dismantle deactivate neutralise "
                     "neutralize", "ASSAULT", None, 1, "disrupting", ("disrupted",)))
_TABLE.update(_heads("lynching lynch", "ASSAULT", None, 2, "mob_act", ("mob",)))
# Violence against civilians and battles: what was done to people
_TABLE.update(_heads("abduct kidnap", "ASSAULT", "abduct", 2, "outcome"))
_TABLE.update(_heads("take", "ASSAULT", "abduct", 3, "outcome", ("taken_by_armed",)))
_TABLE.update(_heads("rape", "ASSAULT", "sexual", 2, "outcome"))
_TABLE.update(_heads("disappear disappearance", "ASSAULT", "abduct", 2, "disappearance", ("abduct",)))
_TABLE.update(_heads("kill wound injure shoot stab behead massacre hack murder", "ASSAULT", None, 3, "outcome"))
# gunfire heard or reported ("shots rang out", "reports of shots fired"): the ACLED rules decide what it is
_TABLE.update(_heads("shot gunshot gunfire", "ASSAULT", "firearms", 3, "gunfire", ("gunfire_heard",)))
# a coup (power seized, a government overthrown): a strategic development when no fighting is told
_TABLE.update(_heads("overthrow topple depose power stage", "COERCE", None, 2, "coup", ("coup",)))
# Protests and riots: the crowd named by its role
_TABLE.update(_heads("protester protestor demonstrator marcher", "PROTEST", None, 4, "crowd"))
_TABLE.update(_heads("rioter", "PROTEST", "riot", 4, "crowd"))
# a crowd charged by the police with sticks ("lathi-charged the protesters"): the protest rules decide
_TABLE.update(_heads("charge", "PROTEST", None, 3, "policing", ("crowd_charge",)))
_TABLE.update(_heads("gather assemble converge", "PROTEST", None, 4, "gathering", ("protest_purpose",)))
_TABLE.update(_heads("mob", "ASSAULT", None, 3, "crowd"))
# Strategic developments of armed forces' presence: a peace force arriving (PLOVER: the host lets it in),
# a drone or aircraft flying over a place with no weapon used
_TABLE.update(_heads("arrive", "RETREAT", "access", 1, "movement", ("peace_mover",)))
_TABLE.update(_heads("fly hover circle spot sight", "MOBILIZE", None, 4, "movement", ("aircraft_mover",)))

FALLBACK_HEADS: Mapping[str, FallbackHead] = MappingProxyType(_TABLE)
"""Head lemma → what it reports (see the module docstring)."""

NON_REALIS_GOVERNORS: frozenset[str] = frozenset(
    "threaten plan vow want intend promise fear warn deny plot seek try attempt aim prepare".split())
"""Verbs whose complement is no event that happened ("threatened to shell", "plans to recruit")."""

TEMPORAL_PREPOSITIONS: frozenset[str] = frozenset("after before since following until during amid".split())
"""Prepositions whose object is the time frame of what the sentence reports ("after the explosion,
the minister ..."), not its event."""

VERBAL_GROUPS: frozenset[str] = frozenset({"outcome", "taking"})
"""Head groups that count only as a verb or a participle ("were killed", "looted shops"): as a noun
("the wounded", "130 injured") they name people, not an act."""

RULE_ONLY_GROUPS: frozenset[str] = frozenset({"group", "territory", "taking", "movement", "gunfire", "coup",
                                              "policing", "nominal_taking", "disrupting", "mob_act"})
"""Head groups whose fallback event counts only when an ACLED rule (not the per-(type, mode) table)
types it: the MOBILIZE or RETREAT type given to "named" or "control" is the fallback's guess, so it is
the rule's condition (an armed group named, a place handed over) that makes it an ACLED event."""

ACTING_GROUPS: frozenset[str] = frozenset({"crowd"})
"""Head groups that count only as the subject of a verb: ACLED codes what the crowd did
("protesters blocked the road"), not what was done for or to them ("aid to protesters")."""

MODAL_WORDS: frozenset[str] = frozenset("will would could may might should can must shall".split())
"""Auxiliaries that make the verb they go with no report of a happening."""

FALLBACK_GROUPS: Mapping[str, str] = MappingProxyType({
    "instrument": "a weapon of Explosions/Remote violence (shelling, missile, air strike, drone, bomb, IED, "
                  "grenade, chemical agent) as a verb's argument",
    "group": "a change to an armed group (renamed, merged, new leader or commander, recruitment) or a base set up",
    "territory": "control of a place passed or handed over",
    "taking": "a side driven, pushed or forced out of a place (a verb)",
    "outcome": "what was done to people or property: killed, wounded, abducted, taken by armed men, raped, "
               "looted, torched, weapons defused or intercepted",
    "crowd": "protesters, rioters or a mob doing something",
    "gunfire": "shots, gunshots or gunfire heard or reported (\"shots rang out\", \"reports of shots fired\")",
    "coup": "a coup, or power seized or a government overthrown (\"seized power in a coup\", \"overthrew the "
            "government\")",
    "movement": "a peace force arriving (\"peacekeepers arrived in ...\"), or a drone or aircraft flying over or "
                "seen above a place: a verb whose subject names them",
    "nominal_taking": "a taking told as a noun: the capture, recapture, takeover or fall of a place",
    "disrupting": "weapons stopped, told as a noun (interception, defusal, downing) or by a verb of downing, "
                  "finding, recovering or dismantling, with weapons named (the cue)",
    "mob_act": "a lynching, told as a noun or a verb",
    "policing": "a crowd charged by the police with sticks (\"lathi-charged\", \"baton-charged\")",
    "disappearance": "a person disappeared with an abduction cue in the sentence (\"forcibly disappeared\", "
                     "\"whereabouts unknown\")",
    "gathering": "people gathering or assembling to press a demand (\"gathered to denounce\", \"assembled "
                 "against the law\")",
})
"""The head groups, in words (for ``docs/acled.md``)."""


LOCAL_CUES: Mapping[str, str] = MappingProxyType({
    "taken_by_armed": "the head is a passive verb whose subject is people and whose agent (\"by ...\") is people "
                      "other than the police or the courts (\"were taken from their homes by gunmen\")",
    "place_object": "the head's object is a place or a post (a named place, or a town, camp, base, checkpoint...)",
    "property_object": "the head's object (or the noun its participle is on) is property",
    "peace_mover": "the head is a verb whose subject names a peace force (%s)",
    "aircraft_mover": "the head is a verb whose subject (or passive subject: \"a drone was spotted\") names a "
                      "drone or an aircraft (%s)",
    "protest_purpose": "the gathering verb has a purpose clause whose verb presses a demand (%s) or an "
                       "\"against\" phrase",
})
"""Cues read off the head itself (not phrases of the sentence) that a row may need."""

PROTEST_PURPOSE_VERBS: frozenset[str] = frozenset(
    "denounce demand protest oppose condemn reject decry demonstrate call urge press voice".split())
"""Verbs of a gathering's purpose clause that make it a demonstration (ACLED: a public gathering
against a political entity, policy or group, or in support of a demand)."""

PEACE_FORCE_WORDS: frozenset[str] = frozenset("peacekeeper peacekeeping peace-keeping helmet contingent".split())
"""Lemmas of the subject of an arrival verb that name a peace force ("blue helmets", "peacekeeping troops")."""

AIRCRAFT_WORDS: frozenset[str] = frozenset(
    "drone warplane aircraft jet helicopter gunship uav quadcopter plane".split())
"""Lemmas of the subject of a flying verb that name a drone or an aircraft."""

LOCAL_CUES = MappingProxyType({
    **LOCAL_CUES,
    "protest_purpose": LOCAL_CUES["protest_purpose"] % ", ".join(sorted(PROTEST_PURPOSE_VERBS)),
    "peace_mover": LOCAL_CUES["peace_mover"] % ", ".join(sorted(PEACE_FORCE_WORDS)),
    "aircraft_mover": LOCAL_CUES["aircraft_mover"] % ", ".join(sorted(AIRCRAFT_WORDS)),
})


def fallback_head(lemma: str) -> Optional[FallbackHead]:
    """The fallback head of a lemma (lower case), if it is one."""
    return FALLBACK_HEADS.get(lemma)


__all__ = ["AIRCRAFT_WORDS", "PEACE_FORCE_WORDS", "ACTING_GROUPS", "FALLBACK_GROUPS", "LOCAL_CUES", "PROTEST_PURPOSE_VERBS", "RULE_ONLY_GROUPS", "FALLBACK_HEADS", "FallbackHead", "MODAL_WORDS",
           "NON_REALIS_GOVERNORS", "TEMPORAL_PREPOSITIONS", "VERBAL_GROUPS", "fallback_head"]
