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
from ..spacy_doc import doc_ents, doc_text, span_text, token_table
from .distance import within_km
from .event_location import LOC_PREPS, event_place
from .geocontext import EMPTY_CONTEXT, NamesInText
from .subplaces import refine_places
from .gazetteer import Gazetteer, SQLiteGazetteer, normalise
from .vocabulary import SPEECH_VERBS

ENTITY_LABELS = ("GPE", "LOC", "FAC", "NORP")

# verbs whose subject is a political actor, not a place: the shared speech verbs and the
# verbal and diplomatic acts only a government or group does
SPEECH_LEMMAS = SPEECH_VERBS | frozenset(
    """condemn urge threaten demand reject respond call criticize criticise protest reply welcome
    agree refuse complain dismiss denounce order ask offer propose expel recall summon sanction
    retaliate approve veto praise push press seek signal""".split()
)

DIRECTIONS = frozenset(
    """northern southern eastern western central north south east west northeastern northwestern
    southeastern southwestern north-eastern north-western south-eastern south-western northeast
    northwest southeast southwest upper lower far""".split()
)

ADMIN_WORDS = frozenset(
    "province provinces state governorate region oblast county district prefecture department territory".split()
)

# Words that name some region somewhere but, closing an organisation's name, are
# ordinary nouns or adjectives ("Health Centre", "Union Central").
GENERIC_WORDS = DIRECTIONS | frozenset(
    """central centre center capital coast lakes federal islands plateau highlands lowlands valley river
    falcon union national international metropolitan greater city town county state region district""".split()
)

# Prepositions after which a proper name is a place rather than a person or a firm.
LOCATIVE_PREPS = frozenset("in near outside inside across throughout".split())

_FEATURE_BONUS = {"PCLI": 4.0, "PCLD": 3.5, "PCLS": 3.5, "CONT": 4.0, "RGN": 3.0, "PPLC": 1.2, "ADM1": 0.6,
                  "PPL": 0.0, "ADM2": -0.3}
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
# Nouns that a town's name modifies when it is used as a place ("Cairns police", "Innisfail skater" is not).
CIVIC_NOUNS = frozenset(
    """police council mayor residents resident district suburb suburbs county township borough municipality
    neighbourhood neighborhood airport airports sheriff opp rcmp""".split()
)
COURT_WORDS = frozenset("superior crown county district magistrates municipal city provincial".split())
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december")
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CALENDAR_WORDS = frozenset(MONTH_NAMES + WEEKDAY_NAMES + tuple("christmas easter eve day week month year".split()))
# Prepositions after which a small town's name is taken as a place.
TOWN_PREPS = LOCATIVE_PREPS | frozenset("from to outside toward towards via".split())
# Nouns whose "of" introduces a settlement ("the villages of Foua").
SETTLEMENT_NOUNS = frozenset("village town city suburb outskirt township hamlet community resident native".split())
_NUMERIC_LABELS = frozenset("DATE TIME PERCENT MONEY QUANTITY ORDINAL CARDINAL".split())
_DOTTED_ABBREVIATION = re.compile(r"[A-Z][a-z]{1,5}\.$")
_COMMA_REGION = re.compile(r"\s*,\s*((?:[A-Z][\w\.]*\.?)(?:\s[A-Z][\w\.]*\.?){0,2})")
_PAREN_REGION = re.compile(r"\s*\(([A-Z][^()]{0,60})\)")


def _country_level(place: Place) -> bool:
    return (place.feature_code or "").startswith("PCL")


class _Mention:
    """A candidate toponym span while parsing."""

    __slots__ = ("start", "end", "label", "text", "cands", "kind", "region_of", "admin_word", "best", "speech",
                 "chars")

    def __init__(self, start: int, end: int, label: str, text: str,
                 chars: Optional[tuple[int, int]] = None) -> None:
        self.start, self.end, self.label, self.text = start, end, label, text
        self.chars = chars  # character span when the mention is part of a token ("U.S.-led")
        self.cands: list[tuple[Place, int, int]] = []
        self.kind = PlaceKind.literal
        self.region_of: Optional[tuple[str, str]] = None  # (cc, admin1 or "") after "City, Region"
        self.admin_word = False
        self.best: Optional[Place] = None
        self.speech = False


