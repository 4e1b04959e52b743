"""Time expressions: resolve the words of a date against the publication date.

Functions the event extractor calls per event trigger:

* :func:`resolve_date` — ``"last Tuesday"`` + publication date → :class:`~whimbrel.records.DateRef`.
* :func:`event_date` — the time expression attached to a trigger token's clause, resolved.
* :func:`dateline` — the wire dateline at an article's start (``"BAGHDAD, Jan 24 (Reuters) -"``).

Conventions
-----------
* Resolved relative dates are **never in the future** of the publication date: a bare
  weekday is the most recent such day (the publication day itself when it falls on that
  weekday); a month or day-of-month without a year is the most recent one on or before
  publication.
* A date that carries its own year is kept as written, even after publication
  (it may be a planned event: modality is the extractor's business).
* Without a publication date, relative expressions stay unresolved: the DateRef keeps
  its text, with ``value`` None — nothing is guessed from today's clock.
* Expressions about the future relative to publication ("tomorrow", "next week") are
  time expressions but are not resolved (``value`` None).
* Week precision: ``value`` is the Monday of the week (ISO weeks).
* Parts of the day ("Sunday night", "early hours of Monday", "late on Friday",
  "at midnight on Wednesday") resolve to the day named; so does a part of the day written
  beside a named day ("on Wednesday overnight", "overnight on 3 March", "on Friday at
  dawn"): only a bare "overnight" is the night before publication.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from typing import Optional

from whimbrel.knowledge.vocabulary import ACCORDING_LEMMA, NUMBER_UNITS, SPEECH_VERBS
from whimbrel.records import DatePrecision, DateRef
from whimbrel.spacy_doc import doc_ents, remembered, sent_of, token_table

__all__ = ["resolve_date", "event_date", "dateline", "aftermath_verb", "MONTHS", "WEEKDAYS"]

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
_SMALL = {
    "a": 1, "an": 1, **{w: n for w, n in NUMBER_UNITS.items() if 1 <= n <= 12},
    "several": 3, "a few": 3, "few": 3, "a couple of": 2, "couple of": 2,
}

_MONTH_RE = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
)
_DAY_RE = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR_RE = r"(?P<year>(?:1[89]|20)\d\d)"
_WD_RE = (
    r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"
)

# absolute forms, tried in order (first full match wins on the cleaned text)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<day>\d{1,2})\b")
_SLASH = re.compile(r"\b(?P<m>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})\b")
_MDY = re.compile(rf"\b{_MONTH_RE}\s+{_DAY_RE}\b(?:\s*,?\s*{_YEAR_RE}\b)?")
_DMY = re.compile(rf"\b{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE}(?:\s*,?\s*{_YEAR_RE}\b)?")
_MY = re.compile(rf"\b{_MONTH_RE}(?:\s*,?\s*(?:of\s+)?{_YEAR_RE}\b)?")
_WD = re.compile(rf"\b{_WD_RE}(?![a-z])")
_AGO = re.compile(
    r"\b(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"several|a few|few|a couple of)\s+(?P<unit>day|week|month|year)s?\s+(?:ago|earlier|before)\b"
)

_FUTURE = re.compile(r"\b(tomorrow|next (?:week|month|year|\w+day)|coming (?:week|month|days))\b")
_TIME_OF_DAY = re.compile(
    r"\b(midnight|noon|dawn|dusk|morning|afternoon|evening|night|overnight|daybreak|"
    r"\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|o'clock)\b"
)


def _date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _ref(text: str, value: Optional[str], precision: Optional[DatePrecision]) -> DateRef:
    return DateRef(text=text, value=value, precision=precision if value is not None else None)


def _day(text: str, d: Optional[dt.date]) -> Optional[DateRef]:
    if d is None:
        return None
    return DateRef(text=text, value=d.isoformat(), precision=DatePrecision.day)


def _week(text: str, d: dt.date) -> DateRef:
    monday = d - dt.timedelta(days=d.weekday())
    return DateRef(text=text, value=monday.isoformat(), precision=DatePrecision.week)


def _month(text: str, year: int, month: int) -> DateRef:
    if not dt.MINYEAR <= year <= dt.MAXYEAR:  # "January 0000", "3000 years ago": no calendar month
        return _ref(text, None, None)
    return DateRef(text=text, value=f"{year:04d}-{month:02d}", precision=DatePrecision.month)


def _year(text: str, year: int) -> DateRef:
    if not dt.MINYEAR <= year <= dt.MAXYEAR:  # year 0, or before the calendar: a time, not a year
        return _ref(text, None, None)
    return DateRef(text=text, value=f"{year:04d}", precision=DatePrecision.year)


def _shift_months(d: dt.date, months: int) -> tuple[int, int]:
    index = d.year * 12 + (d.month - 1) + months
    return index // 12, index % 12 + 1


def _count_word(word: str) -> Optional[int]:
    if word.isdigit():
        return int(word)
    return _SMALL.get(word)


def _normalise(text: str) -> str:
    low = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", low).strip(" ,.;:")


_PASS = object()
"""A reader's answer when the expression is not of its kind (the next reader tries)."""

