"""Tree text holding markup, scripts and `javascript:` links comes out of the HTML export as inert text.

The page is parsed with the standard library's HTML parser (the same tokenising rules browsers use for
tags and attributes), and, where Debian's headless Chromium is installed, loaded in a real browser engine.
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import subprocess

import pytest

from wizard.report import render
from wizard.report.html_page import STYLE

from .conftest import HOSTILE, Page

ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "footer", "h1", "h2", "h3", "dl",
                "dt", "dd", "section", "div", "p", "strong", "ul", "ol", "li", "table", "thead", "tbody",
                "tr", "th", "td", "code", "a"}
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture
def page(hostile_summary):
    return Page(render(hostile_summary, "html"))


def test_only_known_harmless_tags_appear(page):
    assert {tag for tag, _ in page.tags} <= ALLOWED_TAGS
    assert not page.attrs_of("script") and not page.attrs_of("img")


def test_no_event_handlers_and_no_loaded_resources(page):
    for tag, attrs in page.tags:
        assert not [a for a in attrs if a.startswith("on")], tag
        assert "src" not in attrs and tag != "link", tag
    assert "url(" not in page.style and "@import" not in page.style


def test_links_are_only_http_or_https(page):
    hrefs = [attrs["href"] for attrs in page.attrs_of("a")]
    assert hrefs == ['https://example.org/paper?a=1&b="2"']
    assert all(attrs.get("rel") == "noopener noreferrer external" for attrs in page.attrs_of("a"))


def test_hostile_text_is_shown_literally(page):
    shown = "".join(page.text)
    for key in ("script", "img", "title", "js_link"):
        assert HOSTILE[key] in shown, key
    assert page.title == f"Hip check summary: Example {HOSTILE['title']}"


def test_content_security_policy_allows_only_the_page_style(page):
    metas = page.attrs_of("meta")
    csp = next(m["content"] for m in metas if m.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "script-src" not in csp
    digest = base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in csp
    assert page.style == STYLE
    assert [name for name, _ in page.tags].index("meta") < [name for name, _ in page.tags].index("title")


def test_control_characters_are_made_visible_and_emoji_kept(page):
    shown = "".join(page.text)
    assert "\x00" not in shown and "\x1b" not in shown and "\u202e" not in shown
    assert "NUL\ufffd ESC\ufffd[31m emoji 🦴😀 combining e\u0301" in shown


def test_markdown_renders_hostile_text_as_text(hostile_summary):
    markdown_it = pytest.importorskip("markdown_it")
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(render(hostile_summary, "md"))
    assert not re.search(r"<(script|img|title)\b", html)
    assert not [href for href in re.findall(r'href="([^"]*)"', html) if not href.startswith("http")]
    page = Page(html)
    shown = "".join(page.text)
    for key in ("script", "img", "title"):
        assert HOSTILE[key] in shown, key
    assert "[click me](javascript:alert(3))" in shown


@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="headless Chromium (Debian's /usr/bin/chromium) not installed")
def test_real_browser_builds_no_script_or_image_and_accepts_the_style(hostile_summary, tmp_path):
    """Chromium logs console messages on stderr: a blocked script, image or a style whose hash is wrong
    would show there as a Content Security Policy message."""
    path = tmp_path / "summary.html"
    path.write_text(render(hostile_summary, "html"), encoding="utf-8")
    done = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr",
                           "--v=0", "--dump-dom", path.as_uri()], capture_output=True, text=True, timeout=60)
    dom = Page(done.stdout)
    assert dom.attrs_of("body"), done.stderr[-500:]
    assert not dom.attrs_of("script") and not dom.attrs_of("img")
    assert HOSTILE["script"] in "".join(dom.text)
    assert "Content Security Policy" not in done.stderr


CHART_TAGS = {"figure", "figcaption", "svg", "line", "polyline", "circle", "text"}


def test_trend_charts_are_inline_svg_that_the_policy_allows(hostile_summary):
    """Walking % and pain over time: shapes and text only (no script, no style attribute, nothing loaded),
    and the hostile measure name stays text."""
    from dataclasses import replace
    from wizard.report.summary import TrendLine
    trends = (TrendLine(f"Pain {HOSTILE['script']}", "/10", 0, 10, (("2026-11-01", 6), ("2026-11-15", 4), ("2026-11-28", 2))),
              TrendLine("Walking compared with normal", "%", 0, 100, (("2026-11-01", 70), ("2026-11-28", 95))))
    charted = Page(render(replace(hostile_summary, trends=trends), "html"))
    tags = {tag for tag, _ in charted.tags}
    assert {"svg", "polyline"} <= tags and tags <= ALLOWED_TAGS | CHART_TAGS | {"title"}
    assert not [attrs for _, attrs in charted.tags if "style" in attrs or any(a.startswith("on") for a in attrs)]
    assert charted.style == STYLE and not charted.attrs_of("script")
    assert HOSTILE["script"] in "".join(charted.text)
    assert [a["points"].count(",") for a in charted.attrs_of("polyline")] == [3, 2]
