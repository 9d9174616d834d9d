"""How the room decides: participants' weights, the rating rounds, the consent round.

Facilitator actions (secret checked by :func:`~selfdata.app.access.facilitator_only` and
again in the write transaction):

* :func:`set_participant_weights_on`: ask the participants to weigh the criteria (swing
  weighting on their tablets), or stop asking; what they gave is kept.
* :func:`open_rating_round`: round 1 (silent), or round 2 after round 1 was closed (round
  1's ratings are kept, each participant starts round 2 from their own ratings). While a
  round is open the ranking is hidden from everyone but the facilitator: opening a round
  takes the scenarios (and the report) off the wall, and revealing them is refused until
  the round is closed (:func:`check_reveal`), so the one reveal rule
  (:mod:`selfdata.app.outcomes`) keeps the round silent.
* :func:`close_rating_round`.
* :func:`open_consent` on a scenario (the top of the ranking), :func:`close_consent`.

Participant actions (token): :func:`set_my_weights`, :func:`object_to_top` (a reason is
required), :func:`withdraw_objection`. Round and consent changes are not undoable: undo
stops before them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from selfdata.app import access
from selfdata.app import operations as ops
from selfdata.app.access import Outcome, facilitate, facilitator_only, item_row, participant_write
from selfdata.domain.errors import Conflict, InvalidInput
from selfdata.domain.limits import MAX_CRITERIA, MAX_TEXT, SWING_MAX, SWING_MIN
from selfdata.store import Store, Tx
from selfdata.store.decision_transfer import decision_state
from selfdata.store.queries import decisions
from selfdata.store.queries.participants import ParticipantRow
from selfdata.store.queries.workshops import WorkshopRow

HIDDEN_WHILE_ROUND_OPEN = ("scenarios", "export")
"""Steps whose results show ratings (the ranking, the report): hidden while a round runs."""


@dataclass(frozen=True)
class RoomDecision:
    """The room's decision settings, read from ``workshops.decision``."""

    weights_on: bool = False
    round: int | None = None
    """1 or 2 once a round was opened; ``None``: a single round, as before."""
    round_open: bool = False
    consent_scenario: str | None = None
    consent_open: bool = False

    @property
    def silent(self) -> bool:
        """A round is open: nobody but the facilitator sees the ratings' results."""
        return self.round is not None and self.round_open


def room_decision(raw: str | None) -> RoomDecision:
    state = decision_state(raw)
    round_state = state.get("round") if isinstance(state.get("round"), dict) else None
    consent = state.get("consent") if isinstance(state.get("consent"), dict) else None
    return RoomDecision(
        weights_on=bool(state.get("weights_on", False)),
        round=None if round_state is None else (2 if round_state.get("current") == 2 else 1),
        round_open=bool(round_state and round_state.get("open")),
        consent_scenario=None if consent is None else str(consent.get("scenario")),
        consent_open=bool(consent and consent.get("open")),
    )


def _write_state(tx: Tx, w: WorkshopRow, d: RoomDecision) -> None:
    state: dict[str, object] = {"weights_on": d.weights_on}
    if d.round is not None:
        state["round"] = {"current": d.round, "open": d.round_open}
    if d.consent_scenario is not None:
        state["consent"] = {"scenario": d.consent_scenario, "open": d.consent_open}
    decisions.set_state(tx, w.id, state)


def check_reveal(w: WorkshopRow, step: str, revealed: bool) -> None:
    """Revealing the ranking (or the report) while a rating round is open is refused."""
    if revealed and step in HIDDEN_WHILE_ROUND_OPEN and room_decision(w.decision).silent:
        raise Conflict("decide.round_open")


# --- facilitator ----------------------------------------------------------------------------


@facilitator_only
def set_participant_weights_on(store: Store, code: str, secret: str, on: bool) -> None:
    def fn(tx: Tx, w: WorkshopRow) -> Outcome:
        d = room_decision(w.decision)
        _write_state(
            tx,
            w,
            RoomDecision(bool(on), d.round, d.round_open, d.consent_scenario, d.consent_open),
        )
        return None, {"on": bool(on)}, None

    facilitate(store, code, secret, "set_participant_weights", fn)


@facilitator_only
def open_rating_round(store: Store, code: str, secret: str) -> int:
    """Open round 1 (silent), or round 2 once round 1 is closed; returns the round."""

    def fn(tx: Tx, w: WorkshopRow) -> Outcome:
        d = room_decision(w.decision)
        if d.round_open or d.round == 2:
            raise Conflict("decide.round_not_possible")
        number = 1 if d.round is None else 2
        if number == 2:
            decisions.keep_round_one(tx, w.id)
        hidden = [s for s in w.revealed if s not in HIDDEN_WHILE_ROUND_OPEN]
        ops.apply(tx, w, ops.op("workshop", revealed=hidden))
        _write_state(tx, w, RoomDecision(d.weights_on, number, True, d.consent_scenario, False))
        return number, {"round": number, "open": True}, None

    result: int = facilitate(store, code, secret, "open_rating_round", fn)
    return result


@facilitator_only
def close_rating_round(store: Store, code: str, secret: str) -> None:
    def fn(tx: Tx, w: WorkshopRow) -> Outcome:
        d = room_decision(w.decision)
        if not d.round_open:
            raise Conflict("decide.no_round_open")
        _write_state(
            tx, w, RoomDecision(d.weights_on, d.round, False, d.consent_scenario, d.consent_open)
        )
        return None, {"round": d.round, "open": False}, None

    facilitate(store, code, secret, "close_rating_round", fn)


