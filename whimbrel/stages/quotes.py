"""Quotations and their speakers, and the noun phrases that name a source.

:meth:`QuoteIndex.build` runs once per parsed ``Doc``: it finds every quotation and
attributes it to a speaker — the subject of the attribution verb next to it, a pronoun
resolved to the nearest fitting named source before it, and a quotation with no
attribution of its own that continues the previous quote (or follows a reporting
sentence) in the same paragraph inheriting that speaker. The claims stage
(:mod:`.claims`) asks it for the quote around an event and for pronoun antecedents.

:func:`speaker_span` gives the words of a source phrase from its head token
("Lloyd Austin, the defence secretary, said" → "Lloyd Austin").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span, Token

from ..knowledge.vocabulary import REPORTING_VERBS
from ..spacy_doc import doc_ents, doc_sents, doc_text, token_table

__all__ = ["Quote", "QuoteIndex", "QUOTE_VERBS", "SPEECH_VERBS", "speaker_span", "subject_of"]

# --------------------------------------------------------------------------- lexicons

#: Verbs that introduce a quotation without being reporting verbs of an event
#: ("calling them “an unacceptable violation”", "warned: “…”").
SPEECH_VERBS: frozenset[str] = REPORTING_VERBS | frozenset(
    """call describe term condemn warn urge ask reply vow promise pledge threaten
    demand label dub decry denounce praise welcome appeal plead shout chant""".split()
)

#: Verbs that attribute a quotation right next to them but are not speech acts
#: elsewhere ('“…,” he continued', '“…,” she recalled', '“…,” he choked out').
QUOTE_VERBS: frozenset[str] = SPEECH_VERBS | frozenset(
    """continue recall remember recount exclaim scream yell whisper cry sob choke laugh
    joke wonder muse conclude begin tell""".split()
)


_PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
_EXPLETIVE = frozenset({"it", "there"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_PERSON_HEADS = frozenset(
    """spokesman spokeswoman spokesperson minister president secretary official
    commander general governor mayor ambassador envoy chief leader premier chancellor
    senator lawmaker witness resident colonel lieutenant captain major sergeant
    director analyst prosecutor judge lawyer king queen prince emir""".split()
)

_OPEN_DOUBLE = "“„‟«"
_CLOSE_DOUBLE = "”»"
_STRAIGHT = '"'
_MARKS = re.compile("[" + re.escape("\n" + _OPEN_DOUBLE + _CLOSE_DOUBLE + _STRAIGHT + "‘'") + "]")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Quote:
    """One quotation: character offsets of its content (marks excluded) and speaker."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    speaker_text: Optional[str] = None
    speaker_start: Optional[int] = None
    speaker_end: Optional[int] = None
    cue: Optional[str] = None
    cue_text: Optional[str] = None
    n_tokens: int = 0
    pronoun_start: Optional[int] = None
    """Where the speaker was a pronoun ('“…,” he said'): its offset (the speaker is its antecedent)."""
    pronoun_text: Optional[str] = None

    @property
    def is_scare(self) -> bool:
        """A short quote of a few words with no speaker: scare quotes or a title."""
        return self.speaker_text is None and self.n_tokens <= 4


@dataclass(frozen=True)
class _Attribution:
    """A reporting-verb subject seen in the doc, for pronoun resolution."""

    text: str
    start: int
    end: int
    is_person: bool
    gender: Optional[str] = None
    plural: bool = False


