"""The PLOVER typology: event types, modes, contexts, sectors, and the mappings to
CAMEO, KAIROS and PLOVER 0.5 that work on them.

The records here are built once from :mod:`whimbrel.codebook._tables`; everything
is pure (no I/O, no models) and immutable.  Use it through :mod:`whimbrel.codebook`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Iterable, Mapping, Optional

from ..errors import CodebookError
from . import _tables as _d

# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Mode:
    """A PLOVER mode: how an event was carried out."""

    name: str
    definition: str
    intensity: Optional[float] = None


@dataclass(frozen=True)
class EventType:
    """One PLOVER event type."""

    name: str
    definition: str
    quad_class: int
    cameo: tuple[str, ...]
    modes: tuple[Mode, ...]
    intensity: float

    def mode(self, name: str) -> Mode:
        """The mode called ``name``; :class:`CodebookError` if this type has none such."""
        for m in self.modes:
            if m.name == name:
                return m
        raise CodebookError(f"event type {self.name} has no mode {name!r}")

    @property
    def mode_names(self) -> tuple[str, ...]:
        return tuple(m.name for m in self.modes)


@dataclass(frozen=True)
class Context:
    name: str
    definition: str


@dataclass(frozen=True)
class Sector:
    code: str
    definition: str
    armed: bool = False


# --------------------------------------------------------------------------- tables → records

EVENT_TYPES: Mapping[str, EventType] = MappingProxyType(
    {
        name: EventType(
            name=name,
            definition=definition,
            quad_class=quad,
            cameo=cameo,
            modes=tuple(Mode(m, md, mi) for m, md, mi in modes),
            intensity=score,
        )
        for name, (quad, definition, cameo, score, modes) in _d.TYPE_TABLE.items()
    }
)
"""The 16 PLOVER event types, in PLOVER order (cooperation to conflict)."""

CONTEXTS: Mapping[str, Context] = MappingProxyType(
    {n: Context(n, d) for n, d in _d.CONTEXT_TABLE.items()}
)
SECTORS: Mapping[str, Sector] = MappingProxyType(
    {c: Sector(c, d, c in _d.ARMED_SECTORS) for c, d in _d.SECTOR_TABLE.items()}
)
ACTOR_CODES: Mapping[str, str] = MappingProxyType(dict(_d.ACTOR_CODE_TABLE))
QUAD_CLASSES: Mapping[int, str] = MappingProxyType(dict(_d.QUAD_NAMES))


def event_type(name: str) -> EventType:
    """The :class:`EventType` called ``name`` (case-insensitive); CodebookError otherwise."""
    et = EVENT_TYPES.get(name.upper()) if isinstance(name, str) else None
    if et is None:
        raise CodebookError(f"unknown PLOVER event type {name!r}")
    return et


def checked_type(etype: str, mode: Optional[str]) -> EventType:
    """The :class:`EventType` called ``etype`` after checking that ``mode`` (if given) is
    one of its modes; CodebookError otherwise."""
    et = event_type(etype)
    if mode is not None:
        et.mode(mode)
    return et


def is_valid(etype: str, mode: Optional[str] = None) -> bool:
    """True when ``etype`` is a PLOVER type and ``mode`` (if given) one of its modes."""
    try:
        checked_type(etype, mode)
    except CodebookError:
        return False
    return True


# --------------------------------------------------------------------------- mappings


def quad_class(etype: str) -> int:
    """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    return event_type(etype).quad_class


def cameo_root(etype: str, mode: Optional[str] = None, context: Iterable[str] = ()) -> str:
    """The two-digit CAMEO root for a PLOVER (type, mode).

    A ``cbrn`` context makes an ASSAULT CAMEO 20 (unconventional mass violence).
    """
    et = checked_type(etype, mode)
    if et.name == "ASSAULT" and "cbrn" in set(context):
        return "20"
    return _d.CAMEO_ROOT_TABLE.get((et.name, mode or "*")) or _d.CAMEO_ROOT_TABLE[(et.name, "*")]


def intensity(etype: str, mode: Optional[str] = None) -> float:
    """Conflict–cooperation score in -10..+10 (Goldstein-like; conflict negative)."""
    et = checked_type(etype, mode)
    if mode is not None:
        m = et.mode(mode)
        if m.intensity is not None:
            return m.intensity
    return et.intensity