@facilitator_only
def open_consent(store: Store, code: str, secret: str, scenario_id: str) -> None:
    """Ask the room for blocking objections to ``scenario_id`` (earlier objections to
    another scenario are dropped: the question changed)."""

    def fn(tx: Tx, w: WorkshopRow) -> Outcome:
        scenario = item_row(tx, "scenarios", w, scenario_id, "scenario")
        d = room_decision(w.decision)
        if d.silent:
            raise Conflict("decide.round_open")
        decisions.drop_objections_but_to(tx, w.id, scenario.id)
        _write_state(tx, w, RoomDecision(d.weights_on, d.round, d.round_open, scenario_id, True))
        return None, {"scenario": scenario_id}, None

    facilitate(store, code, secret, "open_consent", fn)


@facilitator_only
def close_consent(store: Store, code: str, secret: str) -> None:
    def fn(tx: Tx, w: WorkshopRow) -> Outcome:
        d = room_decision(w.decision)
        _write_state(
            tx, w, RoomDecision(d.weights_on, d.round, d.round_open, d.consent_scenario, False)
        )
        return None, {}, None

    facilitate(store, code, secret, "close_consent", fn)


# --- participants ---------------------------------------------------------------------------


def _check_swings(weights: object) -> dict[str, int]:
    if not isinstance(weights, Mapping) or not 0 < len(weights) <= MAX_CRITERIA:
        raise InvalidInput("decide.weights_invalid", low=SWING_MIN, high=SWING_MAX)
    clean: dict[str, int] = {}
    for criterion, value in weights.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
            raise InvalidInput("decide.weights_invalid", low=SWING_MIN, high=SWING_MAX)
        if not SWING_MIN <= value <= SWING_MAX:
            raise InvalidInput("decide.weights_invalid", low=SWING_MIN, high=SWING_MAX)
        clean[str(criterion)] = int(value)
    if not any(clean.values()):
        raise InvalidInput("decide.weights_all_zero")
    return clean


def _weighed_criteria(tx: Tx, w: WorkshopRow) -> list[str] | None:
    """The criteria a participant weighs: those in the ranking (a weight above 0); the
    deck's when the workshop lists none (``None``: decks unavailable, any)."""
    listed = ops.current_criteria(tx, w)
    if listed:
        return [c for c, weight in listed if weight > 0]
    decks = access.decks()
    return None if decks is None else [c.id for c in decks.criteria if c.default_weight > 0]


def set_my_weights(store: Store, code: str, token: str, weights: Mapping[str, int]) -> None:
    """A participant's swing weights, one value per criterion in use (0–100)."""
    clean = _check_swings(weights)

    def fn(tx: Tx, w: WorkshopRow, p: ParticipantRow) -> tuple[None, dict[str, object]]:
        if not room_decision(w.decision).weights_on:
            raise Conflict("decide.weights_off")
        weighed = _weighed_criteria(tx, w)
        if weighed is not None and set(clean) != set(weighed):
            raise InvalidInput("decide.weights_incomplete")
        decisions.set_weights(tx, w.id, p.id, clean)
        return None, {"weights": clean}

    participant_write(store, code, token, "set_my_weights", fn, step="scenarios")


def object_to_top(store: Store, code: str, token: str, reason: str) -> None:
    """A blocking objection to the consent round's scenario; the reason is required."""
    text = access.check_text(reason, "reason", limit=MAX_TEXT)
    if not text:
        raise InvalidInput("decide.reason_required")

    def fn(tx: Tx, w: WorkshopRow, p: ParticipantRow) -> tuple[None, dict[str, object]]:
        d = room_decision(w.decision)
        if not d.consent_open or d.consent_scenario is None:
            raise Conflict("decide.consent_closed")
        scenario = item_row(tx, "scenarios", w, d.consent_scenario, "scenario")
        decisions.object_to(tx, w.id, p.id, scenario.id, text)
        return None, {"scenario": d.consent_scenario}

    participant_write(store, code, token, "object", fn, needs_open=False)


def withdraw_objection(store: Store, code: str, token: str) -> None:
    def fn(tx: Tx, w: WorkshopRow, p: ParticipantRow) -> tuple[None, dict[str, object]]:
        if not room_decision(w.decision).consent_open:
            raise Conflict("decide.consent_closed")
        decisions.withdraw_objections(tx, p.id)
        return None, {}

    participant_write(store, code, token, "withdraw_objection", fn, needs_open=False)


# --- reads ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MyDecision:
    """What a tablet shows of the decision: the room's settings and the viewer's own."""

    room: RoomDecision
    weights: dict[str, int]
    objection: str | None


def my_decision(store: Store, code: str, token: str | None) -> MyDecision:
    def fn(tx: Tx) -> MyDecision:
        w = access.workshop_row(tx, code)
        room = room_decision(w.decision)
        if token is None:
            return MyDecision(room, {}, None)
        p = access.participant_row(tx, w, token)
        return MyDecision(room, decisions.weights_of(tx, p.id), decisions.objection_of(tx, p.id))

    result: MyDecision = store.read(fn)
    return result
