"""The dashboard in headless Chromium (Debian's package, driven by Playwright; never a downloaded browser).

Every test routes all requests, aborts and counts any that leave 127.0.0.1, and asserts none did.
Without /usr/bin/chromium these tests skip (they fail instead when CI=true).  Set
WHIMBREL_SCREENSHOTS=docs/screenshots to write the screenshots the docs show.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("WHIMBREL_CHROMIUM", "/usr/bin/chromium")
TOKEN = "browser-test-token"


def _need_browser() -> None:
    why = None
    if not Path(CHROMIUM).exists():
        why = (f"no Chromium at {CHROMIUM}: install Debian's package (sudo apt-get install -y chromium) "
               "or point WHIMBREL_CHROMIUM at a chromium binary")
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            why = 'playwright is not installed: python -m pip install -e ".[dev]"'
    if why:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("browser tests cannot run in CI: " + why)
        pytest.skip(why)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(demo_store, tmp_path_factory):
    _need_browser()
    import uvicorn

    from whimbrel.web import create_app

    folder = tmp_path_factory.mktemp("browser")
    db = folder / "demo.db"
    shutil.copyfile(demo_store, db)
    app = create_app(str(db), data_dir=str(folder), token=TOKEN, poll_seconds=1)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not srv.started:
        assert time.time() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    """A page whose requests beyond 127.0.0.1 are aborted and counted; the test asserts none happened."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []
    errors: list[str] = []

    def route(r):
        host = urlsplit(r.request.url).hostname
        if r.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    ctx.route("**/*", route)
    pg = ctx.new_page()
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" and "favicon" not in m.text else None)
    pg.outside = outside
    yield pg
    ctx.close()
    assert outside == [], f"requests left 127.0.0.1: {outside}"
    assert not [e for e in errors if "Content Security Policy" in e], errors


def wait_until(fn, timeout: float = 15.0, what: str = "condition"):
    """Poll ``fn`` from Python (the page's CSP forbids the eval that wait_for_function uses)."""
    deadline = time.time() + timeout
    while True:
        try:
            got = fn()
        except Exception:  # noqa: BLE001 - the page may be between states
            got = None
        if got:
            return got
        if time.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def points(pg) -> int:
    return int(pg.get_attribute("#map", "data-points") or 0)


