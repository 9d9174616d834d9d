"""The DPO's checklist (issue 27): every one of WP248's nine criteria and every one of the
fourteen items of the CNIL's list (délibération n° 2018-327) gets the right verdict with its
name, from a scenario built to meet it; the three probes of the review come out right; what
the toolkit cannot know is a question, never scored."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest

from selfdata.domain.cards import DataSourceCard, Decks, I18nText, NeedCard
from selfdata.domain.workshop import Scenario, Scope, UseCase, Workshop, WorkshopNeed
from selfdata.engines.cnil_list import CNIL_ITEMS
from selfdata.engines.data_protection import DataProtectionCheck, pre_check
from selfdata.engines.dpia import CRITERIA, Facts
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop
from selfdata.i18n import t


@cache
def decks() -> Decks:
    return default_decks()


@cache
def nantes() -> Workshop:
    return load_workshop(SCENARIOS_DIR / "nantes.yaml")


BASE_SOURCES = ("sports_leisure_bookings",)
"""Low sensitivity, one holder, no location: on its own, nothing to assess."""


def check_of(
    sources: tuple[str, ...] = BASE_SOURCES,
    *,
    automation: list[str] | None = None,
    vulnerable: list[str] | None = None,
    categories: tuple[str, ...] = ("leisure_bookings",),
    model: str = "personal_cloud",
    residents: int = 200,
) -> DataProtectionCheck:
    """A made-up scenario in the Nantes workshop, with a need of the workshop's own whose
    automated steps and vulnerable groups are given (``None``: not said)."""
    need = NeedCard.model_validate(
        {
            "id": "need_probe",
            "title": {"fr": "Besoin d’essai", "en": "Probe need"},
            "description": {"fr": "Un besoin d’essai.", "en": "A probe need."},
            "persona": {"fr": "Une personne.", "en": "A person."},
            "themes": ["leisure"],
            "usage_family": "self_knowledge",
            "categories": list(categories),
            "automation": automation,
            "vulnerable": vulnerable,
        }
    )
    w = nantes()
    case = UseCase(id="uc_probe", title="Cas d’essai", need="need_probe", sources=list(sources))
    scenario = Scenario(
        id="sc_probe",
        title="Scénario d’essai",
        use_case="uc_probe",
        model=model,
        scope=Scope(residents=residents, duration_months=6),
    )
    workshop = w.model_copy(
        update={
            "needs": [*w.needs, WorkshopNeed(id="need_probe", card=need)],
            "use_cases": [*w.use_cases, case],
            "scenarios": [scenario],
        }
    )
    return pre_check(workshop, scenario, decks())


def test_the_base_scenario_needs_no_assessment_and_asks_nothing() -> None:
    check = check_of(automation=[], vulnerable=[])
    assert check.met == () and check.listed == () and check.questions == ()
    assert check.dpia == "not_required"


@pytest.mark.parametrize(
    ("criterion", "changes", "verdict"),
    [
        ("evaluation", {"automation": ["profiling"]}, "recommended"),
        ("automated_decision", {"automation": ["decision"]}, "required"),
        ("monitoring", {"automation": ["monitoring"]}, "recommended"),
        ("sensitive", {"sources": ("income_tax_notice",)}, "recommended"),
        ("large_scale", {"residents": 5000}, "recommended"),
        ("matching", {"sources": BASE_SOURCES + ("city_account_requests",)}, "recommended"),
        ("vulnerable", {"vulnerable": ["elderly"]}, "recommended"),
        ("innovative", {"model": "civic_data_trust"}, "recommended"),
        ("exclusion", {"automation": ["decision"]}, "required"),
    ],
)  # fmt: skip
def test_each_of_the_nine_criteria_is_met_and_named_in_the_verdict(
    criterion: str, changes: dict[str, object], verdict: str
) -> None:
    values: dict[str, object] = {"automation": [], "vulnerable": []} | changes
    check = check_of(**values)  # type: ignore[arg-type]
    assert criterion in check.met
    assert check.dpia == verdict
    for lang in ("fr", "en"):
        assert t(f"dpia.{criterion}", lang) in check.dpia_reason.get(lang)


def test_the_nine_criteria_are_wp248s_in_its_order() -> None:
    assert [c for c, _ in CRITERIA] == [
        "evaluation", "automated_decision", "monitoring", "sensitive", "large_scale",
        "matching", "vulnerable", "innovative", "exclusion",
    ]  # fmt: skip
    check = check_of(automation=[], vulnerable=[])
    assert [c.id for c in check.criteria] == [c for c, _ in CRITERIA]
    for c in check.criteria:
        assert "WP248" in c.rule.fr and c.why.fr and c.why.en and c.why.fr != c.why.en


CNIL_PROBES: list[tuple[str, dict[str, object]]] = [
    ("cnil_health_care", {"sources": ("municipal_health_centre_record",),
                          "vulnerable": ["patients"], "categories": ("health",)}),
    ("cnil_genetic", {"categories": ("genetic",), "vulnerable": ["patients"]}),
    ("cnil_hr_profiling", {"automation": ["profiling"], "vulnerable": ["employees"]}),
    ("cnil_employee_monitoring", {"automation": ["monitoring"], "vulnerable": ["employees"]}),
    ("cnil_alerts", {"automation": ["monitoring"], "vulnerable": ["elderly"]}),
    ("cnil_work_alerts", {"automation": ["monitoring"], "vulnerable": ["employees"]}),
    ("cnil_health_warehouse", {"sources": ("municipal_health_centre_record",),
                               "categories": ("health",), "model": "data_cooperative"}),
    ("cnil_profiling_exclusion", {"automation": ["profiling", "decision"]}),
    ("cnil_contract_breaches", {"automation": ["decision"],
                                "sources": ("energy_supplier_invoices", "water_customer_record"),
                                "categories": ("utility_contract",)}),
    ("cnil_profiling_external", {"automation": ["profiling"],
                                 "sources": ("sports_leisure_bookings", "bank_transactions")}),
    ("cnil_biometric", {"categories": ("biometric",), "vulnerable": ["children"]}),
    ("cnil_social_housing", {"sources": ("social_housing_tenant_file",)}),
    ("cnil_social_support", {"sources": ("ccas_aid_file",)}),
    ("cnil_location", {"sources": ("transport_validations",), "residents": 5000}),
]  # fmt: skip
"""One probe scenario per item of the CNIL's list, in the list's order."""


def test_the_checklist_answers_the_fourteen_items_of_the_cnil_list_in_its_order() -> None:
    ids = [i for i, _ in CNIL_ITEMS]
    assert ids == [i for i, _ in CNIL_PROBES] and len(ids) == 14
    check = check_of(automation=[], vulnerable=[])
    assert [c.id for c in check.cnil_items] == ids
    for c in check.cnil_items:
        assert c.met is False, c.id  # the base scenario meets none and asks none
        assert "2018-327" in c.rule.fr and "2018-327" in c.rule.en
        assert c.why.fr and c.why.en and c.why.fr != c.why.en


@pytest.mark.parametrize(("item", "changes"), CNIL_PROBES, ids=[i for i, _ in CNIL_PROBES])
def test_each_item_of_the_cnil_list_makes_the_assessment_required_and_is_named(
    item: str, changes: dict[str, object]
) -> None:
    values: dict[str, object] = {"automation": [], "vulnerable": []} | changes
    check = check_of(**values)  # type: ignore[arg-type]
    found = next((c for c in check.cnil_items if c.id == item), None)
    assert found is not None, f"{item} is not answered"
    assert found.met is True and item in check.listed
    assert check.dpia == "required"
    assert t("dp.verdict.required", "fr") == "AIPD obligatoire"
    assert "2018-327" in found.rule.fr and t(f"dpia.{item}", "fr") in found.rule.fr
    assert t(f"dpia.{item}", "en") in found.rule.en
    for lang in ("fr", "en"):
        assert t(f"dpia.{item}", lang) in check.dpia_reason.get(lang)
        assert found.why.get(lang) == t(f"dpia.{item}.yes", lang)


@pytest.mark.parametrize(
    ("item", "changes", "why"),
    [
        ("cnil_genetic", {"sources": ("municipal_health_centre_record",),
                          "categories": ("health",)}, "dpia.cnil_genetic.health"),
        ("cnil_genetic", {"categories": ("genetic",), "vulnerable": None}, "dpia.unsaid"),
        ("cnil_genetic", {"sources": ("school_canteen_bookings",),
                          "categories": ("school_bookings",)}, "dpia.cnil_genetic.health"),
        ("cnil_biometric", {"sources": ("municipal_cctv",), "categories": ("images_video",)},
         "dpia.cnil_biometric.images"),
        ("cnil_biometric", {"categories": ("biometric",), "vulnerable": None}, "dpia.unsaid"),
        ("cnil_hr_profiling", {"automation": ["profiling"], "vulnerable": None}, "dpia.unsaid"),
        ("cnil_employee_monitoring", {"automation": None, "vulnerable": ["employees"]},
         "dpia.unsaid"),
        ("cnil_work_alerts", {"vulnerable": ["employees"]}, "dpia.cnil_work_alerts.staff"),
        ("cnil_contract_breaches", {"automation": None,
                                    "sources": ("energy_supplier_invoices",)}, "dpia.unsaid"),
        ("cnil_health_care", {"sources": ("municipal_health_centre_record",),
                              "categories": ("health",), "vulnerable": None}, "dpia.unsaid"),
    ],
)  # fmt: skip
def test_what_the_scenario_does_not_tell_about_an_item_is_asked_with_the_reason(
    item: str, changes: dict[str, object], why: str
) -> None:
    values: dict[str, object] = {"automation": [], "vulnerable": []} | changes
    check = check_of(**values)  # type: ignore[arg-type]
    found = next(c for c in check.cnil_items if c.id == item)
    assert found.met is None and found.question is not None
    assert found.question.fr.endswith("\u202f?") and found.question.en.endswith("?")
    assert found.why.fr == t(why, "fr") and found.why.en == t(why, "en")
    assert found in check.questions and check.dpia != "not_required"


def test_a_source_whose_categories_nobody_gave_is_a_question_not_a_no() -> None:
    blank = DataSourceCard(
        id="room_file",
        title=I18nText(fr="Fichier de la salle", en="Room file"),
        description=I18nText(fr="Un fichier.", en="A file."),
        holder=I18nText(fr="Ville", en="City"),
    )
    facts = Facts(
        sources=(blank,), need=None, residents=200, model="personal_cloud", maturity=None,
        actors=frozenset(),
    )  # fmt: skip
    rules = [rule for _, rule in CNIL_ITEMS if rule.__name__ in CATEGORY_ITEMS]
    assert len(rules) == len(CATEGORY_ITEMS)
    for rule in rules:
        answer = rule(facts)
        assert answer.met is None and answer.question is not None, rule.__name__
        assert "Fichier de la salle" in answer.why.fr and "Room file" in answer.why.en


CATEGORY_ITEMS = (
    "cnil_health_care", "cnil_genetic", "cnil_health_warehouse", "cnil_contract_breaches",
    "cnil_biometric", "cnil_social_housing", "cnil_social_support", "cnil_location",
)  # fmt: skip
"""The items the sources' data categories answer."""


