"""`hip-wizard run --plain`: the same walk as numbered line prompts, for screen readers, pipes and simple terminals.

It drives the same `Session` as the full-screen app and offers the same features: `?` for why, `b` to go
back, `r` to review and change any answer, `q` to quit, and the full summary at the end. All tree text is
passed through `terminal_safe` before it is printed.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Callable, TextIO, TypeVar

from wizard.content import loader
from wizard.content.answers import describe_answer, parse_measure, parse_number
from wizard.walk.progress import expected, expected_minutes, minutes_words
from wizard.walk.engine import Session
from wizard.errors import AnswerError, StateError, UnknownTree
from wizard.history.journal import GuardedJournal, Journal, NullJournal
from wizard.content.model import Info, Library, Measure, Node, Question, RESULT_LABELS, SelfTest
from wizard.text import terminal_safe

T = TypeVar("T")

if TYPE_CHECKING:  # the store (sqlite) is imported only when history is used
    from wizard.history.store import Store

DISCLAIMER = ("hip-wizard is not a doctor and does not diagnose. If you have severe pain, fever, a fall you cannot "
              "get up from, numbness in the saddle area or bladder or bowel changes, call emergency services now.")
HELP = "Type your answer, or: ? why this is asked   b back   r review and change answers   q quit"
YES, NO = {"y", "yes", "1"}, {"n", "no", "2"}  # 1 and 2 as well: the TUI numbers yes and no


class Quit(Exception):
    """The person asked to stop, or input ended."""


class PlainFrontEnd:
    """One walk over stdin/stdout (or any pair of text streams)."""

    def __init__(self, library: Library, stdin: TextIO, stdout: TextIO, journal: Journal | None = None):
        self.library, self.stdin, self.stdout = library, stdin, stdout
        self.journal: Journal = journal or NullJournal()
        # set by run_plain when there is a history: session -> RetestView | None
        self.retest_view: Callable[[Session], Any] | None = None

    def say(self, text: str = "") -> None:
        self.stdout.write(terminal_safe(text) + "\n")
        self.stdout.flush()

    def ask(self, prompt: str) -> str:
        self.stdout.write(terminal_safe(prompt) + " ")
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            self.stdout.write("\n")  # input ended: do not leave the prompt hanging without a line end
            raise Quit()
        return line.strip()

    # --- the walk ----------------------------------------------------------------------------------------

    def run(self, session: Session, begun: bool = False) -> int:
        if not begun:
            self.journal.begin(session)
        self.say(DISCLAIMER)
        self.say(HELP)
        try:
            while session.current is not None:
                self._step(session)
        except Quit:
            return self._quit()
        self.journal.finish(session)
        self._show_result(session)
        return 0

    def _step(self, session: Session) -> None:
        node = session.current
        if node is None:  # the walk has ended; the caller shows the result
            return
        progress = expected(session)
        left = (f"about {progress.remaining - 1} more after this" if progress.remaining > 1
                else "the last step, as far as your answers show")
        self.say(f"\nStep {progress.done + 1}, {left}")
        self._show(node)
        value = self._read_answer(session, node)
        if value is not _HANDLED:
            session.answer(value)
            self.journal.record(session)

    def _read_answer(self, session: Session, node: Node) -> object:
        kept = session.previous_answer(node.qid)
        if kept is not None and not isinstance(node, Info):
            self.say(f"Press Enter to keep: {describe_answer(node, kept)}")
        while True:
            text = self.ask(_PROMPTS[type(node)](node))
            if not text and kept is not None and not isinstance(node, Info):
                return kept
            command = _COMMANDS.get(text.lower())
            if command:
                return command(self, session, node)
            try:
                return _checked(node, PARSERS[type(node)](node, text))
            except AnswerError as exc:
                self.say(f"Sorry: {exc}. {HELP}")

    def _quit(self) -> int:
        if self.journal.keeps_history:
            self.say("\nStopped. Your answers are saved; start hip-wizard again to carry on.")
        else:
            self.say("\nStopped. These answers were not saved and are now lost.")
        return 0

    # --- commands ----------------------------------------------------------------------------------------

    def _why(self, session: Session, node: Node) -> object:
        self.say(f"Why this is asked: {getattr(node, 'why', None) or 'It helps the next steps fit you.'}")
        evidence = getattr(node, "evidence", None)
        if evidence:
            self.say(f"If positive: {evidence.positive_means}")
            self.say(f"If negative: {evidence.negative_means}")
            self.say(f"Source: {evidence.source}")
        return self._read_answer(session, node)

    def _back(self, session: Session, node: Node) -> object:
        if not session.back():
            self.say("This is the first step; there is nothing to go back to.")
            return self._read_answer(session, node)
        self.journal.record(session)
        return _HANDLED

    def _review(self, session: Session, node: Node) -> object:
        steps = session.steps
        if not steps:
            self.say("No answers yet.")
            return self._read_answer(session, node)
        for number, step in enumerate(steps, 1):
            self.say(f"{number}. {step.label}: {describe_answer(step, session.answers[step.qid])}")
        choice = parse_number(self.ask("Number of the answer to change (Enter to keep all):") or "0")
        if isinstance(choice, int) and 1 <= choice <= len(steps):
            self._edit(session, steps[choice - 1])
        return _HANDLED

    def _edit(self, session: Session, node: Node) -> None:
        self._show(node)
        value = self._read_answer(session, node)
        if value is not _HANDLED:
            session.edit(node.qid, value)
            self.journal.record(session)

    def _stop(self, session: Session, node: Node) -> object:
        raise Quit()

    # --- showing -----------------------------------------------------------------------------------------

    def _show(self, node: Node) -> None:
        self.say(node.title or "")
        for line in _DESCRIBE[type(node)](node):
            self.say(line)

    def _show_result(self, session: Session) -> None:
        from wizard.report import render
        from wizard.report.summary import build_summary
        if session.status == "emergency":
            referral = session.result().referral
            self.say("\n" + "!" * 60)
            self.say("EMERGENCY: " + ((referral.action or referral.reason) if referral else ""))
            self.say("!" * 60)
        self.say("")
        retest = self.retest_view(session) if self.retest_view is not None else None
        self.say(render(build_summary(session, retest=retest), "md"))


_HANDLED = object()
_COMMANDS: dict[str, Callable] = {"?": PlainFrontEnd._why, "b": PlainFrontEnd._back, "r": PlainFrontEnd._review,
                                  "q": PlainFrontEnd._stop}


def _checked(node: Node, value: object) -> object:
    if value is None:
        raise AnswerError(_sorry(node))
    return value


def _sorry(node: Node) -> str:
    """What to type instead, in the words of the numbered list just shown."""
    if isinstance(node, Question) and node.style == "yes_no":
        return "answer y or n (or 1 for yes, 2 for no)"
    if isinstance(node, Question) and node.style == "single":
        return f"number of one answer, 1 to {len(node.options)}"
    if isinstance(node, Question):
        return f"numbers of the answers that apply, 1 to {len(node.options)}, or {_none_number(node)} for none"
    if isinstance(node, SelfTest):
        return f"number of the result, 1 to {len(node.results)}"
    return _PROMPTS[type(node)](node).rstrip(":").lower()


def _none_number(node: Question) -> int:
    """What to type for "none of these": the list's own "None of these" option when it has one (so the prompt
    and the numbered list agree), else 0."""
    return next((i for i, o in enumerate(node.options, 1) if o.exclusive), 0)


def _numbered(labels: list[str]) -> list[str]:
    return [f"  {i}. {label}" for i, label in enumerate(labels, 1)]


def _describe_question(node: Question) -> list[str]:
    lines = [node.text] + ([node.help] if node.help else [])
    return lines + _numbered([o.label for o in node.options])


def _describe_test(node: SelfTest) -> list[str]:
    lines = [node.text, "Steps:"] + _numbered(list(node.steps))
    lines += [f"STOP RULE: {node.stop_rule}", f"A positive result feels like: {node.positive_feels}"]
    if node.hold_seconds:
        lines.append(f"Hold for {node.hold_seconds} seconds (count or use a clock).")
    return lines + ["Result:"] + _numbered([RESULT_LABELS[r] for r in node.results])


def _describe_measure(node: Measure) -> list[str]:
    cannot = [f"Type c for: {node.cannot_do}"] if node.cannot_do else []
    timer = [f"Time it with a clock or a phone: up to {node.hold_seconds} seconds."] if node.hold_seconds else []
    return [node.text] + ([node.help] if node.help else []) + timer + cannot


_DESCRIBE: dict[type, Callable[[Any], list[str]]] = {
    Question: _describe_question, SelfTest: _describe_test, Measure: _describe_measure, Info: lambda node: [node.text]}


def _pick(options: list[T], text: str) -> T | None:
    number = parse_number(text)
    return options[number - 1] if isinstance(number, int) and 1 <= number <= len(options) else None


def _parse_question(node: Question, text: str) -> object:
    if node.style == "yes_no":
        word = text.lower()
        return True if word in YES else False if word in NO else None
    values = [o.value for o in node.options]
    if node.style == "single":
        return _pick(values, text)
    if text.strip() == "0":
        none = _none_number(node)
        return [values[none - 1]] if none else []
    picked = [_pick(values, part) for part in text.replace(",", " ").split()]
    return picked if picked and None not in picked else None


def _parse_measure(node: Measure, text: str) -> object:
    number = parse_measure(node, text)
    if number is None:
        raise AnswerError(f"type a number from {node.min:g} to {node.max:g}" + (" or c" if node.cannot_do else ""))
    return number


PARSERS = {
    Question: _parse_question,
    SelfTest: lambda node, text: _pick(list(node.results), text),
    Measure: _parse_measure,
    Info: lambda node, text: True,
}

_PROMPTS = {
    Question: lambda n: {"yes_no": "Answer y or n (1 yes, 2 no):", "single": "Number:",
                         "multi": f"Numbers of all that apply, separated by spaces ({_none_number(n)} for none):",
                         }[n.style],
    SelfTest: lambda n: "Result number:",
    Measure: lambda n: f"Number ({n.min:g} to {n.max:g} {n.unit}):",
    Info: lambda n: "Press Enter to continue:",
}


def choose_tree(library: Library, front: PlainFrontEnd) -> str:
    entries = library.entries() or sorted(library.trees.values(), key=lambda t: t.title)
    front.say("Which check would you like to do?")
    for line in _numbered([f"{t.title} ({minutes_words(expected_minutes(library, t.id))})" for t in entries]):
        front.say(line)
    while True:
        picked = _pick(entries, front.ask("Number:"))
        if picked:
            return picked.id
        front.say(f"Type a number from 1 to {len(entries)}.")


def open_store(args, front: PlainFrontEnd):
    """The history store, or None (said plainly) when it cannot be opened; the walk works either way."""
    from wizard.history.store import Store
    try:
        store = Store.open(args.data_dir)
    except StateError as exc:
        front.say(f"{exc}. This check will not be saved.")
        return None
    for notice in store.notices:
        front.say(notice)
    return store


def offer_resume(store, library: Library, front: PlainFrontEnd):
    """(session, journal) for an unfinished walk the person chooses to carry on, else None."""
    rows = [r for r in store.unfinished() if r.tree_id in library.trees] if store else []
    if not rows:
        return None
    from wizard.history.views import resume_label
    row = rows[0]
    label = resume_label(library, row, store.load(row.id))
    if front.ask(f"You have an unfinished walk: {label}. Carry on? [y/n]").lower() not in YES:
        if front.ask("Discard it, so it is not offered again? [y/n]").lower() in YES:
            store.delete(row.id)
            front.say("Discarded.")
        return None
    session, notes, journal = store.resume(row.id, library)
    for note in notes:
        front.say(note)
    return session, journal


def attach_history(store: Store, library: Library, session: Session, journal: Journal,
                   front: PlainFrontEnd) -> None:
    """A re-test says up front what it compares with, and its summary carries the comparison and stage."""
    from wizard.history.retest import retest_intro, retest_view
    intro = retest_intro(store, library, session.tree_id)
    if intro and not session.finished:
        front.say(intro)
    front.retest_view = lambda s: retest_view(store, library, s, journal.id_of(s))


def run_plain(args, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    library = loader.load(args.trees)
    if args.tree and args.tree not in library.trees:  # before the store, so a typo creates no history file
        raise UnknownTree(args.tree, library.trees)
    front = PlainFrontEnd(library, stdin, stdout)
    store = open_store(args, front)
    try:
        return _walk_plain(args, library, front, store)
    finally:
        if store:
            store.close()  # also lets go of the walk's lock (see history.walk_lock)


def _walk_plain(args, library: Library, front: PlainFrontEnd, store) -> int:
    try:
        resumed = offer_resume(store, library, front)
        session, journal = resumed or (None, store.journal() if store else NullJournal())
        if session is None:
            tree_id = args.tree if args.tree else choose_tree(library, front)
            session = Session(library, tree_id)
            if store:
                from wizard.history.retest import suggest_from_last_check
                suggest_from_last_check(store, library, session)
    except Quit:
        return 0
    front.journal = GuardedJournal(journal, front.say)
    if store and session.tree_id in library.retest_trees():
        attach_history(store, library, session, journal, front)
    return front.run(session, begun=resumed is not None)
