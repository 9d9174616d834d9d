"""The GC freeze behind short full collections (selfdata/ui/memory.py)."""

from __future__ import annotations

import _imp
import gc
import sys
import types
import weakref
from collections.abc import Iterator

import pytest

from selfdata.ui import memory


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_objects_alive_after_new_imports_are_frozen_once(unfrozen: None, monkeypatch):
    monkeypatch.setattr(memory, "_modules_seen", 0)
    # the import lock held: a server thread left by another test (a pusher, a purge) cannot
    # import a module between the two calls and make the second one freeze again
    _imp.acquire_lock()
    try:
        assert memory.freeze_after_imports()
        frozen = gc.get_freeze_count()
        assert frozen > 1000  # the libraries' objects
        assert not memory.freeze_after_imports()  # nothing new imported: nothing done
    finally:
        _imp.release_lock()


def test_a_new_import_freezes_again(unfrozen: None, monkeypatch):
    monkeypatch.setattr(memory, "_modules_seen", 0)
    memory.freeze_after_imports()
    monkeypatch.setitem(sys.modules, "selfdata_test_fresh_module", types.ModuleType("x"))
    assert memory.freeze_after_imports()


class _Node:
    me: object = None


def test_cycles_made_after_the_freeze_are_still_collected(unfrozen: None, monkeypatch):
    monkeypatch.setattr(memory, "_modules_seen", 0)
    before = _Node()
    before.me = before
    was_alive = weakref.ref(before)
    memory.freeze_after_imports()
    after = _Node()
    after.me = after
    made_later = weakref.ref(after)
    del before, after
    gc.collect()
    assert made_later() is None
    assert was_alive() is not None  # frozen: the collector no longer visits it (the point)
