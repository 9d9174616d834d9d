"""Content of the shipped card decks and example workshops.

These tests read the files a facilitator will actually project: they check counts, the
fixed vocabularies, cross-references, both languages, citations, the legal flags that
must never be wrong (civil registry, electoral roll, health data) and that each example
workshop is complete and consistent enough to demo every step.
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import Any

import pytest
from pydantic import BaseModel

from selfdata.domain.cards import (
    GOVERNANCE_MODEL_IDS,
    STEP_IDS,
    CityCard,
    CriterionCard,
    DataSourceCard,
    GovernanceModelCard,
    GovernanceQuestion,
    I18nText,
    NeedCard,
)
from selfdata.domain.workshop import Workshop
from selfdata.files.loading import CARDS_DIR, SCENARIOS_DIR, load_decks, load_workshop, parse_deck
from selfdata.files.loading import read_document as _read

THEMES = [
    "energy", "water", "mobility", "waste", "social", "housing", "health", "education",
    "leisure", "administration", "environment", "finance", "public_safety",
]  # fmt: skip
CATEGORIES = [
    "energy_consumption", "energy_load_curve", "gas_consumption", "water_consumption",
    "utility_contract", "transport_validations", "bike_share_trips", "car_sharing",
    "parking_sessions", "trip_traces", "vehicle", "waste_lifts", "recycling_visits",
    "household_composition", "income", "social_benefits", "social_aid_file", "housing_record",
    "health", "school_bookings", "library_loans", "leisure_bookings", "local_taxes", "identity",
    "payments", "public_space_sensors", "contact_details", "images_video", "genetic",
    "biometric",
]  # fmt: skip
ACTORS = [
    "resident", "data_holder", "city", "personal_cloud_operator", "trusted_third_party",
    "data_cooperative", "data_trust", "trust_board", "service_provider", "researchers",
    "social_worker", "digital_mediator", "regulator", "dpo", "concession_holder",
    "elected_members",
]  # fmt: skip

MY_DECKS = ["themes", "data_categories", "data_sources", "needs", "actors", "cities", "steps"]
EXAMPLES = ["la_rochelle", "grand_lyon", "nantes"]

SAME_TITLE_IN_BOTH_LANGUAGES = {"toronto_sidewalk"}
"""Cards whose title is a proper name, spelled the same in French and English."""


@functools.cache
def deck(kind: str) -> tuple[Any, ...]:
    """A deck's cards, parsed on their own (cards are frozen, so one parse serves all)."""
    got, cards = parse_deck(_read(CARDS_DIR / f"{kind}.yaml"), f"{kind}.yaml")
    assert got == kind
    return tuple(cards)


def ids(kind: str) -> set[str]:
    return {c.id for c in deck(kind)}


def texts(model: BaseModel, path: str = "") -> list[tuple[str, I18nText]]:
    """Every bilingual text inside a card, with where it sits."""
    found: list[tuple[str, I18nText]] = []
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            where = f"{path}{name}" + (f"[{i}]" if isinstance(value, list) else "")
            if isinstance(item, I18nText):
                found.append((where, item))
            elif isinstance(item, BaseModel):
                found += texts(item, where + ".")
    return found


@functools.cache
def example(name: str) -> Workshop:
    """An example workshop, loaded once (tests only read it)."""
    return load_workshop(SCENARIOS_DIR / f"{name}.yaml")


# ---------------------------------------------------------------------------- decks


@pytest.mark.parametrize("kind", MY_DECKS)
def test_deck_file_parses_into_cards_of_its_kind(kind: str) -> None:
    assert deck(kind)


@pytest.mark.parametrize(
    ("kind", "at_least", "at_most"),
    [
        ("themes", 13, 13),
        ("data_categories", 30, 30),
        ("data_sources", 40, 200),
        ("needs", 25, 200),
        ("actors", 16, 16),
        ("cities", 8, 100),
        ("steps", 7, 7),
    ],
)
def test_deck_has_the_expected_number_of_cards(kind: str, at_least: int, at_most: int) -> None:
    assert at_least <= len(deck(kind)) <= at_most


