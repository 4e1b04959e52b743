"""``docs/acled.md``, generated from the ACLED layer's tables.

``python -m whimbrel.codebook.acled_render > docs/acled.md`` writes it; a test keeps it current.
Only the rule table, the cue phrases and the category tables are rendered here; the prose
around them is in :data:`_INTRO` and :data:`_SCORING`.
"""

from __future__ import annotations

from .acled_map import ACLED_TABLE, ACLED_TYPES
from .acled_rules import (ACLED_ACTOR_SECTORS, ARGUMENT_CUES, CUE_IGNORED, CUE_PHRASES, DISORDER, INTER_NAMES, PEOPLE_NOUNS, PROPERTY_NOUNS,
                          RULES, SECTOR_INTER)

_INTRO = """# whimbrel's ACLED layer

Generated from `whimbrel/codebook/acled_rules.py` and `acled_map.py` by
`python -m whimbrel.codebook.acled_render > docs/acled.md`; do not edit by hand.

Every asserted event whimbrel extracts carries an `acled` block: ACLED's `event_type` and
`sub_event_type`, `disorder_type`, the actor categories `inter1` (the actor) and `inter2`
(the recipient), their `interaction` code, and `rule`, the id of the rule below that decided
(`table` when the per-type table at the end did). Hedged, negated, future or conditional
events get an empty block: ACLED codes what happened.

ACLED codes an incident by what was done, by whom, to whom and with what. whimbrel's PLOVER
type and mode carry much of that; the rest comes from the **cues** of the event's own
sentence: the instrument (grenade, IED, shells, aircraft, drones, chemical agents), the
outcome (a place taken or retaken, a base set up, a place handed over), how a protest went
(violent, dispersed, met with lethal force), mobs, and attacks that were stopped (intercepts,
shoot-downs, defusals, seized weapons). The extraction stage that holds the parse
(`whimbrel/stages/acled_cues.py`, called from the merge stage) finds the cues; the codebook
decides. The names of the types and the substance of the definitions are ACLED's (ACLED
Codebook); the rules and the words here are ours.

## Rules, in the order they are tried

The first rule that applies to the event's PLOVER type and whose condition holds decides.
An intercept therefore wins over the weapon intercepted, a captured town over the shelling
that preceded it, and a protest's policing over the shooting it consists of.

| # | rule | PLOVER types | when | ACLED type / sub-type | ACLED's definition (paraphrased) |
|---|---|---|---|---|---|
"""

_CUES_INTRO = """
## Cues

Matched on the lemmas and lower-cased words of the event's sentence: `a b` is adjacent
words, `a ... b` allows up to four words between, `x|y` is either word.

| cue | phrases |
|---|---|
"""

_SCORING = """
## Actor categories and interaction

`inter1` is the category of the event's actors (the lowest category among their sectors),
`inter2` that of its recipients. Protesters (6) are the first side of Protests and rioters
(5) of Riots; a protest with intervention is protesters against state forces (`16`);
excessive force is the state forces (or whoever the actor is) against protesters. The
victim of violence against civilians is a civilian (7) when nothing else is known. The interaction code is the two
categories with the lower first (`17`: state forces against civilians); a side alone gives
`10`, `20`, ...

| category | name | whimbrel sectors |
|---|---|---|
"""

_TABLE_INTRO = """
## The per-type table (when no rule decides)

| PLOVER type | mode | ACLED type / sub-type |
|---|---|---|
"""


def _rules() -> list[str]:
    out = []
    for n, r in enumerate(RULES, 1):
        result = r.results_text
        if not result:
            from .acled_rules import AcledCues, AcledFacts

            et, sub = r.result(AcledFacts("ASSAULT", None, frozenset(), frozenset(), AcledCues()))
            result = f"{et} / {sub}"
        types = ", ".join(sorted(r.types))
        out.append(f"| {n} | `{r.id}` | {types} | {r.when} | {result} | {r.definition} |")
    return out


_FALLBACK_INTRO = """
## Fallback: a sentence whose triggers give no ACLED type

An event-bearing sentence should not end up untyped.  When no event of a sentence has an ACLED type
(and no rule judged one of them to be no ACLED event), a **head** of the sentence that ACLED's own
definitions are written in stands for the event: it is given the PLOVER type and mode below and typed
by the rules above, with its sentence's cues.  At most one fallback event per sentence (the lowest
rank; then the earliest), never where an ordinary event of the same PLOVER type was read in that
sentence.  A head counts only when used as an event: a verb that is not negated, modal or the
complement of an intention verb (%s); a past participle on a noun ("looted shops"); a noun that is an
argument of such a verb (not a time frame after %s), or any noun of a verbless line (a headline).
Outcome and taking heads count only as verbs or participles; crowd heads only as the subject of a verb.
A head with *needs* counts only where one of those cues is in its sentence.

Which event of a sentence carries its ACLED type (the merge stage): an event told as background (in an
"after", "following" or "since" phrase or clause) gives up its ACLED type to a typed event of the same
sentence that is not (except a change of territory, whose rules read the whole sentence: "entered
the town after the army pulled out"); a protest in the object or adjunct of an attack's clause ("threw a grenade into
the crowd at the rally") is that attack's scene and keeps its PLOVER event but no ACLED type.
The rules of an event read the cues of every sentence that reports it (the mentions merged into the
event), not only its first mention's: ACLED codes what the report tells, so a march in one sentence and
stones thrown at the police in the next are a violent demonstration.

| head lemmas | group | PLOVER type / mode | rank | needs |
|---|---|---|---|---|
"""


