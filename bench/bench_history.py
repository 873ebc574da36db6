"""Time from pressing `h` on the start screen to the history screen drawn, with a long history.

Builds a history of N walks (default 2,000: one full check answered by bench_walk's rule, copied with
one walk a day) with the program under test, then starts `hip-wizard` on a pseudo-terminal (80x24),
waits for the start screen, leaves it a second (as a person reads it; --reading 0 presses at once),
presses `h` and stops the clock when the history summary appears. Runs
alternate with the same press on a bare Textual app that pushes a screen with a DataTable of 20 rows,
so load hits both alike; prints medians, the pair-by-pair ratio and the load average. Target: 100 ms or
less at 2,000 walks. A benchmark, never a timed test.

    python bench/bench_history.py [--walks 2000] [--runs 7] [--reading 1.0] [--repo PATH]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ptyrun import PtyProgram, as_installed, load_average, paired_summary
from bench_startup import Sandbox, saved_files

FILL = """
import sys
sys.path.insert(0, sys.argv[3])
from bench_walk import rule
from wizard.content.loader import collect
from wizard.history.store import Store, transaction
from wizard.walk.engine import Session
store, count = Store.open(sys.argv[1]), int(sys.argv[2])
library = collect([]).library
session, journal = Session(library, "full-check"), store.journal()
first = journal.begin(session)
while session.current is not None:
    session.answer(rule(session.current))
    journal.record(session)
journal.finish(session)
row = store.conn.execute("SELECT tree_id, state, urgency, findings, status FROM sessions WHERE id = ?",
                         (first,)).fetchone()
with transaction(store.conn):
    for n in range(1, count):
        day = f"{2020 + n // 336}-{1 + n // 28 % 12:02d}-{1 + n % 28:02d}T09:00:00+00:00"
        store.conn.execute("INSERT INTO sessions (id, tree_id, started, updated, status, state, urgency, findings) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (f"copy-{n}", row[0], day, day, row[4], *row[1:4]))
        store.conn.execute("INSERT INTO answers SELECT ?, position, qid, kind, label, unit, value FROM answers "
                           "WHERE session_id = ?", (f"copy-{n}", first))
store.close()
"""
BARE_APP = """
from textual.app import App
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

class Table(Screen):
    def compose(self):
        yield Static("bare history ready")
        yield DataTable()
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("Date", "Check", "Status")
        for n in range(20):
            table.add_row(f"2026-01-{n + 1:02d}", "Full check", "finished")

class Bare(App):
    BINDINGS = [("h", "table", "History")]

    def compose(self):
        yield Static("Choose a check:")
        yield Footer()

    def action_table(self):
        self.push_screen(Table())

Bare().run()
"""


def time_h(argv: list[str], words: bytes, env: dict, repo: Path, reading: float) -> float:
    with PtyProgram(argv, env=env, cwd=repo) as program:
        program.wait_for(b"Choose a check:")
        program.idle(reading)
        return program.wait_for(words, since=program.send(b"h"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--walks", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--reading", type=float, default=1.0, help="seconds on the start screen before `h`")
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[1])
    args = parser.parse_args()
    repo = args.repo.resolve()
    as_installed(repo)
    sandbox = Sandbox(repo)
    try:
        subprocess.run([sys.executable, "-c", FILL, str(sandbox.history), str(args.walks),
                        str(Path(__file__).resolve().parent)], env=sandbox.env("warm"), check=True)
        sandbox.saved = saved_files(sandbox.history)
        print(f"hip-wizard from {repo}, {args.walks} walks; load average before: {load_average()}")
        wizard = [sys.executable, "-m", "wizard"]
        time_h(wizard, b"kept privately", sandbox.env("warm"), repo, args.reading)
        pairs = []
        for _ in range(args.runs):
            bare = time_h([sys.executable, "-c", BARE_APP], b"bare history ready", sandbox.env("warm"), repo,
                          args.reading)
            pairs.append((time_h(wizard, b"kept privately", sandbox.env("warm"), repo, args.reading), bare))
        print(paired_summary(f"h -> history screen ({args.walks} walks)", pairs))
        print(f"median {statistics.median(p[0] for p in pairs) * 1000:.0f} ms (target <= 100 ms)")
        print(f"load average after: {load_average()}")
    finally:
        sandbox.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
