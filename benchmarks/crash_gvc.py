"""Issue 14's scenario by hand: ingest GVC documents with ``whimbrel ingest``, SIGKILL it three
times, let a fourth run finish, and compare the store with an uninterrupted run's.

    python benchmarks/crash_gvc.py --docs 400 --kill-at 30,80,130 --out /tmp/crash
    python benchmarks/crash_gvc.py --code /path/to/an/older/checkout ...   # its behaviour

Each killed run is SIGKILLed 1.5 s after the store holds ``--kill-at`` articles (so the kill
lands while the next batch is being extracted).  Prints, for the killed and the uninterrupted
store: articles, mentions, events, mentions in no event, events with no mention,
``PRAGMA integrity_check``, and the event ids found in only one of the two.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def gvc_jsonl(docs: Path, n: int, out: Path) -> None:
    """The first ``n`` GVC documents as records ``whimbrel ingest`` reads."""
    with open(docs, encoding="utf-8") as fh, open(out, "w", encoding="utf-8") as dst:
        for k, line in enumerate(fh):
            if k == n:
                break
            d = json.loads(line)
            dst.write(json.dumps({"id": d["doc_id"], "title": d.get("title"), "text": d["text"],
                                  "published": d.get("published"), "url": d.get("url")}) + "\n")


def _articles(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def run(code: Path, db: Path, corpus: Path, kill_at: list[int]) -> list[str]:
    """Killed runs at ``kill_at`` articles, then one to the end; what happened."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    cmd = [sys.executable, "-m", "whimbrel", "ingest", str(corpus), "--db", str(db), "--no-progress"]
    notes = []
    for threshold in kill_at:
        proc = subprocess.Popen(cmd, cwd=code, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while proc.poll() is None and _articles(db) < threshold:
            time.sleep(0.2)
        time.sleep(1.5)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            notes.append(f"killed with {_articles(db)} articles stored")
        else:
            notes.append("finished before the kill")
    done = subprocess.run(cmd, cwd=code, env=env, capture_output=True, text=True)
    notes.append(done.stdout.strip().replace("\n", " | ") or done.stderr.strip()[-500:])
    return notes


def figures(db: Path) -> dict:
    conn = sqlite3.connect(db)
    q = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    out = {"articles": q("SELECT COUNT(*) FROM articles"), "mentions": q("SELECT COUNT(*) FROM mentions"),
           "events": q("SELECT COUNT(*) FROM events"),
           "mentions_in_no_event": q("SELECT COUNT(*) FROM mentions WHERE id NOT IN (SELECT mention_id FROM event_mentions)"),
           "events_with_no_mention": q("SELECT COUNT(*) FROM events WHERE id NOT IN (SELECT event_id FROM event_mentions)"),
           "integrity_check": q("PRAGMA integrity_check")}
    out["event_ids"] = {r[0] for r in conn.execute("SELECT id FROM events")}
    conn.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--kill-at", default="30,80,130", help="articles stored before each kill")
    ap.add_argument("--code", default=str(REPO), help="the whimbrel checkout to run")
    ap.add_argument("--gvc", default=str(REPO.parent / "shared" / "eval" / "gvc" / "docs.jsonl"))
    ap.add_argument("--out", default="crash-gvc")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    corpus = out / "gvc.jsonl"
    gvc_jsonl(Path(args.gvc), args.docs, corpus)
    result = {}
    for name, kills in (("killed", [int(x) for x in args.kill_at.split(",") if x]), ("uninterrupted", [])):
        db = out / f"{name}.db"
        for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            p.unlink(missing_ok=True)
        notes = run(Path(args.code), db, corpus, kills)
        result[name] = {"runs": notes, **figures(db)}
    a, b = result["killed"].pop("event_ids"), result["uninterrupted"].pop("event_ids")
    result["event ids only in the killed store"] = len(a - b)
    result["event ids only in the uninterrupted store"] = len(b - a)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
