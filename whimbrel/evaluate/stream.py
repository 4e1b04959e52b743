"""The news stream behind the precision development set: ordinary pages and local news.

Two public sources under the ``shared_dir`` setting are read as whimbrel would read a
feed (no gold is used from them here, only their text):

* ``eval/article_html/html/*.html.gz`` — 181 real web pages (news, tech, sport, lifestyle);
  an article's id is ``html:`` plus the first 16 characters of the file name;
* ``eval/geo/LGL.xml`` — 588 local news articles; id ``lgl:`` plus the article's ``docid``.

The ids are stable across runs (they do not depend on the text), so hand labels can be
keyed on them and on character offsets into the cleaned text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Iterator

from ..errors import EvalError
from ..records import Article

HTML_DIR = "eval/article_html/html"
LGL_FILE = "eval/geo/LGL.xml"


def html_articles(shared: Path) -> Iterator[Article]:
    """The readable pages of the article-extraction benchmark, with ``html:`` ids."""
    from ..settings import Settings
    from ..stages.read import read_paths

    folder = Path(shared) / HTML_DIR
    if not folder.is_dir():
        raise EvalError(f"article pages not found at {folder}")
    for path in sorted(folder.glob("*.html.gz")):
        for item in read_paths([str(path)], Settings()):
            if isinstance(item, Article):
                yield item.model_copy(update={"id": "html:" + path.name[:16]})


def lgl_articles(shared: Path) -> Iterator[Article]:
    """The LGL local-news articles as plain-text articles with ``lgl:`` ids."""
    path = Path(shared) / LGL_FILE
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvalError(f"cannot read LGL file {path}: {exc}") from exc
    for n, art in enumerate(root.findall("article"), start=1):
        text = (art.findtext("text") or "").strip()
        docid = art.get("docid")
        if not text or not docid:
            continue
        when = (art.findtext("dltime") or "")[:10] or None
        yield Article(
            id=f"lgl:{docid}",
            text=text,
            raw=text,
            title=(art.findtext("title") or "").strip() or None,
            published=when,
            url=(art.findtext("url") or "").strip() or None,
            publisher=(art.findtext("domain") or "").strip() or None,
            origin=f"{path}:article {n}",
        )


def stream_articles(shared: Path) -> list[Article]:
    """Every article of both sources, pages first, each source in a fixed order."""
    return [*html_articles(shared), *lgl_articles(shared)]


__all__ = ["HTML_DIR", "LGL_FILE", "html_articles", "lgl_articles", "stream_articles"]
