"""ACLED's ways of writing an actor's name, rewritten so that the parser reads them as one name.

ACLED's data (and text written after it: event notes, situation reports, analyses that quote its
actor list) names actors by two conventions that the English parser misreads:

* **The period of a state force**: "Military Forces of Myanmar (2021-)", "Police Forces of Nigeria
  (2015-2023)".  ACLED dates a state's forces by the government they serve.  Read as text, the
  bracketed year range becomes a word of the sentence and often breaks it ("Military Forces of
  Pakistan (2018-) aircraft struck ..." is parsed with "struck" as an auxiliary).  The period tells
  nothing about the event, so :func:`acled_actor_names` drops it ("Military Forces of Pakistan
  aircraft struck ...").
* **An acronym with its full name after a colon**: "JNIM: Group for Support of Islam and Muslims",
  "RSF: Rapid Support Forces", "M23: March 23 Movement".  The colon ends a sentence for the
  parser ("On 11 June 2024, JNIM:" then "Group for ... seized the town"), which cuts the date and
  the actor off their event.  The full name is rewritten as the acronym's bracketed apposition
  ("JNIM (Group for Support of Islam and Muslims) militants seized ..."), the way news writes it.

Both rewrites keep every other character.  The second needs the acronym to stand inside a line (a
dateline, "NAIROBI: ...", starts one), a full name of at least two capitalised words (not in capitals
throughout) whose first is no function word ("the UN: The agency said" is left alone), and at least
two of the acronym's letters among the initials of the name's words ("RSF: Rapid Support Forces",
"ELN: National Liberation Army", "JNIM: Group for Support of Islam and Muslims"; not a label such as
"UPDATE: Stockton Police have identified ..." or "CREDIT: Rock Hill Police").
"""

from __future__ import annotations

import re

_PERIOD = re.compile(
    r"(?P<name>\b(?:Military Forces|Police Forces|Government|Forces)\s+of\s+(?:the\s+)?[A-Z][\w'’.-]*"
    r"(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’.-]*){0,5})\s*\((?:19|20)\d\d\s*[-–]\s*(?:(?:19|20)\d\d)?\)")
"""A state force's period after its ACLED name: "Military Forces of Mali (2021-)", "Police Forces of
Nigeria (2015-2023)", "Government of the Democratic Republic of Congo (2019-)"."""

_NAME_WORD = r"(?![A-Z][A-Za-z0-9-]*:)(?:[A-Z][\w'’.-]*|\d+)"
_LINK_WORD = r"(?:of|for|the|de|del|la|las|los|el|wal|lid|al|du|des|y|et|in|to|on)"
_AND_TAIL = rf"(?:\s+and\s+{_NAME_WORD}\b(?!\s+(?:of\b|for\b|[A-Z0-9])))"
_ACRONYM_NAME = re.compile(
    rf"(?<=[\w,;(.] )(?P<acr>[A-Z][A-Z0-9-]{{1,9}}):\s+"
    rf"(?P<name>{_NAME_WORD}(?:\s+(?:{_LINK_WORD}\s+)*{_NAME_WORD})*{_AND_TAIL}?)")
"""An acronym (capitals and digits, after a word inside the line) with its full name after a colon; an
"and" joins the name's last word only ("Islam and Muslims", not "Movement and Military Forces of ...")."""

_NOT_A_NAME_START = frozenset("The A An This That These Those It He She They We I You There Here In On At".split())


def _apposition(m: re.Match[str]) -> str:
    name = m.group("name")
    words = [w for w in name.split() if w[:1].isupper() or w[:1].isdigit()]
    initials = {w[0] for w in words}
    if (name.split()[0] in _NOT_A_NAME_START or len(words) < 2
            or any(len(w) > 3 and w.isupper() for w in words)  # a shouted line ("NATALIE: INVESTIGATORS USED")
            or len(set(m.group("acr")) & initials) < min(2, len(set(m.group("acr"))))):  # a label ("UPDATE: Stockton Police"), no acronym
        return m.group(0)
    return f"{m.group('acr')} ({name})"


def acled_actor_names(line: str) -> str:
    """``line`` with ACLED's actor-name conventions rewritten (see the module docstring)."""
    if "(" in line:
        line = _PERIOD.sub(r"\g<name>", line)
    if ":" in line:
        line = _ACRONYM_NAME.sub(_apposition, line)
    return line


__all__ = ["acled_actor_names"]
