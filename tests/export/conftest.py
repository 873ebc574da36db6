"""Scripted sessions on the example trees (and on hostile copies of them) with the date fixed.

Only `trees/examples/` is loaded: the bundled clinical trees change while other work goes on, and golden
files must not move when they do.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml

from wizard.content import loader
from wizard.walk.engine import Session
from wizard.report.summary import build_summary

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "trees" / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"
WHEN = datetime(2026, 11, 27, 10, 30, 0, tzinfo=timezone(timedelta(hours=1)))
VERSION = "9.9.9-test"

# Scripted walks of the `example` tree: each one ends in a different way.
WALKS = {
    "finished": {"example/welcome": True, "example-screen/fever": False, "example/where": "outside",
                 "example/stance": "left"},
    "emergency": {"example/welcome": True, "example-screen/fever": True},
    "unfinished": {"example/welcome": True, "example-screen/fever": False, "example/where": "groin",
                   "example/activities": ["sitting", "stairs"]},
    "measured": {"example/welcome": True, "example-screen/fever": False, "example/where": "groin",
                 "example/activities": [], "example/pain": 9},
}

# Text that would do harm if any exporter treated it as markup or code.
HOSTILE = {
    "script": "<script>alert('pwned')</script>",
    "img": "\"><img src=x onerror=alert(1)>",
    "title": "</title><script>alert(2)</script>",
    "js_link": "javascript:alert(3)",
    "odd": "NUL\x00 ESC\x1b[31m emoji 🦴😀 combining e\u0301 RTL \u202eevil\u202c zero\u200bwidth",
}


@pytest.fixture(scope="session")
def library():
    return loader.load([EXAMPLES], bundled=False)


def session_for(library, walk: str) -> Session:
    return Session(library, "example", WALKS[walk])


def summary_for(library, walk: str):
    return build_summary(session_for(library, walk), when=WHEN, app_version=VERSION)


def hostile_trees(folder: Path) -> Path:
    """Copies of the example trees whose text carries every hostile string in HOSTILE."""
    tree = yaml.safe_load((EXAMPLES / "example.yaml").read_text())
    screen = yaml.safe_load((EXAMPLES / "example-screen.yaml").read_text())
    catalogue = yaml.safe_load((EXAMPLES / "example-catalogue.yaml").read_text())
    tree["title"] = f"Example {HOSTILE['title']}"
    tree["nodes"]["where"]["title"] = f"Where {HOSTILE['script']}"
    tree["nodes"]["where"]["text"] = f"Where? {HOSTILE['odd']}"
    tree["nodes"]["where"]["options"][0]["label"] = f"Outside {HOSTILE['img']}"
    tree["nodes"]["tendon"]["referral"]["reason"] = f"Reason {HOSTILE['js_link']} {HOSTILE['script']}"
    finding = catalogue["findings"]["example-tendon"]
    finding["name"] = f"Tendon {HOSTILE['title']}"
    finding["description"] = f"[click me]({HOSTILE['js_link']}) {HOSTILE['odd']}"
    finding["sources"] = [HOSTILE["js_link"], "https://example.org/paper?a=1&b=\"2\"", "data:text/html,x"]
    catalogue["exercises"]["example-isometric"]["name"] = f"Press {HOSTILE['img']}"
    catalogue["advice"]["example-sleep"]["text"] = f"Sleep {HOSTILE['script']} | table | *bold* # head"
    for name, data in (("example.yaml", tree), ("example-screen.yaml", screen),
                       ("example-catalogue.yaml", catalogue)):
        (folder / name).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return folder


@pytest.fixture
def hostile_library(tmp_path):
    return loader.load([hostile_trees(tmp_path)], bundled=False)


@pytest.fixture
def hostile_summary(hostile_library):
    return build_summary(Session(hostile_library, "example", WALKS["finished"]), when=WHEN, app_version=VERSION)


class Page(HTMLParser):
    """Every tag with its attributes, the title, the style text and all visible text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.title, self.style, self._in = [], [], "", "", None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in = tag

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "style":
            self.style += data
        else:
            self.text.append(data)

    def attrs_of(self, tag: str) -> list[dict]:
        return [attrs for name, attrs in self.tags if name == tag]
