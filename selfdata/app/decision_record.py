"""The facilitator's record of what the room decided for a scenario: its action plan (steps,
owners, dates) and the roles the city takes in it. Same write path as every facilitator
action (:func:`selfdata.app.access.facilitate`, through
:func:`selfdata.app.facilitator.replace_scenario`): audited and undoable."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from pydantic import ValidationError

from selfdata.app.access import facilitator_only
from selfdata.app.facilitator import replace_scenario
from selfdata.domain.errors import InvalidInput
from selfdata.domain.workshop import CITY_ROLES, ActionStep, Scenario
from selfdata.engines.action_plan import schedule
from selfdata.store import Store

_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


def _checked_plan(steps: object) -> list[dict[str, Any]]:
    """The plan as stored, or a translated refusal naming the faulty step."""
    if not isinstance(steps, Sequence) or isinstance(steps, str):
        raise InvalidInput("plan.invalid")
    try:
        plan = [s if isinstance(s, ActionStep) else ActionStep.model_validate(s) for s in steps]
        Scenario.model_validate(
            {
                "id": "x",
                "title": "x",
                "use_case": "x",
                "model": "x",
                "scope": {"residents": 0, "duration_months": 0},
                "action_plan": plan,
            }
        )
    except ValidationError as exc:
        raise InvalidInput(
            "plan.invalid",
            text="plan.invalid_because",
            problems=[f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()],
        ) from None
    return [s.model_dump(mode="json") for s in plan]


@facilitator_only
def set_action_plan(
    store: Store,
    code: str,
    secret: str,
    scenario_id: str,
    steps: Sequence[ActionStep],
    start: date | None = None,
) -> None:
    """Replace the scenario's action plan (steps with owners, durations, budgets) and the day
    it starts; each step's date is counted from ``start`` with the durations
    (:func:`selfdata.engines.action_plan.schedule`). Undo restores the previous one."""
    if start is not None and not isinstance(start, date):
        raise InvalidInput("plan.invalid")
    plan = _checked_plan(schedule(_steps(steps), start))
    fields: dict[str, Any] = {
        "action_plan": plan,
        "plan_start": None if start is None else start.isoformat(),
    }
    replace_scenario(store, code, secret, "set_action_plan", scenario_id, lambda _w, _b: fields)


def _steps(steps: object) -> list[ActionStep]:
    _checked_plan(steps)
    return [s if isinstance(s, ActionStep) else ActionStep.model_validate(s) for s in steps]  # type: ignore[attr-defined]


@facilitator_only
def set_city_roles(
    store: Store,
    code: str,
    secret: str,
    scenario_id: str,
    roles: Sequence[str],
    actors: Sequence[str] | None = None,
) -> None:
    """Record which of the city's three roles it takes in the scenario and, when given,
    which network actors are the city too (undoable)."""
    if isinstance(roles, str) or not isinstance(roles, Sequence):
        raise InvalidInput("city_roles.invalid")
    if any(r not in CITY_ROLES for r in roles):
        raise InvalidInput("city_roles.invalid")
    if actors is not None and (
        isinstance(actors, str)
        or not isinstance(actors, Sequence)
        or any(not isinstance(a, str) or not _SLUG.fullmatch(a) for a in actors)
    ):
        raise InvalidInput("city_roles.invalid")
    fields: dict[str, Any] = {"city_roles": [r for r in CITY_ROLES if r in roles]}
    if actors is not None:
        fields["city_actors"] = list(dict.fromkeys(actors))
    replace_scenario(store, code, secret, "set_city_roles", scenario_id, lambda _w, _b: fields)