_RELATIVE: tuple[tuple[re.Pattern, str, int], ...] = tuple(
    (re.compile(pattern), unit, delta)
    for pattern, unit, delta in (
        (r"\b(day before yesterday)\b", "day", -2),
        (r"\b(yesterday|last night|overnight|previous day|the night before)\b", "day", -1),
        (r"\b(today|tonight|this (?:morning|afternoon|evening)|earlier today|hours? ago|"
         r"on the day|this day)\b", "day", 0),
        (r"\b(last|past|previous) week(end)?\b", "week", -1),
        (r"\b(this|earlier this|current) week(end)?\b", "week", 0),
        (r"\b(last|past|previous) month\b", "month", -1),
        (r"\b(this|earlier this|current) month\b", "month", 0),
        (r"\b(last|past|previous) year\b", "year", -1),
        (r"\b(this|earlier this|current) year\b", "year", 0),
    )
)
"""Deictic expressions: (pattern, unit, offset from the publication date), first match wins."""


def _shifted(raw: str, published: dt.date, unit: str, delta: int) -> DateRef:
    """The publication date moved by ``delta`` units, at that unit's precision (no value
    when that leaves the calendar: "9999999999 days ago")."""
    if unit in ("day", "week"):
        try:
            moved = published + dt.timedelta(days=delta if unit == "day" else 7 * delta)
        except (OverflowError, ValueError):
            return _ref(raw, None, None)
        return _day(raw, moved) if unit == "day" else _week(raw, moved)  # type: ignore[return-value]
    if unit == "month":
        y, mo = _shift_months(published, delta)
        return _month(raw, y, mo)
    return _year(raw, published.year + delta)


def _read_numeric(raw: str, low: str, published: Optional[dt.date]) -> object:
    """2024-01-24, 24/01/2024."""
    m = _ISO.search(low) or _SLASH.search(low)
    if not m:
        return _PASS
    return _day(raw, _date(int(m.group("year")), int(m.group("m")), int(m.group("day"))))


def _read_day_month(raw: str, low: str, published: Optional[dt.date]) -> object:
    """"January 24(, 2024)", "24 January (2024)": a day without a year is the latest one not
    after the publication date."""
    for pattern in (_MDY, _DMY):
        m = pattern.search(low)
        if m and 1 <= int(m.group("day")) <= 31:
            month = MONTHS[m.group("mon").rstrip(".")]
            day = int(m.group("day"))
            if m.group("year"):
                return _day(raw, _date(int(m.group("year")), month, day))
            if published is None:
                return _ref(raw, None, None)
            d = _date(published.year, month, day)
            if d is None or d > published:
                d = _date(published.year - 1, month, day)
            return _day(raw, d)
    return _PASS


