"""Fixtures for the history tests: small trees in tests/history/trees, a data folder in tmp_path, a clock.

The real user data folder is never touched: tests/conftest.py points XDG_DATA_HOME into tmp_path.
"""

from __future__ import annotations

import time

import pytest

from wizard.content import loader
from wizard.history.store import Store

from .helpers import CATALOGUE, TREES, Clock




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
