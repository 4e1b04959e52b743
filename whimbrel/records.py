"""The typed records that flow through whimbrel.

Every stage reads and writes these frozen models; nothing downstream of the
reader passes plain dicts around.  The JSON form of an :class:`Event` (``Event.to_json()``)
is the public record documented in ``docs/schema.md`` and printed by ``whimbrel schema``.
The names for users are re-exported by :mod:`whimbrel` (its ``__all__`` is the one list).

Conventions
-----------
* Character offsets (``start``/``end``) always index the *cleaned* article text
  (``Article.text``), end-exclusive, like Python slices.
* Unknown stays ``None``: a resolver that is not sure leaves a field empty rather
  than guessing.
* Precision fields are explicit enums, never sentinel strings inside values.
"""

from __future__ import annotations

import hashlib
from enum import Enum
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Record(BaseModel):
    """Base for all records: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def model_copy(self, *, update: Optional[dict[str, Any]] = None, deep: bool = False) -> Any:
        """pydantic's ``model_copy``; the shallow copy (the stages make ~300 per article, of
        entities and places with their offsets) is built directly, as pydantic's ``__copy__``
        and ``model_copy`` build it, for a record with no extra fields and no private attributes."""
        if deep or self.__pydantic_private__ is not None or self.__pydantic_extra__ is not None:
            return super().model_copy(update=update, deep=deep)
        cls = type(self)
        new = cls.__new__(cls)
        values = self.__dict__.copy()
        fields_set = set(self.__pydantic_fields_set__)
        if update:
            values.update(update)
            fields_set.update(update.keys())
        object.__setattr__(new, "__dict__", values)
        object.__setattr__(new, "__pydantic_extra__", None)
        object.__setattr__(new, "__pydantic_fields_set__", fields_set)
        object.__setattr__(new, "__pydantic_private__", None)
        return new

    def to_json(self) -> dict[str, Any]:
        """The JSON-ready dict (enums as their values)."""
        return self.model_dump(mode="json")


# --------------------------------------------------------------------------- enums


class DatePrecision(str, Enum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


class PlacePrecision(str, Enum):
    """How precisely a place's coordinates locate what the text names (finest first)."""

    point = "point"  # a site: the coordinates are the place itself
    city = "city"  # a town or city, at its GeoNames point
    district = "district"  # a neighbourhood or district of a named city, at the city's point
    near = "near"  # near, outside or on the outskirts of a town, at the town's point
    admin2 = "admin2"  # a second-level division (county, district), or a place in it missing from the gazetteer
    admin1 = "admin1"  # a first-level division (province, state), or a place in it missing from the gazetteer
    region = "region"  # a named region or part of a country ("northern Iraq"), at the region's or country's point
    country = "country"  # a country (or continent), at its centroid, never its capital


class Modality(str, Enum):
    asserted = "asserted"
    negated = "negated"
    hypothetical = "hypothetical"
    future = "future"
    historical = "historical"
    generic = "generic"  # a rule or normative statement ("the law lets ..."), no act that happened


class PlaceBasis(str, Enum):
    """How an event's place was chosen, for code to branch on; a place's reason says it in words."""

    argument = "argument"  # a locative argument of the trigger ("attacked in Mosul")
    sentence = "sentence"  # the place of the trigger's sentence closest to the trigger
    focus = "focus"  # no place in the sentence: the article's focus country


class PlaceKind(str, Enum):
    literal = "literal"
    demonym = "demonym"
    metonym = "metonym"
    region = "region"


# --------------------------------------------------------------------------- parts

PLACE_ID_PREFIX = "place:"
"""Entity ids of recipients taken from an event's place begin with this."""



class Span(Record):
    """Provenance of one report of an event: a sentence of the cleaned text."""

    sentence: int = Field(description="0-based index of the sentence in the cleaned text")
    start: int = Field(description="character offset of the sentence start in the cleaned text")
    end: int = Field(description="character offset one past the sentence end")
    text: str = Field(description="the sentence text, equal to text[start:end]")


