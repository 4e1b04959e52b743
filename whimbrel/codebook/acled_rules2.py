"""The ACLED layer, second part: the note's own conventions, and refinements of a rule's decision.

:mod:`~whimbrel.codebook.acled_rules` decides an event's ACLED type by the first rule of its
table that fits.  Some distinctions of ACLED's codebook show only once that decision is known,
or in a convention of the text rather than in the event's own words.  :func:`acled_coding`
here wraps the first part's and adds them:

* **Cue conventions** (:data:`CUE_CONVENTIONS`), applied before the rule table: ACLED writes
  a demonstration's crowd size into its notes as ``[size=...]`` ("[size=no report]",
  "[size=around 300]") and into no other event's.  A report that carries the tag is about a
  demonstration, so its events are read as told in a protest (the cue ``protest``): the
  protest rules decide whether the police intervened, used lethal force, or the crowd rioted.
* **Refinements** (:data:`REFINEMENTS`), applied after it: a rule's decision that ACLED's
  definitions narrow.  Each names the rules whose decisions it may change.

The cue phrases of this part (:data:`EXTRA_CUE_PHRASES`) are matched by the same stage as the
first part's (:mod:`whimbrel.stages.acled_cues`); a name already in
:data:`~whimbrel.codebook.acled_rules.CUE_PHRASES` gets more phrases, a new name is a cue of
this part only.  ``docs/acled.md`` renders both parts.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Callable, Iterable, Mapping, Optional, Sequence

from ..records import AcledType
from ._tables import ARMED_SECTORS
from .acled_rules import CUES, AcledCues, AcledFacts, _inters, _norm, acled_coding as _coding_part1, disorder_type, \
    interaction

EXTRA_CUE_PHRASES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    # a base set up: "installed" is a verb of setting up too
    "base": ("install|installed ... base|camp|headquarters|post|outpost|command|checkpoint",
             "set up ... command|garrison|barracks|stronghold", "establish ... command|garrison|barracks|stronghold",
             "open ... command|garrison|barracks"),
    # South Asian English names a protest an agitation ("agitating students")
    "protest": ("agitation", "agitate", "agitating", "agitator"),
    # armed men flushed out of a place: the place taken from them
    "took": ("flush out", "flush ... out", "flush ... from"),
    # an attack met and fought back: the defender fought (ACLED: an armed clash needs two armed sides)
    "repelled": ("repel", "repulse", "beat back", "fend off", "fight off", "fought off",
                 "push back ... attack|assault|offensive|raid|incursion|advance"),
    # agents named by their class or effect, and other agents of the codebook's chemical weapons
    "chemical": ("chloropicrin", "toxic substance", "poisonous substance", "chemical agent", "toxic agent",
                 "cyanide", "vx", "lewisite", "toxic fumes"),
    # policing of a crowd: the hyphenated verb ("tear-gassed"), South Asia's lathi and cane charges
    "intervention": ("tear-gas", "tear - gas", "lathi", "lathi-charge", "lathicharge", "baton-charge",
                     "baton charge", "cane-charge", "pepper spray", "pepper-spray", "push ... back",
                     "clear ... sit-in|camp|protest|protester|demonstrator|square|encampment|blockade"),
    # weapons stopped: told as a noun, by a phrasal verb, with the weapon first ("a bomb was found and
    # dismantled"), or a seizure of launchers, guns and munitions beyond the first part's few words
    "disrupted": ("interception", "defusal", "downing of", "shootdown", "shoot-down", "bring down",
                  "bring ... down", "shoot ... down", "knock ... out of the sky",
                  "bomb|device|explosive|ied|mine|grenade ... discover|dismantle|defuse|disarm|deactivate|neutralise|"
                  "neutralize|find",
                  "deactivate|neutralise|neutralize|disarm ... bomb|device|explosive|ied|mine|landmine",
                  "seize|recover|confiscate|find ... launcher|gun|pistol|munition|ammunition|mortar|rpg|detonator",
                  "crate|stockpile|haul of ... ammunition|weapon|arm|explosive|munition"),
    # pledging allegiance is an armed group's act (ACLED: a change to group/activity)
    "armed_group": ("pledge allegiance", "allegiance to"),
    "mob": ("lynching", "lynch mob"),
    # a charge by police with sticks (South Asia's lathi charge, a baton charge): a crowd's policing
    "crowd_charge": ("lathi", "lathi-charge", "lathicharge", "baton-charge", "baton charge", "cane-charge",
                     "lathi - charge", "baton - charge", "cane - charge"),
    # a demonstration that turns destructive: offices ransacked, property vandalised
    "violent": ("ransack", "vandalise", "vandalize", "vandalism"),
    # a group re-formed (reunited, unified) is a change to the group too
    "group_change": ("reunite", "reunification", "unify ... under|into", "unification"),
    # a person made to disappear: forcibly disappeared, gone missing, whereabouts unknown
    "abduct": ("forcibly disappear", "enforced disappearance", "forced disappearance", "go missing",
               "whereabouts ... unknown|unclear|unaccounted"),
    # a place entered or occupied after the other side left: "moved into", "without meeting resistance"
    "handover": ("move into", "move in to"),
    "uncontested": ("without ... resistance", "without ... a fight", "meet no resistance", "face no resistance"),
    # a force from abroad arriving: a contingent, a multinational or stabilisation mission
    "peace_force": ("contingent", "multinational force", "multinational mission", "security mission",
                    "stabilisation mission", "stabilization mission"),
})
"""Cue name → phrases (lemmas), in the notation of :data:`~whimbrel.codebook.acled_rules.CUE_PHRASES`."""

CUE_MASKS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "chemical": ("tear gas", "tear-gas", "teargas", "pepper gas", "cs gas", "tear gas canister",
                 "tear gas shell", "tear gas cartridge"),
})
"""Cue name → phrases whose words are not read for that cue only: a "tear gas canister" is a riot-control
agent's canister (the ``riot_agent`` and ``intervention`` cues), not the "gas ... canister" of a chemical
weapon; the other cues still read the words."""

SYNTAX_CUES: Mapping[str, str] = MappingProxyType({
    "protest": "also read off the parse: a present participle of a demand verb (demand, denounce, protest, "
               "condemn, decry, chant ...) on a noun for people (\"fired at students demanding reforms\") or on "
               "the verb of an unarmed subject (\"ransacked the office, denouncing fraud\"): people pressing a "
               "demand as they act or are acted on are demonstrators (ACLED: a demonstration is a public "
               "gathering pressing a demand); not armed men's demands, nor a demand for a ransom or money",
})
"""Cues of the first part that the stage also gives from the sentence's syntax: cue name → how."""

