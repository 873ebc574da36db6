"""Time from a key press to the next question drawn, against bare Textual apps, at two paces.

hip-wizard walks the example tree (info -> yes/no -> single choice -> self-test), then goes back and
forward between the last two steps; each sample is the time from writing the key to the pty until the
next step's words appear in what the program wrote back. Two bare apps get the same keys: one swaps the
words in place with `Static.update` (the issue's baseline), one changes what a step change changes (title,
question and answer list, in place: the least Textual itself needs to draw what the wizard draws).

The pace matters because Textual draws at most 60 frames a second: a key that arrives within a frame of
the last drawing waits for the next frame slot (up to 16.7 ms), one that arrives later is drawn at once.

- **back to back** (how the 2026-11 review measured, and the issue's goal): each program on its own, the
  next key sent as soon as the last step is drawn. Every program pays the frame wait, the bare ones too.
- **at a person's pace**: a pause (`--pause`, 0.15 s) before every key, the programs taking turns. No
  frame wait: this is the program's own work, and what a person pressing keys feels.

Each round is a fresh set of processes; the ratio per round is the median press of one over the median
press of the other. Prints the median and spread of those ratios and the load average. A benchmark, never
a timed test.

    python bench/bench_keypress.py [--rounds 7] [--presses 20] [--pause 0.15] [--repo PATH]
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


def one_program(program: PtyProgram, presses: int, pause: float, walk_in: bool) -> list[float]:
    """`presses` presses on `program` (already showing its first words), each after `pause` seconds."""
    program.wait_for(FIRST)
    if walk_in:
        for key, words in WALK_IN:
            press(program, key, words)
    taken: list[float] = []
    while len(taken) < presses:
        for key, words in BACK_AND_FORTH:
            program.idle(pause)
            taken.append(press(program, key, words))
    return taken


def programs(env: dict, repo: Path) -> list[PtyProgram]:
    """The wizard, the one-line bare app and the whole-step bare app, in that order (not started)."""
    return [PtyProgram(argv, env=env, cwd=repo)
            for argv in (WIZARD, [sys.executable, "-c", BARE_APP], [sys.executable, "-c", BARE_STEP_APP])]


def back_to_back(presses: int, env: dict, repo: Path) -> tuple[float, ...]:
    """Median press of each program, each on its own, keys sent as soon as the last step is drawn."""
    medians = []
    for number, program in enumerate(programs(env, repo)):
        with program:
            medians.append(statistics.median(one_program(program, presses, 0.0, walk_in=number == 0)))
    return tuple(medians)


def person_pace(presses: int, pause: float, env: dict, repo: Path) -> tuple[float, ...]:
    """Median press of each program, a pause before every key, the programs taking turns press by press."""
    started = programs(env, repo)
    samples: list[list[float]] = [[] for _ in started]
    with started[0] as wizard, started[1], started[2]:
        for program in started:
            program.wait_for(FIRST)
        for key, words in WALK_IN:
            press(wizard, key, words)
        while len(samples[0]) < presses:
            for key, words in BACK_AND_FORTH:
                for program, taken in zip(started, samples, strict=True):
                    program.idle(pause)
                    taken.append(press(program, key, words))
    return tuple(statistics.median(taken) for taken in samples)


def report(title: str, rounds: list[tuple[float, ...]], target: float | None) -> None:
    print(title)
    print(paired_summary("  key press -> next question drawn", [(w, b) for w, b, _ in rounds], target))
    print(paired_summary("  vs a whole step changed in place", [(w, s) for w, _, s in rounds]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--presses", type=int, default=20)
    parser.add_argument("--pause", type=float, default=0.15, help="seconds before each key at a person's pace")
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[1])
    args = parser.parse_args()
    repo = args.repo.resolve()
    as_installed(repo)
    sandbox = Sandbox(repo)
    try:
        print(f"hip-wizard from {repo}; load average before: {load_average()}")
        quick = [back_to_back(args.presses, sandbox.env("warm"), repo) for _ in range(args.rounds)]
        report("back to back (the review's method; the goal is against the one-line update)", quick, 1.5)
        paced = [person_pace(args.presses, args.pause, sandbox.env("warm"), repo) for _ in range(args.rounds)]
        report(f"at a person's pace ({args.pause} s before each key)", paced, None)
        print(f"load average after: {load_average()}")
    finally:
        sandbox.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
