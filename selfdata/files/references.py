"""Cross-reference checks: every id a file names must exist.

Schema validation says a field holds *an* id; these checks say it holds an id that
*exists*: a data source's themes in the themes deck, a city's models in the governance
models deck, a use case's sources in the workshop's inventory, a rating's criterion… Each
finding is a path inside the document and a message, with a "did you mean" suggestion when
a known id is close. Pure functions: the decks come in as a mapping ``kind -> cards``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import NamedTuple, cast

from selfdata.domain import rules
from selfdata.domain.cards import (
    DECK_KINDS,
    GOVERNANCE_MODEL_IDS,
    STEP_IDS,
    Card,
    CityCard,
    DataSourceCard,
    Decks,
    GovernanceModelCard,
    GovernanceQuestion,
    NeedCard,
    NetworkTemplate,
)
from selfdata.domain.workshop import NetworkEdits, Workshop
from selfdata.files.problems import Msg, suggest

DeckSet = Mapping[str, Sequence[Card]]
"""Deck kind -> its cards. A kind that is absent is not checked against."""


class Finding(NamedTuple):
    where: str
    message: str


def deck_set(decks: Decks) -> dict[str, list[Card]]:
    return {kind: list(getattr(decks, kind)) for kind in DECK_KINDS}


def _ids(decks: DeckSet, kind: str) -> list[str] | None:
    cards = decks.get(kind)
    return None if cards is None else [c.id for c in cards]


def _unknown(where: str, what: str, value: str, known: Collection[str] | None) -> list[Finding]:
    if known is None or value in known:
        return []
    hint = suggest(value, known)
    return [Finding(where, Msg("files.problem.unknown", what=noun(what), value=value, hint=hint))]


def noun(what: str) -> Msg:
    """The catalogue's word for a kind of thing a file names ("data source", "trait id")."""
    return Msg("files.problem.noun." + what.replace(" ", "_"))


def _duplicates(
    where: str, ids: Iterable[str], what: str = "id", field: str = "id"
) -> list[Finding]:
    first: dict[str, int] = {}
    out = []
    for i, value in enumerate(ids):
        if value in first:
            out.append(
                Finding(
                    f"{where}[{i}].{field}",
                    Msg(
                        "files.problem.duplicate",
                        what=noun(what),
                        value=value,
                        other=f"{where}[{first[value]}]",
                    ),
                )
            )
        else:
            first[value] = i
    return out


# --- decks ----------------------------------------------------------------------------------


def deck_problems(kind: str, cards: Sequence[Card], decks: DeckSet) -> list[Finding]:
    """What is wrong in the deck ``kind`` (its ``cards``), checked against ``decks``.

    ``decks`` holds the other decks (an entry for ``kind`` itself is ignored).
    """
    found = _duplicates("cards", (c.id for c in cards))
    themes, categories = _ids(decks, "themes"), _ids(decks, "data_categories")
    traits, actors = _ids(decks, "governance_traits"), _ids(decks, "actors")
    models = _ids(decks, "governance_models")
    for i, card in enumerate(cards):
        at = f"cards[{i}]"
        if isinstance(card, DataSourceCard | NeedCard):
            found += _source_or_need_refs(at, card, themes, categories)
        elif isinstance(card, CityCard):
            for j, model in enumerate(card.models):
                found += _unknown(f"{at}.models[{j}]", "governance model", model, models)
        elif isinstance(card, GovernanceQuestion):
            found += _duplicates(f"{at}.options", (o.id for o in card.options), "option id")
            for j, option in enumerate(card.options):
                for trait in option.weights:
                    found += _unknown(f"{at}.options[{j}].weights.{trait}", "trait", trait, traits)
        elif isinstance(card, GovernanceModelCard):
            found += _model_refs(at, card, traits, actors)
    ids = {c.id for c in cards}
    expected = {"governance_models": GOVERNANCE_MODEL_IDS, "steps": STEP_IDS}.get(kind, ())
    missing = [x for x in expected if x not in ids]
    if missing:
        listed = ", ".join(f"'{x}'" for x in missing)
        key = "files.problem.missing_cards" if len(missing) > 1 else "files.problem.missing_card"
        found.append(Finding("cards", Msg(key, names=listed)))
    return found


