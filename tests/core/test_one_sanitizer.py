"""Every front end and exporter cleans outside text with the same character set (wizard/text.py).

One property, checked against each front end's own entry point: whatever text a tree, an answers file or
a saved session holds, no control, bidi or surrogate character reaches the terminal, the app's screen or a
human-readable export, and every other character does.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from wizard.history.views import clean as history_clean
from wizard.report import text as report_text
from wizard.text import REPLACEMENT, UNSAFE, sanitize, terminal_safe, visible
from wizard.tui.safe_text import clean as tui_clean
from wizard.tui.safe_text import literal

UNSAFE_SAMPLES = ["\x1b", "\x00", "\x07", "\x7f", "\x85", "\x9b", "\u061c", "\u200e", "\u200f", "\u202e",
                  "\u2066", "\u2069", "\ud800", "\udfff"]
# Any text, with the characters that matter drawn often enough to meet them in every run.
TEXT = st.lists(st.one_of(st.sampled_from(UNSAFE_SAMPLES), st.characters(), st.sampled_from("\t\n"))).map("".join)

# Each front end's way of turning outside text into what a person sees; tabs and newlines are theirs to fold.
STRIPPING = {
    "plain, play, check, graph": terminal_safe,
    "app screens": tui_clean,
    "app widgets (Content)": lambda text: literal(text).plain,
    "history views": history_clean,
}
REPLACING = {
    "Markdown and HTML exports": report_text.visible,
    "one-line export cells": report_text.one_line,
}


def _kept(text: str) -> str:
    return " ".join("".join(ch for ch in text if not UNSAFE.match(ch)).split())


@pytest.mark.parametrize("front_end", STRIPPING)
@settings(max_examples=150, deadline=None)
@given(text=TEXT)
def test_stripping_front_ends_drop_exactly_the_unsafe_characters(front_end, text):
    shown = STRIPPING[front_end](text)
    assert not UNSAFE.search(shown)
    assert " ".join(shown.split()) == _kept(text)


@pytest.mark.parametrize("exporter", REPLACING)
@settings(max_examples=150, deadline=None)
@given(text=TEXT)
def test_exports_mark_exactly_the_unsafe_characters(exporter, text):
    shown = REPLACING[exporter](text)
    assert not UNSAFE.search(shown)
    unsafe = sum(1 for ch in text if UNSAFE.match(ch))
    assert shown.count(REPLACEMENT) == unsafe + text.count(REPLACEMENT)


@given(text=TEXT)
def test_strip_and_replace_modes_agree_on_what_is_unsafe(text):
    assume(REPLACEMENT not in text)
    assert sanitize(text, "strip") == visible(text).replace(REPLACEMENT, "")


@pytest.mark.parametrize("char", UNSAFE_SAMPLES)
def test_each_known_trick_is_caught(char):
    assert terminal_safe(f"a{char}b") == "ab"
    assert visible(f"a{char}b") == f"a{REPLACEMENT}b"