@pytest.mark.parametrize(
    ("kind", "vocabulary"),
    [
        ("themes", THEMES),
        ("data_categories", CATEGORIES),
        ("actors", ACTORS),
        ("steps", list(STEP_IDS)),
    ],
)
def test_fixed_vocabulary_decks_hold_exactly_the_agreed_ids_in_order(
    kind: str, vocabulary: list[str]
) -> None:
    assert [c.id for c in deck(kind)] == vocabulary


@pytest.mark.parametrize("kind", MY_DECKS)
def test_ids_are_unique_within_a_deck(kind: str) -> None:
    duplicated = [i for i, n in Counter(c.id for c in deck(kind)).items() if n > 1]
    assert duplicated == []


@pytest.mark.parametrize("kind", MY_DECKS)
def test_every_card_cites_at_least_one_source(kind: str) -> None:
    uncited = [c.id for c in deck(kind) if not [s for s in c.sources if s.strip()]]
    assert uncited == []


@pytest.mark.parametrize("kind", MY_DECKS)
def test_titles_differ_between_french_and_english_except_proper_names(kind: str) -> None:
    same = [
        c.id
        for c in deck(kind)
        if c.title.fr == c.title.en and c.id not in SAME_TITLE_IN_BOTH_LANGUAGES
    ]
    assert same == []


@pytest.mark.parametrize("kind", MY_DECKS)
def test_french_texts_use_typographic_apostrophes(kind: str) -> None:
    straight = [
        f"{card.id}.{where}" for card in deck(kind) for where, t in texts(card) if "'" in t.fr
    ]
    assert straight == []


def test_theme_colours_are_distinct() -> None:
    colours = [t.color.upper() for t in deck("themes")]
    assert len(set(colours)) == len(colours)


def _references() -> list[tuple[str, str, str, set[str]]]:
    """(card, field, referenced id, ids that exist) for every reference in my decks."""
    themes, categories = ids("themes"), ids("data_categories")
    refs: list[tuple[str, str, str, set[str]]] = []
    for card in deck("data_sources") + deck("needs"):
        assert isinstance(card, DataSourceCard | NeedCard)
        refs += [(card.id, "themes", t, themes) for t in card.themes]
        refs += [(card.id, "categories", c, categories) for c in card.categories]
    for city in deck("cities"):
        assert isinstance(city, CityCard)
        refs += [(city.id, "models", m, set(GOVERNANCE_MODEL_IDS)) for m in city.models]
    return refs


def test_every_theme_category_and_model_reference_points_to_an_existing_card() -> None:
    dangling = [(c, f, r) for c, f, r, known in _references() if r not in known]
    assert dangling == []


def test_every_theme_has_at_least_one_data_source_and_one_need() -> None:
    covered_by_sources = {t for s in deck("data_sources") for t in s.themes}
    covered_by_needs = {t for n in deck("needs") for t in n.themes}
    assert set(THEMES) - covered_by_sources == set()
    assert set(THEMES) - covered_by_needs == set()


def test_every_need_shares_a_data_category_with_some_source() -> None:
    source_categories = {c for s in deck("data_sources") for c in s.categories}
    unmatched = [n.id for n in deck("needs") if not set(n.categories) & source_categories]
    assert unmatched == []


@pytest.mark.parametrize("source_id", ["civil_registry", "electoral_roll"])
def test_legally_bound_registers_are_marked_not_reusable_and_say_why(source_id: str) -> None:
    card = next(s for s in deck("data_sources") if s.id == source_id)
    assert card.reusable is False
    assert card.portability is False
    assert card.legal_notes is not None


def test_only_the_legally_bound_registers_are_not_reusable() -> None:
    assert {s.id for s in deck("data_sources") if not s.reusable} == {
        "civil_registry",
        "electoral_roll",
    }


def test_sources_holding_health_data_are_special_category() -> None:
    wrong = [
        s.id
        for s in deck("data_sources")
        if "health" in s.categories and s.sensitivity != "special"
    ]
    assert wrong == []


def test_state_agency_sources_are_not_portable() -> None:
    """Their processing rests on a legal obligation or a public task: GDPR art. 20 is out."""
    wrong = [
        s.id for s in deck("data_sources") if s.holder_kind == "state_agency" and s.portability
    ]
    assert wrong == []


def test_every_source_that_is_not_portable_explains_why() -> None:
    silent = [s.id for s in deck("data_sources") if not s.portability and s.legal_notes is None]
    assert silent == []


