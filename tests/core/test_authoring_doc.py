"""docs/authoring.md stays true: its worked example passes `check`, its catalogue example loads, and every
key of the schema is documented."""

from __future__ import annotations

import re

import pytest

from wizard.content.schema_check import tree_schema
from wizard.authoring import lint

from .conftest import EXAMPLES, REPO, collect, write

DOC = (REPO / "docs" / "authoring.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"```yaml\n(.*?)```", re.S)


def _worked_example() -> str:
    return BLOCK.search(DOC, DOC.index("<!-- worked-example -->")).group(1)


def test_worked_example_passes_check_with_no_errors_or_warnings(tmp_path):
    path = write(tmp_path, "stairs-check.yaml", _worked_example())
    report = lint.run_checks(collect(path, EXAMPLES))
    assert [str(p) for p in report.problems] == []
    mine = [r for r in report.scenarios if r.tree == "stairs-check"]
    assert len(mine) >= 4 and all(r.passed for r in mine)
    outcomes = {q for q in report.outcomes if q.startswith("stairs-check/")}
    assert outcomes and outcomes <= set(report.covered)


def test_worked_example_uses_every_node_kind_and_starts_with_the_editor_line():
    text = _worked_example()
    assert text.startswith("# yaml-language-server: $schema=")
    for kind in ("question", "self_test", "measure", "info", "handover", "outcome"):
        assert f"kind: {kind}\n" in text
    for style in ("yes_no", "single", "multi"):
        assert f"style: {style}\n" in text


def test_catalogue_example_loads(tmp_path):
    [block] = [b for b in BLOCK.findall(DOC) if "\ncatalogue: " in b]
    loaded = collect(write(tmp_path, "cat.yaml", block))
    assert loaded.problems == []
    assert set(loaded.library.exercises) == {"side-lying-abduction"}


def _schema_keys(node) -> set[str]:
    found = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                found |= set(value)
            found |= _schema_keys(value)
    elif isinstance(node, list):
        for item in node:
            found |= _schema_keys(item)
    return found


@pytest.mark.parametrize("key", sorted(_schema_keys(tree_schema())))
def test_every_schema_key_is_documented(key):
    assert f"`{key}" in DOC or f"{key}:" in DOC


@pytest.mark.parametrize("word", ["question", "self_test", "measure", "info", "handover", "outcome",
                                  "emergency", "urgent", "routine", "self_care", "entry", "red_flags", "module",
                                  "unlisted", "--trees", "hip-wizard new", "hip-wizard check", "hip-wizard graph",
                                  "hip-wizard play", "could_not", "unsure", "exclusive"])
def test_core_words_are_documented(word):
    assert word in DOC
