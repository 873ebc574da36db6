"""argv -> one front end or author command. Nothing else in hip-wizard parses arguments.

Each command is a small function that takes the parsed arguments and returns an exit code; the heavy
modules (Textual, the store) are imported only by the commands that need them, so `check` and `play`
start fast and never load a user interface.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Callable

from wizard import __version__
from wizard.errors import StateError, UserError, WizardError
from wizard.text import terminal_safe

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

# The one table of exit codes: what went wrong -> (code, how the message is introduced on stderr).
# 1: the input (trees, saved state, files) has problems; 2: the command asked for something that does not
# exist or cannot be done as asked, like argparse's own usage errors.
EXIT_CODES: tuple[tuple[type[Exception], int, str], ...] = (
    (UserError, EXIT_USAGE, "hip-wizard: "),
    (WizardError, EXIT_PROBLEMS, "hip-wizard: cannot continue:\n"),
    (StateError, EXIT_PROBLEMS, "hip-wizard: "),
)
_HANDLED = tuple(kind for kind, _, _ in EXIT_CODES)


def _add_trees_option(parser: argparse.ArgumentParser, prefix: str = "") -> None:
    """`--trees` and `--data-dir` work before or after the command; the two spellings are merged in main."""
    parser.add_argument("--trees", dest=f"{prefix}trees", metavar="DIR", type=Path, action="append", default=[],
                        help="add a folder (or file) of your own trees beside the bundled ones; repeatable")
    parser.add_argument("--data-dir", dest=f"{prefix}data_dir", metavar="DIR", type=Path, default=None,
                        help="where history is kept (default: your user data folder)")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; `only`: just that command's part (when argv names it first, the other nine
    commands' options are never looked at, and building them was most of the parser's cost)."""
    parser = argparse.ArgumentParser(
        prog="hip-wizard",
        description="A terminal wizard for hip pain: safety questions first, then self-tests and a plan.")
    parser.add_argument("--version", action="version", version=f"hip-wizard {__version__}")
    _add_trees_option(parser, prefix="global_")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_text, configure, _) in COMMANDS.items():
        if only not in (None, name):
            continue
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _add_trees_option(sub)
        configure(sub)
    return parser


def _configure_run(p: argparse.ArgumentParser) -> None:
    p.add_argument("tree", nargs="?", help="start this tree directly (default: choose from the menu)")
    p.add_argument("--plain", action="store_true", help="numbered line prompts instead of the full-screen app")
    p.add_argument("--watch", action="store_true", help="reload trees when their files change (for authors)")


def _configure_play(p: argparse.ArgumentParser) -> None:
    p.add_argument("tree", help="the tree to walk")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--answers", type=Path, metavar="FILE", help="a YAML or JSON mapping of node id -> answer")
    source.add_argument("--jsonl", action="store_true", help="questions out, answers in, one JSON object a line")
    p.add_argument("--format", choices=("md", "json", "html", "fhir"), default="md", help="summary format")


def _configure_check(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="tree files or folders (default: bundled)")
    p.add_argument("--json", action="store_true", help="machine-readable report")


def _configure_graph(p: argparse.ArgumentParser) -> None:
    p.add_argument("tree", help="the tree to draw")
    p.add_argument("--format", choices=("mermaid", "dot"), default="mermaid")


def _configure_export(p: argparse.ArgumentParser) -> None:
    p.add_argument("session", nargs="?", help="session id from `hip-wizard history` (default: the latest)")
    p.add_argument("--format", choices=("md", "html", "json", "fhir"), default="md")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here (default: print)")


