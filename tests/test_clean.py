"""Cleaning: boilerplate and headline removal, HTML main text, language and length checks."""

from __future__ import annotations

import pytest

from whimbrel.pipeline import Pipeline, Work
from whimbrel.records import Article
from whimbrel.settings import Settings
from whimbrel.stages.clean import CleanStage, clean_text, is_boilerplate, is_headline, looks_like_html

BODY = (
    "Security forces killed at least 12 militants in an overnight raid near the border, "
    "the army said in a statement on Sunday."
)
BODY2 = "Local officials said two civilians were wounded and a school was damaged."


@pytest.mark.parametrize(
    "line",
    [
        "Read the full article here",
        "Read more",
        "Comments are closed.",
        "Share this:",
        "Subscribe to our newsletter",
        "Sign up for our daily briefing",
        "Click here to download the app",
        "Advertisement",
        "ADVERTISEMENT",
        "We use cookies to improve your experience.",
        "By continuing to use this site you accept our cookie policy",
        "By Jane Doe",
        "By JOHN SMITH, Associated Press",
        "Photo: Reuters/Ahmed Saad",
        "(Photo by Ali Yusuf/AFP via Getty Images)",
        "Reporting by Jane Doe; Editing by John Roe",
        "© 2024 Example News. All rights reserved.",
        "Related: Talks stall in the capital",
        "Posted on March 3, 2024",
        "Tags: Syria, Idlib, airstrikes",
        "https://example.org/news/12345",
        "___",
    ],
)
def test_boilerplate_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        BODY,
        "Read the statement below, officials urged, as the talks collapsed in the capital on Monday.",
        "By nightfall, the fighting had spread to three districts.",
        "By Tuesday, the army had withdrawn from Kidal.",
        "Posted on social media, the video showed soldiers firing at the crowd in the square.",
        "Registered voters queued for hours in the capital despite the threat of attacks.",
        "The photo showed the destroyed bridge, witnesses said.",
        "Subscribers to the local radio network heard the announcement at dawn, residents said.",
    ],
)
def test_real_lines_are_not_boilerplate(line):
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    "line,expected",
    [
        ("Border Clashes: Rebels Shell Two Villages In The East", True),
        ("Navy & Coast Guard Say They Turned Back 9 “Hostile” Fishing Boats", True),
        ("Rebels Seize Town as Army Withdraws From the North", True),
        ("The army said 12 people died.", False),
        ("Fighting continues in the north", False),
        ("Two Killed", False),  # too short to judge
        ("Why Did The Talks Fail?", False),  # sentence-final punctuation
    ],
)
def test_is_headline(line, expected):
    assert is_headline(line) is expected