@pytest.mark.parametrize(
    "source_id",
    [
        "electricity_load_curve", "electricity_peak_power", "electricity_daily_kwh",
        "gas_consumption", "energy_supplier_invoices", "water_daily_consumption",
        "water_customer_record", "transport_validations", "bike_share_trips",
        "car_sharing_bookings", "carpooling_trips", "parking_sessions", "trip_traces_app",
        "bin_lifts", "recycling_centre_visits", "caf_payment_certificate", "family_quotient",
        "ccas_aid_file", "housing_benefit_file", "energy_cheque", "school_canteen_bookings",
        "after_school_bookings", "library_loans", "sports_leisure_bookings", "local_taxes",
        "civil_registry", "electoral_roll",
    ],
)  # fmt: skip
def test_the_inventory_seeds_of_the_kit_are_in_the_deck(source_id: str) -> None:
    assert source_id in ids("data_sources")


def test_needs_cover_the_kit_use_cases() -> None:
    for need in [
        "lower_energy_bill", "greener_energy_use", "lower_water_bill", "trip_carbon_footprint",
        "benefit_file_ready", "detect_unclaimed_benefits", "reduce_household_waste",
        "contribute_to_planning", "household_budget", "moving_house",
    ]:  # fmt: skip
        assert need in ids("needs"), need


def test_toronto_is_the_example_to_avoid() -> None:
    verdicts = {c.id: c.verdict for c in deck("cities")}
    assert verdicts["toronto_sidewalk"] == "avoid"
    assert Counter(verdicts.values())["inspire"] >= 5


def test_every_step_guide_asks_three_to_five_questions_and_warns_of_pitfalls() -> None:
    for step in deck("steps"):
        assert 3 <= len(step.questions) <= 5, step.id
        assert 2 <= len(step.pitfalls) <= 4, step.id


def test_actor_kinds_distinguish_mediators_from_intermediaries() -> None:
    kinds = {a.id: a.kind for a in deck("actors")}
    assert kinds["digital_mediator"] == kinds["social_worker"] == "mediator"
    assert kinds["trusted_third_party"] == "intermediary"


def test_all_decks_load_together_with_the_governance_and_criteria_decks() -> None:
    decks = load_decks()
    assert len(decks.governance_models) == 5
    assert {m.id for m in decks.governance_models} == set(GOVERNANCE_MODEL_IDS)
    assert len(decks.criteria) >= 8
    assert len(decks.cities) >= 8
    assert len(decks.steps) == 7
    actors = {a.id for a in decks.actors}
    template_actors = [(m.id, a.actor) for m in decks.governance_models for a in m.network.actors]
    assert [(m, a) for m, a in template_actors if a not in actors] == []


# ---------------------------------------------------------------------------- examples


def _known(workshop: Workshop) -> dict[str, set[str]]:
    models: tuple[GovernanceModelCard, ...] = deck("governance_models")
    return {
        "sources": {s.id for s in workshop.sources},
        "needs": {n.id for n in workshop.needs},
        "use_cases": {u.id for u in workshop.use_cases},
        "scenarios": {s.id for s in workshop.scenarios},
        "participants": {p.id for p in workshop.participants},
        "criteria": {c.criterion for c in workshop.criteria} or ids("criteria"),
        "models": {m.id for m in models},
    }


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_workshop_loads(name: str) -> None:
    assert example(name).title


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_sources_and_needs_are_deck_cards_or_complete_custom_cards(name: str) -> None:
    w = example(name)
    deck_sources, deck_needs = ids("data_sources"), ids("needs")
    for s in w.sources:
        assert (s.card is not None and s.card.id == s.id) or s.id in deck_sources, s.id
    for n in w.needs:
        assert (n.card is not None and n.card.id == n.id) or n.id in deck_needs, n.id
    assert len({s.id for s in w.sources}) == len(w.sources)
    assert len({n.id for n in w.needs}) == len(w.needs)


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_custom_cards_use_the_shared_vocabularies(name: str) -> None:
    w = example(name)
    custom: list[DataSourceCard | NeedCard] = [s.card for s in w.sources if s.card]
    custom += [n.card for n in w.needs if n.card]
    for card in custom:
        assert set(card.themes) <= set(THEMES), card.id
        assert set(card.categories) <= set(CATEGORIES), card.id