def _configure_history(p: argparse.ArgumentParser) -> None:
    p.add_argument("--export", choices=("csv",), help="print all history in this format")
    p.add_argument("--delete", metavar="SESSION", help="delete one session (asks first)")
    p.add_argument("--wipe", action="store_true", help="delete all history (asks first)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def _configure_catalogue(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="machine-readable: {section: {id: name}}")


def _configure_new(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", help="the new tree's id (lower-case letters, digits and dashes)")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="where to write (default: ID.yaml)")


def _configure_serve(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    p.add_argument("--open", action="store_true", help="open the page in your browser")
    p.add_argument("--public", action="store_true",
                   help="allow a host other machines can reach (everyone's walks are stored under your account)")


def _configure_diff(p: argparse.ArgumentParser) -> None:
    p.add_argument("old", help="a trees folder, or a git revision of this repository (e.g. HEAD~1, main)")
    p.add_argument("new", nargs="?", help="the same (default: the working copy of --path)")
    p.add_argument("--path", default="trees", help="the trees folder within the repository (default: trees)")
    p.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    p.add_argument("--allow-lower", action="store_true", help="exit 0 even when something became less urgent")


def full_screen_refusal(stdin, stdout, env) -> str | None:
    """Why the full-screen app cannot work here, or None. Without a terminal on both ends it would hang
    waiting for keys and write escape codes into files; TERM=dumb says the terminal cannot draw it."""
    if env.get("TEXTUAL_DRIVER"):  # a driver chosen for us (textual-serve's web driver) draws without a tty
        return None
    if env.get("TERM") == "dumb":
        return "this terminal says it cannot draw a full screen (TERM=dumb)"
    for name, stream in (("input", stdin), ("output", stdout)):
        try:
            if stream is not None and stream.isatty():
                continue
        except (AttributeError, ValueError):  # closed or replaced streams
            pass
        return f"the {name} is not a terminal"
    return None


def _run(args) -> int:
    why = None if args.plain else full_screen_refusal(sys.stdin, sys.stdout, os.environ)
    if why:
        print(f"hip-wizard: {why}; using --plain (numbered line prompts) instead.", file=sys.stderr)
    if args.plain or why:
        from wizard.plain import run_plain
        return run_plain(args)
    import gc
    gc.disable()  # start-up allocates much and frees little; the app collects again once its first screen is up
    from wizard.tui.app import run_app
    return run_app(args)


def _play(args) -> int:
    from wizard.play import play_command
    return play_command(args)


def _check(args) -> int:
    from wizard.authoring.lint import check_command
    return check_command(args)


def _graph(args) -> int:
    from wizard.authoring.graphviz import graph_command
    return graph_command(args)


def _export(args) -> int:
    from wizard.commands.export import export_command
    return export_command(args.trees, args.data_dir, args.session, args.format, args.output)


def _history(args) -> int:
    from wizard.commands.history import HistoryRequest, history_command
    return history_command(HistoryRequest(args.data_dir, args.trees, args.export, args.delete, args.wipe, args.yes))


def _catalogue(args) -> int:
    from wizard.authoring.catalogue_list import catalogue_command
    return catalogue_command(args)


def _new(args) -> int:
    from wizard.authoring.starter import new_command
    return new_command(args)


def _diff(args) -> int:
    from wizard.authoring.diff.command import diff_command
    return diff_command(args)


def _serve(args) -> int:
    from wizard.serve.command import serve_command
    return serve_command(args)


COMMANDS: dict[str, tuple[str, Callable, Callable]] = {
    "run": ("start the wizard (the default)", _configure_run, _run),
    "play": ("walk a tree headless from an answers file, or over JSON lines", _configure_play, _play),
    "check": ("check trees: schema, links, safety rules, scenario tests, coverage", _configure_check, _check),
    "graph": ("draw a tree as Mermaid or Graphviz dot", _configure_graph, _graph),
    "export": ("export a saved session as Markdown, HTML, JSON or FHIR", _configure_export, _export),
    "history": ("past sessions, measures and test results over time", _configure_history, _history),
    "new": ("write a commented starter tree that passes `check`", _configure_new, _new),
    "catalogue": ("list the finding, exercise and advice ids outcomes can name", _configure_catalogue,
                  _catalogue),
    "diff": ("what a content change does to patients: stories, red flags, routes, evidence", _configure_diff,
             _diff),
    "serve": ("serve the app to a web browser (this machine only, unless --public)", _configure_serve, _serve),
}


def report_error(exc: Exception) -> int:
    """Say what went wrong on stderr, as the table says, and return its exit code."""
    code, intro = next((code, intro) for kind, code, intro in EXIT_CODES if isinstance(exc, kind))
    print(f"{intro}{terminal_safe(exc)}", file=sys.stderr)
    return code


def _run_by_default(argv: list[str]) -> list[str]:
    """`run` is the default command, options and all: `hip-wizard --plain` is `hip-wizard run --plain` (it
    was refused as an unknown argument). Only --help and --version stay the whole program's."""
    if any(word in COMMANDS for word in argv) or {"-h", "--help", "--version"} & set(argv):
        return argv  # a command named (perhaps after --trees/--data-dir), or the program's own help
    return ["run", *argv]


def main(argv: list[str] | None = None) -> int:
    argv = _run_by_default(list(sys.argv[1:] if argv is None else argv))
    named = argv[0] if argv and argv[0] in COMMANDS else None
    parser = build_parser(only=named)
    args = parser.parse_args(argv)
    args.trees = args.global_trees + args.trees
    args.data_dir = args.data_dir or args.global_data_dir
    try:
        return COMMANDS[args.command][2](args)
    except _HANDLED as exc:
        return report_error(exc)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
