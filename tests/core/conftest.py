"""Helpers for the core tests: write small trees to a temp folder and load them without the bundled trees.

The bundled clinical trees change while other work goes on, so every core test loads only what it names:
files it writes itself, plus `trees/examples/` where a test wants the worked example.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wizard.content import loader

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "trees" / "examples"
SCHEMA_LINE = "# yaml-language-server: $schema=../../wizard/schema/tree.schema.json\n"


def tree_text(data: dict) -> str:
    """A tree as YAML text (JSON is valid YAML, and keeps every value's type exactly as given)."""
    return SCHEMA_LINE + json.dumps(data, indent=2) + "\n"


def write(folder: Path, name: str, content: str | bytes | dict) -> Path:
    path = folder / name
    if isinstance(content, dict):
        content = tree_text(content)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def collect(*paths: Path) -> loader.Loaded:
    return loader.collect(list(paths), bundled=False)


def load(*paths: Path):
    return loader.load(list(paths), bundled=False)


def outcome(title: str = "Done", urgency: str | None = "self_care", **extra) -> dict:
    node = {"kind": "outcome", "title": title, **extra}
    if urgency:
        node["referral"] = {"urgency": urgency, "reason": f"{title} reason"}
    return node


def yes_no(text: str = "Is it so?", **extra) -> dict:
    return {"kind": "question", "style": "yes_no", "text": text, "why": "Because it matters.", **extra}


def single(values: list[str], **extra) -> dict:
    options = [{"value": v, "label": v.title()} for v in values]
    return {"kind": "question", "style": "single", "text": "Pick one", "why": "It narrows things.",
            "options": options, **extra}


def multi(values: list[str], **extra) -> dict:
    options = [{"value": v, "label": v.title()} for v in values]
    return {"kind": "question", "style": "multi", "text": "Pick any", "why": "It narrows things.",
            "options": options, **extra}


def self_test(**extra) -> dict:
    return {"kind": "self_test", "title": "A test", "text": "Do the test.", "why": "It tells tendon from joint.",
            "steps": ["Stand.", "Lift a foot."], "stop_rule": "Stop if pain goes above 7 out of 10.",
            "positive_feels": "Your usual pain comes on.", "who": "alone",
            "evidence": {"source": "Someone 2020", "positive_means": "Likely.", "negative_means": "Unlikely."},
            **extra}


def measure(**extra) -> dict:
    return {"kind": "measure", "text": "Pain now?", "why": "To track change.", "unit": "/10", "min": 0, "max": 10,
            "integer": True, **extra}


def tree(tree_id: str, nodes: dict, start: str | None = None, **extra) -> dict:
    return {"id": tree_id, "title": tree_id.title(), "version": "1.0.0", "start": start or next(iter(nodes)),
            "nodes": nodes, **extra}


@pytest.fixture
def examples():
    """The worked example trees and their catalogue, loaded on their own."""
    return load(EXAMPLES)


@pytest.fixture
def make_library(tmp_path):
    """Write trees (dicts) to tmp_path and load them, with the example catalogue beside them."""
    def make(*trees: dict, catalogue: bool = True):
        paths = [write(tmp_path, f"{t['id']}.yaml", t) for t in trees]
        if catalogue:
            paths.append(EXAMPLES / "example-catalogue.yaml")
        return load(*paths)
    return make