class Entity(Record):
    """An actor, recipient or claimant."""

    text: str = Field(description="the words in the article")
    name: Optional[str] = Field(None, description="canonical name, when resolved")
    code: Optional[str] = Field(
        None, description="ISO 3166 alpha-3 country (or IGO code) the entity belongs to"
    )
    sector: Optional[str] = Field(None, description="PLOVER-style sector: GOV, MIL, REB, CVL, ...")
    id: Optional[str] = Field(None, description="knowledge-base id, when resolved")
    start: Optional[int] = Field(None, description="character offset in the cleaned text")
    end: Optional[int] = Field(None, description="character offset one past the end")

    @staticmethod
    def place_id(key: object) -> str:
        """The id of a recipient taken from the event's place (PLOVER's affected state):
        ``place:`` and the place's GeoNames id, else its country code."""
        return f"{PLACE_ID_PREFIX}{key}"

    @property
    def from_place(self) -> bool:
        """True when this entity was taken from the event's place, not named as a party."""
        return (self.id or "").startswith(PLACE_ID_PREFIX)


class Place(Record):
    """A resolved (or unresolved) place."""

    text: str = Field(description="the words in the article")
    name: Optional[str] = None
    geonameid: Optional[int] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    country_code: Optional[str] = Field(None, description="ISO 3166 alpha-2 country code")
    admin1: Optional[str] = Field(None, description="first-level administrative region name")
    feature_code: Optional[str] = Field(None, description="GeoNames feature code (PPLC, PCLI, ADM1...)")
    precision: Optional[PlacePrecision] = None
    kind: PlaceKind = PlaceKind.literal
    reason: Optional[str] = Field(None, description="why this place was chosen for the event, in words")
    basis: Optional[PlaceBasis] = Field(
        None, description="how it was chosen: argument of the trigger, same sentence or article focus"
    )
    start: Optional[int] = None
    end: Optional[int] = None


class DateRef(Record):
    """A date as written, resolved against the publication date."""

    text: Optional[str] = Field(None, description="the words in the article, if any")
    value: Optional[str] = Field(
        None, description="YYYY-MM-DD (day, week), YYYY-MM (month) or YYYY (year); null when unknown"
    )
    precision: Optional[DatePrecision] = None


class Count(Record):
    """A figure with its uncertainty: low <= best <= high."""

    low: Optional[int] = None
    best: Optional[int] = None
    high: Optional[int] = None

    def point(self) -> Optional[int]:
        """One number for the figure: best, else low, else high (None when all are unknown)."""
        for value in (self.best, self.low, self.high):
            if value is not None:
                return value
        return None


def _empty(value: Any) -> bool:
    return not value


class RefusedFigure(Record):
    """A figure read in the text but refused as implausible: it is kept here, not in the counts."""

    figure: str = Field(description="dead | injured | arrested")
    count: Count = Field(description="the figure as read (exact integers, however large)")
    code: str = Field("E209", description="the warning's code (ImplausibleFigure, docs/errors.md)")
    reason: str = Field(description="why it was refused, in words")


class Size(Record):
    dead: Optional[Count] = None
    injured: Optional[Count] = None
    arrested: Optional[Count] = None
    refused: tuple[RefusedFigure, ...] = Field(
        (), exclude_if=_empty,
        description="figures refused as implausible (over 10^7, or more than the country's people); left out when none",
    )


class TextSpan(Record):
    """Words of the cleaned text with their offsets."""

    text: str = Field(description="the words in the article")
    start: Optional[int] = Field(None, description="character offset in the cleaned text")
    end: Optional[int] = Field(None, description="character offset one past the end")


class Cue(TextSpan):
    """The reporting or hedging words of a claim ("said in a statement", "according to", "allegedly")."""

    lemma: Optional[str] = Field(None, description="the reporting verb's lemma or the hedge word, e.g. 'say'")


