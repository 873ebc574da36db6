"""Run a program in a pseudo-terminal and wait for words to appear in its output (for the benchmarks)."""

from __future__ import annotations

import compileall
import fcntl
import os
import pty
import re
import statistics
import select
import signal
import struct
import subprocess
import termios
import time
from pathlib import Path

ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)")


class PtyProgram:
    """A child process on a fresh 80x24 pty; `wait_for(words)` returns seconds since it was started."""

    def __init__(self, argv: list[str], size: tuple[int, int] = (24, 80), timeout: float = 30.0,
                 env: dict | None = None, cwd: Path | None = None) -> None:
        self.argv, self.size, self.timeout, self.extra_env, self.cwd = argv, size, timeout, env or {}, cwd
        self.seen = b""

    def __enter__(self) -> "PtyProgram":
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", *self.size, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(self.size[1]), "LINES": str(self.size[0]),
               **self.extra_env}
        self.started = time.perf_counter()
        self.process = subprocess.Popen(self.argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                        cwd=self.cwd, start_new_session=True, close_fds=True)
        os.close(slave)
        return self

    def wait_for(self, words: bytes, since: float | None = None) -> float:
        """Seconds from `since` (default: process start) until `words` show up in the screen text."""
        since = self.started if since is None else since
        deadline = since + self.timeout
        while words not in ESCAPES.sub(b"", self.seen):
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{words!r} did not appear; the screen said: {self.text()[-400:]!r}")
            self._read(0.5)
        return time.perf_counter() - since

    def idle(self, seconds: float) -> None:
        """Let the program run (its output read and kept) for `seconds`, as a person pausing would."""
        until = time.perf_counter() + seconds
        while (left := until - time.perf_counter()) > 0:
            self._read(left)

    def send(self, keys: bytes) -> float:
        """Type `keys`; forget what was on screen so far; return the moment they were sent."""
        self.seen = b""
        os.write(self.master, keys)
        return time.perf_counter()

    def text(self) -> str:
        return ESCAPES.sub(b"", self.seen).decode("utf-8", "replace")

    def _read(self, wait: float) -> None:
        ready, _, _ = select.select([self.master], [], [], wait)
        if ready:
            try:
                self.seen += os.read(self.master, 65536)
            except OSError:
                time.sleep(0.01)

    def __exit__(self, *exc) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        os.close(self.master)


def as_installed(repo: Path) -> None:
    """Compile hip-wizard's modules to bytecode, as `pip install` does, and let every timed program use it.

    Some machines set PYTHONDONTWRITEBYTECODE; with it, a source checkout recompiles every wizard module on
    every start while Textual (installed, compiled) does not, which measures the checkout, not the program.
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(str(repo / "wizard"), quiet=1)


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def paired_summary(name: str, pairs: list[tuple[float, float]], target: float | None = None,
                   unit: tuple[str, float] = ("ms", 1000)) -> str:
    """One line: medians of both sides (seconds shown in `unit`) and the median and spread of the pair-by-pair
    ratios."""
    ratios = sorted(a / b for a, b in pairs)
    program = statistics.median(a for a, _ in pairs) * unit[1]
    base = statistics.median(b for _, b in pairs) * unit[1]
    goal = f"  (target <= {target})" if target else ""
    median = statistics.median(ratios)
    return (f"{name:40s} {program:7.1f} {unit[0]} vs {base:7.1f} {unit[0]}  ratio median {median:.2f}"
            f"  spread {ratios[0]:.2f}-{ratios[-1]:.2f}  n={len(ratios)}{goal}")
