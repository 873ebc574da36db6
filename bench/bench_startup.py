"""Time from process start to the first screen drawn, paired with a bare Textual app (a Static and a Footer).

Three rows, each against the bare app started just before it, in a real pseudo-terminal (80x24):

- start menu, warm: `hip-wizard` with no arguments (what most people type), until "Choose a check:";
- first question, warm: `hip-wizard run full-check`, until its first words;
- first question, cold: the same with an empty library cache folder (parse + schema-check every tree).

Runs alternate (bare, program, bare, program, ...), so machine load hits both sides alike; the ratio is
computed pair by pair and the median and spread (min-max) of the ratios are printed, with the load average.
Every run gets a fresh copy of an empty history file (so no "Resume" rows) and its own HOME. Targets:
warm <= 1.25, cold <= 1.6. A benchmark, never a timed test.

    python bench/bench_startup.py [--runs 11] [--repo PATH]   # --repo: time another checkout
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ptyrun import PtyProgram, as_installed, load_average, paired_summary  # noqa: E402

BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Static

class Bare(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield Static("bare textual ready")
        yield Footer()

Bare().run()
"""
BARE = ([sys.executable, "-c", BARE_APP], b"bare textual ready")
ROWS = {
    "start menu, warm (hip-wizard)": ([sys.executable, "-m", "wizard"], b"Choose a check:", "warm"),
    "first question, warm (run full-check)": ([sys.executable, "-m", "wizard", "run", "full-check"],
                                              b"This check asks about warning", "warm"),
    "first question, cold (run full-check)": ([sys.executable, "-m", "wizard", "run", "full-check"],
                                              b"This check asks about warning", "cold"),
}
TARGETS = {"warm": 1.25, "cold": 1.6}


class Sandbox:
    """A private HOME, data and cache folder for the timed programs, and a pristine empty history file."""

    def __init__(self, repo: Path) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="hip-bench-"))
        self.repo = repo
        self.warm_cache = self.root / "cache-warm"
        self.pristine = self.root / "pristine"
        subprocess.run([sys.executable, "-c", "import sys; from wizard.history.store import Store; "
                        "Store.open(sys.argv[1]).close()", str(self.pristine)], env=self.env("warm"), check=True)

    def env(self, cache: str) -> dict:
        data = self.root / "data"
        if self.pristine.exists():
            shutil.rmtree(data, ignore_errors=True)
            shutil.copytree(self.pristine, data / "hip-wizard")
        folder = self.warm_cache if cache == "warm" else Path(tempfile.mkdtemp(dir=self.root))
        return {"HOME": str(self.root), "XDG_DATA_HOME": str(data), "XDG_CONFIG_HOME": str(self.root / "config"),
                "XDG_CACHE_HOME": str(self.root / "xdg-cache"), "HIP_WIZARD_CACHE_DIR": str(folder),
                "PYTHONPATH": str(self.repo)}

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def time_to_words(argv: list[str], words: bytes, env: dict | None = None, cwd: Path | None = None) -> float:
    with PtyProgram(argv, env=env, cwd=cwd) as program:
        return program.wait_for(words)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[1])
    args = parser.parse_args()
    repo = args.repo.resolve()
    as_installed(repo)
    sandbox = Sandbox(repo)
    try:
        print(f"hip-wizard from {repo}; load average before: {load_average()}")
        for argv, words, cache in ROWS.values():
            time_to_words(argv, words, sandbox.env(cache), repo)  # warm the cache and the OS file cache
        pairs: dict[str, list[tuple[float, float]]] = {name: [] for name in ROWS}
        for _ in range(args.runs):
            for name, (argv, words, cache) in ROWS.items():
                bare = time_to_words(BARE[0], BARE[1], sandbox.env(cache), repo)
                pairs[name].append((time_to_words(argv, words, sandbox.env(cache), repo), bare))
        for name, (_, _, cache) in ROWS.items():
            print(paired_summary(name, pairs[name], TARGETS[cache]))
        print(f"load average after: {load_average()}")
    finally:
        sandbox.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
