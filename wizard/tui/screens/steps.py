"""Which screen asks which node kind: a table, so a new node kind is one line here and one screen file.

Screens are imported on first use: each pulls in its own widgets (SelectionList, Input...), and the first
question should not wait for screens it does not need.
"""

from __future__ import annotations

from importlib import import_module

from wizard.content.model import Info, Measure, Question, SelfTest

STEP_SCREENS = {
    Question: ("question", "QuestionScreen"),
    SelfTest: ("self_test", "SelfTestScreen"),
    Measure: ("measure", "MeasureScreen"),
    Info: ("info", "InfoScreen"),
}


def step_screen_for(node):
    """The screen class that asks `node`."""
    module, name = STEP_SCREENS[type(node)]
    return getattr(import_module(f"{__package__}.{module}"), name)