@dataclass
class QuoteIndex:
    """All quotations of one doc with their speakers. Build with :meth:`build`."""

    doc: Optional[Doc] = None
    quotes: list[Quote] = field(default_factory=list)
    attributions: list[_Attribution] = field(default_factory=list)
    person_heads: frozenset[str] = frozenset()
    _starts: list[int] = field(default_factory=list, repr=False)
    _sents: list[Span] = field(default_factory=list, repr=False)
    _text: str = field(default="", repr=False)
    _sent_starts: list[int] = field(default_factory=list, repr=False)

    # ------------------------------------------------------------------ building

    @classmethod
    def build(cls, doc: Doc) -> "QuoteIndex":
        """Find every quotation in ``doc`` and attribute it to a speaker."""
        index = cls(doc=doc)
        index._starts = list(token_table(doc).idx)
        index._text = doc_text(doc)  # Doc.text is rebuilt from the tokens on every access
        index._sents = list(doc_sents(doc))
        index._sent_starts = [s.start for s in index._sents]
        index.person_heads = frozenset(
            ent[-1].text.lower() for ent in doc_ents(doc) if ent.label_ == "PERSON"
        )
        index.attributions = index._collect_attributions()
        quotes: list[Quote] = []
        for q_start, q_end, o_start, o_end in _quote_spans(index._text):
            quotes.append(index._attribute(q_start, q_end, o_start, o_end, quotes))
        index.quotes = quotes
        return index

    def _sent_of(self, tok: Token) -> Span:
        """The sentence of ``tok`` (``Token.sent`` rescans the doc on every call)."""
        return self._sents[bisect_right(self._sent_starts, tok.i) - 1]

    def _collect_attributions(self) -> list[_Attribution]:
        assert self.doc is not None
        found: list[_Attribution] = []
        seen: set[int] = set()
        doc = self.doc
        table = token_table(doc)
        pos, dep, kids = table.pos, table.dep, table.children
        for i in range(len(doc)):
            if pos[i] not in ("VERB", "AUX"):
                continue
            # _lemma read off the table; a verb that is no speech verb and has no subject is
            # passed over without making Token objects
            speech = ("according to" if table.lower[i] == "according" else table.lemma[i]) in SPEECH_VERBS
            if speech:
                tok = doc[i]
                subj = _subject_of(tok)
            else:
                k = next((c for c in kids[i] if dep[c] == "nsubj"), None)
                if k is None:
                    continue
                tok, subj = doc[i], doc[k]
            if subj is None or subj.pos_ in ("PRON", "PUNCT", "DET", "NUM") or subj.i in seen:
                continue
            seen.add(subj.i)
            is_person = self._is_person(subj)
            if not speech and not is_person:
                continue  # any named person subject may be "he"; organisations only as speakers
            text, start, end = speaker_span(subj)
            # "Pruitt" mistagged NNS keeps its lemma; "witnesses" → "witness"
            plural = (subj.tag_ in ("NNS", "NNPS") and subj.lemma_.lower() != subj.lower_) or any(
                c.dep_ == "conj" and c.i < tok.i for c in subj.children
            )
            found.append(_Attribution(text, start, end, is_person, _gender(text), plural))
        found.sort(key=lambda a: a.start)
        return found

    def _is_person(self, head: Token) -> bool:
        if head.ent_type_ == "PERSON":
            return True
        if head.lower_ in self.person_heads and head.pos_ == "PROPN":
            return True
        if head.lemma_.lower() in _PERSON_HEADS:
            return True
        return any(
            t.lemma_.lower() in _PERSON_HEADS and t.i < head.i for t in head.subtree
        ) and head.pos_ == "PROPN"

    def _attribute(
        self, q_start: int, q_end: int, o_start: int, o_end: int, earlier: list[Quote]
    ) -> Quote:
        doc = self.doc
        assert doc is not None
        lo = bisect_left(self._starts, q_start)
        hi = bisect_left(self._starts, q_end)
        inside = [t for t in doc[lo:hi] if not t.is_space]
        n_tokens = len([t for t in inside if not t.is_punct])
        base = dict(start=q_start, end=q_end, outer_start=o_start, outer_end=o_end, n_tokens=n_tokens)
        starts_sentence = bool(inside) and _starts_sentence(self._text, o_start, self._sent_of(inside[0]))
        if n_tokens <= 2 and not starts_sentence:
            return Quote(**base)  # scare quotes or a title: nobody is speaking
        cue_tok = self._attribution_verb(q_start, q_end, o_start, o_end, inside)
        if cue_tok is not None:
            subj = _subject_of(cue_tok)
            if subj is None and cue_tok.dep_ == "acl" and cue_tok.head.i == cue_tok.i - 1:
                subj = cue_tok.head  # '“…,” a family friend posted' parsed as a reduced relative
            cue_text = _cue_text(cue_tok)
            if subj is not None and subj.lower_ not in _EXPLETIVE | {"i", "we", "you"} or (
                subj is not None and subj.lower_ == "it" and subj.dep_ == "nsubj"
            ):
                if subj.pos_ == "PRON":
                    res = self.resolve_pronoun(subj)
                else:
                    res = speaker_span(subj)
                if res is not None:
                    pron = subj if subj.pos_ == "PRON" and res[1] != subj.idx else None
                    return Quote(**base, speaker_text=res[0], speaker_start=res[1],
                                 speaker_end=res[2], cue=_lemma(cue_tok), cue_text=cue_text,
                                 pronoun_start=pron.idx if pron is not None else None,
                                 pronoun_text=pron.text if pron is not None else None)
            return Quote(**base, cue=_lemma(cue_tok), cue_text=cue_text)
        # No attribution of its own: a quote that continues the previous quote or
        # follows a reporting sentence inherits that speaker.
        prev = self._previous_speaker(o_start, earlier)
        if prev is not None and starts_sentence:
            return Quote(**base, speaker_text=prev.speaker_text, speaker_start=prev.speaker_start,
                         speaker_end=prev.speaker_end, cue=prev.cue, cue_text=prev.cue_text)
        return Quote(**base)

    def _attribution_verb(
        self, q_start: int, q_end: int, o_start: int, o_end: int, inside: list[Token]
    ) -> Optional[Token]:
        """The speech verb outside the quote, in its sentences, nearest to it."""
        doc = self.doc
        assert doc is not None
        if not inside:
            return None
        first, last = inside[0], inside[-1]
        first_sent, last_sent = self._sent_of(first), self._sent_of(last)
        sents: list[Span] = [first_sent]
        if last_sent.start != first_sent.start:
            sents.append(last_sent)
        # spaCy sometimes splits '” he said.' into its own sentence.
        nxt_i = last_sent.end
        follow: Optional[Span] = None
        if nxt_i < len(doc) and "\n" not in self._text[o_end : doc[nxt_i].idx]:
            follow = self._sent_of(doc[nxt_i])
            sents.append(follow)
        best: Optional[Token] = None
        best_dist = 10**9
        for sent in sents:
            for tok in sent:
                if o_start <= tok.idx < o_end:
                    continue
                if _lemma(tok) not in QUOTE_VERBS or tok.pos_ not in ("VERB", "AUX"):
                    continue
                if _lemma(tok) not in SPEECH_VERBS and not _adjacent(doc, tok, o_start, o_end):
                    continue
                if follow is not None and sent.start == follow.start and tok.i - follow.start > 6:
                    continue
                gap = self._text[tok.idx : o_start] if tok.idx < o_start else self._text[o_end : tok.idx]
                if "\n" in gap:
                    continue  # another paragraph: not this quote's attribution
                dist = o_start - tok.idx if tok.idx < o_start else tok.idx - o_end
                if dist < best_dist:
                    best, best_dist = tok, dist
        if best is not None:
            return best
        # A partial quote that is an argument of a verb ("calling them “…”").
        for tok in inside:
            head = tok.head
            while head.i != head.head.i and q_start <= head.idx < q_end:
                head = head.head
            if q_start <= head.idx < q_end:
                continue
            node: Optional[Token] = head
            for _ in range(4):
                if node is None:
                    break
                gap = self._text[node.idx : o_start] if node.idx < o_start else self._text[o_end : node.idx]
                if "\n" in gap:
                    break  # across a paragraph break: a misparse, not an attribution
                if _lemma(node) in SPEECH_VERBS and node.pos_ in ("VERB", "AUX"):
                    return node
                node = node.head if node.head.i != node.i else None
            break
        return None

    def _previous_speaker(self, o_start: int, earlier: list[Quote]) -> Optional[Quote]:
        """The speaker a follow-on quote inherits: previous sentence's quote or reporter."""
        doc = self.doc
        assert doc is not None
        tok = _token_at(doc, o_start)
        if tok is None:
            return None
        sent = self._sent_of(tok)
        prev_sent = self._sent_of(doc[sent.start - 1]) if sent.start > 0 else None
        if prev_sent is None:
            return None
        # the previous sentence holds a quote with a speaker
        for q in reversed(earlier):
            if q.speaker_text is not None and q.outer_end > prev_sent.start_char - 1 and q.outer_end <= o_start:
                return q
        # or a reporting verb with a named subject (same paragraph)
        between = self._text[prev_sent.end_char:o_start]
        if "\n\n" in between:
            return None
        for t in prev_sent:
            if _lemma(t) in SPEECH_VERBS and t.pos_ == "VERB":
                subj = _subject_of(t)
                if subj is None:
                    continue
                res = self.resolve_pronoun(subj) if subj.pos_ == "PRON" else speaker_span(subj)
                if res is not None:
                    return Quote(start=0, end=0, outer_start=0, outer_end=0, speaker_text=res[0],
                                 speaker_start=res[1], speaker_end=res[2], cue=_lemma(t),
                                 cue_text=_cue_text(t))
        return None

    # ------------------------------------------------------------------ lookups

    def quote_at(self, char_offset: int) -> Optional[Quote]:
        """The quotation whose content covers ``char_offset``, innermost first."""
        hits = [q for q in self.quotes if q.start <= char_offset < q.end]
        if not hits:
            return None
        return min(hits, key=lambda q: q.end - q.start)

    def speaker_of(self, char_offset: int) -> Optional[tuple[str, int, int]]:
        """``(speaker_text, start, end)`` of the quotation covering the offset, if known."""
        for q in sorted(
            (q for q in self.quotes if q.start <= char_offset < q.end), key=lambda q: q.end - q.start
        ):
            if q.speaker_text is not None and q.speaker_start is not None and q.speaker_end is not None:
                return (q.speaker_text, q.speaker_start, q.speaker_end)
        return None

    def resolve_pronoun(self, pron: Token) -> Optional[tuple[str, int, int]]:
        """Resolve a subject pronoun to the nearest earlier named source that fits it.

        he/she → a person: the latest attribution subject that is a person, else the
        latest PERSON entity before it. it/they → the nearest of
        the latest fitting attribution subject (organisation, plural) and a plural or
        organisation subject in the same two sentences. Other pronouns, or no fitting
        antecedent: the pronoun itself.
        """
        low = pron.lower_
        before = [a for a in self.attributions if a.end <= pron.idx]
        if low in _PRONOUNS_PERSON:
            wrong = "f" if low in ("he", "him") else "m"
            fits = [a for a in before if a.is_person and a.gender != wrong and not a.plural]
            if fits:
                return (fits[-1].text, fits[-1].start, fits[-1].end)
            persons = [e for e in pron.doc.ents if e.label_ == "PERSON" and e.end_char <= pron.idx]
            for e in reversed(persons):
                title = pron.doc[e.start - 1].text if e.start > 0 else ""
                if _gender(f"{title} {e.text}") != wrong:
                    return (e.text, e.start_char, e.end_char)
        elif low in ("they", "them"):
            fits = [a for a in before if a.plural or not a.is_person]
            best = (fits[-1].text, fits[-1].start, fits[-1].end) if fits else None
            group = self._nearby_group(pron, self._window_start(pron))
            if group is not None and (best is None or group[1] > best[1]):
                best = group
            if best is not None:
                return best
        elif low == "it":
            for a in reversed(before):
                if not a.is_person and not a.plural:
                    return (a.text, a.start, a.end)
        return (pron.text, pron.idx, pron.idx + len(pron.text))

    def _window_start(self, pron: Token) -> int:
        """Character offset where the sentence before the pronoun's sentence starts."""
        sent = self._sent_of(pron)
        k = bisect_right(self._sent_starts, sent.start) - 1
        return self._sents[max(0, k - 1)].start_char

    def _nearby_group(self, pron: Token, window: int) -> Optional[tuple[str, int, int]]:
        """The nearest plural or organisation subject between ``window`` and the pronoun."""
        doc = pron.doc
        lo = bisect_left(self._starts, window)
        for tok in reversed(doc[lo : pron.i]):
            if tok.dep_ != "nsubj" or tok.pos_ == "PRON":
                continue
            if tok.tag_ in ("NNS", "NNPS") or tok.ent_type_ == "ORG" or tok.lower_ in ("police",):
                return speaker_span(tok)
        return None


