"""Facilitator actions: room control, settings, moderation, use cases, governance, scenarios.

They all take the facilitator ``secret``. Each action is one write transaction (see
:func:`selfdata.app.access.facilitate`): the workshop row is locked, the secret checked (a
wrong secret changes nothing), the change applied, the version bumped and the audit log
extended with the inverse operation that :func:`selfdata.app.operations.undo` replays.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import ValidationError

from selfdata.app import access
from selfdata.app import operations as ops
from selfdata.app.access import Op, Outcome, check_text, facilitate, facilitator_only, item_row
from selfdata.app.group_decision import check_reveal
from selfdata.app.room_setup import clock_of
from selfdata.app.tables import set_use_case_table
from selfdata.domain import rules
from selfdata.domain.agenda import change_step
from selfdata.domain.cards import GOVERNANCE_MODEL_IDS, STEP_IDS
from selfdata.domain.errors import InvalidInput, LimitExceeded
from selfdata.domain.limits import (
    MAX_CRITERIA,
    MAX_ITEMS,
    MAX_TEXT,
    MAX_TIMER_SECONDS,
    MAX_TITLE,
    WEIGHT_MAX,
    WEIGHT_MIN,
)
from selfdata.domain.workshop import NetworkEdits, Scenario, Scope
from selfdata.store import Store, Tx
from selfdata.store.queries import scenarios, use_cases
from selfdata.store.queries.workshops import WorkshopRow

ContributionKind = Literal["source", "need"]


def _set_fields(action: str, **values: Any) -> Callable[[Tx, WorkshopRow], Outcome]:
    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        before = ops.workshop_fields(w, list(values))
        ops.apply(conn, w, ops.op("workshop", **values))
        return None, values, ops.op("workshop", **before)

    return fn


def _check_step(step: object) -> str:
    if step not in STEP_IDS:
        raise InvalidInput("step.unknown", step=str(step)[:40])
    return str(step)


# === room control ===========================================================================


@facilitator_only
def set_step(store: Store, code: str, secret: str, step: str) -> None:
    """Move the room to ``step`` (one of ``STEP_IDS``). The room's clock closes the step it
    leaves and times the new one (it starts now if it was not running); undo restores both."""
    step = _check_step(step)

    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        clock = change_step(clock_of(w), step, access.clock())
        values = {"step": step, "step_clock": clock.model_dump(mode="json")}
        _, _, undo_op = _set_fields("set_step", **values)(conn, w)
        return None, {"step": step}, undo_op

    facilitate(store, code, secret, "set_step", fn)


@facilitator_only
def set_locked(store: Store, code: str, secret: str, locked: bool) -> None:
    """Lock or unlock participants' input. Unlocking also clears a timer that has run out."""

    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        values: dict[str, Any] = {"locked": bool(locked)}
        if not locked and w.timer_end is not None and w.input_locked(access.clock()):
            values["timer_end"] = None
        return _set_fields("set_locked", **values)(conn, w)

    facilitate(store, code, secret, "set_locked", fn)