class Geoparser:
    """Find and resolve the places of a parsed article."""

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

    def _mentions(self, doc: Any) -> list[_Mention]:
        """Candidate toponyms of ``doc``: entities, names the recogniser missed, and the
        region after "Town, ", in text order."""
        taken = [False] * len(doc)
        mentions: list[_Mention] = []
        for ent in doc_ents(doc):
            for i in range(ent.start, ent.end):
                taken[i] = True
            mentions.extend(self._entity_mentions(doc, ent))
        mentions.extend(self._scanned_mentions(doc, taken))
        self._add_comma_regions(doc, mentions)
        mentions.sort(key=lambda m: m.start)
        return mentions

    def _entity_mentions(self, doc: Any, ent: Any) -> list[_Mention]:
        """The toponyms one entity of the recogniser gives (its label is only a hint)."""
        parts = self._hyphen_parts(doc, ent)
        if parts:
            return parts
        if ent.label_ in ("DATE", "TIME"):
            return self._place_tagged_as_date(doc, ent)
        if ent.label_ not in ENTITY_LABELS and ent.label_ not in _NUMERIC_LABELS:
            return self._other_entity_mentions(doc, ent)
        if ent.label_ not in ENTITY_LABELS:
            return []
        start = ent.start
        while start < ent.end - 1 and doc[start].lower_ in ("the", "a"):
            start += 1
        end = ent.end
        while end > start + 1 and doc[end - 1].tag_ == "POS":
            end -= 1
        return [_Mention(start, end, ent.label_, doc[start:end].text)]

    def _place_tagged_as_date(self, doc: Any, ent: Any) -> list[_Mention]:
        """The recogniser sometimes calls a place a date ("crime continues in Winnipeg")."""
        if any(ch.isdigit() for ch in ent.text) or not ent[0].is_title or ent[0].pos_ != "PROPN" \
                or CALENDAR_WORDS.intersection(t.lower_ for t in ent):
            return []
        cands = self._candidates(ent.text, abbreviations=False)
        if cands and (self._scan_worthy(cands) or self._town_in_context(doc, ent.start, ent.end, cands)):
            return [_Mention(ent.start, ent.end, "GAZ", ent.text)]
        return []

    def _other_entity_mentions(self, doc: Any, ent: Any) -> list[_Mention]:
        """Places hidden in a PERSON, ORG or other entity."""
        listed = self._listed_towns(doc, ent)
        if listed:
            return listed  # "south to Ingham or Townsville"
        if self._anchored_town(doc, ent.start, ent.end) == ent.end or self._located(doc, ent):
            return [_Mention(ent.start, ent.end, "GAZ", ent.text)]  # "COLUMBIA, Ky."
        if ent[0].is_title and self._town_in_context(
                doc, ent.start, ent.end, self._candidates(ent.text, abbreviations=False),
                person=ent.label_ == "PERSON"):
            return [_Mention(ent.start, ent.end, "GAZ", ent.text)]  # "Cairns police"
        if self._org_is_place(ent.text, person=ent.label_ == "PERSON"):
            return [_Mention(ent.start, ent.end, "GPE", ent.text)]
        if ent.label_ == "ORG":
            found = self._org_place(doc, ent)
            if found is not None:
                return [_Mention(found[0], found[1], "GAZ", doc[found[0]:found[1]].text)]
        return []

    def _scanned_mentions(self, doc: Any, taken: list[bool]) -> list[_Mention]:
        """Names the entity recogniser missed: capitalised proper-noun runs in the gazetteer."""
        mentions: list[_Mention] = []
        # the token's text and flags read off the TokenTable; a Token only for a hyphenated word
        tt = token_table(doc)
        texts, is_title, is_upper, is_alpha, pos = tt.text, tt.is_title, tt.is_upper, tt.is_alpha, tt.pos
        i = 0
        while i < len(doc):
            text = texts[i]
            if not taken[i] and "-" in text:
                hyphen = self._hyphen_token(doc[i])  # "the U.S.-led coalition" where no entity was tagged
                if hyphen is not None:
                    mentions.append(hyphen)
                    i += 1
                    continue
            shouting = bool(is_upper[i]) and len(text) >= 4 and bool(is_alpha[i])
            if taken[i] or not (is_title[i] or shouting) or (pos[i] not in ("PROPN", "ADJ") and not shouting) \
                    or len(text) < 3:
                i += 1
                continue
            j = i
            while j < len(doc) and j - i < 4 and not taken[j] and (is_title[j] or (shouting and is_upper[j])):
                j += 1
            anchored = self._anchored_town(doc, i, j)
            if anchored:
                mentions.append(_Mention(i, anchored, "GAZ", span_text(doc, i, anchored)))
                i = anchored
                continue
            found = self._longest_known(doc, i, j, shouting)
            if found is None:
                i += 1
                continue
            mentions.append(found)
            i = found.end
        return mentions

    def _longest_known(self, doc: Any, i: int, j: int, shouting: bool) -> Optional[_Mention]:
        """The longest run ``doc[i:k]`` (k ≤ j) that names a place worth taking."""
        tok = doc[i]
        for k in range(j, i, -1):
            span = doc[i:k]
            if tok.pos_ == "ADJ" and k == i + 1:
                return _Mention(i, k, "NORP", span.text) if self._demonym(span.text) is not None else None
            cands = self._candidates(span.text, abbreviations=False)
            if cands and (self._scan_worthy(cands) or (not shouting and self._town_in_context(doc, i, k, cands))):
                return _Mention(i, k, "GAZ", span.text)
        return None

    def _add_comma_regions(self, doc: Any, mentions: list[_Mention]) -> None:
        """The region after "Town, ": abbreviations too, and whatever the recogniser called it ("Que.")."""
        covered = {t for m in mentions for t in range(m.start, m.end)}
        for m in list(mentions):
            if m.label == "NORP":
                continue
            if m.end >= len(doc) or doc[m.end].text != ",":
                continue  # a region in parentheses is the recogniser's to find
            end = self._comma_region(doc, m.end, self._candidates(m.text, abbreviations=False))
            if end and not covered.intersection(range(m.end + 1, end)):
                mentions.append(_Mention(m.end + 1, end, "GPE", doc[m.end + 1:end].text))
                covered.update(range(m.end + 1, end))

    def _located(self, doc: Any, ent: Any) -> bool:
        """A non-place entity that a locative preposition governs and that names a town ("born in Churchill")."""
        if ent.start == 0 or ent.label_ not in ("PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT"):
            return False
        prep = doc[ent.start - 1]
        if prep.lower_ not in LOCATIVE_PREPS or prep.dep_ != "prep" or ent.root.head != prep:
            return False
        cands = self._candidates(ent.text, abbreviations=False)
        return bool(cands) and cands[0][2] == 1 and ent.text.casefold() not in GENERIC_WORDS

    def _town_in_context(self, doc: Any, start: int, end: int, cands: list[tuple[Place, int, int]], *,
                         person: bool = False) -> bool:
        """Whether ``doc[start:end]``, the main name of some town however small, is used as a place.

        Its context vouches for it: a civic noun that it modifies ("Cairns police",
        "Beaconsfield Mayor", "Bantam Superior Court", "Abbassiya district", "Tabriz
        resident"), a locative preposition ("ambulance from Churchill to", "outside
        of Waterloo"), or the "of" of a residence or of a settlement noun ("James
        Suver, 25, of Columbia,"; "the villages of Foua").  A person's name needs
        the civic noun.
        """
        if not cands or not any(kind == 1 and (p.feature_code or "").startswith(("PPL", "ADM")) for p, _, kind in cands):
            return False
        span = doc[start:end]
        if span.text.casefold() in GENERIC_WORDS or any(t.pos_ not in ("PROPN", "NOUN") for t in span):
            return False
        after = [t.lower_ for t in doc[end:end + 3] if not t.is_punct]
        if after and after[0] in ("'s", "’s"):
            after = after[1:]
        if after and (after[0] in CIVIC_NOUNS or (len(after) > 1 and after[0] in COURT_WORDS
                                                  and after[1] in ("court", "courts"))):
            return True
        root = span.root
        prep = root.head if root.dep_ == "pobj" else None
        if prep is None or prep.i != start - 1:
            return False
        if prep.lower_ in TOWN_PREPS:
            return not person
        if prep.lower_ == "of":
            before = doc[prep.i - 1] if prep.i > 0 else None
            return before is not None and (before.text == "," or before.lower_ in ("outside", "north", "south", "east",
                                                                                 "west") or prep.head.lemma_ in SETTLEMENT_NOUNS)
        return False

    def _listed_towns(self, doc: Any, ent: Any) -> list[_Mention]:
        """Towns listed in one entity after a locative preposition ("from Hornsey, Stoke Newington").

        Every part between commas/"and"/"or" must be a town's main name.
        """
        if ent.start == 0 or doc[ent.start - 1].lower_ not in TOWN_PREPS | {"of", "in"}:
            return []
        parts: list[tuple[int, int]] = []
        begin = ent.start
        for t in ent:
            if t.text == "," or t.lower_ in ("and", "or"):
                parts.append((begin, t.i))
                begin = t.i + 1
        parts.append((begin, ent.end))
        if len(parts) < 2:
            return []
        out: list[_Mention] = []
        for a, b in parts:
            if a >= b:
                continue
            seg = doc[a:b]
            if not seg[0].is_title or not any(kind == 1 for _, _, kind in self._candidates(seg.text,
                                                                                        abbreviations=False)):
                return []
            out.append(_Mention(a, b, "GAZ", seg.text))
        return out

    def _hyphen_token(self, t: Any) -> Optional[_Mention]:
        """The place opening one hyphenated token: "U.S.-led", "Britain-based", "Iranian-backed"."""
        head, dash, tail = t.text.rpartition("-")
        if dash and head and tail.islower() and (self._org_is_place(head) or self._demonym(head) is not None):
            label = "GPE" if self._candidates(head, abbreviations=True) else "NORP"
            return _Mention(t.i, t.i + 1, label, head, chars=(t.idx, t.idx + len(head)))
        return None

    def _hyphen_parts(self, doc: Any, ent: Any) -> list[_Mention]:
        """The places of a hyphenated compound entity, one mention each.

        "Turkish-Russian relations", "German-Iraqi boy", "EU-Canada deal",
        "Middlesex-London EMS", "U.S.-led campaign", "Britain-based".  Empty when
        the entity has no hyphen or no part is a place.
        """
        out: list[_Mention] = []
        if ent.label_ in _NUMERIC_LABELS:
            return out
        if any(t.text == "-" for t in ent):
            segs: list[tuple[int, int]] = []
            begin = ent.start
            for t in ent:
                if t.text == "-":
                    segs.append((begin, t.i))
                    begin = t.i + 1
            segs.append((begin, ent.end))
            for a, b in segs:
                if a >= b:
                    continue
                seg = doc[a:b]
                if self._demonym(seg.text) is not None and not self._people_noun(seg):
                    out.append(_Mention(a, b, "NORP", seg.text))
                    continue
                for k in range(b, a, -1):  # the longest opening of the segment that is a place
                    if all(t.lower_ in GENERIC_WORDS for t in doc[a:k]):
                        continue
                    if self._org_is_place(doc[a:k].text) or (
                        ent.label_ in ("GPE", "LOC") and self._candidates(doc[a:k].text, abbreviations=False)
                    ):
                        out.append(_Mention(a, k, "GPE", doc[a:k].text))
                        break
            return out
        for t in ent:
            found = self._hyphen_token(t)
            if found is not None:
                out.append(found)
        return out

    def _comma_region(self, doc: Any, k: int, cands: list[tuple[Place, int, int]]) -> int:
        """End of an admin1 region that holds a town of ``cands``, named after a comma at token
        ``k`` ("Hugo, Oklahoma") or as an item of the parentheses opened there ("Djibo (Soum,
        Sahel)", the way conflict notes locate a town), or 0."""
        if k >= len(doc) or doc[k].text not in (",", "("):
            return 0
        paren = doc[k].text == "("  # a variant spelling counts there too ("Khan Younis (Gaza Strip)")
        if not paren:
            items = [(k + 1, r) for r in range(min(len(doc), k + 4), k + 1, -1)]
        else:
            close = next((r for r in range(k + 1, min(len(doc), k + 12)) if doc[r].text in "()"), None)
            if close is None or doc[close].text != ")":
                return 0
            cuts = [r for r in range(k + 1, close) if doc[r].text == ","]
            items = list(zip([k + 1] + [c + 1 for c in cuts], cuts + [close]))
        for a, r in items:
            region = doc[a:r]
            if not len(region) or not (region[0].is_title or region[0].is_upper) or region[-1].text == ",":
                continue
            for p, _, _ in self._candidates(region.text, abbreviations=True)[:5]:
                if p.feature_code == "ADM1" and any(
                    c.country_code == p.country_code and c.admin1 == p.admin1 and (kind == 1 or paren) for c, _, kind in cands
                ):
                    return r
        return 0

    def _anchored_town(self, doc: Any, i: int, j: int) -> int:
        """End of a town's name at ``doc[i:j]`` that its context vouches for, however small, or 0.

        "Gatineau, Que.", "Hugo, Oklahoma": followed by a comma and an admin1
        region that holds a town of that name; or a dateline ("BANTAM — A
        Danbury mason...") at the start of a line followed by a dash.
        """
        for k in range(j, i, -1):
            cands = self._candidates(span_text(doc, i, k), abbreviations=False)
            if not cands:
                continue
            if self._comma_region(doc, k, cands):
                return k
            line_start = i == 0 or "\n" in doc[i - 1].whitespace_ or "\n" in doc[i - 1].text
            if line_start and doc[i].is_upper and k < len(doc) and doc[k].text in ("—", "–", "-", "--") \
                    and any(kind == 1 for _, _, kind in cands):
                return k
        return 0

    def _org_place(self, doc: Any, ent: Any) -> Optional[tuple[int, int]]:
        """Token span of the place an organisation's name carries, if any.

        A place opens the name ("Edmonton Police Service", "Metcalfe County Sheriff's
        Office"), follows its last "of" ("Government of Alberta", "University of
        Manitoba"), or closes it ("CTV Winnipeg", "Costco Canada"); the last two only
        for a country, an admin1 region or a city of at least 500,000.
        """
        first = ent.start + 1 if doc[ent.start].lower_ in ("the", "a") and ent.end - ent.start > 2 else ent.start
        for k in range(min(ent.end - 1, first + 3), first, -1):
            head = doc[first:k]
            if all(t.lower_ in GENERIC_WORDS for t in head):
                continue
            cands = self._candidates(head.text, abbreviations=False)
            county = head[-1].lower_ in ADMIN_WORDS and k - first > 1
            if cands and cands[0][2] == 1 and (county or self._scan_worthy(cands)):
                return first, k
            if cands and self._town_in_context(doc, first, k, cands):
                return first, k  # "Enfield Council", "Bantam Superior Court"
        of = [t.i for t in ent if t.lower_ == "of" and t.i > ent.start]
        starts = [of[-1] + 1] if of else []
        starts += [i for i in (ent.end - 2, ent.end - 1) if i > ent.start and i not in starts]
        for i in starts:
            if i >= ent.end or not doc[i].is_title and not doc[i].is_upper:
                continue
            if doc[i].lower_ == "the" and i + 1 < ent.end:
                i += 1
            if doc[i:ent.end].text.casefold() not in GENERIC_WORDS and self._org_is_place(doc[i:ent.end].text):
                return i, ent.end
        return None

    def _org_is_place(self, text: str, *, person: bool = False) -> bool:
        """An ORG/PERSON entity that is exactly a country, admin1 region or big city name ("Kiev said")."""
        if person and " " in text:
            return False
        cands = self._candidates(text, abbreviations=False)
        if not cands or cands[0][2] != 1:
            return False
        place, pop, _ = cands[0]
        return place.feature_code in ("PCLI", "ADM1", "PPLC") or pop >= 500_000

    @staticmethod
    def _people_noun(span: Any) -> bool:
        """A plural demonym ("Iraqis", "Americans") names people, not a place."""
        last = span[-1]
        return last.tag_ in ("NNS", "NNPS") and last.lower_.endswith("s")

    def _scan_worthy(self, cands: list[tuple[Place, int, int]]) -> bool:
        place, pop, kind = cands[0]
        if kind == 0 and not _country_level(place):
            return False
        return place.feature_code in ("PCLI", "PCLD", "PCLS", "CONT", "ADM1", "RGN", "PPLC") or pop >= self.min_scan_population

    # ------------------------------------------------------------------ scoring

    @staticmethod
    def _prior(place: Place, pop: int, kind: int) -> float:
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
            if cc == rcc and (not radm or place.admin1 == radm):
                score += 10.0
        if place.feature_code == "ADM1":
            # a town of this very name that seats the region or holds a good share of its people
            same_city = any(
                (p.feature_code or "").startswith("PPL") and p.country_code == cc and k == 1
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
        if m.speech and place.feature_code == "PPLC":
            score += 3.0
        if ctx["near"] and place.lat is not None and place.lon is not None:
            # spatial coherence: another toponym of the article can be read as a town nearby
            # (or, for a region, as a town in it)
            if place.feature_code == "ADM1":
                if any(acc == cc and adm == place.admin1 for _, _, acc, adm in ctx["near"]) \
                        or ctx["areas"].get((cc, place.admin1)):
                    score += NEAR_BONUS
            elif (place.feature_code or "").startswith(("PPL", "ADM2")) and any(
                within_km(place.lat, place.lon, lat, lon, NEAR_KM) for lat, lon, _, _ in ctx["near"]
            ):
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
            self._comma_regions(doc, keep)
            return refine_places(doc, self._resolve_in_context(doc, keep, self._names_in_text(keep)))
        finally:
            self._doc_local.candidates = None

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
        if not m.cands and len(span) > 1 and span[-1].lower_ in ADMIN_WORDS:
            # "Sichuan province", "Puge county": the name without its administrative noun
            m.cands = self._candidates(span[:-1].text, abbreviations=False)
            m.admin_word = bool(m.cands)
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
            items = match.group(1).split(",")  # "(Soum, Sahel)": each item may be the region
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
            start_tok -= 1
            kind = PlaceKind.region
        if best is not None and best.feature_code == "RGN":
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
