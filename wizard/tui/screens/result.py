"""The result: urgency banner, findings with "because you said", the plan, the disclaimer, export and new."""

from __future__ import annotations

from itertools import groupby

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from wizard.content.model import Exercise
from wizard.walk.result import FindingResult, Result
from wizard.tui import keymap
from wizard.tui.disclaimer import SHORT_DISCLAIMER
from wizard.tui.messages import GoBack
from wizard.tui.safe_text import literal
from wizard.tui.widgets.urgency_banner import UrgencyBanner
from wizard.tui.widgets.key_bar import KeyBar

KIND_TITLES = {"stretch": "Stretches", "strengthening": "Strengthening", "mobility": "Mobility", "relief": "Relief"}


class ResultScreen(Screen):
    BINDINGS = keymap.RESULT
    HELP_TOPIC = "result"

    def __init__(self, result: Result, outcomes: tuple | None = None, comparison: list[str] | None = None) -> None:
        """`outcomes`: the reached outcomes worth a line (the app leaves out waypoints that only close a module);
        `comparison`: after a re-test, plain lines comparing it with the last full check."""
        super().__init__()
        self.result = result
        self.outcomes = result.outcomes if outcomes is None else outcomes
        self.comparison = comparison

    def compose(self) -> ComposeResult:
        yield UrgencyBanner(self.result.urgency)
        with VerticalScroll(id="result-body"):
            yield from self._referral()
            yield from self._comparison()
            yield from self._findings()
            yield from self._not_offered()
            yield from self._plan()
            yield from self._outcomes()
            yield Static(literal((SHORT_DISCLAIMER, "italic")), id="disclaimer", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#result-body").focus()

    def _referral(self) -> ComposeResult:
        referral = self.result.referral
        if referral:
            parts = [("What to do: ", "bold"), referral.action or referral.reason]
            if referral.to:
                parts += ["\n", ("Who to see: ", "bold"), referral.to]
            if referral.action:
                parts += ["\n", ("Why: ", "bold"), referral.reason]
            yield Static(literal(*parts), id="referral", classes="section", markup=False)

    def _comparison(self) -> ComposeResult:
        if self.comparison is not None:
            yield Static(literal(("Since your last full check", "bold underline")), classes="heading", markup=False)
            yield Static(literal("\n".join(self.comparison) or "No tests or measures to compare."),
                         id="comparison", classes="section", markup=False)

    def _outcomes(self) -> ComposeResult:
        shown = [o for o in self.outcomes if o.text]
        if shown:
            yield Static(literal(("What each part of the check found", "bold underline")), classes="heading",
                         markup=False)
        for outcome in shown:
            yield Static(literal((outcome.title, "bold"), "\n", outcome.text), classes="outcome", markup=False)

    def _findings(self) -> ComposeResult:
        if self.result.findings:
            yield Static(literal(("What your answers may suggest", "bold underline")), classes="heading",
                         markup=False)
        for item in self.result.findings:
            yield Static(finding_text(item), classes="finding", markup=False)

    def _not_offered(self) -> ComposeResult:
        """Tests a caution kept from this person, each with the caution's plain reason."""
        for skipped in self.result.not_offered:
            yield Static(literal((skipped.title, "bold"), " was not offered: ", skipped.caution.says),
                         classes="not-offered", markup=False)

    def _plan(self) -> ComposeResult:
        exercises = sorted(self.result.exercises, key=lambda e: e.kind)
        if exercises or self.result.advice:
            minutes = sum(e.minutes for e in exercises)
            yield Static(literal(("Your plan", "bold underline"), f"  (about {minutes:g} minutes a session)"
                                 if exercises else ""), classes="heading", markup=False)
        for kind, group in groupby(exercises, key=lambda e: e.kind):
            yield Static(literal((KIND_TITLES.get(kind, kind.title()), "bold")), classes="subheading", markup=False)
            for exercise in group:
                yield Static(exercise_text(exercise), classes="exercise", markup=False)
        for advice in self.result.advice:
            yield Static(literal(("Tip: ", "bold"), (advice.title, "bold"), "\n", advice.text), classes="advice",
                         markup=False)
        for retest in self.result.retests:
            yield Static(literal(("Re-test: ", "bold"), retest), classes="retest", markup=False)

    def action_export(self, fmt: str) -> None:
        self.app.export_session(fmt)

    def action_new_session(self) -> None:
        self.app.action_new_session()

    def action_review(self) -> None:
        self.app.action_review()

    def action_back(self) -> None:
        self.post_message(GoBack())


def finding_text(item: FindingResult):
    parts: list = [(item.finding.name, "bold"), "\n", item.finding.description]
    for reason in item.reasons:
        parts += ["\n  because you said ", (reason.answer_text, "bold"), " to: ", reason.question]
    return literal(*parts)


def exercise_text(exercise: Exercise):
    parts: list = [(exercise.name, "bold"), f"  ({exercise.minutes:g} min)", "\n", ("Dose: ", "bold"),
                   exercise.dosage.text]
    for number, step in enumerate(exercise.steps, 1):
        parts += ["\n", f"  {number}. ", step]
    for caution in exercise.cautions:
        parts += ["\n", ("  Caution: ", "bold"), caution]
    return literal(*parts)