_D1 = r"(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?"
_D2 = r"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?"
_TO = r"\s*(?:-|to|and|until|till)\s*"
_RANGE_DMY = re.compile(rf"\b(?:between\s+|from\s+)?{_D1}{_TO}{_D2}\s+(?:of\s+)?{_MONTH_RE}(?:\s*,?\s*{_YEAR_RE}\b)?")
_RANGE_MDY = re.compile(rf"\b(?:between\s+|from\s+)?{_MONTH_RE}\s+{_D1}{_TO}{_D2}\b(?:\s*,?\s*{_YEAR_RE}\b)?")
_WEEK_OF = re.compile(r"\b(?:the\s+)?week\s+(?:of|starting|beginning)\b")


def _read_range(raw: str, low: str, published: Optional[dt.date]) -> object:
    """"8-9 April 2023", "between 3 and 5 June", "May 3-9", "the week of May 3": a span of days
    is dated by its first day (an overnight "8-9 April" began on the 8th); precision day when
    it spans one night, week when it spans up to a week (value: the first day, not the
    Monday), month beyond."""
    m = _RANGE_DMY.search(low) or _RANGE_MDY.search(low)
    week_of = _WEEK_OF.search(low)
    if not m:
        if week_of:
            found = _read_day_month(raw, low, published)
            if isinstance(found, DateRef) and found.value and found.precision == DatePrecision.day:
                return _week(raw, dt.date.fromisoformat(found.value))
        return _PASS
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    if not (1 <= d1 < d2 <= 31):
        return _PASS
    month = MONTHS[m.group("mon").rstrip(".")]
    if m.group("year"):
        year = int(m.group("year"))
    elif published is None:
        return _ref(raw, None, None)
    else:
        year = published.year if (month, d1) <= (published.month, published.day) else published.year - 1
    first = _date(year, month, d1)
    if first is None:
        return None
    if week_of:
        return _week(raw, first)
    if d2 - d1 > 6:
        return _month(raw, year, month)
    return DateRef(text=raw, value=first.isoformat(), precision=DatePrecision.day if d2 - d1 <= 1 else DatePrecision.week)


_MAY_AS_MONTH = re.compile(r"\b(in|of|early|late|mid|since|during|until|last|this)\s+may\b|^may\b")


def _read_month(raw: str, low: str, published: Optional[dt.date]) -> object:
    """"January 2024", "in January" ("may" as a modal verb is not a month)."""
    m = _MY.search(low)
    if not m or (m.group("mon") == "may" and not _MAY_AS_MONTH.search(low)):
        return _PASS
    month = MONTHS[m.group("mon").rstrip(".")]
    if m.group("year"):
        return _month(raw, int(m.group("year")), month)
    if published is None:
        return _ref(raw, None, None)
    year = published.year if month <= published.month else published.year - 1
    if re.search(r"\blast\b", low) and month == published.month:
        year -= 1
    return _month(raw, year, month)


def _read_future(raw: str, low: str, published: Optional[dt.date]) -> object:
    """A future time is a time expression, but never resolved."""
    return _ref(raw, None, None) if _FUTURE.search(low) else _PASS


def _read_ago(raw: str, low: str, published: Optional[dt.date]) -> object:
    """"three days ago", "two weeks ago"."""
    m = _AGO.search(low)
    if not m:
        return _PASS
    n = _count_word(m.group("n"))
    if n is None or published is None:
        return _ref(raw, None, None)
    return _shifted(raw, published, m.group("unit"), -n)


def _read_weekday(raw: str, low: str, published: Optional[dt.date]) -> object:
    """"on Monday", "last Friday": the latest such day not after the publication date."""
    m = _WD.search(low)
    if not m:
        return _PASS
    if published is None:
        return _ref(raw, None, None)
    target = WEEKDAYS[m.group("wd").rstrip(".")]
    back = (published.weekday() - target) % 7
    if re.search(r"\blast\s+" + m.group("wd"), low) and back == 0:
        back = 7
    return _day(raw, published - dt.timedelta(days=back))


def _read_deictic(raw: str, low: str, published: Optional[dt.date]) -> object:
    """"yesterday", "last week", "this year" (see :data:`_RELATIVE`)."""
    for pattern, unit, delta in _RELATIVE:
        if pattern.search(low):
            return _ref(raw, None, None) if published is None else _shifted(raw, published, unit, delta)
    return _PASS


