"""Time from a key press to the next question being drawn, in the real program on a pseudo-terminal.

Walks the example tree (info -> yes/no -> single choice -> self-test), then goes back and forward between
the last two steps; each sample is the time from writing the key to the pty until the next step's words
appear in what the program wrote back. Prints the median and the spread. A benchmark, never a timed test.

    python bench/bench_keypress.py [--presses 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ptyrun import PtyProgram

WIZARD = [sys.executable, "-m", "wizard", "run", "example"]
FIRST = b"Continue"
WALK_IN = [(b"\r", b"a fever or shivers"), (b"n", b"Where do you feel"), (b"1", b"Stop at once")]
BACK_AND_FORTH = [(b"b", b"Where do you feel"), (b"1", b"Stop at once")]


def press(program: PtyProgram, key: bytes, words: bytes) -> float:
    return program.wait_for(words, since=program.send(key))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=20)
    presses = parser.parse_args().presses
    samples: list[float] = []
    with PtyProgram(WIZARD) as program:
        program.wait_for(FIRST)
        for key, words in WALK_IN:
            samples.append(press(program, key, words))
        while len(samples) < presses:
            for key, words in BACK_AND_FORTH:
                samples.append(press(program, key, words))
    ms = sorted(s * 1000 for s in samples)
    print(f"key press -> next question drawn: median {statistics.median(ms):.1f} ms, "
          f"fastest {ms[0]:.1f} ms, slowest {ms[-1]:.1f} ms ({len(ms)} presses)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
