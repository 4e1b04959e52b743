"""Evaluate the actor resolver alone on the PLOVER gold set.

Each gold actor's ``actorText`` is resolved without context; reports code
accuracy (and coverage), and sector agreement where the gold gives a sector
(gold sectors are cut to their first three letters: "REBkur" → "REB").

    python benchmarks/actor_resolution.py [--shared DIR] [--show-errors N]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from whimbrel.knowledge.actors import ActorKB
from whimbrel.settings import load


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=None, help="shared folder (default: the shared_dir setting)")
    parser.add_argument("--show-errors", type=int, default=0)
    args = parser.parse_args()
    shared = Path(args.shared or load().shared_dir)
    rows = json.loads((shared / "eval/plover_gsr/PLOVER_GSR_CAMEO.json").read_text("utf-8"))
    kb = ActorKB.load(use_settings=False)
    gold: list[tuple[str, str | None, str | None]] = []
    for row in rows:
        for role in ("source", "target"):
            actors = row.get(role)
            if isinstance(actors, list):
                gold.extend((a["actorText"], a.get("code"), a.get("sector")) for a in actors if a.get("actorText"))
    t0 = time.perf_counter()
    resolved = [kb.resolve(text) for text, _c, _s in gold]
    elapsed = time.perf_counter() - t0
    code_ok = sum(1 for (_t, c, _s), e in zip(gold, resolved) if e.code == c)
    answered = sum(1 for e in resolved if e.code)
    code_prec = sum(1 for (_t, c, _s), e in zip(gold, resolved) if e.code and e.code == c) / max(answered, 1)
    with_sector = [(g, e) for g, e in zip(gold, resolved) if g[2] and g[2] != "***"]
    sector_ok = sum(1 for (_t, _c, s), e in with_sector if e.sector == s[:3].upper())
    print(f"PLOVER gold actors: {len(gold)} (resolved with no context)")
    print(f"code accuracy:  {code_ok / len(gold):.3f}  ({code_ok}/{len(gold)})")
    print(f"code coverage:  {answered / len(gold):.3f}; precision when answered: {code_prec:.3f}")
    print(f"sector agreement (gold sector given): {sector_ok / max(len(with_sector), 1):.3f}  ({sector_ok}/{len(with_sector)})")
    print(f"speed: {len(gold) / elapsed:,.0f} phrases/s; KB: {len(kb)} listed actors, {kb.aliases()} keys")
    shown = 0
    for (text, code, sector), ent in zip(gold, resolved):
        if shown >= args.show_errors:
            break
        if ent.code != code:
            print(f"  {text!r}: gold {code}/{sector}, got {ent.code}/{ent.sector} ({ent.name})")
            shown += 1


if __name__ == "__main__":
    main()
