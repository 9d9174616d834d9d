"""A large, seeded demo workshop built from the decks, for benchmarks and page timing.

60 data sources, 40 needs, 30 use cases, 20 scenarios and 40 participants who voted and
rated every scenario on every criterion. Cards beyond the decks are custom cards proposed
by participants (variants of deck cards, marked as such). The same seed gives the same
workshop; the result passes the same checks as an imported file.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from typing import TypeVar

from selfdata.domain.cards import (
    STEP_IDS,
    Card,
    Decks,
    GovernanceModelCard,
    I18nText,
    NetworkActor,
    NetworkFlow,
)
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
    WorkshopNeed,
    WorkshopSource,
)

SIZES = {"sources": 60, "needs": 40, "use_cases": 30, "scenarios": 20, "participants": 40}
FIRST_NAMES = [
    "Camille", "Dominique", "Alex", "Claude", "Sacha", "Morgane", "Yanis", "Inès", "Léo",
    "Maëlle", "Nour", "Hugo", "Jade", "Malik", "Lucie", "Tom", "Aya", "Noé", "Zoé", "Rayan",
]  # fmt: skip

CardT = TypeVar("CardT", bound=Card)


def _variant(base: CardT, slug: str, fr: str, en: str) -> CardT:
    """A custom card made from a deck card: new id, the title marked as a local variant."""
    title = I18nText(fr=f"{base.title.fr} ({fr})", en=f"{base.title.en} ({en})")
    return base.model_copy(update={"id": slug, "title": title, "sources": []})


def _participants() -> list[Participant]:
    return [
        Participant(
            id=f"p-{i:02d}",
            pseudonym=f"{FIRST_NAMES[i % len(FIRST_NAMES)]} {i // len(FIRST_NAMES) + 1}",
            joined=datetime(2024, 3, 14, 9, 0, i, tzinfo=UTC),
        )
        for i in range(SIZES["participants"])
    ]


def _sources(decks: Decks, rng: random.Random, people: list[str]) -> list[WorkshopSource]:
    """The deck's sources (four in five selected), then custom variants up to the size."""
    sources: list[WorkshopSource] = [
        WorkshopSource(id=card.id, selected=rng.random() < 0.8)
        for card in decks.data_sources[: SIZES["sources"]]
    ]
    for i in range(SIZES["sources"] - len(sources)):
        base = decks.data_sources[i % len(decks.data_sources)]
        slug = f"custom-source-{i + 1:02d}"
        card = _variant(base, slug, f"variante locale {i + 1}", f"local variant {i + 1}")
        sources.append(WorkshopSource(id=slug, card=card, proposed_by=rng.choice(people)))
    return sources


def _needs(decks: Decks, rng: random.Random, people: list[str]) -> list[WorkshopNeed]:
    """The deck's needs, then custom variants up to the size; the last one hidden."""
    needs: list[WorkshopNeed] = [WorkshopNeed(id=n.id) for n in decks.needs[: SIZES["needs"]]]
    for i in range(SIZES["needs"] - len(needs)):
        base_need = decks.needs[i % len(decks.needs)]
        slug = f"custom-need-{i + 1:02d}"
        need_card = _variant(
            base_need, slug, f"proposé en atelier {i + 1}", f"proposed in the room {i + 1}"
        )
        needs.append(WorkshopNeed(id=slug, card=need_card, proposed_by=rng.choice(people)))
    needs[-1] = needs[-1].model_copy(update={"hidden": True})
    return needs


def _votes(
    rng: random.Random, people: list[str], visible: list[str], settings: Settings
) -> list[Vote]:
    """Every participant spends the whole budget on visible needs, within the cap."""
    votes: list[Vote] = []
    for person in people:
        left = settings.vote_budget
        chosen: dict[str, int] = {}
        while left:
            need = rng.choice(visible)
            if chosen.get(need, 0) < settings.vote_cap:
                chosen[need] = chosen.get(need, 0) + 1
                left -= 1
        votes += [Vote(participant=person, need=n, dots=d) for n, d in chosen.items()]
    return votes


