"""Cleaning: raw text or HTML → the article's main text, in English, without boilerplate.

* HTML goes through trafilatura (main text, comments excluded, tables kept, no
  links); pages trafilatura finds no body in fall back to a plain block-level
  text dump of the page without navigation, scripts and forms.
* Both HTML-derived and plain text then lose boilerplate lines: calls to action
  ("Read the full article here", "Subscribe…", "Click here…", "Share this:"),
  "Comments are closed.", "Advertisement", cookie notices, bylines and photo
  credits, and lists of related headlines (short Title-Case lines without
  sentence-final punctuation, in runs of three or more, after the body, or beside
  a mark of a list of links: a "Related" header, "Read more", a timestamp).  Two
  headlines between paragraphs with no such mark are the report's own and kept.
* Paragraphs are separated by one blank line (``"\\n\\n"``); whitespace inside a
  line is collapsed to single spaces; the words themselves (quotes, apostrophes,
  dashes) are kept exactly as written, but for ACLED's two ways of writing an actor's name
  (:mod:`whimbrel.stages.acled_names`: "Military Forces of Mali (2021-)" loses its period,
  "JNIM: Group for ..." becomes "JNIM (Group for ...)").

:class:`CleanStage` is the pipeline stage (``article`` → ``text``); it also
checks the language (the record's own ``language``, else langdetect with a fixed
seed on texts of 40 characters or more, confident below 200, and never on texts
whose words are 8% or more English function words) and the length (``settings.max_chars``).
"""

from __future__ import annotations

import re
import time
from typing import Any, ClassVar, Optional

from ..errors import InputError, NoMainText, NotEnglish, TooLarge
from ..pipeline import Work
from ..records import Article, Skip
from ..settings import Settings
from .acled_names import acled_actor_names

MIN_LANGUAGE_CHARS = 40
"""Texts shorter than this are not language-checked (detection is unreliable)."""

SHORT_LANGUAGE_CHARS = 200
"""Texts shorter than this are called not-English only on a confident detection (p >= 0.9)."""

_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to on at by with from for said says was were is are has have had that this these "
    "those after over who which its their his her they it be been will would not".split()
)
_MIN_ENGLISH_SHARE = 0.08
"""A text whose words are at least this share English function words is never called foreign.

langdetect reads name-heavy English sentences ("Sheikh Abdullahi Nur ... said.")
as Somali or Swahili; English function words guard against that.  Words shared
with other languages (``a``, ``in``, ``on``'s French homograph aside) are left out.
"""
_WORD = re.compile(r"[^\W\d_]+")


def title_cased(text: str) -> bool:
    """Whether most words of ``text`` open with a capital ("Car Bomb Explodes Outside Police
    Headquarters"): a headline's casing, which misleads a detector trained on running text."""
    words = _WORD.findall(text[:3000])
    return len(words) >= 3 and sum(1 for w in words if w[0].isupper()) >= 0.7 * len(words)


def english_share(text: str) -> float:
    """Share of the words of ``text`` that are common English function words."""
    words = _WORD.findall(text[:3000].lower())
    if not words:
        return 0.0
    return sum(1 for w in words if w in _ENGLISH_FUNCTION_WORDS) / len(words)

_HTML_TAG = re.compile(
    r"<(?:!doctype|html|head|body|div|p|article|section|span|br|table|h[1-6]|ul|ol|li|a|img|meta|script|main|header|footer)\b",
    re.I,
)

