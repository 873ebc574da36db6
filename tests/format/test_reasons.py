"""'Because you said' names the answers that made a finding hold, never a page of "No" to warning signs."""

from __future__ import annotations

from wizard.walk.engine import Session

from .conftest import outcome, tree, yes_no


def test_no_answers_to_red_flags_are_not_reasons(build):
    flags = {f"flag{i}": yes_no(f"Warning sign {i}?", red_flag="urgent", if_yes="doctor", if_no=f"flag{i + 1}")
             for i in range(1, 4)}
    flags["flag3"]["if_no"] = "long"
    library = build(tree("screen2", {**flags, "long": yes_no("Has it lasted 3 months?", if_yes="slow", if_no="new"),
                                     "doctor": outcome("Doctor", "urgent"), "slow": outcome("Long-standing", "routine"),
                                     "new": outcome("New pain", "self_care")})).library
    session = Session(library, "screen2")
    for value in (False, False, False, True):
        session.answer(value)
    [reached] = session.result().outcomes
    assert [r.question for r in reached.reasons] == ["Has it lasted 3 months?"]
