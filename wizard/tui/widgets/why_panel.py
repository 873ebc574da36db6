"""The why panel (`?`): why a step is asked and, for self-tests, what the evidence says."""

from __future__ import annotations

from textual.widgets import Static

from wizard.content.model import Evidence, Node, SelfTest
from wizard.tui.safe_text import literal
from wizard.wording import WHY_DEFAULT


class WhyPanel(Static):
    """Hidden until the person asks; toggled by the screen's `why` action."""

    def __init__(self) -> None:
        super().__init__(id="why", markup=False)
        self.display = False

    def show(self, node: Node) -> None:
        """Closed, with `node`'s reasons: each step starts with the panel shut."""
        self.update(why_text(node))
        self.display = False

    def toggle(self) -> None:
        self.display = not self.display


def why_text(node: Node):
    """Why the step is asked and the evidence; not its help text, which the step already shows."""
    parts: list = [("Why this is asked: ", "bold"), getattr(node, "why", "") or WHY_DEFAULT]
    if isinstance(node, SelfTest):
        parts += _evidence(node.evidence)
    return literal(*parts)


def _evidence(evidence: Evidence) -> list:
    numbers = [f"{label} {value:.0%}" for label, value in
               (("sensitivity", evidence.sensitivity), ("specificity", evidence.specificity)) if value is not None]
    numbers += [f"{label} {value:g}" for label, value in
                (("LR+", evidence.lr_positive), ("LR−", evidence.lr_negative)) if value is not None]
    parts = ["\n", ("Evidence: ", "bold"), evidence.source]
    if numbers:
        parts += [f" ({', '.join(numbers)})"]
    return parts + ["\n", ("A positive result: ", "bold"), evidence.positive_means,
                    "\n", ("A negative result: ", "bold"), evidence.negative_means]