# --------------------------------------------------------------------------- quotes


def _quote_spans(text: str) -> list[tuple[int, int, int, int]]:
    """``(content_start, content_end, outer_start, outer_end)`` of each quotation.

    Curly and straight double quotes; single quotes only at word boundaries
    (so apostrophes are not taken for quotes). A quote still open at a
    paragraph break is closed there (newspaper convention for quotes running
    over several paragraphs: the next paragraph reopens with a quote mark).
    """
    spans: list[tuple[int, int, int, int]] = []
    open_at: Optional[int] = None
    open_kind = ""
    n = len(text)
    skip_to = 0  # after a single-quoted span, its closing mark (the scan goes on behind it)
    # only a newline or a quote mark changes anything: the scan visits those characters alone
    for found in _MARKS.finditer(text):
        i = found.start()
        if i < skip_to:
            continue
        ch = text[i]
        if ch == "\n" and open_at is not None and (i + 1 < n and text[i + 1] == "\n"):
            end = i
            while end > open_at + 1 and text[end - 1].isspace():
                end -= 1
            spans.append((open_at + 1, end, open_at, end))
            open_at = None
        elif ch in _OPEN_DOUBLE and open_kind != "s" or (ch == "«"):
            if open_at is not None and open_kind == "d":
                # unclosed quote followed by a new one: close before it
                spans.append((open_at + 1, i, open_at, i))
            open_at, open_kind = i, "d"
        elif ch in _CLOSE_DOUBLE:
            if open_at is not None and open_kind == "d":
                spans.append((open_at + 1, i, open_at, i + 1))
                open_at = None
        elif ch == _STRAIGHT:
            if open_at is not None and open_kind == "q":
                spans.append((open_at + 1, i, open_at, i + 1))
                open_at = None
            elif open_at is None and i + 1 < n and not text[i + 1].isspace():
                open_at, open_kind = i, "q"
        elif ch in "‘'" and open_at is None:
            prev = text[i - 1] if i > 0 else " "
            if (prev.isspace() or prev in "([—–-") and i + 1 < n and text[i + 1].isalnum():
                close = _single_close(text, i + 1)
                if close is not None:
                    spans.append((i + 1, close, i, close + 1))
                    skip_to = close + 1
    if open_at is not None:
        end = n
        while end > open_at + 1 and text[end - 1].isspace():
            end -= 1
        spans.append((open_at + 1, end, open_at, end))
    return [s for s in spans if s[1] > s[0]]


