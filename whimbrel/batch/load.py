"""Loading a batch output into the embedded store (``whimbrel load DIR``).

Articles, skips and mentions are stored as ``ingest`` stores them (content hash, MinHash and
band keys, ``syndicated_of``), then the merged events are written as they are when the store
held no events, or the new reports are deduplicated with the store's own when it did.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from ..errors import StoreError
from ..records import Article, Event, Note, Skip
from .merge import _files, read_events
from .output import Output


@dataclass
class LoadSummary:
    """What one load did."""

    articles: int = 0
    unchanged: int = 0
    skips: int = 0
    mentions: int = 0
    events: int = 0
    deduplicated: bool = False


def _syndication(root: Path) -> dict[str, str]:
    import pyarrow.parquet as pq

    p = root / "syndication" / "syndication.parquet"
    if not p.exists():
        return {}
    t = pq.read_table(p)
    return dict(zip(t["article_id"].to_pylist(), t["syndicated_of"].to_pylist()))


def _mentions_by_article(out: Output, part: int) -> dict[str, list[Event]]:
    import pyarrow.parquet as pq

    by: dict[str, list[Event]] = {}
    for k, path in _files(out, "mentions"):
        if k != part:
            continue
        t = pq.read_table(path, columns=["article_id", "record"])
        for aid, rec in zip(t["article_id"].to_pylist(), t["record"].to_pylist()):
            by.setdefault(aid, []).append(Event.model_validate_json(rec))
    return by


def load_batch(root: str, store: Any) -> LoadSummary:
    """Store the batch output at ``root`` in ``store`` (a :class:`whimbrel.store.Store`)."""
    import pyarrow.parquet as pq

    from ..store.dedupe import dedupe_pending, write_event
    from ..store.ingest import Syndication

    out = Output(root)
    if out.read_manifest() is None:
        raise StoreError(f"{root} is not a batch output (no manifest.json)", hint="Run whimbrel batch first.")
    copies = _syndication(out.root)
    syn = Syndication()
    had_events = int(store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]) > 0
    summary = LoadSummary()
    touched: list[str] = []
    parts = sorted({k for k, _ in _files(out, "articles")})
    for part in parts:
        mentions = _mentions_by_article(out, part)
        rows: list[dict] = []
        for k, path in _files(out, "articles"):
            if k == part:
                rows += pq.read_table(path).to_pylist()
        rows.sort(key=lambda r: r["position"])
        with store.write() as conn:
            for r in rows:
                if r["skip_code"] is not None:
                    store.put_skip(conn, Skip(origin=r["origin"] or r["id"], code=r["skip_code"],
                                              reason=r["skip_reason"] or "", message=r.get("skip_message"), hint=r.get("skip_hint"),
                                              article_id=None if r["id"].startswith("skip:") else r["id"]))
                    summary.skips += 1
                    continue
                art = Article(id=r["id"], text=r["text"] or "", raw=r["raw"], title=r["title"],
                              published=r["published"].isoformat() if r["published"] else None,
                              url=r["url"], publisher=r["publisher"], language=r["language"], origin=r["origin"],
                              warnings=tuple(Note.model_validate(n) for n in json.loads(r.get("warnings") or "[]")))
                sig = syn.unpack(r["minhash"]) if r["minhash"] else None
                events = mentions.get(art.id, [])
                status = store.put_article(conn, art, events, syndicated_of=copies.get(art.id),
                                           minhash=r["minhash"], bands=syn.bands(sig) if sig else (),
                                           digest=r["content_hash"])
                if status == "unchanged":
                    summary.unchanged += 1
                    continue
                summary.articles += 1
                summary.mentions += len(events)
                touched += [e.id for e in events]
    if had_events:
        if touched or store.pending():
            dedupe_pending(store)  # the stored reports pending (these, and any an interrupted run left)
        summary.deduplicated = True
    else:
        with store.write() as conn:
            for ev in read_events(root):
                write_event(conn, ev)
                summary.events += 1
            # the batch's events group its reports: those are no longer pending
            conn.execute("DELETE FROM pending_mentions WHERE mention_id IN (SELECT mention_id FROM event_mentions)")
    summary.events = int(store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0])
    return summary


__all__ = ["LoadSummary", "load_batch"]
