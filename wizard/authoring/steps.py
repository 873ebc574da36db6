"""How long each entry tree's walks are: answered steps over its scenarios, and the author's step budget.

A person abandons a long form; the count of answered steps (every screen they had to answer or read) per
scenario is the honest measure of length. Emergency walks are counted apart: they should stop quickly.
"""

from __future__ import annotations

from statistics import median
from typing import Iterator

from wizard.authoring.scenarios import ScenarioResult
from wizard.content.model import ENTRY_ROLES, Library
from wizard.errors import Problem


def _summary(counts: list[int]) -> dict:
    if not counts:
        return {"scenarios": 0, "min": None, "median": None, "max": None}
    return {"scenarios": len(counts), "min": min(counts), "median": median(counts), "max": max(counts)}


def step_stats(library: Library, results: list[ScenarioResult]) -> dict[str, dict]:
    """entry tree id -> {"emergency": {...}, "other": {...}} with scenarios, min, median and max steps."""
    stats = {}
    for tree in sorted((t for t in library.trees.values() if t.role in ENTRY_ROLES), key=lambda t: t.id):
        mine = [r for r in results if r.tree == tree.id and r.steps is not None]
        stats[tree.id] = {"emergency": _summary([r.steps for r in mine if r.emergency and r.steps is not None]),
                          "other": _summary([r.steps for r in mine if not r.emergency and r.steps is not None])}
    return stats


def budget_problems(library: Library, stats: dict[str, dict]) -> Iterator[Problem]:
    """An error for each limit of a tree's `step_budget` that its scenarios exceed."""
    for tree_id, parts in stats.items():
        budget = library.trees[tree_id].step_budget
        if budget is None:
            continue
        checks = (("median", parts["other"]["median"], "the median of the non-emergency scenarios"),
                  ("max", parts["other"]["max"], "the longest non-emergency scenario"),
                  ("emergency", parts["emergency"]["max"], "the longest emergency scenario"))
        for name, seen, what in checks:
            limit = getattr(budget, name)
            if limit is not None and seen is not None and seen > limit:
                yield Problem(budget.where.file, budget.where.line, budget.where.col,
                              f"step budget: {what} takes {_n(seen)} answered steps; `{name}` allows {limit}",
                              code="step-budget")


def _n(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.1f}"


def stats_lines(stats: dict[str, dict]) -> list[str]:
    """The text report's lines: one per entry tree and part that has scenarios."""
    lines = []
    for tree_id, parts in stats.items():
        for name, label in (("other", "non-emergency"), ("emergency", "emergency")):
            part = parts[name]
            if part["scenarios"]:
                lines.append(f"answered steps in {tree_id}, {label} ({part['scenarios']} scenarios): "
                             f"min {part['min']} / median {_n(part['median'])} / max {part['max']}")
    return lines