def _read_year(raw: str, low: str, published: Optional[dt.date]) -> object:
    """"in 2019", "since 2011", or a bare year."""
    m = re.search(r"\b(?:in|since|during|of|by|until)\s+" + _YEAR_RE, low) or re.fullmatch(_YEAR_RE, low)
    return _year(raw, int(m.group("year"))) if m else _PASS


def _read_time_of_day(raw: str, low: str, published: Optional[dt.date]) -> object:
    """"overnight", "early hours" with a time of day: the publication day."""
    if _TIME_OF_DAY.search(low) and published is not None and re.search(
        r"\b(overnight|this morning|early hours|late night)\b", low
    ):
        return _day(raw, published)
    return _PASS


_READERS = (_read_numeric, _read_range, _read_day_month, _read_month, _read_future, _read_ago, _read_weekday,
            _read_deictic, _read_year, _read_time_of_day)
"""The kinds of time expression in the order they are tried; the first that recognises the
expression answers (None when it recognised a date that does not exist)."""


def resolve_date(text: str, published: Optional[dt.date]) -> Optional[DateRef]:
    """Resolve the words of a time expression against the publication date.

    Returns None when ``text`` holds no time expression; a DateRef with ``value`` None
    when it is one but cannot be resolved (relative and ``published`` is None, or future).
    """
    if not text or not text.strip():
        return None
    raw = text.strip()
    low = _normalise(raw)
    if isinstance(published, dt.datetime):
        published = published.date()
    for reader in _READERS:
        found = reader(raw, low, published)
        if found is not _PASS:
            return found  # type: ignore[return-value]
    return None


# --------------------------------------------------------------------------- spaCy side

_TIME_WORDS = {
    "yesterday", "today", "tonight", "overnight", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday",
}
_REPORT_VERBS = SPEECH_VERBS | {ACCORDING_LEMMA}


def _clause_verb(tok):  # type: ignore[no-untyped-def]
    """The nearest verb (or the root) at or above ``tok``."""
    cur = tok
    for _ in range(60):
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT" or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _ancestors_clause_verbs(tok) -> list:  # type: ignore[no-untyped-def]
    out = []
    cur = _clause_verb(tok)
    while cur.head.i != cur.i:
        cur = _clause_verb(cur.head)
        out.append(cur)
        if len(out) > 30:
            break
    return out


_MONTH_START = re.compile(_MONTH_RE + r"(?:\s|$)", re.IGNORECASE)
_DAY_NUMBER = re.compile(r"[0-3]?\d(?:st|nd|rd|th)?")


def _candidate_spans(sent) -> list:  # type: ignore[no-untyped-def]
    """DATE/TIME entities of the sentence plus stray time words outside entities."""
    spans = []
    covered: set[int] = set()
    doc = sent.doc
    ents = doc_ents(doc)
    starts = remembered(doc, "dates.ent_starts", lambda: [e.start for e in ents])
    # the entities that lie in the sentence: from the first that starts in it (in text order,
    # none overlapping), up to the first that starts after it
    first = bisect_left(starts, sent.start)
    inside = []
    for k in range(first, len(ents)):
        if starts[k] >= sent.end:
            break
        if ents[k].end <= sent.end:
            inside.append(ents[k])
    for ent in inside:
        if ent.label_ in ("DATE", "TIME"):
            if ent.start > sent.start and _MONTH_START.match(ent.text) and _DAY_NUMBER.fullmatch(doc[ent.start - 1].text):
                ent = doc[ent.start - 1 : ent.end]  # "Around 7 | November 2023": the tagger left the day out
            spans.append(ent)
            covered.update(range(ent.start, ent.end))
    low = token_table(doc).lower
    for i in range(sent.start, sent.end):
        if i not in covered and low[i] in _TIME_WORDS:
            spans.append(doc[i : i + 1])
    # a full date the recogniser left out ("On or around 2 April 2024 (as reported ...)"): day,
    # month and year, or month, day and year, written out
    for i in range(sent.start, sent.end - 2):
        if covered.intersection(range(i, i + 3)):
            continue
        a, b, c = low[i], low[i + 1], low[i + 2]
        if _FULL_YEAR.fullmatch(c) and ((_DAY_NUMBER.fullmatch(a) and b.rstrip(".") in MONTHS)
                                        or (a.rstrip(".") in MONTHS and _DAY_NUMBER.fullmatch(b))):
            spans.append(doc[i : i + 3])
            covered.update(range(i, i + 3))
    return spans