def test_examples_include_a_custom_source_and_a_custom_need_proposed_in_the_room() -> None:
    workshops = [example(n) for n in EXAMPLES]
    assert any(s.card and s.proposed_by for w in workshops for s in w.sources)
    assert any(n.card and n.proposed_by for w in workshops for n in w.needs)


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_is_rich_enough_to_demo_every_step(name: str) -> None:
    w = example(name)
    assert sum(1 for s in w.sources if s.selected) >= 8
    assert len(w.needs) >= 6
    assert len(w.use_cases) >= 4
    assert len(w.scenarios) >= 3
    assert len(w.participants) >= 8
    assert w.votes


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_references_resolve(name: str) -> None:
    w = example(name)
    known = _known(w)
    dangling: list[str] = []
    for u in w.use_cases:
        dangling += [f"{u.id}.need={u.need}"] if u.need not in known["needs"] else []
        dangling += [f"{u.id}.sources={s}" for s in u.sources if s not in known["sources"]]
        if u.governance_choice is not None and u.governance_choice not in known["models"]:
            dangling.append(f"{u.id}.governance_choice={u.governance_choice}")
    for s in w.scenarios:
        dangling += (
            [f"{s.id}.use_case={s.use_case}"] if s.use_case not in known["use_cases"] else []
        )
        dangling += [f"{s.id}.model={s.model}"] if s.model not in known["models"] else []
    for r in w.ratings:
        for field, value in [
            ("participants", r.participant),
            ("scenarios", r.scenario),
            ("criteria", r.criterion),
        ]:
            if value not in known[field]:
                dangling.append(f"rating {field}={value}")
    for v in w.votes:
        dangling += (
            [f"vote participant={v.participant}"]
            if v.participant not in known["participants"]
            else []
        )
        dangling += [f"vote need={v.need}"] if v.need not in known["needs"] else []
    assert dangling == []


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_governance_answers_name_existing_questions_and_options(name: str) -> None:
    questions: dict[str, GovernanceQuestion] = {q.id: q for q in deck("governance_questions")}
    w = example(name)
    assert any(u.governance_answers for u in w.use_cases)
    assert any(u.governance_choice for u in w.use_cases)
    for u in w.use_cases:
        for question, option in u.governance_answers.items():
            assert question in questions, f"{u.id}: {question}"
            assert option in {o.id for o in questions[question].options}, f"{u.id}: {option}"


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_network_edits_fit_the_model_template(name: str) -> None:
    models: dict[str, GovernanceModelCard] = {m.id: m for m in deck("governance_models")}
    actor_cards = ids("actors")
    edited = 0
    for s in example(name).scenarios:
        template = models[s.model].network
        edits = s.network_edits
        nodes = {a.id for a in template.actors} | {a.id for a in edits.add_actors}
        nodes -= set(edits.remove_actors)
        assert set(edits.remove_actors) <= {a.id for a in template.actors}, s.id
        assert set(edits.remove_flows) <= {f.id for f in template.flows}, s.id
        assert {a.actor for a in edits.add_actors} <= actor_cards, s.id
        for flow in edits.add_flows:
            assert {flow.source, flow.target} <= nodes, f"{s.id}: {flow.id}"
        edited += bool(edits.add_actors or edits.add_flows)
    if name in {"la_rochelle", "grand_lyon"}:
        assert edited >= 1


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_votes_stay_within_budget_and_cap(name: str) -> None:
    w = example(name)
    spent = Counter[str]()
    for v in w.votes:
        assert v.dots <= w.settings.vote_cap, v
        spent[v.participant] += v.dots
    assert max(spent.values()) <= w.settings.vote_budget
    per_pair = Counter((v.participant, v.need) for v in w.votes)
    assert max(per_pair.values()) == 1


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_participant_rates_every_scenario_on_every_criterion_once(name: str) -> None:
    w = example(name)
    criteria = _known(w)["criteria"]
    assert len(criteria) == 10
    expected = {(p.id, s.id, c) for p in w.participants for s in w.scenarios for c in criteria}
    given = [(r.participant, r.scenario, r.criterion) for r in w.ratings]
    assert len(given) == len(set(given))
    assert set(given) == expected


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_ratings_have_a_clear_winner_that_is_not_unanimous(name: str) -> None:
    w = example(name)
    cards: tuple[CriterionCard, ...] = deck("criteria")
    direction = {c.id: c.direction for c in cards}
    weight = {c.criterion: c.weight for c in w.criteria}
    score: dict[str, dict[str, float]] = {}
    for r in w.ratings:
        value = r.value if direction[r.criterion] == "benefit" else 6 - r.value
        by_scenario = score.setdefault(r.participant, {})
        by_scenario[r.scenario] = by_scenario.get(r.scenario, 0.0) + weight[r.criterion] * value
    group = Counter[str]()
    for by_scenario in score.values():
        group.update(by_scenario)
    (winner, best), (_, second) = group.most_common(2)
    firsts = Counter(max(s, key=lambda k: s[k]) for s in score.values())
    assert best > second * 1.03
    assert firsts[winner] > len(score) / 2
    assert firsts[winner] < len(score)


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_ratings_are_not_all_equal(name: str) -> None:
    assert len({r.value for r in example(name).ratings}) >= 4


