"""Casualty counts against the Gun Violence Corpus (Vossen et al., LREC 2018; GVA facts).

For each article: parse with spaCy, run :func:`whimbrel.stages.counts.extract_size` on
every sentence (no trigger), take the largest dead and injured ``best`` figures (a
missing figure counts as 0), and compare with the gold incident's ``killed``/``injured``.
Also per incident on the gold clusters (the largest figure over its articles).
GVA totals include suspects; articles often count only victims, so a miss by the
number of suspects is expected.

    python benchmarks/counts_gvc.py --limit 100
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path
from typing import Optional

from whimbrel.records import Count
from whimbrel.settings import load


def _best(count: Optional[Count]) -> Optional[int]:
    return count.point() if count is not None else None


def _score(pairs: list[tuple[int, int]]) -> tuple[float, float]:
    if not pairs:
        return 0.0, 0.0
    exact = sum(1 for p, g in pairs if p == g) / len(pairs)
    mae = sum(abs(p - g) for p, g in pairs) / len(pairs)
    return exact, mae


def main(argv: Optional[list[str]] = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=100, help="articles to read (0: all)")
    parser.add_argument("--shared-dir", default=None)
    parser.add_argument("--show", type=int, default=0, help="print this many misses")
    args = parser.parse_args(argv)

    import spacy

    from whimbrel.stages.counts import extract_size

    settings = load().resolved()
    gvc = Path(args.shared_dir or settings.shared_dir) / "eval" / "gvc"
    incidents = {}
    with open(gvc / "incidents.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            incidents[rec["incident_id"]] = rec
    docs = []
    with open(gvc / "docs.jsonl", encoding="utf-8") as fh:
        for line in fh:
            docs.append(json.loads(line))
            if args.limit and len(docs) >= args.limit:
                break

    nlp = spacy.load(settings.spacy_model)
    per_doc: list[tuple[str, int, int, bool, bool]] = []
    by_incident: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for rec, doc in zip(docs, nlp.pipe((d["text"][:100_000] for d in docs), batch_size=8)):
        dead = injured = 0
        seen_dead = seen_inj = False
        for sent in doc.sents:
            size = extract_size(sent)
            d, i = _best(size.dead), _best(size.injured)
            if d is not None:
                dead, seen_dead = max(dead, d), True
            if i is not None:
                injured, seen_inj = max(injured, i), True
        per_doc.append((rec["incident_id"], dead, injured, seen_dead, seen_inj))
        by_incident[rec["incident_id"]].append((dead, injured))

    results: dict[str, float] = {"articles": len(per_doc), "incidents": len(by_incident)}
    for name, pairs_k, pairs_i in (
        (
            "article",
            [(d, incidents[iid]["killed"]) for iid, d, _, _, _ in per_doc],
            [(i, incidents[iid]["injured"]) for iid, _, i, _, _ in per_doc],
        ),
        (
            "incident",
            [(max(x[0] for x in v), incidents[k]["killed"]) for k, v in by_incident.items()],
            [(max(x[1] for x in v), incidents[k]["injured"]) for k, v in by_incident.items()],
        ),
    ):
        ek, mk = _score(pairs_k)
        ei, mi = _score(pairs_i)
        results[f"{name}_killed_exact"] = round(ek, 3)
        results[f"{name}_killed_mae"] = round(mk, 3)
        results[f"{name}_injured_exact"] = round(ei, 3)
        results[f"{name}_injured_mae"] = round(mi, 3)
    # the same against victims only (GVA totals include suspects)
    vk = [(d, incidents[iid]["victims_killed"]) for iid, d, _, _, _ in per_doc]
    vi = [(i, incidents[iid]["victims_injured"]) for iid, _, i, _, _ in per_doc]
    ek, _ = _score(vk)
    ei, _ = _score(vi)
    results["article_killed_exact_or_victims"] = round(
        sum(1 for (iid, d, _, _, _) in per_doc if d in (incidents[iid]["killed"], incidents[iid]["victims_killed"]))
        / max(1, len(per_doc)), 3)
    results["article_injured_exact_or_victims"] = round(
        sum(1 for (iid, _, i, _, _) in per_doc if i in (incidents[iid]["injured"], incidents[iid]["victims_injured"]))
        / max(1, len(per_doc)), 3)
    results["article_dead_found"] = round(sum(1 for x in per_doc if x[3]) / max(1, len(per_doc)), 3)
    results["article_injured_found"] = round(sum(1 for x in per_doc if x[4]) / max(1, len(per_doc)), 3)
    shown = 0
    for (iid, d, i, _, _), rec in zip(per_doc, docs):
        if shown >= args.show:
            break
        g = incidents[iid]
        if (d, i) != (g["killed"], g["injured"]):
            print(f"MISS {rec['doc_id'][:8]} pred k={d} i={i} gold k={g['killed']} i={g['injured']} :: {rec['title'][:70]}")
            shown += 1
    for key, value in results.items():
        print(f"{key}\t{value}")
    return results


if __name__ == "__main__":
    main()
