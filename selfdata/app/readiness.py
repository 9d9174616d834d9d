"""Is the room ready? What is missing before participants arrive, as a list of checks.

:func:`readiness` is a pure function over the workshop (its file model, the deck it offers
and whether joining is closed): the preparation page shows its lines; each has a status and,
when it is not ``ok``, what to do (the catalogue's ``ready.<rule>.<status>`` and
``ready.<rule>.do``). ``todo`` stops the room; ``advice`` is worth a look.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from selfdata.domain.workshop import Workshop

Status = Literal["ok", "todo", "advice"]
RULES: tuple[str, ...] = (
    "identity",
    "sources",
    "needs",
    "criteria",
    "agenda",
    "joining",
    "first_step",
    "input_open",
)
"""Every rule, in the order the list shows them."""


@dataclass(frozen=True)
class Check:
    """One line of the list: ``rule`` (one of :data:`RULES`), its status, and the values its
    message names."""

    rule: str
    status: Status
    values: Mapping[str, Any] = field(default_factory=dict)

    @property
    def message_key(self) -> str:
        return f"ready.{self.rule}.{self.status}"

    @property
    def action_key(self) -> str | None:
        """What to do (``None`` when nothing is to be done)."""
        return None if self.status == "ok" else f"ready.{self.rule}.do"


def _on_table(items: Sequence[Any]) -> int:
    return sum(1 for item in items if not item.hidden)


def readiness(
    workshop: Workshop,
    offered: Mapping[str, int],
    *,
    joining_closed: bool,
) -> tuple[Check, ...]:
    """The checks, in the order of :data:`RULES`. ``offered`` is how many cards of each deck
    (``data_sources``, ``needs``) are in play."""
    w = workshop
    checks: list[Check] = []
    named = bool(w.title.strip()) and bool(w.territory.strip())
    checks.append(Check("identity", "ok" if named else "todo"))

    sources = _on_table(w.sources)
    in_play = int(offered.get("data_sources", 0))
    counts = {"deck": in_play, "table": sources}
    checks.append(Check("sources", "ok" if sources + in_play else "todo", counts))

    needs = _on_table(w.needs)
    in_play = int(offered.get("needs", 0))
    counts = {"deck": in_play, "table": needs}
    status: Status = "ok" if needs + in_play >= 2 else ("advice" if needs + in_play else "todo")
    checks.append(Check("needs", status, counts))

    checks.append(
        Check("criteria", "ok", {"n": len(w.criteria)})
        if w.criteria
        else Check("criteria", "advice")
    )

    plan = w.preparation.agenda if w.preparation is not None else None
    if plan is None:
        checks.append(Check("agenda", "todo"))
    else:
        values = {"planned": plan.total, "available": plan.available}
        over = plan.total - plan.available
        if over > 0:
            checks.append(Check("agenda", "todo", {**values, "over": over}))
        else:
            checks.append(Check("agenda", "ok", values))

    checks.append(Check("joining", "todo" if joining_closed else "ok"))
    checks.append(
        Check("first_step", "ok" if w.step == "inventory" else "advice", {"step": w.step})
    )
    checks.append(Check("input_open", "advice" if w.settings.locked else "ok"))
    return tuple(checks)


def ready(checks: Sequence[Check]) -> bool:
    """Nothing stops the room (advice may remain)."""
    return all(c.status != "todo" for c in checks)