def test_la_rochelle_example_is_at_the_scenarios_step_with_results_revealed() -> None:
    w = example("la_rochelle")
    assert w.step == "scenarios"
    assert {"needs", "scenarios"} <= set(w.settings.revealed)
    assert w.theme == "mobility"


@pytest.mark.parametrize(
    ("name", "theme", "illustrative"),
    [
        ("la_rochelle", "mobility", True),
        ("grand_lyon", "social", True),
        ("nantes", "environment", True),
    ],
)
def test_example_theme_and_illustrative_flag(name: str, theme: str, illustrative: bool) -> None:
    w = example(name)
    assert w.theme == theme
    assert w.illustrative is illustrative


def test_nantes_example_says_it_is_a_training_example_without_public_account() -> None:
    description = example("nantes").description
    assert "pas de compte rendu public" in description
    assert "Exemple de formation" in description


def test_examples_stop_at_different_steps() -> None:
    assert len({example(n).step for n in EXAMPLES}) == len(EXAMPLES)


# ---------------------------------------------------------------------------- issue 19 facts


def source_card(card_id: str) -> DataSourceCard:
    return next(c for c in deck("data_sources") if c.id == card_id)


def city_card(card_id: str) -> CityCard:
    return next(c for c in deck("cities") if c.id == card_id)


def all_text(card: BaseModel) -> str:
    """Every French and English text of a card, and its sources, in one string."""
    parts = [f"{t.fr}\n{t.en}" for _, t in texts(card)]
    return "\n".join(parts + list(getattr(card, "sources", [])))


@pytest.mark.parametrize(
    ("source_id", "kind"),
    [
        ("electricity_load_curve", "concession_holder"),
        ("electricity_peak_power", "concession_holder"),
        ("electricity_daily_kwh", "concession_holder"),
        ("gas_consumption", "concession_holder"),
        ("social_housing_tenant_file", "social_landlord"),
        ("caf_payment_certificate", "social_security_body"),
        ("family_quotient", "social_security_body"),
        ("housing_benefit_file", "social_security_body"),
        ("solidarity_health_cover", "social_security_body"),
        ("health_insurance_reimbursements", "social_security_body"),
        ("minimum_income_file", "local_authority"),
    ],
)
def test_holders_have_their_legal_status(source_id: str, kind: str) -> None:
    assert source_card(source_id).holder_kind == kind


def test_every_holder_kind_has_a_label_in_both_languages_in_the_pdfs() -> None:
    from selfdata.domain.cards import HOLDER_KINDS
    from selfdata.export.labels import vocab, vocabularies

    assert set(vocabularies()["holder_kind"]) == set(HOLDER_KINDS)
    for kind in HOLDER_KINDS:
        assert vocab("holder_kind", kind, "fr") != kind, kind
        assert vocab("holder_kind", kind, "en") != kind, kind
    assert vocab("holder_kind", "concession_holder", "fr") != "régie publique"


def test_no_card_calls_a_model_or_actor_a_fiducie_except_to_explain_why_not() -> None:
    for kind in ["actors", "cities", "governance_models"]:
        for card in deck(kind):
            assert "fiducie" not in card.title.fr.lower(), card.id
            for where, text in texts(card):
                if "fiducie" in text.fr.lower():
                    # the only mention says why the word is avoided, citing the Civil Code
                    assert "2011" in text.fr, f"{card.id}.{where}"