SIZE_TAG = "size_tag"
"""The cue the stage gives a report that carries ACLED's crowd-size tag (``[size=...]``)."""

CUE_CONVENTIONS: Mapping[str, tuple[str, str]] = MappingProxyType({
    SIZE_TAG: ("protest", "ACLED records a crowd's size (\"[size=no report]\", \"[size=several hundred]\") in the "
                          "notes of demonstration events only (Protests and Riots): a report that carries the tag "
                          "tells a demonstration, so its events are read as told in a protest"),
})
"""Cue of a text convention → (the cue it stands for, why)."""

ARGUMENT_CUES2: Mapping[str, str] = MappingProxyType({
    "labour_strike": "the event's trigger is the verb \"strike\" with people (not armed men, not weapons) as its "
                     "subject and no object or target of its own (\"teachers strike over unpaid wages\"): a "
                     "work stoppage, not an attack",
    "aircraft_subject": "the subject of the event's trigger (or the agent of a passive one) is an aircraft or a "
                        "drone (\"its jets destroyed rebel positions\")",
    "artillery_subject": "the subject of the event's trigger (or the agent of a passive one) is a shell, rocket, "
                         "missile or mortar (\"rockets destroyed two houses\")",
})
"""Cues the stage reads off the trigger's own arguments for this part (as the first part's ARGUMENT_CUES)."""

PART2_CUES: frozenset[str] = frozenset(EXTRA_CUE_PHRASES) | frozenset(CUE_CONVENTIONS) | frozenset(ARGUMENT_CUES2)


@dataclass(frozen=True)
class Refinement:
    """A change of one rule's decision that ACLED's definitions make."""

    id: str
    after: frozenset[str]
    """Ids of the first part's rules whose decision it may change."""
    when: str
    test: Callable[[AcledFacts, AcledType], bool]
    result: tuple[str, str]
    definition: str


def _armed_party(f: AcledFacts) -> bool:
    return bool((f.actors | f.recipients) & ARMED_SECTORS) or f.cue("armed_target", "armed_group")


