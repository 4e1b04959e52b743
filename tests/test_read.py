"""Reading inputs: formats, dates, and the bad-input table (every case yields Skips, never raises)."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from whimbrel.errors import MalformedRecord
from whimbrel.records import Article, Skip
from whimbrel.settings import Settings
from whimbrel.stages.read import decode_bytes, normalise_date, read_paths, read_text, skip_from

STORY = "Gunmen attacked a police post in the north of the country on Tuesday, killing three officers, officials said."

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Wire</title>
<item><title>Police post attacked</title><link>https://example.org/a</link>
<guid>example-a</guid><pubDate>Wed, 24 Jan 2024 09:30:00 GMT</pubDate>
<description>Gunmen attacked a police post on Tuesday.</description></item>
<item><title>Talks resume</title><link>https://example.org/b</link>
<pubDate>Thu, 25 Jan 2024 23:10:00 +0300</pubDate>
<description>&lt;p&gt;Negotiators met again in the capital.&lt;/p&gt;</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title>
<entry><title>Border clash</title><id>urn:example:1</id>
<link href="https://example.org/c"/><updated>2024-02-01T08:00:00Z</updated>
<content type="html">&lt;p&gt;Troops exchanged fire at the border.&lt;/p&gt;</content></entry>
</feed>"""


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def _read(path: Path, **kw) -> list[Article | Skip]:
    return list(read_paths([str(path)], kw.pop("settings", None), **kw))


# --------------------------------------------------------------------------- bad input table


def _jsonl_with_bad_line(tmp: Path) -> Path:
    lines = [
        json.dumps({"id": "a1", "text": STORY}),
        json.dumps({"id": "a2", "text": "Second story about talks."}),
        '{"id": "a3", "text": "broken" "oops"}',
        json.dumps({"id": "a4", "text": "Fourth story about a ceasefire."}),
    ]
    return _write(tmp / "mixed.jsonl", "\n".join(lines) + "\n")


