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

from typing import Any, Iterable

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




# agent-like semantic classes: people, states and their organs, organisations, armed actors
_AGENT_CLASSES = frozenset({"person", "polity", "organisation", "armed"})
# people named by a relation, which the person nouns of senses.semantic_classes leave out
_PERSON_WORDS = frozenset("girlfriend boyfriend partner spouse family relative fiance fiancee parent".split())
# endings of nouns of acts, states and qualities
ABSTRACT_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ing", "ure", "ness", "ity", "ism")
# collectives of people that act as one ("both sides agreed", "the rival group withdrew", "the
# organisation called a ceasefire")
_COLLECTIVES = frozenset("""side group organisation organization movement coalition alliance faction camp union
    association administration government party team delegation federation commission committee council
    board company firm body force unit network cell wing bloc community tribe clan family""".split())


def abstract_actor(ent: Entity, doc: Any) -> bool:
    """Whether an actor is an abstraction, not an agent ("the building of settlements was not
    helping", "their resolution urges ...", "the reopening of the crossings would help"): an
    unresolved common noun (no sector, no id) that names no person, people, state,
    organisation or armed group and has the form of a noun of an act, a state or a quality
    (:data:`ABSTRACT_SUFFIXES`).  An actor whose words cannot be found is no abstraction."""
    if ent.sector or ent.id or ent.start is None or ent.end is None or doc is None:
        return False
    span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    # a name the tagger read as a common noun ("Wikileaks welcomed ...") is no abstraction
    if root.pos_ != "NOUN" or root.ent_type_ or not root.is_lower:
        return False
    # a noun with a "who" relative clause names a person ("the girlfriend of the dealer who ...")
    if any(t.lower_ in ("who", "whom", "whose") for t in span):
        return False
    lemma = root.lemma_.lower()
    if lemma in _PERSON_WORDS | _COLLECTIVES or senses.semantic_classes(root) & _AGENT_CLASSES \
            or senses.role_sector(lemma) is not None:
        return False
    # an abstraction by its form: a noun of an act, a state or a quality ("the building of
    # settlements", "their resolution", "the reopening of the crossings", "current pressures");
    # a plural noun of people the lexicon does not list ("physicians", "selectmen") has none
    return lemma.endswith(ABSTRACT_SUFFIXES)


__all__ = ["POLITICAL_KINDS", "abstract_actor", "kinds_told", "party_kind", "political_party"]
