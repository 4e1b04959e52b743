"""Issue 8: a house a newcomer can read — picklable work, specific errors, checked
pipelines, settings-keyed pipelines, a scoped collector and no import cycles."""

from __future__ import annotations

import ast
import gc
import pickle
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

import whimbrel
from whimbrel.cli import main
from whimbrel.errors import EmptyInput, PipelineError, WhimbrelError
from whimbrel.extract import PipelineCache, build_pipeline
from whimbrel.pipeline import SLOTS, Pipeline, Work
from whimbrel.records import Article
from whimbrel.settings import load

PACKAGE = Path(whimbrel.__file__).resolve().parent

# Written for this test: a strike with a toll, a claimant and a place.
TEXT = (
    "Government aircraft bombed a fuel depot outside Kherson on Monday, killing four workers, "
    "the regional governor said. Two more people were wounded in the raid, according to "
    "local officials."
)


@pytest.fixture(scope="module")
def pipeline(nlp):
    return build_pipeline(nlp=nlp)


def _event_keys(events):
    return [e.model_dump_json() for e in events]


def test_issue8_work_pickles_after_every_stage(pipeline):
    work = Work(article=Article(id="h1", text=TEXT, raw=TEXT, published="2024-05-07"))
    for stage in pipeline.stages:
        stage(work)
        assert work.skip is None, work.skip
        copy = pickle.loads(pickle.dumps(work))
        assert copy.article == work.article and copy.text == work.text
        if work.mentions:
            assert [m.text for m in copy.mentions] == [m.text for m in work.mentions]
            assert copy.mentions[0].trigger.doc is copy.doc  # bound to the unpickled Doc
    assert work.events


def test_issue8_unpickled_work_finishes_with_the_same_events(pipeline):
    straight = pipeline.run(Work(article=Article(id="h2", text=TEXT, raw=TEXT, published="2024-05-07")))
    work = Work(article=Article(id="h2", text=TEXT, raw=TEXT, published="2024-05-07"))
    for stage in pipeline.stages:
        stage(work)
        work = pickle.loads(pickle.dumps(work))  # as if shipped to another process after each stage
    assert _event_keys(work.events) == _event_keys(straight.events)


@pytest.mark.parametrize("text", ["", "   ", "\n\t \n"])
def test_issue8_extract_raises_the_specific_error(text):
    with pytest.raises(EmptyInput) as info:
        whimbrel.extract(text)
    err = info.value
    assert err.code == "E201"
    assert "batch" not in str(err)


def test_issue8_a_stage_error_keeps_its_class(pipeline):
    from whimbrel.errors import NotEnglish

    art = Article(id="fr", text="x", raw="x", language="fr")
    work = pipeline.run(Work(article=art))
    assert isinstance(work.error, NotEnglish) and work.skip.code == work.error.code


class _Named:
    def __init__(self, stage):
        self.stage = stage


def _default_stages():
    return {s.name: s for s in build_pipeline().stages}


@pytest.mark.parametrize(
    "names, missing",
    [
        (["clean", "nlp", "triggers", "merge"], "mentions.resolved"),
        (["clean", "nlp", "places", "triggers", "merge"], "mentions.resolved"),
        (["clean", "nlp", "triggers", "resolve", "merge"], "places"),
        (["clean", "places", "triggers"], "doc"),
        (["nlp", "clean"], "text"),
        (["clean", "nlp", "places", "triggers", "resolve", "screen"], "events.merged"),
    ],
)
def test_issue8_an_incomplete_pipeline_is_refused_when_built(names, missing):
    stages = _default_stages()
    with pytest.raises(PipelineError) as info:
        Pipeline([stages[n] for n in names])
    assert repr(missing) in str(info.value)


def test_issue8_the_default_pipeline_is_complete():
    pipe = build_pipeline()
    assert pipe.names == ["clean", "nlp", "places", "triggers", "acled-fallback", "resolve", "merge", "screen"]
    assert set(pipe.gives) == set(SLOTS)
    rows = pipe.explain()
    assert [r.name for r in rows] == pipe.names
    assert rows[5].needs == ("doc", "places", "mentions.raw") and rows[5].gives == ("mentions.resolved",)


def test_issue8_pipeline_command_prints_the_stages():
    result = CliRunner().invoke(main, ["pipeline"])
    assert result.exit_code == 0, result.output
    for name in ("clean", "nlp", "places", "triggers", "resolve", "merge", "screen", "mentions.raw",
                 "mentions.resolved", "events.merged", "events.screened"):
        assert name in result.output
    as_json = CliRunner().invoke(main, ["pipeline", "--json"])
    assert as_json.exit_code == 0 and len(as_json.output.strip().splitlines()) == 8


def test_issue8_pipelines_are_kept_per_settings():
    cache = PipelineCache()
    a = load({"batch_size": 8})
    b = load({"batch_size": 16})
    assert cache.get(a) is cache.get(load({"batch_size": 8}))
    assert cache.get(a) is not cache.get(b)
    assert cache.get(b).stages[1].batch_size == 16


def test_issue8_pipeline_cache_is_thread_safe():
    cache = PipelineCache()
    settings = load({"batch_size": 4})
    got: list = []
    threads = [threading.Thread(target=lambda: got.append(cache.get(settings))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 8 and all(p is got[0] for p in got)


def test_issue8_collector_is_restored_after_an_error():
    from whimbrel.store.dedupe import collector_paused

    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        with collector_paused():
            assert not gc.isenabled()
            raise RuntimeError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a collector the caller had paused stays paused
    finally:
        gc.enable()


def test_issue8_errors_pickle_with_their_class():
    err = EmptyInput("nothing here", origin="feed.jsonl:3")
    back = pickle.loads(pickle.dumps(err))
    assert isinstance(back, EmptyInput) and str(back) == str(err)


# --------------------------------------------------------------------------- import graph


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """whimbrel modules imported by ``path`` anywhere in it (function bodies included)."""
    me = _module_name(path)
    package = me if path.name == "__init__.py" else me.rsplit(".", 1)[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                root = ".".join(base + ([node.module] if node.module else []))
            else:
                root = node.module or ""
            names = [root] + [f"{root}.{a.name}" for a in node.names]
        else:
            continue
        for name in names:
            while name and name not in modules:
                name = name.rsplit(".", 1)[0] if "." in name else ""
            if name and name != me:
                out.add(name)
    return out


def _graph() -> dict[str, set[str]]:
    files = [p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts]
    modules = {_module_name(p) for p in files}
    return {_module_name(p): _imports(p, modules) for p in files}


def _cycle(graph: dict[str, set[str]]):
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str):
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt.startswith(node + "."):
                continue  # a package importing its own submodules is not a cycle
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def _without_parents(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Importing ``a.b`` runs ``a/__init__`` first; that edge is Python's, not ours."""
    return {m: {d for d in deps if not m.startswith(d + ".")} for m, deps in graph.items()}


def test_issue8_no_import_cycle_among_whimbrel_modules():
    cycle = _cycle(_without_parents(_graph()))
    assert cycle is None, " -> ".join(cycle)


def test_issue8_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_issue8_knowledge_does_not_import_stages():
    graph = _graph()
    for module, deps in graph.items():
        if module.startswith("whimbrel.knowledge"):
            assert not any(d.startswith("whimbrel.stages") for d in deps), module


def test_issue8_whimbrel_error_is_the_root():
    assert issubclass(EmptyInput, WhimbrelError)
