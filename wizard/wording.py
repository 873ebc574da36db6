"""Every sentence the program says to a person in more than one place: app, plain mode, exports, history.

One module so that the same thing is always said the same way (a test checks the front ends use it), and so
that a translation later has one place to start. Pure text: no textual, no rich, no tree content (tree text
is the authors'; these are our own words). Words used by one screen only stay with that screen.
"""

from __future__ import annotations

# --- safety and disclaimers --------------------------------------------------------------------------------

EMERGENCY_NUMBERS = "112 in Europe, 911 in North America, 999 in the UK, 000 in Australia"

START_EMERGENCY = f"Emergency? Call {EMERGENCY_NUMBERS}."
START_ABOUT = (
    "hip-wizard asks about your hip pain, guides you through simple self-tests and suggests exercises, "
    "changes to daily life or who to see. It is not a doctor, cannot examine you and does not diagnose. "
    "Safety questions come first; if an answer needs urgent care, the check stops and says so."
)
START_DISCLAIMER = f"{START_ABOUT}\n{START_EMERGENCY}"

SHORT_DISCLAIMER = ("hip-wizard is not a doctor and does not diagnose. It suggests what your answers may be "
                    "consistent with. If you are worried, or things get worse, see a clinician.")

SUMMARY_DISCLAIMER = (
    "This summary comes from a self-check tool, not from an examination. It does not diagnose anything: "
    "findings only say what your answers may suggest. If your pain is severe, getting worse, or comes with "
    "fever, feeling unwell, numbness, weakness or problems with bladder or bowels, get medical help now. "
    "Show this summary to a physiotherapist or doctor rather than treating it as a final answer."
)

HISTORY_DISCLAIMER = ("hip-wizard is not a doctor and does not diagnose; these are your own answers over time. "
                      "If you are worried, or things get worse, see a clinician.")

EMERGENCY_HEADLINE = "EMERGENCY - ACT NOW"
EMERGENCY_DEFAULT_ACTION = "Call emergency services or go to an emergency department now."
EMERGENCY_CALL = f"Emergency numbers: {EMERGENCY_NUMBERS}."
EMERGENCY_STOPPED = ("The check has stopped here: this matters more than anything else it could tell you. "
                     "If you are unsure, get help now rather than wait.")

# --- urgency and results (shown for the engine's codes) ----------------------------------------------------

URGENCY_WORDS = {
    "emergency": "Emergency: call emergency services or go to an emergency department now",
    "urgent": "Urgent: speak to a doctor today",
    "routine": "Routine: book a GP or physiotherapist in the coming days to weeks",
    "self_care": "Self-care: structured self-management, with clear advice on when to get help",
}
NO_REFERRAL = "No referral: nothing you said needs a clinician, but see the advice on when to get help."

RESULT_LABELS = {
    "left": "Positive on the left", "right": "Positive on the right", "both": "Positive on both sides",
    "neither": "Negative on both sides", "positive": "Positive", "negative": "Negative",
    "could_not": "Could not do it", "unsure": "Unsure",
}
YES, NO = "Yes", "No"
def with_unit(number: str, unit: str) -> str:
    """A number and its unit as people write them: '2/10', '95%', but '45 years', '30 seconds'."""
    return f"{number}{'' if unit[:1] in ('/', '%') else ' '}{unit}".rstrip()


NOTHING_TICKED = "Nothing ticked"  # an empty checklist answer, where the list has no "None of these"


def walks(count: int) -> str:
    """'1 walk', '2 walks': the history's count of checks."""
    return f"{count} walk" + ("" if count == 1 else "s")

WHO = {"alone": "You can do this on your own.", "partner": "You need someone to help you with this.",
       "either": "You can do this on your own; it is easier with someone to help."}
POSITIVE_FEELS = "A positive result feels like: "
YOUR_ANSWER, YOUR_RESULT = "Your answer", "Your result"  # over the answer list of a question / a self-test
STOP_RULE = "STOP"

# --- during a walk -----------------------------------------------------------------------------------------

ANSWER_CHANGED = "Answer changed. Later answers that still apply are kept."
FIRST_STEP = "That was the first step."
WHY_DEFAULT = "It helps the wizard decide what comes next."
ANSWERS_KEPT = "Your answers are saved; start hip-wizard again to carry on where you stopped."
STOPPED = "Stopped."
STOPPED_SAVED = f"{STOPPED} {ANSWERS_KEPT}"
STOPPED_LOST = f"{STOPPED} These answers were not saved and are now lost."
LEAVE_WARNING = "Leave this check? Your answers so far will be lost: history is not being saved this time."
QUIT_WARNING = "Quit now? Your answers so far will be lost: history is not being saved this time."
TOO_SMALL = "Window too small: make the window bigger or use --plain."
MORE_BELOW = "▼ more below: PgDn or the mouse wheel"
INPUT_ENDED = "Input ended, so nothing was started."


def progress(number: int, remaining: int) -> str:
    """'Step 4 · about 6 more'. `remaining` counts this step too (`wizard.walk.progress.expected`), so what is
    left after it is one less; it is an estimate along the likely path: say "about", and "last step" at the
    end."""
    after = remaining - 1
    return f"Step {number} · " + ("last step" if after <= 0 else f"about {after} more")


def number_range(low: float, high: float, unit: str = "", whole: bool = False) -> str:
    """'0 to 10' for a score out of 10 (a unit such as "/10" only repeats the top), '16 to 110 years'."""
    shown_unit = "" if unit.strip().startswith("/") else unit.strip()
    text = f"{low:g} to {high:g}" + (f" {shown_unit}" if shown_unit else "")
    return text + (", whole numbers" if whole else "")


def type_a_number(low: float, high: float, unit: str = "", whole: bool = False) -> str:
    return f"Type a number from {number_range(low, high, unit, whole)}."


def does_not_fit(problem: object) -> str:
    """A number of the right kind that the step still refuses (out of range, not whole)."""
    return f"That does not fit: {problem}."


def pick_a_number(count: int) -> str:
    return f"Type a number from 1 to {count}." if count > 1 else "Type 1."


BECAUSE = "Because you said:"


def because(question: str, answer: str) -> str:
    """One reason behind a finding, the way the exports list answers: 'Where it hurts: The outside of the hip'."""
    return f"{question}: {answer}"


EXPORT_FORMATS = {"md": "Markdown", "html": "HTML", "json": "JSON", "fhir": "FHIR"}


def export_saved(fmt: str, path: object) -> str:
    return f"{EXPORT_FORMATS.get(fmt, fmt)} summary saved to {path}"


def export_command(fmt: str) -> tuple[str, str]:
    """(title, help) of the palette command that exports in `fmt`."""
    name = EXPORT_FORMATS.get(fmt, fmt)
    article = "an" if name == "HTML" else "a"  # said "aitch-tee-em-el"; FHIR is said "fire"
    return f"Export as {name}", f"Save {article} {name} summary of this session"
