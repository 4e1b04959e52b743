"""The event filters of the HTTP API and dashboard: :mod:`whimbrel.store.filters`, the one
WHERE builder that ``whimbrel events`` uses too (re-exported here for the web modules)."""

from __future__ import annotations

from ..store.filters import (DEFAULT_LIMIT, MAX_LIMIT, MAX_VALUE_CHARS, SORT_KEYS, EventFilter, country_codes,
                             decode_cursor, encode_cursor, like_pattern, register_functions)

__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "MAX_VALUE_CHARS", "EventFilter", "SORT_KEYS", "country_codes",
           "decode_cursor", "encode_cursor", "like_pattern", "register_functions"]
