"""The README's "real output" of `whimbrel show` is what whimbrel prints today.

The block between the README's ``show:begin``/``show:end`` markers must be lines of the
real output for the demo corpus's three-report air raid, in order (an abridged copy may
leave lines out, never change them).  Regenerate it with::

    WHIMBREL_UPDATE_README=1 python -m pytest tests/test_readme.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from whimbrel.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"(<!-- show:begin -->\n```\n)(.*?)(```\n<!-- show:end -->)", re.S)
KEEP = 12  # lines of the real output kept in the README: the heading, figures, sources, first claims


@pytest.fixture(scope="module")
def shown(tmp_path_factory) -> str:
    from whimbrel.demo import corpus_path
    from whimbrel.store import Store

    db = tmp_path_factory.mktemp("readme") / "demo.db"
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(corpus_path()), "--db", str(db), "--no-progress"])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        raid = [e for e in store.events() if e.n_articles >= 3]
    assert len(raid) == 1, "the demo corpus reports one incident in three articles"
    result = runner.invoke(main, ["show", raid[0].id, "--db", str(db)])
    assert result.exit_code == 0, result.output
    return result.output


def _in_order(lines: list[str], output: list[str]) -> bool:
    it = iter(output)
    return all(any(line == got for got in it) for line in lines)


@pytest.mark.slow
def test_issue8_readme_show_block_is_real_output(shown):
    text = README.read_text(encoding="utf-8")
    found = BLOCK.search(text)
    assert found, "README.md lacks the show:begin/show:end block"
    output = shown.rstrip("\n").splitlines()
    if os.environ.get("WHIMBREL_UPDATE_README"):
        kept = output[:KEEP] + ["  ..."]
        README.write_text(text[: found.start(2)] + "\n".join(kept) + "\n" + text[found.end(2):], encoding="utf-8")
        return
    block = [line for line in found.group(2).splitlines() if line.strip() != "..."]
    assert _in_order(block, output), "README's whimbrel show block is stale: regenerate it (see this test's docstring)"


def test_in_order_allows_omissions_not_changes():
    assert _in_order(["a", "c"], ["a", "b", "c"])
    assert not _in_order(["c", "a"], ["a", "b", "c"])
    assert not _in_order(["a", "x"], ["a", "b", "c"])


def test_ci_runs_exactly_the_readme_test_command():
    """`.ci/run` ends with the README's test command, slow tests included."""
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    commands = [line for line in readme.splitlines() if "python -m pytest" in line]
    assert len(commands) == 1, commands
    ci_lines = (root / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci_lines[-1] == commands[0]
    assert "-m slow" in commands[0]
