"""Tiny factories for tests that drive the services against a real store."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select

from selfdata.app import services
from selfdata.app.read_models import Created
from selfdata.domain.workshop import Workshop
from selfdata.store import Store
from selfdata.store import schema as t


@dataclass(frozen=True)
class Room:
    store: Store
    code: str
    secret: str

    def join(self, pseudonym: str) -> str:
        """A new participant's token."""
        return services.join(self.store, self.code, pseudonym).token

    def at(self, step: str) -> None:
        """The facilitator moves the room to ``step``: a participant acts on the room's
        current step only (dots at the needs step, ratings at the scenarios step…)."""
        services.set_step(self.store, self.code, self.secret, step)

    def need(self, title: str = "Réduire ma facture d’eau", token: str | None = None) -> str:
        draft = services.NeedDraft(title=title)
        if token is None:
            return services.add_need(self.store, self.code, self.secret, draft=draft)
        self.at_step("needs")  # a participant proposes a need at the needs step
        return services.propose_need(self.store, self.code, token, draft=draft)

    def source(self, title: str = "Relevés du compteur d’eau", token: str | None = None) -> str:
        draft = services.SourceDraft(title=title, holder="Régie de l’eau")
        if token is None:
            return services.add_source(self.store, self.code, self.secret, draft=draft)
        self.at_step("inventory")  # and a source at the inventory
        return services.propose_source(self.store, self.code, token, draft=draft)

    def at_step(self, step: str) -> None:
        """:meth:`at`, only when the room is elsewhere (no write when it is there)."""
        if services.room_state(self.store, self.code).step != step:
            self.at(step)

    def version(self) -> int:
        return services.version(self.store, self.code)


def open_room(store: Store, **settings: int) -> Room:
    created = services.create_workshop(
        store, title="Atelier eau", territory="Testville", theme="water"
    )
    room = Room(store, created.code, created.secret)
    if settings:
        services.set_vote_settings(
            store,
            room.code,
            room.secret,
            budget=settings.get("budget", 5),
            cap=settings.get("cap", 3),
        )
    return room


def energy_workshop(
    title: str,
    scenarios: list[tuple[str, str, str]],
    criteria: list[dict[str, Any]],
    *,
    use_case_title: str = "Suivre sa consommation",
    **extra: Any,
) -> dict[str, Any]:
    """A small workshop file's data at the scenarios step: one energy need, one source, one
    use case ``uc``, and ``scenarios`` as (id, title, model), each for 100 residents over
    6 months; ``extra`` adds or replaces top-level fields."""
    scope = {"residents": 100, "duration_months": 6}
    return {
        "title": title,
        "territory": "Testville",
        "theme": "energy",
        "step": "scenarios",
        "sources": [{"id": "electricity_load_curve"}],
        "needs": [{"id": "lower_energy_bill"}],
        "use_cases": [
            {
                "id": "uc",
                "title": use_case_title,
                "need": "lower_energy_bill",
                "sources": ["electricity_load_curve"],
            }
        ],
        "scenarios": [
            {"id": sid, "title": name, "use_case": "uc", "model": model, "scope": scope}
            for sid, name, model in scenarios
        ],
        "criteria": criteria,
        **extra,
    }


def count_workshops(store: Store) -> int:
    return store.read(
        lambda c: int(c.execute(select(func.count()).select_from(t.workshops)).scalar_one())
    )


def import_workshop_data(store: Store, data: object, file: str = "<workshop>") -> Created:
    """Store raw parsed YAML/JSON as a new workshop, as an upload would: a malformed file is
    refused with :class:`InvalidInput` whose ``problems`` name the place and the fault (the
    same refusal :func:`services.import_workshop` gives for a file that parses but does not
    hold together)."""
    try:
        workshop = Workshop.model_validate(data)
    except ValidationError as exc:
        problems = []
        for e in exc.errors()[:50]:
            where = ".".join(str(part) for part in e["loc"])
            problems.append(f"{file}: {where}: {e['msg']}" if where else f"{file}: {e['msg']}")
        raise services.InvalidInput("import.invalid", problems=problems) from None
    return services.import_workshop(store, workshop)
