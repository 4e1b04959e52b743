"""WikiEvents (dev): trigger detection and argument extraction on full news articles.

The document text is rebuilt from the gold sentences (each keeps its own token spacing;
sentences are joined by a blank line), so every gold token has a character offset in
the text whimbrel reads.  Gold KAIROS types are mapped to PLOVER with
``whimbrel.codebook.kairos_to_plover``; gold mentions whose type maps to nothing are
left out, and so are predicted events whose type no KAIROS type maps to (WikiEvents
cannot say whether they are right).

Matching (also in docs/evaluation.md):

* **Trigger units** are ``(document, sentence, PLOVER type)``.  Gold: one per gold event
  mention (several mentions of one type in one sentence make one unit).  Predicted: each
  mention span of each event covers one or more gold sentences (by character overlap).
  A predicted mention is correct when a gold unit of its type lies in a sentence it
  covers; a gold unit is found when some predicted mention of its type covers it.
* **Arguments** are grouped into ``actor`` (Attacker, Killer, Injurer, Jailer, ...),
  ``target`` (Target, Victim, Detainee, ...) and ``place``.  A predicted argument (an
  actor, recipient or location of a predicted event) matches a gold one when the event
  types agree, the gold event's sentence is covered by one of the predicted event's
  mentions, and the predicted words overlap (by character span) any mention of the gold
  entity's coreference cluster, or, when the span cannot be placed, share its head word
  (last word) with one of those mentions.  An event location chosen only from the
  article's focus country (``location.basis`` focus) is not an argument span
  and is not scored as a place argument; nor is a recipient that whimbrel takes from the
  event's place (entity id ``place:…``, PLOVER's "affected state") scored as a target.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from ..codebook import kairos_to_plover
from ..errors import EvalError
from ..records import Article, Event, PlaceBasis
from .base import EvalResult
from .halves import HALVES, SPLIT_SEED, copy_prefixed, half_of, majority
from .metrics import PRF, head_word, overlaps

ACTOR_ROLES = frozenset(
    {"Attacker", "Killer", "Injurer", "Jailer", "Perpetrator", "Investigator", "Impeder",
     "Demonstrator", "Communicator", "Transporter", "Giver", "Regulator"}
)
TARGET_ROLES = frozenset({"Target", "Victim", "Detainee", "Defendant", "Recipient", "Patient"})
PLACE_ROLES = frozenset({"Place"})
ATTACK_DIE_INJURE = ("Conflict.Attack", "Life.Die", "Life.Injure")

Mapper = Callable[[str], Any]


@dataclass(frozen=True)
class Mention:
    """A gold entity mention with its character span in the rebuilt text."""

    id: str
    start: int
    end: int
    text: str


@dataclass
class GoldDoc:
    """One WikiEvents document rebuilt into text with gold offsets."""

    id: str
    text: str
    sentences: list[tuple[int, int]]
    events: list[dict[str, Any]] = field(default_factory=list)
    """``{type, sent, start, end, trigger, args: [(role, entity_id)]}``"""
    mentions: dict[str, Mention] = field(default_factory=dict)
    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """entity id -> ids of all mentions of the same entity (itself included)."""

    def cluster_mentions(self, entity_id: str) -> list[Mention]:
        ids = self.clusters.get(entity_id, (entity_id,))
        return [self.mentions[i] for i in ids if i in self.mentions]

    def sentences_covering(self, start: int, end: int) -> set[int]:
        return {i for i, (a, b) in enumerate(self.sentences) if overlaps(start, end, a, b)}


def rebuild(record: dict[str, Any]) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """Text, sentence spans and per-token spans (global token order) of one record."""
    parts: list[str] = []
    sent_spans: list[tuple[int, int]] = []
    tok_spans: list[tuple[int, int]] = []
    pos = 0
    for toks, _text in record["sentences"]:
        if parts:
            parts.append("\n\n")
            pos += 2
        base_orig = toks[0][1] if toks else 0
        sent_start = pos
        cur = ""
        for tok, a, b in toks:
            rel = a - base_orig
            if rel > len(cur):
                cur += " " * (rel - len(cur))
            elif rel < len(cur):  # overlapping/odd offsets: keep tokens apart
                cur += " "
            tok_spans.append((sent_start + len(cur), sent_start + len(cur) + len(tok)))
            cur += tok
        parts.append(cur)
        pos += len(cur)
        sent_spans.append((sent_start, pos))
    return "".join(parts), sent_spans, tok_spans


def load_wikievents(path: Path, limit: Optional[int] = None) -> list[GoldDoc]:
    """Read ``dev.jsonl`` (and ``coref_dev.jsonlines`` beside it, when present)."""
    path = Path(path)
    clusters: dict[str, list[list[str]]] = {}
    coref = path.with_name("coref_" + path.stem + ".jsonlines")
    try:
        if coref.exists():
            for line in coref.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    rec = json.loads(line)
                    clusters[rec["doc_key"]] = rec.get("clusters", [])
        docs: list[GoldDoc] = []
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                docs.append(_doc(json.loads(line), clusters))
                if limit is not None and len(docs) >= limit:
                    break
    except (OSError, json.JSONDecodeError, KeyError, IndexError, TypeError) as exc:
        raise EvalError(f"cannot read WikiEvents gold file {path}: {exc}") from exc
    return docs


def _doc(rec: dict[str, Any], clusters: dict[str, list[list[str]]]) -> GoldDoc:
    text, sents, toks = rebuild(rec)
    doc = GoldDoc(id=rec["doc_id"], text=text, sentences=sents)
    for em in rec.get("entity_mentions", []):
        a, b = toks[em["start"]][0], toks[em["end"] - 1][1]
        doc.mentions[em["id"]] = Mention(em["id"], a, b, text[a:b])
    for cluster in clusters.get(doc.id, []):
        for mid in cluster:
            doc.clusters[mid] = tuple(cluster)
    for ev in rec.get("event_mentions", []):
        trig = ev["trigger"]
        a, b = toks[trig["start"]][0], toks[trig["end"] - 1][1]
        doc.events.append(
            {
                "type": ev["event_type"],
                "sent": trig.get("sent_idx", min(doc.sentences_covering(a, b), default=0)),
                "start": a,
                "end": b,
                "trigger": text[a:b],
                "args": [(arg["role"], arg["entity_id"]) for arg in ev.get("arguments", [])],
            }
        )
    return doc


def default_mapper() -> Mapper:
    """The codebook's KAIROS → PLOVER table (:func:`whimbrel.codebook.kairos_to_plover`)."""
    return kairos_to_plover


