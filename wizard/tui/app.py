"""The Textual app: owns the one Session, shows the screen for its current step, reports to the journal.

Screens only show and forward (messages `Answered`, `GoBack`, `StartWalk`, `ResumeWalk`); every decision
is the engine's. The screen stack is [default, start screen, the walk screen, overlays...]: `show_current`
drops the overlays and shows whatever the session says comes next: the next step in place on the walk
screen (one per walk), or the emergency or result screen in its place. Screens other than
the start screen are imported where first needed, so the first question does not wait for modules it does
not use (see bench/bench_startup.py).
"""

from __future__ import annotations

import gc
import importlib
import sys
import threading
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from textual.app import App, SystemCommand
from textual.notifications import Notification, Notify
from textual.screen import Screen

from wizard.walk.engine import Session
from wizard.walk.graph import GraphInfo
from wizard.walk.progress import expected_minutes, minutes_words
from wizard.walk.resume import restore
from wizard.errors import AnswerError, StateError, UnknownTree, WizardError
from wizard.history.journal import GuardedJournal, Journal, NullJournal
from wizard.content.model import Library
from wizard.tui import keymap
from wizard.tui.library_cache import bundled_dir, load_library
from wizard.tui.safe_text import clean
from wizard.tui.messages import (Answered, AskExport, EditAnswer, GoBack, NewCheck, OpenPastWalk, ResumeWalk,
                                 ShowHistory, ShowReview, StartWalk)
from wizard.tui.screens.start import StartPlaceholder, StartScreen
from wizard.tui.step import Step
from wizard.tui.watcher import TreeWatcher
from wizard import wording

if TYPE_CHECKING:  # the store (sqlite) is imported only when history is used
    from wizard.history.store import Store

HISTORY_SCREEN = "wizard.tui.screens.history"
PRELOAD_AFTER = 0.5  # seconds after the start screen: well after its first frame