def _fallback() -> list[str]:
    from .acled_fallback import FALLBACK_GROUPS, FALLBACK_HEADS, LOCAL_CUES, NON_REALIS_GOVERNORS, TEMPORAL_PREPOSITIONS

    rows: dict[tuple, list[str]] = {}
    for lemma, h in FALLBACK_HEADS.items():
        rows.setdefault((h.group, h.event_type, h.mode or "-", h.rank, h.needs), []).append(lemma)
    intro = _FALLBACK_INTRO % (", ".join(sorted(NON_REALIS_GOVERNORS)), ", ".join(sorted(TEMPORAL_PREPOSITIONS)))
    out = [intro.rstrip("\n")]
    for (group, et, mode, rank, needs), lemmas in rows.items():
        out.append(f"| {', '.join(lemmas)} | {group} | {et} / {mode} | {rank} | {' or '.join(needs) or '-'} |")
    out.append("")
    out.extend(f"- {g}: {text}." for g, text in FALLBACK_GROUPS.items())
    out.append("")
    out.append("Cues of the head itself:")
    out.append("")
    out.extend(f"- `{c}`: {text}." for c, text in LOCAL_CUES.items())
    out.append("")
    return out


_PART2_INTRO = """
## Second part: the note's conventions and refinements of a decision

`whimbrel/codebook/acled_rules2.py`. Its `acled_coding` wraps the rule table above: a **cue
convention** turns a convention of the text into the cue it stands for before the rules are tried,
and a **refinement** changes the decision of the rules it names afterwards (the event's `rule` is
then the refinement's id). Its cue phrases are matched like those above; a cue name of the first
part listed here gets these phrases too.

| cue | phrases |
|---|---|
"""


def _part2() -> list[str]:
    from .acled_rules2 import ARGUMENT_CUES2, CUE_CONVENTIONS, CUE_MASKS, EXTRA_CUE_PHRASES, REFINEMENTS, SYNTAX_CUES

    out = [_PART2_INTRO.rstrip("\n")]
    for name, phrases in EXTRA_CUE_PHRASES.items():
        out.append(f"| `{name}` | {', '.join(p.replace('|', ' or ') for p in phrases)} |")
    out.append("")
    out.append("Cue conventions:")
    out.append("")
    for name, (meaning, why) in CUE_CONVENTIONS.items():
        out.append(f"- `{name}` → `{meaning}`: {why}.")
    out.append("")
    out.append("Words one cue does not read (the other cues still do):")
    out.append("")
    for name, phrases in CUE_MASKS.items():
        out.append(f"- `{name}`: " + ", ".join(f'"{p}"' for p in phrases) + ".")
    out.append("")
    out.append("Cues also read off the parse:")
    out.append("")
    for name, how in SYNTAX_CUES.items():
        out.append(f"- `{name}`: {how}.")
    for name, how in ARGUMENT_CUES2.items():
        out.append(f"- `{name}`: {how}.")
    out.append("")
    out.append("| refinement | changes the decision of | when | ACLED type / sub-type | ACLED's definition (paraphrased) |")
    out.append("|---|---|---|---|---|")
    for r in REFINEMENTS:
        after = ", ".join(f"`{a}`" for a in sorted(r.after))
        out.append(f"| `{r.id}` | {after} | {r.when} | {r.result[0]} / {r.result[1]} | {r.definition} |")
    return out


def render_acled_markdown() -> str:
    """The content of docs/acled.md."""
    lines = [_INTRO.rstrip("\n")]
    lines += _rules()
    lines.append(_CUES_INTRO.rstrip("\n"))
    for name, phrases in CUE_PHRASES.items():
        lines.append(f"| `{name}` | {', '.join(p.replace('|', ' or ') for p in phrases)} |")
    lines.append("")
    lines.append("Not cues: " + ", ".join(f'"{p}"' for p in CUE_IGNORED) + ".")
    lines.append("")
    lines.append("Cues of the trigger's own objects, read off the parse (the object's semantic class, or one of the "
                 "lemmas listed):")
    lines.append("")
    for name, text in ARGUMENT_CUES.items():
        lines.append(f"- `{name}`: {text}.")
    lines.append(f"- people nouns: {', '.join(sorted(PEOPLE_NOUNS))}.")
    lines.append(f"- property nouns: {', '.join(sorted(PROPERTY_NOUNS))}.")
    lines.extend(_part2())
    lines.extend(_fallback())
    lines.append(_SCORING.rstrip("\n"))
    for code, name in INTER_NAMES.items():
        sectors = ", ".join(s for s, c in SECTOR_INTER.items() if c == code) or "(from the event type)"
        lines.append(f"| {code} | {name} | {sectors} |")
    lines.append("")
    lines.append("Listed actors that ACLED categorises otherwise than their PLOVER sector (the ACLED layer reads "
                 "the sector given here; `EXT`, external/other forces, is the government's side where a state "
                 "force fights beside it and for a change of territory):")
    lines.append("")
    for actor_id, (sector, why) in ACLED_ACTOR_SECTORS.items():
        lines.append(f"- `{actor_id}`: {sector}. {why}.")
    lines.append("")
    lines.append("## Disorder type")
    lines.append("")
    for et, dis in DISORDER.items():
        lines.append(f"- {et}: {dis}")
    lines.append("- except Excessive force against protesters: Political violence; Demonstrations, "
                 "and Mob violence: Political violence")
    lines.append(_TABLE_INTRO.rstrip("\n"))
    for (pt, mode), (et, sub) in ACLED_TABLE.items():
        lines.append(f"| {pt} | {mode} | {et} / {sub} |")
    lines.append("")
    lines.append("## ACLED's event types and sub-event types")
    lines.append("")
    for et, subs in ACLED_TYPES.items():
        lines.append(f"- **{et}**: {', '.join(subs)}")
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - a command-line convenience
    import sys

    sys.stdout.write(render_acled_markdown())

__all__ = ["render_acled_markdown"]
