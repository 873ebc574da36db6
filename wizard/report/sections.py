"""Summary -> titled sections of styled plain text, for screens (the app's result screen).

The exports render the `Summary`; so does the screen, through this module, in the exports' order and with
what they carry (what to expect, because-you-said, sources, the plan's stage, week and dates, dosage, days,
cautions, easier and harder versions, the change since the last full check). The answers and the tree
list stay in the exports and the review screen. Text stays literal: a front end must never read it as
markup. Pure: no Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass

from wizard.report import text as t
from wizard.report.summary import Summary
from wizard.wording import BECAUSE, because, with_unit

Part = tuple[str, str]  # (text, style): style "" plain, "bold", "italic"
BOLD, PLAIN = "bold", ""


@dataclass(frozen=True)
class Section:
    """One heading and its paragraphs; each paragraph is a run of styled parts."""

    id: str
    heading: str | None
    paragraphs: tuple[tuple[Part, ...], ...]


def sections(summary: Summary) -> list[Section]:
    found = [build(summary) for build in BUILDERS]
    return [s for s in found if s is not None and s.paragraphs]


def plain_text(section: Section) -> str:
    """A section as plain text (heading, then paragraphs), e.g. for tests and screen readers."""
    body = ["".join(text for text, _ in p) for p in section.paragraphs]
    return "\n".join(([section.heading] if section.heading else []) + body)


def _referral(s: Summary) -> Section | None:
    r = s.referral
    if r is None:
        return None
    # the urgency words are the screen's banner, right above: the box says why, who and what, not them again
    parts: list[Part] = [("Why: ", BOLD), (r.reason, PLAIN)]
    parts += [("\nWho to see: ", BOLD), (r.to, PLAIN)] if r.to else []
    parts += [("\nWhat to do: ", BOLD), (r.action, PLAIN)] if r.action else []
    return Section("referral", "What to do next", (tuple(parts),))


def _change(s: Summary) -> Section | None:
    c = s.change
    if c is None:
        return None
    paras: list[tuple[Part, ...]] = []
    if c.baseline_when is not None:
        paras.append(((f"Compared with your {c.baseline_title} of {t.when(c.baseline_when)}.", PLAIN),))
    if c.stage_headline:
        paras.append(((c.stage_headline, BOLD), *((f"\n  {r}", PLAIN) for r in c.stage_reasons)))
    paras += [((line, PLAIN),) for line in c.lines]
    return Section("change", "Since your last full check", tuple(paras))


def _findings(s: Summary) -> Section:
    none = "No findings. (A finding only says what answers may suggest; it is not a diagnosis.)"
    paragraphs = tuple(_finding(f) for f in s.findings) or (((none, PLAIN),),)
    return Section("findings", "Findings", paragraphs)


def _finding(f) -> tuple[Part, ...]:
    parts: list[Part] = [(f.name, BOLD), ("\n" + f.description, PLAIN)]
    parts += [("\nWhat to expect: ", BOLD), (f.expect, PLAIN)] if f.expect else []
    parts += [("\n" + BECAUSE, BOLD)] if f.reasons else []
    for r in f.reasons:  # as the exports list them: "Where it hurts: The outside of the hip"
        parts += [("\n  - " + because(r.question, r.answer), PLAIN)]
    parts += [("\nSources: ", BOLD), ("; ".join(f.sources), PLAIN)] if f.sources else []
    return tuple(parts)


def _outcomes(s: Summary) -> Section | None:
    return Section("outcomes", "Where your answers led",
                   tuple(((o.title, BOLD), (f": {o.text}" if o.text else "", PLAIN)) for o in s.outcomes))


def _frame(s: Summary) -> Section | None:
    p = s.plan
    if p is None:
        return None
    facts: list[Part] = [(f"Routine: about {t.minutes(p.minutes)} a session", PLAIN)] if p.minutes else []
    facts += [(f"\nSore side: {p.side}", PLAIN)] if p.side else []
    facts += [(f"\nStarted: {p.starts:%Y-%m-%d}. Re-test on: {p.retest_on:%Y-%m-%d}.", PLAIN),
              (f"\nGet help if not better by: {p.get_help_by:%Y-%m-%d}", BOLD), (", or at once with any warning sign",
                                                                                  PLAIN)]
    week = tuple((f"{d.day}: {', '.join(d.exercises)} ({t.minutes(d.minutes)})", PLAIN) for d in p.week if d.exercises)
    paras = (tuple(facts),) + ((tuple(_lines(week)),) if week else ())
    return Section("plan", f"Your plan: stage {p.stage} of 3 ({p.stage_name})", paras)


def _lines(parts: tuple[Part, ...]) -> list[Part]:
    return [(("\n" if n else "") + text, style) for n, (text, style) in enumerate(parts)]


def _routine(s: Summary) -> Section | None:
    if not s.routine.steps:
        return None
    steps = tuple((f"{n}. {r.name}: {r.dosage}, {t.minutes(r.minutes)}" +
                   (f" ({', '.join(r.days)})" if r.days and len(r.days) < 7 else " (every day)"), PLAIN)
                  for n, r in enumerate(s.routine.steps, 1))
    return Section("routine", f"Your routine (about {t.minutes(s.routine.total_minutes)} a session)",
                   (tuple(_lines(steps)),))


def _exercises(s: Summary) -> Section | None:
    if not s.exercises:
        return None
    return Section("exercises", "Exercises and positions", tuple(_exercise(e) for e in s.exercises))


def _exercise(e) -> tuple[Part, ...]:
    parts: list[Part] = [(e.name, BOLD), (f"\nKind: {e.kind}; works on: {e.target}", PLAIN),
                         ("\nDose: ", BOLD), (f"{e.dosage} (about {t.minutes(e.minutes)})", PLAIN)]
    parts += [(f"\nDays: {', '.join(e.days)}", PLAIN)] if e.days else []
    for caution in e.cautions:
        parts += [("\nTake care: ", BOLD), (caution, PLAIN)]
    parts += [("\nEasier: ", BOLD), (e.regression, PLAIN)] if e.regression else []
    parts += [("\nHarder: ", BOLD), (e.progression, PLAIN)] if e.progression else []
    parts += [(f"\n  {n}. {step}", PLAIN) for n, step in enumerate(e.steps, 1)]
    return tuple(parts)


def _advice(s: Summary) -> Section | None:
    if not s.advice:
        return None
    return Section("advice", "Lifestyle changes", tuple(((a.title, BOLD), ("\n" + a.text, PLAIN)) for a in s.advice))


def _retests(s: Summary) -> Section | None:
    return Section("retests", "When to re-test", tuple(((r, PLAIN),) for r in s.retests)) if s.retests else None


def _measures(s: Summary) -> Section | None:
    if not s.measures:
        return None
    return Section("numbers", "Measures", (tuple(_lines(tuple(
        (f"{m.title}: {with_unit(t.number(m.value), m.unit)} (scale {t.number(m.min)} to {t.number(m.max)})", PLAIN)
        for m in s.measures))),))


def _notes(s: Summary) -> Section | None:
    """Tests a caution kept from this person (with the reason), and what changed since the walk was saved."""
    return Section("notes", "Notes", tuple(((n, PLAIN),) for n in s.notes)) if s.notes else None


BUILDERS = (_referral, _change, _findings, _outcomes, _frame, _routine, _exercises, _advice, _retests, _measures,
            _notes)