class WizardApp(App):
    CSS_PATH = Path(__file__).with_name("wizard.tcss")  # absolute, so subclasses elsewhere find it too
    TITLE = "hip-wizard"
    BINDINGS = keymap.APP

    def __init__(self, library: Library, journal: Journal | None = None, store: Store | None = None,
                 start_tree: str | None = None, watch_paths: Iterable = (), problems: list | None = None,
                 bundled: bool = True, keymap_path: Path | None = None, notices: Iterable[str] = ()) -> None:
        """`problems`: load errors to show first (author mode); `bundled`: reloads include the bundled trees;
        `keymap_path`: a TOML key map of binding id -> keys (see keymap.read_user_keymap); `notices`: things
        to tell the person at start (e.g. a damaged history file was moved aside)."""
        super().__init__()
        self.bundled = bundled
        self.now = lambda: None  # when summaries are dated: None means the local time now (tests fix it)
        self.library, self.store, self.start_tree = library, store, start_tree
        self.journal = GuardedJournal(journal if journal is not None else NullJournal(), self._journal_failed)
        self.watch_paths = list(watch_paths)
        self.watcher = TreeWatcher(self.watch_paths) if self.watch_paths else None
        self.problems = list(problems or [])
        self.session: Session | None = None
        self.keymap_path = keymap_path
        self.notices = list(notices)
        self._screen_notes: list[Notification] = []
        self.export_folder: Path | None = None  # where this session's last export went
        self.after_first_frame: list[Callable[[], None]] = []  # chores that must not delay the first screen

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = True) -> None:
        """Every toast is plain text, whoever asks for it: notes carry tree titles, key map entries and
        folder paths, and `[/R]` or `[@click=...]` there must show as typed, never parse (attack run F1)."""
        super().notify(clean(message), title=clean(title), severity=severity, timeout=timeout, markup=False)

    # --- screens -----------------------------------------------------------------------------------------

    def on_mount(self) -> None:
        if not gc.isenabled():  # paused for start-up by `hip-wizard run` (see cli._run)
            self.call_after_refresh(_collect_from_now_on)
        self.call_after_refresh(self.run_chores)
        self._apply_user_keymap()
        if not self._opens_on_tree:
            self.set_timer(PRELOAD_AFTER, self._preload_history)
        if self.problems:
            self._show_problems(self.problems)
        elif self.start_tree:
            self.begin_walk(self._fresh_session(self.start_tree))
        if self.watcher:
            self.set_interval(0.5, self.reload_if_changed)
        for notice in self.notices:
            self.notify(notice, severity="warning", timeout=20)

    @property
    def _opens_on_tree(self) -> bool:
        return bool(self.start_tree and not self.problems)

    def get_default_screen(self) -> Screen:
        """The bottom of the stack is the start screen itself (or its stand-in under `run TREE`), not an empty
        screen with the start screen pushed over it: one screen fewer to compose and draw before the first frame."""
        return StartPlaceholder() if self._opens_on_tree else self._start_screen()

    def run_chores(self) -> None:
        """Do (and forget) what waited for the first screen; run_app calls this again after an early exit."""
        while self.after_first_frame:
            self.after_first_frame.pop(0)()

    def _apply_user_keymap(self) -> None:
        if self.keymap_path is None:
            return
        remap, problems = keymap.read_user_keymap(self.keymap_path)
        for problem in problems:
            self.notify(problem, severity="warning", timeout=15)
        if remap:
            self.set_keymap(remap)

    def _start_screen(self) -> StartScreen:
        resumable = [(row.id, self._resume_label(row)) for row in self._unfinished()
                     if row.tree_id in self.library.trees]
        entries = self.library.entries()
        graph = GraphInfo(self.library)
        minutes = {t.id: minutes_words(expected_minutes(self.library, t.id, graph=graph)) for t in entries}
        # whether to offer `h` needs only a store: importing the history screen (YAML, JSON Schema) waits for `h`
        return StartScreen(entries, resumable, history=self.store is not None, minutes=minutes)

    def _resume_label(self, row) -> str:
        """"Full hip check, started 3 Mar 14:05, step 12 of about 30"."""
        from wizard.history.views import resume_label
        if self.store is None:
            return resume_label(self.library, row, {})
        try:
            return resume_label(self.library, row, self.store.load(row.id))
        except (OSError, WizardError, StateError):
            return resume_label(self.library, row, {})

    def _unfinished(self) -> list:
        try:
            return list(self.store.unfinished()) if self.store else []
        except (OSError, WizardError, StateError) as exc:
            self.notify(f"History could not be read: {exc}", severity="error")
            return []

    @property
    def walk_depth(self) -> int:
        """Where the walk screen sits in the stack: just above the start screen."""
        starts = [n for n, s in enumerate(self.screen_stack) if isinstance(s, (StartScreen, StartPlaceholder))]
        return starts[-1] + 2 if starts else len(self.screen_stack) + 1

    def show_current(self) -> None:
        """Drop overlays and show where the session now stands. While the walk asks, the walk screen already
        showing is updated in place (a new screen per step cost most of a key press); the first step, and
        the emergency and result screens, take the walk screen's place in the stack."""
        self._drop_screen_notes()
        self._pop_to(self.walk_depth)
        shown = self.screen_stack[-1] if len(self.screen_stack) == self.walk_depth else None
        if self._asking() and _is_walk_screen(shown):
            shown.show(Step.current(self.session))  # type: ignore[union-attr, arg-type]
        elif shown is not None:
            self.switch_screen(self._screen_for_session())
        else:
            self.push_screen(self._screen_for_session())

    def _asking(self) -> bool:
        session = self.session
        return session is not None and session.status != "emergency" and not session.finished

    def _pop_to(self, depth: int) -> None:
        while len(self.screen_stack) > depth:
            self.pop_screen()

    def _screen_for_session(self) -> Screen:
        session = self.session
        assert session is not None, "only called while a walk is on"
        if session.status == "emergency":
            from wizard.tui.screens.emergency import EmergencyScreen
            return EmergencyScreen(session.result())
        if session.finished:
            from wizard.tui.screens.result import ResultScreen
            return ResultScreen(self.summary_of(session))
        from wizard.tui.screens.walk import WalkScreen
        return WalkScreen(Step.current(session))

    def summary_of(self, session: Session):
        """The one record the result screen and every export show; a re-test's carries its comparison."""
        from wizard.report.summary import build_summary
        session_id = self.journal.id_of(session)
        return build_summary(session, when=self.now(), retest=self._retest_view(session),
                             trends=self._trends(session_id))

    def _trends(self, session_id) -> list:
        """Measures over the walks so far, for the charts in the HTML export; none without history."""
        if self.store is None or session_id is None:
            return []
        from wizard.history.views import walk_trends
        try:
            return walk_trends(self.store, self.library, session_id)
        except (OSError, WizardError, StateError):
            return []

    def _retest_view(self, session: Session):
        """After a re-test with history: baseline, comparison, re-judged findings and the plan's stage."""
        if self.store is None or session.tree_id not in self.library.retest_trees():
            return None
        from wizard.history.retest import retest_view
        session_id = self.journal.id_of(session)
        try:
            return retest_view(self.store, self.library, session, session_id)
        except (WizardError, StateError) as exc:
            self.notify(f"Could not compare with last time: {exc}", severity="warning")
            return None

    def back_to_start(self) -> None:
        """A fresh start screen (its resume list may have changed). The first one is the bottom of the stack,
        which Textual cannot swap out: a new one then goes over it, and later returns swap that one."""
        self.session = None
        self._pop_to(self.walk_depth - 1)
        if len(self.screen_stack) > 1:
            self.switch_screen(self._start_screen())
        else:
            self.push_screen(self._start_screen())

    # --- the walk ----------------------------------------------------------------------------------------

    def begin_walk(self, session: Session, resumed_id: str | None = None) -> None:
        """Show the walk's step. A fresh walk goes into the history with its first answer (the journal's
        `record` begins it): a walk nobody answered has nothing to keep or resume, and writing it first
        left a "Resume ... step 1" row for every check opened and closed again, and made the first question
        wait for a disk commit. A re-test pre-filled from the last check has answers, so it is kept at once."""
        self.session = session
        if resumed_id is not None:
            self.journal.resume(resumed_id, session)
        elif session.answers:
            self.journal.begin(session)
        self._after_change()

    def _carry_journal(self, old: Session, new: Session) -> None:
        """A replayed walk is the same walk: keep writing it under its old history id, not a new one."""
        old_id = self.journal.id_of(old)
        if old_id is not None:
            self.journal.resume(old_id, new)

    def _journal_failed(self, message: str) -> None:
        self.notify(message, severity="error", timeout=15)

    def on_start_walk(self, message: StartWalk) -> None:
        """A fresh walk; when the same check is unfinished, ask whether to discard it rather than pile up."""
        tree_id = message.tree_id
        left = [row for row in self._unfinished() if row.tree_id == tree_id]
        if not left:
            self.begin_walk(self._fresh_session(tree_id))
            return
        from wizard.tui.screens.confirm import ConfirmScreen
        question = (f"You have an unfinished walk: {self._resume_label(left[0])}. Start a new one? The old one "
                    "can stay under Resume, or go. Escape: back to the list.")
        self.push_screen(ConfirmScreen(question, "Discard it, start new", "Keep it, start new"),
                         lambda discard: self._start_fresh(tree_id, left if discard else []) if discard is not None
                         else None)

    def _start_fresh(self, tree_id: str, discard: list) -> None:
        if self.store is not None:
            self._discard(self.store, discard)
        self.begin_walk(self._fresh_session(tree_id))

    def _discard(self, store: Store, rows: list) -> None:
        for row in rows:
            try:
                store.delete(row.id)
            except (OSError, WizardError, StateError) as exc:
                self.notify(f"Could not discard the unfinished walk: {exc}", severity="error")

    def _fresh_session(self, tree_id: str) -> Session:
        """A new walk; a re-test comes pre-filled with the areas whose tests were positive last time."""
        session = Session(self.library, tree_id)
        if self.store is not None and tree_id in self.library.retest_trees():  # the comparison is a re-test's alone
            from wizard.history.retest import retest_intro, suggest_from_last_check
            try:
                suggest_from_last_check(self.store, self.library, session)
                intro = retest_intro(self.store, self.library, tree_id)
            except (WizardError, StateError):
                intro = None  # a suggestion is a convenience; the walk works without it
            if intro:
                self.notify(intro, timeout=12)
        return session

    def on_open_past_walk(self, message: OpenPastWalk) -> None:
        """A finished walk from the history: its summary as it was saved, over the history screen."""
        from wizard.report.summary import build_summary
        from wizard.tui.screens.result import ResultScreen
        if self.store is None:  # the history screen is offered only with a store
            return
        try:
            session, notes = restore(self.library, self.store.load(message.session_id))
            when = datetime.fromisoformat(self.store.session(message.session_id).updated).astimezone()
            retest = self._past_retest(session, message.session_id)
            summary = build_summary(session, when=when.replace(microsecond=0), notes=tuple(notes), retest=retest,
                                    trends=self._trends(message.session_id))
        except (OSError, StateError, WizardError, KeyError, ValueError) as exc:
            self.notify(f"That walk cannot be shown: {exc}", severity="error")
            return
        self.push_screen(ResultScreen(summary, past=True))

    def _past_retest(self, session: Session, session_id: str):
        if self.store is None or session.tree_id not in self.library.retest_trees():
            return None
        from wizard.history.retest import retest_view
        return retest_view(self.store, self.library, session, session_id)

    def on_resume_walk(self, message: ResumeWalk) -> None:
        if self.store is None:  # the start screen offers resuming only with a store
            return
        try:
            self.store.claim(message.session_id)
            session, notes = restore(self.library, self.store.load(message.session_id))
        except (OSError, StateError, WizardError, KeyError) as exc:
            self.notify(f"That session cannot be resumed: {exc}", severity="error")
            return
        for note in notes:
            self.notify(note, timeout=10)
        self.begin_walk(session, message.session_id)

    def on_answered(self, message: Answered) -> None:
        session = self.session
        if session is None:
            return
        editing = session.current is None or message.qid != session.current.qid
        changed = session.answers.get(message.qid) != message.value
        try:
            if editing:
                session.edit(message.qid, message.value)
            else:
                session.answer(message.value)
        except AnswerError as exc:
            self.notify(str(exc), severity="error")
            self._reopen_step_screens()
            return
        self.journal.record(session)
        self._after_change()
        if editing and changed:
            self.note_for_this_screen(wording.ANSWER_CHANGED)

    def note_for_this_screen(self, message: str) -> None:
        """A toast about the screen now shown: it goes when that screen does, not seconds into the next."""
        notification = Notification(message, "", "information", self.NOTIFICATION_TIMEOUT, markup=False)
        self.post_message(Notify(notification))
        self._screen_notes.append(notification)

    def _drop_screen_notes(self) -> None:
        for notification in self._screen_notes:
            if notification in self._notifications:
                self._unnotify(notification)  # Textual has no public way to withdraw one toast
        self._screen_notes.clear()

    def _reopen_step_screens(self) -> None:
        """After a refused answer, the screens that sent one may send again."""
        for screen in self.screen_stack:
            if hasattr(screen, "answered"):
                screen.answered = False

    def on_go_back(self, message: GoBack) -> None:
        if self.session is None:
            return
        if not self.session.back():
            self.back_to_start()
            self.note_for_this_screen(wording.FIRST_STEP)  # about the start screen: gone with it
            return
        self.journal.record(self.session)
        self.show_current()

    def _after_change(self) -> None:
        if self.session is not None and self.session.finished:
            self.journal.finish(self.session)
        self.show_current()

    # --- actions -----------------------------------------------------------------------------------------

    def action_review(self) -> None:
        session = self.session
        if session is None:
            return
        answers = [(n.qid, n.label, session.reason(n.qid).answer_text) for n in session.steps]
        from wizard.tui.screens.review import ReviewScreen
        self.push_screen(ReviewScreen(answers))

    def on_show_review(self, message: ShowReview) -> None:
        self.action_review()

    def on_edit_answer(self, message: EditAnswer) -> None:
        self.edit_answer(message.qid)

    def on_ask_export(self, message: AskExport) -> None:
        self.ask_export(message.summary)

    def on_new_check(self, message: NewCheck) -> None:
        self.action_new_session()

    def on_show_history(self, message: ShowHistory) -> None:
        self.action_history()

    def edit_answer(self, qid: str) -> None:
        if self.session is None:
            return
        from wizard.tui.screens.walk import WalkScreen
        self.push_screen(WalkScreen(Step.edit(self.session, qid)))  # its own instance: dismissed after the change

    def action_new_session(self) -> None:
        """Leave this walk for the start screen; mid-walk without history, say first what would be lost."""
        if not self._answers_at_risk() or self.journal.keeps_history:
            self.back_to_start()
            return
        from wizard.tui.screens.confirm import ConfirmScreen
        self.push_screen(ConfirmScreen(wording.LEAVE_WARNING, "Leave", "Stay"),
                         lambda leave: self.back_to_start() if leave else None)

    def action_help(self) -> None:
        topic = getattr(self.screen, "HELP_TOPIC", "general")
        keys = [(self.get_key_display(active.binding), active.binding)
                for active in self.screen.active_bindings.values() if active.enabled]
        from wizard.tui.screens.help import HelpScreen  # Markdown is heavy to import and rarely needed: load on demand
        self.push_screen(HelpScreen(topic, keys))

    def ask_export(self, summary) -> None:
        """The export dialog (format and folder), then the file is written and the app says where."""
        from wizard.report.files import default_folder
        from wizard.tui.screens.export import ExportScreen

        def chosen(picked) -> None:
            if picked is not None:
                self.export_folder = picked[1]  # the next export in this session offers the same folder
                self.save_summary(summary, *picked)
        self.push_screen(ExportScreen(self.export_folder or default_folder()), chosen)

    def save_summary(self, summary, fmt: str, folder=None) -> None:
        from wizard.report.files import export_summary
        try:
            path = export_summary(summary, fmt, folder)
        except (OSError, WizardError, ValueError) as exc:
            self.notify(f"Export failed: {exc}", severity="error")
            return
        self._saved(path, fmt)

    def _saved(self, path, fmt: str) -> None:
        self.notify(wording.export_saved(fmt, path), timeout=10)
        if self.is_web:  # in a browser (`hip-wizard serve`) that path is on the server: send the file as a download
            self.deliver_binary(path, save_filename=path.name)

    def export_session(self, fmt: str) -> None:
        try:
            from wizard.report.files import export_summary
        except ImportError:
            self.notify("Export is not available in this version.", severity="warning")
            return
        if self.session is None:
            return
        try:
            path = export_summary(self.summary_of(self.session), fmt)
        except (OSError, WizardError, ValueError) as exc:
            self.notify(f"Export failed: {exc}", severity="error")
            return
        self._saved(path, fmt)

    def _history_screen(self):
        if self.store is None:
            return None
        try:
            from wizard.tui.screens.history import HistoryScreen  # usually preloaded: see _preload_history
        except ImportError:
            return None
        return HistoryScreen

    def _preload_history(self) -> None:
        """`h` is one key away on the start screen: import its screen in the background while the person reads,
        so opening it does not wait for the import (a missing module is found out on `h`, as before)."""
        if self.store is not None and HISTORY_SCREEN not in sys.modules:
            threading.Thread(target=_import_quietly, args=(HISTORY_SCREEN,), daemon=True).start()

    def action_history(self) -> None:
        screen = self._history_screen()
        if screen is None:
            self.notify("History is not available.", severity="warning")
            return
        self.push_screen(screen(self.store, library=self.library))

    async def action_quit(self) -> None:
        from wizard.tui.screens.confirm import ConfirmScreen
        if self.journal.keeps_history and self._answers_at_risk():
            self.exit(message=wording.ANSWERS_KEPT)  # printed once the terminal is back: nothing is lost
            return
        if self.journal.keeps_history or not self._answers_at_risk() or isinstance(self.screen, ConfirmScreen):
            self.exit()
            return
        self.push_screen(ConfirmScreen(wording.QUIT_WARNING, "Quit", "Stay"), self._quit_confirmed)

    def _answers_at_risk(self) -> bool:
        return self.session is not None and bool(self.session.answers) and not self.session.finished

    def _quit_confirmed(self, quit_now: bool | None) -> None:
        if quit_now:
            self.exit()

    # --- command palette ---------------------------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette holds this app's commands only, as Posting and Harlequin curate theirs: Textual's
        defaults (Keys, Maximize, Screenshot, "Quit as soon as possible") mean nothing to a person here."""
        yield SystemCommand("Help", "Help and keys for this screen (F1)", self.action_help)
        if self.session is not None:
            yield SystemCommand("Review answers", "List every answer so far and change any of them",
                                self.action_review)
            yield SystemCommand("New check", "Leave this walk and go back to the start screen",
                                self.action_new_session)
        if self.session is not None and self.session.finished:
            for fmt in wording.EXPORT_FORMATS:
                title, help_text = wording.export_command(fmt)
                yield SystemCommand(title, help_text, lambda fmt=fmt: self.export_session(fmt))
        if self._history_screen() is not None:
            yield SystemCommand("History", "Past sessions and how things changed", self.action_history)
        yield SystemCommand("Theme", "Change the colours", self.action_change_theme)
        yield SystemCommand("Quit", "Leave hip-wizard (Ctrl+Q)", self.action_quit)

    # --- author mode (--watch) ---------------------------------------------------------------------------

    def reload_if_changed(self) -> None:
        if self.watcher and self.watcher.changed():
            self.reload_trees()

    def reload_trees(self) -> None:
        """Reload every tree; on success restart the walk with the same answers (same step if it exists)."""
        from wizard.content.loader import collect
        loaded = collect(self.watch_paths, self.bundled)
        if loaded.errors:
            self._show_problems(loaded.errors)
            return
        self.library = loaded.library
        if self.session is None:
            self._restart_from_menu()
        else:
            self._replay_walk()

    def _restart_from_menu(self) -> None:
        self.back_to_start()
        if self.start_tree in self.library.trees:
            self.begin_walk(self._fresh_session(self.start_tree))

    def _replay_walk(self) -> None:
        """The same answers over the reloaded trees: the walk lands on the same step where it still exists."""
        old = self.session
        if old is None:
            return
        try:
            self.session, notes = restore(self.library, old.to_dict())
        except StateError as exc:
            self._show_problems([str(exc)])
            return
        self._carry_journal(old, self.session)
        self.notify("Trees reloaded." + "".join(f"\n{note}" for note in notes))
        self.show_current()

    def _show_problems(self, problems: list) -> None:
        from wizard.tui.screens.problems import ProblemsScreen
        self._pop_to(self.walk_depth if self.session else self.walk_depth - 1)
        self.push_screen(ProblemsScreen(problems))


def _is_walk_screen(screen) -> bool:
    """The walk's own screen (not one changing an earlier answer), without importing it to ask."""
    walk = sys.modules.get("wizard.tui.screens.walk")
    return walk is not None and isinstance(screen, walk.WalkScreen) and not screen.editing


