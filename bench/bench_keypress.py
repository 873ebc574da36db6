"""Time from a key press to the next question drawn, paired with a bare Textual app updating in place.

hip-wizard walks the example tree (info -> yes/no -> single choice -> self-test), then goes back and
forward between the last two steps; each sample is the time from writing the key to the pty until the
next step's words appear in what the program wrote back. The bare app (a Static and a Footer) swaps the
same words in place with `Static.update` on the same keys. Both run side by side and presses alternate,
so load hits both alike; each round is a fresh pair of processes, and the ratio per round is the median
press of one over the median press of the other. Prints the median and spread of those ratios (target:
1.5 or less) and the load average. A benchmark, never a timed test.

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


def press(program: PtyProgram, key: bytes, words: bytes) -> float:
    return program.wait_for(words, since=program.send(key))


def one_round(presses: int, env: dict, repo: Path) -> tuple[float, float]:
    wizard_ms, bare_ms = [], []
    with PtyProgram(WIZARD, env=env, cwd=repo) as wizard, \
            PtyProgram([sys.executable, "-c", BARE_APP], env=env, cwd=repo) as bare:
        wizard.wait_for(FIRST)
        bare.wait_for(FIRST)
        for key, words in WALK_IN:
            press(wizard, key, words)
        while len(wizard_ms) < presses:
            for key, words in BACK_AND_FORTH:
                wizard_ms.append(press(wizard, key, words))
                bare_ms.append(press(bare, key, words))
    return statistics.median(wizard_ms), statistics.median(bare_ms)


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
        pairs = [one_round(args.presses, sandbox.env("warm"), repo) for _ in range(args.rounds)]
        print(paired_summary("key press -> next question drawn", pairs, 1.5))
        print(f"load average after: {load_average()}")
    finally:
        sandbox.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
