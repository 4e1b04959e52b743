"""`whimbrel extract` end to end through the CLI: formats, ids, dates, stdin, HTML, bad input.

Every test runs the real command (click's CliRunner, in process) over inputs
written by hand into a tmp dir.  The pipeline (spaCy included) is built by the
command itself; cases are batched into few invocations to keep the file fast.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

import pytest
from click.testing import CliRunner, Result

from whimbrel.cli import main
from whimbrel.records import Article, Event

MALI = "Gunmen killed five villagers in central Mali on Tuesday, the army said."
MALI_MORE = (
    MALI + " The attackers arrived on motorcycles and set fire to several homes before fleeing, "
    "a local official told reporters."
)
BAMAKO = "Police arrested twelve protesters in Bamako on Tuesday, witnesses said."
# the id-less record below: a hash of its text and its own metadata (url, publisher, title, date)
BAMAKO_ID = Article.content_id(BAMAKO, None, "Example Wire", None, None)
KIDAL = "Rebels attacked an army base near Kidal on Tuesday, killing four soldiers, the defence ministry said."

GERMAN = (
    "Bewaffnete Männer haben am Dienstag im Zentrum von Mali fünf Dorfbewohner getötet, wie die Armee "
    "mitteilte. Die Angreifer kamen auf Motorrädern und zündeten mehrere Häuser an. Die Regierung kündigte "
    "eine Untersuchung an und schickte zusätzliche Soldaten in die Region, um die Bevölkerung zu schützen."
)
SPANISH = (
    "Hombres armados mataron el martes a cinco aldeanos en el centro de Malí, según informó el ejército. "
    "Los atacantes llegaron en motocicletas e incendiaron varias viviendas antes de huir. El gobierno "
    "anunció una investigación y envió más soldados a la región para proteger a la población civil."
)

PAGE = f"""<!DOCTYPE html>
<html><head><title>Five villagers killed in central Mali</title></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Five villagers killed in central Mali</h1>
<p>{MALI}</p>
<p>The attackers arrived on motorcycles and set fire to several homes before fleeing,
a local official told reporters. The army sent reinforcements to the area on Wednesday.</p>
</article>
<section id="comments" class="comments">
<h3>Comments</h3>
<div class="comment"><p>Militants bombed a church in Lagos on Sunday, killing twenty worshippers.</p></div>
<div class="comment"><p>Soldiers shot three demonstrators in Nairobi last week.</p></div>
</section>
</body></html>
"""

EVENT_KEYS = set(Event.model_fields)
ISSUE_KEYS = {"id", "article_id", "event_type", "actor", "recipient", "date", "location", "size", "claims", "modality", "mentions"}


def _invoke(args: list[str], *, input: Optional[bytes | str] = None, env: Optional[dict[str, str]] = None) -> Result:
    return CliRunner().invoke(main, ["extract", *args], input=input, env=env, catch_exceptions=False)


def _jsonl(result: Result) -> list[dict]:
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    events = [json.loads(line) for line in lines]
    assert all(isinstance(e, dict) for e in events)
    return events


def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --------------------------------------------------------------------------- good input, every format


@pytest.fixture(scope="module")
def good_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("good")
    _write(d / "mali.txt", MALI_MORE + "\n")
    records = [
        {"id": "rec-1", "title": "Base attacked", "text": KIDAL, "url": "https://example.org/kidal"},
        {"text": BAMAKO, "publisher": "Example Wire"},  # no id: content hash
        {"id": "rec-3", "text": MALI, "published": "2022-06-02"},  # its own date wins over --published
    ]
    _write(d / "records.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    return d


@pytest.fixture(scope="module")
def jsonl_run(good_dir) -> Result:
    return _invoke([str(good_dir / "mali.txt"), str(good_dir / "records.jsonl"), "--published", "2024-03-07"])


def test_jsonl_lines_are_events_with_the_issue_keys(jsonl_run):
    assert jsonl_run.exit_code == 0, jsonl_run.stderr
    assert jsonl_run.stderr == ""
    events = _jsonl(jsonl_run)
    assert len(events) >= 4
    for ev in events:
        assert set(ev) == EVENT_KEYS and ISSUE_KEYS <= set(ev)
        Event.model_validate(ev)  # the public record round-trips
        assert ev["mentions"] and all(m["text"] for m in ev["mentions"])


def test_article_id_is_record_id_else_content_hash(jsonl_run, good_dir):
    ids = {ev["article_id"] for ev in _jsonl(jsonl_run)}
    txt_hash = Article.content_id((good_dir / "mali.txt").read_text(encoding="utf-8"))
    assert ids == {txt_hash, "rec-1", BAMAKO_ID, "rec-3"}
    kinds: dict[str, set[tuple[str, Optional[str]]]] = {}
    for ev in _jsonl(jsonl_run):
        kinds.setdefault(ev["article_id"], set()).add((ev["event_type"], ev["mode"]))
    assert ("ASSAULT", None) in kinds["rec-1"] or any(t == "ASSAULT" for t, _ in kinds["rec-1"])
    assert ("COERCE", "arrest") in kinds[BAMAKO_ID]


@pytest.mark.parametrize(
    "published,expected_tuesday",
    [("2024-03-07", "2024-03-05"), ("2023-01-12", "2023-01-10")],
)
def test_published_resolves_relative_dates(good_dir, published, expected_tuesday):
    result = _invoke([str(good_dir / "records.jsonl"), "--published", published])
    assert result.exit_code == 0, result.stderr
    dates = {ev["article_id"]: ev["date"]["value"] for ev in _jsonl(result) if ev["date"]}
    assert dates["rec-1"] == expected_tuesday
    assert dates[BAMAKO_ID] == expected_tuesday
    assert dates["rec-3"] == "2022-05-31"  # the record's own published date, not the flag


@pytest.mark.parametrize("bad", ["2024-13-45", "next Tuesday", ""])
def test_published_must_be_a_date(good_dir, bad):
    result = _invoke([str(good_dir / "mali.txt"), "--published", bad])
    assert result.exit_code == 2
    assert "--published" in result.stderr and "YYYY-MM-DD" in result.stderr
    assert result.stdout == ""


def test_json_format_is_one_list(good_dir, jsonl_run):
    result = _invoke([str(good_dir / "mali.txt"), str(good_dir / "records.jsonl"), "--published", "2024-03-07", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, list) and data == _jsonl(jsonl_run)


def test_table_format_prints(good_dir):
    result = _invoke([str(good_dir / "records.jsonl"), "--format", "table"])
    assert result.exit_code == 0, result.stderr
    assert "ASSAULT" in result.stdout and "rec-1" in result.stdout
    assert not result.stdout.lstrip().startswith(("{", "["))


# --------------------------------------------------------------------------- stdin, HTML


@pytest.mark.parametrize(
    "data,article_id",
    [
        (MALI + "\n", Article.content_id(MALI + "\n")),
        (json.dumps({"id": "in-1", "text": MALI}) + "\n" + json.dumps({"id": "in-2", "text": KIDAL}) + "\n", None),
    ],
    ids=["text", "jsonl"],
)
def test_stdin(data, article_id):
    result = _invoke(["-", "--published", "2024-03-07"], input=data.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    events = _jsonl(result)
    ids = {ev["article_id"] for ev in events}
    assert ids == ({article_id} if article_id else {"in-1", "in-2"})
    assert all(ev["date"]["value"] == "2024-03-05" for ev in events if ev["date"])


def test_html_page_events_come_from_the_body_only(tmp_path):
    page = _write(tmp_path / "page.html", PAGE)
    result = _invoke([str(page), "--published", "2024-03-07"])
    assert result.exit_code == 0, result.stderr
    events = _jsonl(result)
    assert events, "the article body reports a killing"
    mentions = " ".join(m["text"] for ev in events for m in ev["mentions"])
    assert "villagers" in mentions
    for word in ("Lagos", "church", "Nairobi", "demonstrators", "Comments"):
        assert word not in mentions
    assert {ev["location"]["name"] for ev in events if ev["location"]} <= {"Mali"}


# --------------------------------------------------------------------------- bad input, one batch


@dataclass(frozen=True)
class Bad:
    """One bad input: how to build it, the origin its stderr line names, and the code."""

    name: str
    build: Callable[[Path], Path]
    origin: str  # relative to the batch dir; "FILE:N" for a JSONL line
    code: str


def _sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as fh:
        fh.truncate(size)
    return path


def _records(d: Path) -> Path:
    lines = [
        json.dumps({"id": "ok-1", "text": KIDAL}).encode(),
        b'{"id": "broken", "text": "Troops shelled',  # malformed line 2
        json.dumps({"id": "ok-3", "text": BAMAKO}).encode(),
        '{"id": "latin", "text": "Le président"}'.encode("latin-1"),  # line 4: not UTF-8
        json.dumps({"id": "es", "text": SPANISH}).encode(),  # line 5: detected Spanish
        json.dumps({"id": "de", "text": "Kurz.", "language": "de"}).encode(),  # line 6: declared German
        json.dumps({"id": "none", "title": "No body"}).encode(),  # line 7: no text
        b'{"id": "cut", "text": "Gunmen killed',  # line 8: truncated last line, no newline
    ]
    return _write(d / "records.jsonl", b"\n".join(lines))


BAD = [
    Bad("empty", lambda d: _write(d / "empty.txt", b""), "empty.txt", "E201"),
    Bad("whitespace", lambda d: _write(d / "blank.txt", b" \n\t\n"), "blank.txt", "E201"),
    Bad("binary", lambda d: _write(d / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))), "photo.txt", "E202"),
    Bad("binary html", lambda d: _write(d / "photo.html", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256))), "photo.html", "E202"),
    Bad("non-utf8", lambda d: _write(d / "latin.txt", ("Le président a déclaré. " + MALI).encode("latin-1")), "latin.txt", "E203"),
    Bad("truncated html", lambda d: _write(d / "cut.html", PAGE[: PAGE.index("<p>The attackers")]), "cut.html", "E207"),
    Bad("html without text", lambda d: _write(d / "shell.html", "<html><head><script>var a=1;</script></head><body></body></html>"), "shell.html", "E207"),
    Bad("50 MB file", lambda d: _sparse(d / "huge.txt", 50_000_000), "huge.txt", "E205"),
    Bad("german", lambda d: _write(d / "german.txt", GERMAN), "german.txt", "E206"),
    Bad("missing file", lambda d: d / "missing.txt", "missing.txt", "E200"),
    Bad("malformed jsonl line", _records, "records.jsonl:2", "E204"),
    Bad("non-utf8 jsonl line", lambda d: d / "records.jsonl", "records.jsonl:4", "E203"),
    Bad("spanish record", lambda d: d / "records.jsonl", "records.jsonl:5", "E206"),
    Bad("declared german record", lambda d: d / "records.jsonl", "records.jsonl:6", "E206"),
    Bad("record without text", lambda d: d / "records.jsonl", "records.jsonl:7", "E204"),
    Bad("truncated last jsonl line", lambda d: d / "records.jsonl", "records.jsonl:8", "E204"),
]


@dataclass
class Batch:
    dir: Path
    result: Result
    opened: list[str]


@pytest.fixture(scope="module")
def bad_batch(tmp_path_factory) -> Batch:
    """One invocation: a good file first and last, every bad input in between."""
    d = tmp_path_factory.mktemp("bad")
    paths: list[str] = [str(_write(d / "a-good.txt", MALI_MORE))]
    for case in BAD:
        path = str(case.build(d))
        if path not in paths:
            paths.append(path)
    paths.append(str(_write(d / "z-good.txt", KIDAL)))
    opened: list[str] = []
    import builtins

    import whimbrel.stages.read as read_mod

    def spy_open(file, *args, **kwargs):  # the reader must refuse the 50 MB file without opening it
        opened.append(str(file))
        return builtins.open(file, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(read_mod, "open", spy_open, raising=False)
        result = _invoke([*paths, "--published", "2024-03-07"])
    return Batch(d, result, opened)


_LINE = re.compile(r"^whimbrel: skipped (?P<origin>.+?): \[(?P<code>E\d{3})\] \S.* — \S.*$")


def _stderr_lines(batch: Batch) -> list[str]:
    return batch.result.stderr.splitlines()


@pytest.mark.parametrize("case", BAD, ids=[c.name for c in BAD])
def test_each_bad_input_gives_one_stderr_line(bad_batch, case):
    origin = str(bad_batch.dir / case.origin)
    mine = [line for line in _stderr_lines(bad_batch) if line.startswith(f"whimbrel: skipped {origin}: ")]
    assert len(mine) == 1, bad_batch.result.stderr
    m = _LINE.match(mine[0])
    assert m and m["origin"] == origin and m["code"] == case.code, mine[0]


def test_bad_batch_stderr_has_nothing_else(bad_batch):
    lines = _stderr_lines(bad_batch)
    assert len(lines) == len(BAD)
    assert all(_LINE.match(line) for line in lines), lines


def test_bad_batch_good_inputs_still_come_out(bad_batch):
    assert bad_batch.result.exit_code == 3
    ids = {ev["article_id"] for ev in _jsonl(bad_batch.result)}
    d = bad_batch.dir
    good = {Article.content_id((d / n).read_text(encoding="utf-8")) for n in ("a-good.txt", "z-good.txt")}
    assert ids == good | {"ok-1", "ok-3"}


def test_50mb_file_refused_without_reading(bad_batch):
    huge = str(bad_batch.dir / "huge.txt")
    assert Path(huge).stat().st_size == 50_000_000
    assert huge not in bad_batch.opened
    assert str(bad_batch.dir / "a-good.txt") in bad_batch.opened  # the spy did see reads


def test_max_bytes_from_the_environment(tmp_path):
    small = _write(tmp_path / "small.txt", MALI)
    big = _write(tmp_path / "big.txt", MALI_MORE * 20)
    result = _invoke([str(small), str(big)], env={"WHIMBREL_MAX_BYTES": "1000"})
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        line for line in result.stderr.splitlines() if line.startswith(f"whimbrel: skipped {big}: [E205]")
    ]
    assert len(result.stderr.splitlines()) == 1
    assert {ev["article_id"] for ev in _jsonl(result)} == {Article.content_id(MALI)}


def test_real_stdin_pipe_with_a_bad_line(tmp_path):
    """A real pipe (subprocess): JSONL on stdin, one malformed line named as <stdin>:2."""
    import subprocess
    import sys

    data = (json.dumps({"id": "p-1", "text": MALI}) + "\n" + '{"id": "p-2", "text": \n').encode("utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "whimbrel", "extract", "-", "--published", "2024-03-07"],
        input=data, capture_output=True, timeout=120, cwd=tmp_path,
    )
    assert proc.returncode == 3, proc.stderr.decode()
    err = proc.stderr.decode("utf-8").splitlines()  # nothing else: no warnings, no traceback
    assert len(err) == 1 and err[0].startswith("whimbrel: skipped <stdin>:2: [E204] line 2: invalid JSON")
    events = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines() if line.strip()]
    assert events and {ev["article_id"] for ev in events} == {"p-1"}