def shot(pg, name: str) -> None:
    folder = os.environ.get("WHIMBREL_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=name != "map")


def test_dashboard_draws_points_on_the_basemap(page, server):
    page.goto(server + "/")
    n_points = wait_until(lambda: points(page), what="map points")
    page.wait_for_selector("#map[data-basemap=ready]")
    assert n_points > 50
    # clusters (numbered icons) and single points (SVG circles) over the countries (a canvas layer)
    clusters = page.locator(".leaflet-marker-icon.marker-cluster")
    singles = page.locator(".leaflet-overlay-pane svg path.leaflet-interactive")
    wait_until(lambda: clusters.count() + singles.count() > 5, what="points drawn")
    shown = sum(int(t) for t in clusters.all_inner_texts()) + singles.count()
    assert 0 < shown <= n_points
    assert page.locator(".leaflet-overlay-pane canvas").count() >= 1
    assert page.locator("#map[data-drawn-at]").count() == 1
    assert page.locator("#events tbody tr").count() == 50
    assert "events on the map" in page.inner_text("#map-count")
    page.check("#change-layer")
    page.wait_for_selector("#map[data-change=ready]")
    assert "layer=change" in page.url
    shot(page, "map")
    assert page.outside == []


def test_filter_changes_table_map_and_url(page, server):
    import json
    import urllib.request

    page.goto(server + "/")
    before = wait_until(lambda: points(page), what="map points")
    page.select_option("#f-type", "ASSAULT")
    page.wait_for_url("**/?*type=ASSAULT*")
    want = json.load(urllib.request.urlopen(server + "/api/points?type=ASSAULT&max=20000"))
    wait_until(lambda: points(page) == len(want["points"]), what="filtered map points")
    assert len(want["points"]) < before
    wait_until(lambda: all(t.startswith("ASSAULT") for t in page.locator("#events tbody tr td:nth-child(2)").all_inner_texts()),
               what="an ASSAULT-only table")
    rows = page.locator("#events tbody tr")
    assert 0 < rows.count() <= 50
    assert f"of {want['total']} events" in page.inner_text("#table-count")
    assert "type=ASSAULT" in page.get_attribute("#export-csv", "href")
    # the URL is a permalink: opening it afresh gives the same view
    page.fill("#f-country", "SD")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**country=SD**")
    url = page.url
    page.goto(url)
    page.wait_for_selector("#events tbody tr")
    assert page.input_value("#f-country") == "SD" and page.input_value("#f-type") == "ASSAULT"
    texts = page.locator("#events tbody tr td:nth-child(3)").all_inner_texts()
    assert texts and all(", SD" in t for t in texts)
    wait_until(lambda: page.get_attribute("#map", "data-drawn-at"), what="the filtered map")
    page.wait_for_timeout(600)  # the fitBounds animation
    shot(page, "map-filtered")
    page.go_back()
    wait_until(lambda: page.input_value("#f-country") == "", what="the form to follow the back button")


def test_event_page_shows_highlighted_sentences_and_claimants(page, server):
    import json
    import urllib.request

    evs = json.load(urllib.request.urlopen(server + "/api/events?sort=-sources&limit=1"))["events"]
    ev = evs[0]
    assert ev["size_conflict"]
    page.goto(server + "/")
    page.wait_for_selector("#events tbody tr")
    page.goto(server + "/event/" + ev["id"])
    marks = page.locator("details.source mark")
    assert marks.count() >= len(ev["article_ids"])
    sentence = ev["mentions"][0]["text"]
    assert any(sentence.strip()[:40] in m for m in marks.all_inner_texts())
    claimants = page.locator("#fig-dead .claimant").all_inner_texts()
    assert claimants and any(c != "unnamed source" for c in claimants)
    assert page.locator("#fig-dead thead th").count() == 1 + len({r for r in ev["article_ids"]})
    assert "sources disagree" in page.inner_text("#event")
    assert page.locator("#links tbody tr").count() >= len(ev["article_ids"])
    assert "score" in page.inner_text("#links").lower()
    shot(page, "event")


def test_timeline_draws_bars(page, server):
    page.goto(server + "/timeline?interval=week&group=country")
    page.wait_for_selector("#chart-types[data-bars] rect.bar")
    # the three charts are drawn from separate requests: wait for each, as a user would
    page.wait_for_selector("#chart-groups polyline", state="attached")
    page.wait_for_selector("#chart-intensity polyline", state="attached")
    assert page.locator("#chart-groups polyline").count() > 0
    assert page.locator("#chart-intensity polyline").count() > 0
    assert page.locator("#group-table tbody tr").count() > 0
    page.select_option("#interval", "month")
    page.wait_for_url("**interval=month**")
    shot(page, "timeline")


def test_posted_article_appears_without_reload(page, server):
    page.goto(server + "/?q=Lichinga")
    wait_until(lambda: "No events" in page.inner_text("#table-count"), what="an empty table")
    page.locator("#live").evaluate("el => { el.dataset.marker = 'same page'; }")
    rec = {"id": "browser-1", "title": "Militia raid on Lichinga market", "published": "2024-09-03",
           "publisher": "Browser Desk",
           "text": "LICHINGA, Mozambique — Armed men raided the central market in Lichinga on Sunday, "
                   "killing two traders, district police said on Monday."}
    r = page.request.post(server + "/api/articles", data=rec, headers={"Authorization": "Bearer " + TOKEN})
    assert r.status == 200, r.text()
    new_ids = r.json()["event_ids"]
    assert new_ids
    page.wait_for_selector(f"#events tbody tr[data-id='{new_ids[0]}']", timeout=20000)
    assert page.get_attribute("#live", "data-marker") == "same page"  # no reload happened
    assert "Store updated" in page.inner_text("#live")
    denied = page.request.post(server + "/api/articles", data=rec, headers={"Authorization": "Bearer nope"})
    assert denied.status == 401 and denied.json()["error"]["code"] == "E703"


def test_keyboard_and_phone_layout(page, server):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + "/")
    page.wait_for_selector("#events tbody tr")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    # the page itself does not scroll sideways on a phone (wide tables scroll inside their box)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 392
    for sel in ("#f-country", "#f-type", "#f-q", "#change-layer"):
        label = page.locator(f"label[for='{sel[1:]}']")
        assert label.count() == 1 or page.locator(sel).evaluate("el => !!el.closest('label')")
    # filtering by the map's view sets a bbox that the API applies
    page.set_viewport_size({"width": 1280, "height": 900})
    page.click("#use-view")
    page.wait_for_url("**bbox=**")
    assert page.input_value("#f-bbox").count(",") == 3
