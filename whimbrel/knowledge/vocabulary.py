"""One vocabulary of reporting, hedging and number words, shared by the stages.

These are the word lists that decide who says so and how firmly: the verbs whose
clausal complement is what their subject asserts, the cues that hedge what they
report, and the adverbs/adjectives/raising verbs that weaken an assertion; and the
number words and multipliers every figure is read with.  This module is their single
source: claims, quotes, modality, triggers, arguments, dates, geoparse, numbers and
counts import them from here and keep no copies of their own.  A stage that needs a
narrower or wider set composes it from these (e.g. the trigger stage's "reporting verb
with a clause is not an event" is :data:`REPORTING_VERBS` less
:data:`VERBAL_ACT_REPORTING_VERBS`, plus :data:`COGNITION_VERBS`).

Everything is a lemma (lower case) unless the name says otherwise.
"""

from __future__ import annotations

#: Verbs whose clausal complement is what their subject asserts ("police said the man
#: fired"). The modality stage stops its hedge search at these.
REPORTING_VERBS: frozenset[str] = frozenset(
    """say tell announce state claim report confirm deny allege add accuse assert declare
    insist note explain write tweet post acknowledge admit maintain argue contend stress
    emphasize emphasise reiterate disclose reveal indicate affirm testify mention charge
    quote inform brief blame""".split()
)

#: Verbs that report what their subject says it *will* do ("warned it would respond",
#: "vowed that it would retaliate"): "would" in their complement is a backshifted "will",
#: and a pronoun subject of that complement is the speaker.
COMMITMENT_VERBS: frozenset[str] = frozenset("warn vow promise pledge predict".split())

#: Verbs of the speaker's own statements, reported or promised: :data:`REPORTING_VERBS`
#: and :data:`COMMITMENT_VERBS`.
SPEECH_VERBS: frozenset[str] = REPORTING_VERBS | COMMITMENT_VERBS

#: Verbs of opinion whose clause is not an event report of their own ("believe", "think").
COGNITION_VERBS: frozenset[str] = frozenset({"believe", "think"})

#: Reporting verbs whose report is itself a PLOVER verbal act (ACCUSE, REJECT): with a
#: clause they still name an event ("alleged that police beat him", "denied that ...").
VERBAL_ACT_REPORTING_VERBS: frozenset[str] = frozenset({"accuse", "allege", "blame", "charge", "deny"})

#: Lemma of "according" in "according to X" (a report whose verb is a preposition).
ACCORDING_LEMMA = "accord"

#: Verbs that attribute the content of their complement to their subject for the claims
#: stage, beyond :data:`REPORTING_VERBS`: evidence that "shows", a source that
#: "believes", "suggests", "recounts" or "concludes" ("court records show he was shot",
#: "police believe the shooting was accidental").
ATTRIBUTION_VERBS: frozenset[str] = REPORTING_VERBS | frozenset(
    """show believe suggest recount conclude determine estimate suspect
    characterize characterise describe recall""".split()
)

#: Reporting cues that hedge what they report.
HEDGING_CUES: frozenset[str] = frozenset({"claim", "allege", "accuse", "charge", "purport", "blame"})

#: Verbs that, as an agentless participle over the event ("the man suspected of
#: shooting", "is accused of killing"), report it from an unnamed source and hedge it.
SUSPICION_VERBS: frozenset[str] = frozenset({"suspect", "accuse", "allege", "charge", "believe"})

#: Adverbs that hedge an assertion.
HEDGE_ADVERBS: frozenset[str] = frozenset(
    """allegedly reportedly purportedly apparently supposedly possibly presumably seemingly
    ostensibly probably""".split()
)

#: Adverbs that hedge a claim because they say it comes from an unnamed source.
REPORT_ADVERBS: frozenset[str] = frozenset({"allegedly", "reportedly", "purportedly", "supposedly"})

#: Adjectives/participles that hedge a noun trigger.
HEDGE_ADJECTIVES: frozenset[str] = frozenset(
    """alleged suspected reported purported apparent unconfirmed possible presumed claimed
    supposed probable rumoured rumored""".split()
)

#: Adjectives on a report noun that hedge its content ("unconfirmed reports that ...").
UNVERIFIED_ADJECTIVES: frozenset[str] = frozenset(
    {"unconfirmed", "unverified", "uncorroborated", "unsubstantiated"}
)

#: Nouns that carry reported content ("reports that", "claims that").
REPORT_NOUNS: frozenset[str] = frozenset(
    """report claim allegation account rumor rumour statement assertion accusation""".split()
)

#: Passive verbs of the "X is said to have attacked" construction.
RAISING_HEDGE_VERBS: frozenset[str] = frozenset(
    """say believe think report allege rumor rumour suppose understand suspect presume
    claim know""".split()
)

#: Hedges that imply an unnamed source, so they give an anonymous claim.
REPORT_HEDGES: frozenset[str] = frozenset(
    {"reportedly", "allegedly", "purportedly", "reported", "alleged", "purported",
     "said to", "reported to", "alleged to", "believed to", "rumored to", "rumoured to",
     "thought to", "understood to", "claimed"}
)

#: Dependency labels that link a reporting verb to the clause it reports.
CLAUSAL_DEPS: frozenset[str] = frozenset({"ccomp", "parataxis", "xcomp", "dep"})

#: Phrases saying a report could not be checked ("could not be independently verified").
UNVERIFIED_PHRASES: tuple[str, ...] = (
    "could not be independently verified",
    "could not be verified",
    "could not independently verify",
    "has not been independently verified",
    "have not been independently verified",
    "could not be independently confirmed",
    "could not be confirmed",
)

# --------------------------------------------------------------------------- numbers

#: Number words below twenty.
NUMBER_UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
#: Tens.
NUMBER_TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
#: Multipliers ("two hundred", "3 million").
MULTIPLIERS: dict[str, int] = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
#: Vague plurals at their smallest reading ("dozens" is at least two dozen).
VAGUE_QUANTITIES: dict[str, int] = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2_000_000,
    "several": 3, "tens": 20,
}
#: Words that multiply an event ("a double homicide", "a triple shooting").
MULTIPLE_WORDS: dict[str, int] = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
#: Nouns for two people ("the couple", "a pair").
PAIR_NOUNS: frozenset[str] = frozenset({"couple", "pair", "duo"})
#: Nouns that count a group ("a dozen", "thousands of", "a handful of").
QUANTITY_NOUNS: frozenset[str] = frozenset(
    "thousand hundred dozen ten score million number group crowd handful couple lot".split()
)

__all__ = [
    "ACCORDING_LEMMA",
    "COGNITION_VERBS",
    "COMMITMENT_VERBS",
    "MULTIPLE_WORDS",
    "MULTIPLIERS",
    "PAIR_NOUNS",
    "NUMBER_TENS",
    "NUMBER_UNITS",
    "QUANTITY_NOUNS",
    "SPEECH_VERBS",
    "VAGUE_QUANTITIES",
    "VERBAL_ACT_REPORTING_VERBS",
    "ATTRIBUTION_VERBS",
    "CLAUSAL_DEPS",
    "HEDGE_ADJECTIVES",
    "HEDGE_ADVERBS",
    "HEDGING_CUES",
    "RAISING_HEDGE_VERBS",
    "REPORTING_VERBS",
    "REPORT_ADVERBS",
    "REPORT_HEDGES",
    "REPORT_NOUNS",
    "SUSPICION_VERBS",
    "UNVERIFIED_ADJECTIVES",
    "UNVERIFIED_PHRASES",
]
