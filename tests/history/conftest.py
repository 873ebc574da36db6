"""Fixtures for the history tests: small trees in tests/history/trees, a data folder in tmp_path, a clock.

The real user data folder is never touched: XDG_DATA_HOME points into tmp_path for every test here.
"""

from __future__ import annotations

import asyncio
import time

import pytest

from wizard import loader
from wizard.store import Store

from .helpers import CATALOGUE, TREES, Clock


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run `async def` Pilot tests in a fresh event loop (the project has no asyncio pytest plugin)."""
    if not asyncio.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture(autouse=True)
def private_data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture(autouse=True)
def utc_local_time(monkeypatch):
    """History shows local times; pin them to UTC so dates in assertions and snapshots are stable."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(scope="session")
def library():
    return loader.load([TREES, CATALOGUE], bundled=False)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def store(data_dir, clock):
    with Store.open(data_dir, clock=clock) as opened:
        yield opened
