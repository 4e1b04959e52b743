"""whimbrel: news reports of conflict and political events → structured, attributed events.

Public API::

    import whimbrel
    events = whimbrel.extract(text, published="2024-01-24")
    with whimbrel.Store("events.db") as store:      # the event store (see docs/store.md)
        frame = store.to_frame()
"""

from .errors import WhimbrelError
from .store import Store
from .extract import build_pipeline, extract, extract_many
from .records import (
    AcledType,
    Article,
    Claim,
    Count,
    Cue,
    DatePrecision,
    DateRef,
    Entity,
    Event,
    Modality,
    Note,
    Place,
    PlaceBasis,
    PlaceKind,
    PlacePrecision,
    RefusedFigure,
    Size,
    Skip,
    Span,
    TextSpan,
)

__version__ = "0.1.0"

__all__ = [
    "AcledType",
    "Article",
    "Claim",
    "Count",
    "Cue",
    "DatePrecision",
    "DateRef",
    "Entity",
    "Event",
    "Modality",
    "Note",
    "Place",
    "PlaceBasis",
    "PlaceKind",
    "PlacePrecision",
    "RefusedFigure",
    "Size",
    "Skip",
    "Span",
    "Store",
    "TextSpan",
    "WhimbrelError",
    "build_pipeline",
    "extract",
    "extract_many",
]