def _use_cases(
    decks: Decks,
    rng: random.Random,
    sources: list[WorkshopSource],
    needs: list[WorkshopNeed],
    visible: list[str],
) -> list[UseCase]:
    """A use case per visible need (up to the size), on up to three sources that share a
    category with it, with some governance questions answered and a model chosen."""
    source_cards = {c.id: c for c in decks.data_sources}
    source_cards.update({s.id: s.card for s in sources if s.card is not None})
    need_cards = {c.id: c for c in decks.needs}
    need_cards.update({n.id: n.card for n in needs if n.card is not None})
    source_ids = [s.id for s in sources]
    use_cases: list[UseCase] = []
    for i, need in enumerate(visible[: SIZES["use_cases"]]):
        wanted = set(need_cards[need].categories)
        matching = [s for s in source_ids if wanted & set(source_cards[s].categories)]
        picked = rng.sample(matching or source_ids, k=min(len(matching or source_ids), 3))
        answers = {
            q.id: rng.choice(q.options).id for q in decks.governance_questions if rng.random() < 0.7
        }
        use_cases.append(
            UseCase(
                id=f"uc-{i + 1:02d}",
                title=f"{need_cards[need].title.fr[:150]} — cas {i + 1}",
                need=need,
                sources=picked,
                description="Cas d’usage généré pour la démonstration.",
                governance_answers=answers,
                governance_choice=rng.choice(decks.governance_models).id,
            )
        )
    return use_cases


def _network_edits(i: int, model: GovernanceModelCard, mediator: str) -> NetworkEdits:
    """Scenario ``i``'s edits, in turn: none, the model's last flow removed, a mediator
    added who helps the resident."""
    if i % 3 == 1:
        return NetworkEdits(remove_flows=[model.network.flows[-1].id])
    if i % 3 == 2:
        resident = model.network.actors[0].id
        return NetworkEdits(
            add_actors=[NetworkActor(id="demo-mediator", actor=mediator)],
            add_flows=[
                NetworkFlow(
                    id="demo-help",
                    source="demo-mediator",
                    target=resident,
                    type="service",
                    label=I18nText(fr="Accompagnement numérique", en="Digital support"),
                )
            ],
        )
    return NetworkEdits()


def _scenarios(decks: Decks, rng: random.Random, use_cases: list[UseCase]) -> list[Scenario]:
    """A scenario per use case (up to the size), on its chosen model, of random scope."""
    scenarios: list[Scenario] = []
    mediator = next((a.id for a in decks.actors if a.kind == "mediator"), decks.actors[0].id)
    for i, case in enumerate(use_cases[: SIZES["scenarios"]]):
        model = decks.model(case.governance_choice or "") or decks.governance_models[0]
        scenarios.append(
            Scenario(
                id=f"sc-{i + 1:02d}",
                title=f"Expérimentation {i + 1}\u202f: {case.title[:120]}",
                use_case=case.id,
                model=model.id,
                scope=Scope(
                    residents=rng.choice([100, 200, 500, 1000, 5000]),
                    duration_months=rng.choice([6, 12, 18, 24]),
                    partners=["Métropole", "Régie de l’eau"][: rng.randint(0, 2)],
                ),
                description="Scénario généré pour la démonstration.",
                network_edits=_network_edits(i, model, mediator),
            )
        )
    return scenarios


def _ratings(
    rng: random.Random,
    people: list[str],
    scenarios: list[Scenario],
    criteria: list[CriterionWeight],
) -> list[Rating]:
    """Every participant rates every scenario on every criterion, 1 to 5 at random."""
    return [
        Rating(
            participant=person,
            scenario=scenario.id,
            criterion=criterion.criterion,
            value=rng.randint(1, 5),
        )
        for person in people
        for scenario in scenarios
        for criterion in criteria
    ]


def demo_workshop(decks: Decks, *, seed: int = 2019) -> Workshop:
    """The large demo workshop (deterministic for a given ``seed``)."""
    rng = random.Random(seed)
    participants = _participants()
    people = [p.id for p in participants]
    sources = _sources(decks, rng, people)
    needs = _needs(decks, rng, people)
    settings = Settings(vote_budget=5, vote_cap=3, revealed=list(STEP_IDS[:-1]))
    visible = [n.id for n in needs if not n.hidden]
    votes = _votes(rng, people, visible, settings)
    use_cases = _use_cases(decks, rng, sources, needs, visible)
    scenarios = _scenarios(decks, rng, use_cases)
    criteria = [CriterionWeight(criterion=c.id, weight=c.default_weight) for c in decks.criteria]
    ratings = _ratings(rng, people, scenarios, criteria)
    return Workshop(
        title="Atelier de démonstration (grand format)",
        territory="Métropole de démonstration",
        theme=decks.themes[0].id,
        illustrative=True,
        description="Atelier fictif généré pour mesurer l’application à grande échelle.",
        created=datetime(2024, 3, 14, 9, 0, tzinfo=UTC),
        step="scenarios",
        settings=settings,
        sources=sources,
        needs=needs,
        votes=votes,
        use_cases=use_cases,
        scenarios=scenarios,
        criteria=criteria,
        participants=participants,
        ratings=ratings,
    )
