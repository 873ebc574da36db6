"""Time from a key press to the next question drawn, paired with a bare Textual app updating in place.

hip-wizard walks the example tree (info -> yes/no -> single choice -> self-test), then goes back and
forward between the last two steps; each sample is the time from writing the key to the pty until the
next step's words appear in what the program wrote back. The bare app (a Static and a Footer) swaps the
same words in place with `Static.update` on the same keys. A second bare app changes what a step change
changes (title, question and answer list, in place): the least Textual needs to draw the same thing, shown
for information. All three run side by side and presses alternate, so load hits them alike; each round is
a fresh set of processes, and the ratio per round is the median press of one over the median press of the
other. Prints the median and spread of those ratios (target against the one-line update: 1.5 or less) and
the load average. A benchmark, never a timed test.

    python bench/bench_keypress.py [--rounds 7] [--presses 20] [--repo PATH]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ptyrun import PtyProgram, as_installed, load_average, paired_summary
from bench_startup import Sandbox

WIZARD = [sys.executable, "-m", "wizard", "run", "example"]
FIRST = b"Continue"
WALK_IN = [(b"\r", b"a fever or shivers"), (b"n", b"Where do you feel"), (b"1", b"Stop at once")]
BACK_AND_FORTH = [(b"b", b"Where do you feel"), (b"1", b"Stop at once")]
BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Static

class Bare(App):
    BINDINGS = [("b", "show('Where do you feel')", "Back"), ("1", "show('Stop at once')", "One")]

    def compose(self):
        yield Static("Continue", id="text")
        yield Footer()

    def action_show(self, words):
        self.query_one("#text", Static).update(words)

Bare().run()
"""
# The same visible change as a step: a new title, question and answer list, updated in place (information:
# the least Textual itself needs to draw what the wizard draws; no target).
BARE_STEP_APP = """
from textual.app import App
from textual.widgets import Footer, OptionList, Static

STEPS = {"Where do you feel": ("Where it hurts", ["On the outside of the hip", "In the groin", "In the buttock"]),
         "Stop at once": ("Standing on one leg", ["Positive", "Negative", "Could not do it"])}

class BareStep(App):
    BINDINGS = [("b", "show('Where do you feel')", "Back"), ("1", "show('Stop at once')", "One")]

    def compose(self):
        yield Static("Title", id="title")
        yield Static("Continue", id="text")
        yield OptionList("Yes", "No", id="choices")
        yield Footer()

    def action_show(self, words):
        title, options = STEPS[words]
        self.query_one("#title", Static).update(title)
        self.query_one("#text", Static).update(words)
        choices = self.query_one(OptionList)
        choices.clear_options()
        choices.add_options(options)

BareStep().run()
"""


def press(program: PtyProgram, key: bytes, words: bytes) -> float:
    return program.wait_for(words, since=program.send(key))


def one_round(presses: int, env: dict, repo: Path) -> tuple[float, ...]:
    """Median press of the wizard, the one-line bare app and the whole-step bare app, presses alternating."""
    samples: list[list[float]] = [[], [], []]
    with PtyProgram(WIZARD, env=env, cwd=repo) as wizard, \
            PtyProgram([sys.executable, "-c", BARE_APP], env=env, cwd=repo) as bare, \
            PtyProgram([sys.executable, "-c", BARE_STEP_APP], env=env, cwd=repo) as bare_step:
        programs = (wizard, bare, bare_step)
        for program in programs:
            program.wait_for(FIRST)
        for key, words in WALK_IN:
            press(wizard, key, words)
        while len(samples[0]) < presses:
            for key, words in BACK_AND_FORTH:
                for program, taken in zip(programs, samples, strict=True):
                    taken.append(press(program, key, words))
    return tuple(statistics.median(taken) for taken in samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--presses", type=int, default=20)
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[1])
    args = parser.parse_args()
    repo = args.repo.resolve()
    as_installed(repo)
    sandbox = Sandbox(repo)
    try:
        print(f"hip-wizard from {repo}; load average before: {load_average()}")
        rounds = [one_round(args.presses, sandbox.env("warm"), repo) for _ in range(args.rounds)]
        print(paired_summary("key press -> next question drawn", [(w, b) for w, b, _ in rounds], 1.5))
        print(paired_summary("  vs a whole step updated in place", [(w, s) for w, _, s in rounds]))
        print(f"load average after: {load_average()}")
    finally:
        sandbox.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
