"""A whole workshop between the file model (:class:`Workshop`) and the database rows.

``write_workshop`` stores a validated workshop inside the caller's transaction;
``read_workshop`` rebuilds it. Together they are lossless: every field of the file, and the
order of every list, comes back as it went in. ``import_problems`` lists everything that
would stop a file from being stored, so an import is refused before anything is written.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Select, Table, bindparam, delete, insert, select

from selfdata.domain.cards import DataSourceCard, NeedCard
from selfdata.domain.identity import pseudonym_key
from selfdata.domain.workshop import (
    CriterionWeight,
    NetworkEdits,
    Participant,
    Rating,
    Scenario,
    Scope,
    Settings,
    UseCase,
    Vote,
    Workshop,
    WorkshopCards,
    WorkshopNeed,
    WorkshopSource,
    WorkshopTable,
)
from selfdata.store import schema as t
from selfdata.store.decision_transfer import read_decision, write_decision
from selfdata.store.import_checks import import_problems as import_problems  # re-exported
from selfdata.store.schema import dumps


def _card_json(card: DataSourceCard | NeedCard | None) -> str | None:
    return None if card is None else dumps(card.model_dump(mode="json"))


def write_workshop(
    conn: Connection,
    workshop: Workshop,
    *,
    code: str,
    secret_hash: str,
    created_at: float,
    expires_at: float | None,
) -> int:
    """Insert ``workshop`` (already checked by :func:`import_problems`); returns its row id."""
    w = workshop
    header = _header_row(w, code=code, secret_hash=secret_hash)
    header |= {"created_at": created_at, "expires_at": expires_at}
    result = conn.execute(insert(t.workshops).values(**header))
    rows = _WorkshopRows(conn, int(result.inserted_primary_key[0]))  # type: ignore[index]
    rows.tables(w.tables or ())
    rows.participants(w.participants)
    rows.sources(w.sources)
    rows.needs(w.needs)
    rows.votes(w.votes)
    rows.use_cases(w.use_cases)
    rows.scenarios(w.scenarios)
    rows.criteria(w.criteria)
    rows.ratings(w.ratings)
    write_decision(conn, rows.workshop_id, w, rows.people, rows.scenario_ids)
    write_cards(conn, rows.workshop_id, w.cards)
    return rows.workshop_id


def _header_row(w: Workshop, *, code: str, secret_hash: str) -> dict[str, Any]:
    """The workshop's own row, but for its lifetime (``created_at``, ``expires_at``)."""
    return dict(
        code=code,
        secret_hash=secret_hash,
        title=w.title,
        territory=w.territory,
        theme=w.theme,
        illustrative=w.illustrative,
        description=w.description,
        language=w.language,
        created=w.model_dump(mode="json")["created"],
        step=w.step,
        vote_budget=w.settings.vote_budget,
        vote_cap=w.settings.vote_cap,
        locked=w.settings.locked,
        revealed=dumps(list(w.settings.revealed)),
        show_pseudonyms=w.settings.show_pseudonyms,
        timer_end=None,
        version=0,
        preparation=None
        if w.preparation is None
        else dumps(w.preparation.model_dump(mode="json", exclude_none=True)),
    )


def _scenario_row(s: Scenario) -> dict[str, Any]:
    """A scenario's own columns (the row's owner, use case and position aside)."""
    return {
        "slug": s.id,
        "title": s.title,
        "model": s.model,
        "residents": s.scope.residents,
        "duration_months": s.scope.duration_months,
        "partners": dumps(list(s.scope.partners)),
        "description": s.description,
        "network_edits": dumps(s.network_edits.model_dump(mode="json")),
        "action_plan": None
        if s.action_plan is None
        else dumps([a.model_dump(mode="json") for a in s.action_plan]),
        "city_roles": None if s.city_roles is None else dumps(list(s.city_roles)),
        "city_actors": None if s.city_actors is None else dumps(list(s.city_actors)),
        "plan_start": None if s.plan_start is None else s.plan_start.isoformat(),
    }