class Claim(Record):
    """Who asserts an event or its figures, and whether the wording hedges it.

    A nested report ("A said B accused C of X") is one claim by the nearest source (B)
    with the reporter (A) in ``via``. An anonymous report ("it was reported that",
    "allegedly") has no claimant and is hedged.
    """

    claimant: Optional[Entity] = None
    text: str = Field(description="the attribution words, e.g. 'said in a statement'")
    hedged: bool = False
    cue: Optional[Cue] = Field(None, description="the reporting or hedging words with their span and lemma")
    hedge: Optional[str] = Field(None, description="the words that hedge the claim ('allegedly', 'claimed'), when hedged")
    via: Optional[Entity] = Field(None, description="the outer source of a nested report ('A said B accused C': A)")
    pronoun: Optional[TextSpan] = Field(None, description="the pronoun the claimant was resolved from ('he said')")
    figures: tuple[str, ...] = Field((), description="the casualty figures this claim gives: dead, injured, arrested")

    @field_validator("cue", mode="before")
    @classmethod
    def _cue_from_word(cls, value: Any) -> Any:
        """A bare word (the record's form before cues had spans) is the cue's text and lemma."""
        return {"text": value, "lemma": value} if isinstance(value, str) else value


class AcledType(Record):
    """ACLED's coding of an event (whimbrel's ACLED layer, docs/acled.md)."""

    event_type: Optional[str] = None
    sub_event_type: Optional[str] = None
    disorder_type: Optional[str] = Field(None, description="Political violence, Demonstrations, Strategic developments")
    inter1: Optional[int] = Field(None, description="ACLED actor category of the actor (1 state forces ... 8 external/other)")
    inter2: Optional[int] = Field(None, description="ACLED actor category of the recipient")
    interaction: Optional[str] = Field(None, description="inter1 and inter2, lower first ('17'); one side alone: '10'")
    rule: Optional[str] = Field(None, description="id of the ACLED rule that decided (docs/acled.md), 'table' for the type/mode table")


# --------------------------------------------------------------------------- top level


class Note(Record):
    """A warning about one value of an input that was refused; the input itself was read.

    E.g. a publication date that is no real day: the article is processed as undated and
    carries this note (code E208) naming the file and record."""

    code: str = Field(description="warning code, e.g. E208 (docs/errors.md)")
    field: str = Field(description="the record field whose value was refused, e.g. published")
    origin: Optional[str] = Field(None, description="file and line/record")
    message: str = Field(description="what was refused and why")
    hint: Optional[str] = Field(None, description="what to do about it")

    def line(self) -> str:
        """The one line for people: ``ORIGIN: [CODE] message — hint``."""
        where = f"{self.origin}: " if self.origin else ""
        tail = f" — {self.hint}" if self.hint else ""
        return " ".join(f"{where}[{self.code}] {self.message}{tail}".split())


class Article(Record):
    """One input article after reading (and, once cleaned, with its clean text)."""

    id: str
    text: str = Field(description="cleaned plain text; offsets index this")
    raw: Optional[str] = Field(None, description="the text or HTML as read")
    title: Optional[str] = None
    published: Optional[str] = Field(None, description="YYYY-MM-DD")
    url: Optional[str] = None
    publisher: Optional[str] = None
    language: Optional[str] = None
    origin: Optional[str] = Field(None, description="file and line/record it came from")
    relevance: Optional[float] = Field(
        None, description="0..1: how likely the article reports political, conflict or crime events (null: not scored)"
    )
    relevance_reason: Optional[str] = Field(None, description="the features behind the relevance score, in words")
    warnings: tuple[Note, ...] = Field(
        (), exclude_if=_empty, description="values of the input that were refused (e.g. an impossible date); left out when none"
    )

    @staticmethod
    def content_id(text: str, *metadata: Optional[str]) -> str:
        """A stable id for an article that has none: a hash of its text and, where a record
        gives them, its metadata (the same wire text on two sites is two articles)."""
        key = text if not any(metadata) else "\x1f".join([text, *(m or "" for m in metadata)])
        return "sha1:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


