"""Casualty figures that add up: victim groups told in pieces within one sentence.

GVA and ACLED count every person killed in an incident, the perpetrator included, so a
sentence that tells its dead in several groups gives their sum, not the largest group:

* :func:`companions` — "two boys are dead *along with* their father": the people a
  predicate is said of together with its subject (``along with``, ``together with``).
* :func:`coordinated_total` — "three guards were shot dead, and the gunman was killed by
  police": conjoined clauses of the same figure, each with a
  subject of its own, count disjoint victims and are summed.
* :func:`subject_of` — the subject of a verb when the parser gives it two (a dateline
  "CITY, State --" parsed as a second subject): the one nearest before the verb; of an
  inverted passive ("Also wounded were two women"), the attribute after it.

The helpers take the counting functions of :mod:`whimbrel.stages.counts` as arguments, so
this module imports nothing from it (imports go down the layers).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Optional

from whimbrel.records import Count

_WITH_HEADS = {"along", "together"}
# subjects that refer back to people already counted ("two were shot and one of them died",
# "they died", "who died"): their clause tells no new group
_ANAPHORIC = {"they", "them", "who", "that", "which", "both", "all", "each", "either", "neither"}
# words that mark a second incident told in the same sentence ("... and two others died in a
# separate shooting")
_SEPARATE = {"separate", "unrelated", "another", "different", "earlier", "later", "previous"}


def subject_of(verb: Any, deps: Iterable[str] = ("nsubj", "nsubjpass")) -> Any:
    """The verb's subject: of several, the one nearest before the verb (else the first)."""
    subs = [c for c in verb.children if c.dep_ in deps]
    if not subs:
        return inverted_subject(verb)
    if len(subs) < 2:
        return _past_dateline(subs[0])
    before = [c for c in subs if c.i < verb.i]
    return before[-1] if before else subs[0]


def inverted_subject(verb: Any) -> Any:
    """The subject of an inverted passive ("Also wounded were two women"): the parser hangs
    it on the auxiliary as its attribute, after the participle."""
    if verb.tag_ != "VBN":
        return None
    for aux in verb.children:
        if aux.dep_ in ("auxpass", "aux") and aux.lemma_ == "be" and aux.i > verb.i:
            return next((c for c in aux.children if c.dep_ == "attr"), None)
    return None


_DASHES = {"--", "-", "\u2014", "\u2013", "\u2015"}


def _past_dateline(subj: Any) -> Any:
    """A dateline subject ("CITY, State (Outlet) -- three men were ...") stands for the
    common noun the parser hung off it as an apposition after the dash."""
    if subj.ent_type_ not in ("GPE", "LOC", "ORG", "FAC") and not subj.is_upper:
        return subj
    doc = subj.doc
    for c in reversed(list(subj.children)):
        if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > 0 and any(
                doc[k].text in _DASHES for k in range(subj.i + 1, c.i)):
            return c
    return subj


_GROUPS = {"family", "group", "household"}


def group_of(head: Any, parse_quantity: Callable[[list], Optional[Count]]) -> Optional[Count]:
    """ "a family of five", "a group of three": the figure the group is given with "of"."""
    if head.lemma_.lower() not in _GROUPS:
        return None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj" and p.pos_ == "NUM":
                    return parse_quantity([p])
    return None


def add_counts(a: Count, b: Count) -> Count:
    """Two disjoint groups' counts summed, bound by bound (a bound either lacks stays unknown)."""
    def s(x: Optional[int], y: Optional[int]) -> Optional[int]:
        return None if x is None or y is None else x + y
    return Count(low=s(a.low, b.low), best=s(a.best, b.best), high=s(a.high, b.high))


def _with_objects(tok: Any) -> list:
    """The objects of "along with X" / "together with X" attached to ``tok``."""
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in _WITH_HEADS:
            for w in c.children:
                if w.dep_ == "prep" and w.lower_ == "with":
                    out.extend(p for p in w.children if p.dep_ == "pobj")
        elif c.dep_ == "prep" and c.lower_ == "with" and (
                tok.lower_ in _WITH_HEADS or c.i > 0 and c.doc[c.i - 1].lower_ in _WITH_HEADS):
            out.extend(p for p in c.children if p.dep_ == "pobj")  # "along" parsed as a particle
    return out


def companions(cue: Any, subject: Any, np_count: Callable[[Any], Optional[Count]]) -> Optional[Count]:
    """How many people "along with" / "together with" adds to a predicate's subject.

    ``cue`` is the figure's word ("dead", "killed"), ``subject`` the victim head it counts;
    the companions may hang off the cue, its governing verb or the subject.  None when
    there are none, or when one of them has no countable figure.
    """
    holders = [cue, subject]
    if cue.dep_ in ("acomp", "oprd", "xcomp", "attr"):
        holders.append(cue.head)
    seen: set[int] = set()
    total: Optional[Count] = None
    for h in holders:
        if h is None:
            continue
        for obj in _with_objects(h):
            if obj.i in seen:
                continue
            seen.add(obj.i)
            n = np_count(obj)
            if n is None or n.best is None:
                return None
            total = n if total is None else add_counts(total, n)
    return total