def test_civic_data_trust_is_titled_without_fiducie_and_covers_pooled_rights() -> None:
    model = next(c for c in deck("governance_models") if c.id == "civic_data_trust")
    assert model.title.fr.startswith("Mandataire civique de données")
    assert "confient elles-mêmes leurs droits" in model.summary.fr
    assert any("Ada Lovelace" in s for s in model.sources)
    assert any("Ada Lovelace" in e.en for e in model.examples)


def test_electricity_load_curve_storage_does_not_rest_on_consent_and_cites_the_decree() -> None:
    card = source_card("electricity_load_curve")
    assert card.legal_notes is not None
    assert "repose sur le consentement" not in card.legal_notes.fr
    assert "s’y opposer" in card.legal_notes.fr
    assert "2017-948" in card.legal_notes.fr
    assert any("2017-948" in s for s in card.sources)
    assert any("CNIL" in s and "2015" in s for s in card.sources)


def test_vehicle_registration_names_france_titres_and_hedges_on_zfe() -> None:
    card = source_card("vehicle_registration")
    assert "France Titres" in card.holder.fr
    assert card.example is not None
    assert "bientôt exclu" not in card.example.fr
    assert "pourrait" in card.example.fr and "ZFE" in card.example.fr


def test_family_quotient_is_a_certificate_for_the_resident_not_an_api() -> None:
    card = source_card("family_quotient")
    assert card.access != "api"
    assert card.legal_notes is not None
    assert "entre elles" in card.legal_notes.fr and "attestation" in card.legal_notes.fr


def test_minimum_income_file_mentions_solidarite_a_la_source_2025() -> None:
    text = all_text(source_card("minimum_income_file"))
    assert "solidarité à la source" in text
    assert "mars 2025" in text


def test_detect_unclaimed_benefits_cites_drees_figures() -> None:
    need = next(c for c in deck("needs") if c.id == "detect_unclaimed_benefits")
    assert "30 %" not in need.description.fr
    assert "34\u00a0%" in need.description.fr or "34 %" in need.description.fr
    assert "minimum vieillesse" in need.description.fr
    assert "DREES" in need.description.fr
    assert any("DREES" in s and "34" in s for s in need.sources)
    assert any("DREES" in s and "50" in s for s in need.sources)


def test_la_rochelle_card_recruitment_from_2021_toward_500_and_partners() -> None:
    card = city_card("la_rochelle_coach_co2")
    assert card.years == "2021–2022"
    assert "500 volontaires ont" not in card.what.fr
    assert "à partir de 2021" in card.what.fr
    assert "objectif de 500" in card.what.fr
    assert "fin 2022" in card.what.fr
    for partner in ["Cozy", "La Fabrique des Mobilités", "TraceMob", "Numéricité"]:
        assert partner in card.what.fr, partner


def test_ghent_does_not_say_the_city_offered_a_finished_portal() -> None:
    card = city_card("ghent_city_data_portal")
    assert "la ville offrait" not in card.what.fr
    assert "construisait" in card.what.fr


def test_nantes_cites_its_data_charter_and_not_all_five_models() -> None:
    card = city_card("nantes_metropole_transition")
    assert "Charte métropolitaine de la donnée" in card.what.fr
    assert "juin 2019" in card.what.fr
    assert any("Charte métropolitaine de la donnée" in s for s in card.sources)
    assert len(card.models) < len(GOVERNANCE_MODEL_IDS)


def test_athumi_is_not_sourced_to_the_2019_kit() -> None:
    card = city_card("flanders_athumi_solid")
    assert not [s for s in card.sources if "Kit Self Data" in s]
    assert any("Athumi" in s for s in card.sources)


@pytest.mark.parametrize("name", ["la_rochelle", "grand_lyon"])
def test_invented_examples_are_illustrative_and_say_so(name: str) -> None:
    w = example(name)
    assert w.illustrative is True
    assert w.description.startswith("Exemple illustratif")
    assert "inventés" in w.description