def test_a_housing_record_whose_holder_status_nobody_gave_asks_about_social_housing() -> None:
    housing = DataSourceCard(
        id="room_housing",
        title=I18nText(fr="Fichier logement", en="Housing file"),
        description=I18nText(fr="Un fichier.", en="A file."),
        holder=I18nText(fr="Un bailleur", en="A landlord"),
        categories=["housing_record"],
    )
    facts = Facts(
        sources=(housing,), need=None, residents=200, model="personal_cloud", maturity=None,
        actors=frozenset(),
    )  # fmt: skip
    rule = dict(CNIL_ITEMS)["cnil_social_housing"]
    answer = rule(facts)
    assert answer.met is None and "Fichier logement" in answer.why.fr
    for kind, met in (("city", False), ("social_landlord", True)):
        said = replace(facts, sources=(housing.model_copy(update={"holder_kind": kind}),))
        assert rule(said).met is met


def test_location_counts_once_under_highly_personal_data() -> None:
    check = check_of(("transport_validations",), automation=[], vulnerable=[])
    assert check.met == ("sensitive",) and check.dpia == "recommended"
    assert "location" not in {c.id for c in check.criteria}


def test_public_space_sensors_under_a_civic_data_trust_need_an_assessment_art_35_3_c() -> None:
    check = check_of(
        ("traffic_counters", "noise_air_sensors"),
        automation=[],
        vulnerable=[],
        categories=("public_space_sensors",),
        model="civic_data_trust",
        residents=0,
    )
    assert check.dpia == "required" and "c" in check.art35
    assert "35, paragraphe 3, c" in check.dpia_reason.fr and "35(3)(c)" in check.dpia_reason.en
    assert "monitoring" in check.met


