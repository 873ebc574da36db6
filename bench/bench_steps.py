"""How many steps people answer: walk each entry tree with many generated answer policies and print the
distribution of answered steps (min / median / p90 / max), emergencies apart from the rest.

A policy answers each step "all clear" (no, nothing ticked, a negative test) unless a coin with
probability P comes up, when it picks any answer at random; P is drawn per walk from a few levels, from a
person with nothing wrong to one who says yes to a lot. Measures get a random number in range.
By default the walks drive `Session` in-process (fast); `--jsonl` drives the real program instead,
`python -m wizard play TREE --jsonl` over pipes, one subprocess per walk. A benchmark, never a timed test.

    python bench/bench_steps.py [--walks 500] [--tree full-check] [--seed 1] [--jsonl]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from wizard.authoring.scenarios import negative_answer  # noqa: E402
from wizard.content.loader import load  # noqa: E402
from wizard.content.model import Measure, Node, Question, SelfTest  # noqa: E402
from wizard.walk.engine import Session  # noqa: E402

LEVELS = (0.0, 0.05, 0.15, 0.3, 0.5)


def clear_answer(node: Node) -> object:
    """What a person with nothing to report answers."""
    if isinstance(node, Question):
        if node.style == "yes_no":
            return False
        if node.style == "single":
            return next((o.value for o in node.options if o.likely), node.options[0].value)
    return negative_answer(node)


def any_answer(node: Node, rng: random.Random) -> object:
    """Any valid answer, picked at random."""
    if isinstance(node, Question):
        if node.style == "yes_no":
            return rng.random() < 0.5
        values = [o.value for o in node.options]
        if node.style == "single":
            return rng.choice(values)
        plain = [o.value for o in node.options if not o.exclusive]
        return rng.sample(plain, rng.randint(1, min(3, len(plain))))
    if isinstance(node, SelfTest):
        return rng.choice(node.results)
    if isinstance(node, Measure):
        return rng.randint(int(node.min), int(node.max)) if node.integer else rng.uniform(node.min, node.max)
    return True


def policy_answer(node: Node, rng: random.Random, chance: float) -> object:
    if isinstance(node, Measure) or rng.random() < chance:
        return any_answer(node, rng)
    return clear_answer(node)


def walk_in_process(library, tree_id: str, rng: random.Random, chance: float) -> tuple[int, str]:
    session = Session(library, tree_id)
    while session.current is not None:
        session.answer(policy_answer(session.current, rng, chance))
    return len(session.walk.steps), session.status


def walk_over_jsonl(library, tree_id: str, rng: random.Random, chance: float) -> tuple[int, str]:
    """The same policy through the real program: read each question, send an answer, count the asks."""
    proc = subprocess.Popen([sys.executable, "-m", "wizard", "play", tree_id, "--jsonl"], cwd=REPO, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env={"PYTHONPATH": str(REPO),
                                                                                "PATH": "/usr/bin:/bin"})
    asked, status = set(), "stopped"
    for line in proc.stdout:
        message = json.loads(line)
        if message["type"] == "ask":
            asked.add(message["id"])
            answer = policy_answer(library.node(message["id"]), rng, chance)
            proc.stdin.write(json.dumps({"answer": answer}) + "\n")
            proc.stdin.flush()
        elif message["type"] in ("result", "stopped"):
            status = message.get("summary", {}).get("status", message["type"])
            break
    proc.stdin.close()
    proc.wait()
    return len(asked), status


def spread(counts: list[int]) -> str:
    if not counts:
        return "no walks"
    ordered = sorted(counts)
    p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
    return (f"{len(counts):4d} walks: min {ordered[0]:3d} / median {statistics.median(ordered):5.1f} / "
            f"p90 {p90:3d} / max {ordered[-1]:3d}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--walks", type=int, default=500, help="walks per entry tree")
    parser.add_argument("--tree", action="append", help="entry tree id (repeatable; default: every entry tree)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jsonl", action="store_true", help="drive `play TREE --jsonl` (slow: one process a walk)")
    args = parser.parse_args()
    library = load()
    walk = walk_over_jsonl if args.jsonl else walk_in_process
    for tree_id in args.tree or [t.id for t in library.entries()]:
        rng = random.Random(f"{args.seed}-{tree_id}")
        emergency, other = [], []
        for n in range(args.walks):
            steps, status = walk(library, tree_id, rng, LEVELS[n % len(LEVELS)])
            (emergency if status == "emergency" else other).append(steps)
        print(f"{tree_id}")
        print(f"  non-emergency {spread(other)}")
        print(f"  emergency     {spread(emergency)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
