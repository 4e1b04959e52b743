"""Resolve each mention's facts: who (actors), where, when, how many, who says so.

This stage ties the per-field libraries together for every mention:

* actors and recipients: heads from :mod:`.arguments`, noun phrases resolved
  with the actor knowledge base (country taken from the article's focus);
* place: :func:`whimbrel.knowledge.geoparse.event_place` over the article's toponyms;
* date: :func:`.dates.event_date` against the publication date;
* size: :func:`.counts.extract_size` for violent and coercive events;
* claims, hedges, quotes: :mod:`.claims`; modality: :mod:`.modality`.

Knowledge (actor base, gazetteer) is created lazily by the stage object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, ClassVar, Optional

from ..pipeline import Work
from ..records import Claim, Cue, DatePrecision, DateRef, Entity, Modality, PlaceBasis, Size, Span, TextSpan
from . import claims as claims_mod
from . import counts, counts_shot, dates, frames, modality as modality_mod
from .arguments import arguments, is_reciprocal, np_range, np_tokens
from .followup_figures import attach_followup_figures
from ..spacy_doc import doc_ents, doc_sents, doc_text
from .triggers import Mention
from ..knowledge.notes_locator import LOCATED

# material acts whose target is the country they are done in, when no other is named
AFFECTED_TYPES = frozenset({"COERCE", "RETREAT", "MOBILIZE", "AID", "CONCEDE", "SANCTION", "ASSAULT", "COOPERATE",
                            "PROTEST"})
# acts a state can direct at its own people ("imposed a curfew in Cizre", "protests in Lagos")
DOMESTIC_TYPES = frozenset({"PROTEST", "COERCE", "CONCEDE", "ASSAULT", "MOBILIZE", "SANCTION"})
COUNTED_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})
_FIRST_PERSON = frozenset({"we", "us", "our", "i", "me", "my"})
_THIRD_PERSON = frozenset({"he", "she", "him", "her", "his"})


def _published(work: Work) -> Optional[date]:
    value = work.article.published
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclass
class _ArticleContext:
    """What every mention of one article is resolved against."""

    published: Optional[date]
    places: list[Any]
    focus2: Optional[str]
    focus3: Optional[str]
    quotes: Any
    persons: dict[str, Entity]  # surname → resolved person, filled as the article is read
    dateline_end: int
    sents: list[Any]
    text: str  # the Doc's text (sentence texts are slices of it)
    # the places that are no person's name, with their offsets, by the number of persons known
    # (``persons`` only grows, so its size says which names it holds)
    unnamed: dict[int, list[tuple[Any, Optional[int], Optional[int]]]] = field(default_factory=dict)

    def places_not_persons(self) -> list[tuple[Any, Optional[int], Optional[int]]]:
        persons = self.persons
        found = self.unnamed.get(len(persons))
        if found is None:
            found = self.unnamed[len(persons)] = [(p, p.start, p.end) for p in self.places if p.text not in persons]
        return found


class PlacesStage:
    """Find and resolve every toponym of the article (and the article's focus country)."""

    name: ClassVar[str] = "places"
    needs: ClassVar[tuple[str, ...]] = ("doc",)
    gives: ClassVar[tuple[str, ...]] = ("places",)

    def __init__(self, gazetteer: Any = None):
        self._gazetteer = gazetteer
        self._parser = None

    def __getstate__(self) -> dict:
        return {"_gazetteer": None, "_parser": None}

    @property
    def parser(self) -> Any:
        if self._parser is None:
            from ..knowledge.gazetteer import SQLiteGazetteer
            from ..knowledge.geoparse import Geoparser

            if self._gazetteer is None:
                self._gazetteer = SQLiteGazetteer()
            self._parser = Geoparser(self._gazetteer)
        return self._parser

    def __call__(self, work: Work) -> Work:
        work.places = self.parser.parse(work.doc)
        return work


class ResolveStage:
    """Fill every mention's actors, recipients, place, date, size, claims and modality."""

    name: ClassVar[str] = "resolve"
    needs: ClassVar[tuple[str, ...]] = ("doc", "places", "mentions.raw")
    gives: ClassVar[tuple[str, ...]] = ("mentions.resolved",)

    def __init__(self, actors_file: Optional[str] = None, kb: Any = None):
        self.actors_file = actors_file
        self._kb = kb
        self._countries = None

    def __getstate__(self) -> dict:
        return {"actors_file": self.actors_file, "_kb": None, "_countries": None}

    @property
    def kb(self) -> Any:
        if self._kb is None:
            from ..knowledge.actors import ActorKB

            self._kb = ActorKB.load(self.actors_file or None)
        return self._kb

    @property
    def countries(self) -> Any:
        if self._countries is None:
            from ..knowledge.countries import CountryTable

            self._countries = CountryTable.load()
        return self._countries

    def __call__(self, work: Work) -> Work:
        from ..knowledge.geoparse import Geoparser

        doc = work.doc
        published = _published(work)
        places = work.places or []
        focus2 = Geoparser.focus(places)
        country = self.countries.by_code(focus2) if focus2 else None
        focus3 = country.alpha3 if country else None
        quotes = claims_mod.QuoteIndex.build(doc)
        dateline_end = _dateline_end(doc[: min(len(doc), 40)].text)
        ctx = _ArticleContext(published, places, focus2, focus3, quotes, {}, dateline_end, list(doc_sents(doc)),
                              doc_text(doc))
        kept = [m for m in (work.mentions or []) if not modality_mod.is_embedded_request_object(m.trigger)]
        for m in kept:
            self._resolve_mention(m, ctx)
        if published is None:
            carry_narrative_dates(kept)
        kept = [part for m in kept for part in reciprocal_split(m)]
        # PLOVER's verbal frames: promises, threats, demands, refusals
        by_sentence: dict[int, list[Mention]] = {}
        for m in kept:
            by_sentence.setdefault(m.sentence, []).append(m)
        framed = []
        for m in kept:
            if frames.embedded_in_request(m, by_sentence[m.sentence]) or frames.demand_of_protest(m, by_sentence[m.sentence]):
                continue
            frames.apply(m, [c.claimant for c in m.claims if c.claimant is not None and c.claimant.code])
            framed.append(m)
        attach_followup_figures(framed, ctx.sents, frozenset(COUNTED_TYPES))
        work.mentions = framed
        return work

    # -- helpers --------------------------------------------------------------

    def _resolve_mention(self, m: Mention, ctx: "_ArticleContext") -> None:
        """Fill one mention's provenance, parties, place, date, figures, claims and modality."""
        from ..knowledge.geoparse import event_place

        persons = ctx.persons
        sent = ctx.sents[m.sentence]
        start_char, end_char = sent.start_char, sent.end_char
        # the sentence's text as a slice of the Doc's (equal to ``sent.text``, without a token walk)
        m.span = Span(sentence=m.sentence, start=start_char, end=end_char, text=ctx.text[start_char:end_char])
        actor_heads, recipient_heads = arguments(m)
        # a place named inside an actor's phrase ("The U.S. airstrikes") is not where it happened
        # (its "near X" / "in X" phrase is: "fighters of the Islamic State near Ouallam")
        arg_spans = [r for h in actor_heads for r in _np_ranges(h)]
        arg_spans += [(h.idx, h.idx + len(h.text)) for h in recipient_heads if h.ent_type_ in ("GPE", "LOC")]
        candidates = _candidate_places(ctx.places_not_persons(), arg_spans)
        m.place = event_place(m.trigger, candidates, ctx.focus2)
        # generic roles ("militias", "18 people") take the country of the event's own place;
        # the article's focus alone is too weak a reason: unknown stays unknown
        where = None
        if m.place is not None and m.place.basis is not None and m.place.basis != PlaceBasis.focus:
            where = self._alpha3(m.place.country_code)
        actor_heads = [h for h in actor_heads if h.idx >= ctx.dateline_end]
        m.actors = self._entities(actor_heads, ctx.quotes, where, persons)
        m.recipients = self._entities(recipient_heads, ctx.quotes, where, persons)
        affected = self._affected_state(m, where)
        if affected is not None:
            m.recipients.append(affected)
        m.date = dates.event_date(m.trigger, ctx.published)
        if m.date is None and m.governor is not None:
            m.date = dates.event_date(m.governor, ctx.published)
        if m.date is None and m.event_type in COUNTED_TYPES:  # an incident told first and dated next
            m.date = dates.occurrence_date(ctx.sents, m.sentence, ctx.published)
        if m.event_type in COUNTED_TYPES:
            m.size = _size_for(sent, m)
            m.shot = max((c for t in m.triggers if (c := counts_shot.shot_figure(sent, t, m.sentence)) is not None),
                         key=lambda c: c.best or 0, default=None)
            m.victims = counts_shot.victims_of(sent, m.triggers)
        m.claims = self._claims(m, ctx.quotes, ctx.focus3, persons)
        if m.size is not None and m.claims:
            # the sentence's figures are asserted by the sentence's claims
            given = tuple(f for f in ("dead", "injured", "arrested") if getattr(m.size, f) is not None)
            m.claims = [c.model_copy(update={"figures": given}) for c in m.claims]
        m.modality = modality_mod.modality(m.governor if _modal_governor(m) else m.trigger, ctx.published)
        if m.modality == Modality.asserted and m.date is not None and modality_mod.is_historical(m.date, ctx.published):
            m.modality = Modality.historical
        if m.frame:
            m.modality = Modality.asserted  # "will not hesitate to ..." is a threat made now
        m.hedged = claims_mod.hedge(m.trigger) is not None or any(c.hedged for c in m.claims)

    def _affected_state(self, m: Mention, where: Optional[str]) -> Optional[Entity]:
        """For acts done *in* a country with no coded recipient ("lifted the curfew in
        Montenegro", "troops arrived in Bosnia"), PLOVER's target is that country: taken
        only from a place that is a syntactic argument of the trigger."""
        if where is None or m.place is None:
            return None
        basis = m.place.basis
        if not (basis == PlaceBasis.argument or (m.event_type in AFFECTED_TYPES and basis == PlaceBasis.sentence)):
            return None
        if any(e.code for e in m.recipients):
            return None
        if where in {e.code for e in m.actors} and m.event_type not in DOMESTIC_TYPES:
            return None  # meeting or aiding at home has no target there; repression and protest do
        # the id says where the target came from: the event's place, not a named party
        pid = Entity.place_id(m.place.geonameid or where)
        return Entity(text=m.place.text, name=m.place.name, code=where, sector=None, id=pid,
                      start=m.place.start, end=m.place.end)

    def _alpha3(self, alpha2: Optional[str]) -> Optional[str]:
        country = self.countries.by_code(alpha2) if alpha2 else None
        return country.alpha3 if country else None

    def _entities(self, heads: list[Any], quotes: Any, focus3: Optional[str], persons: dict[str, Entity],
                  ) -> list[Entity]:
        out: list[Entity] = []
        for head in heads:
            # generic roles ("gunmen", "security forces", "civilians") take the country of
            # the event's own place (the rule); named actors keep their own
            ent = self._entity(head, quotes, focus3)
            if ent is None:
                continue
            ent = _person_coref(ent, persons)
            out.append(ent)
            out.extend(self._coordinated_modifiers(head, ent, focus3))
        return out

    def _coordinated_modifiers(self, head: Any, ent: Entity, focus3: Optional[str]) -> list[Entity]:
        """'Hungarian and Romanian officials' are two actors: one per coordinated modifier."""
        extra: list[Entity] = []
        for mod in head.children:
            if mod.dep_ not in ("amod", "compound", "nmod") or not mod.conjuncts:
                continue
            for conj in mod.conjuncts:
                text = f"{conj.text} {head.text}"
                other = self._resolve(text, conj.idx, conj.idx + len(conj.text), focus3)
                if other.code and other.code != ent.code:
                    extra.append(other)
        return extra

    def _entity(self, head: Any, quotes: Any, focus3: Optional[str]) -> Optional[Entity]:
        low = head.lower_
        is_pronoun = head.pos_ == "PRON" and not head.ent_type_ and head.text != "US"
        if is_pronoun and (low in _FIRST_PERSON or low in _THIRD_PERSON):
            speaker = quotes.speaker_of(head.idx) if low in _FIRST_PERSON else None
            if speaker is None and low in _THIRD_PERSON:
                speaker = _last_person(head)
            if speaker is None:
                return None
            text, start, end = speaker
            return self._resolve(text, start, end, focus3)
        start, end = np_range(head)
        # the phrase's text as a slice of the Doc's (= the Span's text, without a token walk)
        return self._resolve(doc_text(head.doc)[start:end], start, end, focus3)

    def _resolve(self, text: str, start: int, end: int, focus3: Optional[str]) -> Entity:
        ent = self.kb.resolve(text, context_country=focus3)
        return ent.model_copy(update={"text": text, "start": start, "end": end})

    def _claims(self, m: Mention, quotes: Any, focus3: Optional[str], persons: dict[str, Entity]) -> list[Claim]:
        out = []
        for cue in claims_mod.find_claims(m.trigger, quotes):
            claimant = None
            if cue.claimant_text:
                claimant = self._resolve(cue.claimant_text, cue.claimant_start, cue.claimant_end, focus3)
                claimant = _person_coref(claimant, persons)
            via = None
            if cue.via_text and cue.via_start is not None and cue.via_end is not None:
                via = _person_coref(self._resolve(cue.via_text, cue.via_start, cue.via_end, focus3), persons)
            pronoun = None
            if cue.pronoun_text is not None:
                pronoun = TextSpan(text=cue.pronoun_text, start=cue.pronoun_start, end=cue.pronoun_end)
            out.append(Claim(
                claimant=claimant, text=cue.text, hedged=cue.hedged,
                cue=Cue(text=cue.text, lemma=cue.cue, start=cue.cue_start, end=cue.cue_end),
                hedge=cue.hedge_text if cue.hedged else None, via=via, pronoun=pronoun,
            ))
        return out


_DATELINE = re.compile(r"^[A-Z][A-Z'. -]{2,40}(?:,\s*[A-Z][\w .'-]{1,40})?\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s")


def reciprocal_split(m: Mention) -> list[Mention]:
    """'A and B exchanged fire' is A→B and B→A, not A+B against nobody: one mention per party,
    each acting on the others.  Only when the syntax says the act is mutual
    (:func:`.arguments.is_reciprocal`), at least two distinct parties act and no other party
    is named as the target."""
    if len(m.actors) < 2 or any(not r.from_place for r in m.recipients) or not is_reciprocal(m):
        return [m]
    parties: dict[str, list[Entity]] = {}
    for e in m.actors:
        parties.setdefault(e.code or (e.name or e.text).lower(), []).append(e)
    if len(parties) < 2:
        return [m]
    return [replace(m, actors=list(ents), recipients=[o for k, os in parties.items() if k != key for o in os])
            for key, ents in parties.items()]


def carry_narrative_dates(mentions: list[Mention], reach: int = 2) -> None:
    """Without a publication date, an undated report continues the dated narrative before it.

    A conflict note tells its date once ("On 18 July, supporters marched in Dhaka. Police
    opened fire on the marchers, killing 5"): a mention with no date of its own, not marked as
    an earlier happening, takes the day-precise date of the nearest earlier sentence (at most
    ``reach`` sentences back) whose mentions have one.  With a publication date the merge
    stage already dates undated reports (the publication day, or the incident they join).
    """
    dated: dict[int, DateRef] = {}
    for m in sorted(mentions, key=lambda x: x.start):
        if m.date is not None and m.date.value:
            if m.date.precision == DatePrecision.day:
                dated.setdefault(m.sentence, m.date)
            continue
        if getattr(m, "prior", False):
            continue
        earlier = [k for k in dated if m.sentence - reach <= k < m.sentence]
        if earlier:
            m.date = dated[max(earlier)]


def _dateline_end(head_text: str) -> int:
    """Length of a wire dateline ("IDLIB, Syria — ") at the start of the text, else 0."""
    m = _DATELINE.match(head_text)
    return m.end() if m else 0


_WHERE_PREPS = frozenset("in near at outside inside around within along across throughout".split())
"""Prepositions of a phrase inside an actor's noun phrase that says where the actor was, and
so where the event was ("militants ... near Ouallam"); "from" (an origin) is not one."""


def _np_ranges(head: Any) -> list[tuple[int, int]]:
    """The character range of the noun phrase of ``head`` (:func:`np_tokens`), less the
    locative phrases inside it (:data:`_WHERE_PREPS`), as one or more ranges."""
    toks = np_tokens(head)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    holes = []
    for t in toks:
        if t.dep_ == "prep" and t.lower_ in _WHERE_PREPS and t.i != head.i:
            sub = list(t.subtree)
            holes.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    if not holes:
        return [(start, end)]
    out, at = [], start
    for s, e in sorted(holes):
        if s > at:
            out.append((at, s))
        at = max(at, e)
    if at < end:
        out.append((at, end))
    return out


def _candidate_places(places: list[tuple[Any, Optional[int], Optional[int]]], spans: list[tuple[int, int]]) -> list[Any]:
    """The places not inside one of ``spans`` (an actor's phrase), of (place, start, end) rows of
    the places that are no person's name (:meth:`_ArticleContext.places_not_persons`)."""
    if not spans:
        return [p for p, _, _ in places]
    out = []
    for p, start, end in places:
        if start is not None and p.reason != LOCATED:  # a town with its divisions is where, in any phrase
            for s, e in spans:
                if s <= start and end <= e:
                    break
            else:
                out.append(p)
            continue
        out.append(p)
    return out


def _person_coref(ent: Entity, persons: dict[str, Entity]) -> Entity:
    """'Austin' after 'US Secretary of Defense Lloyd Austin': reuse the resolved full mention."""
    words = ent.text.replace("’s", "").replace("'s", "").split()
    if not words:
        return ent
    last = words[-1]
    if ent.code and len(words) > 1 and last[:1].isupper():
        persons.setdefault(last, ent)
        return ent
    if not ent.code and len(words) <= 2 and last in persons:
        known = persons[last]
        return known.model_copy(update={"text": ent.text, "start": ent.start, "end": ent.end})
    return ent


def _modal_governor(m: Mention) -> bool:
    """A nominal trigger's modality is read off its governing verb ("will launch strikes")."""
    return m.governor is not None and m.trigger.pos_ != "VERB"


def _size_for(sent: Any, m: Mention) -> Size:
    size = counts.extract_size(sent, m.trigger)
    for t in m.triggers:
        if t.i == m.trigger.i:
            continue
        more = counts.extract_size(sent, t)
        size = Size(
            dead=size.dead or more.dead,
            injured=size.injured or more.injured,
            arrested=size.arrested or more.arrested,
        )
    return size


def _last_person(tok: Any) -> Optional[tuple[str, int, int]]:
    """The most recent PERSON named before a third-person pronoun (light coreference)."""
    best = None
    for ent in doc_ents(tok.doc):
        if ent.label_ == "PERSON" and ent.end <= tok.i:
            best = ent
    if best is None:
        return None
    return best.text, best.start_char, best.end_char


__all__ = ["PlacesStage", "ResolveStage", "reciprocal_split"]
