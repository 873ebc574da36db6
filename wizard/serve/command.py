"""`hip-wizard serve`: check the address, then hand over to textual-serve until Ctrl+C."""

from __future__ import annotations

import getpass
import sys
import webbrowser

from wizard.errors import StateError
from wizard.serve.address import PUBLIC_WARNING, check_host, is_local, url_for


def serve_command(args) -> int:
    """Serve the app; a port already in use or a bad host is a clear message, not a traceback."""
    check_host(args.host, args.public)
    if not 1 <= args.port <= 65535:
        raise StateError(f"--port must be between 1 and 65535, not {args.port}")
    url = url_for(args.host, args.port)
    if not is_local(args.host):
        print(PUBLIC_WARNING.format(url=url, who=_account()), file=sys.stderr)
    server = _make_server(args, url)
    try:
        server.serve()
    except OSError as exc:
        raise StateError(f"cannot serve on {args.host}:{args.port}: {exc.strerror or exc}") from None
    return 0


def _make_server(args, url: str):
    """Imported here, so no other command pays for loading the web server."""
    from wizard.serve.server import WizardServer, app_command
    on_ready = (lambda address: webbrowser.open(address)) if args.open else None
    return WizardServer(app_command(args.trees, args.data_dir), args.host, args.port, url, on_ready)


def _account() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "this account"
