"""Writes over HTTP: the bearer-token check, the body limit, and ingestion through ``whimbrel ingest``'s path."""

from __future__ import annotations

import hmac
import json
import tempfile
from pathlib import Path
from typing import Any, Optional

from fastapi import Request

from ..errors import AuthRequired, BadParameter, BodyTooLarge, UnsupportedBody, WritesDisabled


def authorise(cfg: Any, header: Optional[str]) -> None:
    """Raise unless ``header`` is ``Bearer <the configured token>`` (compared in constant time)."""
    if not cfg.token:
        raise WritesDisabled("writing over HTTP is off: the server has no WHIMBREL_API_TOKEN")
    scheme, _, given = (header or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise AuthRequired("this endpoint needs an 'Authorization: Bearer <token>' header")
    # header values arrive decoded as latin-1: encoding back gives the bytes sent (a UTF-8 token works)
    if not hmac.compare_digest(given.strip().encode("latin-1", "replace"), cfg.token.encode("utf-8")):
        raise AuthRequired("the bearer token is not the one this server was started with")


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (E705) as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > limit:
                raise BodyTooLarge(f"the body is {int(declared):,} bytes, over the limit of {limit:,}")
        except ValueError as exc:
            raise BadParameter("Content-Length is not a number") from exc
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge(f"the body is over the limit of {limit:,} bytes")
        chunks.append(chunk)
    body = b"".join(chunks)
    if not body.strip():
        raise BadParameter("the request body is empty", hint="POST one article record, a list of them, or a page.")
    return body


def _as_jsonl(body: bytes, content_type: str, meta: dict[str, str]) -> tuple[str, bytes]:
    """The body as a file ``whimbrel ingest`` reads: (file name, bytes)."""
    ctype = content_type.split(";")[0].strip().lower()
    if ctype in ("application/json", ""):
        try:
            data = json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise BadParameter(f"the body is not valid JSON: {exc}") from exc
        if isinstance(data, dict):
            data = [data]
        if not isinstance(data, list) or not data:
            raise BadParameter("the JSON body must be one article record or a non-empty list of them")
        if len(data) > 1000:
            raise BodyTooLarge(f"{len(data)} records in one request; the limit is 1000")
        return "api-request.json", json.dumps(data, ensure_ascii=False).encode("utf-8")
    if ctype in ("application/x-ndjson", "application/jsonl", "application/json-lines"):
        return "api-request.jsonl", body
    if ctype in ("text/html", "text/plain"):
        field = "html" if ctype == "text/html" else "text"
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BadParameter("the body is not UTF-8", hint="Send UTF-8 text or HTML.") from exc
        rec = {**meta, field: text}
        return "api-request.jsonl", (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8")
    raise UnsupportedBody(f"cannot read a body of type {ctype!r}")


def ingest_body(cfg: Any, body: bytes, content_type: str, meta: dict[str, str]) -> dict[str, Any]:
    """Ingest one request body with :func:`whimbrel.store.ingest.ingest` (one writer at a time)."""
    from ..settings import load
    from ..store import Store
    from ..store.ingest import ingest

    name, data = _as_jsonl(body, content_type, meta)
    settings = load({"db": cfg.db, **({"data_dir": cfg.data_dir} if cfg.data_dir else {})})
    with cfg.write_lock, tempfile.TemporaryDirectory(prefix="whimbrel-api-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        if cfg.pipeline is None:
            from ..extract import build_pipeline

            cfg.pipeline = build_pipeline(settings)
        pipe = cfg.pipeline

        def extractor(items, s=None):
            from ..extract import extract_many

            return extract_many(items, s, pipeline=pipe)

        with Store(cfg.db) as store:
            summary = ingest([str(path)], store, settings, extractor=extractor)
            ids = _article_ids(store, data, name)
            events = sorted({r[0] for r in store.conn.execute(
                "SELECT DISTINCT em.event_id FROM mentions m JOIN event_mentions em ON em.mention_id=m.id"
                f" WHERE m.article_id IN ({','.join('?' * len(ids))})", ids)}) if ids else []
    out = summary.to_json()
    out["skips"] = [{"origin": s.origin.replace(str(path), "request"), "code": s.code, "reason": s.reason}
                    for s in summary.skips]
    return {"summary": out, "article_ids": ids, "event_ids": events}


def _article_ids(store: Any, data: bytes, name: str) -> list[str]:
    """Ids of the articles of this request that are now in the store."""
    recs: list[Any] = []
    if name.endswith(".json"):
        recs = json.loads(data)
    else:
        for line in data.decode("utf-8", "replace").splitlines():
            try:
                recs.append(json.loads(line))
            except json.JSONDecodeError:
                continue
    ids = []
    for r in recs:
        if isinstance(r, dict) and isinstance(r.get("id"), str):
            ids.append(r["id"])
    found = [i for i in ids if store.get_article(i) is not None]
    if len(found) < len(recs):  # records without an id: the newest articles of this run
        n = len(recs) - len(found)
        found += [r[0] for r in store.conn.execute(
            "SELECT id FROM articles WHERE content_hash IS NOT NULL ORDER BY rowid DESC LIMIT ?", (n,))
            if r[0] not in found]
    return found