# Whole lines that are page furniture, not reporting (matched against the
# whitespace-normalised line; only lines shorter than _MAX_BOILER are dropped).
_BOILERPLATE = re.compile(
    r"""^[\W_]*(?:
        (?:read|see|view|continue\ reading)\b.{0,40}\b(?:article|story|report|coverage|here|more|original)\b
      | read\ more\b | more\ on\ this\ story | related(?:\ (?:articles?|stories|coverage|news|content|posts?))?\s*[:\-–]?
      | comments?\ (?:are|is)\ (?:closed|disabled) | leave\ a\ (?:comment|reply) | \d+\ comments?
      | (?:post|add|write|view|show|load)\ (?:a\ |all\ |more\ )?comments?
      | share\ (?:this|on|via|the\ article|article|story)\b | share\s*[:!]? | tweet\ this | email\ this
      | (?:join|get)\ our\ newsletter
      | (?:follow|like)\ us\b | click\ (?:here|to|on)\b | tap\ (?:here|to)\b
      | advertisements? | sponsored(?:\ content)? | (?:scroll\ to\ )?continue\ (?:below|reading)
      | we\ use\ cookies | this\ (?:web)?site\ uses\ cookies | (?:accept|manage)\ (?:all\ )?cookies | cookie\ (?:policy|settings|notice)
      | by\ (?:using|continuing\ to\ (?:use|browse))\ (?:this|our)\ (?:web)?site
      | all\ rights\ reserved | (?:copyright|©|\(c\))\s | terms\ (?:of\ (?:use|service)|and\ conditions) | privacy\ policy
      | (?:photo|image|picture|video|graphic|file\ photo|photograph)s?(?:\ credits?)?\s*(?::|by\b|courtesy\b)
      | (?:image|photo)\ (?:caption|source|credit) | credit\s*: | source\s*: | getty\ images | via\ getty
      | (?:reporting|writing|editing|additional\ reporting)\ by\b
      | print\ this | skip\ to\ (?:main\ )?content
      | you\ may\ also\ like | recommended(?:\ for\ you)? | (?:most\ )?(?:popular|trending|read)\ (?:now|stories|articles)
      | this\ copy\ is\ for\ your\ personal | (?:https?://|www\.)\S+\s*$ | back\ to\ top | download\ (?:our|the)\ app | watch\ (?:now|live|the\ video)\b
    )""",
    re.I | re.X,
)
_MAX_BOILER = 160

# Weaker cues, only trusted on short lines (a real sentence may start "Posted on social media...").
_BOILERPLATE_SHORT = re.compile(
    r"""^[\W_]*(?:
        tags?\s*: | filed\ under\b | posted\ (?:in|on|by|at)\b | published\b | (?:last\ )?updated\b
      | (?:subscribe|sign\ up|signup|register|log\ ?in)\b | newsletter\b
    )""",
    re.I | re.X,
)
_MAX_SHORT_BOILER = 70

_BYLINE = re.compile(
    r"^(?:[Bb]y|BY|[Ww]ritten\ by|[Ww]ords\ by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"(?:\s*(?:,|and|&|\||-|–|—)\s*[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,5})*\s*$",
    re.X,
)
_PHOTO_CREDIT = re.compile(
    r"^\(?\s*(?:AP|AFP|Reuters|EPA|Getty|ANADOLU|Xinhua)\b[^.]{0,60}(?:photo|images?|/)\S*.*\)?$"
    r"|^\((?:photo|image|picture)\b.*\)$"
    r"|^.{0,80}\((?:photo|image|picture)\s*:.*\)$",
    re.I,
)
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or over per the to up via vs with is are was "
    "after amid before over under than".split()
)
_FINAL_PUNCT = tuple(".!?;…")
_CLOSERS = "\"'”’)]»"
_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\f\v]+")


def looks_like_html(raw: str) -> bool:
    """True when ``raw`` is (a fragment of) HTML rather than plain text."""
    head = raw.lstrip()[:200].lower()
    if head.startswith("<") and _HTML_TAG.search(head[:120]):
        return True
    return len(_HTML_TAG.findall(raw[:20000])) >= 2


# --------------------------------------------------------------------------- HTML


def _html_main_text(html: str) -> str:
    """The main text of a page: trafilatura, then a block-level fallback."""
    import trafilatura  # lazy: heavy import

    options = dict(include_comments=False, include_tables=True, include_links=False, include_images=False)
    text = trafilatura.extract(html, favor_precision=True, **options) or ""
    if len(clean_plain(text)) < _SHORT_MAIN_TEXT:
        # precision mode sometimes keeps only a notice: try recall mode, keep the longer
        wider = trafilatura.extract(html, favor_recall=True, **options) or ""
        if len(clean_plain(wider)) > len(clean_plain(text)):
            text = wider
    if text.strip():
        return text
    return _html_fallback_text(html)


