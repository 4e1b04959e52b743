"""Gold-file loaders, format detection and the dataset registry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from whimbrel.errors import EvalError
from whimbrel.evaluate import DATASETS, detect_format, gold_digests, resolve
from whimbrel.evaluate.generic import load_generic
from whimbrel.evaluate.plover import load_plover
from whimbrel.evaluate.wikievents import load_wikievents, rebuild

DATA = Path(__file__).parent / "data"


def test_generic_example_loads():
    arts = load_generic(DATA / "generic_gold.jsonl")
    assert [a.id for a in arts] == ["g1", "g2", "g3"]
    g1 = arts[0].events[0]
    assert g1.event_type == "ASSAULT" and g1.dead == 3 and g1.injured == 12
    assert g1.actor_codes == frozenset({"RUS"}) and g1.date_precision == "day"
    assert arts[1].events[0].location_country == "KE"  # alpha-3 converted to alpha-2
    assert load_generic(DATA / "generic_gold.jsonl", limit=2)[-1].id == "g2"


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"id": "x", "events": []}', "needs 'text'"),
        ('{"id": "x", "text": "t", "events": [{"mode": "aerial"}]}', "event_type"),
        ("not json", "not JSON"),
    ],
)
def test_generic_bad_lines(tmp_path, line, message):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(EvalError, match=message):
        load_generic(bad)


def test_rebuild_keeps_token_spacing_and_offsets():
    rec = {
        "sentences": [
            [[["Bomb", 0, 4], ["kills", 5, 10], ["3", 11, 12]], "Bomb kills 3"],
            [[["Police", 12, 18], ["said", 19, 23], [".", 23, 24]], "Police said."],
        ]
    }
    text, sents, toks = rebuild(rec)
    assert text == "Bomb kills 3\n\nPolice said."
    assert sents == [(0, 12), (14, 26)]
    assert [text[a:b] for a, b in toks] == ["Bomb", "kills", "3", "Police", "said", "."]


def test_detect_format(tmp_path):
    assert detect_format(DATA / "generic_gold.jsonl") == "generic"
    plover = tmp_path / "g.json"
    plover.write_text(json.dumps([{"event": "AGREE", "eventText": "agreed", "text": "x"}]))
    assert detect_format(plover) == "plover-gsr"
    wiki = tmp_path / "w.jsonl"
    wiki.write_text(json.dumps({"doc_id": "d", "tokens": [], "event_mentions": []}) + "\n")
    assert detect_format(wiki) == "wikievents"
    (tmp_path / "x.xml").write_text("<articles/>")
    assert detect_format(tmp_path / "x.xml") == "tr-news"
    (tmp_path / "LGL.xml").write_text("<articles/>")
    assert detect_format(tmp_path / "LGL.xml") == "lgl"
    html = tmp_path / "html"
    html.mkdir()
    (html / "ground-truth.json").write_text("{}")
    assert detect_format(html) == "article-html"
    other = tmp_path / "o.jsonl"
    other.write_text('{"a": 1}\n')
    with pytest.raises(EvalError, match="cannot tell"):
        detect_format(other)


def test_resolve_unknown_name_and_generic_needs_path():
    with pytest.raises(EvalError, match="neither a dataset name"):
        resolve("no-such-dataset-or-file")
    with pytest.raises(EvalError, match="needs a path"):
        resolve("generic")
    spec, path = resolve(str(DATA / "generic_gold.jsonl"))
    assert spec.name == "generic" and path.name == "generic_gold.jsonl"


def test_missing_evaluator_module_gives_clear_error():
    from whimbrel.evaluate import DatasetSpec

    spec = DatasetSpec("x", "whimbrel.evaluate.no_such_module:run", None, ("",), "")
    with pytest.raises(EvalError, match="cannot be imported"):
        spec.load()


def test_registry_names():
    assert set(DATASETS) == {"plover-gsr", "wikievents", "tr-news", "lgl", "article-html", "gvc", "generic", "demo",
                             "attribution-dev", "acled-dev", "acled-notes", "precision-dev"}


# --------------------------------------------------------------------------- the shared gold sets


def test_resolve_uses_shared_dir_setting(shared_dir):
    spec, path = resolve("plover-gsr", str(shared_dir))
    assert path == shared_dir / "eval/plover_gsr/PLOVER_GSR_CAMEO.json"
    digests = gold_digests(spec, path)
    assert list(digests) == ["PLOVER_GSR_CAMEO.json"] and len(digests["PLOVER_GSR_CAMEO.json"]) == 64
    with pytest.raises(EvalError, match="not found"):
        resolve("plover-gsr", str(shared_dir / "nowhere"))


def test_load_plover_gold(shared_dir):
    golds = load_plover(shared_dir / "eval/plover_gsr/PLOVER_GSR_CAMEO.json")
    assert len(golds) == 322
    first = golds[0]
    assert first.event_type == "AGREE"
    assert {a.code for a in first.source} == {"HUN", "ROU"}
    assert {"agreed", "cooperate"} <= first.trigger_words
    assert all(g.event_type != "DOCUMENT" for g in golds)
    # CAMEO-only codes are normalised to ISO alpha-3
    assert not any(a.code == "JAP" for g in golds for a in g.source + g.target)
    assert sum(1 for g in golds if g.size is not None) > 10


def test_load_wikievents_gold(shared_dir):
    docs = load_wikievents(shared_dir / "eval/wikievents/dev.jsonl")
    assert len(docs) == 20
    assert sum(len(d.events) for d in docs) == 345
    for d in docs:
        for e in d.events:
            a, b = d.sentences[e["sent"]]
            assert a <= e["start"] < e["end"] <= b
            assert d.text[e["start"]:e["end"]].replace(" ", "") == e["trigger"].replace(" ", "")
    assert any(len(c) > 1 for d in docs for c in d.clusters.values())
    assert len(load_wikievents(shared_dir / "eval/wikievents/dev.jsonl", limit=3)) == 3


def test_acled_dev_resolves_to_the_packaged_folder_and_reads_shared_text(shared_dir):
    from whimbrel.evaluate.acled_dev import load_acled_dev

    spec, path = resolve("acled-dev", str(shared_dir))
    assert spec.packaged and spec.needs_shared and (path / "recoded.jsonl").exists()
    gold = load_acled_dev(path, shared_dir)
    assert len(gold) >= 550 and {g.half for g in gold} == {"tune", "check"}
    assert all(g.text.strip() for g in gold)


def test_acled_dev_refuses_a_reference_that_does_not_match(tmp_path, shared_dir):
    import json as _json

    from whimbrel.errors import EvalError
    from whimbrel.evaluate.acled_dev import load_acled_dev

    src = resolve("acled-dev", str(shared_dir))[1]
    first = _json.loads((src / "recoded.jsonl").read_text(encoding="utf-8").splitlines()[0])
    first["sha1"] = "000000000000"
    (tmp_path / "recoded.jsonl").write_text(_json.dumps(first) + "\n", encoding="utf-8")
    (tmp_path / "own.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(EvalError, match="recoded.jsonl:1"):
        load_acled_dev(tmp_path, shared_dir)
