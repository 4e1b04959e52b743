"""Toponym mentions: which spans of a parsed article may name a place.

:class:`MentionFinder` holds the recognition half of
:class:`~whimbrel.knowledge.geoparse.Geoparser` (moved here whole from ``geoparse``): spaCy
GPE/LOC/FAC/NORP entities, places hidden in other entities (an organisation's name, a town
the recogniser took for a person or a date), hyphenated compounds ("U.S.-led"), towns that
their context vouches for ("Cairns police", "Hugo, Oklahoma", a dateline), and names the
recogniser missed.  The resolution half (scoring, context) stays in ``geoparse``; the
mixin asks the gazetteer through ``Geoparser._candidates`` and ``Geoparser._demonym``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from ..records import Place, PlaceKind
from ..spacy_doc import doc_ents, span_text, token_table

ENTITY_LABELS = ("GPE", "LOC", "FAC", "NORP")

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
_INNER_PREPS = frozenset(("in", "near"))
_SEATS = frozenset(("PCLI", "PCLD", "PCLS", "CONT", "ADM1", "RGN", "PPLC", "PPLA"))
"""Prepositions inside a non-place entity after which its last words may be a town ("... near Jos")."""

# Nouns that a town's name modifies when it is used as a place ("Cairns police", "Innisfail skater" is not).
CIVIC_NOUNS = frozenset(
    """police council mayor residents resident district suburb suburbs county township borough municipality
    neighbourhood neighborhood airport airports sheriff opp rcmp fire ward councillor councilman councilwoman
    selectmen republican democrat""".split()
)
# Nouns of local news for someone or something from a town ("the Meadow Grove man", "a Clinton
# couple", "their Grovetown home"): they vouch for a town after a determiner, never for a person's name.
RESIDENT_NOUNS = frozenset("man woman men women couple family teen teenager boy girl home house homeowner".split())
# A town known by a name only as an alternate name (a transliteration) is taken after a locative
# preposition when it is a seat of government or has at least this many inhabitants.
ALT_TOWN_POPULATION = 15_000
# Participles after "Town-" that make it a place however small ("Northbrook-based", "Tulsa-born").
BASED_WORDS = frozenset(("based", "born", "headquartered", "bred", "raised"))
RESIDENT_DETERMINERS = frozenset("a an the their his her two three".split())
# Nouns of a public body or work that a town's name opens ("the Elmwood Board of Education", "Elmwood
# Reservoir"): enough inside an organisation's name, never for a person's.  Not hospitals, schools,
# churches or libraries: those are named after saints and benefactors ("Mount Sinai Hospital").
INSTITUTION_NOUNS = frozenset("board commission chamber depot reservoir".split())
COURT_WORDS = frozenset("superior crown county district magistrates municipal city provincial".split())
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december")
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CALENDAR_WORDS = frozenset(MONTH_NAMES + WEEKDAY_NAMES + tuple("christmas easter eve day week month year".split()))
# Prepositions after which a small town's name is taken as a place.
TOWN_PREPS = LOCATIVE_PREPS | frozenset("from to outside toward towards via".split())
# Nouns whose "of" introduces a settlement ("the villages of Foua").
SETTLEMENT_NOUNS = frozenset("village town city suburb outskirt township hamlet community resident native".split())
# Plural division nouns after a list of names ("Barrow and Jackson counties") and the singular
# that names each one in the gazetteer ("Barrow County").
PLURAL_DIVISIONS = {"counties": "County", "parishes": "Parish", "boroughs": "Borough", "districts": "District",
                    "provinces": "Province", "governorates": "Governorate", "oblasts": "Oblast",
                    "departments": "Department", "prefectures": "Prefecture"}
# Entities of other labels that may be a town listed among places, and the words between list items.
_LISTABLE_LABELS = frozenset(("PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "NORP", "FAC"))
_LIST_LINKS = frozenset((",", "and", "or", "&"))
_NUMERIC_LABELS = frozenset("DATE TIME PERCENT MONEY QUANTITY ORDINAL CARDINAL".split())
# The singular division nouns that close a division's own name ("Rapides Parish", "Kandahar
# Province"); the recogniser often takes such a name for a group (NORP) or tags the noun alone.
DIVISION_NOUNS = frozenset(n.casefold() for n in PLURAL_DIVISIONS.values()) | {"governorate", "oblast"}


def _main_town_name(cands: list[tuple[Place, int, int]]) -> bool:
    """Whether the name of ``cands`` (gazetteer candidates: place, population, name kind) is the
    main name (kind 1) of a populated place or an administrative division."""
    return any(kind == 1 and (p.feature_code or "").startswith(("PPL", "ADM")) for p, _, kind in cands)


def _country_level(place: Place) -> bool:
    return (place.feature_code or "").startswith("PCL")


class _Mention:
    """A candidate toponym span while parsing."""

    __slots__ = ("start", "end", "label", "text", "cands", "kind", "region_of", "admin_word", "best", "speech",
                 "chars", "office")

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
        self.office = False  # the place of an official's title ("Floyd County Coroner Ann Roe"): a metonym


class MentionFinder:
    """Where an article may name places: the mention-finding methods of :class:`Geoparser`."""

    min_scan_population: int

    if TYPE_CHECKING:  # provided by Geoparser
        def _candidates(self, text: str, *, abbreviations: bool) -> list[tuple[Place, int, int]]: ...

        def _demonym(self, text: str) -> Optional[Place]: ...

    def _mentions(self, doc: Any) -> list[_Mention]:
        """Candidate toponyms of ``doc``: entities, names the recogniser missed, and the
        region after "Town, ", in text order."""
        taken = [False] * len(doc)
        mentions: list[_Mention] = []
        for ent in doc_ents(doc):
            for i in range(ent.start, ent.end):
                taken[i] = True
            found = self._entity_mentions(doc, ent)
            for m in found:
                for i in range(m.start, m.end):
                    taken[i] = True
            mentions.extend(found)
        mentions.extend(self._scanned_mentions(doc, taken))
        self._add_comma_regions(doc, mentions)
        mentions.extend(self._coordinated_towns(doc, mentions))  # after "Town, Region": "Que." is no list item
        mentions = self._listed_divisions(doc, mentions)
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
        label = ent.label_
        if label == "NORP" and doc[end - 1].lower_ in DIVISION_NOUNS:
            # "Rapides Parish" or only "Parish" tagged as a group: the division, when the
            # name (widened over the capitalised words before the noun) is one's main name
            start, end = self._whole_name(doc, start, end)
            if end - start < 2 or not any(kind == 1 and p.feature_code in ("ADM1", "ADM2")
                                          for p, _, kind in self._candidates(span_text(doc, start, end),
                                                                             abbreviations=False)):
                return []
            label = "GPE"
        elif label in ("GPE", "LOC"):
            start, end = self._whole_name(doc, start, end)
        return [_Mention(start, end, label, doc[start:end].text)]

    def _whole_name(self, doc: Any, start: int, end: int) -> tuple[int, int]:
        """The entity's span widened over capitalised words next to it that, with it, are a
        place's main name: the recogniser cut "SOUTH CHARLESTON" to "CHARLESTON" and "Belle
        Plaine" to "Belle".  Words of another entity are not taken."""
        def free(k: int) -> bool:
            t = doc[k]
            # never a determiner: "The Atlanta" reads as "Atlanta" to the gazetteer, which drops a leading "the"
            return t.ent_iob_ == "O" and (t.is_title or t.is_upper) and t.is_alpha and t.lower_ not in ("the", "a", "an")
        best = (start, end)
        for a in range(start, max(-1, start - 3), -1):
            if a < start and not free(a):
                break
            for b in range(end, min(len(doc), end + 2) + 1):
                if b > end and not free(b - 1):
                    break
                if (a, b) == (start, end) or b - a <= best[1] - best[0]:
                    continue
                if any(kind == 1 for _, _, kind in self._candidates(span_text(doc, a, b), abbreviations=False)):
                    best = (a, b)
        return best

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
        inside = self._place_after_in(doc, ent)
        if inside is not None:
            return [inside]  # "St. Mary's School in Lombard"
        if ent.label_ in ("PERSON", "WORK_OF_ART", "PRODUCT"):
            opening = self._titled_opening(doc, ent)
            if opening is not None:
                office = _Mention(opening[0], opening[1], "GAZ", span_text(doc, *opening))
                office.office = True
                return [office]
        if ent.label_ == "ORG":
            found = self._org_place(doc, ent)
            if found is not None:
                return [_Mention(found[0], found[1], "GAZ", doc[found[0]:found[1]].text)]
            first = ent.start + 1 if doc[ent.start].lower_ == "the" and len(ent) > 2 else ent.start
            tok = doc[first]
            if first < ent.end - 1 and tok.is_title and tok.tag_ in ("JJ", "NNP") and self._demonym(tok.text) is not None \
                    and not any(kind == 1 for k in range(first + 2, ent.end + 1)
                                for _, _, kind in self._candidates(span_text(doc, first, k), abbreviations=False)):
                # a state's or a people's body named by its demonym: "the Lebanese Army",
                # "Georgian Foreign Ministry", "Canadian Coast Guard" (not "the European Union",
                # not "Indian Orchard", places of their own)
                return [_Mention(first, first + 1, "NORP", tok.text)]
        return []

    def _coordinated_towns(self, doc: Any, mentions: list[_Mention]) -> list[_Mention]:
        """Entities of another label listed with a place: "Cleveland, Columbus, Dayton and
        Cincinnati", "in Hamilton and Middletown" (the recogniser took "Dayton" for a firm,
        "Middletown" for a person).  An item of a list ("," "and" "or" between) whose neighbour
        in the list is a place mention is a place too when its whole text is the main name of
        a town or division; the list is followed both ways, item by item."""
        starts = {m.start: m for m in mentions if m.label != "NORP" and m.chars is None}
        ends = {m.end: m for m in mentions if m.label != "NORP" and m.chars is None}
        pending = [e for e in doc_ents(doc) if e.label_ in _LISTABLE_LABELS
                   and not any(m.start < e.end and e.start < m.end for m in mentions)]
        out: list[_Mention] = []
        grown = True
        while grown and pending:
            grown = False
            for ent in list(pending):
                before = ent.start - 1
                if before >= 0 and doc[before].lower_ in _LIST_LINKS:
                    before -= 1 if before >= 1 and doc[before].lower_ in ("and", "or") and doc[before - 1].text == "," \
                        else 0
                left = before >= 1 and doc[before].lower_ in _LIST_LINKS and before in ends
                after = ent.end
                if after < len(doc) and doc[after].text == "," and after + 1 < len(doc) \
                        and doc[after + 1].lower_ in ("and", "or"):
                    after += 1
                right = after < len(doc) and doc[after].lower_ in _LIST_LINKS and after + 1 in starts
                if not (left or right) or not ent[0].is_title:
                    continue
                cands = self._candidates(ent.text, abbreviations=False)
                if ent.text.casefold() in GENERIC_WORDS or not _main_town_name(cands):
                    continue
                m = _Mention(ent.start, ent.end, "GAZ", ent.text)
                out.append(m)
                starts[m.start], ends[m.end] = m, m
                pending.remove(ent)
                grown = True
        return out

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
            party_state = self._party_state(doc, i, taken, texts)
            if party_state is not None:
                mentions.append(party_state)
                i = party_state.end
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

    def _party_state(self, doc: Any, i: int, taken: list[bool], texts: list[str]) -> Optional[_Mention]:
        """A legislator's party and state, AP style: "Sen. Ann Roe, D-S.C.," or "(R-Pa.)": the
        state's abbreviation (or name) after "D-", "R-" or "I-" that follows a comma or bracket."""
        # ``texts``: the token texts of the Doc's table (this is asked of every token)
        if i < 3 or texts[i - 1] not in ("-", "–") or texts[i - 2] not in ("R", "D", "I") \
                or texts[i - 3] not in (",", "(") or not texts[i][:1].isupper():
            return None
        for k in range(min(len(doc), i + 2), i, -1):
            if any(taken[i:k]) or (k < len(doc) and texts[k] not in (",", ")", ";", ".")):
                continue
            text = span_text(doc, i, k)
            if any(p.feature_code == "ADM1" for p, _, _ in self._candidates(text, abbreviations=True)):
                return _Mention(i, k, "GPE", text)
        return None

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
        if ent.text.casefold() in GENERIC_WORDS:
            return False
        # a main name of any place, or another spelling of a seat or a town of some size
        # ("in Khan Younis", "in Avdiivka": GeoNames' own names are Khān Yūnis, Avdiyivka)
        return any(kind == 1 or (kind == 0 and ((p.feature_code or "") in _SEATS | {"PPLA2"} or pop >= ALT_TOWN_POPULATION)
                                 and (p.feature_code or "").startswith(("PPL", "ADM")))
                   for p, pop, kind in cands)

    def _place_after_in(self, doc: Any, ent: Any) -> Optional[_Mention]:
        """The town closing a non-place entity after its own "in" or "near": the recogniser took
        "St. Mary's School in Lombard", "the fair in Sycamore" or "Kuru near Jos" as one name.
        The words after the preposition must be a town's or region's main name."""
        ins = [t.i for t in ent if t.lower_ in _INNER_PREPS and ent.start < t.i < ent.end - 1]
        if not ins:
            return None
        a = ins[-1] + 1
        if not (doc[a].is_title or doc[a].is_upper):
            return None
        # the name ends at the entity's end or at its first bracket or comma ("the village of
        # Mukondi near Beni (Beni, North Kivu": the recogniser ran on into the parentheses)
        b = next((k for k in range(a + 1, ent.end) if doc[k].text in ("(", ",")), ent.end)
        text = span_text(doc, a, b)
        if any(kind == 1 and (p.feature_code or "").startswith(("PPL", "ADM", "PCL"))
               for p, _, kind in self._candidates(text, abbreviations=False)):
            return _Mention(a, b, "GAZ", text)
        return None

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
        if not _main_town_name(cands):
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
        if after and after[0] in RESIDENT_NOUNS and not person and start > 0 and end < len(doc) \
                and doc[end].is_lower and doc[start - 1].lower_ in RESIDENT_DETERMINERS:
            # the noun in lower case: "the White House" is a name of its own
            return True
        if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in BASED_WORDS:
            return True  # "Northbrook-based", "a Tulsa-born singer": a town of any size
        if start >= 2 and doc[start - 1].text in ("-", "–") and doc[start - 2].text in ("R", "D", "I") \
                and (start < 3 or doc[start - 3].text in (",", "(")):
            return True  # a legislator's party and home town, AP style: "Sen. Ann Roe, R-Elbow Lake,"
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
        if dash and head and tail in BASED_WORDS and head[:1].isupper() and _main_town_name(
                self._candidates(head, abbreviations=False)):
            return _Mention(t.i, t.i + 1, "GAZ", head, chars=(t.idx, t.idx + len(head)))  # a town of any size
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
        Danbury mason...") at the start of a line, or right after a headline's full
        stop, followed by a dash.
        """
        for k in range(j, i, -1):
            cands = self._candidates(span_text(doc, i, k), abbreviations=False)
            if not cands:
                continue
            if self._comma_region(doc, k, cands):
                return k
            # a dateline opens a line, or follows the headline run into the same line ("... budget. TORRINGTON — ")
            line_start = i == 0 or "\n" in doc[i - 1].whitespace_ or "\n" in doc[i - 1].text \
                or doc[i - 1].text in (".", "!", "?")
            if line_start and doc[i].is_upper and k < len(doc) and doc[k].text in ("—", "–", "-", "--") \
                    and any(kind == 1 for _, _, kind in cands):
                return k
        return 0

    def _titled_opening(self, doc: Any, ent: Any) -> Optional[tuple[int, int]]:
        """A county or a town opening a person's title that the recogniser ran into the name:
        "McMinn County Sheriff Ann Roe", "Elbow Falls Fire Chief Tom Lee", "Avondale Mayor Ed Bay".
        The opening is a division's own name ending in its noun, or a town's main name followed by
        a civic noun; never a name alone ("Paris Hilton")."""
        first = ent.start + 1 if doc[ent.start].lower_ == "the" and len(ent) > 2 else ent.start
        for k in range(min(ent.end, first + 3), first, -1):
            head = doc[first:k]
            if not head[0].is_title or all(t.lower_ in GENERIC_WORDS for t in head):
                continue
            cands = self._candidates(head.text, abbreviations=False)
            if k == ent.end and not (k < len(doc) and doc[k].is_title):
                continue  # the whole entity is a division only when a title follows it ("Marion County" "Coroner ...")
            if k - first > 1 and head[-1].lower_ in DIVISION_NOUNS and any(
                    kind == 1 and p.feature_code in ("ADM1", "ADM2") for p, _, kind in cands):
                return first, k
            # a town's title needs a name after it: "Kyle Sheriff" is a person's name
            named = k + 1 < ent.end or (ent.end < len(doc) and doc[ent.end].is_title)  # "... Fire" "Chief Tom Lee"
            if cands and named and self._town_in_context(doc, first, k, cands, person=True):
                return first, k
        return None

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
            if cands and k < ent.end and doc[k].lower_ in INSTITUTION_NOUNS and head[0].is_title \
                    and _main_town_name(cands):
                return first, k  # "Elmwood Community Hospital", "the Elmwood Board of Education"
        lead = first
        while lead < ent.end - 1 and doc[lead].lower_ in DIRECTIONS:
            lead += 1
        if first < lead < ent.end - 1:
            # "Northeast Ohio Medical Center", "Western Ontario Kennel Club": a country or admin1 after compass words
            for k in range(min(ent.end - 1, lead + 3), lead, -1):
                cands = self._candidates(span_text(doc, lead, k), abbreviations=False)
                if cands and cands[0][2] == 1 and cands[0][0].feature_code in ("PCLI", "ADM1"):
                    return lead, k
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
        """Whether a name the recogniser missed is worth taking: a country, region, capital or big
        town whose own name it is.  An alternate name ranked first does not hide a seat of
        government whose own name it is ("Gao" is also one of Guantánamo's names)."""
        place, pop, kind = cands[0]
        if kind == 0 and not _country_level(place):
            return any(k != 0 and p.feature_code in _SEATS for p, _, k in cands[1:])
        return place.feature_code in ("PCLI", "PCLD", "PCLS", "CONT", "ADM1", "RGN", "PPLC") or pop >= self.min_scan_population

    def _listed_divisions(self, doc: Any, mentions: list[_Mention]) -> list[_Mention]:
        """Each name of a list closed by a plural division noun is one division: "Barrow and
        Jackson counties" names Barrow County and Jackson County, "Idlib and Hama provinces" two
        provinces.  The names keep their own spans and are looked up with the singular noun
        ("Barrow County"), else alone among admin1/admin2 divisions; a mention the recogniser
        made of a name, or of the whole list, gives way to them."""
        out = list(mentions)
        for t in doc:
            noun = PLURAL_DIVISIONS.get(t.lower_)
            if noun is None or t.i < 2:
                continue
            names: list[tuple[int, int]] = []
            k = t.i
            while k > 0:
                j = k
                while j > 0 and (doc[j - 1].is_title or doc[j - 1].is_upper) and doc[j - 1].pos_ == "PROPN" \
                        and k - j < 3:
                    j -= 1
                if j == k:
                    break
                names.append((j, k))
                if j > 1 and doc[j - 1].lower_ in ("and", "or", "&") and doc[j - 2].text == ",":
                    k = j - 2  # "Grant, Swift, and Wilkin counties"
                elif j > 0 and doc[j - 1].text == "," or doc[j - 1].lower_ in ("and", "or", "&"):
                    k = j - 1
                else:
                    break
            if len(names) < 2:
                continue  # "Barrow County" alone is the recogniser's; a list needs two names
            found: list[_Mention] = []
            for a, b in names:
                name = span_text(doc, a, b)
                lookup = f"{name} {noun}"
                cands = [c for c in self._candidates(lookup, abbreviations=False)
                         if c[0].feature_code in ("ADM1", "ADM2")]
                if not cands:
                    lookup = name
                    cands = [c for c in self._candidates(name, abbreviations=False)
                             if c[0].feature_code in ("ADM1", "ADM2")]
                if cands:
                    found.append(_Mention(a, b, "GAZ", lookup))
                    found[-1].admin_word = True  # "Idlib and Hama provinces": the provinces, not their seats
            if len(found) < 2:
                continue
            spans = [(m.start, m.end) for m in found]
            out = [m for m in out if not any(m.start < b and a < m.end for a, b in spans)] + found
        out.sort(key=lambda m: m.start)
        return out

    def _repeated_names(self, doc: Any, found: list[_Mention]) -> list[_Mention]:
        """Further mentions of a name the article already uses as a place (one sense per
        discourse): "Lombard" once found ("students in Lombard") is a place again where the
        recogniser saw only part of an organisation's name ("the Lombard Historical Society"),
        a person ("Lombard officers") or nothing ("LOMBARD —" in a dateline).

        A name vouches for itself when some mention found it as a literal place that some
        candidate has as its main name, and it is no generic word ("Western") and no part of a
        longer person's name in the article ("Trapani" beside "Mayor Ann Trapani" is her
        surname); a repetition is the same proper nouns, capitalised as there, or in capitals
        before a dateline's dash or comma, that no mention covers.
        """
        surnames = {t.text for ent in doc_ents(doc) if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
        names: dict[str, set[tuple[str, bool]]] = {}  # first word -> (name, in capitals only here)
        for m in found:
            if m.kind != PlaceKind.literal or m.chars is not None or len(m.text) < 3 or not m.text[:1].isupper() \
                    or not any(kind == 1 for _, _, kind in m.cands) or m.text.casefold() in GENERIC_WORDS \
                    or surnames.intersection(m.text.split()):
                continue
            words = tuple(m.text.split())
            names.setdefault(words[0], set()).add((m.text, False))
            if m.text.upper() != m.text:
                names.setdefault(words[0].upper(), set()).add((m.text.upper(), True))
        if not names:
            return []
        pos = token_table(doc).pos
        covered = [False] * len(doc)
        for m in found:
            for i in range(m.start, m.end):
                covered[i] = True
        persons = [False] * len(doc)
        for ent in doc_ents(doc):
            if ent.label_ == "PERSON":
                for i in range(ent.start, ent.end):
                    persons[i] = True
        texts = token_table(doc).text
        out: list[_Mention] = []
        i = 0
        while i < len(doc):
            match = None
            if not covered[i] and texts[i] in names:
                for name, shouted in sorted(names[texts[i]], key=lambda v: len(v[0]), reverse=True):
                    n = len(name.split())
                    if i + n > len(doc) or span_text(doc, i, i + n) != name or any(covered[i:i + n]):
                        continue
                    if shouted:
                        # in capitals only as a dateline: "CROMWELL — ...", "ST. JOHN'S, N.L. - ..."
                        if i + n >= len(doc) or texts[i + n] not in ("—", "–", "-", "--", ","):
                            continue
                    elif any(pos[k] != "PROPN" for k in range(i, i + n) if texts[k][:1].isupper()):
                        continue
                    match = n
                    break
            if match is None:
                i += 1
                continue
            ent = next((e for e in doc_ents(doc) if e.start <= i < e.end), None) if persons[i] else None
            if ent is not None and (ent.start < i or ent.end > i + match):
                i += match  # part of a longer person's name
                continue
            out.append(_Mention(i, i + match, "GAZ", span_text(doc, i, i + match)))
            i += match
        return out


__all__ = ["ADMIN_WORDS", "CALENDAR_WORDS", "DIRECTIONS", "ENTITY_LABELS", "GENERIC_WORDS", "LOCATIVE_PREPS",
           "MONTH_NAMES", "MentionFinder", "TOWN_PREPS", "WEEKDAY_NAMES"]
