"""The records of the store and the small pieces its modules share.

Everything here is plain data or a pure function: the canonical event and article
rows (:class:`StoredEvent`, :class:`StoredArticle`, with their :class:`SizeReport` and
:class:`MergeLink`), what deduplication reads of a stored mention (:class:`MentionView`)
and groups them into (:class:`Cluster`), and the rules that several modules must apply
the same way: an article's content hash, a mention's effective day, its order, and the
figure that stands for a count.  ``db``, ``dedupe``, ``reconcile`` and ``queries`` import
from here and never from each other's privates.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Optional

from pydantic import Field, field_validator

from ..records import Article, Count, Event, Note, Record

LEAD_CHARS = 600
"""How much of an article's text deduplication compares (its lead)."""


class SizeReport(Record):
    """One report's casualty figure for an event (kept, never averaged away)."""

    field: str = Field(description="dead | injured | arrested")
    article_id: str
    source: str = Field(description="publisher (or article id when unknown)")
    count: Count
    hedged: bool = False
    claimant: Optional[str] = Field(None, description="who gives the figure in that report; null: the report itself")


class MergeLink(Record):
    """Why a mention belongs to its event: the link that merged it, with feature scores."""

    mention_id: str
    article_id: str
    linked_to: Optional[str] = Field(None, description="mention it was merged through; null for the first")
    score: Optional[float] = None
    reasons: dict[str, float] = Field(default_factory=dict)


class StoredEvent(Event):
    """A canonical, cross-article event: the Event record plus its sources and reports."""

    article_ids: tuple[str, ...] = ()
    sources: tuple[str, ...] = Field((), description="distinct publishers; syndicated copies count once")
    n_articles: int = 0
    n_sources: int = 0
    first_reported: Optional[str] = None
    last_reported: Optional[str] = None
    size_conflict: bool = Field(False, description="reports disagree on a casualty figure")
    size_reports: tuple[SizeReport, ...] = ()
    links: tuple[MergeLink, ...] = ()


class StoredArticle(Record):
    """An article row (text omitted unless asked for)."""

    id: str
    content_hash: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    publisher: Optional[str] = None
    published: Optional[str] = None
    origin: Optional[str] = None
    skip_code: Optional[str] = None
    skip_reason: Optional[str] = None
    syndicated_of: Optional[str] = None
    text: Optional[str] = None
    warnings: tuple[Note, ...] = Field(
        (), exclude_if=lambda v: not v, description="values of the input refused as it was read (e.g. E208 dates)"
    )

    @field_validator("warnings", mode="before")
    @classmethod
    def _warnings_from_column(cls, value: object) -> object:
        """The column holds a JSON list (null when none)."""
        if value is None:
            return ()
        if isinstance(value, (str, bytes)):
            return json.loads(value)
        return value


def content_hash(article: Article) -> str:
    """Hash of what makes an article's content: the input as read (else the text), title, date."""
    key = "\x1f".join([article.raw or article.text or "", article.title or "", article.published or ""])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class MentionView:
    """One stored per-article event with what deduplication needs from its article."""

    id: str
    article_id: str
    event: Event
    date: Optional[str] = None
    date_known: bool = False
    published: Optional[str] = None
    source: Optional[str] = None
    title: Optional[str] = None
    syndicated_of: Optional[str] = None
    lead: Optional[str] = None  # the article's first LEAD_CHARS characters

    @property
    def source_key(self) -> str:
        return self.source or self.syndicated_of or self.article_id


@dataclass
class Cluster:
    """Mentions judged to report one incident, with the links that joined them."""

    mentions: list[MentionView]
    links: list[tuple[str, str, float, dict[str, float]]] = field(default_factory=list)


def best_figure(c: Optional[Count]) -> Optional[int]:
    """The single figure that stands for a count (its best, else its range's point)."""
    return c.point() if c is not None else None


def mention_order(m: MentionView) -> tuple[str, str, str]:
    """Earliest first: publication day, then article id, then mention id (event ids rest on it)."""
    return (m.published or "9999-99-99", m.article_id, m.id)


def effective_date(event: Event, published: Optional[str]) -> tuple[Optional[str], bool]:
    """The day used for blocking: the event's day if known to the day, else the publication day."""
    d = event.date
    if d is not None and d.value and len(d.value) == 10 and (d.precision is None or d.precision.value in ("day", "week")):
        return d.value, True
    return (published[:10] if published else None), False


__all__ = [
    "LEAD_CHARS",
    "Cluster",
    "MentionView",
    "MergeLink",
    "SizeReport",
    "StoredArticle",
    "StoredEvent",
    "best_figure",
    "content_hash",
    "effective_date",
    "mention_order",
]