@dataclass
class _WorkshopRows:
    """One workshop's rows, written table after table, each list in its order
    (``position`` from 1); the row ids of what is written, by slug, for the rows that
    point at it."""

    conn: Connection
    workshop_id: int
    table_ids: dict[str, int] = field(default_factory=dict)
    people: dict[str, int] = field(default_factory=dict)
    source_ids: dict[str, int] = field(default_factory=dict)
    need_ids: dict[str, int] = field(default_factory=dict)
    case_ids: dict[str, int] = field(default_factory=dict)
    scenario_ids: dict[str, int] = field(default_factory=dict)

    def _bulk(self, table: Table, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            self.conn.execute(insert(table), list(rows))

    def _owned(self, table: Table, rows: Sequence[dict[str, Any]]) -> None:
        """Insert rows of this workshop, numbered in order."""
        self._bulk(
            table,
            [{"workshop_id": self.workshop_id, **r, "position": i} for i, r in enumerate(rows, 1)],
        )

    def _ids(self, table: Table) -> dict[str, int]:
        query = select(table.c.slug, table.c.id).where(table.c.workshop_id == self.workshop_id)
        return {slug: int(row_id) for slug, row_id in self.conn.execute(query)}

    def _table_of(self, slug: str | None) -> int | None:
        return None if slug is None else self.table_ids[slug]

    def tables(self, tables: Sequence[WorkshopTable]) -> None:
        self._owned(
            t.tables, [{"slug": tb.id, "name": tb.name, "colour": tb.colour} for tb in tables]
        )
        self.table_ids = self._ids(t.tables)

    def participants(self, participants: Sequence[Participant]) -> None:
        rows = [
            {
                "slug": p.id,
                "pseudonym": p.pseudonym,
                "pseudonym_key": pseudonym_key(p.pseudonym),
                "joined": p.model_dump(mode="json")["joined"],
                "token_hash": None,
                "table_id": self._table_of(p.table),
            }
            for p in participants
        ]
        self._owned(t.participants, rows)
        self.people = self._ids(t.participants)

    def _by(self, participant: str | None) -> int | None:
        return None if participant is None else self.people[participant]

    def sources(self, sources: Sequence[WorkshopSource]) -> None:
        rows = [
            {
                "slug": s.id,
                "card": _card_json(s.card),
                "selected": s.selected,
                "proposed_by": self._by(s.proposed_by),
                "hidden": s.hidden,
            }
            for s in sources
        ]
        self._owned(t.sources, rows)
        self.source_ids = self._ids(t.sources)

    def needs(self, needs: Sequence[WorkshopNeed]) -> None:
        rows = [
            {
                "slug": n.id,
                "card": _card_json(n.card),
                "proposed_by": self._by(n.proposed_by),
                "hidden": n.hidden,
                "table_id": self._table_of(n.table),
            }
            for n in needs
        ]
        self._owned(t.needs, rows)
        self.need_ids = self._ids(t.needs)

    def votes(self, votes: Sequence[Vote]) -> None:
        people, needs = self.people, self.need_ids
        self._owned(
            t.votes,
            [
                {"participant_id": people[v.participant], "need_id": needs[v.need], "dots": v.dots}
                for v in votes
            ],
        )

    def use_cases(self, use_cases: Sequence[UseCase]) -> None:
        rows = [
            {
                "slug": u.id,
                "title": u.title,
                "need_id": self.need_ids[u.need],
                "description": u.description,
                "governance_answers": dumps(u.governance_answers),
                "governance_choice": u.governance_choice,
                "table_id": self._table_of(u.table),
            }
            for u in use_cases
        ]
        self._owned(t.use_cases, rows)
        self.case_ids = self._ids(t.use_cases)
        links = [
            {"use_case_id": self.case_ids[u.id], "source_id": self.source_ids[s], "position": j}
            for u in use_cases
            for j, s in enumerate(u.sources, start=1)
        ]
        self._bulk(t.use_case_sources, links)

    def scenarios(self, scenarios: Sequence[Scenario]) -> None:
        rows = [{**_scenario_row(s), "use_case_id": self.case_ids[s.use_case]} for s in scenarios]
        self._owned(t.scenarios, rows)
        self.scenario_ids = self._ids(t.scenarios)

    def criteria(self, criteria: Sequence[CriterionWeight]) -> None:
        self._owned(t.criteria, [{"criterion": c.criterion, "weight": c.weight} for c in criteria])

    def ratings(self, ratings: Sequence[Rating]) -> None:
        rows = [
            {
                "participant_id": self.people[r.participant],
                "scenario_id": self.scenario_ids[r.scenario],
                "criterion": r.criterion,
                "value": r.value,
            }
            for r in ratings
        ]
        self._owned(t.ratings, rows)


def write_cards(conn: Connection, workshop_id: int, cards: WorkshopCards | None) -> None:
    """Replace the workshop's own cards with ``cards`` (None: it has none)."""
    conn.execute(delete(t.workshop_cards).where(t.workshop_cards.c.workshop_id == workshop_id))
    if cards is None:
        return
    rows = [
        {
            "workshop_id": workshop_id,
            "kind": kind,
            "slug": card.id,
            "card": dumps(card.model_dump(mode="json")),
            "position": i,
        }
        for kind in ("data_sources", "needs")
        for i, card in enumerate(getattr(cards, kind), start=1)
    ]
    # An empty section is kept apart from none at all: one marker row without a card kind.
    rows.append({"workshop_id": workshop_id, "kind": "", "slug": "", "card": "{}", "position": 0})
    conn.execute(insert(t.workshop_cards), rows)


def own_card(
    conn: Connection, workshop_id: int, kind: str, card_id: str
) -> DataSourceCard | NeedCard | None:
    """One of the workshop's own cards (``kind``: ``data_sources`` or ``needs``), or None."""
    raw = conn.execute(
        select(t.workshop_cards.c.card).where(
            t.workshop_cards.c.workshop_id == workshop_id,
            t.workshop_cards.c.kind == kind,
            t.workshop_cards.c.slug == card_id,
        )
    ).scalar()
    if raw is None:
        return None
    model = DataSourceCard if kind == "data_sources" else NeedCard
    return model.model_validate_json(raw)


def read_cards(conn: Connection, workshop_id: int) -> WorkshopCards | None:
    rows = conn.execute(
        select(t.workshop_cards.c.kind, t.workshop_cards.c.card)
        .where(t.workshop_cards.c.workshop_id == workshop_id)
        .order_by(t.workshop_cards.c.kind, t.workshop_cards.c.position)
    ).all()
    if not rows:
        return None
    return WorkshopCards(
        data_sources=[
            DataSourceCard.model_validate_json(c) for k, c in rows if k == "data_sources"
        ],
        needs=[NeedCard.model_validate_json(c) for k, c in rows if k == "needs"],
    )


@functools.cache
def _slugs_query(table: Table) -> Select[Any]:
    return select(table.c.id, table.c.slug).where(table.c.workshop_id == bindparam("wid"))


@functools.cache
def _ordered_query(table: Table) -> Select[Any]:
    return select(table).where(table.c.workshop_id == bindparam("wid")).order_by(table.c.position)


def _slugs(conn: Connection, table: Table, workshop_id: int) -> dict[int, str]:
    # statements built once per table (the screens read these on every cache miss)
    rows = conn.execute(_slugs_query(table), {"wid": workshop_id})
    return {int(row_id): slug for row_id, slug in rows}


def ordered_rows(conn: Connection, table: Table, workshop_id: int) -> list[Any]:
    """The workshop's rows of ``table`` in their order (``position``)."""
    return list(conn.execute(_ordered_query(table), {"wid": workshop_id}))


def read_tables(conn: Connection, workshop_id: int) -> list[WorkshopTable] | None:
    """The room's tables in order, or None when it has none."""
    rows = ordered_rows(conn, t.tables, workshop_id)
    if not rows:
        return None
    return [WorkshopTable(id=r.slug, name=r.name, colour=int(r.colour)) for r in rows]


def table_slugs(conn: Connection, workshop_id: int) -> dict[int, str]:
    """Row id -> id (slug) of the workshop's tables."""
    return _slugs(conn, t.tables, workshop_id)


def _table_slug(slugs: dict[int, str], table_id: int | None) -> str | None:
    return None if table_id is None else slugs.get(int(table_id))


def read_use_cases(conn: Connection, workshop_id: int) -> list[UseCase]:
    table_slugs = _slugs(conn, t.tables, workshop_id)
    sources = _slugs(conn, t.sources, workshop_id)
    needs = _slugs(conn, t.needs, workshop_id)
    case_sources: dict[int, list[str]] = {}
    query = (
        select(t.use_case_sources.c.use_case_id, t.use_case_sources.c.source_id)
        .join(t.use_cases, t.use_cases.c.id == t.use_case_sources.c.use_case_id)
        .where(t.use_cases.c.workshop_id == workshop_id)
        .order_by(t.use_case_sources.c.use_case_id, t.use_case_sources.c.position)
    )
    for case_id, source_id in conn.execute(query):
        case_sources.setdefault(int(case_id), []).append(sources[int(source_id)])
    return [
        UseCase(
            id=u.slug,
            title=u.title,
            need=needs[u.need_id],
            sources=case_sources.get(int(u.id), []),
            description=u.description,
            governance_answers=json.loads(u.governance_answers),
            governance_choice=u.governance_choice,
            table=_table_slug(table_slugs, u.table_id),
        )
        for u in ordered_rows(conn, t.use_cases, workshop_id)
    ]


def read_scenarios(conn: Connection, workshop_id: int) -> list[Scenario]:
    cases = _slugs(conn, t.use_cases, workshop_id)
    return [
        Scenario(
            id=s.slug,
            title=s.title,
            use_case=cases[s.use_case_id],
            model=s.model,
            scope=Scope(
                residents=s.residents,
                duration_months=s.duration_months,
                partners=json.loads(s.partners),
            ),
            description=s.description,
            network_edits=NetworkEdits.model_validate_json(s.network_edits),
            action_plan=None if s.action_plan is None else json.loads(s.action_plan),
            city_roles=None if s.city_roles is None else json.loads(s.city_roles),
            city_actors=None if s.city_actors is None else json.loads(s.city_actors),
            plan_start=s.plan_start,
        )
        for s in ordered_rows(conn, t.scenarios, workshop_id)
    ]


def read_criteria(conn: Connection, workshop_id: int) -> list[CriterionWeight]:
    return [
        CriterionWeight(criterion=c.criterion, weight=c.weight)
        for c in ordered_rows(conn, t.criteria, workshop_id)
    ]


def read_ratings(conn: Connection, workshop_id: int) -> list[Rating]:
    people = _slugs(conn, t.participants, workshop_id)
    scenario_slugs = _slugs(conn, t.scenarios, workshop_id)
    # Rows were validated on the way in: skip re-validation (thousands of ratings per read).
    return [
        Rating.model_construct(
            participant=people[r.participant_id],
            scenario=scenario_slugs[r.scenario_id],
            criterion=r.criterion,
            value=int(r.value),
        )
        for r in ordered_rows(conn, t.ratings, workshop_id)
    ]


def read_ranking_inputs(conn: Connection, workshop_id: int) -> Workshop:
    """The stored workshop with only what a ranking reads (participants, scenarios,
    criteria, ratings): sources, needs, votes and use cases are left empty. A scenario's
    ``use_case`` still names its use case."""
    return Workshop.model_validate(_ranking_fields(conn, workshop_id))


def _ranking_fields(conn: Connection, workshop_id: int, *, ratings: bool = True) -> dict[str, Any]:
    """The header and what a ranking reads, as :class:`Workshop` fields (``ratings=False``:
    without the ratings, the largest table of a workshop)."""
    row = conn.execute(select(t.workshops).where(t.workshops.c.id == workshop_id)).one()
    table_slugs = _slugs(conn, t.tables, workshop_id)
    decision = read_decision(conn, workshop_id, row.decision)
    header = _header(row)
    header["settings"].participant_weights = decision.pop("weights_on")
    return {
        **header,
        **decision,
        "participants": [
            Participant(
                id=p.slug,
                pseudonym=p.pseudonym,
                joined=p.joined,
                table=_table_slug(table_slugs, p.table_id),
            )
            for p in ordered_rows(conn, t.participants, workshop_id)
        ],
        "tables": read_tables(conn, workshop_id),
        "scenarios": read_scenarios(conn, workshop_id),
        "criteria": read_criteria(conn, workshop_id),
        "ratings": read_ratings(conn, workshop_id) if ratings else [],
    }


def _header(row: Any) -> dict[str, Any]:
    return {
        "schema": "selfdata-workshop/1",
        "title": row.title,
        "territory": row.territory,
        "theme": row.theme,
        "illustrative": bool(row.illustrative),
        "description": row.description,
        "language": row.language,
        "created": row.created,
        "step": row.step,
        "settings": Settings(
            vote_budget=row.vote_budget,
            vote_cap=row.vote_cap,
            locked=bool(row.locked),
            revealed=json.loads(row.revealed),
            show_pseudonyms=bool(row.show_pseudonyms),
        ),
    }


def read_workshop(conn: Connection, workshop_id: int, *, ratings: bool = True) -> Workshop:
    """The stored workshop as a file model; ``ratings=False`` leaves the ratings out (not
    read at all: on a room of 40 raters they are most of the read's time)."""
    ranked = _ranking_fields(conn, workshop_id, ratings=ratings)
    prepared = conn.execute(
        select(t.workshops.c.preparation).where(t.workshops.c.id == workshop_id)
    ).scalar()
    people = _slugs(conn, t.participants, workshop_id)
    needs = _slugs(conn, t.needs, workshop_id)
    table_slugs = _slugs(conn, t.tables, workshop_id)

    def by(person: int | None) -> str | None:
        return None if person is None else people[int(person)]

    return Workshop.model_validate(
        {
            **ranked,
            "sources": [
                WorkshopSource(
                    id=s.slug,
                    card=None if s.card is None else DataSourceCard.model_validate_json(s.card),
                    selected=bool(s.selected),
                    proposed_by=by(s.proposed_by),
                    hidden=bool(s.hidden),
                )
                for s in ordered_rows(conn, t.sources, workshop_id)
            ],
            "needs": [
                WorkshopNeed(
                    id=n.slug,
                    card=None if n.card is None else NeedCard.model_validate_json(n.card),
                    proposed_by=by(n.proposed_by),
                    hidden=bool(n.hidden),
                    table=_table_slug(table_slugs, n.table_id),
                )
                for n in ordered_rows(conn, t.needs, workshop_id)
            ],
            "votes": [
                Vote(participant=people[v.participant_id], need=needs[v.need_id], dots=v.dots)
                for v in ordered_rows(conn, t.votes, workshop_id)
            ],
            "use_cases": read_use_cases(conn, workshop_id),
            "cards": read_cards(conn, workshop_id),
            # what the facilitator prepared (not read by a ranking: not in its inputs)
            "preparation": None if prepared is None else json.loads(prepared),
        }
    )