def _single_close(text: str, start: int) -> Optional[int]:
    """Position of the closing single quote for an opening one, within a paragraph."""
    for j in range(start, min(len(text), start + 400)):
        ch = text[j]
        if ch == "\n":
            return None
        if ch in "’'":
            nxt = text[j + 1] if j + 1 < len(text) else " "
            prv = text[j - 1]
            if not nxt.isalnum() and not prv.isspace():
                return j
    return None


# --------------------------------------------------------------------------- helpers


def _lemma(tok: Token) -> str:
    low = tok.lower_
    if low in ("according",):
        return "according to"
    lem = tok.lemma_.lower()
    return lem


_FEMALE = frozenset(
    """ms ms. mrs mrs. miss madam woman women mother daughter sister wife spokeswoman
    congresswoman chairwoman businesswoman policewoman queen princess girl grandmother
    aunt lady widow niece actress""".split()
)
_MALE = frozenset(
    """mr mr. sir man men father son brother husband spokesman congressman chairman
    businessman policeman king prince boy grandfather uncle lord widower nephew""".split()
)


def _gender(text: str) -> Optional[str]:
    """'f' or 'm' when the phrase carries a gendered title or noun, else ``None``."""
    words = {w.strip(",.;:()").lower() for w in text.split()} | {w.lower() for w in text.split()}
    if words & _FEMALE:
        return "f"
    if words & _MALE:
        return "m"
    return None


