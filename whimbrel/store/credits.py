"""Publisher furniture in a report's text, which says who published it, not what happened.

Two kinds are removed before the deduplicator takes a report's words and names:

* the **dateline credit** — the outlet or agency in parentheses after a wire dateline
  ("SPRINGFIELD, Ill. (WXYZ) — ...", "LONDON (Reuters) -"): every story of that outlet has it,
  so between two of its stories it is a shared "rare" name that is no evidence of one incident;
* **share bars** — a short line that names two or more social networks ("Follow us: Facebook |
  Twitter"), repeated on every page of a site.

The dateline's place is kept: it is where the story was filed, often where it happened.
"""

from __future__ import annotations

import re

# an all-capitals dateline place (with an optional state or country abbreviation), then the
# credit in parentheses, then a dash: the credit is dropped
_DATELINE_CREDIT = re.compile(
    r"(?m)((?:^|(?<=[\s\"\u201c]))[A-Z][A-Z.'\-]+(?:[ ,]+[A-Z][A-Za-z.'\-]*){0,4})\s*"
    r"\(([^()\n]{1,40})\)(\s*[\u2014\u2013\-]{1,2})")
_NETWORKS = re.compile(r"(?i)\b(?:facebook|twitter|instagram|youtube|tiktok|linkedin|pinterest|snapchat)\b")
_SHARE_LINE_MAX = 80


def _is_share_bar(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= _SHARE_LINE_MAX and len(set(m.lower() for m in _NETWORKS.findall(s))) >= 2


def strip_credits(text: str) -> str:
    """``text`` without dateline credits and share-bar lines (same text when it has neither)."""
    if not text:
        return text
    if "(" in text:
        text = _DATELINE_CREDIT.sub(lambda m: m.group(1) + m.group(3), text)
    if "\n" in text or _NETWORKS.search(text):
        lines = text.split("\n")
        kept = [ln for ln in lines if not _is_share_bar(ln)]
        if len(kept) != len(lines):
            text = "\n".join(kept)
    return text
