"""What the value-network step draws (issue 30, M5: step 5 was empty when run in order,
since scenarios are made at step 6).

The rule: once a scenario exists, step 5 draws the scenarios (with their edits). Until then
it draws one network per use case whose governance model the group chose at step 4: that
model's network as its card describes it, not editable (edits belong to a scenario). Nothing
about the scope is invented: a draft's scope is never shown, stored or scored.
"""

from __future__ import annotations

from dataclasses import dataclass

from selfdata.app.read_models import ScenariosView
from selfdata.domain.workshop import Scenario, Scope, UseCase


@dataclass(frozen=True)
class NetworkSubjects:
    """The networks step 5 can draw; ``drafts`` when they are governed use cases (no
    scenario yet), which cannot be edited or compared."""

    subjects: tuple[Scenario, ...]
    drafts: bool


def draft_scenario(use_case: UseCase) -> Scenario | None:
    """The use case under its chosen model, as a network to draw (``None`` with no choice)."""
    if not use_case.governance_choice:
        return None
    return Scenario(
        id=use_case.id,
        title=use_case.title,
        use_case=use_case.id,
        model=use_case.governance_choice,
        scope=Scope(residents=0, duration_months=0),  # never shown: a draft has no scope
    )


def network_subjects(view: ScenariosView) -> NetworkSubjects:
    """The scenarios, else the governed use cases as drafts (see the module's rule)."""
    if view.scenarios:
        return NetworkSubjects(view.scenarios, drafts=False)
    drafts = (draft_scenario(u) for u in view.use_cases)
    return NetworkSubjects(tuple(d for d in drafts if d is not None), drafts=True)


def step_five_is_empty(view: ScenariosView) -> bool:
    """Nothing to draw at step 5: no scenario and no use case with a chosen model."""
    return not network_subjects(view).subjects
