"""The ACLED layer: PLOVER events → ACLED event type / sub-event type.

One table gives the answer per (type, mode); per-type refiners look at what the
table cannot see (the recipients' and actors' sectors, the trigger word, a
``cbrn`` context, a police intervention) and may decide first.  A refiner returns
``None`` to leave the decision to the table.

Category names follow the ACLED codebook; the rules are whimbrel's.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Callable, Iterable, Mapping, Optional, Sequence

from ..records import AcledType
from ._tables import ARMED_SECTORS, STATE_SECTORS
from .plover import checked_type

# --------------------------------------------------------------------------- tables

_ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

# (PLOVER type, mode) -> (ACLED event type, sub-event type); mode "*" is the type's default.
# ASSAULT rows marked with a leading "?" are decided by the recipient (armed → Battles).
ACLED_TABLE: dict[tuple[str, str], tuple[str, str]] = {
    ("ASSAULT", "aerial"): ("Explosions/Remote violence", "Air/drone strike"),
    ("ASSAULT", "heavy-weapons"): ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("ASSAULT", "explosives"): ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("ASSAULT", "suicide-attack"): ("Explosions/Remote violence", "Suicide bomb"),
    ("ASSAULT", "abduct"): ("Violence against civilians", "Abduction/forced disappearance"),
    ("ASSAULT", "sexual"): ("Violence against civilians", "Sexual violence"),
    ("ASSAULT", "beat"): ("Violence against civilians", "Attack"),
    ("ASSAULT", "torture"): ("Violence against civilians", "Attack"),
    ("ASSAULT", "execute"): ("Violence against civilians", "Attack"),
    ("ASSAULT", "assassinate"): ("Violence against civilians", "Attack"),
    ("ASSAULT", "primitive"): ("Violence against civilians", "Attack"),
    ("ASSAULT", "destroy"): ("Strategic developments", "Looting/property destruction"),
    ("ASSAULT", "firearms"): ("Battles", "Armed clash"),
    ("ASSAULT", "*"): ("Battles", "Armed clash"),
    ("PROTEST", "riot"): ("Riots", "Violent demonstration"),
    ("PROTEST", "*"): ("Protests", "Peaceful protest"),
    ("COERCE", "arrest"): ("Strategic developments", "Arrests"),
    ("COERCE", "confiscate"): ("Strategic developments", "Looting/property destruction"),
    ("COERCE", "*"): ("Strategic developments", "Other"),
    ("MOBILIZE", "*"): ("Strategic developments", "Change to group/activity"),
    ("RETREAT", "withdraw"): ("Strategic developments", "Non-violent transfer of territory"),
    ("RETREAT", "ceasefire"): ("Strategic developments", "Agreement"),
    ("RETREAT", "release"): ("Strategic developments", "Agreement"),
    ("RETREAT", "disarm"): ("Strategic developments", "Change to group/activity"),
    ("AGREE", "*"): ("Strategic developments", "Agreement"),
}

# Trigger lemmas that pick a finer ACLED sub-event type than the mode alone.
ACLED_TRIGGER_TABLE: dict[str, tuple[str, str]] = {
    "grenade": ("Explosions/Remote violence", "Grenade"),
    "chemical": ("Explosions/Remote violence", "Chemical weapon"),
    "gas": ("Explosions/Remote violence", "Chemical weapon"),
    "sarin": ("Explosions/Remote violence", "Chemical weapon"),
    "chlorine": ("Explosions/Remote violence", "Chemical weapon"),
    "defuse": ("Strategic developments", "Disrupted weapons use"),
    "intercept": ("Strategic developments", "Disrupted weapons use"),
    "foil": ("Strategic developments", "Disrupted weapons use"),
    "thwart": ("Strategic developments", "Disrupted weapons use"),
    "loot": ("Strategic developments", "Looting/property destruction"),
    "plunder": ("Strategic developments", "Looting/property destruction"),
    "lynch": ("Riots", "Mob violence"),
    "mob": ("Riots", "Mob violence"),
    "vigilante": ("Riots", "Mob violence"),
    "headquarters": ("Strategic developments", "Headquarters or base established"),
    "base": ("Strategic developments", "Headquarters or base established"),
    "recapture": ("Battles", "Government regains territory"),
    "retake": ("Battles", "Government regains territory"),
    "liberate": ("Battles", "Government regains territory"),
    "capture": ("Battles", "Non-state actor overtakes territory"),
    "overrun": ("Battles", "Non-state actor overtakes territory"),
}


ACLED_TYPES: Mapping[str, tuple[str, ...]] = MappingProxyType(dict(_ACLED_TYPES))
"""ACLED's event types and their sub-event types."""