def _source_or_need_refs(
    at: str,
    card: DataSourceCard | NeedCard,
    themes: list[str] | None,
    categories: list[str] | None,
) -> list[Finding]:
    found = []
    for j, theme in enumerate(card.themes):
        found += _unknown(f"{at}.themes[{j}]", "theme", theme, themes)
    for j, category in enumerate(card.categories):
        found += _unknown(f"{at}.categories[{j}]", "data category", category, categories)
    return found


def _model_refs(
    at: str, card: GovernanceModelCard, traits: list[str] | None, actors: list[str] | None
) -> list[Finding]:
    found = []
    for trait, level in card.traits.items():
        found += _unknown(f"{at}.traits.{trait}", "trait", trait, traits)
        if not 0 <= level <= 1:
            found.append(
                Finding(f"{at}.traits.{trait}", Msg("files.problem.level", got=repr(level)))
            )
    if traits is not None:
        lacking = [t for t in traits if t not in card.traits]
        if lacking:
            listed = ", ".join(f"'{t}'" for t in lacking)
            found.append(
                Finding(
                    f"{at}.traits",
                    Msg(
                        "files.problem.no_levels" if len(lacking) > 1 else "files.problem.no_level",
                        names=listed,
                    ),
                )
            )
    found += _network_refs(f"{at}.network", card.network, actors)
    return found


def _network_refs(at: str, network: NetworkTemplate, actors: list[str] | None) -> list[Finding]:
    found = _duplicates(f"{at}.actors", (a.id for a in network.actors), "actor id")
    found += _duplicates(f"{at}.flows", (f.id for f in network.flows), "flow id")
    for j, actor in enumerate(network.actors):
        found += _unknown(f"{at}.actors[{j}].actor", "actor", actor.actor, actors)
    present = [a.id for a in network.actors]
    for j, flow in enumerate(network.flows):
        found += _unknown(f"{at}.flows[{j}].source", "network actor", flow.source, present)
        found += _unknown(f"{at}.flows[{j}].target", "network actor", flow.target, present)
    return found


def all_deck_problems(decks: DeckSet) -> dict[str, list[Finding]]:
    """Findings per deck kind, every deck checked against all the others."""
    return {kind: deck_problems(kind, cards, decks) for kind, cards in decks.items()}


# --- workshops ------------------------------------------------------------------------------


def workshop_problems(workshop: Workshop, decks: DeckSet | Decks) -> list[Finding]:
    """Every dangling or duplicate reference in ``workshop``, checked against ``decks``."""
    d: DeckSet = deck_set(decks) if isinstance(decks, Decks) else decks
    w = workshop
    participants = [p.id for p in w.participants]
    found = _duplicates("participants", participants, "participant id")
    found += _unknown("theme", "theme", w.theme, _ids(d, "themes"))
    found += _inventory(w, d, participants)
    found += _votes(w, participants)
    found += _use_cases(w, d)
    found += _scenarios(w, d)
    found += _duplicates("criteria", (c.criterion for c in w.criteria), "criterion", "criterion")
    deck_criteria = _ids(d, "criteria")
    for i, weight in enumerate(w.criteria):
        found += _unknown(f"criteria[{i}].criterion", "criterion", weight.criterion, deck_criteria)
    found += _ratings(w, participants, deck_criteria)
    found += _tables(w)
    return found


def _tables(w: Workshop) -> list[Finding]:
    """Tables: unique ids, and every ``table`` of a participant, need or use case names one."""
    known = [table.id for table in w.tables or ()]
    found = _duplicates("tables", known, "table id")
    for field in ("participants", "needs", "use_cases"):
        for i, item in enumerate(getattr(w, field)):
            if item.table is not None:
                found += _unknown(f"{field}[{i}].table", "table", item.table, known)
    return found


