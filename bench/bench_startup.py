"""Time from process start to the first question on screen, against a bare Textual app showing one line.

Both programs run in a real pseudo-terminal (80x24), in the same run, alternating, so machine load hits
both alike. The clock stops when the expected words appear in what the program wrote to the terminal.
Prints the medians and the ratio (target: 1.25 or less). A benchmark, never a timed test.

    python bench/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ptyrun import PtyProgram  # noqa: E402

BARE_APP = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("bare textual ready")

Bare().run()
"""
BARE_WORDS = b"bare textual ready"
WIZARD = [sys.executable, "-m", "wizard", "run", "example"]
WIZARD_WORDS = b"Continue"  # the first step of the example walk (an info step with a Continue button)


def time_to_words(argv: list[str], words: bytes) -> float:
    with PtyProgram(argv) as program:
        return program.wait_for(words)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    bare, wizard = [], []
    for _ in range(runs):
        bare.append(time_to_words([sys.executable, "-c", BARE_APP], BARE_WORDS))
        wizard.append(time_to_words(WIZARD, WIZARD_WORDS))
    bare_ms, wizard_ms = statistics.median(bare) * 1000, statistics.median(wizard) * 1000
    print(f"bare Textual app, one line : median {bare_ms:7.1f} ms  (runs: {_list(bare)})")
    print(f"hip-wizard, first question : median {wizard_ms:7.1f} ms  (runs: {_list(wizard)})")
    print(f"ratio                      : {wizard_ms / bare_ms:.2f}  (target <= 1.25)")
    return 0


def _list(times: list[float]) -> str:
    return ", ".join(f"{t * 1000:.0f}" for t in times)


if __name__ == "__main__":
    raise SystemExit(main())