@facilitator_only
def start_timer(store: Store, code: str, secret: str, seconds: float) -> float:
    """Start a countdown of ``seconds``; input counts as locked once it ends. Returns the end
    time (epoch seconds)."""
    if not rules.valid_timer(seconds):
        raise InvalidInput("timer.invalid", hours=MAX_TIMER_SECONDS // 3600)
    end = access.clock() + float(seconds)

    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        _, detail, undo_op = _set_fields("start_timer", timer_end=end)(conn, w)
        return end, {"seconds": seconds}, undo_op

    result: float = facilitate(store, code, secret, "start_timer", fn)
    return result


@facilitator_only
def stop_timer(store: Store, code: str, secret: str) -> None:
    """Cancel the countdown (input is no longer locked by it)."""
    facilitate(store, code, secret, "stop_timer", _set_fields("stop_timer", timer_end=None))


@facilitator_only
def set_revealed(store: Store, code: str, secret: str, step: str, revealed: bool) -> None:
    """Reveal (or hide again) the results of ``step`` to participants and the projector."""
    step = _check_step(step)

    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        check_reveal(w, step, revealed)  # a silent rating round keeps the ranking hidden
        now = set(w.revealed) | {step} if revealed else set(w.revealed) - {step}
        ordered = [s for s in STEP_IDS if s in now]
        before = ops.workshop_fields(w, ["revealed"])
        ops.apply(conn, w, ops.op("workshop", revealed=ordered))
        return None, {"step": step, "revealed": bool(revealed)}, ops.op("workshop", **before)

    facilitate(store, code, secret, "set_revealed", fn)


@facilitator_only
def set_pseudonyms_shown(store: Store, code: str, secret: str, shown: bool) -> None:
    """Name participants in this workshop (``shown``) or keep it anonymous (the default).

    Anonymous: the console's lists say "Participant 1, 2…", the tablets say a proposal was
    made in the room, ``rank`` prints no pseudonym and the report lists none. Named: all of
    them show pseudonyms. One's own agreement with the group, dots and proposals stay
    visible to oneself either way (My data). Stored with the workshop and in its file;
    undoable like any setting."""
    facilitate(
        store,
        code,
        secret,
        "set_pseudonyms",
        _set_fields("set_pseudonyms", show_pseudonyms=bool(shown)),
    )


@facilitator_only
def set_vote_settings(store: Store, code: str, secret: str, *, budget: int, cap: int) -> None:
    """Dots per participant (1–50) and per need (1–50, at most the budget). Refused
    (:class:`Conflict`) below what participants already placed."""
    rules.check_vote_settings(budget, cap)
    facilitate(
        store,
        code,
        secret,
        "set_vote_settings",
        _set_fields("set_vote_settings", vote_budget=budget, vote_cap=cap),
    )


@facilitator_only
def set_weights(store: Store, code: str, secret: str, weights: Mapping[str, float]) -> None:
    """Replace the criteria in use and their weights (0–10), in the given order. An empty
    mapping goes back to the deck's defaults. Removing a criterion that already has ratings
    is refused: give it a weight of 0 instead."""
    if not isinstance(weights, Mapping) or len(weights) > MAX_CRITERIA:
        raise InvalidInput("criteria.invalid")
    decks = access.decks()
    known = None if decks is None else {c.id for c in decks.criteria}
    pairs: list[list[Any]] = []
    for criterion, weight in weights.items():
        if known is not None and criterion not in known:
            raise InvalidInput("criteria.unknown", criterion=str(criterion)[:64])
        if not rules.valid_weight(weight):
            raise InvalidInput("criteria.weight_invalid", low=WEIGHT_MIN, high=WEIGHT_MAX)
        pairs.append([str(criterion), float(weight)])

    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        before = ops.current_criteria(conn, w)
        ops.apply(conn, w, ops.op("criteria", weights=pairs))
        return None, {"weights": dict(weights)}, ops.op("criteria", weights=before)

    facilitate(store, code, secret, "set_weights", fn)


# === moderation and inventory ===============================================================


def _flag(kind: ContributionKind, field_name: str, action: str, slug: str, value: bool) -> Any:
    if kind not in ("source", "need"):
        raise InvalidInput("kind.invalid")

    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        row = item_row(conn, ops.table_of(kind), w, slug, kind)
        before = bool(getattr(row, field_name))
        args = {"kind": kind, "slug": slug, "field": field_name}
        ops.apply(conn, w, ops.op("flag", **args, value=bool(value)))
        detail = {"kind": kind, "id": slug, field_name: bool(value)}
        return None, detail, ops.op("flag", **args, value=before)

    return fn


@facilitator_only
def hide_contribution(
    store: Store, code: str, secret: str, kind: ContributionKind, item_id: str, hidden: bool = True
) -> None:
    """Moderation: hide (or show again) a source or a need. Dots already on a hidden need
    stay in their owner's budget until withdrawn; no new dot may be added to it."""
    facilitate(store, code, secret, "hide", _flag(kind, "hidden", "hide", item_id, hidden))


@facilitator_only
def select_source(store: Store, code: str, secret: str, source_id: str, selected: bool) -> None:
    """Keep (or set aside) a source in the territory's selection."""
    facilitate(
        store,
        code,
        secret,
        "select_source",
        _flag("source", "selected", "select_source", source_id, selected),
    )


# === use cases and governance ===============================================================


def _too_many(what: str) -> LimitExceeded:
    return LimitExceeded("items.too_many", text=f"items.too_many_{what}", limit=MAX_ITEMS)


@facilitator_only
def create_use_case(
    store: Store,
    code: str,
    secret: str,
    *,
    title: str,
    need: str,
    sources: Sequence[str],
    description: str = "",
    table: str | None = None,
) -> str:
    """A named use case: one need of the board and at least one source of the inventory;
    built by ``table`` (a table id) or the whole room (``None``). Returns its id."""
    title = check_text(title, "title", limit=MAX_TITLE, required=True)
    description = check_text(description, "description", limit=MAX_TEXT)
    source_list = [str(s) for s in sources]

    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        if use_cases.count(conn, w.id) >= MAX_ITEMS:
            raise _too_many("use_cases")
        slug = access.unique_slug(conn, "use_cases", w.id, access.slugify(title))
        fields = {
            "title": title,
            "need": need,
            "sources": source_list,
            "description": description,
        }
        ops.apply(conn, w, ops.op("use_case", slug=slug, create=True, fields=fields))
        if table is not None:
            set_use_case_table(conn, w, slug, need, table)
        return slug, {"id": slug, "title": title}, ops.op("delete_use_case", slug=slug)

    result: str = facilitate(store, code, secret, "create_use_case", fn)
    return result


def _update_use_case(
    store: Store, code: str, secret: str, action: str, slug: str, fields: dict[str, Any]
) -> None:
    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        before = ops.use_case_state(conn, w, slug)
        old = {k: before[k] for k in fields}
        ops.apply(conn, w, ops.op("use_case", slug=slug, fields=fields))
        return None, {"id": slug, **fields}, ops.op("use_case", slug=slug, fields=old)

    facilitate(store, code, secret, action, fn)


@facilitator_only
def delete_use_case(store: Store, code: str, secret: str, use_case_id: str) -> None:
    """Delete a use case; refused (:class:`Conflict`) while a scenario uses it."""

    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        before = ops.use_case_state(conn, w, use_case_id)
        ops.apply(conn, w, ops.op("delete_use_case", slug=use_case_id))
        restore = ops.op("use_case", slug=use_case_id, create=True, fields=before)
        return None, {"id": use_case_id}, restore

    facilitate(store, code, secret, "delete_use_case", fn)


def _check_governance_answer(question: object, option: object) -> None:
    decks = access.decks()
    if decks is None:
        return
    card = next((q for q in decks.governance_questions if q.id == question), None)
    if card is None:
        raise InvalidInput("governance.question_unknown", question=str(question)[:64])
    if option is not None and option not in {o.id for o in card.options}:
        raise InvalidInput("governance.option_unknown", option=str(option)[:64])


def _answers_op(
    use_case_id: str, changes: Mapping[str, str | None]
) -> Callable[[Tx, WorkshopRow], tuple[dict[str, Any], Op]]:
    """Apply ``changes`` (question -> option, ``None`` clears) to a use case's answers;
    returns the answers before (for the audit) and the inverse operation."""

    def fn(conn: Tx, w: WorkshopRow) -> tuple[dict[str, Any], Op]:
        before = ops.use_case_state(conn, w, use_case_id)["governance_answers"]
        answers = dict(before)
        for question, option in changes.items():
            if option is None:
                answers.pop(question, None)
            else:
                answers[question] = option
        ops.apply(
            conn, w, ops.op("use_case", slug=use_case_id, fields={"governance_answers": answers})
        )
        return before, ops.op("use_case", slug=use_case_id, fields={"governance_answers": before})

    return fn


@facilitator_only
def set_governance_answers(
    store: Store,
    code: str,
    secret: str,
    use_case_id: str,
    answers: Mapping[str, str | None],
) -> int:
    """Record several of the room's answers for a use case at once (question -> option,
    ``None`` clears): one transaction, one audit line, undone together. Questions not named
    keep their answer. Returns how many answers were given; none writes nothing."""
    if not isinstance(answers, Mapping) or len(answers) > MAX_ITEMS:
        raise InvalidInput("governance.answers_invalid")
    changes = dict(answers)
    for question, option in changes.items():
        _check_governance_answer(question, option)
    if not changes:
        return 0
    apply = _answers_op(use_case_id, changes)

    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        _, undo_op = apply(conn, w)
        return len(changes), {"id": use_case_id, "answers": changes}, undo_op

    result: int = facilitate(store, code, secret, "set_governance_answers", fn)
    return result


def _check_model(model: object) -> str:
    if model not in GOVERNANCE_MODEL_IDS:
        raise InvalidInput("governance.model_unknown", model=str(model)[:64])
    return str(model)


@facilitator_only
def choose_governance(
    store: Store, code: str, secret: str, use_case_id: str, model: str | None
) -> None:
    """Record the governance model the group chose for a use case (``None`` clears)."""
    choice = None if model is None else _check_model(model)
    _update_use_case(
        store, code, secret, "choose_governance", use_case_id, {"governance_choice": choice}
    )


# === scenarios ==============================================================================


@dataclass(frozen=True)
class ScenarioDraft:
    """What the facilitator types for a scenario (all fields are replaced on update)."""

    title: str
    use_case: str
    model: str
    residents: int = 0
    duration_months: int = 0
    partners: Sequence[str] = ()
    description: str = ""
    network_edits: NetworkEdits = field(default_factory=NetworkEdits)


def _scenario_fields(w: WorkshopRow, slug: str, draft: ScenarioDraft) -> dict[str, Any]:
    if not isinstance(draft, ScenarioDraft):
        raise InvalidInput("scenario.invalid")
    title = check_text(draft.title, "title", limit=MAX_TITLE, required=True)
    description = check_text(draft.description, "description", limit=MAX_TEXT)
    partners = [check_text(p, "partners", limit=MAX_TITLE, required=True) for p in draft.partners]
    if not draft.model:
        # never a silent default ("Personal cloud" used to be picked): the group's choice
        # for the use case, filled in by the form, or the facilitator's explicit pick
        raise InvalidInput("scenario.model_not_chosen")
    _check_model(draft.model)
    try:
        scenario = Scenario(
            id=slug,
            title=title,
            use_case=str(draft.use_case),
            model=draft.model,
            scope=Scope(
                residents=draft.residents,
                duration_months=draft.duration_months,
                partners=partners,
            ),
            description=description,
            network_edits=draft.network_edits,
        )
    except ValidationError as exc:
        raise InvalidInput(
            "scenario.invalid",
            text="scenario.invalid_because",
            problems=[f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()],
        ) from None
    problems = ops.network_problems(w, scenario)
    if problems:
        raise InvalidInput("network.invalid", text="network.inconsistent", problems=problems)
    return {
        "title": scenario.title,
        "use_case": scenario.use_case,
        "model": scenario.model,
        "residents": scenario.scope.residents,
        "duration_months": scenario.scope.duration_months,
        "partners": list(scenario.scope.partners),
        "description": scenario.description,
        "network_edits": ops.edits_json(scenario.network_edits),
    }


@facilitator_only
def create_scenario(store: Store, code: str, secret: str, draft: ScenarioDraft) -> str:
    """A candidate field experiment (use case + governance model + scope). Returns its id."""

    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        if scenarios.count(conn, w.id) >= MAX_ITEMS:
            raise _too_many("scenarios")
        slug = access.unique_slug(conn, "scenarios", w.id, access.slugify(draft.title))
        fields = _scenario_fields(w, slug, draft)
        _check_new_scenario(conn, w, slug, fields)
        ops.apply(conn, w, ops.op("scenario", slug=slug, create=True, fields=fields))
        return slug, {"id": slug, "title": fields["title"]}, ops.op("delete_scenario", slug=slug)

    result: str = facilitate(store, code, secret, "create_scenario", fn)
    return result


def replace_scenario(
    store: Store,
    code: str,
    secret: str,
    action: str,
    slug: str,
    make: Callable[[WorkshopRow, dict[str, Any]], dict[str, Any]],
    check: Callable[[Tx, WorkshopRow, str, dict[str, Any]], None] | None = None,
) -> None:
    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        before = ops.scenario_state(conn, w, slug)
        fields = make(w, before)
        if check is not None:
            check(conn, w, slug, fields)
        old = {k: before[k] for k in fields}
        ops.apply(conn, w, ops.op("scenario", slug=slug, fields=fields))
        return (
            None,
            {"id": slug, "fields": sorted(fields)},
            ops.op("scenario", slug=slug, fields=old),
        )

    facilitate(store, code, secret, action, fn)


@facilitator_only
def update_scenario(
    store: Store, code: str, secret: str, scenario_id: str, draft: ScenarioDraft
) -> None:
    """Replace the scenario's title, use case, model, scope, description and network edits.
    Its ratings stay."""
    replace_scenario(
        store,
        code,
        secret,
        "update_scenario",
        scenario_id,
        lambda w, _before: _scenario_fields(w, scenario_id, draft),
        check=_check_new_scenario,
    )


def _title_key(title: str) -> str:
    return " ".join(title.casefold().split())


def _check_new_scenario(conn: Tx, w: WorkshopRow, slug: str, fields: Mapping[str, Any]) -> None:
    """What a facilitator types for a scenario (issue 30): a scope of at least one resident
    and one month, and a title no other scenario of the workshop has (ignoring case and
    spaces). Scenarios already stored with an empty scope (older files) keep their edits."""
    if fields["residents"] < 1 or fields["duration_months"] < 1:
        raise InvalidInput("scenario.no_scope")
    key = _title_key(fields["title"])
    if any(
        other != slug and _title_key(title) == key for other, title in scenarios.titles(conn, w.id)
    ):
        raise InvalidInput("scenario.duplicate_title", title=fields["title"])


@facilitator_only
def set_network_edits(
    store: Store, code: str, secret: str, scenario_id: str, edits: NetworkEdits
) -> None:
    """Replace the scenario's changes to its governance model's network template (checked
    against the template: actors and flows must exist, ids must not clash)."""
    if not isinstance(edits, NetworkEdits):
        raise InvalidInput("network.invalid")

    def make(w: WorkshopRow, before: dict[str, Any]) -> dict[str, Any]:
        draft = ScenarioDraft(
            title=before["title"],
            use_case=before["use_case"],
            model=before["model"],
            residents=before["residents"],
            duration_months=before["duration_months"],
            partners=before["partners"],
            description=before["description"],
            network_edits=edits,
        )
        return {"network_edits": _scenario_fields(w, scenario_id, draft)["network_edits"]}

    replace_scenario(store, code, secret, "set_network_edits", scenario_id, make)


@facilitator_only
def delete_scenario(store: Store, code: str, secret: str, scenario_id: str) -> None:
    """Delete a scenario and its ratings (undo brings both back)."""

    def fn(conn: Tx, w: WorkshopRow) -> Outcome:
        before = ops.scenario_state(conn, w, scenario_id)
        row = item_row(conn, "scenarios", w, scenario_id, "scenario")
        ratings = ops.scenario_ratings_state(conn, int(row.id))
        ops.apply(conn, w, ops.op("delete_scenario", slug=scenario_id))
        restore = ops.op("scenario", slug=scenario_id, create=True, fields=before, ratings=ratings)
        return None, {"id": scenario_id}, restore

    facilitate(store, code, secret, "delete_scenario", fn)