_FULL_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _clause_index(tt, i: int) -> int:  # type: ignore[no-untyped-def]
    """:func:`_clause_verb` by token index over a :class:`~whimbrel.spacy_doc.TokenTable`."""
    for _ in range(60):
        if tt.pos[i] in ("VERB", "AUX") or tt.dep[i] == "ROOT" or tt.head[i] == i:
            return i
        i = tt.head[i]
    return i


def _clause_verbs(doc) -> list[int]:  # type: ignore[no-untyped-def]
    """Per token of ``doc``, the index of its clause verb (:func:`_clause_verb`), once per Doc."""
    def compute() -> list[int]:
        tt = token_table(doc)
        return [_clause_index(tt, i) for i in range(len(tt.head))]

    return remembered(doc, "dates.clause_verbs", compute)


def _governing(clause_of: list[int], head: list[int], i: int) -> set[int]:
    """The indices :func:`_ancestors_clause_verbs` gives for token ``i``."""
    out: list[int] = []
    cur = clause_of[i]
    while head[cur] != cur:
        cur = clause_of[head[cur]]
        out.append(cur)
        if len(out) > 30:
            break
    return set(out)


def _sentence_dates(sent, published: Optional[dt.date]) -> list[tuple]:  # type: ignore[no-untyped-def]
    """The resolved time expressions of a sentence, with what :func:`event_date` weighs:
    (ref, root index, clause verb index, the verb reports, the verb's POS); once per
    sentence and publication date."""
    doc = sent.doc

    def compute() -> list[tuple]:
        clause_of = _clause_verbs(doc)
        out = []
        candidates = [(span, resolve_date(span.text, published)) for span in _candidate_spans(sent)]
        for span, ref in candidates:
            if ref is None or _part_of_named_day(span, candidates):
                continue
            root = span.root
            verb = doc[clause_of[root.head.i if root.dep_ != "ROOT" else root.i]]
            out.append((ref, root.i, verb.i, verb.lemma_ in _REPORT_VERBS, verb.pos_))
        return out

    return remembered(doc, ("dates.sentence", sent.start, sent.end, published), compute)


def event_date(trigger, published: Optional[dt.date]) -> Optional[DateRef]:  # type: ignore[no-untyped-def]
    """The time expression attached to ``trigger``'s clause, resolved; else None.

    Order of preference: an expression inside the trigger's subtree or hanging off its
    clause verb; then one on a verb governing the trigger (e.g. "said on Monday");
    then one in the same sentence that hangs off no other verb.  Expressions attached
    to a different event verb, or to a governing verb of the incident's aftermath
    (:data:`_AFTERMATH_VERBS`: "was charged Friday in the shooting"), are never taken.
    """
    doc = trigger.doc
    tt = token_table(doc)
    sent = sent_of(trigger)
    found = _sentence_dates(sent, published)
    if not found:
        return None
    clause_of = _clause_verbs(doc)
    clause = clause_of[trigger.i]
    subtree: Optional[set[int]] = None  # built only when a candidate needs it
    governing = _governing(clause_of, tt.head, trigger.i)
    best: Optional[tuple[int, int, DateRef]] = None
    own: Optional[set[int]] = {t.i for t in trigger.subtree} if _told_before(trigger) else None
    for ref, root_i, verb_i, reports, verb_pos in found:
        if own is not None and root_i not in own and not reports:
            continue  # "declined early Sunday ... at the scene of the shooting": that act's day
        if verb_i != clause and verb_i != trigger.i and subtree is None:
            subtree = {t.i for t in trigger.subtree} | {t.i for t in doc[clause].subtree if clause_of[t.i] == clause}
        if verb_i == clause or verb_i == trigger.i or root_i in subtree:  # type: ignore[operator]
            tier = 0
        elif verb_i in governing:
            if not reports and aftermath_verb(doc[verb_i]):
                continue  # "arrested Monday in connection with the shooting": the arrest's day
            tier = 1 if reports else 2
        elif verb_pos not in ("VERB", "AUX"):
            tier = 3
        else:
            continue  # attached to a different event verb
        # resolved values beat unresolved; precise beats vague; nearer beats farther
        rank = tier * 10 + (0 if ref.value else 5) + _precision_rank(ref)
        distance = abs(root_i - trigger.i)
        if best is None or (rank, distance) < (best[0], best[1]):
            best = (rank, distance, ref)
    if best is None or not best[2].value:
        # no date of its own clause, or one that cannot be resolved ("since January" in a note
        # with no publication date): the date that opens the sentence, if any
        return _fronted(sent, found, tt) or (best[2] if best else None)
    return best[2]