def _inventory(w: Workshop, d: DeckSet, participants: list[str]) -> list[Finding]:
    themes, categories = _ids(d, "themes"), _ids(d, "data_categories")
    found: list[Finding] = []
    tables: list[tuple[str, str, list[str] | None, list[tuple[str, Card | None, str | None]]]] = [
        (
            "sources",
            "data source",
            _ids(d, "data_sources"),
            [(s.id, s.card, s.proposed_by) for s in w.sources],
        ),
        ("needs", "need", _ids(d, "needs"), [(n.id, n.card, n.proposed_by) for n in w.needs]),
    ]
    for field, what, known, items in tables:
        found += _duplicates(field, (item_id for item_id, _, _ in items), f"{what} id")
        for i, (item_id, card, proposer) in enumerate(items):
            at = f"{field}[{i}]"
            if card is None:
                found += _unknown(f"{at}.id", what, item_id, known)
            elif isinstance(card, DataSourceCard | NeedCard):
                if card.id != item_id:
                    found.append(
                        Finding(
                            f"{at}.card.id",
                            Msg(
                                "files.problem.card_id",
                                id=item_id,
                                what=noun(what),
                                got=card.id,
                            ),
                        )
                    )
                found += _source_or_need_refs(f"{at}.card", card, themes, categories)
            if proposer is not None:
                found += _unknown(f"{at}.proposed_by", "participant", proposer, participants)
    return found


def _votes(w: Workshop, participants: list[str]) -> list[Finding]:
    found: list[Finding] = []
    needs = [n.id for n in w.needs]
    spent: Counter[str] = Counter()
    on_need: Counter[tuple[str, str]] = Counter()
    over_budget: set[str] = set()
    budget, cap = w.settings.vote_budget, w.settings.vote_cap
    for i, vote in enumerate(w.votes):
        at = f"votes[{i}]"
        found += _unknown(f"{at}.participant", "participant", vote.participant, participants)
        found += _unknown(f"{at}.need", "need", vote.need, needs)
        broken = rules.dot_breaches(
            on_need[vote.participant, vote.need], spent[vote.participant], vote.dots, budget, cap
        )
        spent[vote.participant] += vote.dots
        on_need[vote.participant, vote.need] += vote.dots
        if rules.CAP in broken:
            found.append(
                Finding(
                    f"{at}.dots",
                    Msg(
                        "files.problem.over_cap",
                        participant=vote.participant,
                        n=on_need[vote.participant, vote.need],
                        need=vote.need,
                        cap=cap,
                    ),
                )
            )
        if rules.BUDGET in broken and vote.participant not in over_budget:
            over_budget.add(vote.participant)
            found.append(
                Finding(
                    f"{at}.dots",
                    Msg(
                        "files.problem.over_budget",
                        participant=vote.participant,
                        n=spent[vote.participant],
                        budget=budget,
                    ),
                )
            )
    return found


def _use_cases(w: Workshop, d: DeckSet) -> list[Finding]:
    found = _duplicates("use_cases", (u.id for u in w.use_cases), "use case id")
    needs, sources = [n.id for n in w.needs], [s.id for s in w.sources]
    questions = {
        c.id: c for c in cast(Sequence[GovernanceQuestion], d.get("governance_questions", ()))
    }
    models = _ids(d, "governance_models")
    deck_sources = set(_ids(d, "data_sources") or ())
    for i, case in enumerate(w.use_cases):
        at = f"use_cases[{i}]"
        found += _unknown(f"{at}.need", "need", case.need, needs)
        for j, source in enumerate(case.sources):
            if source not in sources and source in deck_sources:
                found.append(
                    Finding(
                        f"{at}.sources[{j}]",
                        Msg("files.problem.not_in_inventory", value=source),
                    )
                )
            else:
                found += _unknown(f"{at}.sources[{j}]", "data source", source, sources)
        for question_id, option_id in case.governance_answers.items():
            where = f"{at}.governance_answers.{question_id}"
            if "governance_questions" in d and question_id not in questions:
                found += _unknown(where, "governance question", question_id, list(questions))
            elif question_id in questions:
                options = [o.id for o in questions[question_id].options]
                found += _unknown(where, "answer", option_id, options)
        if case.governance_choice is not None:
            found += _unknown(
                f"{at}.governance_choice", "governance model", case.governance_choice, models
            )
    return found