def _adjacent(doc: Doc, verb: Token, o_start: int, o_end: int) -> bool:
    """The verb sits right after the quote ('”, she recalled') or its subject does."""
    if verb.idx >= o_end:
        start = _token_at(doc, o_end)
        return start is not None and verb.i - start.i <= 4
    return False


def _starts_sentence(text: str, o_start: int, sent: Span) -> bool:
    """True when the quotation (opening at ``o_start``) begins its sentence ``sent``."""
    lead = text[sent.start_char : o_start]
    return lead.strip() == "" or o_start <= sent.start_char


def _token_at(doc: Doc, char_offset: int) -> Optional[Token]:
    """The token covering ``char_offset``, or the first one after it."""
    if not len(doc):
        return None
    lo, hi = 0, len(doc)  # binary search over token offsets, without a copied list
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx <= char_offset:
            lo = mid + 1
        else:
            hi = mid
    i = lo - 1
    if i < 0:
        return doc[0]
    tok = doc[i]
    if char_offset < tok.idx + max(1, len(tok.text)):
        return tok
    return doc[i + 1] if i + 1 < len(doc) else None


def _subject_of(verb: Token) -> Optional[Token]:
    """The active subject of ``verb``, climbing conj/advcl/xcomp heads up to three levels
    (the walk reads the Doc's token table; only the answer becomes a Token)."""
    doc = verb.doc
    table = token_table(doc)
    dep, low, pos, up, kids, punct = table.dep, table.lower, table.pos, table.head, table.children, table.is_punct
    node = verb.i
    for _ in range(4):
        subjects = [c for c in kids[node] if dep[c] == "nsubj" and not punct[c] and pos[c] != "PUNCT"]
        if subjects:
            subj = min(subjects, key=lambda c: abs(c - node))
            if low[subj] in _RELATIVE and dep[node] == "relcl":
                return doc[up[node]]  # "the man, who said ..." → the man
            return doc[subj]
        for child in kids[node]:
            if dep[child] == "agent":  # "it was reported by Reuters", "was claimed by IS"
                objs = [c for c in kids[child] if dep[c] == "pobj"]
                if objs:
                    return doc[objs[0]]
        if any(dep[c] == "nsubjpass" for c in kids[node]):
            return None
        if dep[node] in ("conj", "advcl", "xcomp") and up[node] != node:
            node = up[node]
        else:
            return None
    return None