_SHORT_MAIN_TEXT = 600


_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button", "select", "template")
_BLOCK_TAGS = frozenset(
    "p div br li h1 h2 h3 h4 h5 h6 article section blockquote pre tr table ul ol dd dt figcaption main td th".split()
)


def _html_fallback_text(html: str) -> str:
    """A plain text of the page: one line per block element, furniture removed."""
    import lxml.html  # installed with trafilatura
    from lxml import etree

    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for el in root.iter(*_DROP_TAGS):
        if el.getparent() is not None:
            el.drop_tree()
    parts: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text and tag.lower() not in ("title", "head"):
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    return "".join(parts)


# --------------------------------------------------------------------------- lines


def _norm_line(line: str) -> str:
    return _WS.sub(" ", line).strip()


# A photo gallery's caption line: "Photo: <credit> Image 2 of 4 <the caption>" (the counter
# may come twice, the first time split by a slash and followed by the gallery's close button).
# The caption after it is a sentence of the report; the credit and counter are page furniture.
_GALLERY_PREFIX = re.compile(
    r"^(?:photo|image|picture)s?\s*:\s*(?:[^:]{0,60}?\s)?image\s+\d+\s+of\s+/?\s*\d+\s+"
    r"(?:caption\s+close\s+image\s+\d+\s+of\s+\d+\s+)?(?=[A-Z0-9\"“])",
    re.I,
)


def strip_gallery_prefix(line: str) -> str:
    """``line`` without a leading gallery credit and counter when a sentence follows them."""
    m = _GALLERY_PREFIX.match(line)
    if not m:
        return line
    rest = line[m.end():]
    if len(rest.split()) >= 5 and rest.rstrip(_CLOSERS + " ").endswith(_FINAL_PUNCT):
        return rest
    return line


def is_boilerplate(line: str) -> bool:
    """True for a line that is page furniture (call to action, credit, notice)."""
    if not line or not any(ch.isalnum() for ch in line):
        return True
    if len(line) <= _MAX_BOILER and _BOILERPLATE.match(line):
        return True
    if len(line) <= _MAX_SHORT_BOILER and _BOILERPLATE_SHORT.match(line):
        return True
    if len(line) <= 100 and (_BYLINE.match(line) or _PHOTO_CREDIT.match(line)):
        return True
    return False


def is_headline(line: str) -> bool:
    """True for a short Title-Case line without sentence-final punctuation.

    Such lines are headlines: lists of related stories, section titles and the
    like.  ``"Border Clashes: Rebels Shell Two Villages In The East"`` is
    one; ``"The army said 12 people died."`` is not.
    """
    stripped = line.rstrip(_CLOSERS + " ")
    if not stripped or stripped.endswith(_FINAL_PUNCT) or len(line) > 150:
        return False
    if stripped.endswith(".") or stripped.endswith(","):
        return False
    words = [w.strip("\"'“”‘’()[]:;,–—-&|") for w in line.split()]
    words = [w for w in words if any(ch.isalpha() for ch in w)]
    if len(words) < 3 or len(words) > 22:
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if len(content) < 3:
        return False
    caps = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    if caps / len(content) < 0.8:
        return False
    # lower-case small words are the title-case signature; all-caps shouting also counts
    return True


