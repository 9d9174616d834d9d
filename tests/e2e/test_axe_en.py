"""Every English screen, in a real browser: an axe-core scan finds no critical or serious
violation (issue 18). The French walk, which also watches that each screen runs once, is
``tests/e2e/test_axe.py``; this one is its own file so that another browser-test worker runs
it at the same time."""

from __future__ import annotations

from typing import Any

import pytest

from selfdata.app import services
from tests.e2e.conftest import Server
from tests.e2e.test_axe import problems, room

pytestmark = pytest.mark.e2e

__all__ = ["room"]  # the module's workshop (a fixture: its own, as in test_axe.py)


def test_no_english_page_has_a_critical_or_serious_axe_violation(
    server: Server, browser: Any, room: tuple[services.Created, str]
) -> None:
    found = problems(server, browser, room, "en")
    assert not found, "axe-core:\n" + found