_CAMEO_RE = re.compile(r"^\d{2,4}$")


def cameo_to_plover(code: str) -> Optional[tuple[str, Optional[str]]]:
    """PLOVER (type, mode) for a CAMEO code ("19", "190", "1951", "0431").

    The longest known prefix decides.  Returns None for CAMEO 01 (public statements),
    which PLOVER does not code.  Raises :class:`CodebookError` for a malformed code.
    """
    c = str(code).strip()
    if not _CAMEO_RE.match(c) or not ("01" <= c[:2] <= "20"):
        raise CodebookError(f"not a CAMEO event code: {code!r}")
    for n in range(len(c), 1, -1):
        key = c[:n]
        if key in _d.CAMEO_TO_PLOVER_TABLE:
            return _d.CAMEO_TO_PLOVER_TABLE[key]
    raise CodebookError(f"CAMEO code {code!r} has no root in the table")  # pragma: no cover


def legacy_to_plover(event: str, mode: Optional[str] = None) -> tuple[str, Optional[str]]:
    """Translate PLOVER 0.5 labels (as in PLOVER_GSR_CAMEO: DEMAND, DISAPPROVE,
    INVESTIGATE, FIGHT, old modes such as 'demo-org') to current (type, mode).

    Modes that do not exist in the current type become None.
    """
    old = (event or "").strip().upper()
    new = _d.LEGACY_TYPE_TABLE.get(old, old)
    et = event_type(new)
    m = (mode or "").strip()
    m = _d.LEGACY_MODE_TABLE.get((old, m), m)
    if m and m not in et.mode_names:
        # modes moved between types (e.g. COERCE/destroy is now ASSAULT/destroy)
        if new == "COERCE" and m in EVENT_TYPES["ASSAULT"].mode_names:
            return "ASSAULT", m
        return new, None
    return new, (m or None)


def threat_mode(etype: str, mode: Optional[str] = None) -> Optional[str]:
    """The THREATEN mode for a threat to carry out ``etype``/``mode``: "will impose a
    curfew" (COERCE/curfew) is THREATEN/restrict, "threatened to shell" (ASSAULT) is
    THREATEN/violence.  None when the threatened act has no THREATEN mode; raises
    :class:`CodebookError` for an unknown type or mode.
    """
    et = checked_type(etype, mode)
    return _d.THREAT_MODE_TABLE.get((et.name, mode or "*")) or _d.THREAT_MODE_TABLE.get((et.name, "*"))


def kairos_to_plover(kairos_type: str) -> Optional[tuple[str, Optional[str]]]:
    """PLOVER (type, mode) for a KAIROS event type as used by WikiEvents; None when
    the type has no PLOVER analogue.  Exact rows win, then ``Type.Subtype.*`` rows,
    then ``Type.*`` rows.  See :data:`KAIROS_NOTES` for the choices made.
    """
    t = (kairos_type or "").strip()
    if t in _d.KAIROS_TABLE:
        return _d.KAIROS_TABLE[t]
    parts = t.split(".")
    for n in (2, 1):
        key = ".".join(parts[:n]) + ".*"
        if len(parts) >= n and key in _d.KAIROS_TABLE:
            return _d.KAIROS_TABLE[key]
    return None


def kairos_is_listed(kairos_type: str) -> bool:
    """True when the KAIROS type is decided by a table row (exact or wildcard)."""
    parts = kairos_type.split(".")
    keys = {kairos_type} | {".".join(parts[:n]) + ".*" for n in (1, 2) if len(parts) >= n}
    return bool(keys & set(_d.KAIROS_TABLE))


KAIROS_NOTES: tuple[str, ...] = _d.KAIROS_NOTES
"""The choices made in the KAIROS table, in words (printed in docs/codebook.md)."""

__all__ = [
    "ACTOR_CODES",
    "CONTEXTS",
    "Context",
    "EVENT_TYPES",
    "EventType",
    "KAIROS_NOTES",
    "Mode",
    "QUAD_CLASSES",
    "SECTORS",
    "Sector",
    "cameo_root",
    "cameo_to_plover",
    "checked_type",
    "event_type",
    "intensity",
    "is_valid",
    "kairos_is_listed",
    "kairos_to_plover",
    "legacy_to_plover",
    "quad_class",
    "threat_mode",
]