FRONTED_SPAN = 12
"""A time expression this close to a sentence's start, with no verb before it, frames the sentence."""


def _fronted(sent, found: list[tuple], tt) -> Optional[DateRef]:  # type: ignore[no-untyped-def]
    """The absolute date that opens the sentence ("On 30 March 2024, thousands gathered ...; police
    detained 16"; "Around 3 March 2024 (as reported), ..."), for an event whose own clause has
    none: a fronted time adverbial frames every clause of its sentence.  None when the sentence
    opens otherwise."""
    for ref, root_i, _verb_i, _reports, _pos in sorted(found, key=lambda f: f[1]):
        if not ref.value or root_i - sent.start > FRONTED_SPAN:
            continue
        if any(tt.pos[k] in ("VERB", "AUX") and tt.dep[k] != "prep" for k in range(sent.start, root_i)):
            return None
        alone = resolve_date(ref.text or "", None)
        if alone is None or not alone.value:
            return None  # a relative opening ("On Monday") dates its own clause only
        return ref
    return None


_OCCURRENCE_VERBS = frozenset({"happen", "occur", "unfold", "erupt"})
"""Verbs that say when an incident took place without naming it anew ("It happened just after
9 p.m. Sunday", "The shooting occurred on Friday"); with "take place" and "break out"."""
_OCCURRENCE_PARTICLES = {"take": ("dobj", "place"), "break": ("prt", "out")}
OCCURRENCE_LOOKAHEAD = 2
"""How many following sentences an undated report looks into for its incident's time."""


def _occurrence_verb(verb) -> bool:  # type: ignore[no-untyped-def]
    lemma = verb.lemma_.lower()
    if lemma in _OCCURRENCE_VERBS:
        return True
    need = _OCCURRENCE_PARTICLES.get(lemma)
    return need is not None and any(c.dep_ == need[0] and c.lower_ == need[1] for c in verb.children)


def occurrence_date(sents: list, index: int, published: Optional[dt.date]) -> Optional[DateRef]:  # type: ignore[type-arg]
    """The day on which the next sentences say the incident happened, for an undated report.

    News often tells what happened first and when it happened next ("A boy was shot at a
    home in the east of the city." then "It happened around 9 p.m. Sunday.").  Looks into the
    :data:`OCCURRENCE_LOOKAHEAD` sentences after ``sents[index]`` for a day-precision time
    expression on an occurrence verb (:data:`_OCCURRENCE_VERBS`, "take place", "break out");
    None when there is none.
    """
    for j in range(index + 1, min(len(sents), index + 1 + OCCURRENCE_LOOKAHEAD)):
        sent = sents[j]
        doc = sent.doc
        for ref, _root_i, verb_i, _reports, _pos in _sentence_dates(sent, published):
            if ref.value and ref.precision == DatePrecision.day and _occurrence_verb(doc[verb_i]):
                return ref
    return None


_DEFINITE = frozenset({"the", "this", "that", "his", "her", "their", "its"})
_OUTCOME_VERBS = frozenset({"die", "perish", "succumb", "kill", "injure", "wound", "hurt", "hospitalize",
                            "hospitalise"})
"""Verbs of the incident's own outcome: their time is the incident's."""


