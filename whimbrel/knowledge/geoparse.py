"""Toponym recognition and resolution over a spaCy Doc, and event location.

:class:`Geoparser` finds place mentions (spaCy GPE/LOC/FAC/NORP entities plus
gazetteer names the entity recogniser missed), classifies them (literal place,
demonym, metonym, regional phrase) and resolves each against a
:class:`~whimbrel.knowledge.gazetteer.Gazetteer` by scoring every candidate with

* a prior: log population plus a feature bonus (country > continent/region >
  capital > admin1 > town > admin2), a bonus for the place's main name;
* the article's context, from its *other* toponyms (a name cannot vouch for
  itself): candidates in a country that the article names, in its focus country
  (the most-mentioned one), in an admin1 region it names, in the admin1 area of
  its other towns and counties ("Newark" beside "Licking County" is in Ohio) and
  above all in its local focus (the one area most other names lie in) win, and
  so do towns within 100 km of a likely reading of another toponym (spatial
  coherence); a country that nothing else points to yields to a same-named town
  of that area ("Palestine" beside "Anderson County, Texas").  The context is read
  twice: from the priors, then from what the first reading resolved ("Georgia"
  beside "Atlanta" and "Texas" is the state, which then vouches for Atlanta);
  "City, Region" (``Long Beach, CA``; ``Louisville, Ky.``) restricts the city to
  that region or country, and a capitalised word cut short with a dot ("Ind.",
  "La.") is a region's AP-style abbreviation, not a country code;
* the mention's role: a capital that is the subject of a speech verb
  ("Washington warned") is a metonym for its government.

:func:`event_place` picks an event's location among the parsed places.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from typing import Any, Iterable, Optional

from ..records import Place, PlaceKind, PlacePrecision
from ..spacy_doc import doc_text
from .distance import within_km
from .event_location import LOC_PREPS, event_place
from .geocoherence import colocated_bonus, colocated_readings
from .geocontext import EMPTY_CONTEXT, NamesInText, near_any
from .geomentions import (  # noqa: F401 (re-exported: the mention half moved to geomentions)
    ADMIN_WORDS, CALENDAR_WORDS, CIVIC_NOUNS, COURT_WORDS, DIRECTIONS, ENTITY_LABELS, GENERIC_WORDS, LOCATIVE_PREPS,
    MONTH_NAMES, SETTLEMENT_NOUNS, TOWN_PREPS, WEEKDAY_NAMES, MentionFinder, _country_level, _Mention,
)
from .notes_locator import locate_parenthesised
from .subplaces import refine_places
from .gazetteer import Gazetteer, SQLiteGazetteer, normalise
from .vocabulary import SPEECH_VERBS

# verbs whose subject is a political actor, not a place: the shared speech verbs and the
# verbal and diplomatic acts only a government or group does
SPEECH_LEMMAS = SPEECH_VERBS | frozenset(
    """condemn urge threaten demand reject respond call criticize criticise protest reply welcome
    agree refuse complain dismiss denounce order ask offer propose expel recall summon sanction
    retaliate approve veto praise push press seek signal""".split()
)

_FEATURE_BONUS = {"PCLI": 4.0, "PCLD": 3.5, "PCLS": 3.5, "CONT": 4.0, "RGN": 3.0, "PPLC": 1.2, "ADM1": 0.6,
                  "PPL": 0.0, "ADM2": -0.3}
# The head count a named region (RGN: "Middle East", "Darfur", "Kashmir") counts as in its prior, so that a
# same-named hamlet ("Middle East", Pennsylvania) needs the article's local context to beat it.
REGION_POPULATION = 1_000_000
# Prior penalty of a candidate known by this name only as an alternate name.
ALT_PENALTY = 1.0

# Context bonuses: the candidate's country is named by another toponym of the
# article, is the article's focus, its admin1 region is named.
CTX_COUNTRY = 1.5
CTX_FOCUS = 1.5
CTX_ADMIN1 = 2.0
# ... and a town or county of the article lies in its admin1 region (weaker: that reading may be wrong).
CTX_AREA = 1.5
# The article's local focus: the admin1 region that most other names lie in (see .geocontext).
CTX_FOCUS_AREA = 1.5
# A country nothing else in the article points to, named like a town of the area the article is
# about, loses this much (local news: "Palestine" beside "Anderson County", "Texas").
LONE_COUNTRY_PENALTY = 3.0
# A foreign town whose country nothing else in the article names loses this much where the article's
# focus country has a town of that very name (local news: "Paris" beside "Henry County", Tennessee).
LONE_TOWN_PENALTY = 1.0
# ... when at least this many other mentions name the focus country (one "Ohio" does not make local news).
LONE_TOWN_FOCUS = 2
# In the second pass, a name's reading vouches for its area and point unless SCATTERED_READINGS
# readings in all (itself included) lie within CONFIDENT_MARGIN of its score.
CONFIDENT_MARGIN = 1.0
SCATTERED_READINGS = 4

# An admin1 region yields to a same-named town in it when the town is the capital
# or holds at least 1/SEAT_SHARE of the region's (town-summed) population ("Aleppo",
# "Zurich"; not "Quebec").
SEAT_SHARE = 10

# Spatial coherence: a town reading within NEAR_KM of a town reading of another
# toponym of the article gains NEAR_BONUS.
NEAR_KM = 100.0
NEAR_BONUS = 1.5
_DOTTED_ABBREVIATION = re.compile(r"[A-Z][a-z]{1,5}\.$")
_COMMA_REGION = re.compile(r"\s*,\s*((?:[A-Z][\w\.]*\.?)(?:\s[A-Z][\w\.]*\.?){0,2})")
_PAREN_REGION = re.compile(r"\s*\(([A-Z][^()]{0,60})\)")


def _spelling_variant(text: str, name: str) -> bool:
    """Whether ``name`` is ``text`` spelled another way ("Zaporizhzhya" for "Zaporizhzhia",
    "Ḩamāh" for "Hama"), not a longer name that holds it ("Oklahoma City" for "Oklahoma")."""
    a, b = normalise(text), normalise(name)
    return a.count(" ") == b.count(" ") and a[:3] == b[:3] and abs(len(a) - len(b)) <= 2


class Geoparser(MentionFinder):
    """Find and resolve the places of a parsed article (mentions: :class:`~.geomentions.MentionFinder`)."""

    def __init__(self, gazetteer: Optional[Gazetteer] = None, *, min_scan_population: int = 50_000) -> None:
        self._gazetteer = gazetteer
        self.min_scan_population = min_scan_population
        self._countries: Any = None
        # per thread, the gazetteer answers of the document being parsed (see :meth:`parse`)
        self._doc_local = threading.local()

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_doc_local", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._doc_local = threading.local()

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = SQLiteGazetteer()
        return self._gazetteer

    @property
    def countries(self) -> Any:
        if self._countries is None:
            from .countries import CountryTable

            self._countries = CountryTable.load()
        return self._countries

    # ------------------------------------------------------------------ candidates

    def _candidates(self, text: str, *, abbreviations: bool) -> list[tuple[Place, int, int]]:
        """The gazetteer's candidates for ``text``; while a document is parsed, each name is
        asked once per document (the lists are never changed in place)."""
        memo = getattr(self._doc_local, "candidates", None)
        if memo is None:
            return self._lookup(text, abbreviations=abbreviations)
        key = (text, abbreviations)
        found = memo.get(key)
        if found is None:
            found = memo[key] = self._lookup(text, abbreviations=abbreviations)
        return found

    def _lookup(self, text: str, *, abbreviations: bool) -> list[tuple[Place, int, int]]:
        gz = self.gazetteer
        if isinstance(gz, SQLiteGazetteer):
            return gz.candidates(text, limit=25, with_abbreviations=abbreviations)
        return [(p, 0, 1) for p in gz.lookup(text, limit=25)]

    def _demonym(self, text: str) -> Optional[Place]:
        gz = self.gazetteer
        if isinstance(gz, SQLiteGazetteer):
            return gz.demonym(text)
        c = self.countries.by_demonym(text)
        return gz.country(c.alpha2) if c else None

    # ------------------------------------------------------------------ scoring

    @staticmethod
    def _prior(place: Place, pop: int, kind: int) -> float:
        if place.feature_code == "RGN" and not pop:
            pop = REGION_POPULATION  # a named region has no head count; it is no hamlet either
        score = math.log10(pop + 10) + _FEATURE_BONUS.get(place.feature_code or "PPL", 0.0)
        if kind == 1:
            score += 0.3
        elif kind == 0:
            score -= ALT_PENALTY
        elif kind == 2:
            score -= 0.5
        return score

    def _score(self, m: _Mention, place: Place, pop: int, kind: int, ctx: dict[str, Any]) -> float:
        score = self._prior(place, pop, kind)
        cc = place.country_code
        if cc and not _country_level(place):
            if ctx["countries"].get(cc):
                score += CTX_COUNTRY
            if cc == ctx["focus"]:
                score += CTX_FOCUS
            if place.admin1 and place.feature_code != "ADM1":
                if (cc, place.admin1) in ctx["admin1"]:
                    score += CTX_ADMIN1
                elif ctx["areas"].get((cc, place.admin1)):
                    score += CTX_AREA
            if place.admin1 and (cc, place.admin1) == ctx["focus_area"]:
                score += CTX_FOCUS_AREA
        if m.region_of is not None:
            rcc, radm = m.region_of
            # a region does not locate itself: "Daraa (Daraa, Daraa)" and "Oaxaca, Oaxaca" name
            # the town of the region's name, not the region again
            if cc == rcc and (not radm or place.admin1 == radm) and not (radm and place.feature_code == "ADM1"):
                score += 10.0
        if place.feature_code == "ADM1":
            # a town of this very name that seats the region or holds a good share of its people
            # (the seat also under a variant spelling of its name: "Zaporizhzhia", "Hama")
            same_city = any(
                (p.feature_code or "").startswith("PPL") and p.country_code == cc
                and (k == 1 or (k == 0 and p.feature_code in ("PPLC", "PPLA") and p.admin1 == place.admin1
                                and _spelling_variant(m.text, p.name or "")))
                and (p.admin1 == place.admin1 or p.feature_code in ("PPLC", "PPLA"))
                and (p.feature_code == "PPLC" or town_pop * SEAT_SHARE >= pop)
                for p, town_pop, k in m.cands
            )
            if same_city and not m.admin_word:
                score -= 3.0
            elif m.admin_word:
                score += 3.0
        if _country_level(place) and ctx["focus"] and cc != ctx["focus"] and not ctx["countries"].get(cc) \
                and any(p.country_code == ctx["focus"] and p.admin1 and k == 1
                        and (ctx["areas"].get((p.country_code, p.admin1)) or (p.country_code, p.admin1) in ctx["admin1"])
                        and (p.feature_code or "").startswith("PPL") for p, _, k in m.cands):
            # a country nothing else in the article points to, named like a town in the area the
            # article is about ("Palestine" beside "Anderson County, Texas")
            score -= LONE_COUNTRY_PENALTY
        if (place.feature_code or "").startswith("PPL") and ctx["focus"] and cc and cc != ctx["focus"] \
                and not ctx["countries"].get(cc) and ctx["countries"][ctx["focus"]] >= LONE_TOWN_FOCUS \
                and any(p.country_code == ctx["focus"] and k == 1 and (p.feature_code or "").startswith("PPL")
                        for p, _, k in m.cands):
            score -= LONE_TOWN_PENALTY
        if m.speech and place.feature_code == "PPLC":
            score += 3.0
        colocated = getattr(self._doc_local, "colocated", None)
        if colocated and m.kind == PlaceKind.literal:
            # readings of the article's other names lie with this one (see .geocoherence)
            score += colocated_bonus(colocated.get(id(place)))
        if ctx["near"] and place.lat is not None and place.lon is not None:
            # spatial coherence: another toponym of the article can be read as a town nearby
            # (or, for a region, as a town in it)
            if place.feature_code == "ADM1":
                if any(acc == cc and adm == place.admin1 for _, _, acc, adm in ctx["near"]) \
                        or ctx["areas"].get((cc, place.admin1)):
                    score += NEAR_BONUS
            elif (place.feature_code or "").startswith(("PPL", "ADM2")) and near_any(ctx, place.lat, place.lon, NEAR_KM):
                score += NEAR_BONUS
        return score

    def _ranked(self, m: _Mention, ctx: dict[str, Any]) -> list[tuple[float, Place]]:
        """The candidates of ``m`` with their scores in ``ctx``, best first (ties: gazetteer order)."""
        scored = [(self._score(m, c[0], c[1], c[2], ctx), -i, c[0]) for i, c in enumerate(m.cands)]
        scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
        return [(score, p) for score, _, p in scored]

    def _resolve(self, m: _Mention, ctx: dict[str, Any]) -> Optional[Place]:
        if not m.cands:
            return None
        return max(m.cands, key=lambda c: self._score(m, c[0], c[1], c[2], ctx))[0]

    # ------------------------------------------------------------------ parse

    def parse(self, doc: Any) -> list[Place]:
        """Every toponym of ``doc`` as a :class:`Place`, in text order.

        Unresolvable place entities (streets, buildings) come back with only
        ``text``, ``start`` and ``end``.
        """
        self._doc_local.candidates = {}  # the gazetteer answers of this document only
        try:
            keep = [m for m in (self._with_candidates(doc, m) for m in self._mentions(doc)) if m is not None]
            again = [m for m in (self._with_candidates(doc, m) for m in self._repeated_names(doc, keep)) if m is not None]
            if again:  # a name the article uses as a place, where the recogniser missed it
                keep = sorted(keep + again, key=lambda m: m.start)
            self._comma_regions(doc, keep)
            # a town and a county reading of two names that lie together (see .geocoherence)
            self._doc_local.colocated = colocated_readings(
                (normalise(m.text), [(c[0], self._prior(*c)) for c in m.cands])
                for m in keep if m.kind == PlaceKind.literal)
            places = refine_places(doc, self._resolve_in_context(doc, keep, self._names_in_text(keep)))
            # "Town (District, Province)": the parentheses settle the town (see .notes_locator)
            return locate_parenthesised(doc_text(doc), places, self.gazetteer)
        finally:
            self._doc_local.candidates = None
            self._doc_local.colocated = None

    def _with_candidates(self, doc: Any, m: _Mention) -> Optional[_Mention]:
        """``m`` with its gazetteer candidates (its span narrowed where only part of it is a
        place), or None when it names no place (a people, not a country)."""
        span = doc[m.start:m.end]
        if m.label == "NORP":
            place = self._demonym(m.text)
            if place is None and self._org_is_place(m.text, person=True):
                m.label = "GPE"  # spaCy sometimes calls a city NORP ("destruction of Aleppo")
            elif place is None or self._people_noun(span):
                return None
            else:
                m.kind = PlaceKind.demonym
                m.cands = [(place, 0, 1)]
                return m
        m.cands = self._candidates(m.text, abbreviations=m.label in ("GPE", "LOC"))
        if _DOTTED_ABBREVIATION.match(m.text):
            # a capitalised word cut short with a dot ("Ind.", "La.", "Calif.") is a region's
            # AP-style abbreviation, never a country's ISO code ("IND") nor a town's alias ("LA")
            regions = [c for c in m.cands if c[2] == 2 and c[0].feature_code == "ADM1"]
            m.cands = regions or m.cands
        if len(span) > 1 and span[-1].lower_ in ADMIN_WORDS and span[-1].is_lower and m.cands:
            # "Yunnan province" is indexed too, but a lower-case noun stays out of the span
            bare = [c for c in self._candidates(span[:-1].text, abbreviations=False)
                    if c[0].feature_code in ("ADM1", "ADM2")]
            if bare:
                m.cands, m.admin_word = bare, True
                m.end, m.text = m.end - 1, span[:-1].text
                span = doc[m.start:m.end]
        if not m.cands and len(span) > 1 and span[-1].lower_ in ADMIN_WORDS:
            # "Sichuan province", "Puge county": the name without its administrative noun
            m.cands = self._candidates(span[:-1].text, abbreviations=False)
            m.admin_word = bool(m.cands)
            if m.cands and span[-1].is_lower:
                # a descriptive noun in lower case is not part of the name: the span is "Sichuan"
                # (a capitalised "Barren County" is the county's own name and stays whole)
                m.end, m.text = m.end - 1, span[:-1].text
                span = doc[m.start:m.end]
        if not m.cands and len(span) > 1 and span[0].lower_ in DIRECTIONS:
            # "Western Canada", "Far North Queensland": the name after the compass words
            k = 0
            while k < len(span) - 1 and span[k].lower_ in DIRECTIONS:
                k += 1
            cands = self._candidates(span[k:].text, abbreviations=False)
            if cands and any(not (c.feature_code or "").startswith("PPL") for c, _, _ in cands):
                m.cands, m.start, m.text = cands, m.start + k, span[k:].text
                span = doc[m.start:m.end]
        if not m.cands:
            dem = self._demonym(m.text)
            if dem is not None and m.label in ("GPE", "LOC"):
                m.kind = PlaceKind.demonym
                m.cands = [(dem, 0, 1)]
        if not m.cands and len(span) > 1 and m.label in ("GPE", "LOC", "FAC"):
            # "Metcalfe County Sheriff's Office", "City of Montreal", "Turkish Embassy"
            inner = self._org_place(doc, span)
            if inner is not None:
                m.start, m.end = inner
                span = doc[m.start:m.end]
                m.text = span.text
                m.cands = self._candidates(m.text, abbreviations=False)
            elif self._demonym(span[0].text) is not None and not self._candidates(span[0].text,
                                                                                  abbreviations=False):
                m.end, m.text, m.kind = m.start + 1, span[0].text, PlaceKind.demonym
                m.cands = [(self._demonym(span[0].text), 0, 1)]  # type: ignore[list-item]
                return m
        if m.end < len(doc) and doc[m.end].lower_ in ADMIN_WORDS:
            m.admin_word = True
        root = span.root
        while root.dep_ == "conj" and root.head != root:
            root = root.head
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in SPEECH_LEMMAS:
            m.speech = True
        return m

    def _names_in_text(self, keep: list[_Mention]) -> "NamesInText":
        """First pass, on priors only: which countries, admin1 regions and anchor points each
        name of the text stands for."""
        names = NamesInText()
        for m in keep:
            ranked = self._ranked(m, EMPTY_CONTEXT)
            anchors = self._anchors(ranked) if m.kind == PlaceKind.literal else []
            names.add(normalise(m.text), ranked, anchors)
        return names

    def _contexts(self, keep: list[_Mention], names: "NamesInText") -> list[dict[str, Any]]:
        """Each mention's context (what the other names say); the mentions of one name share it,
        and leave it out, so that a frequent ambiguous name ("London") cannot vouch for itself."""
        contexts: dict[str, dict[str, Any]] = {}
        out = []
        for m in keep:
            key = normalise(m.text)
            ctx = contexts.get(key)
            if ctx is None:
                ctx = contexts[key] = names.context_without(key)
            out.append(ctx)
        return out

    def _resolve_in_context(self, doc: Any, keep: list[_Mention], names: "NamesInText") -> list[Place]:
        """Second and third pass: each mention resolved in the light of the other names of the
        text, first as the priors read them, then as that reading resolved them ("Georgia" beside
        "Barrow County" is the state, and then vouches for "Clarke County, Georgia")."""
        first = [self._ranked(m, ctx) for m, ctx in zip(keep, self._contexts(keep, names))]
        # the readings that lie together, now among those each name's context left likely
        self._doc_local.colocated = colocated_readings(
            (normalise(m.text), [(p, score) for score, p in ranked])
            for m, ranked in zip(keep, first) if m.kind == PlaceKind.literal)
        second = NamesInText()
        for m, ranked in zip(keep, first):
            if len(ranked) >= SCATTERED_READINGS and ranked[0][0] - ranked[SCATTERED_READINGS - 1][0] < CONFIDENT_MARGIN:
                # a scattered reading ("Jefferson": a town in half the states, several about as
                # likely) names its country only: its area and point would echo whatever tipped it
                ranked = [(ranked[0][0], ranked[0][1].model_copy(update={"admin1": None}))]
            best = ranked[0][1] if ranked else None
            anchors = []
            if m.kind == PlaceKind.literal and best is not None and best.lat is not None and best.lon is not None \
                    and best.admin1 and (best.feature_code or "").startswith(("PPL", "ADM2")):
                anchors = [(best.lat, best.lon, best.country_code, best.admin1)]
            second.add(normalise(m.text), ranked, anchors)
        return [self._finish(doc, m, self._resolve(m, ctx)) for m, ctx in zip(keep, self._contexts(keep, second))]

    @staticmethod
    def _anchors(ranked: list[tuple[float, Place]],
                 top: int = 3) -> list[tuple[float, float, Optional[str], Optional[str]]]:
        """Point, country and admin1 of a mention's likeliest town readings (``ranked``, best
        first), the spatial context of the others."""
        return [(p.lat, p.lon, p.country_code, p.admin1) for _, p in ranked[:top]
                if p.lat is not None and p.lon is not None and (p.feature_code or "").startswith("PPL")]

    def _comma_regions(self, doc: Any, mentions: list[_Mention]) -> None:
        """``City, Region``: restrict the city to the region (admin1) or country after the comma."""
        text = doc_text(doc)
        for m in mentions:
            if m.kind != PlaceKind.literal or not m.cands:
                continue
            end_char = doc[m.end - 1].idx + len(doc[m.end - 1].text)
            match = _COMMA_REGION.match(text, end_char) or _PAREN_REGION.match(text, end_char)
            if not match:
                continue
            # "(Soum, Sahel)": each item may be the region, the last (the province) first: an
            # earlier item may repeat the town's own name ("Beni (Beni, North Kivu)")
            items = match.group(1).split(",")[::-1]
            for p, _, _ in [c for item in items for c in self._candidates(item.strip(), abbreviations=True)[:5]]:
                if p.feature_code == "ADM1" and p.country_code and any(
                    c.country_code == p.country_code and c.admin1 == p.admin1 for c, _, _ in m.cands
                ):
                    m.region_of = (p.country_code, p.admin1 or "")
                    break
                if _country_level(p) and any(c.country_code == p.country_code for c, _, _ in m.cands):
                    m.region_of = (p.country_code or "", "")
                    break

    def _finish(self, doc: Any, m: _Mention, best: Optional[Place]) -> Place:
        start_tok, kind = m.start, m.kind
        if start_tok > 0 and doc[start_tok - 1].lower_ in DIRECTIONS and best is not None and best.feature_code in (
            "PCLI", "PCLD", "PCLS", "ADM1", "RGN", "CONT"
        ):
            # "northern Iraq": a part of the country; the span stays the name itself, as gold
            # toponym sets mark it (the compass word makes the kind, not the name)
            kind = PlaceKind.region
        if m.office and kind == PlaceKind.literal:
            kind = PlaceKind.metonym  # "Floyd County Coroner Ann Roe": the county's office, not where it happened
        if best is not None and best.feature_code == "RGN" and kind != PlaceKind.demonym:
            kind = PlaceKind.region
        if kind == PlaceKind.literal and m.speech and best is not None and (
            best.feature_code == "PCLI" or best.feature_code == "PPLC"
            or self.countries.by_metonym(m.text) is not None
        ):
            kind = PlaceKind.metonym
        start = doc[start_tok].idx
        end = doc[m.end - 1].idx + len(doc[m.end - 1].text)
        if m.chars is not None:
            start, end = m.chars
        text = doc_text(doc)[start:end]
        if best is None:
            return Place(text=text, start=start, end=end, kind=kind)
        precision = PlacePrecision.region if kind == PlaceKind.region else best.precision
        return best.model_copy(update={"text": text, "start": start, "end": end, "kind": kind, "precision": precision})

    # ------------------------------------------------------------------ focus / events

    @staticmethod
    def focus(places: Iterable[Place]) -> Optional[str]:
        """The article's focus country (alpha2): the one its places name most, first mention on ties."""
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for i, p in enumerate(places):
            if p.country_code:
                counts[p.country_code] += 1
                first.setdefault(p.country_code, i)
        if not counts:
            return None
        return max(counts, key=lambda cc: (counts[cc], -first[cc]))

    def event_place(self, trigger: Any, places: list[Place], focus: Optional[str]) -> Optional[Place]:
        """:func:`event_place` with this parser's gazetteer for the focus country's coordinates."""
        return event_place(trigger, places, focus, gazetteer=self.gazetteer)


__all__ = ["LOC_PREPS", "Geoparser", "event_place"]