REFINEMENTS: tuple[Refinement, ...] = (
    Refinement(
        "labour-strike", frozenset({"armed-or-civilian", "table"}),
        "an attack decided for the verb \"strike\" whose subject is people and which has no object or target, "
        "no one killed or hurt and no weapon named in the sentence",
        lambda f, a: f.cue("labour_strike") and not f.cue("harm", "harm_trigger", "air", "shelling", "explosive",
                                                          "small_arms", "lethal"),
        ("Protests", "Peaceful protest"),
        "Peaceful protest: demonstrators gather or act to press a demand without violence; a strike (a work "
        "stoppage) is such a protest."),
    Refinement(
        "destroyed-by-weapon", frozenset({"looting"}),
        "property destroyed whose destroyer (the trigger's subject, or a passive's agent) is an aircraft, a drone "
        "or a shell, rocket, missile or mortar",
        lambda f, a: f.cue("aircraft_subject"),
        ("Explosions/Remote violence", "Air/drone strike"),
        "Air/drone strike: an attack from the air, whatever it hit (property destroyed by an air strike is the "
        "air strike)."),
    Refinement(
        "destroyed-by-artillery", frozenset({"looting"}),
        "as above, the destroyer a shell, rocket, missile or mortar",
        lambda f, a: f.cue("artillery_subject"),
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        "Shelling/artillery/missile attack: long-range fire, whatever it hit."),
    Refinement(
        "destroyed-by-demonstrators", frozenset({"looting"}),
        "property burnt, smashed or looted by demonstrators or rioters themselves (a violent verb whose "
        "subject is protesters, rioters or a crowd)",
        lambda f, a: f.cue("protester_violence"),
        ("Riots", "Violent demonstration"),
        "Violent demonstration: demonstrators engage in violence or destruction of property (arson, vandalism, "
        "looting by the crowd); it is coded as the demonstration, not as separate property destruction."),
    Refinement(
        "repelled-attack", frozenset({"armed-or-civilian"}),
        "an attack decided as violence against civilians whose sentence tells it repelled, beaten back or "
        "fought off, with an armed party named",
        lambda f, a: a.sub_event_type == "Attack" and f.cue("repelled") and _armed_party(f),
        ("Battles", "Armed clash"),
        "Armed clash: armed, organised groups fight each other. An attack that is repelled was fought back, "
        "so both sides were armed; violence against civilians is one-sided."),
)
"""Refinements, tried in order after the first part's rule decided; the first that fits changes it."""


def _with_conventions(cues: frozenset[str]) -> frozenset[str]:
    extra = {meaning for name, (meaning, _why) in CUE_CONVENTIONS.items() if name in cues}
    return cues | extra


def acled_coding(
    etype: str,
    mode: Optional[str] = None,
    context: Iterable[str] = (),
    *,
    actor_sectors: Sequence[str] = (),
    recipient_sectors: Sequence[str] = (),
    trigger: Optional[str] = None,
    cues: Iterable[str] = (),
    claimant_sectors: Sequence[str] = (),
) -> AcledType:
    """The full ACLED coding of a PLOVER event: the first part's (same arguments), with the cue
    conventions applied before it and the refinements after (``rule`` names the refinement that
    changed a decision)."""
    found = _with_conventions(frozenset(cues))
    coded = _coding_part1(etype, mode, context, actor_sectors=actor_sectors, recipient_sectors=recipient_sectors,
                          trigger=trigger, cues=found, claimant_sectors=claimant_sectors)
    if coded.rule is None:
        return coded
    facts = AcledFacts(etype=etype.upper(), mode=mode, actors=_norm(actor_sectors), recipients=_norm(recipient_sectors),
                       cues=AcledCues(found & (CUES | PART2_CUES)))
    for ref in REFINEMENTS:
        if coded.rule in ref.after and ref.test(facts, coded):
            et, sub = ref.result
            i1, i2 = _inters(facts.actors, facts.recipients, et, sub)
            return AcledType(event_type=et, sub_event_type=sub, disorder_type=disorder_type(et, sub),
                             inter1=i1 or None, inter2=i2 or None, interaction=interaction(i1, i2) or None,
                             rule=ref.id)
    return coded


__all__ = ["ARGUMENT_CUES2", "CUE_CONVENTIONS", "CUE_MASKS", "SYNTAX_CUES", "EXTRA_CUE_PHRASES", "PART2_CUES", "REFINEMENTS", "Refinement", "SIZE_TAG",
           "acled_coding"]