CLEAN_CASES = [
    # (raw, expected cleaned)
    (f"{BODY}\n\nRead the full article here\n\nComments are closed.", BODY),
    (f"  {BODY}  \n\n\n\n{BODY2}\n", f"{BODY}\n\n{BODY2}"),
    (f"{BODY}\r\n\r\n{BODY2}", f"{BODY}\n\n{BODY2}"),
    ("Troops   entered\tthe  town\u00a0on Monday.", "Troops entered the town on Monday."),
    # hard-wrapped paragraph is joined
    ("Troops entered the town on Monday and\nsecured the main road, officials said.", "Troops entered the town on Monday and secured the main road, officials said."),
    # a related-headline list is dropped: under a "Related" header, with timestamps, or three items or more
    (
        f"{BODY}\n\nRelated coverage\nRebels Seize Town as Army Withdraws From the North\nPresident Calls Emergency Meeting Over Border Crisis\n\n{BODY2}",
        f"{BODY}\n\n{BODY2}",
    ),
    (
        f"{BODY}\n\nRebels Seize Town as Army Withdraws From the North\n3 hours ago\n"
        f"President Calls Emergency Meeting Over Border Crisis\n5 hours ago\n\n{BODY2}",
        f"{BODY}\n\n{BODY2}",
    ),
    (
        f"{BODY}\n\nRebels Seize Town as Army Withdraws From the North\nPresident Calls Emergency Meeting Over Border Crisis\n"
        f"Floods Cut Off Three Villages in the Delta\n\n{BODY2}",
        f"{BODY}\n\n{BODY2}",
    ),
    # two headlines between paragraphs with no mark of a list are the report's own (issue 9)
    (
        f"{BODY}\n\nRebels Seize Town as Army Withdraws From the North\n\nPresident Calls Emergency Meeting Over Border Crisis\n\n{BODY2}",
        f"{BODY}\n\nRebels Seize Town as Army Withdraws From the North\n\nPresident Calls Emergency Meeting Over Border Crisis\n\n{BODY2}",
    ),
    # two headlines after the body are a list; a date line on its own stays
    (
        f"{BODY}\n\nRebels Seize Town as Army Withdraws From the North\nPresident Calls Emergency Meeting Over Border Crisis",
        BODY,
    ),
    (f"March 5, 2024\n\n{BODY}", f"March 5, 2024\n\n{BODY}"),
    (f"{BODY}\n\nCasualties Mount in Northern Province\n\n{BODY2}", f"{BODY}\n\nCasualties Mount in Northern Province\n\n{BODY2}"),
    # list items (bullets, numbers) are kept even in Title Case
    (f"{BODY}\n\n— Ann Doe, 44, of Cedar Lane in Millbrook (critical)\n— Paul Roe, 31, of Elm Street (stable)",
     f"{BODY}\n\n— Ann Doe, 44, of Cedar Lane in Millbrook (critical)\n\n— Paul Roe, 31, of Elm Street (stable)"),
    # the trailing headline is dropped
    (f"{BODY}\n\nRebels Seize Town as Army Withdraws From the North", BODY),
    # quotes and apostrophes kept as written
    ("“We will not retreat,” the commander’s spokesman said. 'Never.'", "“We will not retreat,” the commander’s spokesman said. 'Never.'"),
    ("Advertisement\n\nShare this:\n\n", ""),
]


@pytest.mark.parametrize("raw,expected", CLEAN_CASES)
def test_clean_plain_table(raw, expected):
    assert clean_text(raw, is_html=False) == expected


def test_clean_html_page():
    html = f"""<!DOCTYPE html><html><head><title>Raid</title><script>var a = 1;</script></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Raid near the border</h1><p>{BODY}</p><p>{BODY2}</p>
    <p>Read more</p></article>
    <div class="comments"><p>Great article!! by user123</p></div>
    <footer>© 2024 Example News. All rights reserved.</footer></body></html>"""
    out = clean_text(html, is_html=True)
    assert BODY in out and BODY2 in out
    assert "var a" not in out and "Home" not in out and "All rights reserved" not in out
    assert "\n\n" in out


def test_clean_html_fragment_falls_back():
    assert clean_text("<p>Troops exchanged fire at the border.</p>", is_html=True) == "Troops exchanged fire at the border."


@pytest.mark.parametrize(
    "raw,expected",
    [("<html><body><p>x</p></body></html>", True), ("<p>a</p><p>b</p>", True), ("Prices rose 3% < 5% expected.", False), (BODY, False)],
)
def test_looks_like_html(raw, expected):
    assert looks_like_html(raw) is expected


def test_sample_article(shared_dir):
    raw = (shared_dir / "samples" / "us-strikes-iraq.txt").read_text(encoding="utf-8")
    out = clean_text(raw, is_html=False)
    paragraphs = out.split("\n\n")
    # the two headlines between paragraphs are the report's own (issue 9): kept
    assert len(paragraphs) == 8
    assert paragraphs[0].startswith("The United States has launched")
    assert paragraphs[-1].startswith("This war is quickly advancing.")
    assert paragraphs[5].startswith("War Expansion") and "Shot Down 14" in paragraphs[6]
    assert "Kataib Hezbollah’s headquarters" in out and "it’s offensive" in out
    for gone in ("Read the full article", "Comments are closed"):
        assert gone not in out
    # every kept paragraph is exactly an original paragraph
    originals = {p.strip() for p in raw.split("\n\n")}
    assert all(p in originals for p in paragraphs)


# --------------------------------------------------------------------------- stage

