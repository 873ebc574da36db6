"""Time `hip-wizard check --json` on a generated 10,000-node tree against the naive pipeline.

The naive pipeline is what a project without a safe loader would do: `yaml.load` with libyaml's
CSafeLoader and one jsonschema `Draft202012Validator` over the whole file. It checks less (no duplicate
keys, tags, positions, cross-references, graph, safety or scenario checks), so the target is for the full
`check` to cost at most half of it. Both sides run as fresh subprocesses in the same run, best of a few
repeats, so start-up and imports count on both sides alike. This is a benchmark, never a timed test.

    python bench/bench_check.py [--nodes 10000] [--repeats 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
SCHEMA = REPO / "wizard" / "schema" / "tree.schema.json"
TARGET = 0.5

NAIVE = """
import json, sys, yaml
from jsonschema import Draft202012Validator
schema = json.load(open(sys.argv[1], encoding="utf-8"))
text = open(sys.argv[2], encoding="utf-8").read()
data = yaml.load(text, Loader=yaml.CSafeLoader)
Draft202012Validator(schema).validate(data)
"""


# --- the generated tree ----------------------------------------------------------------------------------


def _yes_no(i: int, after: str, side: str) -> dict:
    return {"kind": "question", "style": "yes_no", "title": f"Question {i}", "text": f"Does movement {i} hurt?",
            "why": "Each movement loads a different part of the hip.", "if_yes": side, "if_no": after}


def _single(i: int, after: str, side: str) -> dict:
    return {"kind": "question", "style": "single", "text": f"Where is pain {i} felt?",
            "why": "The place of the pain narrows the possible sources.",
            "options": [{"value": "groin", "label": "Groin", "next": side},
                        {"value": "side", "label": "Outer hip"}, {"value": "back", "label": "Buttock"}],
            "next": after}


def _multi(i: int, after: str, side: str) -> dict:
    return {"kind": "question", "style": "multi", "text": f"What makes it worse ({i})?", "why": "Patterns matter.",
            "options": [{"value": "sitting", "label": "Sitting"}, {"value": "stairs", "label": "Stairs"},
                        {"value": "none", "label": "None of these", "exclusive": True}],
            "branches": [{"if": {"all": [{"answer": f"n{i}", "is": "stairs"},
                                         {"not": {"answer": f"n{i}", "is": "sitting"}}]}, "next": side}],
            "next": after}


def _measure(i: int, after: str, side: str) -> dict:
    return {"kind": "measure", "text": f"Pain now ({i})?", "why": "Tracking pain shows change.", "unit": "/10",
            "min": 0, "max": 10, "integer": True,
            "branches": [{"if": {"answer": f"n{i}", "at_least": 8}, "next": side}], "next": after}


def _self_test(i: int, after: str, side: str) -> dict:
    return {"kind": "self_test", "title": f"Test {i}", "text": "Stand on one leg for 30 seconds.",
            "why": "Pain on one leg points to the outer hip tendons.",
            "steps": ["Stand by a wall.", "Lift one foot.", "Swap sides."],
            "stop_rule": "Stop if pain goes above 7 out of 10.", "positive_feels": "Your usual pain comes on.",
            "who": "alone", "hold_seconds": 30,
            "evidence": {"source": "Example 2020", "sensitivity": 0.9, "specificity": 0.8,
                         "positive_means": "More likely.", "negative_means": "Less likely."},
            "branches": [{"if": {"positive": f"n{i}", "side": "left"}, "next": side}], "next": after}


def _info(i: int, after: str, side: str) -> dict:
    return {"kind": "info", "title": f"Note {i}", "text": "Read this, then go on.", "next": after}


KINDS = [_yes_no, _single, _measure, _self_test, _multi, _info]


def _outcome(i: int, urgency: str) -> dict:
    return {"kind": "outcome", "title": f"Outcome {i}", "text": "What this may suggest, in plain words.",
            "referral": {"urgency": urgency, "reason": "A reason in plain words."}}


def generate(nodes: int) -> dict:
    """A valid module tree of exactly `nodes` nodes: a long chain of every asking kind with side outcomes."""
    chain = (nodes - 1) * 2 // 3
    sides = nodes - 1 - chain
    tree_nodes: dict[str, dict] = {}
    for i in range(chain):
        after = f"n{i + 1}" if i + 1 < chain else "end"
        side = f"out{i * sides // chain}"
        tree_nodes[f"n{i}"] = KINDS[i % len(KINDS)](i, after, side)
    for j in range(sides):
        tree_nodes[f"out{j}"] = _outcome(j, ["routine", "self_care", "urgent"][j % 3])
    tree_nodes["end"] = _outcome(nodes, "self_care")
    return {"id": "bench", "title": "Benchmark tree", "version": "1.0.0", "role": "module", "start": "n0",
            "nodes": tree_nodes}


def write_tree(folder: Path, nodes: int) -> Path:
    path = folder / "bench.yaml"
    text = yaml.safe_dump(generate(nodes), sort_keys=False, allow_unicode=True, width=120)
    path.write_text(f"# yaml-language-server: $schema={SCHEMA.as_uri()}\n{text}", encoding="utf-8")
    return path


# --- timing ----------------------------------------------------------------------------------------------


def timed(command: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    return time.perf_counter() - start, done


def best_of(commands: dict[str, list[str]], repeats: int) -> dict[str, tuple[float, subprocess.CompletedProcess]]:
    """Best time of each command; the commands take turns, so a busy spell on the machine hits both alike."""
    best: dict[str, tuple[float, subprocess.CompletedProcess]] = {}
    for _ in range(repeats):
        for name, command in commands.items():
            seconds, done = timed(command)
            if name not in best or seconds < best[name][0]:
                best[name] = (seconds, done)
    return best


def check_command() -> list[str]:
    found = shutil.which("hip-wizard")
    return [found] if found else [sys.executable, "-m", "wizard"]


def run(nodes: int, repeats: int, folder: Path) -> int:
    path = write_tree(folder, nodes)
    best = best_of({"naive": [sys.executable, "-c", NAIVE, str(SCHEMA), str(path)],
                    "check": [*check_command(), "check", "--json", str(folder)]}, repeats)
    (naive_s, naive), (check_s, check) = best["naive"], best["check"]
    if naive.returncode != 0:
        print(f"the naive pipeline failed:\n{naive.stderr}", file=sys.stderr)
        return 2
    report = _report(check)
    if report is None:
        return 2
    ratio = check_s / naive_s
    print(f"tree: {nodes:,} nodes, {path.stat().st_size:,} bytes; best of {repeats}")
    print(f"naive yaml.load(CSafeLoader) + jsonschema validate: {naive_s:.3f} s")
    print(f"hip-wizard check --json:                            {check_s:.3f} s "
          f"({len(report['errors'])} errors, {len(report['warnings'])} warnings, "
          f"{report['paths'].get('bench', 0):,} paths)")
    print(f"ratio check / naive: {ratio:.2f} (target <= {TARGET}): {'met' if ratio <= TARGET else 'NOT met'}")
    return 0


def _report(done: subprocess.CompletedProcess) -> dict | None:
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        print(f"`hip-wizard check` did not print JSON (exit {done.returncode}):\n{done.stderr}", file=sys.stderr)
        return None
    bench_errors = [e for e in report["errors"] if e["file"].endswith("bench.yaml")]
    if bench_errors:
        print("the generated tree has errors:\n" + "\n".join(map(str, bench_errors[:5])), file=sys.stderr)
        return None
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--keep", type=Path, metavar="DIR", help="write the tree here and keep it")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        return run(args.nodes, args.repeats, args.keep)
    with tempfile.TemporaryDirectory(prefix="hip-wizard-bench-") as folder:
        return run(args.nodes, args.repeats, Path(folder))


if __name__ == "__main__":
    sys.exit(main())