@pytest.mark.parametrize(
    ("model_id", "needle"),
    [
        ("trusted_third_party", "2022/868"),
        ("trusted_third_party", "L. 3131-2"),
        ("data_cooperative", "2022/868"),
        ("data_cooperative", "Arcep"),
        ("direct_transfer", "2023/2854"),
        ("direct_transfer", "2024/1183"),
        ("personal_cloud", "2024/1183"),
        ("civic_data_trust", "2011"),
    ],
)
def test_governance_models_carry_the_law_after_2019(model_id: str, needle: str) -> None:
    model = next(c for c in deck("governance_models") if c.id == model_id)
    assert any(needle in law.fr for law in model.legal_framework)


@pytest.mark.parametrize(
    ("source_id", "kind"),
    [
        ("activity_bonus_file", "social_security_body"),
        ("mon_espace_sante", "social_security_body"),
        ("pension_career_statement", "social_security_body"),
        ("msa_member_file", "social_security_body"),
        ("rental_application_file", "state_agency"),
        ("franceconnect_identity", "state_agency"),
    ],
)
def test_new_sources_are_in_the_deck_with_their_holder_status(source_id: str, kind: str) -> None:
    assert source_card(source_id).holder_kind == kind


def test_franceconnect_is_described_as_an_access_channel() -> None:
    card = source_card("franceconnect_identity")
    assert "canal d’accès" in card.title.fr
    assert "n’est pas un gisement de données" in card.description.fr
    assert card.categories == ["identity", "contact_details"]


def test_health_spaces_are_special_category() -> None:
    assert source_card("mon_espace_sante").sensitivity == "special"
    assert source_card("msa_member_file").sensitivity == "special"


@pytest.mark.parametrize(
    ("actor_id", "kind", "needle"),
    [
        ("dpo", "regulator", "art. 37"),
        ("concession_holder", "data_holder", "L. 3131-2"),
        ("elected_members", "city", "L. 2121-29"),
    ],
)
def test_new_actors(actor_id: str, kind: str, needle: str) -> None:
    card = next(c for c in deck("actors") if c.id == actor_id)
    assert card.kind == kind
    assert any(needle in s for s in card.sources)


# ---------------------------------------------------------------------------- typography

ALL_DECKS = [p.stem for p in sorted(CARDS_DIR.glob("*.yaml"))]


@pytest.mark.parametrize("kind", ALL_DECKS)
def test_french_deck_strings_have_no_ordinary_space_before_high_punctuation(kind: str) -> None:
    from selfdata.domain.typography import loose_punctuation

    loose = [
        (card.id, where, bit)
        for card in deck(kind)
        for where, text in texts(card)
        for bit in loose_punctuation(text.fr)
    ]
    loose += [
        (card.id, "sources", bit) for card in deck(kind) for s in card.sources
        for bit in loose_punctuation(s)
    ]  # fmt: skip
    assert loose == []


def test_fr_punctuation_puts_one_narrow_no_break_space() -> None:
    from selfdata.domain.typography import NNBSP, fr_punctuation, loose_punctuation

    assert fr_punctuation("Coût : moins ? oui ! a ; b") == (
        f"Coût{NNBSP}: moins{NNBSP}? oui{NNBSP}! a{NNBSP}; b"
    )
    assert fr_punctuation("Prix\u00a0: 3") == f"Prix{NNBSP}: 3"
    assert fr_punctuation("https://x.fr à 10:30") == "https://x.fr à 10:30"
    assert fr_punctuation(fr_punctuation("a : b")) == fr_punctuation("a : b")
    assert loose_punctuation("a : b") and not loose_punctuation(fr_punctuation("a : b"))


def test_city_actor_card_names_the_three_roles_and_the_conflict() -> None:
    city = next(c for c in deck("actors") if c.id == "city")
    for role in ["responsable de traitement", "soutien à l’innovation", "instance démocratique"]:
        assert role in city.description.fr
    assert "séparer ces rôles" in city.description.fr


