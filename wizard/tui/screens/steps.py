"""Which screen asks which node kind: a table, so a new node kind is one line here and one screen file."""

from __future__ import annotations

from ...model import Info, Measure, Question, SelfTest
from .info import InfoScreen
from .measure import MeasureScreen
from .question import QuestionScreen
from .self_test import SelfTestScreen

STEP_SCREENS = {Question: QuestionScreen, SelfTest: SelfTestScreen, Measure: MeasureScreen, Info: InfoScreen}
