"""The readiness list, rule by rule (a pure function over the workshop): each rule's status
for the case that triggers it, and every message and action in the catalogue."""

from __future__ import annotations

from typing import Any

import pytest

from selfdata.app.readiness import RULES, Check, readiness, ready
from selfdata.domain.agenda import custom_agenda, preset_agenda
from selfdata.domain.workshop import Workshop
from selfdata.files.loading import default_decks
from selfdata.i18n import LANGS, catalog, t

DURATIONS = {s.id: s.duration_minutes for s in default_decks().steps}
HALF_DAY = preset_agenda("half_day", DURATIONS).model_dump()
OVER = custom_agenda({"inventory": 200, "needs": 40}, [180]).model_dump()
OFFERED = {"data_sources": 58, "needs": 29}


def prepared(**fields: Any) -> Workshop:
    base: dict[str, Any] = {
        "title": "Atelier",
        "territory": "Villeneuve",
        "theme": "water",
        "preparation": {"agenda": HALF_DAY},
    }
    return Workshop.model_validate({**base, **fields})


def status(checks: tuple[Check, ...], rule: str) -> tuple[str, dict[str, Any]]:
    found = next(c for c in checks if c.rule == rule)
    return found.status, dict(found.values)


NONE = {"data_sources": 0, "needs": 0}
ONE_NEED = {"data_sources": 3, "needs": 1}
SOURCE = [{"id": "water_meter"}]
NEEDS = [{"id": "water_bill"}, {"id": "energy_bill"}]

# rule, workshop fields, cards offered, joining closed, expected status, some values
TABLE = [
    ("identity", {}, OFFERED, False, "ok", {}),
    ("identity", {"title": " "}, OFFERED, False, "todo", {}),
    ("sources", {}, OFFERED, False, "ok", {"deck": 58, "table": 0}),
    ("sources", {}, NONE, False, "todo", {"deck": 0, "table": 0}),
    ("sources", {"sources": SOURCE}, NONE, False, "ok", {"table": 1}),
    ("sources", {"sources": [{"id": "water_meter", "hidden": True}]}, NONE, False, "todo", {}),
    ("needs", {}, OFFERED, False, "ok", {"deck": 29}),
    ("needs", {}, NONE, False, "todo", {}),
    ("needs", {}, ONE_NEED, False, "advice", {"deck": 1}),
    ("needs", {"needs": NEEDS}, NONE, False, "ok", {"table": 2}),
    ("criteria", {}, OFFERED, False, "advice", {}),
    (
        "criteria",
        {"criteria": [{"criterion": "cost", "weight": 2}]},
        OFFERED,
        False,
        "ok",
        {"n": 1},
    ),
    ("agenda", {}, OFFERED, False, "ok", {"planned": 210, "available": 210}),
    ("agenda", {"preparation": None}, OFFERED, False, "todo", {}),
    ("agenda", {"preparation": {}}, OFFERED, False, "todo", {}),
    ("agenda", {"preparation": {"agenda": OVER}}, OFFERED, False, "todo", {"over": 60}),
    ("joining", {}, OFFERED, False, "ok", {}),
    ("joining", {}, OFFERED, True, "todo", {}),
    ("first_step", {}, OFFERED, False, "ok", {}),
    ("first_step", {"step": "needs"}, OFFERED, False, "advice", {"step": "needs"}),
    ("input_open", {}, OFFERED, False, "ok", {}),
    ("input_open", {"settings": {"locked": True}}, OFFERED, False, "advice", {}),
]


@pytest.mark.parametrize(("rule", "fields", "offered", "closed", "expected", "values"), TABLE)
def test_each_rule_says_what_is_missing(
    rule: str,
    fields: dict[str, Any],
    offered: dict[str, int],
    closed: bool,
    expected: str,
    values: dict[str, Any],
) -> None:
    workshop = (
        Workshop.model_construct(**{**prepared().__dict__, **fields})
        if rule == "identity"
        else prepared(**fields)
    )
    found, shown = status(readiness(workshop, offered, joining_closed=closed), rule)
    assert found == expected
    assert values.items() <= shown.items()


def test_every_rule_is_in_the_table_both_ways() -> None:
    assert {(r, s) for r, _, _, _, s, _ in TABLE} >= {(r, "ok") for r in RULES}
    assert {r for r, _, _, _, s, _ in TABLE if s != "ok"} == set(RULES)


def test_a_prepared_workshop_is_ready_and_the_list_follows_the_rules_order() -> None:
    checks = readiness(
        prepared(criteria=[{"criterion": "cost", "weight": 2}]), OFFERED, joining_closed=False
    )
    assert [c.rule for c in checks] == list(RULES)
    assert ready(checks) and all(c.status == "ok" for c in checks)
    assert not ready(readiness(prepared(preparation=None), OFFERED, joining_closed=False))


def test_every_line_has_its_words_and_every_problem_what_to_do() -> None:
    for rule, fields, offered, closed, _, _ in TABLE:
        workshop = prepared() if rule == "identity" else prepared(**fields)
        for check in readiness(workshop, offered, joining_closed=closed):
            assert check.message_key in catalog()
            if check.status != "ok":
                assert check.action_key in catalog()
            for lang in LANGS:
                assert "{" not in t(check.message_key, lang, **check.values)


def test_every_status_a_rule_can_take_has_its_message_and_action() -> None:
    for rule, _, _, _, expected, _ in TABLE:
        assert f"ready.{rule}.{expected}" in catalog()
        assert f"ready.{rule}.do" in catalog()
