"""Every `# yaml-language-server: $schema=` line names a real file that holds the tree schema, wherever the
tree lives: the repository, an installed wheel, a file from `hip-wizard new`, and the docs' worked example
saved as the docs say (new-user-and-author review item 19)."""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path

import pytest

from wizard.cli import main

REPO = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((REPO / "wizard" / "schema" / "tree.schema.json").read_text())
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.M)
BUNDLED = sorted((REPO / "trees").rglob("*.yaml"))


def _schema_named_by(tree: Path) -> dict:
    """The schema an editor would load for `tree`: the modeline's path, relative to the file."""
    found = MODELINE.search(tree.read_text(encoding="utf-8"))
    assert found, f"{tree} has no schema line"
    target = tree.parent / found.group(1)
    assert target.is_file(), f"{tree}: the schema line names {target}, which does not exist"
    return json.loads(target.read_text())


@pytest.mark.parametrize("tree", BUNDLED, ids=lambda p: str(p.relative_to(REPO)))
def test_bundled_modelines_resolve_in_the_repository(tree):
    assert _schema_named_by(tree) == SCHEMA


def _wheel_layout(into: Path) -> Path:
    """The package as the wheel lays it out, from pyproject's own mapping (links copied as files)."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["hatch"]["build"]["targets"]["wheel"]
    for package in config["packages"]:
        shutil.copytree(REPO / package, into / package, symlinks=False)
    for source, target in config.get("force-include", {}).items():
        shutil.copytree(REPO / source, into / target, symlinks=False, dirs_exist_ok=True)
    return into


def test_bundled_modelines_resolve_in_an_installed_wheel(tmp_path):
    site = _wheel_layout(tmp_path / "site-packages")
    installed = sorted((site / "wizard" / "trees").rglob("*.yaml"))
    assert len(installed) == len(BUNDLED)
    for tree in installed:
        assert _schema_named_by(tree) == SCHEMA, tree


def test_new_writes_a_modeline_that_resolves_without_a_venv_path(tmp_path, capsys):
    target = tmp_path / "mytrees" / "knee-or-hip.yaml"
    target.parent.mkdir()
    assert main(["new", "knee-or-hip", "-o", str(target)]) == 0
    assert _schema_named_by(target) == SCHEMA
    assert "site-packages" not in target.read_text() and str(REPO) not in target.read_text()
    moved = tmp_path / "shared"
    shutil.move(target.parent, moved)  # a shared or moved folder keeps working
    assert _schema_named_by(moved / target.name) == SCHEMA


def test_the_worked_example_saved_as_the_docs_say_resolves(tmp_path, capsys):
    doc = (REPO / "docs" / "authoring.md").read_text()
    example = re.search(r"```yaml\n(.*?)```", doc[doc.index("<!-- worked-example -->"):], re.S).group(1)
    target = tmp_path / "mytrees" / "stairs-check.yaml"
    target.parent.mkdir()
    assert main(["new", "stairs-check", "-o", str(target)]) == 0
    target.write_text(example)
    assert _schema_named_by(target) == SCHEMA
    assert main(["check", str(target)]) == 0
