"""The diff report as text (terminal), JSON (tools) or Markdown (to paste into a pull request).

Lowered changes come first, under their own heading, and are not repeated in their tree's section, so
every change is reported exactly once."""

from __future__ import annotations

import json

from wizard.authoring.diff.changes import Change

NOUNS = {"story": "story", "red-flag": "red flag", "node": "node", "option": "option", "evidence": "self-test evidence",
         "tree": "tree"}
LOWERED_HEADING = "Lowered: less urgent than before (blocks the review unless --allow-lower)"


def describe(change: Change) -> str:
    """One change in words: added, removed, or before -> after."""
    before, after = change.before, change.after
    if change.kind == "route":
        return f"re-routed {change.subject}: {before} -> {after}"
    if change.kind == "role":
        return f"role: {before} -> {after}"
    if change.kind == "steps":
        return f"{change.subject}: {before or 'none'} -> {after or 'none'}"
    noun = NOUNS[change.kind]
    if before is None:
        return f"{noun} added: {change.subject} ({after})"
    if after is None:
        return f"{noun} removed: {change.subject} (was {before})"
    if change.kind == "red-flag":
        return f"red flag {change.subject} {'lowered' if change.lowered else 'raised'}: {before} -> {after}"
    return f"{noun} {change.subject}: {before} -> {after}"


def sections(changes: list[Change]) -> list[tuple[str, list[Change]]]:
    """(heading, changes): lowered first, then one section per tree in the order given."""
    lowered = [c for c in changes if c.lowered]
    out = [(LOWERED_HEADING, lowered)] if lowered else []
    for tree in dict.fromkeys(c.tree for c in changes if not c.lowered):
        out.append((tree, [c for c in changes if c.tree == tree and not c.lowered]))
    return out


def _line(change: Change, heading: str) -> str:
    return f"{change.tree}: {describe(change)}" if heading == LOWERED_HEADING else describe(change)


def as_text(changes: list[Change], old: str, new: str) -> str:
    lines = [f"hip-wizard diff {old} -> {new}"]
    for heading, items in sections(changes):
        lines += ["", f"{heading}:"] + [f"  {'! ' if c.lowered else ''}{_line(c, heading)}" for c in items]
    return "\n".join(lines + ["", summary(changes)])


def as_markdown(changes: list[Change], old: str, new: str) -> str:
    lines = [f"## hip-wizard diff `{old}` -> `{new}`"]
    for heading, items in sections(changes):
        title = f"**{heading}**" if heading == LOWERED_HEADING else f"`{heading}`"
        lines += ["", f"### {title}", ""] + [f"- {_line(c, heading)}" for c in items]
    return "\n".join(lines + ["", summary(changes), ""])


def as_json(changes: list[Change], old: str, new: str) -> str:
    return json.dumps({"old": old, "new": new, "lowered": sum(c.lowered for c in changes),
                       "changes": [c.as_dict() for c in changes]}, indent=2)


def summary(changes: list[Change]) -> str:
    lowered = sum(c.lowered for c in changes)
    if not changes:
        return "No changes a patient would notice."
    return f"{len(changes)} change{'s' * (len(changes) != 1)}, {lowered} lowered."


RENDERERS = {"text": as_text, "markdown": as_markdown, "json": as_json}
