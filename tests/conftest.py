"""What every test shares: `async def` tests run in their own event loop, and no test touches the real
user folders (history data and the app's library cache point into tmp_path)."""

from __future__ import annotations

import asyncio

import pytest


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run `async def` Pilot tests in a fresh event loop (the project needs no asyncio pytest plugin)."""
    if not asyncio.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture(autouse=True)
def private_user_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HIP_WIZARD_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def folder(request, tmp_path_factory):
    """One folder per test (not per example: hypothesis runs many examples in one test call)."""
    return tmp_path_factory.mktemp(request.node.name[:40])