BAD_CASES = [
    # (case id, builder(tmp) -> path, settings, expected skip codes, expected article ids/count)
    ("empty", lambda t: _write(t / "empty.txt", b""), None, ["E201"], 0),
    ("whitespace", lambda t: _write(t / "blank.txt", b"  \n\n \t"), None, ["E201"], 0),
    ("binary", lambda t: _write(t / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01"), None, ["E202"], 0),
    ("latin-1", lambda t: _write(t / "latin.txt", "Le président a déclaré".encode("latin-1")), None, ["E203"], 0),
    ("empty html", lambda t: _write(t / "blank.html", "<html><head><script>var x=1;</script></head><body></body></html>"), None, ["E207"], 0),
    ("truncated html", lambda t: _write(t / "cut.html", f"<html><head><title>T</title></head><body><p>{STORY}</p><p>More"), None, ["E207"], 0),
    ("html cut inside a tag", lambda t: _write(t / "cut2.html", f"<div><p>{STORY}</p><p class=\"le"), None, ["E207"], 0),
    ("truncated html field", lambda t: _write(t / "cut.jsonl", json.dumps({"id": "h", "html": f"<html><body><p>{STORY}"}) + "\n"), None, ["E207"], 0),
    ("bad jsonl line", _jsonl_with_bad_line, None, ["E204"], 3),
    ("missing text", lambda t: _write(t / "notext.jsonl", json.dumps({"id": "n", "title": "No body"}) + "\n"), None, ["E204"], 0),
    ("text not a string", lambda t: _write(t / "num.jsonl", json.dumps({"text": 42}) + "\n"), None, ["E204"], 0),
    ("empty text field", lambda t: _write(t / "et.jsonl", json.dumps({"text": "  "}) + "\n"), None, ["E201"], 0),
    ("jsonl not object", lambda t: _write(t / "list.jsonl", "[1, 2]\n"), None, ["E204"], 0),
    ("bad json file", lambda t: _write(t / "bad.json", '{"text": "x",'), None, ["E204"], 0),
    ("too large", lambda t: _write(t / "big.txt", STORY * 10), Settings(max_bytes=100), ["E205"], 0),
    ("not a feed", lambda t: _write(t / "data.xml", "<?xml version='1.0'?><config><a>1</a></config>"), None, ["E204"], 0),
    ("missing path", lambda t: t / "does-not-exist.txt", None, ["E200"], 0),
    ("bad gzip", lambda t: _write(t / "bad.jsonl.gz", b"not gzip at all"), None, ["E204"], 0),
]


@pytest.mark.parametrize("name,build,settings,codes,n_articles", BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_input_becomes_skips(tmp_path, name, build, settings, codes, n_articles):
    path = build(tmp_path)
    items = _read(path, settings=settings)
    skips = [i for i in items if isinstance(i, Skip)]
    arts = [i for i in items if isinstance(i, Article)]
    assert [s.code for s in skips] == codes
    assert len(arts) == n_articles
    for s in skips:
        assert s.origin.startswith(str(path))
        assert f"[{s.code}]" in s.reason


def test_bad_jsonl_line_keeps_the_rest(tmp_path):
    items = _read(_jsonl_with_bad_line(tmp_path))
    assert [i.id for i in items if isinstance(i, Article)] == ["a1", "a2", "a4"]
    skip = next(i for i in items if isinstance(i, Skip))
    assert skip.origin.endswith("mixed.jsonl:3")
    assert "line 3" in skip.reason


def test_latin1_reason_is_actionable(tmp_path):
    skip = _read(_write(tmp_path / "l.txt", "Café".encode("latin-1")))[0]
    assert isinstance(skip, Skip) and "not UTF-8" in skip.reason and "iconv" in skip.reason


def test_huge_file_refused_without_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:  # 50 MB sparse file
        fh.seek(50_000_000)
        fh.write(b"x")
    import builtins

    real_open = builtins.open

    def no_reading(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        assert str(file) != str(path), "the oversized file was opened"
        return real_open(file, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(builtins, "open", no_reading)
        items = _read(path)
    assert [i.code for i in items] == ["E205"]  # type: ignore[union-attr]


def test_gzip_bomb_limited(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        fh.write((json.dumps({"text": "x" * 1000}) + "\n").encode() * 200)
    items = _read(path, settings=Settings(max_bytes=50_000))
    assert [i.code for i in items] == ["E205"]  # type: ignore[union-attr]


# --------------------------------------------------------------------------- good formats


def test_txt_and_html(tmp_path):
    _write(tmp_path / "a.txt", STORY)
    _write(tmp_path / "b.html", f"<html><head><title>Attack  on post</title></head><body><p>{STORY}</p></body></html>")
    a, b = list(read_paths([str(tmp_path / "a.txt"), str(tmp_path / "b.html")]))
    assert isinstance(a, Article) and a.text == STORY and a.raw == STORY
    assert a.id == Article.content_id(STORY) and a.origin == str(tmp_path / "a.txt")
    assert isinstance(b, Article) and b.title == "Attack on post" and STORY in b.raw


def test_jsonl_gz_and_fields(tmp_path):
    path = tmp_path / "x.jsonl.gz"
    recs = [
        {"id": 7, "title": "T", "text": STORY, "published": "2024-03-05T22:15:00+02:00", "url": "https://example.org/7",
         "publisher": "Example", "language": "en", "extra": "ignored"},
        {"html": "<p>Body</p>", "published": "not a date"},
    ]
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(json.dumps(r) for r in recs))
    a, b = _read(path, published="2024-01-01")
    assert (a.id, a.title, a.published, a.url, a.publisher, a.language) == (
        "7", "T", "2024-03-05", "https://example.org/7", "Example", "en")
    assert a.origin.endswith("x.jsonl.gz:1")
    assert b.raw == "<p>Body</p>" and b.published == "2024-01-01"  # --published fills the gap
    assert b.id == Article.content_id("<p>Body</p>")


def test_json_array_and_object(tmp_path):
    arr = _write(tmp_path / "arr.json", json.dumps([{"id": "x", "text": STORY}, {"title": "no body"}]))
    obj = _write(tmp_path / "obj.json", json.dumps({"id": "y", "text": STORY}))
    items = list(read_paths([str(arr), str(obj)]))
    assert [type(i).__name__ for i in items] == ["Article", "Skip", "Article"]
    assert items[0].origin.endswith("arr.json#0") and items[1].origin.endswith("arr.json#1")
    assert items[2].origin == str(obj)


def test_rss_feed(tmp_path):
    a, b = _read(_write(tmp_path / "wire.rss", RSS))
    assert (a.id, a.title, a.url, a.published, a.publisher) == (
        "example-a", "Police post attacked", "https://example.org/a", "2024-01-24", "Example Wire")
    assert a.origin.endswith("wire.rss#0")
    assert b.published == "2024-01-25" and "Negotiators" in b.raw


def test_atom_feed(tmp_path):
    (a,) = _read(_write(tmp_path / "news.atom", ATOM))
    assert (a.id, a.title, a.url, a.published) == ("urn:example:1", "Border clash", "https://example.org/c", "2024-02-01")
    assert "Troops exchanged fire" in a.raw


def test_directory_walk_sorted_recursive(tmp_path):
    _write(tmp_path / "b.txt", "B story.")
    _write(tmp_path / "a.txt", "A story.")
    _write(tmp_path / "sub" / "c.jsonl", json.dumps({"id": "c", "text": "C story."}))
    _write(tmp_path / "sub" / "notes.md", "ignored")
    _write(tmp_path / ".hidden" / "d.txt", "hidden")
    items = _read(tmp_path)
    assert [i.text for i in items] == ["A story.", "B story.", "C story."]


def test_empty_directory(tmp_path):
    assert [i.code for i in _read(tmp_path)] == ["E201"]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "data,expected",
    [
        ('{"id": "s1", "text": "one"}\n{"id": "s2", "text": "two"}\n', ["s1", "s2"]),
        (STORY, [Article.content_id(STORY)]),
    ],
)
def test_stdin(monkeypatch, data, expected):
    class FakeStdin:
        buffer = io.BytesIO(data.encode("utf-8"))

    monkeypatch.setattr("sys.stdin", FakeStdin())
    assert [i.id for i in read_paths(["-"])] == expected


def test_read_text_sniffs():
    (a,) = read_text(json.dumps({"id": "q", "text": "x"}))
    assert a.id == "q"


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2024-01-24", "2024-01-24"),
        ("2024-01-24T23:30:00Z", "2024-01-24"),
        ("2024-01-24T23:30:00-05:00", "2024-01-24"),
        ("2024-01-24 10:00", "2024-01-24"),
        ("Wed, 24 Jan 2024 09:30:00 GMT", "2024-01-24"),
        ("24 January 2024", "2024-01-24"),
        ("January 24, 2024", "2024-01-24"),
        ("2024-13-45", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


@pytest.mark.parametrize(
    "data,code",
    [(b"", "E201"), (b"ab\x00cd", "E202"), ("é".encode("latin-1") + b" text", "E203")],
)
def test_decode_bytes_errors(data, code):
    with pytest.raises(Exception) as info:
        decode_bytes(data)
    assert info.value.code == code


def test_decode_bytes_bom_and_utf16():
    assert decode_bytes("\ufeffhello".encode("utf-8")) == "hello"
    assert decode_bytes("hello".encode("utf-16")) == "hello"


def test_skip_from():
    err = MalformedRecord("line 7: Expecting ',' delimiter", origin="f.jsonl:7")
    s = skip_from(err, "ignored")
    assert (s.origin, s.code, s.reason) == ("f.jsonl:7", "E204", str(err))


def test_issue5_same_text_on_two_sites_is_two_articles(tmp_path):
    """Id-less records with one text but their own metadata get their own ids, so
    re-ingesting such a file changes nothing (it used to flip between the two)."""
    from whimbrel.stages.read import read_paths

    rows = [{"text": STORY, "url": "https://a.example.org/1", "publisher": "A"},
            {"text": STORY, "url": "https://b.example.org/9", "publisher": "B"},
            {"text": STORY}]
    path = tmp_path / "dupes.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    ids = [a.id for a in read_paths([str(path)])]
    assert len(set(ids)) == 3
    assert ids[2] == Article.content_id(STORY)
    assert ids == [a.id for a in read_paths([str(path)])]
