"""What the wall shows: room state the facilitator sets and the projector follows.

The projector has no controls of its own: the facilitator chooses, from the console or from a
step page, the ranking method, the scenario and the governance comparison shown on the
network step, the ranking chart shown on the scenarios step, the size of the join QR
code and what the plenary view (tables) shows. Each choice is one write through the one
write path (secret checked, version bumped, audit line ``set_projection``); the
projector's live updates redraw within a second. Undo walks past these lines
(:data:`selfdata.app.operations.NOT_UNDOABLE`).
"""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from typing import Any, get_args

from selfdata.app.access import Outcome, facilitate, facilitator_only
from selfdata.app.read_models import Chart, PlenaryPart, ProjectorState, QrSize
from selfdata.domain.cards import GOVERNANCE_MODEL_IDS
from selfdata.domain.errors import InvalidInput
from selfdata.engines.ranking import METHODS
from selfdata.store import Store, Tx
from selfdata.store.queries import workshop_state
from selfdata.store.queries.workshops import WorkshopRow

_UNSET: Any = object()
MAX_ID = 64


def parse_projector(stored: str | None) -> ProjectorState:
    """The stored JSON as a :class:`ProjectorState`; anything unreadable or unknown falls back
    to the defaults, field by field (the wall never breaks on a bad value)."""
    try:
        data = json.loads(stored or "{}")
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    state = ProjectorState()
    try:
        return _checked(state, **{k: v for k, v in data.items() if k in asdict(state)})
    except InvalidInput:
        fields: dict[str, Any] = {}
        for key, value in data.items():
            try:
                _checked(state, **{key: value})
            except (InvalidInput, TypeError):
                continue
            fields[key] = value
        return _checked(state, **fields)


def _invalid(what: str) -> InvalidInput:
    return InvalidInput("projector.invalid", what=what)


def _optional_id(value: object, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value or len(value) > MAX_ID:
        raise _invalid(what)
    return value


def _checked(state: ProjectorState, **changes: Any) -> ProjectorState:
    if "method" in changes and changes["method"] not in METHODS:
        raise _invalid("method")
    if "chart" in changes and changes["chart"] not in get_args(Chart):
        raise _invalid("chart")
    if "qr" in changes and changes["qr"] not in get_args(QrSize):
        raise _invalid("qr")
    if "plenary" in changes and changes["plenary"] not in get_args(PlenaryPart):
        raise _invalid("plenary")
    if "scenario" in changes:
        changes["scenario"] = _optional_id(changes["scenario"], "scenario")
    if "compare" in changes:
        compare = _optional_id(changes["compare"], "compare")
        if compare is not None and compare not in GOVERNANCE_MODEL_IDS:
            raise _invalid("compare")
        changes["compare"] = compare
    return replace(state, **changes)


@facilitator_only
def set_projection(
    store: Store,
    code: str,
    secret: str,
    *,
    method: str = _UNSET,
    scenario: str | None = _UNSET,
    compare: str | None = _UNSET,
    chart: str = _UNSET,
    qr: str = _UNSET,
    plenary: str = _UNSET,
) -> ProjectorState:
    """Change what the wall shows (only the arguments given); returns the new state. A
    value that is not a method, chart, QR size or governance model is refused and changes
    nothing."""
    given = {
        k: v
        for k, v in {
            "method": method,
            "scenario": scenario,
            "compare": compare,
            "chart": chart,
            "qr": qr,
            "plenary": plenary,
        }.items()
        if v is not _UNSET
    }
    _checked(ProjectorState(), **dict(given))  # validate before the transaction

    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        state = _checked(parse_projector(w.projector), **dict(given))
        stored = json.dumps(asdict(state), sort_keys=True)
        workshop_state.update_fields(conn, w.id, {"projector": stored})
        return state, given, None

    result: ProjectorState = facilitate(store, code, secret, "set_projection", fn)
    return result


def qr_large(state: ProjectorState, step: str, first_step: str, participants: int) -> bool:
    """Whether the join QR code is shown large on the wall: as forced by the facilitator,
    else while people are joining (the first step, or nobody joined yet)."""
    if state.qr != "auto":
        return state.qr == "large"
    return step == first_step or participants == 0
