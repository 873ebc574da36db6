"""Two costs that should not grow with the work: an answer late in a walk, and `check` on the bundled trees.

1. Time per answer at step 5 vs step 90 of a long walk. The bundled full check is now far shorter than 90
   answered steps, so the walk is bench_check's generated chain tree (200 nodes of every asking kind), answered
   by a rule that stays on the chain ("no", the second option, one tick, the lowest number, a negative
   test). Each
   sample is `session.answer(value)` plus reading `session.current`, as a front end does. For every walk,
   the ratio is the median of steps 88-92 over the median of steps 3-7; the median and spread of those
   ratios are printed (target: 1.5 or less: the walk should be linear, not replay everything per answer).
2. `hip-wizard check` on the bundled trees against a naive pipeline over the same files (libyaml's
   CSafeLoader and one jsonschema Draft202012Validator per file), both fresh subprocesses, alternating,
   ratio pair by pair (target: 1.5 or less).

A benchmark, never a timed test.

    python bench/bench_walk.py [--walks 30] [--checks 7] [--repo PATH]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ptyrun import as_installed, load_average, paired_summary

EARLY, LATE = range(2, 7), range(87, 92)  # list indices of steps 3-7 and 88-92
NAIVE = """
import json, sys, yaml
from jsonschema import Draft202012Validator
validator = Draft202012Validator(json.load(open(sys.argv[1], encoding="utf-8")))
for name in sys.argv[2:]:
    validator.validate(yaml.load(open(name, encoding="utf-8").read(), Loader=yaml.CSafeLoader))
"""


def rule(node):
    """The answer the bench gives to any node (the same as tests/history/test_bundled_retest.py)."""
    from wizard.content.model import Measure, Question, SelfTest
    if isinstance(node, Question):
        if node.style == "yes_no":
            return False
        return node.options[0].value if node.style == "single" else [o.value for o in node.options if not o.exclusive]
    if isinstance(node, SelfTest):
        return "left" if node.sided else "positive"
    if isinstance(node, Measure):
        return node.min if node.integer is False else int((node.min + node.max) // 2)
    return True


def chain_rule(node):
    """The answer that keeps to bench_check's generated chain (its first options branch off to an outcome)."""
    from wizard.content.model import Measure, Question, SelfTest
    if isinstance(node, Question) and node.style == "yes_no":
        return False
    if isinstance(node, Question):
        return node.options[1].value if node.style == "single" else [node.options[0].value]
    if isinstance(node, SelfTest):
        return "neither" if node.sided else "negative"
    return node.min if isinstance(node, Measure) else True


def timed_walk(library, tree_id: str = "full-check", answer=rule) -> list[float]:
    from wizard.walk.engine import Session
    session, times = Session(library, tree_id), []
    node = session.current
    while node is not None:
        value = answer(node)
        started = time.perf_counter()
        session.answer(value)
        node = session.current
        times.append(time.perf_counter() - started)
    return times


def per_answer(walks: int) -> None:
    import tempfile

    from bench_check import write_tree

    from wizard.content.loader import collect
    with tempfile.TemporaryDirectory() as folder:
        library = collect([write_tree(Path(folder), 200)], bundled=False).library
    pairs = []
    for _ in range(walks):
        times = timed_walk(library, "bench", chain_rule)
        if len(times) <= LATE[-1]:
            raise SystemExit(f"the rule's walk has only {len(times)} steps; the bench needs {LATE[-1] + 1}")
        pairs.append((statistics.median(times[i] for i in LATE), statistics.median(times[i] for i in EARLY)))
    print(f"generated chain walk: {len(times)} answers")
    print(paired_summary("time per answer, step 90 vs step 5", pairs, 1.5, unit=("us", 1e6)))


def check_vs_naive(repo: Path, runs: int) -> None:
    files = sorted(str(p) for p in (repo / "trees").rglob("*") if p.suffix in (".yaml", ".yml"))
    schema = str(repo / "wizard" / "schema" / "tree.schema.json")
    env = {**os.environ, "PYTHONPATH": str(repo)}
    check = [sys.executable, "-m", "wizard", "check"]
    naive = [sys.executable, "-c", NAIVE, schema, *files]
    subprocess.run(check, env=env, cwd=repo, check=True, capture_output=True)
    subprocess.run(naive, check=True)
    pairs = [(_seconds(check, env, repo), _seconds(naive, env, repo)) for _ in range(runs)]
    print(paired_summary(f"check on the bundled trees vs naive ({len(files)} files)", pairs, 1.5))


def _seconds(argv: list[str], env: dict, cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(argv, env=env, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--walks", type=int, default=30)
    parser.add_argument("--checks", type=int, default=7)
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[1])
    args = parser.parse_args()
    repo = args.repo.resolve()
    as_installed(repo)
    sys.path.insert(0, str(repo))
    print(f"hip-wizard from {repo}; load average before: {load_average()}")
    per_answer(args.walks)
    check_vs_naive(repo, args.checks)
    print(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