def _join_wrapped(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines of one paragraph (next line starts lower-case)."""
    out: list[str] = []
    for line in lines:
        if (
            out
            and line[:1].islower()
            and not out[-1].rstrip(_CLOSERS).endswith(_FINAL_PUNCT + (":",))
        ):
            out[-1] = out[-1] + " " + line
        else:
            out.append(line)
    return out


_ENUMERATED = re.compile(r"^(?:(?:\d{1,3}|[a-zA-Z])[.)]\s|[-–—•*▪►·]\s*)")


class _Marker(str):
    """A line that marks a list of links (a "Related stories" header, "Read more", a
    timestamp), kept in the line sequence while headline runs are read.  A boilerplate
    marker never reaches the text; any other (a date line) goes only with its list."""


class _KeptMarker(_Marker):
    """A marker that is no boilerplate: it stays in the text unless its list is dropped."""


# Lines that head a list of links ("Related stories", "You may also like") or follow one of
# its items (a timestamp, "5 min read", "Video"); an inline link ("Related post: ...") is
# neither: it is a link, not a mark beside one.
_LIST_HEADER = re.compile(
    r"""^[\W_]*(?:
        related(?:\ (?:articles?|stories|coverage|news|content|posts?|links?|reading|topics?))?
      | more\ (?:on\ this(?:\ story)?|stories|news|from\ \w+(?:\ \w+)?) | see\ also | read\ (?:more|next|also)
      | (?:you\ (?:may|might)\ (?:also\ )?(?:like|be\ interested\ in)) | recommended(?:\ for\ you|\ stories)?
      | (?:most\ )?(?:popular|trending|read)(?:\ (?:now|stories|articles|news|today))? | top\ stories | latest(?:\ news)?
    )[\W_]*$""",
    re.I | re.X,
)
_LIST_TRAILER = re.compile(
    r"""^[\W_]*(?:
        \d{1,3}\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?)\s+ago
      | just\ now | yesterday | today
      | \d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?
      | (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+\d{1,2}\s+_MONTH\.?,?(?:\s+\d{4})?
      | _MONTH\.?\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?
      | \d{1,2}\s+_MONTH\.?,?(?:\s+\d{4})?
      | \d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}
      | \d+\s*min(?:ute)?s?\s+read | watch | video | listen | gallery | photos | live
    )[\W_]*$""".replace("_MONTH", r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"),
    re.I | re.X,
)
_MAX_MARKER = 60


def _marker_kind(line: str) -> Optional[str]:
    """``"header"``, ``"trailer"`` or ``None`` (see :data:`_LIST_HEADER`, :data:`_LIST_TRAILER`)."""
    if len(line) > _MAX_MARKER:
        return None
    if _LIST_HEADER.match(line):
        return "header"
    return "trailer" if _LIST_TRAILER.match(line) else None


def _is_link_marker(line: str) -> bool:
    return _marker_kind(line) is not None


def _headline_runs(idx: list[int], flags: dict[int, bool], lines: list[Optional[str]]) -> list[list[int]]:
    """Runs of consecutive headline lines (blank lines and list markers between them allowed)."""
    runs: list[list[int]] = []
    cur: list[int] = []
    for i in idx:
        if isinstance(lines[i], _Marker):
            continue
        if flags[i]:
            cur.append(i)
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _is_link_list(run: list[int], idx: list[int], lines: list[Optional[str]]) -> bool:
    """Whether a run of headlines is a list of links rather than a report's headlines: three
    or more items, nothing but headlines after it (it follows the body), a list header just
    before its first item, or a timestamp-like trailer after one of its items."""
    if len(run) >= 3:
        return True
    pos = {i: k for k, i in enumerate(idx)}
    after = [i for i in idx[pos[run[-1]] + 1:] if not isinstance(lines[i], _Marker)]
    if not after:
        return True
    first = pos[run[0]]
    if first > 0 and isinstance(lines[idx[first - 1]], _Marker) and _marker_kind(lines[idx[first - 1]]) == "header":
        return True
    return any(pos[i] + 1 < len(idx) and isinstance(lines[idx[pos[i] + 1]], _Marker)
               and _marker_kind(lines[idx[pos[i] + 1]]) == "trailer" for i in run)


def _drop_headline_runs(lines: list[Optional[str]], keep_first: bool = True) -> list[Optional[str]]:
    """Blank out related-headline lists in a line sequence (``None`` marks a blank line,
    a :class:`_Marker` a dropped line that marks a list of links).

    A run of two or more headlines (:func:`is_headline`; blank lines and markers between
    them allowed) is dropped when it is a list of links (:func:`_is_link_list`); two
    headlines between paragraphs with no marker are the report's own headlines and kept
    (a headline is reported news, issue 9).  A single headline is dropped when it is the
    last non-blank line of the text or stands next to a list marker; between paragraphs it
    is a section title and kept.  Numbered list items are kept; the first line is kept
    (the article's own title).  Markers themselves always go.
    """
    idx = [i for i, line in enumerate(lines) if line is not None]
    flags = {
        i: not isinstance(lines[i], _Marker) and is_headline(lines[i]) and not _ENUMERATED.match(lines[i])  # type: ignore[arg-type]
        for i in idx
    }
    if keep_first and idx:
        flags[idx[0]] = False
    out = list(lines)
    pos = {i: k for k, i in enumerate(idx)}
    for run in _headline_runs(idx, flags, lines):
        if _is_link_list(run, idx, lines):
            for i in run:
                out[i] = None
            for i in idx[max(0, pos[run[0]] - 1): pos[run[-1]] + 2]:
                if isinstance(lines[i], _Marker):
                    out[i] = None  # the list's own timestamps and headers go with it
    return [line if not isinstance(line, _Marker) else (str(line) if isinstance(line, _KeptMarker) else None)
            for line in out]


def clean_plain(text: str) -> str:
    """Remove boilerplate and related-headline lines from plain text; normalise whitespace.

    Every remaining line becomes a paragraph (hard-wrapped lines are joined);
    paragraphs are separated by ``"\\n\\n"``.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    lines: list[Optional[str]] = []
    for raw in text.split("\n"):
        line = acled_actor_names(strip_gallery_prefix(_norm_line(raw)))
        if not line:
            lines.append(None)
        elif not is_boilerplate(line):
            lines.append(_KeptMarker(line) if _is_link_marker(line) else line)
        elif _is_link_marker(line):
            lines.append(_Marker(line))
    lines = _drop_headline_runs(lines)
    paragraphs: list[str] = []
    block: list[str] = []
    for line in lines + [None]:
        if line is None:
            paragraphs.extend(_join_wrapped(block))
            block = []
        else:
            block.append(line)
    # drop exact repeats of a paragraph (teasers repeated by the page)
    seen: set[str] = set()
    out = []
    for p in paragraphs:
        if len(p) > 40 and p in seen:
            continue
        seen.add(p)
        out.append(p)
    return "\n\n".join(out)


def clean_text(raw: str, *, is_html: bool) -> str:
    """The cleaned main text of ``raw`` (HTML when ``is_html``); may be empty."""
    if is_html:
        raw = _html_main_text(raw)
    return clean_plain(raw)


# --------------------------------------------------------------------------- language


class _Language:
    """A langdetect detector factory with a fixed seed, loaded on first use."""

    def __init__(self, seed: int = 0):
        self.seed = seed
        self._factory: Any = None

    def probabilities(self, text: str) -> dict[str, float]:
        from langdetect.lang_detect_exception import LangDetectException

        if self._factory is None:
            from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

            factory = DetectorFactory()
            factory.load_profile(PROFILES_DIRECTORY)
            factory.set_seed(self.seed)
            self._factory = factory
        detector = self._factory.create()
        detector.append(text[:3000])
        try:
            return {p.lang: p.prob for p in detector.get_probabilities()}
        except LangDetectException:
            return {}

    def __getstate__(self) -> dict[str, Any]:
        return {"seed": self.seed, "_factory": None}


def _declared_english(language: Optional[str]) -> Optional[bool]:
    if not language:
        return None
    code = language.strip().lower().replace("_", "-")
    return code.split("-")[0] in ("en", "eng", "english")


# --------------------------------------------------------------------------- stage


# a site name after the last spaced separator (" | ", " - ", " – "): "... - WTOC-TV: Savannah"
_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+(?:(?!\s[|–—-]\s).){1,80}$")


def with_title(title: Optional[str], text: str) -> str:
    """The text with the article's title field as its last paragraph, when the text does not
    already open with it: a headline is reported news (issue 9).  Appended, not prepended,
    so every offset into the body stays what it was; a site name after " | " or " - " is cut."""
    if not title or not text.strip():
        return text
    head = " ".join(title.split())
    cut = _SITE_SUFFIX.sub("", head)
    if len(cut.split()) >= 3:
        head = cut
    if len(head.split()) < 3:
        return text
    opening = " ".join(text[: len(head) + 500].split()).lower()
    if head.lower() in opening:
        return text
    return text.rstrip() + "\n\n" + head


class CleanStage:
    """Pipeline stage ``clean``: ``article`` → ``text`` (and the article with its clean text).

    Skips (``work.skip``) an article whose text is empty after cleaning (E207),
    longer than ``settings.max_chars`` (E205) or not English (E206).
    """

    name: ClassVar[str] = "clean"
    needs: ClassVar[tuple[str, ...]] = ("article",)
    gives: ClassVar[tuple[str, ...]] = ("text",)

    def __init__(self, settings: Optional[Settings] = None, *, check_language: bool = True, seed: int = 0):
        self.settings = settings or Settings()
        self.check_language = check_language
        self._language = _Language(seed)
        self.language_seconds = 0.0  # time in the language detector (``whimbrel bench`` reports it)

    def clean(self, article: Article) -> str:
        """The cleaned text of ``article``, or raise an :class:`InputError`."""
        raw = article.raw if article.raw is not None else article.text
        origin = article.origin or article.id
        if len(raw) > self.settings.max_chars * 20:
            raise TooLarge(f"raw input of {len(raw):,} characters is too large to clean", origin=origin)
        html = looks_like_html(raw)
        text = with_title(article.title, clean_text(raw, is_html=html))
        if not text.strip():
            what = "page" if html else "text"
            raise NoMainText(f"no article text left in the {what} after cleaning", origin=origin)
        if len(text) > self.settings.max_chars:
            raise TooLarge(
                f"cleaned text has {len(text):,} characters, over max_chars={self.settings.max_chars:,}",
                origin=origin,
            )
        if self.check_language:
            declared = _declared_english(article.language)
            if declared is False:
                raise NotEnglish(f"record declares language {article.language!r}", origin=origin)
            # a text with enough English function words is never called foreign, so the
            # (costly) detector only runs on the others: the same verdicts, far fewer runs
            if declared is None and len(text) >= MIN_LANGUAGE_CHARS and english_share(text) < _MIN_ENGLISH_SHARE:
                t0 = time.perf_counter()
                # a title-cased headline is read in lower case (the detector's profiles are of running text)
                probs = self._language.probabilities(text.lower() if title_cased(text) else text)
                self.language_seconds += time.perf_counter() - t0
                best = max(probs, key=probs.__getitem__) if probs else None
                sure = 0.9 if len(text) < SHORT_LANGUAGE_CHARS else 0.0
                if (
                    best is not None
                    and probs.get("en", 0.0) < 0.2
                    and probs[best] >= sure
                ):
                    raise NotEnglish(
                        f"text looks like {best!r} (p={probs[best]:.2f}), not English", origin=origin
                    )
        return text

    def __call__(self, work: Work) -> Work:
        before = self.language_seconds
        try:
            text = self.clean(work.article)
        except InputError as err:
            work.error = err
            work.skip = Skip.from_error(err, work.article.origin or work.article.id, work.article.id)
            return work
        finally:
            work.timings["clean.language"] = self.language_seconds - before
        work.text = text
        work.article = work.article.model_copy(update={"text": text})
        return work


__all__ = ["CleanStage", "MIN_LANGUAGE_CHARS", "SHORT_LANGUAGE_CHARS", "english_share", "clean_plain", "clean_text", "is_boilerplate", "is_headline", "looks_like_html"]
