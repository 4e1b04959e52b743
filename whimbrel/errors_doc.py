"""Generate docs/errors.md from the error catalog (``python -m whimbrel.errors_doc > docs/errors.md``).

The catalog is :data:`whimbrel.errors.CATALOG`; a test fails when docs/errors.md is
not this module's output, and when the tree drawn in ``whimbrel/errors.py``'s
docstring is not :func:`tree`.
"""

from __future__ import annotations

from .errors import CATALOG, WhimbrelError, meaning

INTRO = """# Errors

Generated from the catalog in `whimbrel/errors.py` by `python -m whimbrel.errors_doc > docs/errors.md`;
a test fails when this file is out of date.

Every error whimbrel raises is one of these classes. It carries a `code`, a one-line
message and a hint saying what to do. A command that fails prints them as one line,
`whimbrel: [CODE] message — hint` (the input's name first when there is one), and exits
with the class's exit code. An input error (E2xx) skips that one input: a batch goes on
without it, and the skip is kept as data with its code (`whimbrel ingest` stores it).
A family's codes share their first digit; catching a family's class catches all its
members.

Two codes are warnings, never raised: E208 (a publication date refused) and E209 (a
casualty figure refused as implausible). The input is still processed without the
refused value; the warning is printed on stderr as `whimbrel: warning ORIGIN: [CODE]
message — hint`, kept with the article (`Article.warnings`, the store's `warnings`
column) or the event (`size.refused`), and does not change the exit code.
"""


def _parent(cls: type[WhimbrelError]) -> type[WhimbrelError] | None:
    return next((b for b in cls.__bases__ if b in CATALOG), None)


def tree() -> str:
    """The class tree of the catalog, one class a line with its code."""
    lines: list[str] = []

    def walk(cls: type[WhimbrelError], prefix: str, branch: str) -> None:
        lines.append(f"{(prefix + branch + cls.__name__):<34}{cls.code}")
        kids = [c for c in CATALOG if _parent(c) is cls]
        inner = prefix + ("" if not branch else ("│   " if branch == "├── " else "    "))
        for i, kid in enumerate(kids):
            walk(kid, inner, "└── " if i == len(kids) - 1 else "├── ")

    for root in (c for c in CATALOG if _parent(c) is None):
        walk(root, "", "")
    return "\n".join(lines)


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|")


def render() -> str:
    """The whole of docs/errors.md."""
    out = [INTRO, "## The tree", "", "```", tree(), "```", "", "## Every code", ""]
    out += ["| code | class | meaning | what to do | exit code |", "|---|---|---|---|---|"]
    for cls in sorted(CATALOG, key=lambda c: c.code):
        out.append(
            f"| {cls.code} | `{cls.__name__}` | {_cell(meaning(cls))} | {_cell(cls.hint)} | {cls.exit_code} |"
        )
    out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(render(), end="")
