"""Compare the facts of two versions into a list of changes, each reported once.

A change is *lowered* when it makes the wizard less cautious: a story that now ends at a less urgent
referral (or stops being walkable), or a red-flag question whose level drops or which is no longer a red
flag. Those block a review unless `--allow-lower` is given.
"""

from __future__ import annotations

from dataclasses import dataclass

from wizard.authoring.diff.facts import Story, TreeFacts
from wizard.content.model import ENTRY_ROLES, URGENCY_RANK


@dataclass(frozen=True)
class Change:
    tree: str
    kind: str          # tree, role, story, red-flag, node, option, route, evidence, steps
    subject: str       # the story name, node id, "node-id option 'x'" ...
    before: str | None  # None: did not exist
    after: str | None   # None: no longer exists
    lowered: bool = False

    def as_dict(self) -> dict:
        return {"tree": self.tree, "kind": self.kind, "subject": self.subject, "before": self.before,
                "after": self.after, "lowered": self.lowered}


def rank(urgency: str | None) -> int:
    """'none' (or no level at all) ranks below self-care."""
    return URGENCY_RANK.get(urgency or "none", -1)


def compare(old: dict[str, TreeFacts], new: dict[str, TreeFacts]) -> list[Change]:
    """Every change, tree by tree (trees in the menu first), lowered ones marked."""
    changes: list[Change] = []
    for tree_id in _tree_order(old, new):
        before, after = old.get(tree_id), new.get(tree_id)
        if before is None or after is None:
            changes.append(Change(tree_id, "tree", tree_id, None if before is None else before.tree.title,
                                  None if after is None else after.tree.title,
                                  lowered=after is None and before is not None and bool(before.red_flags)))
            continue
        if before.tree.role != after.tree.role:  # e.g. no longer in the menu; its step statistics follow the role
            changes.append(Change(tree_id, "role", "role", before.tree.role, after.tree.role))
        for differ in (_stories, _red_flags, _nodes, _routes, _evidence, _steps):
            changes += differ(tree_id, before, after)
    return changes


def _tree_order(old: dict, new: dict) -> list[str]:
    roles = {tree_id: facts.tree.role for side in (old, new) for tree_id, facts in side.items()}
    return sorted(roles, key=lambda tree_id: (roles[tree_id] not in ENTRY_ROLES, tree_id))


def _stories(tree: str, old: TreeFacts, new: TreeFacts) -> list[Change]:
    found = []
    for name in _keys(old.stories, new.stories):
        before, after = old.stories.get(name), new.stories.get(name)
        if before is None or after is None:
            found.append(Change(tree, "story", name, _story_text(before), _story_text(after)))
        elif _ending(before) != _ending(after):
            lowered = rank(after.urgency) < rank(before.urgency) or (after.problem is not None
                                                                     and before.problem is None)
            found.append(Change(tree, "story", name, *_story_change(before, after), lowered=lowered))
    return found


def _story_change(before: Story, after: Story) -> tuple[str | None, str | None]:
    """Only what changed: the urgency, and the outcomes and findings lost (-) and gained (+)."""
    if before.problem or after.problem:
        return _story_text(before), _story_text(after)
    old, new = [], []
    if before.urgency != after.urgency:
        old.append(f"urgency {before.urgency}")
        new.append(f"urgency {after.urgency}")
    for part in ("outcomes", "findings"):
        lost = sorted(set(getattr(before, part)) - set(getattr(after, part)))
        gained = sorted(set(getattr(after, part)) - set(getattr(before, part)))
        old += [f"{part} " + ", ".join(f"-{item}" for item in lost)] if lost else []
        new += [f"{part} " + ", ".join(f"+{item}" for item in gained)] if gained else []
    return "; ".join(old) or "nothing", "; ".join(new) or "nothing"


def _ending(story: Story) -> tuple:
    return story.urgency, story.outcomes, story.findings, story.problem


def _story_text(story: Story | None) -> str | None:
    if story is None:
        return None
    if story.problem is not None:
        return f"cannot be walked: {story.problem}"
    return (f"urgency {story.urgency}; outcomes {', '.join(story.outcomes) or 'none'}; "
            f"findings {', '.join(story.findings) or 'none'}")


def _red_flags(tree: str, old: TreeFacts, new: TreeFacts) -> list[Change]:
    found = []
    for node in _keys(old.red_flags, new.red_flags):
        before, after = old.red_flags.get(node), new.red_flags.get(node)
        if before != after:
            found.append(Change(tree, "red-flag", node, before, after, lowered=rank(after) < rank(before)))
    return found


def _nodes(tree: str, old: TreeFacts, new: TreeFacts) -> list[Change]:
    return [Change(tree, "node", node, old.nodes.get(node), new.nodes.get(node))
            for node in _keys(old.nodes, new.nodes) if old.nodes.get(node) != new.nodes.get(node)]


def _routes(tree: str, old: TreeFacts, new: TreeFacts) -> list[Change]:
    """Option and route changes of nodes both versions have (a new or removed node is one change)."""
    found = []
    for node in sorted(set(old.nodes) & set(new.nodes)):
        before, after = old.routes.get(node, {}), new.routes.get(node, {})
        for way in _keys(before, after):
            if before.get(way) != after.get(way):
                kind = "option" if way.startswith("option ") and None in (before.get(way), after.get(way)) \
                    else "route"
                found.append(Change(tree, kind, f"{node} {way}", before.get(way), after.get(way)))
    return found


def _evidence(tree: str, old: TreeFacts, new: TreeFacts) -> list[Change]:
    found = []
    for node in sorted(set(old.evidence) & set(new.evidence)):
        before, after = old.evidence[node], new.evidence[node]
        fields = [name for name in before.__dataclass_fields__ if getattr(before, name) != getattr(after, name)]
        if fields:
            found.append(Change(tree, "evidence", node, _fields(before, fields), _fields(after, fields)))
    return found


def _fields(evidence, names: list[str]) -> str:
    return "; ".join(f"{name} {getattr(evidence, name)}" for name in names)


def _steps(tree: str, old: TreeFacts, new: TreeFacts) -> list[Change]:
    """Answered steps over an entry tree's scenarios, as `check` counts them (emergency walks apart)."""
    return [Change(tree, "steps", f"answered steps, {part} scenarios (min/median/max)", old.steps.get(part),
                   new.steps.get(part))
            for part in _keys(old.steps, new.steps) if old.steps.get(part) != new.steps.get(part)]


def _keys(*mappings: dict) -> list[str]:
    return sorted(set().union(*mappings))
