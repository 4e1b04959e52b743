"""One vocabulary of reporting and hedging words, shared by the stages.

These are the word lists that decide who says so and how firmly: the verbs whose
clausal complement is what their subject asserts, the cues that hedge what they
report, and the adverbs/adjectives/raising verbs that weaken an assertion. The claims
stage (:mod:`whimbrel.stages.claims`) and the modality stage
(:mod:`whimbrel.stages.modality`) read them from here; other stages that keep their own
copies today can move to them without changing what these two stages do.

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

__all__ = [
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
