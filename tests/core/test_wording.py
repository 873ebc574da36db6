"""One voice: the sentences the app, plain mode, exports and history share live in wizard/wording.py only."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard import wording

WIZARD = Path(wording.__file__).parent


def _shared_sentences() -> list[str]:
    texts = [wording.START_ABOUT, wording.SHORT_DISCLAIMER, wording.SUMMARY_DISCLAIMER,
             wording.HISTORY_DISCLAIMER, wording.EMERGENCY_NUMBERS, wording.ANSWER_CHANGED, wording.TOO_SMALL,
             wording.STOPPED_SAVED, wording.STOPPED_LOST, *wording.URGENCY_WORDS.values(), wording.NO_REFERRAL]
    return texts + [label for label in wording.RESULT_LABELS.values() if " " in label]


def test_no_other_module_spells_a_shared_sentence_itself():
    copies = [(path.relative_to(WIZARD).as_posix(), text[:40]) for path in WIZARD.rglob("*.py")
              if path.name != "wording.py" for text in _shared_sentences()
              if text[:40] in path.read_text(encoding="utf-8")]
    assert copies == []


@pytest.mark.parametrize("low, high, unit, whole, said", [
    (0, 10, "/10", True, "0 to 10, whole numbers"),
    (16, 110, "years", True, "16 to 110 years, whole numbers"),
    (0, 100, "%", False, "0 to 100 %"),
    (0.5, 2, "", False, "0.5 to 2"),
])
def test_a_range_reads_as_words(low, high, unit, whole, said):
    assert wording.number_range(low, high, unit, whole) == said


def test_progress_counts_what_is_left_after_this_step():
    assert wording.progress(1, 5) == "Step 1 · about 4 more"
    assert wording.progress(60, 1) == "Step 60 · last step"


def test_export_commands_use_the_right_article():
    assert wording.export_command("html")[1] == "Save an HTML summary of this session"
    assert wording.export_command("fhir")[1] == "Save a FHIR summary of this session"