def speaker_span(head: Token) -> tuple[str, int, int]:
    """``(text, start, end)`` of the noun phrase headed by ``head``.

    The phrase runs from the left edge of the subtree to the head and on to the
    right while no comma, relative clause or clausal modifier begins
    ("Lloyd Austin, the defence secretary, said" → "Lloyd Austin";
    "the US Central Command (CENTCOM)" is kept whole).
    """
    doc = head.doc
    table = token_table(doc)
    text, dep, pos, up = table.text, table.dep, table.pos, table.head
    is_punct, is_space, is_quote, is_title, sent_start = (table.is_punct, table.is_space, table.is_quote,
                                                          table.is_title, table.sent_start)
    n = len(text)
    h = head.i
    left = head.left_edge.i
    for i in range(h - 1, left - 1, -1):
        # Token.is_sent_end: the last token, or the next one starts a sentence
        if (is_quote[i] and dep[i] != "case") or text[i] in ",;:" or is_space[i] or i + 1 == n or sent_start[i + 1] == 1:
            left = i + 1
            break
    while left < h and (is_punct[left] or is_space[left]):
        left += 1
    right = h
    for i in range(h + 1, head.right_edge.i + 1):
        if text[i] == "," or is_space[i] or dep[i] in ("relcl", "acl", "cc", "conj") and up[i] == h:
            break
        if _under(i, h, ("relcl", "acl"), dep, up):
            break
        right = i
    while right > h and is_punct[right] and text[right] not in ")]":
        right -= 1
    # a title abbreviation split off by the sentencizer: "IMPD Sgt. Kendale Adams"
    if (
        right + 2 < n
        and pos[right] == "PROPN"
        and len(text[right]) <= 4
        and text[right + 1] == "."
        and pos[right + 2] == "PROPN"
        and is_title[right + 2]
    ):
        right += 2
        while right + 1 < n and pos[right + 1] == "PROPN" and is_title[right + 1]:
            right += 1
    # = doc[left : right + 1]'s text and offsets, without a token walk
    start, end = table.idx[left], table.idx[right] + len(text[right])
    return (doc_text(doc)[start:end], start, end)


def _under(i: int, head: int, deps: tuple[str, ...], dep: list[str], up: list[int]) -> bool:
    """Whether a dependency in ``deps`` lies on the path from token ``i`` up to ``head``
    (token indices; ``dep`` and ``up`` the table's dependency labels and heads)."""
    node = i
    while node != head and up[node] != node:
        if dep[node] in deps:
            return True
        node = up[node]
    return False


def _cue_text(verb: Token) -> str:
    """The attribution words: the verb, a particle and a prepositional phrase right after it.

    "said in a statement", "told reporters", "according to".
    """
    doc = verb.doc
    if verb.lower_ == "according":
        return "according to"
    end = verb.i
    for child in sorted(verb.children, key=lambda c: c.i):
        if child.i <= verb.i:
            continue
        if child.i != end + 1:
            break
        if child.dep_ in ("prt",):
            end = child.i
        elif child.dep_ == "prep" and child.lower_ in ("in", "on", "via", "through", "to", "during"):
            if child.right_edge.i - child.i <= 4:  # "in a statement", not a whole clause
                end = child.right_edge.i
            break
        elif child.dep_ in ("dobj", "dative") and _lemma(verb) in ("tell", "inform", "brief"):
            if child.right_edge.i - child.i <= 4:
                end = child.right_edge.i
            else:
                break
        else:
            break
    while end > verb.i and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return doc[verb.i : end + 1].text




subject_of = _subject_of