_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")
# ASSAULT modes whose ACLED type depends on who was hit (armed: a battle; civilians: an attack)
_BY_RECIPIENT_MODES = (None, "firearms", "primitive", "beat", "torture", "execute", "assassinate")


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class _Hints:
    """What the caller knows beyond (type, mode), normalized once."""

    mode: Optional[str]
    context: frozenset[str]
    recipients: frozenset[str]  # sector codes, first three letters, upper case
    actors: frozenset[str]
    trigger: str  # lemma, lower case, "" when unknown
    intervention: bool

    def trigger_row(self) -> Optional[AcledType]:
        hit = ACLED_TRIGGER_TABLE.get(self.trigger)
        return AcledType(event_type=hit[0], sub_event_type=hit[1]) if hit is not None else None


def _protest(h: _Hints) -> AcledType:
    if h.mode == "riot":
        if h.trigger in ("lynch", "mob", "vigilante"):
            return AcledType(event_type="Riots", sub_event_type="Mob violence")
        return AcledType(event_type="Riots", sub_event_type="Violent demonstration")
    sub = "Protest with intervention" if h.intervention else "Peaceful protest"
    return AcledType(event_type="Protests", sub_event_type=sub)


def _territory(h: _Hints, row: AcledType) -> AcledType:
    """A capture or recapture: who took it decides (a state sector among the actors, or not)."""
    if h.actors & STATE_SECTORS:
        return AcledType(event_type="Battles", sub_event_type="Government regains territory")
    if h.actors:
        return AcledType(event_type="Battles", sub_event_type="Non-state actor overtakes territory")
    return row


def _assault(h: _Hints) -> Optional[AcledType]:
    if "cbrn" in h.context:
        return AcledType(event_type="Explosions/Remote violence", sub_event_type="Chemical weapon")
    row = h.trigger_row()
    if row is not None:
        if row.sub_event_type in _TERRITORY:
            return _territory(h, row)
        if row.event_type != "Strategic developments" or row.sub_event_type == "Looting/property destruction":
            return row
    if h.mode in _BY_RECIPIENT_MODES:
        armed = bool(h.recipients & ARMED_SECTORS)
        if armed:
            return AcledType(event_type="Battles", sub_event_type="Armed clash")
        if h.recipients:
            return AcledType(event_type="Violence against civilians", sub_event_type="Attack")
    return None


def _strategic_trigger(h: _Hints) -> Optional[AcledType]:
    """A trigger that names a strategic development ("defuse", "headquarters") decides."""
    row = h.trigger_row()
    return row if row is not None and row.event_type == "Strategic developments" else None


_REFINERS: Mapping[str, Callable[[_Hints], Optional[AcledType]]] = MappingProxyType({
    "PROTEST": _protest,
    "ASSAULT": _assault,
    "COERCE": _strategic_trigger,
    "MOBILIZE": _strategic_trigger,
})
"""Per PLOVER type, the rule that may decide before the table."""


def _table_row(etype: str, mode: Optional[str]) -> AcledType:
    row = ACLED_TABLE.get((etype, mode or "*")) or ACLED_TABLE.get((etype, "*"))
    return AcledType() if row is None else AcledType(event_type=row[0], sub_event_type=row[1])


def acled(
    etype: str,
    mode: Optional[str] = None,
    context: Iterable[str] = (),
    *,
    recipient_sectors: Sequence[str] = (),
    actor_sectors: Sequence[str] = (),
    trigger: Optional[str] = None,
    intervention: bool = False,
) -> AcledType:
    """ACLED event type / sub-event type for a PLOVER event; ``AcledType()`` when none.

    Optional hints refine the answer: the recipients' sectors (armed recipients make
    an attack a battle, civilian ones violence against civilians), the actors'
    sectors (state vs non-state for territory changes), the trigger lemma
    ("grenade", "defuse", "loot"...), a ``cbrn`` context (chemical weapon), and
    ``intervention`` (a protest that police or others broke up).
    """
    et = checked_type(etype, mode)
    hints = _Hints(
        mode=mode,
        context=frozenset(context),
        recipients=frozenset(s[:3].upper() for s in recipient_sectors if s),
        actors=frozenset(s[:3].upper() for s in actor_sectors if s),
        trigger=(trigger or "").lower().strip(),
        intervention=intervention,
    )
    refine = _REFINERS.get(et.name)
    decided = refine(hints) if refine is not None else None
    return decided if decided is not None else _table_row(et.name, mode)


__all__ = ["ACLED_TYPES", "acled"]