def _scenarios(w: Workshop, d: DeckSet) -> list[Finding]:
    found = _duplicates("scenarios", (s.id for s in w.scenarios), "scenario id")
    cases = [u.id for u in w.use_cases]
    models = {c.id: c for c in cast(Sequence[GovernanceModelCard], d.get("governance_models", ()))}
    actor_cards = _ids(d, "actors")
    for i, scenario in enumerate(w.scenarios):
        at = f"scenarios[{i}]"
        found += _unknown(f"{at}.use_case", "use case", scenario.use_case, cases)
        if "governance_models" in d:
            found += _unknown(f"{at}.model", "governance model", scenario.model, list(models))
        for j, actor in enumerate(scenario.network_edits.add_actors):
            where = f"{at}.network_edits.add_actors[{j}].actor"
            found += _unknown(where, "actor", actor.actor, actor_cards)
        model = models.get(scenario.model)
        if model is not None:
            found += _network_edits(f"{at}.network_edits", scenario.network_edits, model)
    return found


def _network_edits(e_at: str, edits: NetworkEdits, model: GovernanceModelCard) -> list[Finding]:
    """What a scenario's edits of its model's network name that the network does not
    have (or already has)."""
    found: list[Finding] = []
    template_actors = [a.id for a in model.network.actors]
    template_flows = [f.id for f in model.network.flows]
    for j, actor in enumerate(edits.add_actors):
        if actor.id in template_actors:
            message = Msg("files.problem.actor_in_network", value=actor.id)
            found.append(Finding(f"{e_at}.add_actors[{j}].id", message))
    for j, actor_id in enumerate(edits.remove_actors):
        found += _unknown(f"{e_at}.remove_actors[{j}]", "network actor", actor_id, template_actors)
    for j, flow_id in enumerate(edits.remove_flows):
        found += _unknown(f"{e_at}.remove_flows[{j}]", "network flow", flow_id, template_flows)
    present = [a for a in template_actors if a not in edits.remove_actors]
    present += [a.id for a in edits.add_actors]
    for j, flow in enumerate(edits.add_flows):
        if flow.id in template_flows:
            message = Msg("files.problem.flow_in_network", value=flow.id)
            found.append(Finding(f"{e_at}.add_flows[{j}].id", message))
        for end in ("source", "target"):
            where = f"{e_at}.add_flows[{j}].{end}"
            found += _unknown(where, "network actor", getattr(flow, end), present)
    return found


def _ratings(
    w: Workshop, participants: list[str], deck_criteria: list[str] | None
) -> list[Finding]:
    found: list[Finding] = []
    scenarios = [s.id for s in w.scenarios]
    criteria = [c.criterion for c in w.criteria] or deck_criteria
    seen: dict[tuple[str, str, str], int] = {}
    for i, rating in enumerate(w.ratings):
        at = f"ratings[{i}]"
        found += _unknown(f"{at}.participant", "participant", rating.participant, participants)
        found += _unknown(f"{at}.scenario", "scenario", rating.scenario, scenarios)
        found += _unknown(f"{at}.criterion", "criterion", rating.criterion, criteria)
        key = (rating.participant, rating.scenario, rating.criterion)
        if key in seen:
            found.append(
                Finding(
                    at,
                    Msg(
                        "files.problem.duplicate_rating",
                        scenario=rating.scenario,
                        criterion=rating.criterion,
                        participant=rating.participant,
                        other=f"ratings[{seen[key]}]",
                    ),
                )
            )
        else:
            seen[key] = i
    return found
