"""How each node kind is asked on the walk screen: a table, so a new node kind is one line here and one
small module (a `Kind`) that fills the screen's frame.

Kinds are imported on first use: each pulls in its own widgets (Input, Button...), and the first question
should not wait for kinds it does not need.
"""

from __future__ import annotations

from importlib import import_module

from wizard.content.model import Info, Measure, Question, SelfTest
from wizard.tui.kinds.base import Kind

KINDS = {
    Question: ("question", "QuestionKind"),
    SelfTest: ("self_test", "SelfTestKind"),
    Measure: ("measure", "MeasureKind"),
    Info: ("info", "InfoKind"),
}

__all__ = ["KINDS", "Kind", "kind_for"]


def kind_for(node) -> type[Kind]:
    """The Kind that asks `node`."""
    module, name = KINDS[type(node)]
    return getattr(import_module(f"{__package__}.{module}"), name)
