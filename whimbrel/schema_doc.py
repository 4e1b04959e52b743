"""Generate docs/schema.md from the records (``python -m whimbrel.schema_doc``)."""

from __future__ import annotations

import json
from typing import Any

from .records import Article, Event

INTRO = """# The event record

Generated from `whimbrel/records.py` by `python -m whimbrel.schema_doc > docs/schema.md`;
a test fails when this file is out of date. `whimbrel schema` prints the same record as
JSON Schema.

Conventions: offsets (`start`, `end`) index the cleaned article text, end-exclusive;
unknown values are `null`, never guessed; `date.value` is `YYYY-MM-DD` for day and week
precision (a week is given by its Monday), `YYYY-MM` for month and `YYYY` for year.
When an event has no date of its own and the article has a publication date, `date.value`
is the publication day with `date.text` null.
"""


def _type(prop: dict[str, Any], defs: dict[str, Any]) -> str:
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in prop:
        return " | ".join(_type(p, defs) for p in prop["anyOf"])
    if prop.get("type") == "array":
        items = prop.get("items", {})
        return f"list[{_type(items, defs)}]" if items else "list"
    if "enum" in prop:
        return " \\| ".join(json.dumps(v) for v in prop["enum"])
    return str(prop.get("type", "any"))


def _table(name: str, schema: dict[str, Any], defs: dict[str, Any]) -> list[str]:
    lines = [f"## {name}", ""]
    if schema.get("description"):
        lines += [" ".join(schema["description"].split()), ""]
    if "enum" in schema:
        lines += ["One of: " + ", ".join(f"`{v}`" for v in schema["enum"]), ""]
        return lines
    lines += ["| field | type | meaning |", "|---|---|---|"]
    for field, prop in schema.get("properties", {}).items():
        desc = " ".join((prop.get("description") or "").split())
        lines.append(f"| `{field}` | {_type(prop, defs).replace('|', '/')} | {desc} |")
    lines.append("")
    return lines


def render() -> str:
    out = [INTRO]
    for model in (Event, Article):
        schema = model.model_json_schema(mode="serialization")
        defs = schema.get("$defs", {})
        out += _table(model.__name__, schema, defs)
        if model is Event:
            for name in sorted(defs):
                out += _table(name, defs[name], defs)
    from .tables import render_markdown

    out.append(render_markdown())
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":
    print(render(), end="")