def _told_before(trigger) -> bool:  # type: ignore[no-untyped-def]
    """A definite event noun in a prepositional phrase ("at the scene of the shooting", "because
    of the attack") names an incident already told; the verb that governs the phrase dates
    another act, not that incident."""
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj":
        return False
    verb = _clause_verb(trigger)
    if verb.lemma_.lower() in _OUTCOME_VERBS:
        return False  # "died Friday after the shooting", "was killed Monday in the attack": one incident
    return any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in trigger.children)


_AFTERMATH_VERBS = frozenset({
    "arrest", "detain", "charge", "indict", "convict", "sentence", "plead", "arraign", "jail", "book",
    "try", "acquit", "extradite", "plan", "schedule", "hold", "mourn", "bury", "remember", "honor",
    "honour", "commemorate", "identify", "name", "release", "accuse", "sue", "file", "testify", "appear",
})
"""Verbs of what follows an incident (its legal process, its commemoration, its planning).
A time expression on such a verb dates that aftermath, not the incident its object or
adjunct names ("was charged Friday in the shooting", "a vigil is planned for Thursday at
the scene of the shooting")."""


def aftermath_verb(verb) -> bool:  # type: ignore[no-untyped-def]
    """Whether a verb token tells an incident's aftermath (:data:`_AFTERMATH_VERBS`)."""
    return verb.lemma_.lower() in _AFTERMATH_VERBS


_PART_OF_DAY = re.compile(r"^(?:overnight|the early hours|early hours|late night|late at night)$")


def _part_of_named_day(span, candidates) -> bool:  # type: ignore[no-untyped-def]
    """"on Wednesday overnight", "overnight on March 3": the part of the day belongs to the day
    named beside it (within three words), so it does not move the date back to the day before
    publication."""
    if not _PART_OF_DAY.match(_normalise(span.text)):
        return False
    for other, ref in candidates:
        if other is span or ref is None or ref.precision != DatePrecision.day:
            continue
        gap = other.start - span.end if other.start >= span.end else span.start - other.end
        low = _normalise(other.text)
        if gap <= 3 and any(p.search(low) for p in (_WD, _MDY, _DMY, _ISO, _SLASH)):
            return True
    return False


def _precision_rank(ref: DateRef) -> int:
    order = {DatePrecision.day: 0, DatePrecision.week: 1, DatePrecision.month: 2, DatePrecision.year: 3}
    return order.get(ref.precision, 4) if ref.precision else 4


# --------------------------------------------------------------------------- dateline

_AGENCY = r"(?:\((?:[A-Za-z][\w .&/-]{0,30})\))"
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z'.\- ]{1,40}[A-Z.](?:,\s*[A-Z][A-Za-z.\- ]{1,30})?)"
    r"\s*(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?))?"
    r"\s*(?P<agency>" + _AGENCY + r")?\s*(?:-{1,2}|\u2013|\u2014|:)\s"
)


def dateline(text: str, published: Optional[dt.date] = None) -> tuple[Optional[str], Optional[dt.date]]:
    """The place and date of a wire dateline at the start of ``text``.

    ``"BAGHDAD, Jan 24 (Reuters) - ..."`` → ``("BAGHDAD", date(<year>, 1, 24))`` when the
    year is written or ``published`` is given (the date is the most recent such day on or
    before publication); ``"KYIV (AP) — ..."`` → ``("KYIV", None)``.  No dateline → (None, None).
    The place keeps the article's spelling (often upper case).
    """
    if not text:
        return None, None
    m = _DATELINE.match(text[:200])
    if not m:
        return None, None
    place = m.group("place").strip(" ,")
    if not m.group("agency") and not m.group("date") and not re.match(r"^[A-Z .'\-]+$", place.split(",")[0]):
        return None, None
    if not m.group("agency") and not re.match(r"^[A-Z][A-Z .'\-]+$", place.split(",")[0]):
        return None, None
    when: Optional[dt.date] = None
    if m.group("date"):
        ref = resolve_date(m.group("date"), published)
        if ref is not None and ref.value and ref.precision == DatePrecision.day:
            when = dt.date.fromisoformat(ref.value)
    return place, when
