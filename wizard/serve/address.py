"""Where `hip-wizard serve` may listen. Kept apart from the server so the rule is testable without one.

Every walk made through the server is saved under the account that runs it, so a host other people can
reach is refused unless the person starting the server says `--public` and has been told what that means.
"""

from __future__ import annotations

import ipaddress

from wizard.errors import StateError

LOCAL_NAMES = {"localhost"}
PUBLIC_WARNING = ("warning: anyone who can reach {url} can use hip-wizard there, and everyone's walks "
                  "are stored in the history of the account running this server ({who}).")


def is_local(host: str) -> bool:
    """True for names and addresses that only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host.lower() in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_host(host: str, public: bool) -> None:
    """Refuse a non-local host unless `--public` was given; the error says how to go on."""
    if public or is_local(host):
        return
    raise StateError(f"refusing to serve on {host!r}: other people could reach it, and their walks would be "
                     f"stored under your account. Use --host 127.0.0.1 (the default), or add --public if "
                     f"that is what you want.")


def url_for(host: str, port: int) -> str:
    """The address to print and open: IPv6 literals need brackets; 0.0.0.0 and :: mean 'this machine'."""
    shown = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"
