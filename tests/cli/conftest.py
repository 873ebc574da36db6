"""Helpers for driving the command line in-process (fast) and, where it matters, as a real subprocess."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from wizard.cli import main


@pytest.fixture
def run_cli(capsys):
    """Run `hip-wizard ARGS` in-process; return (exit code, stdout, stderr)."""
    def run(*args: str):
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err
    return run


@pytest.fixture
def write_tree(tmp_path):
    """Write a YAML tree (dedented) into tmp_path and return its path."""
    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path
    return write


def check_json(run_cli, *paths) -> tuple[int, dict]:
    code, out, _ = run_cli("check", "--json", *paths)
    return code, json.loads(out)