@pytest.mark.parametrize("kind", ALL_DECKS)
def test_french_deck_strings_follow_the_glossary(kind: str) -> None:
    """docs/glossary.md: neutral wording, no generic masculine singular for a person, and
    one word per notion (Révéler, Masquer, Autorité de contrôle, espace en ligne)."""
    banned = [
        "l’habitant ", "l’habitant,", "L’habitant ", "chaque habitant ", "l’animateur",
        "Dévoiler", "dévoil", "Cacher", "cacher ", "Régulateur", "espace client",
    ]  # fmt: skip
    found = [
        (card.id, where, word)
        for card in deck(kind)
        for where, text in texts(card)
        for word in banned
        if word in text.fr
    ]
    assert found == []


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_workshops_french_text_has_no_ordinary_space_before_high_punctuation(
    name: str,
) -> None:
    from selfdata.domain.typography import loose_punctuation

    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, BaseModel):
            return strings([getattr(value, f) for f in type(value).model_fields])
        if isinstance(value, dict):
            return strings(list(value.values()))
        if isinstance(value, list | tuple):
            return [s for v in value for s in strings(v)]
        return []

    w = example(name)
    assert w.language == "fr"
    assert [bit for s in strings(w) for bit in loose_punctuation(s)] == []


def test_the_civic_data_trust_has_one_name_everywhere() -> None:
    """Issue 27: four names and « régie » (a service the city runs itself, the opposite of an
    independent body) became one, « Mandataire civique de données (civic data trust) »."""
    from pathlib import Path

    from selfdata.i18n import catalog

    model = next(c for c in deck("governance_models") if c.id == "civic_data_trust")
    actor = next(c for c in deck("actors") if c.id == "data_trust")
    assert model.title == actor.title
    assert model.title.fr == "Mandataire civique de données (civic data trust)"
    root = Path(__file__).resolve().parents[2]
    texts = [p.read_text(encoding="utf-8") for p in (root / "cards").glob("*.yaml")]
    texts += [p.read_text(encoding="utf-8") for p in (root / "docs").glob("*.md")]
    texts += [(root / "README.md").read_text(encoding="utf-8")]
    texts += [m["fr"] + m["en"] for m in catalog().values()]
    for old in (
        "Régie civique",
        "régie civique de données",
        "Gestionnaire indépendant",
        "intendance civique",
        "Financement du fiduciaire",
        'Data trust"',
        "(data trust)",
    ):
        assert not any(old in text for text in texts), old


def test_the_glossary_gives_the_fings_definition_of_self_data_with_its_source() -> None:
    from pathlib import Path

    glossary = (Path(__file__).resolve().parents[2] / "docs" / "glossary.md").read_text("utf-8")
    row = next(line for line in glossary.splitlines() if line.startswith("| Self Data |"))
    assert "Fing" in row and "MesInfos" in row and "2013" in row
    assert "under their control" in row or "keeping control" in row


def test_a_card_that_may_hold_health_data_is_a_special_category() -> None:
    for card in deck("data_sources"):
        text = " ".join(x.fr for _, x in texts(card)).casefold()
        if "santé" in text and ("peut contenir" in text or "peut révéler" in text):
            assert card.sensitivity == "special", card.id


def test_the_ccas_is_its_own_public_body_not_the_commune() -> None:
    card = next(c for c in deck("data_sources") if c.id == "ccas_aid_file")
    assert card.holder_kind == "local_public_body"
    assert "établissement public" in card.holder.fr
    assert any("L. 123-6" in s for s in card.sources)


@pytest.mark.parametrize(
    ("wrong", "where"),
    [
        ("votée au Parlement en 2025", "ZFE abolition: first reading only, CMP in January 2026"),
        ("recommandation de la CNIL de 2015", "délibération 2012-404"),
        ("anonymisée et révocable", "pseudonymised: anonymous data cannot be withdrawn"),
        ("trajets anonymisés", "GPS traces are pseudonymised"),
        ("il doit se déclarer avant de démarrer", "not a public body's non-commercial sharing"),
        ("Financement du fiduciaire", "the card rejects fiducie"),
    ],
)
def test_the_facts_the_review_corrected_stay_corrected(wrong: str, where: str) -> None:
    from pathlib import Path

    from selfdata.domain.typography import fr_punctuation

    root = Path(__file__).resolve().parents[2]
    files = [*(root / "cards").glob("*.yaml"), *(root / "scenarios").glob("*.yaml")]
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert wrong not in text and fr_punctuation(wrong) not in text, (path.name, where)


def test_pre_filled_rsa_declarations_since_march_2025_are_the_cafs_only() -> None:
    for card in deck("data_sources"):
        for _, x in texts(card):
            if "mars 2025" in x.fr:
                assert "CAF" in x.fr and (
                    "MSA suit plus tard" in x.fr or "plus tard à la MSA" in x.fr
                ), card.id
