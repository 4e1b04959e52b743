"""Party kinds: what kind of actor an event's actor or recipient resolves to, and how strongly.

PLOVER codes interactions between political actors.  Violence and crime bring their own
evidence (a victim, a weapon, words of crime); the verbal and cooperative types
(:data:`whimbrel.stages.screen.VERBAL_TYPES`: agreeing, consulting, supporting, aiding,
rejecting, threatening, retreating ...) have none but their parties, since everyday language
uses their triggers most.  So the screen asks of them that an actor or recipient *resolves*
to a political actor, and this module says whether the resolution is one a reader would
accept: :func:`party_kind` names the kind of an entity, read off the resolver's output
(sector, id, code) and the words it was resolved from.

Kinds that are political (:data:`POLITICAL_KINDS`): ``state`` (a country named, or its
capital standing for its government), ``organ`` (government, legislature, judiciary and
their officials), ``armed`` (military, police, intelligence, rebels, militias, criminal
groups), ``party`` (parties and the opposition), ``organisation`` (intergovernmental and
non-governmental organisations).

Kinds that are not: ``place`` (the event's place taken as its recipient), ``reader``
("you"), ``business``, ``civilian`` (civilians, students, doctors, journalists, clergy ...),
``unknown`` (unresolved), and three weak resolutions of a political-looking entity:

* ``local place`` -- a country reached only through one of its towns or provinces, with no
  country word in the phrase ("Moore", "Fargo": a surname or a town, not a state);
* ``name fragment`` -- a listed person, a capital or a country matched inside a longer
  proper name ("Desmond Clark" is not Helen Clark, "Douglas Polling" not the Isle of Man,
  "New Jersey" not Jersey);
* ``common noun`` -- a listed organisation matched by a common noun in lower case ("two
  security guards" is not the Revolutionary Guard Corps).
"""

from __future__ import annotations

from typing import Iterable

from ..records import Entity
from . import senses

POLITICAL_KINDS = frozenset({"state", "organ", "armed", "party", "organisation"})
_SECTOR_KIND = {
    **{s: "organ" for s in ("GOV", "LEG", "JUD", "ELI")},
    **{s: "armed" for s in ("MIL", "COP", "SPY", "REB", "UAF", "CRM")},
    **{s: "party" for s in ("PTY", "OPP")},
    **{s: "organisation" for s in ("NGO", "IGO")},
    "BUS": "business",
}
# honorifics before a name: "Mr Clark", "Sen. Clark" are the listed person's own forms
TITLES = frozenset("""mr mrs ms miss dr sir dame lord lady sen senator rep gov governor gen general col
    lt capt sgt president premier minister chancellor king queen prince princess sheikh ayatollah
    former then late acting deputy vice secretary state foreign prime chief speaker mayor attorney
    justice judge ambassador envoy spokesman spokeswoman leader chairman home interior defence defense""".split())


def _words(text: str) -> list[str]:
    out = []
    for w in text.replace("-", " ").split():
        w = w.strip(".,;:'\"()\u2019\u2018\u201c\u201d")
        for pos in ("'s", "\u2019s"):
            if w.endswith(pos):
                w = w[: -len(pos)]
        out.append(w)
    return out


def _capitalised(w: str) -> bool:
    return w[:1].isupper()


def _country_word(words: list[str]) -> bool:
    """A word (or two adjacent words) of the phrase names a country, its people or its capital."""
    return any(senses.names_country(w) for w in words if w) or any(
        senses.names_country(f"{a} {b}") for a, b in zip(words, words[1:]))


def _known_word(w: str, name_words: set[str]) -> bool:
    low = w.lower()
    return low in name_words or low in TITLES or senses.role_sector(low) is not None


def _fragment(ent: Entity, words: list[str]) -> bool:
    """The entity was matched inside a longer proper name: a capitalised word of the phrase
    that is not part of the canonical name, not a title or role word, stands right before or
    after the matched words ("Desmond Clark" for Helen Clark, "Douglas Polling" for the Isle
    of Man's government, "New Jersey" for Jersey)."""
    name_words = {w.lower() for w in _words(ent.name or "")}
    ent_id = ent.id or ""
    if ent_id.startswith("country:"):
        # a country or its capital, in a phrase with no role word ("Home Secretary" keeps
        # "UK Home Secretary"): the matched words are those that name it
        if any(senses.role_sector(w.lower()) is not None for w in words):
            return False
        matched = [i for i, w in enumerate(words) if senses.names_country(w)]
    else:
        # a listed person matched by the surname alone ("Clark"), not by the given name too
        matched = [i for i, w in enumerate(words) if w.lower() in name_words]
        if len(matched) != 1 or words[matched[0]].lower() != _words(ent.name or "")[-1].lower():
            return False
    if not matched:
        return False
    first, last = matched[0], matched[-1]
    around = [words[first - 1]] if first > 0 else []
    around += [words[last + 1]] if last + 1 < len(words) else []
    return any(_capitalised(w) and not _known_word(w, name_words) and not senses.names_country(w)
               for w in around)


def party_kind(ent: Entity) -> str:
    """The kind of actor an entity resolves to (see the module docstring)."""
    ent_id = ent.id or ""
    text = ent.text.strip()
    if ent.from_place:
        return "place"
    if text.lower() in senses.SECOND_PERSON:
        return "reader"
    words = [w for w in _words(text) if w]
    if ent_id.startswith("country:"):
        if ent.sector is None and not _country_word(words):
            return "local place"
        if _fragment(ent, words):
            return "name fragment"
        return _SECTOR_KIND.get(ent.sector or "", "state" if ent.sector is None else "civilian")
    listed = bool(ent_id) and not ent_id.startswith("country:")
    if listed and not any(c.isupper() for c in text):
        return "common noun"
    if listed and ent_id.startswith(("p-", "pw-")) and _fragment(ent, words):
        return "name fragment"
    if ent.sector in _SECTOR_KIND:
        return _SECTOR_KIND[ent.sector]
    if listed and senses.political_actor(ent):
        return "organisation"
    return "civilian" if ent.sector else "unknown"


def political_party(ent: Entity) -> bool:
    """Whether an entity is a political actor PLOVER codes, by a resolution a reader would accept."""
    return senses.political_actor(ent) and party_kind(ent) in POLITICAL_KINDS


def kinds_told(ents: Iterable[Entity]) -> str:
    """The parties and their kinds, for a held reason ("'Moore': local place; 'the company': business")."""
    told = [f"'{e.text.strip()}': {party_kind(e)}" for e in ents if not e.from_place]
    return "; ".join(told[:4]) or "no party named"


__all__ = ["POLITICAL_KINDS", "kinds_told", "party_kind", "political_party"]