def _import_quietly(name: str) -> None:
    try:
        importlib.import_module(name)
    except ImportError:
        pass


def _collect_from_now_on() -> None:
    """The first screen is up: what start-up built (modules, the library, Textual's tables) lives as long as
    the app, so freeze it out of future collections (they stay quick), and collect as usual from here on.
    The one cost: the first screen's own widgets, once replaced, are freed only as far as reference counts
    go (a one-off of some hundred kB), since frozen cycles are never collected."""
    gc.freeze()
    gc.enable()


def run_app(args) -> int:
    """`hip-wizard run`: load the trees, start the app, return an exit code. Load errors are shown, never raised
    as a traceback: without --watch they go to the CLI's error report; with --watch into the app."""
    watch = getattr(args, "watch", False)
    cache_writes: list[Callable[[], None]] = []
    library, problems = load_library(list(args.trees), later=cache_writes)
    errors = [p for p in problems if p.severity == "error"]
    if errors and not watch:
        from wizard.errors import LoadError
        raise LoadError(errors)
    tree = getattr(args, "tree", None)
    if tree and tree not in library.trees and not errors:
        raise UnknownTree(tree, library.trees)
    watch_paths = (list(args.trees) or [bundled_dir()]) if watch else ()
    from wizard.history.store import data_dir_for_run
    data_dir, author_notice = data_dir_for_run(args.data_dir, list(args.trees), watch)
    store, notices = open_store(data_dir)
    notices = [author_notice, *notices] if author_notice else notices
    app = WizardApp(library, store.journal() if store else NullJournal(), store, tree, watch_paths,
                    problems=errors, keymap_path=keymap.user_keymap_path(), notices=notices)
    app.after_first_frame += cache_writes
    try:
        app.run()
    finally:
        app.run_chores()  # an app closed before its first screen was drawn still leaves the cache written
        if store:
            store.close()
    return app.return_code or 0


def open_store(data_dir: Path | None) -> tuple[Store | None, list[str]]:
    """The history store and what to tell the person about it; without one the app still works, unsaved."""
    from wizard.errors import StateError
    from wizard.history.store import Store
    try:
        store = Store.open(data_dir)
    except StateError as exc:
        return None, [f"{exc}. Answers will not be saved this time."]
    return store, list(store.notices)
