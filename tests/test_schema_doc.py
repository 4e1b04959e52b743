"""docs/schema.md is generated from the records and must stay current."""

from pathlib import Path

from whimbrel.records import Event
from whimbrel.schema_doc import render

REPO = Path(__file__).resolve().parent.parent


def test_schema_doc_is_current():
    assert (REPO / "docs" / "schema.md").read_text(encoding="utf-8") == render(), (
        "regenerate with: python -m whimbrel.schema_doc > docs/schema.md"
    )


def test_event_json_has_the_issue_keys():
    props = set(Event.model_json_schema()["properties"])
    required = {"id", "article_id", "event_type", "mode", "context", "actor", "recipient", "date", "location",
                "size", "claims", "modality", "acled", "cameo", "quad_class", "intensity", "confidence", "mentions"}
    assert required <= props