def _plover(mapper: Mapper, kairos: str) -> Optional[str]:
    """Normalise the mapper's answer (a type, a (type, mode) pair, an object with event_type, or None)."""
    out = mapper(kairos)
    if out is None or isinstance(out, str):
        return out or None
    if isinstance(out, (tuple, list)):
        return out[0] if out else None
    return getattr(out, "event_type", None)


def _place_span(text: str, start: Optional[int], end: Optional[int], words: str, within: Iterable[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """Where a predicted entity/place lies in the rebuilt text (offsets first, then a search in its sentences)."""
    if not words:
        return None
    if start is not None and end is not None and text[start:end] == words:
        return start, end
    for a, b in within:
        at = text.find(words, a, b)
        if at >= 0:
            return at, at + len(words)
    return None


@dataclass
class _Pred:
    type: str
    sentences: set[int]
    mention_sentences: list[set[int]]
    args: dict[str, list[tuple[str, Optional[tuple[int, int]]]]]


def _predicted(doc: GoldDoc, events: list[Event]) -> list[_Pred]:
    out = []
    for ev in events:
        per_mention: list[set[int]] = []
        for sp in ev.mentions:
            where = _place_span(doc.text, sp.start, sp.end, sp.text, [(0, len(doc.text))])
            if where is None:
                where = (sp.start, sp.end)
            per_mention.append(doc.sentences_covering(*where))
        covered = set().union(*per_mention) if per_mention else set()
        within = [doc.sentences[i] for i in sorted(covered)] + [(0, len(doc.text))]
        args: dict[str, list[tuple[str, Optional[tuple[int, int]]]]] = {"actor": [], "target": [], "place": []}
        for group, ents in (("actor", ev.actor), ("target", ev.recipient)):
            for e in ents:
                if e.from_place:
                    continue  # a target taken from the event's place is no argument span of that role
                args[group].append((e.text, _place_span(doc.text, e.start, e.end, e.text, within)))
        # only a place the extractor grounds in the event's own text counts as an argument;
        # an event located by the article's focus country names no argument span
        if ev.location is not None and ev.location.text and ev.location.basis != PlaceBasis.focus:
            loc = ev.location
            args["place"].append((loc.text, _place_span(doc.text, loc.start, loc.end, loc.text, within)))
        out.append(_Pred(ev.event_type, covered, per_mention, args))
    return out


def _group(role: str) -> Optional[str]:
    if role in ACTOR_ROLES:
        return "actor"
    if role in TARGET_ROLES:
        return "target"
    if role in PLACE_ROLES:
        return "place"
    return None


def _arg_matches(doc: GoldDoc, entity_id: str, words: str, span: Optional[tuple[int, int]]) -> bool:
    mentions = doc.cluster_mentions(entity_id)
    if span is not None:
        return any(overlaps(span[0], span[1], m.start, m.end) for m in mentions)
    head = head_word(words)
    return bool(head) and any(head_word(m.text) == head for m in mentions)


def score_wikievents(docs: list[GoldDoc], predictions: dict[str, list[Event]], mapper: Mapper,
                     image_docs: Optional[list[GoldDoc]] = None) -> EvalResult:
    """Score predicted events (``{doc id: events}``) against the gold documents.

    The PLOVER types scored are those the gold of ``image_docs`` (default: ``docs``) maps to,
    so a half is scored on the types of the whole set."""
    res = EvalResult(dataset="wikievents", n_docs=len(docs))
    image: set[str] = set()
    adi_image: set[str] = set()
    for doc in image_docs if image_docs is not None else docs:
        for ev in doc.events:
            ev["plover"] = _plover(mapper, ev["type"])
            if ev["plover"]:
                image.add(ev["plover"])
                if ev["type"].startswith(ATTACK_DIE_INJURE):
                    adi_image.add(ev["plover"])
    trig, adi = PRF(), PRF()
    argp = {g: PRF() for g in ("actor", "target", "place")}
    for doc in docs:
        preds = [p for p in _predicted(doc, predictions.get(doc.id, [])) if p.type in image]
        gold_units = {(ev["sent"], ev["plover"]) for ev in doc.events if ev["plover"]}
        adi_units = {(ev["sent"], ev["plover"]) for ev in doc.events if ev["plover"] and ev["type"].startswith(ATTACK_DIE_INJURE)}
        for units, prf, types in ((gold_units, trig, image), (adi_units, adi, adi_image)):
            mentions = [(p.type, ms) for p in preds if p.type in types for ms in p.mention_sentences]
            good = sum(1 for t, ms in mentions if any((s, t) in units for s in ms))
            found = sum(1 for s, t in units if any(t == pt and s in ms for pt, ms in mentions))
            prf.add(good, len(mentions), found, len(units))
            if prf is trig:
                for t, ms in mentions:
                    if not any((s, t) in units for s in ms):
                        res.errors.append(_err("false_positive", "trigger", doc, min(ms, default=None), None, t))
                for s, t in sorted(units):
                    if not any(t == pt and s in ms for pt, ms in mentions):
                        res.errors.append(_err("miss", "trigger", doc, s, t, None))
        _score_args(doc, preds, argp, res)
    trig.into(res.metrics, res.support, "trigger")
    adi.into(res.metrics, res.support, "trigger.attack_die_injure")
    for g, prf in argp.items():
        prf.into(res.metrics, res.support, f"argument.{g}")
    res.details["mapped_types"] = sorted(image)
    res.details["targets"] = {"trigger.attack_die_injure.f1": 0.70, "argument.place.f1": 0.60}
    return res


def _score_args(doc: GoldDoc, preds: list[_Pred], argp: dict[str, PRF], res: EvalResult) -> None:
    gold_args: set[tuple[int, str, str, tuple[str, ...]]] = set()
    for ev in doc.events:
        if not ev["plover"]:
            continue
        for role, eid in ev["args"]:
            group = _group(role)
            if group:
                key = doc.clusters.get(eid, (eid,))
                gold_args.add((ev["sent"], ev["plover"], group, key))
    by_key = {k: k[3][0] if k[3] else "" for k in gold_args}
    for group, prf in argp.items():
        golds = [k for k in gold_args if k[2] == group]
        n_pred = tp_pred = 0
        found: set[tuple] = set()
        for p in preds:
            for words, span in p.args[group]:
                n_pred += 1
                hits = [k for k in golds if k[1] == p.type and k[0] in p.sentences and _arg_matches(doc, by_key[k], words, span)]
                if hits:
                    tp_pred += 1
                    found.update(hits)
                else:
                    res.errors.append(_err("false_positive", f"argument.{group}", doc, min(p.sentences, default=None), None, words))
        for k in golds:
            if k not in found:
                m = doc.mentions.get(by_key[k])
                res.errors.append(_err("miss", f"argument.{group}", doc, k[0], m.text if m else by_key[k], None))
        prf.add(tp_pred, n_pred, len(found), len(golds))


def _err(kind: str, fld: str, doc: GoldDoc, sent: Optional[int], gold: Any, pred: Any) -> dict[str, Any]:
    text = doc.text[slice(*doc.sentences[sent])] if sent is not None and 0 <= sent < len(doc.sentences) else None
    return {"kind": kind, "field": fld, "doc": doc.id, "sentence": text, "gold": gold, "predicted": pred}


def evaluate_wikievents(path: Path, limit: Optional[int] = None, mapper: Optional[Mapper] = None) -> EvalResult:
    """Extract every WikiEvents document and score it (``whimbrel eval wikievents``)."""
    from . import predict

    t0 = time.perf_counter()
    mapper = mapper or default_mapper()
    docs = load_wikievents(Path(path), limit)
    articles = [Article(id=d.id, text=d.text, raw=d.text, language="en", origin=f"{Path(path).name}:{d.id}") for d in docs]
    predictions = predict(articles)
    res = score_wikievents(docs, predictions, mapper)
    add_halves(res, docs, predictions, mapper)
    res.seconds = time.perf_counter() - t0
    return res


HALF_METRICS = ("trigger.f1", "trigger.attack_die_injure.f1", "argument.actor.f1", "argument.target.f1",
                "argument.place.f1")
"""The metrics repeated for the tune and the check half."""


def add_halves(res: EvalResult, docs: list[GoldDoc], predictions: dict[str, list[Event]], mapper: Mapper) -> None:
    """``tune.*`` / ``check.*`` (split by document id) and the majority baseline
    ``baseline.majority.{half}.trigger.*``: every sentence given one mention of the tune half's
    most frequent PLOVER type (the argument baselines of a do-nothing system are 0)."""
    for doc in docs:
        for ev in doc.events:
            ev.setdefault("plover", _plover(mapper, ev["type"]))
    tune = [d for d in docs if half_of(d.id) == "tune"]
    guess = majority(ev["plover"] for d in tune for ev in d.events if ev["plover"])
    for half in HALVES:
        part = [d for d in docs if half_of(d.id) == half]
        copy_prefixed(res, score_wikievents(part, predictions, mapper, image_docs=docs), half, HALF_METRICS)
        for name, only_adi in (("trigger", False), ("trigger.attack_die_injure", True)):
            prf = PRF()
            for d in part:
                units = {(ev["sent"], ev["plover"]) for ev in d.events if ev["plover"]
                         and (not only_adi or ev["type"].startswith(ATTACK_DIE_INJURE))}
                good = sum(1 for s in range(len(d.sentences)) if (s, guess) in units)
                prf.add(good, len(d.sentences), sum(1 for u in units if u[1] == guess), len(units))
            prf.into(res.metrics, res.support, f"baseline.majority.{half}.{name}")
    res.details["split"] = {"seed": SPLIT_SEED, "tune_docs": len(tune), "check_docs": len(docs) - len(tune),
                            "majority_type": guess}


__all__ = [
    "ACTOR_ROLES",
    "GoldDoc",
    "add_halves",
    "PLACE_ROLES",
    "TARGET_ROLES",
    "evaluate_wikievents",
    "load_wikievents",
    "rebuild",
    "score_wikievents",
]
