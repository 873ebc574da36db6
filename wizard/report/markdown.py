"""Summary -> Markdown that reads well as plain text and renders well on GitHub.

Tree text is never markup: every string from a tree or a session is folded onto one line and has the
characters Markdown (and the HTML GitHub allows inside Markdown) would act on escaped with a backslash.
"""

from __future__ import annotations

import re

from wizard.report.summary import Summary
from wizard.report import text as t
from wizard.wording import BECAUSE, because, with_unit

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_BULLET_START = re.compile(r"^([-+=>])")
_NUMBER_START = re.compile(r"^(\d+)([.)])")


def esc(value: object) -> str:
    """One line of literal text, safe anywhere inline in Markdown."""
    return _ENTITY.sub(r"\\&", _SPECIAL.sub(r"\\\1", t.one_line(value)))


def para(value: object) -> str:
    """Literal text that starts a line: also keep "1." or "-" at its start from making a list."""
    return _NUMBER_START.sub(r"\1\\\2", _BULLET_START.sub(r"\\\1", esc(value)))


def render(summary: Summary) -> str:
    lines: list[str] = []
    for section in SECTIONS:
        part = section(summary)
        if part:
            lines += [*part, ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _header(s: Summary) -> list[str]:
    return [f"# Hip check summary: {esc(s.tree.title)}", "",
            f"- **Date:** {t.when(s.created)}",
            f"- **Status:** {esc(s.status_words)}",
            f"- **Made with:** hip-wizard {esc(s.app_version)}"]


def _unfinished(s: Summary) -> list[str]:
    if s.status != "unfinished":
        return []
    waiting = f" The next question was: {esc(s.waiting_at)}." if s.waiting_at else ""
    return [f"> **This check is unfinished.**{waiting} "
            "The findings and plan below cover only the answers given so far."]


def _referral(s: Summary) -> list[str]:
    r = s.referral
    if r is None:
        return ["## What to do next", "", "No referral was reached."]
    quote = "> " if r.urgency in ("emergency", "urgent") else ""
    lines = [f"{quote}**{esc(r.words)}**", f"{quote}", f"{quote}Why: {esc(r.reason)}"]
    lines += [f"{quote}", f"{quote}Who to see: {esc(r.to)}"] if r.to else []
    lines += [f"{quote}", f"{quote}What to do: {esc(r.action)}"] if r.action else []
    return ["## What to do next", "", *lines]


def _findings(s: Summary) -> list[str]:
    lines = ["## Findings", ""]
    if not s.findings:
        return lines + ["No findings. (A finding only says what answers may suggest; it is not a diagnosis.)"]
    for f in s.findings:
        lines += [f"### {esc(f.name)}", "", para(f.description), ""]
        lines += [f"What to expect: {esc(f.expect)}", ""] if f.expect else []
        lines += [BECAUSE, *(f"- {esc(because(r.question, r.answer))}" for r in f.reasons), ""]
        lines += [f"Sources: {'; '.join(esc(x) for x in f.sources)}", ""] if f.sources else []
    return lines[:-1]


def _outcomes(s: Summary) -> list[str]:
    if not s.outcomes:
        return []
    return ["## Where your answers led", "",
            *(f"- **{esc(o.title)}**" + (f": {esc(o.text)}" if o.text else "") for o in s.outcomes)]


def _change(s: Summary) -> list[str]:
    c = s.change
    if c is None:
        return []
    lines = ["## Since your last full check", ""]
    if c.baseline_when is not None:
        lines += [f"Compared with your {esc(c.baseline_title)} of {t.when(c.baseline_when)}.", ""]
    if c.stage_headline:
        lines += [f"**{esc(c.stage_headline)}**", "", *(f"- {esc(r)}" for r in c.stage_reasons), ""]
    return lines + [*(f"- {esc(line)}" for line in c.lines)]


def _frame(s: Summary) -> list[str]:
    p = s.plan
    if p is None:
        return []
    lines = [f"## Your plan: stage {p.stage} of 3 ({esc(p.stage_name)})", ""]
    lines += [f"- **Routine:** about {t.minutes(p.minutes)} a session"] if p.minutes else []
    lines += [f"- **Sore side:** {esc(p.side)}"] if p.side else []
    lines += [f"- **Started:** {p.starts:%Y-%m-%d}", f"- **Re-test on:** {p.retest_on:%Y-%m-%d}",
              f"- **Get help if not better by:** {p.get_help_by:%Y-%m-%d}, or at once with any warning sign"]
    days = [d for d in p.week if d.exercises]
    if days:
        lines += ["", "| Day | Routine | Minutes |", "| --- | --- | --- |",
                  *(f"| {d.day} | {', '.join(esc(n) for n in d.exercises)} | {t.number(d.minutes)} |" for d in days)]
    return lines


def _exercise(e) -> list[str]:
    lines = [f"### {esc(e.name)}", "",
             f"- **Kind:** {esc(e.kind)}; works on: {esc(e.target)}",
             f"- **Dose:** {esc(e.dosage)} (about {t.minutes(e.minutes)})"]
    lines += [f"- **Days:** {', '.join(e.days)}"] if e.days else []
    lines += [f"- **Take care:** {esc(c)}" for c in e.cautions]
    lines += [f"- **Easier:** {esc(e.regression)}"] if e.regression else []
    lines += [f"- **Harder:** {esc(e.progression)}"] if e.progression else []
    return lines + ["", "Steps:", "", *(f"{n}. {esc(step)}" for n, step in enumerate(e.steps, 1)), ""]


def _plan(s: Summary) -> list[str]:
    if not s.exercises and not s.advice:
        return []
    lines = ["## Exercises and positions", ""] if s.exercises else []
    for e in s.exercises:
        lines += _exercise(e)
    if s.advice:  # a section of its own, as on the screen, not a sub-heading of the exercises
        lines += ["## Lifestyle changes", "", *(f"- **{esc(a.title)}:** {esc(a.text)}" for a in s.advice), ""]
    return lines[:-1]


def _routine(s: Summary) -> list[str]:
    if not s.routine.steps:
        return []
    steps = [f"{n}. {esc(r.name)}: {esc(r.dosage)}, {t.minutes(r.minutes)}" +
             (f" ({', '.join(r.days)})" if r.days and len(r.days) < 7 else " (every day)")
             for n, r in enumerate(s.routine.steps, 1)]
    return [f"## Your routine (about {t.minutes(s.routine.total_minutes)} a session)", "", *steps]


def _retests(s: Summary) -> list[str]:
    return ["## When to re-test", "", *(f"- {esc(r)}" for r in s.retests)] if s.retests else []


def _measures(s: Summary) -> list[str]:
    if not s.measures:
        return []
    rows = [f"| {esc(m.title)} | {esc(with_unit(t.number(m.value), m.unit))} | {t.number(m.min)} to {t.number(m.max)} |"
            for m in s.measures]
    return ["## Measures", "", "| Measure | Value | Scale |", "| --- | --- | --- |", *rows]


def _trends(s: Summary) -> list[str]:
    if not s.trends:
        return []
    rows = [f"| {esc(tr.title)} ({esc(tr.unit)}) | {' -> '.join(t.number(v) for _, v in tr.points)} | "
            f"{tr.points[0][0]} to {tr.points[-1][0]} |" for tr in s.trends]
    return ["## Over time", "", "| Measure | Values, oldest first | Dates |", "| --- | --- | --- |", *rows]


def _answer(n: int, a) -> list[str]:
    asked = f" ({esc(a.text)})" if a.text and a.text != a.title else ""
    lines = [f"{n}. **{esc(a.title)}**{asked}: {esc(a.label)}"]
    return lines + [f"   - {esc(side.side.capitalize())}: {esc(side.label)}" for side in a.sides]


def _answers(s: Summary) -> list[str]:
    lines = ["## Your answers", ""]
    if not s.answers:
        return lines + ["No answers yet."]
    for n, a in enumerate(s.answers, 1):
        lines += _answer(n, a)
    return lines


def _trees(s: Summary) -> list[str]:
    return ["## Question sets used", "",
            *(f"- {esc(tr.title)} ({esc(tr.id)}), version {esc(tr.version)}, content `{tr.short_hash}`"
              for tr in s.trees)]


def _notes(s: Summary) -> list[str]:
    return ["## Notes", "", *(f"- {esc(n)}" for n in s.notes)] if s.notes else []


def _disclaimer(s: Summary) -> list[str]:
    return ["---", "", f"*{esc(s.disclaimer)}*"]


SECTIONS = (_header, _unfinished, _referral, _change, _findings, _outcomes, _frame, _routine, _plan, _retests,
            _measures, _trends, _answers, _trees, _notes, _disclaimer)
