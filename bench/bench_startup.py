"""Time from process start to the first screen drawn, paired with a bare Textual app (a Static and a Footer).

Three rows, each against the bare app started just before it, in a real pseudo-terminal (80x24):

- start menu, warm: `hip-wizard` with no arguments (what most people type), until "Choose a check:";
- first question, warm: `hip-wizard run full-check`, until its first words;
- first question, cold: the same after the checked library was dropped from the cache (as after a tree
  edit or an upgrade: every tree is parsed and checked again; other cached files stay);
- first question, first run ever: an empty cache folder (shown for information, no target).

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
from ptyrun import PtyProgram, as_installed, load_average, paired_summary

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
    "first question, first run ever": ([sys.executable, "-m", "wizard", "run", "full-check"],
                                       b"This check asks about warning", "empty"),
}
TARGETS = {"warm": 1.25, "cold": 1.6, "empty": None}


def saved_files(folder: Path) -> dict:
    """name -> (bytes, stat) of the files (not folders) in `folder`, to put back before each run."""
    return {p.name: (p.read_bytes(), p.stat()) for p in folder.iterdir() if p.is_file()}


class Sandbox:
    """A private HOME, data and cache folder for the timed programs. The history file is made once by the
    program under test and put back before every run, in place and with its times (so it is the same file
    a person's history would be, not a fresh copy), leaving no "Resume" rows from earlier runs."""

    def __init__(self, repo: Path) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="hip-bench-"))
        self.repo = repo
        self.warm_cache = self.root / "cache-warm"
        self.history = self.root / "data" / "hip-wizard"
        subprocess.run([sys.executable, "-c", "import sys; from wizard.history.store import Store; "
                        "Store.open(sys.argv[1]).close()", str(self.history)], env=self.env("warm"), check=True)
        self.saved = saved_files(self.history)

    def env(self, cache: str) -> dict:
        self._put_back_history()
        folder = self.warm_cache if cache == "warm" else Path(tempfile.mkdtemp(dir=self.root))
        if cache == "cold":  # the checked trees are gone (as after a tree edit); other cached files stay
            for kept in self.warm_cache.glob("*"):
                if kept.name != "library.pickle":
                    shutil.copy2(kept, folder / kept.name)
        return {"HOME": str(self.root), "XDG_DATA_HOME": str(self.root / "data"),
                "XDG_CONFIG_HOME": str(self.root / "config"), "XDG_CACHE_HOME": str(self.root / "xdg-cache"),
                "HIP_WIZARD_CACHE_DIR": str(folder), "PYTHONPATH": str(self.repo)}

    def _put_back_history(self) -> None:
        if not getattr(self, "saved", None):
            return
        for path in self.history.iterdir():
            if path.name not in self.saved:
                shutil.rmtree(path) if path.is_dir() else path.unlink()  # e.g. walk locks left by a killed run
        for name, (content, stat) in self.saved.items():
            with open(self.history / name, "r+b") as handle:
                handle.write(content)
                handle.truncate()
            os.utime(self.history / name, ns=(stat.st_atime_ns, stat.st_mtime_ns))

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def time_to_words(argv: list[str], words: bytes, env: dict | None = None, cwd: Path | None = None,
                  linger: float = 0.0) -> float:
    """Seconds until `words` are on screen; `linger`: then let the program run on that long (as a person
    reading it would) before it is stopped, so what it does after its first screen (it writes its caches
    then) is done."""
    with PtyProgram(argv, env=env, cwd=cwd) as program:
        seconds = program.wait_for(words)
        program.idle(linger)
        return seconds


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
            time_to_words(argv, words, sandbox.env(cache), repo, linger=1.0)  # warm the cache and the OS's
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
