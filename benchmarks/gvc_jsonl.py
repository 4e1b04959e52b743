"""The GVC gold documents as a whimbrel input JSONL (``python benchmarks/gvc_jsonl.py OUT``).

Reads ``../shared/eval/gvc/docs.jsonl`` (or the folder given with ``--gvc``) and writes one
record per document in the form ``whimbrel extract`` reads (id, title, text, published,
url), so the extraction output over real local news can be digested before and after a
speed change (docs/benchmarks.md).  No language is declared, so the language check runs.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="JSONL file to write")
    parser.add_argument("--gvc", default=str(Path.cwd().parent / "shared" / "eval" / "gvc"), help="GVC folder")
    args = parser.parse_args(argv)
    src = Path(args.gvc) / "docs.jsonl"
    n = 0
    with open(src, encoding="utf-8") as fh, open(args.out, "w", encoding="utf-8") as out:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            rec = {"id": d["doc_id"], "title": d.get("title"), "text": d["text"],
                   "published": d.get("published"), "url": d.get("url")}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    print(f"{n} documents -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