def test_an_alert_service_on_an_elderly_persons_load_curve_needs_an_assessment() -> None:
    w = nantes()
    case = UseCase(
        id="uc_alert",
        title="Alerte bien vieillir",
        need="elderly_living_at_home",
        sources=["electricity_load_curve"],
    )
    scenario = Scenario(
        id="sc_alert",
        title="Alerte sur la courbe de charge",
        use_case="uc_alert",
        model="direct_transfer",
        scope=Scope(residents=60, duration_months=12),
    )
    workshop = w.model_copy(update={"use_cases": [case], "scenarios": [scenario]})
    check = pre_check(workshop, scenario, decks())
    assert check.dpia == "required"
    assert {"monitoring", "sensitive", "vulnerable"} <= set(check.met)
    assert "cnil_alerts" in check.listed


@pytest.mark.parametrize("automation", [None, [], ["profiling"]])
@pytest.mark.parametrize("vulnerable", [None, [], ["children"]])
def test_a_library_reading_history_service_is_never_not_required(
    automation: list[str] | None, vulnerable: list[str] | None
) -> None:
    check = check_of(
        ("library_loans",),
        automation=automation,
        vulnerable=vulnerable,
        categories=("library_loans",),
        residents=4000,
    )
    assert check.dpia != "not_required"
    assert "sensitive" in check.met