class Event(Record):
    """One event of one article (the output of ``whimbrel extract``)."""

    id: str = Field(description="stable across runs: a hash of article id, type and first mention")
    article_id: str = Field(description="the input record's id, else a hash of its text")
    event_type: str = Field(description="PLOVER event type, e.g. ASSAULT")
    mode: Optional[str] = Field(None, description="PLOVER mode, e.g. aerial")
    context: tuple[str, ...] = Field((), description="PLOVER contexts, e.g. military, terrorism")
    actor: tuple[Entity, ...] = Field((), description="who did it")
    recipient: tuple[Entity, ...] = Field((), description="to whom it was done")
    date: Optional[DateRef] = Field(None, description="when it happened")
    location: Optional[Place] = Field(None, description="where it happened, with precision and reason")
    size: Size = Field(Size(), description="dead, injured and arrested as low/best/high")
    claims: tuple[Claim, ...] = Field((), description="who asserts the event or its figures")
    modality: Modality = Field(Modality.asserted, description="asserted, negated, hypothetical, future, historical or generic")
    acled: AcledType = Field(AcledType(), description="machine-derived ACLED event_type/sub_event_type")
    cameo: Optional[str] = Field(None, description="CAMEO root code, two digits")
    quad_class: Optional[int] = Field(None, description="0 neutral, 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict")
    intensity: Optional[float] = Field(None, description="-10 (most conflictual) .. +10")
    confidence: float = Field(
        0.5, ge=0.0, le=1.0,
        description="0..1: estimated probability that the event is real and correctly typed (calibrated on precision-dev)",
    )
    salience: float = Field(
        0.5, ge=0.0, le=1.0,
        description="0..1: how strongly the sentence tells this reading, to rank the events of one sentence "
                    "(the primary one is the highest); not a probability across events, see confidence",
    )
    held: Optional[str] = Field(
        None, description="why the event is held back from the default output (kept as data with --all-events); null when counted"
    )
    trigger: Optional[str] = Field(None, description="the words that name the event in its first mention")
    mentions: tuple[Span, ...] = Field((), description="provenance: every sentence that reports this event")

    @staticmethod
    def make_id(article_id: str, event_type: str, first_start: int, first_end: int,
                trigger: Optional[int] = None) -> str:
        """The id of an article's event: its type and first sentence; ``trigger`` (the offset of
        its first trigger word) tells apart two events of one type first told in one sentence."""
        key = f"{article_id}|{event_type}|{first_start}|{first_end}"
        if trigger is not None:
            key += f"|{trigger}"
        return "ev:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


class Skip(Record):
    """An input that could not be processed: kept as data, with its reason."""

    origin: str = Field(description="file and line/record")
    code: str = Field(description="error code, e.g. E204")
    reason: str = Field(description="the one line a person reads: origin, code, message and hint")
    article_id: Optional[str] = None
    message: Optional[str] = Field(None, description="what went wrong, without origin, code or hint")
    hint: Optional[str] = Field(None, description="what to do about it")

    @classmethod
    def from_error(cls, err: Any, origin: str, article_id: Optional[str] = None) -> "Skip":
        """The skip an error (a :class:`~whimbrel.errors.WhimbrelError`) makes of one input."""
        where = err.origin or origin
        return cls(origin=where, code=err.code, reason=f"{where}: [{err.code}] {err.message} — {err.hint}",
                   article_id=article_id, message=err.message, hint=err.hint)

    def line(self) -> str:
        """The one line for people: ``ORIGIN: [CODE] message — hint``."""
        if self.message is not None:
            tail = f" — {self.hint}" if self.hint else ""
            text = f"{self.origin}: [{self.code}] {self.message}{tail}"
        else:
            text = f"{self.origin}: [{self.code}] {self.reason}"
        return " ".join(text.split())

