"""Time from process start to the first question on screen, against a bare Textual app showing one line.

Both programs run in a real pseudo-terminal (80x24), in the same run, alternating, so machine load hits
both alike. The clock stops when the expected words appear in what the program wrote to the terminal.
Prints the medians and the ratio (target: 1.25 or less). hip-wizard is timed warm (the checked trees come
from the library cache, as on every run after the first) and cold (an empty cache folder each time, so it
parses and schema-checks every tree). A benchmark, never a timed test.

    python bench/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ptyrun import PtyProgram

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


def time_to_words(argv: list[str], words: bytes, env: dict | None = None) -> float:
    with PtyProgram(argv, env=env) as program:
        return program.wait_for(words)


def cold_start() -> float:
    with tempfile.TemporaryDirectory() as empty:
        return time_to_words(WIZARD, WIZARD_WORDS, {"HIP_WIZARD_CACHE_DIR": empty})


def as_installed() -> None:
    """Compile hip-wizard's modules to bytecode, as `pip install` does, and let every timed program use it.

    Some machines set PYTHONDONTWRITEBYTECODE; with it, a source checkout recompiles every wizard module on
    every start while Textual (installed, compiled) does not, which measures the checkout, not the program.
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "wizard"), quiet=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    as_installed()
    time_to_words(WIZARD, WIZARD_WORDS)  # make sure the cache is warm
    bare, warm, cold = [], [], []
    for _ in range(runs):
        bare.append(time_to_words([sys.executable, "-c", BARE_APP], BARE_WORDS))
        warm.append(time_to_words(WIZARD, WIZARD_WORDS))
        cold.append(cold_start())
    medians = {name: statistics.median(times) * 1000 for name, times in
               (("bare", bare), ("warm", warm), ("cold", cold))}
    print(f"bare Textual app, one line        : median {medians['bare']:7.1f} ms  (runs: {_list(bare)})")
    print(f"hip-wizard first step, warm cache : median {medians['warm']:7.1f} ms  (runs: {_list(warm)})")
    print(f"hip-wizard first step, cold cache : median {medians['cold']:7.1f} ms  (runs: {_list(cold)})")
    print(f"ratio warm / bare                 : {medians['warm'] / medians['bare']:.2f}  (target <= 1.25)"
          f"; fastest runs: {min(warm) / min(bare):.2f} (less affected by other load)")
    print(f"ratio cold / bare                 : {medians['cold'] / medians['bare']:.2f}"
          f"; fastest runs: {min(cold) / min(bare):.2f}")
    paired = statistics.median(w / b for w, b in zip(warm, bare, strict=True))
    print(f"ratio warm / bare, run by run     : median {paired:.2f} (each pair ran back to back)")
    return 0


def _list(times: list[float]) -> str:
    return ", ".join(f"{t * 1000:.0f}" for t in times)


if __name__ == "__main__":
    raise SystemExit(main())