def _own_group(verb: Any) -> Optional[Any]:
    """The verb's subject when it names a group of its own (not "they", not "one of them")."""
    subj = subject_of(verb, ("nsubj", "nsubjpass"))
    if subj is None or subj.lower_ in _ANAPHORIC:
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in subj.children):
        return None  # partitive: "one of the victims", already counted
    return subj


def _victim_group(verb: Any) -> Optional[Any]:
    """Who a death verb counts: the object of an active verb ("killing 2 soldiers"), else the
    subject (:func:`_own_group`: "1 militant was killed", "two soldiers died")."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is not None and not any(c.dep_ == "auxpass" for c in verb.children):
        return None if obj.lower_ in _ANAPHORIC else obj
    return _own_group(verb)


def _separate(verb: Any) -> bool:
    return any(t.lower_ in _SEPARATE for t in verb.subtree)


def plus_companions(cue: Any, head: Any, count: Optional[Count],
                    np_count: Callable[[Any], Optional[Count]]) -> Optional[Count]:
    """``count`` (the victims headed by ``head``) plus their :func:`companions`, if any."""
    if count is None or head is None:
        return count
    more = companions(cue, head, np_count)
    return count if more is None else add_counts(count, more)


def coordinated_total(doc: Any, cues: Iterable[tuple[int, Count]],
                      linked: Optional[set[int]] = None) -> Optional[Count]:
    """The sum of one figure over conjoined verb clauses with subjects of their own.

    ``cues`` are (token index, count) of the sentence's verb cues of one figure.  Two
    cues join a group when one is the other's ``conj`` and each has its own, distinct,
    non-anaphoric subject; the result is the largest sum of a group with a member in
    ``linked`` (all, when None), or None when there is no such group.
    """
    by_i = {}
    for i, c in cues:
        if c.best is not None and (i not in by_i or (by_i[i].best or 0) < c.best):
            by_i[i] = c
    parent = {i: i for i in by_i}

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in by_i:
        tok = doc[i]
        j = tok.head.i
        if tok.dep_ == "conj" and j not in by_i:  # "said the girls died, and the mother died"
            j = next((c.i for c in tok.head.children if c.dep_ == "ccomp" and c.i in by_i), j)
        if tok.dep_ != "conj" or j not in by_i or j == i:
            continue
        a, b = _own_group(doc[j]), _own_group(tok)
        if a is None or b is None or a.i == b.i or _separate(tok):
            continue
        parent[root(i)] = root(j)
    # clauses joined by a semicolon tell groups of their own too ("killing 2 soldiers; 1 militant
    # was killed when troops returned fire": the parser hangs the first on the second)
    order = sorted(by_i)
    for a_i, b_i in zip(order, order[1:]):
        if root(a_i) == root(b_i) or not any(doc[k].text == ";" for k in range(a_i + 1, b_i)):
            continue
        a, b = _victim_group(doc[a_i]), _victim_group(doc[b_i])
        if a is None or b is None or a.i == b.i or _separate(doc[b_i]) or doc[a_i].sent != doc[b_i].sent:
            continue
        parent[root(b_i)] = root(a_i)
    groups: dict[int, list[int]] = {}
    for i in by_i:
        groups.setdefault(root(i), []).append(i)
    best: Optional[Count] = None
    for members in groups.values():
        if len(members) < 2 or linked is not None and not any(m in linked for m in members):
            continue
        total = by_i[members[0]]
        for m in members[1:]:
            total = add_counts(total, by_i[m])
        if best is None or (total.best or 0) > (best.best or 0):
            best = total
    return best


def summed(doc: Any, cues: Iterable[tuple[int, list]], linked: set[int], category: str,
           found: Optional[Count], better: Callable[[Optional[Count], Count], Count]) -> Optional[Count]:
    """``found`` or, when larger, the :func:`coordinated_total` of the sentence's verb cues
    (``cues``: token index and its (category, count) figures) of ``category``."""
    parts = [(i, n) for i, figs in cues if doc[i].pos_ in ("VERB", "AUX") for c, n in figs if c == category]
    total = coordinated_total(doc, parts, linked)
    return found if total is None else better(found, total)


__all__ = ["add_counts", "inverted_subject", "companions", "coordinated_total", "group_of", "plus_companions", "subject_of", "summed"]
