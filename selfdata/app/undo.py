"""Facilitator state changes as small named operations, so that each can be undone; and undo.

A facilitator action reads the state it is about to change, applies an operation, and
records the operation that would put the old state back (its inverse) in the audit log.
:func:`undo` replays that inverse. Operations run inside the caller's write transaction and
check what they need (an undo may meet a state that moved on: it is then refused clearly).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, select, update

from selfdata.app import access
from selfdata.app.access import (
    Op,
    Outcome,
    WorkshopRow,
    facilitate,
    facilitator_only,
    item_row,
)
from selfdata.app.views import UndoStep
from selfdata.domain import rules
from selfdata.domain.cards import STEP_IDS
from selfdata.domain.errors import Conflict, InvalidInput, NotFound
from selfdata.domain.workshop import NetworkEdits, Scenario
from selfdata.i18n import catalog
from selfdata.i18n import t as text
from selfdata.store import Store
from selfdata.store import schema as t
from selfdata.store.schema import dumps

WORKSHOP_FIELDS = (
    "step",
    "locked",
    "timer_end",
    "revealed",
    "vote_budget",
    "vote_cap",
    "show_pseudonyms",
    "step_clock",
)


def op(name: str, **args: Any) -> Op:
    return {"op": name, "args": args}


def apply(conn: Connection, w: WorkshopRow, operation: Op) -> None:
    APPLY[operation["op"]](conn, w, operation["args"])


# --- workshop settings --------------------------------------------------------------------


def workshop_fields(w: WorkshopRow, names: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in names:
        value = getattr(w, name)
        out[name] = list(value) if name == "revealed" else value
    return out


def _set_workshop(conn: Connection, w: WorkshopRow, args: Mapping[str, Any]) -> None:
    values = {k: v for k, v in args.items() if k in WORKSHOP_FIELDS}
    if "revealed" in values:
        values["revealed"] = dumps(list(values["revealed"]))
    if "vote_budget" in values or "vote_cap" in values:
        check_settings_cover_dots(
            conn,
            w,
            int(values.get("vote_budget", w.vote_budget)),
            int(values.get("vote_cap", w.vote_cap)),
        )
    conn.execute(update(t.workshops).where(t.workshops.c.id == w.id).values(**values))


def check_settings_cover_dots(conn: Connection, w: WorkshopRow, budget: int, cap: int) -> None:
    """Refuse a budget or a cap below the dots participants already placed."""
    spent = conn.execute(
        select(func.sum(t.votes.c.dots))
        .where(t.votes.c.workshop_id == w.id)
        .group_by(t.votes.c.participant_id)
    ).scalars()
    most_spent = max((int(x) for x in spent if x is not None), default=0)
    most_on_one = conn.execute(
        select(func.max(t.votes.c.dots)).where(t.votes.c.workshop_id == w.id)
    ).scalar()
    rules.check_settings_cover_dots(most_spent, int(most_on_one or 0), budget, cap)


# --- criteria -------------------------------------------------------------------------------


def current_criteria(conn: Connection, w: WorkshopRow) -> list[list[Any]]:
    rows = conn.execute(
        select(t.criteria.c.criterion, t.criteria.c.weight)
        .where(t.criteria.c.workshop_id == w.id)
        .order_by(t.criteria.c.position)
    )
    return [[c, float(weight)] for c, weight in rows]


def known_criteria(conn: Connection, w: WorkshopRow) -> list[str] | None:
    """Criteria a rating may use: the workshop's list, else the deck's (``None``: any)."""
    listed = [c for c, _ in current_criteria(conn, w)]
    if listed:
        return listed
    decks = access.decks()
    return None if decks is None else [c.id for c in decks.criteria]


def _set_criteria(conn: Connection, w: WorkshopRow, args: Mapping[str, Any]) -> None:
    weights: list[list[Any]] = args["weights"]
    new_ids = [str(c) for c, _ in weights]
    decks = access.decks()
    allowed = new_ids or (None if decks is None else [c.id for c in decks.criteria])
    if allowed is not None:
        used = conn.execute(
            select(t.ratings.c.criterion)
            .where(t.ratings.c.workshop_id == w.id, t.ratings.c.criterion.not_in(allowed))
            .limit(1)
        ).first()
        if used is not None:
            raise Conflict("criteria.in_use", criterion=used[0])
    conn.execute(delete(t.criteria).where(t.criteria.c.workshop_id == w.id))
    if weights:
        conn.execute(
            insert(t.criteria),
            [
                {"workshop_id": w.id, "criterion": c, "weight": float(x), "position": i}
                for i, (c, x) in enumerate(weights, start=1)
            ],
        )


# --- sources and needs ----------------------------------------------------------------------


def table_of(kind: str) -> Table:
    return t.sources if kind == "source" else t.needs


def _set_flag(conn: Connection, w: WorkshopRow, args: Mapping[str, Any]) -> None:
    table = table_of(args["kind"])
    row = item_row(conn, table, w, args["slug"], args["kind"])
    field = args["field"]
    if field not in ("hidden", "selected"):
        raise InvalidInput("flag.invalid")
    conn.execute(update(table).where(table.c.id == row.id).values({field: bool(args["value"])}))


def item_in_use(conn: Connection, kind: str, item_id: int) -> bool:
    if kind == "source":
        query = select(t.use_case_sources.c.use_case_id).where(
            t.use_case_sources.c.source_id == item_id
        )
    else:
        query = select(t.use_cases.c.id).where(t.use_cases.c.need_id == item_id)
    return conn.execute(query.limit(1)).first() is not None


def in_use_error(kind: str) -> Conflict:
    return Conflict(f"{kind}.in_use")


def _remove_item(conn: Connection, w: WorkshopRow, args: Mapping[str, Any]) -> None:
    kind = args["kind"]
    table = table_of(kind)
    row = item_row(conn, table, w, args["slug"], kind)
    if item_in_use(conn, kind, row.id):
        raise in_use_error(kind)
    if kind == "need":
        voted = conn.execute(select(t.votes.c.dots).where(t.votes.c.need_id == row.id).limit(1))
        if voted.first() is not None:
            raise Conflict("need.has_votes", text="need.has_votes_hide")
    conn.execute(delete(table).where(table.c.id == row.id))


# --- use cases ------------------------------------------------------------------------------


def use_case_state(conn: Connection, w: WorkshopRow, slug: str) -> dict[str, Any]:
    row = item_row(conn, t.use_cases, w, slug, "use_case")
    need = conn.execute(select(t.needs.c.slug).where(t.needs.c.id == row.need_id)).scalar_one()
    sources = [
        s
        for (s,) in conn.execute(
            select(t.sources.c.slug)
            .join(t.use_case_sources, t.use_case_sources.c.source_id == t.sources.c.id)
            .where(t.use_case_sources.c.use_case_id == row.id)
            .order_by(t.use_case_sources.c.position)
        )
    ]
    return {
        "title": row.title,
        "need": need,
        "sources": sources,
        "description": row.description,
        "governance_answers": json.loads(row.governance_answers),
        "governance_choice": row.governance_choice,
        "position": row.position,
    }


def _source_ids(conn: Connection, w: WorkshopRow, slugs: Sequence[str]) -> list[int]:
    if not slugs:
        raise InvalidInput("use_case.no_source")
    if len(set(slugs)) != len(slugs):
        raise InvalidInput("use_case.duplicate_source")
    return [int(item_row(conn, t.sources, w, s, "source").id) for s in slugs]


def _write_use_case(conn: Connection, w: WorkshopRow, args: Mapping[str, Any]) -> None:
    """Create (``create=True``) or update the use case ``slug`` with the given fields."""
    slug = args["slug"]
    fields = dict(args["fields"])
    values: dict[str, Any] = {}
    for name in ("title", "description", "governance_choice"):
        if name in fields:
            values[name] = fields[name]
    if "governance_answers" in fields:
        values["governance_answers"] = dumps(fields["governance_answers"])
    if "need" in fields:
        values["need_id"] = item_row(conn, t.needs, w, fields["need"], "need").id
    source_ids = _source_ids(conn, w, fields["sources"]) if "sources" in fields else None
    if args.get("create"):
        position = fields.get("position") or access.next_position(conn, t.use_cases, w.id)
        case_id = conn.execute(
            insert(t.use_cases).values(workshop_id=w.id, slug=slug, position=position, **values)
        ).inserted_primary_key[0]  # type: ignore[index]
    else:
        case_id = item_row(conn, t.use_cases, w, slug, "use_case").id
        if values:
            conn.execute(update(t.use_cases).where(t.use_cases.c.id == case_id).values(**values))
    if source_ids is not None:
        conn.execute(delete(t.use_case_sources).where(t.use_case_sources.c.use_case_id == case_id))
        conn.execute(
            insert(t.use_case_sources),
            [
                {"use_case_id": case_id, "source_id": sid, "position": i}
                for i, sid in enumerate(source_ids, start=1)
            ],
        )


def use_case_used(conn: Connection, case_id: int) -> bool:
    query = select(t.scenarios.c.id).where(t.scenarios.c.use_case_id == case_id).limit(1)
    return conn.execute(query).first() is not None


def _delete_use_case(conn: Connection, w: WorkshopRow, args: Mapping[str, Any]) -> None:
    row = item_row(conn, t.use_cases, w, args["slug"], "use_case")
    if use_case_used(conn, row.id):
        raise Conflict("use_case.in_use")
    conn.execute(delete(t.use_case_sources).where(t.use_case_sources.c.use_case_id == row.id))
    conn.execute(delete(t.use_cases).where(t.use_cases.c.id == row.id))


# --- scenarios ------------------------------------------------------------------------------


def scenario_state(conn: Connection, w: WorkshopRow, slug: str) -> dict[str, Any]:
    row = item_row(conn, t.scenarios, w, slug, "scenario")
    case = conn.execute(
        select(t.use_cases.c.slug).where(t.use_cases.c.id == row.use_case_id)
    ).scalar_one()
    return {
        "title": row.title,
        "use_case": case,
        "model": row.model,
        "residents": row.residents,
        "duration_months": row.duration_months,
        "partners": json.loads(row.partners),
        "description": row.description,
        "network_edits": json.loads(row.network_edits),
        "action_plan": None if row.action_plan is None else json.loads(row.action_plan),
        "city_roles": None if row.city_roles is None else json.loads(row.city_roles),
        "city_actors": None if row.city_actors is None else json.loads(row.city_actors),
        "plan_start": row.plan_start,
        "position": row.position,
    }


def scenario_values(conn: Connection, w: WorkshopRow, fields: Mapping[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {
        k: fields[k]
        for k in ("title", "model", "residents", "duration_months", "description", "plan_start")
        if k in fields
    }
    if "partners" in fields:
        values["partners"] = dumps(list(fields["partners"]))
    if "network_edits" in fields:
        values["network_edits"] = dumps(fields["network_edits"])
    for key in ("action_plan", "city_roles", "city_actors"):
        if key in fields:
            values[key] = None if fields[key] is None else dumps(fields[key])
    if "use_case" in fields:
        values["use_case_id"] = item_row(conn, t.use_cases, w, fields["use_case"], "use_case").id
    return values


def _write_scenario(conn: Connection, w: WorkshopRow, args: Mapping[str, Any]) -> None:
    fields = args["fields"]
    values = scenario_values(conn, w, fields)
    if args.get("create"):
        position = fields.get("position") or access.next_position(conn, t.scenarios, w.id)
        scenario_id = conn.execute(
            insert(t.scenarios).values(
                workshop_id=w.id, slug=args["slug"], position=position, **values
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        people = {
            slug: pid
            for slug, pid in conn.execute(
                select(t.participants.c.slug, t.participants.c.id).where(
                    t.participants.c.workshop_id == w.id
                )
            )
        }
        rows = [
            {
                "workshop_id": w.id,
                "participant_id": people[r["participant"]],
                "scenario_id": scenario_id,
                "criterion": r["criterion"],
                "value": r["value"],
                "position": r["position"],
            }
            for r in args.get("ratings", [])
            if r["participant"] in people
        ]
        if rows:
            conn.execute(insert(t.ratings), rows)
    else:
        row = item_row(conn, t.scenarios, w, args["slug"], "scenario")
        conn.execute(update(t.scenarios).where(t.scenarios.c.id == row.id).values(**values))


def scenario_ratings_state(conn: Connection, scenario_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(
            t.participants.c.slug,
            t.ratings.c.criterion,
            t.ratings.c.value,
            t.ratings.c.position,
        )
        .join(t.participants, t.participants.c.id == t.ratings.c.participant_id)
        .where(t.ratings.c.scenario_id == scenario_id)
        .order_by(t.ratings.c.position)
    )
    return [
        {"participant": p, "criterion": c, "value": int(v), "position": int(pos)}
        for p, c, v, pos in rows
    ]


def _delete_scenario(conn: Connection, w: WorkshopRow, args: Mapping[str, Any]) -> None:
    row = item_row(conn, t.scenarios, w, args["slug"], "scenario")
    conn.execute(delete(t.ratings).where(t.ratings.c.scenario_id == row.id))
    conn.execute(delete(t.scenarios).where(t.scenarios.c.id == row.id))


def network_problems(w: WorkshopRow, scenario: Scenario) -> list[str]:
    """What is wrong with a scenario's network edits against its model's template."""
    from selfdata.files.references import workshop_problems

    decks = access.decks()
    if decks is None:
        return []
    probe = {
        "title": w.title,
        "territory": w.territory,
        "theme": w.theme,
        "scenarios": [scenario.model_dump(mode="json")],
    }
    from selfdata.domain.workshop import Workshop

    found = workshop_problems(Workshop.model_validate(probe), decks)
    return [
        f"{f.where.removeprefix('scenarios[0].')}: {f.message}"
        for f in found
        if f.where.startswith("scenarios[0].network_edits") or f.where == "scenarios[0].model"
    ]


def edits_json(edits: NetworkEdits) -> dict[str, Any]:
    return edits.model_dump(mode="json")


APPLY: dict[str, Callable[[Connection, WorkshopRow, Mapping[str, Any]], None]] = {
    "workshop": _set_workshop,
    "criteria": _set_criteria,
    "flag": _set_flag,
    "remove_item": _remove_item,
    "use_case": _write_use_case,
    "delete_use_case": _delete_use_case,
    "scenario": _write_scenario,
    "delete_scenario": _delete_scenario,
}


# --- undo -----------------------------------------------------------------------------------


NOT_UNDOABLE = (
    "undo",
    "set_projection",
    "set_cards_in_play",
    "set_agenda",
    "edit_card_wording",
    "restart_clock",
)
"""Facilitator actions undo walks past: undo itself, what the wall shows (steering the
projector is not a change of the workshop; undo reverts the change before it), and the
preparation's choices (cards in play, agenda, wording, the clock), which are set again on
the preparation page rather than undone in the room."""


def _last_undoable(conn: Connection, w: WorkshopRow) -> Any:
    return conn.execute(
        select(t.audit_log.c.id, t.audit_log.c.action, t.audit_log.c.undo, t.audit_log.c.detail)
        .where(
            t.audit_log.c.workshop_id == w.id,
            t.audit_log.c.actor == "facilitator",
            t.audit_log.c.undone.is_(False),
            t.audit_log.c.action.not_in(NOT_UNDOABLE),
        )
        .order_by(t.audit_log.c.id.desc())
        .limit(1)
    ).first()


def can_undo(conn: Connection, w: WorkshopRow) -> bool:
    row = _last_undoable(conn, w)
    return row is not None and row.undo is not None


def _step_of(row: Any) -> UndoStep:
    try:
        detail = json.loads(row.detail or "{}")
    except ValueError:
        detail = {}
    if not isinstance(detail, dict):
        detail = {}
    on = next(
        (
            detail[k]
            for k in ("revealed", "locked", "hidden", "selected", "show_pseudonyms")
            if k in detail
        ),
        None,
    )
    return UndoStep(
        action=str(row.action),
        step=str(detail.get("step") or ""),
        kind=str(detail.get("kind") or ""),
        on=bool(on) if on is not None else None,
    )


def next_undo(conn: Connection, w: WorkshopRow) -> UndoStep | None:
    """What :func:`undo` would revert now, or ``None`` when nothing can be undone."""
    row = _last_undoable(conn, w)
    return _step_of(row) if row is not None and row.undo is not None else None


def describe_undo(step: UndoStep, lang: str = "fr") -> str:
    """The action in words, for "Undo: …" and "Undone: …" ("reveal of the ranking", "the
    change of step to 'Needs'"); never an action id."""
    if step.action == "set_revealed":
        if step.step == "scenarios":
            return text("undo.what.reveal_ranking" if step.on else "undo.what.hide_ranking", lang)
        name = text(f"step.{step.step}", lang) if step.step in STEP_IDS else ""
        return text("undo.what.reveal" if step.on else "undo.what.hide", lang, step=name)
    if step.action == "set_step" and step.step in STEP_IDS:
        return text("undo.what.set_step", lang, step=text(f"step.{step.step}", lang))
    if step.action == "set_locked":
        return text("undo.what.lock" if step.on else "undo.what.unlock", lang)
    if step.action == "hide":
        return text("undo.what.hide_item" if step.on else "undo.what.show_item", lang)
    if step.action == "set_pseudonyms":
        key = "undo.what.show_pseudonyms" if step.on else "undo.what.hide_pseudonyms"
        return text(key, lang)
    key = f"undo.what.{step.action}"
    return text(key, lang) if key in catalog() else text("undo.what.other", lang)


@facilitator_only
def undo_step(store: Store, code: str, secret: str) -> UndoStep:
    """Revert the facilitator's latest not-yet-undone action and say which it was.
    Repeated calls walk further back. :class:`NotFound` when there is nothing to undo;
    :class:`Conflict` when the room has moved on in a way that prevents it."""

    def fn(conn: Connection, w: WorkshopRow) -> Outcome:
        row = _last_undoable(conn, w)
        if row is None or row.undo is None:
            raise NotFound("undo.nothing")
        try:
            apply(conn, w, json.loads(row.undo))
        except (NotFound, Conflict) as exc:
            raise Conflict("undo.impossible", action=row.action, reason=exc) from None
        conn.execute(update(t.audit_log).where(t.audit_log.c.id == row.id).values(undone=True))
        return _step_of(row), {"undone": row.action, "entry": int(row.id)}, None

    result: UndoStep = facilitate(store, code, secret, "undo", fn)
    return result


@facilitator_only
def undo(store: Store, code: str, secret: str) -> str:
    """Revert the facilitator's latest not-yet-undone action; returns its action name
    (:func:`undo_step` says more)."""
    return undo_step(store, code, secret).action
