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

from selfdata.app import access
from selfdata.app.access import Op, Outcome, facilitate, facilitator_only, item_row
from selfdata.app.read_models import UndoStep
from selfdata.domain import rules
from selfdata.domain.cards import STEP_IDS
from selfdata.domain.errors import Conflict, InvalidInput, NotFound
from selfdata.domain.workshop import NetworkEdits, Scenario
from selfdata.i18n import catalog
from selfdata.i18n import t as text
from selfdata.store import Record, Store, Tx
from selfdata.store.queries import (
    audit,
    cards,
    criteria,
    scenarios,
    use_cases,
    vote_totals,
    workshop_state,
)
from selfdata.store.queries.workshops import WorkshopRow

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


def apply(conn: Tx, w: WorkshopRow, operation: Op) -> None:
    APPLY[operation["op"]](conn, w, operation["args"])


# --- workshop settings --------------------------------------------------------------------


def workshop_fields(w: WorkshopRow, names: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in names:
        value = getattr(w, name)
        out[name] = list(value) if name == "revealed" else value
    return out


def _set_workshop(conn: Tx, w: WorkshopRow, args: Mapping[str, Any]) -> None:
    values = {k: v for k, v in args.items() if k in WORKSHOP_FIELDS}
    if "vote_budget" in values or "vote_cap" in values:
        check_settings_cover_dots(
            conn,
            w,
            int(values.get("vote_budget", w.vote_budget)),
            int(values.get("vote_cap", w.vote_cap)),
        )
    workshop_state.update_fields(conn, w.id, values)


def check_settings_cover_dots(conn: Tx, w: WorkshopRow, budget: int, cap: int) -> None:
    """Refuse a budget or a cap below the dots participants already placed."""
    most_spent = vote_totals.most_spent(conn, w.id)
    most_on_one = vote_totals.most_on_one(conn, w.id)
    rules.check_settings_cover_dots(most_spent, most_on_one, budget, cap)


# --- criteria -------------------------------------------------------------------------------


def current_criteria(conn: Tx, w: WorkshopRow) -> list[list[Any]]:
    return [[c, weight] for c, weight in criteria.weighted(conn, w.id)]


def known_criteria(conn: Tx, w: WorkshopRow) -> list[str] | None:
    """Criteria a rating may use: the workshop's list, else the deck's (``None``: any)."""
    listed = [c for c, _ in current_criteria(conn, w)]
    if listed:
        return listed
    decks = access.decks()
    return None if decks is None else [c.id for c in decks.criteria]


def _set_criteria(conn: Tx, w: WorkshopRow, args: Mapping[str, Any]) -> None:
    weights: list[list[Any]] = args["weights"]
    new_ids = [str(c) for c, _ in weights]
    decks = access.decks()
    allowed = new_ids or (None if decks is None else [c.id for c in decks.criteria])
    if allowed is not None:
        used = criteria.rated_outside(conn, w.id, allowed)
        if used is not None:
            raise Conflict("criteria.in_use", criterion=used)
    criteria.replace(conn, w.id, [(c, float(x)) for c, x in weights])


# --- sources and needs ----------------------------------------------------------------------


def table_of(kind: str) -> cards.CardKind:
    """Where a ``source`` or a ``need`` is kept: the item kind ``sources`` or ``needs``."""
    return "sources" if kind == "source" else "needs"


def _set_flag(conn: Tx, w: WorkshopRow, args: Mapping[str, Any]) -> None:
    items = table_of(args["kind"])
    row = item_row(conn, items, w, args["slug"], args["kind"])
    field = args["field"]
    if field not in ("hidden", "selected"):
        raise InvalidInput("flag.invalid")
    cards.set_flag(conn, items, row.id, field, bool(args["value"]))


def item_in_use(conn: Tx, kind: str, item_id: int) -> bool:
    return cards.in_use(conn, table_of(kind), item_id)


def in_use_error(kind: str) -> Conflict:
    return Conflict(f"{kind}.in_use")


def _remove_item(conn: Tx, w: WorkshopRow, args: Mapping[str, Any]) -> None:
    kind = args["kind"]
    items = table_of(kind)
    row = item_row(conn, items, w, args["slug"], kind)
    if item_in_use(conn, kind, row.id):
        raise in_use_error(kind)
    if kind == "need" and vote_totals.need_has_dots(conn, row.id):
        raise Conflict("need.has_votes", text="need.has_votes_hide")
    cards.remove(conn, items, row.id)


# --- use cases ------------------------------------------------------------------------------


def use_case_state(conn: Tx, w: WorkshopRow, slug: str) -> dict[str, Any]:
    row = item_row(conn, "use_cases", w, slug, "use_case")
    return {
        "title": row.title,
        "need": use_cases.need_slug(conn, row.need_id),
        "sources": use_cases.source_slugs(conn, row.id),
        "description": row.description,
        "governance_answers": json.loads(row.governance_answers),
        "governance_choice": row.governance_choice,
        "position": row.position,
    }


def _source_ids(conn: Tx, w: WorkshopRow, slugs: Sequence[str]) -> list[int]:
    if not slugs:
        raise InvalidInput("use_case.no_source")
    if len(set(slugs)) != len(slugs):
        raise InvalidInput("use_case.duplicate_source")
    return [int(item_row(conn, "sources", w, s, "source").id) for s in slugs]


def _write_use_case(conn: Tx, w: WorkshopRow, args: Mapping[str, Any]) -> None:
    """Create (``create=True``) or update the use case ``slug`` with the given fields."""
    slug = args["slug"]
    fields = dict(args["fields"])
    values: dict[str, Any] = {}
    for name in ("title", "description", "governance_choice"):
        if name in fields:
            values[name] = fields[name]
    if "governance_answers" in fields:
        values["governance_answers"] = fields["governance_answers"]
    if "need" in fields:
        values["need_id"] = item_row(conn, "needs", w, fields["need"], "need").id
    source_ids = _source_ids(conn, w, fields["sources"]) if "sources" in fields else None
    if args.get("create"):
        position = fields.get("position") or access.next_position(conn, "use_cases", w.id)
        case_id = use_cases.insert_case(conn, w.id, slug, position, values)
    else:
        case_id = item_row(conn, "use_cases", w, slug, "use_case").id
        if values:
            use_cases.update_case(conn, case_id, values)
    if source_ids is not None:
        use_cases.set_sources(conn, case_id, source_ids)


def use_case_used(conn: Tx, case_id: int) -> bool:
    return use_cases.used_by_scenario(conn, case_id)


def _delete_use_case(conn: Tx, w: WorkshopRow, args: Mapping[str, Any]) -> None:
    row = item_row(conn, "use_cases", w, args["slug"], "use_case")
    if use_case_used(conn, row.id):
        raise Conflict("use_case.in_use")
    use_cases.delete_case(conn, row.id)


# --- scenarios ------------------------------------------------------------------------------


def scenario_state(conn: Tx, w: WorkshopRow, slug: str) -> dict[str, Any]:
    row = item_row(conn, "scenarios", w, slug, "scenario")
    return {
        "title": row.title,
        "use_case": scenarios.use_case_slug(conn, row.use_case_id),
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


SCENARIO_COLUMNS = (
    "title",
    "model",
    "residents",
    "duration_months",
    "description",
    "plan_start",
    "partners",
    "network_edits",
    "action_plan",
    "city_roles",
    "city_actors",
)


def scenario_values(conn: Tx, w: WorkshopRow, fields: Mapping[str, Any]) -> dict[str, Any]:
    """The columns to write for these fields (JSON ones as data: the store encodes them)."""
    values: dict[str, Any] = {k: fields[k] for k in SCENARIO_COLUMNS if k in fields}
    if "use_case" in fields:
        values["use_case_id"] = item_row(conn, "use_cases", w, fields["use_case"], "use_case").id
    return values


def _write_scenario(conn: Tx, w: WorkshopRow, args: Mapping[str, Any]) -> None:
    fields = args["fields"]
    values = scenario_values(conn, w, fields)
    if args.get("create"):
        position = fields.get("position") or access.next_position(conn, "scenarios", w.id)
        scenario_id = scenarios.insert_scenario(conn, w.id, args["slug"], position, values)
        scenarios.restore_ratings(conn, w.id, scenario_id, args.get("ratings", []))
    else:
        row = item_row(conn, "scenarios", w, args["slug"], "scenario")
        scenarios.update_scenario(conn, row.id, values)


def scenario_ratings_state(conn: Tx, scenario_id: int) -> list[dict[str, Any]]:
    return scenarios.ratings_of(conn, scenario_id)


def _delete_scenario(conn: Tx, w: WorkshopRow, args: Mapping[str, Any]) -> None:
    row = item_row(conn, "scenarios", w, args["slug"], "scenario")
    scenarios.delete_scenario(conn, row.id)


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


APPLY: dict[str, Callable[[Tx, WorkshopRow, Mapping[str, Any]], None]] = {
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


def _last_undoable(conn: Tx, w: WorkshopRow) -> Record | None:
    return audit.last_undoable(conn, w.id, NOT_UNDOABLE)


def can_undo(conn: Tx, w: WorkshopRow) -> bool:
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


def next_undo(conn: Tx, w: WorkshopRow) -> UndoStep | None:
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

    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        row = _last_undoable(conn, w)
        if row is None or row.undo is None:
            raise NotFound("undo.nothing")
        try:
            apply(conn, w, json.loads(row.undo))
        except (NotFound, Conflict) as exc:
            raise Conflict("undo.impossible", action=row.action, reason=exc) from None
        audit.mark_undone(conn, int(row.id))
        return _step_of(row), {"undone": row.action, "entry": int(row.id)}, None

    result: UndoStep = facilitate(store, code, secret, "undo", fn)
    return result


@facilitator_only
def undo(store: Store, code: str, secret: str) -> str:
    """Revert the facilitator's latest not-yet-undone action; returns its action name
    (:func:`undo_step` says more)."""
    return undo_step(store, code, secret).action