def test_the_decks_library_suggestion_service_for_4000_readers_is_required() -> None:
    w = nantes()
    case = UseCase(
        id="uc_reading",
        title="Suggestions de lecture",
        need="reading_and_leisure_diary",
        sources=["library_loans"],
    )
    scenario = Scenario(
        id="sc_reading",
        title="Suggestions à partir de l’historique de prêts",
        use_case="uc_reading",
        model="trusted_third_party",
        scope=Scope(residents=4000, duration_months=12),
    )
    workshop = w.model_copy(update={"use_cases": [case], "scenarios": [scenario]})
    check = pre_check(workshop, scenario, decks())
    assert check.dpia == "required"
    assert {"evaluation", "sensitive", "vulnerable"} <= set(check.met)


def test_what_the_need_does_not_say_is_a_question_never_a_score() -> None:
    check = check_of(automation=None, vulnerable=None)
    asked = {q.id for q in check.questions}
    assert {"evaluation", "automated_decision", "monitoring", "vulnerable"} <= asked
    assert check.met == () and check.dpia == "recommended"
    assert all(q.question is not None and q.question.fr.endswith("?") for q in check.questions)
    assert "questions pour le DPO" in check.dpia_reason.fr


def test_an_unknown_number_of_residents_is_asked() -> None:
    check = check_of(automation=[], vulnerable=[], residents=0)
    assert [q.id for q in check.questions] == ["large_scale"]