FRENCH = (
    "Le gouvernement a annoncé mardi de nouvelles mesures pour lutter contre l'inflation, qui touche "
    "durement les ménages les plus modestes. Les syndicats ont appelé à une grève générale la semaine "
    "prochaine dans tout le pays, et plusieurs manifestations sont prévues dans les grandes villes."
)
ENGLISH = (BODY + " " + BODY2 + " ") * 2


def _run(text: str, **kw) -> Work:
    settings = kw.pop("settings", None)
    art = Article(id="t1", text=text, raw=text, origin="test:1", **kw)
    return CleanStage(settings)(Work(article=art))


@pytest.mark.parametrize(
    "text,kw,code",
    [
        (FRENCH, {}, "E206"),
        (ENGLISH, {"language": "fr"}, "E206"),
        (FRENCH, {"language": "en"}, None),  # a declared language wins
        ("Advertisement\n\nComments are closed.", {}, "E207"),
        ("<html><body><script>x()</script></body></html>", {}, "E207"),
        (ENGLISH, {"settings": Settings(max_chars=50)}, "E205"),
        (ENGLISH, {}, None),
        ("Kurz.", {}, None),  # too short to language-check
        ("Bewaffnete Männer haben am Dienstag fünf Dorfbewohner getötet.", {}, "E206"),  # short German
        ("Hombres armados mataron el martes a cinco aldeanos en Malí.", {}, "E206"),  # short Spanish
        ("Des hommes armés ont tué cinq villageois mardi au Mali.", {}, "E206"),  # short French
        ("Sheikh Abdullahi Nur Osman Ahmed Abdirahman Mohamed said.", {}, None),  # name-heavy English
        ("Al-Shabaab fighters stormed Mogadishu's Hotel Sahafi.", {}, None),
        ("Hezbollah fired rockets at Kiryat Shmona.", {}, None),
    ],
)
def test_stage_skips(text, kw, code):
    work = _run(text, **kw)
    if code is None:
        assert work.skip is None
        assert work.text and work.article.text == work.text
        assert work.article.raw == text
    else:
        assert work.skip is not None and work.skip.code == code
        assert work.skip.article_id == "t1" and work.skip.origin == "test:1"
        assert work.text is None


def test_stage_in_pipeline_is_deterministic():
    pipe = Pipeline([CleanStage()])
    a = pipe.run(Work(article=Article(id="x", text=ENGLISH, raw=ENGLISH)))
    b = pipe.run(Work(article=Article(id="x", text=ENGLISH, raw=ENGLISH)))
    assert a.text == b.text == ENGLISH.strip()
    assert "text" in pipe.gives


def test_stage_pickles_before_and_after_use():
    import pickle

    stage = CleanStage()
    pickle.loads(pickle.dumps(stage))
    _run(FRENCH)
    stage(Work(article=Article(id="x", text=FRENCH, raw=FRENCH)))
    clone = pickle.loads(pickle.dumps(stage))
    assert clone(Work(article=Article(id="x", text=FRENCH, raw=FRENCH))).skip.code == "E206"


# --------------------------------------------------------------------------- extraction benchmark


@pytest.mark.parametrize(
    "pred,gold,expected",
    [
        ("one two three four five", "one two three four five", (1.0, 1.0, 1.0)),
        ("", "", (1.0, 1.0, 1.0)),
        ("", "one two three four", (0.0, 0.0, 0.0)),
        ("One two, three four five six", "one two three four", (1 / 3, 1.0, 0.5)),
    ],
)
def test_shingle_prf(pred, gold, expected):
    from whimbrel.evaluate.main_text import prf

    assert prf(pred, gold) == pytest.approx(expected)


def test_article_html_benchmark_subset(shared_dir):
    from whimbrel.evaluate.main_text import evaluate_article_html

    result = evaluate_article_html(str(shared_dir / "eval" / "article_html"), limit=25)
    assert result.n_docs == 25
    assert result.metrics["text.f1"] >= 0.9
    assert all(e["f1"] < 0.9 for e in result.errors)
    assert [e["f1"] for e in result.errors] == sorted(e["f1"] for e in result.errors)
