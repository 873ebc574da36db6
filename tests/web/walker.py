"""Answer whatever step the browser shows, by a simple rule, until a given screen appears.

The bundled trees change as the content is revised; reading each step's kind from the screen (a number
box, tick boxes, Yes/No, numbered options, Continue) keeps the browser test about the browser, not about
today's wording. `warning` answers yes / the first tick (to reach a red flag); otherwise no / "None".
"""

from __future__ import annotations

import re

from tests.web.browser import PageScreen

RANGE = re.compile(r"Range: (\d+(?:\.\d+)?) to (\d+(?:\.\d+)?)")
OPTION = re.compile(r"^\s*\u258a?\s*(\d+)\s+(\S.*?)\s*$")


def walk_until(screen: PageScreen, goal: str, warning: bool, limit: int = 80) -> int:
    """Answer steps until `goal` is on screen; returns how many steps were answered."""
    _wait_past(screen, 0, goal)
    for answered in range(limit):
        if goal in screen.flat():
            return answered
        step = screen.step_number()
        if step is None:
            raise AssertionError(f"neither a step nor {goal!r} on screen:\n{screen.text()}")
        _settle(screen)
        _answer(screen, warning)
        _wait_past(screen, step, goal)
    raise AssertionError(f"{goal!r} not reached after {limit} steps; the screen shows:\n{screen.text()}")


def _answer(screen: PageScreen, warning: bool) -> None:
    text, options = screen.flat(), _options(screen.text())
    if "a number," in text:
        low, high = map(float, RANGE.search(text).groups())
        screen.type(f"{(low + high) / 2:g}")
        screen.press("Enter")
    elif "[ ]" in text:
        _tick(screen, options, warning)
    elif options.get("Yes") and options.get("No"):
        screen.press(options["Yes"] if warning else options["No"])
    elif options:
        screen.press(next(iter(options.values())))
    elif "Continue" in text:
        screen.press("Enter")
    else:
        raise AssertionError(f"a step this walker cannot answer:\n{screen.text()}")


def _tick(screen: PageScreen, options: dict[str, str], warning: bool) -> None:
    none = [number for label, number in options.items() if label.startswith("[ ] None")]
    if warning:
        screen.press(next(iter(options.values())))
    elif none:
        screen.press(none[0])
    screen.press("d")


def _options(text: str) -> dict[str, str]:
    """label -> number key for each numbered option on screen."""
    found = {}
    for line in text.splitlines():
        match = OPTION.match(line)
        if match and "\u258a" in line:
            found.setdefault(match.group(2), match.group(1))
    return found


def _settle(screen: PageScreen, polls: int = 3) -> None:
    """Wait until the screen stops changing (a new step's header can be drawn before its options)."""
    last, same = screen.text(), 0
    for _ in range(400):
        screen.page.wait_for_timeout(50)
        now = screen.text()
        same = same + 1 if now == last else 0
        if same >= polls:
            return
        last = now


def _wait_past(screen: PageScreen, step: int, goal: str, limit: float = 20.0) -> None:
    for _ in range(int(limit / 0.05)):
        current = screen.step_number()
        if goal in screen.flat() or (current is not None and current > step):
            return
        screen.page.wait_for_timeout(50)
    raise AssertionError(f"the walk did not move past step {step}; the screen shows:\n{screen.text()}")
