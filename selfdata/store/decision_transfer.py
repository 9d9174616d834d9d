"""How the room decides, between the file model and the rows (schema 11).

The workshop's ``decision`` column (JSON: participants' weights on or off, the rating
round) and the tables ``participant_weights``, ``round_ratings`` (round 1's ratings, kept
when round 2 opens) and ``objections``. Called by :mod:`selfdata.store.transfer` so that a
workshop file's ``settings.participant_weights``, ``participant_weights``, ``rounds`` and
``consent`` (with its objections) go in and come back as they were; a file without them
reads as before.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, insert, select

from selfdata.domain.workshop import (
    ConsentRound,
    Objection,
    ParticipantWeights,
    Rating,
    RatingRounds,
    SwingWeight,
    Workshop,
)
from selfdata.store import schema as t
from selfdata.store.schema import dumps


def decision_json(
    weights_on: bool, rounds: RatingRounds | None, consent: ConsentRound | None
) -> str | None:
    """The ``workshops.decision`` value: ``None`` when nothing differs from before."""
    if not weights_on and rounds is None and consent is None:
        return None
    state: dict[str, Any] = {"weights_on": weights_on}
    if rounds is not None:
        state["round"] = {"current": rounds.current, "open": rounds.open}
    if consent is not None:
        state["consent"] = {"scenario": consent.scenario, "open": consent.open}
    return dumps(state)


def decision_state(raw: str | None) -> dict[str, Any]:
    """The stored ``decision`` JSON as a dict (``{}`` for ``None`` or unreadable text)."""
    try:
        value = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def decision_problems(workshop: Workshop) -> list[str]:
    """References that would stop the decision fields from being stored (each a
    :class:`~selfdata.files.problems.Msg`, worded by the pages in their language)."""
    from selfdata.files.problems import Msg

    people = {p.id for p in workshop.participants}
    scenarios = {s.id for s in workshop.scenarios}
    problems: list[str] = []
    for i, pw in enumerate(workshop.participant_weights or ()):
        if pw.participant not in people:
            where = f"participant_weights[{i}].participant"
            problems.append(Msg("files.problem.unknown_bare", where=where, value=pw.participant))
        if len({s.criterion for s in pw.weights}) != len(pw.weights):
            where = f"participant_weights[{i}].weights"
            problems.append(Msg("files.problem.criterion_twice", where=where))
    for i, r in enumerate((workshop.rounds.first if workshop.rounds else None) or ()):
        if r.participant not in people or r.scenario not in scenarios:
            problems.append(Msg("files.problem.unknown_round", where=f"rounds.first[{i}]"))
    consent = workshop.consent
    if consent is not None and consent.scenario not in scenarios:
        what = Msg("files.problem.noun.scenario")
        unknown = Msg("files.problem.unknown", what=what, value=consent.scenario, hint="")
        problems.append(Msg("files.problem.at", where="consent.scenario", message=unknown))
    seen: set[str] = set()
    for i, o in enumerate(consent.objections if consent else ()):
        if o.participant not in people:
            where = f"consent.objections[{i}].participant"
            problems.append(Msg("files.problem.unknown_bare", where=where, value=o.participant))
        if o.participant in seen:
            problems.append(Msg("files.problem.objected_twice", where=f"consent.objections[{i}]"))
        seen.add(o.participant)
    return problems


def write_decision(
    conn: Connection,
    workshop_id: int,
    workshop: Workshop,
    people: dict[str, int],
    scenario_ids: dict[str, int],
) -> None:
    """Store the decision fields of ``workshop`` (already checked)."""
    w = workshop
    state = decision_json(w.settings.participant_weights, w.rounds, w.consent)
    if state is None and w.participant_weights:
        state = dumps({"weights_on": False})  # weights given, then the switch turned off
    if state is not None:
        conn.execute(
            t.workshops.update().where(t.workshops.c.id == workshop_id).values(decision=state)
        )
    weights = [
        {
            "workshop_id": workshop_id,
            "participant_id": people[pw.participant],
            "criterion": s.criterion,
            "value": s.value,
            "position": k,
        }
        for k, (pw, s) in enumerate(
            ((pw, s) for pw in w.participant_weights or () for s in pw.weights), 1
        )
    ]
    first = (w.rounds.first if w.rounds else None) or []
    kept = [
        {
            "workshop_id": workshop_id,
            "round": 1,
            "participant_id": people[r.participant],
            "scenario_id": scenario_ids[r.scenario],
            "criterion": r.criterion,
            "value": r.value,
            "position": k,
        }
        for k, r in enumerate(first, 1)
    ]
    raised = [
        {
            "workshop_id": workshop_id,
            "participant_id": people[o.participant],
            "scenario_id": scenario_ids[consent.scenario],
            "reason": o.reason,
            "position": k,
        }
        for consent in [w.consent]
        if consent is not None
        for k, o in enumerate(consent.objections, 1)
    ]
    for table, rows in (
        (t.participant_weights, weights),
        (t.round_ratings, kept),
        (t.objections, raised),
    ):
        if rows:
            conn.execute(insert(table), rows)


def _rows(conn: Connection, table: Any, workshop_id: int) -> list[Any]:
    return list(
        conn.execute(
            select(table).where(table.c.workshop_id == workshop_id).order_by(table.c.position)
        )
    )


def _slugs(conn: Connection, table: Any, workshop_id: int) -> dict[int, str]:
    query = select(table.c.id, table.c.slug).where(table.c.workshop_id == workshop_id)
    return {int(row_id): slug for row_id, slug in conn.execute(query)}


def read_decision(conn: Connection, workshop_id: int, raw: str | None) -> dict[str, Any]:
    """The decision fields as :class:`Workshop` fields (``participant_weights``, ``rounds``,
    ``consent``; absent when never set) and ``weights_on`` for the settings."""
    state = decision_state(raw)
    fields: dict[str, Any] = {"weights_on": bool(state.get("weights_on", False))}
    if not state:
        return fields
    people = _slugs(conn, t.participants, workshop_id)
    scenarios = _slugs(conn, t.scenarios, workshop_id)
    by_person: dict[str, list[SwingWeight]] = {}
    for r in _rows(conn, t.participant_weights, workshop_id):
        by_person.setdefault(people[r.participant_id], []).append(
            SwingWeight(criterion=r.criterion, value=int(r.value))
        )
    if by_person:
        fields["participant_weights"] = [
            ParticipantWeights(participant=p, weights=ws) for p, ws in by_person.items()
        ]
    round_state = state.get("round")
    if isinstance(round_state, dict):
        first = [
            Rating.model_construct(
                participant=people[r.participant_id],
                scenario=scenarios[r.scenario_id],
                criterion=r.criterion,
                value=int(r.value),
            )
            for r in _rows(conn, t.round_ratings, workshop_id)
            if r.round == 1
        ]
        fields["rounds"] = RatingRounds(
            current=2 if round_state.get("current") == 2 else 1,
            open=bool(round_state.get("open", False)),
            first=first or None,
        )
    consent = state.get("consent")
    if isinstance(consent, dict) and isinstance(consent.get("scenario"), str):
        fields["consent"] = ConsentRound(
            scenario=consent["scenario"],
            open=bool(consent.get("open", False)),
            objections=[
                Objection(participant=people[o.participant_id], reason=o.reason)
                for o in _rows(conn, t.objections, workshop_id)
                if scenarios.get(o.scenario_id) == consent["scenario"]
            ],
        )
    return fields
