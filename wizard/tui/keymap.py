"""Every key binding, as data, each with an id so people can remap it (`App.set_keymap`).

Screens and widgets take their BINDINGS from here rather than spelling keys inline, so the footer, the help
screen and the remapping all agree (a test walks every screen and widget class to hold this).
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

APP: list[BindingType] = [
    Binding("f1", "help", "Help", id="help"),
    Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
    # replaces Textual's own "palette" binding, so F1 and the footer both say "Commands" and it can be remapped
    Binding("ctrl+p", "command_palette", "Commands", show=False, id="commands", priority=True),
]

PICK: list[BindingType] = [Binding(str(n), f"pick({n})", f"Pick {n}", show=False, id=f"pick-{n}") for n in range(1, 10)]

STEP: list[BindingType] = [
    Binding("escape,b", "back", "Back", id="back"),
    # priority: `?` asks why even while a number field has focus, instead of typing into it
    Binding("question_mark,f2", "why", "Why?", id="why", priority=True),
    Binding("r", "review", "Answers", id="review"),
]

# The step's text scrolls, not the answer list under the cursor (priority: the focused list would take them).
SCROLL: list[BindingType] = [
    Binding("pageup", "scroll_text(-1)", "Text up", show=False, id="text-up", priority=True),
    Binding("pagedown", "scroll_text(1)", "Text down", show=False, id="text-down", priority=True),
]

YES_NO: list[BindingType] = [
    Binding("y", "yes_no(True)", "Yes", show=False, id="yes"),
    Binding("n", "yes_no(False)", "No", show=False, id="no"),
]

# 0 ticks a checklist's "None of these" wherever it stands: in a list of more than nine it has no number key.
MULTI: list[BindingType] = [Binding("d", "done", "Done", id="done"),
                            Binding("0", "none_of_these", "Tick 'None of these'", show=False, id="none-of-these")]

TIMER: list[BindingType] = [Binding("t", "toggle_timer", "Start/stop timer", id="timer")]
# On a measure the number box has focus and takes letters, so its timer needs a key that types nothing.
# Its own action, so the one walk screen (which has both bindings) can enable the one the step uses.
MEASURE_TIMER: list[BindingType] = [Binding("ctrl+t", "toggle_measure_timer", "Start/stop timer", id="measure-timer")]

EDIT: list[BindingType] = [
    Binding("escape", "cancel", "Cancel", id="cancel-edit"),
]

REVIEW: list[BindingType] = [Binding("escape", "close", "Close", id="close-review")]

RESULT: list[BindingType] = [
    Binding("e", "export", "Export", id="export"),
    Binding("n", "new_session", "New", id="new-session"),
    Binding("r", "review", "Answers", id="review"),
    Binding("escape,b", "back", "Back", id="back"),
]

EMERGENCY: list[BindingType] = [Binding("ctrl+b", "mistake", "I answered by mistake", id="emergency-mistake")]

MODAL: list[BindingType] = [Binding("escape", "close", "Close", id="close")]

START: list[BindingType] = [Binding("h", "history", "History", id="history")]

HISTORY: list[BindingType] = [
    Binding("escape", "close", "Close", id="close-history"),
    Binding("d", "delete", "Delete walk", id="history-delete"),
    Binding("w", "wipe", "Wipe all", id="history-wipe"),
    Binding("m", "more", "More walks", id="history-more"),
]

CONTINUE: list[BindingType] = [Binding("enter,space", "press", "Continue", id="continue")]


def binding_ids() -> set[str]:
    """Every id a person may remap."""
    groups = [value for name, value in globals().items() if name.isupper() and isinstance(value, list)]
    return {binding.id for group in groups for binding in group if binding.id}


def read_user_keymap(path) -> tuple[dict[str, str], list[str]]:
    """(binding id -> keys, problems) from a TOML file such as

        [keys]
        back = "escape,backspace"
        why = "w"

    A missing file is no problem; a bad one is reported and ignored, never fatal."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        return {}, []
    except OSError as exc:
        return {}, [f"{path}: cannot read the key map ({exc}); using the usual keys"]
    import tomllib  # only when there is a key map: most people have none, and every start would pay for it
    try:
        table = tomllib.loads(raw.decode("utf-8")).get("keys", {})
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, [f"{path}: cannot read the key map ({exc}); using the usual keys"]
    return _checked_keymap(path, table)


def _checked_keymap(path, table) -> tuple[dict[str, str], list[str]]:
    if not isinstance(table, dict):
        return {}, [f"{path}: [keys] must be a table of binding id = \"keys\""]
    known, keymap, problems = binding_ids(), {}, []
    for binding_id, keys in table.items():
        if binding_id not in known:
            problems.append(f"{path}: there is no key binding '{binding_id}' (known: {', '.join(sorted(known))})")
        elif not isinstance(keys, str) or not keys.strip():
            problems.append(f"{path}: '{binding_id}' needs keys as text, for example \"w\" or \"ctrl+w,f5\"")
        else:
            keymap[binding_id] = keys.replace(" ", "")
    return keymap, problems


def user_keymap_path():
    """Where a person's key map lives: $HIP_WIZARD_KEYMAP, else keymap.toml in the user config folder."""
    import os
    from pathlib import Path
    if os.environ.get("HIP_WIZARD_KEYMAP"):
        return Path(os.environ["HIP_WIZARD_KEYMAP"])
    try:
        import platformdirs
    except ImportError:
        return None
    return Path(platformdirs.user_config_dir("hip-wizard", appauthor=False)) / "keymap.toml"
