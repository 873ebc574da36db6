"""One line, terminal-safe text for the line-based front ends (attack run F4 and observations)."""

from __future__ import annotations

from wizard.errors import Problem, one_line
from wizard.text import terminal_safe


def test_terminal_safe_drops_the_arabic_letter_mark_like_the_app_does():
    assert terminal_safe("a\u061cb\u202ec\x1b[2Jd") == "abc[2Jd"


def test_every_kind_of_line_end_is_folded():
    assert one_line("a\nb\r\nc\rd\u2028e\u2029f\x85g") == "a / b / c / d / e / f / g"
    assert "\n" not in str(Problem("f\n.yaml", 1, 1, "x\ny", node="n\nm"))
