"""Who answers for the data, on which legal basis, and which steps follow: the DPO's checklist
(not a legal opinion), drawn from the scenario's governance model, network and sources.

* **The controller per model** (GDPR art. 4(7) and 26): the city is not the controller of
  a personal cloud (the resident is, for their own use; the operator for its hosting) nor of
  a cooperative (the cooperative is); a CCAS is a public body of its own (établissement
  public administratif, CASF art. L.123-6) and controller of its files.
* **A legal basis per processing** (art. 6): for a public authority, the public task
  (art. 6(1)(e)) is the usual one; its consent is rarely freely given (recital 43), except
  for an optional service refusing which costs nothing. And, for special-category data, a
  condition of art. 9(2).
* **Steps**: the DPO (arts 37–39), the information notice (arts 13 and 14), the social
  workers' professional secrecy (CASF arts L.411-3 and L.133-5), the Data Governance Act
  (only where it applies: art. 2(11) leaves out a public body's non-commercial sharing) and
  the council decision (the article that fits the body: commune, EPCI, Métropole de Lyon).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from selfdata.domain.cards import I18nText
from selfdata.engines.dpia import SOCIAL_SUPPORT, SOCIAL_WORKER_ACTORS, Facts
from selfdata.i18n import t

StepStatus = Literal["todo", "not_applicable", "to_check"]

PUBLIC_MODELS = frozenset({"trusted_third_party", "civic_data_trust"})
"""Models whose operator may be a public body (then its basis is the public task)."""
INTERMEDIARY_ACTORS = frozenset({"trusted_third_party", "data_trust", "personal_cloud_operator"})
CCAS_SOURCES = frozenset({"ccas_aid_file", "vulnerable_persons_register"})

COUNCIL_RULES: tuple[tuple[str, str], ...] = (
    (r"m[ée]tropole de lyon|grand lyon", "lyon"),
    (r"m[ée]tropole|agglom[ée]ration|communaut[ée]|intercommunal", "epci"),
    (r"^(ville|commune) (de |d’|d')", "commune"),
)
"""Which council article fits the territory's name: the Métropole de Lyon (a territorial
authority with a special status, CGCT art. L.3611-1, whose council settles its affairs,
art. L.3642-1), an EPCI (métropole, communauté d'agglomération or de communes: CGCT
art. L.5211-1 applies the municipal council's rules to its council), a commune named as
such (« Ville de … », « Commune de … »: CGCT art. L.2121-29). A bare place name (« La
Rochelle ») may be the commune or its intercommunal body: the three articles are listed and
the DPO chooses."""


def _text(key: str, **values: object) -> I18nText:
    return I18nText(fr=t(key, "fr", **values), en=t(key, "en", **values))


@dataclass(frozen=True)
class Processing:
    """One processing of the scenario: who is its controller, its art. 6 basis, the art. 9(2)
    condition when special-category data are involved."""

    id: str
    controller: I18nText
    basis: I18nText
    special: I18nText | None


@dataclass(frozen=True)
class Step:
    """A step the scenario triggers: to do, not applicable (why) or to check with the DPO."""

    id: str
    status: StepStatus
    text: I18nText
    rule: I18nText

    @property
    def needed(self) -> bool:
        return self.status == "todo"


def controller(facts: Facts, city_runs_platform: bool) -> I18nText:
    """Who answers for the experiment's service under the model."""
    model = facts.model
    if model == "trusted_third_party":
        return _text("law.controller.ttp_city" if city_runs_platform else "law.controller.ttp")
    if model in {"personal_cloud", "direct_transfer", "data_cooperative", "civic_data_trust"}:
        return _text(f"law.controller.{model}")
    return _text("law.controller.unknown")


def _service_basis(facts: Facts, city_runs_platform: bool) -> I18nText:
    model = facts.model
    if model == "trusted_third_party" and city_runs_platform:
        return _text("law.basis.public_task")
    if model in {"personal_cloud", "direct_transfer", "data_cooperative", "civic_data_trust"}:
        return _text(f"law.basis.{model}")
    return _text("law.basis.ask")


def processings(facts: Facts, city_runs_platform: bool) -> tuple[Processing, ...]:
    """The service itself, the holders' transmission, and the experiment's evaluation."""
    special = _text("law.art9") if facts.special else None
    ccas = any(s.id in CCAS_SOURCES for s in facts.sources)
    holders = _text("law.controller.holders_ccas" if ccas else "law.controller.holders")
    return (
        Processing(
            "service",
            controller(facts, city_runs_platform),
            _service_basis(facts, city_runs_platform),
            special,
        ),
        Processing("transmission", holders, _text("law.basis.transmission"), special),
        Processing("evaluation", _text("law.controller.city"), _text("law.basis.evaluation"), None),
    )


def information_step(facts: Facts) -> Step:
    key = "law.info.public_space" if facts.uses(frozenset({"public_space_sensors"})) else "law.info"
    return Step("information", "todo", _text(key), _text("law.info.rule"))


def secrecy_step(facts: Facts) -> Step:
    social = facts.uses(SOCIAL_SUPPORT) or (
        bool(facts.actors & SOCIAL_WORKER_ACTORS) and "social_aid" in (facts.groups or ())
    )
    return Step(
        "secrecy",
        "todo" if social else "not_applicable",
        _text("law.secrecy" if social else "law.secrecy.no"),
        _text("law.secrecy.rule"),
    )


def dga_step(facts: Facts, city_runs_platform: bool) -> Step:
    """The Data Governance Act applies to a data intermediation service (art. 10), not to a
    public body's non-commercial sharing (art. 2(11)), nor to a direct transfer."""
    model = facts.model
    rule = _text("law.dga.rule")
    if model == "data_cooperative":
        return Step("dga", "todo", _text("law.dga.cooperative"), rule)
    if model == "personal_cloud":
        return Step("dga", "not_applicable", _text("law.dga.cloud"), rule)
    if model == "trusted_third_party" and city_runs_platform:
        return Step("dga", "not_applicable", _text("law.dga.public"), rule)
    if model in {"trusted_third_party", "civic_data_trust"}:
        return Step("dga", "to_check", _text(f"law.dga.{model}"), rule)
    return Step("dga", "not_applicable", _text("law.dga.none"), rule)


def council_body(territory: str) -> str | None:
    name = territory.casefold()
    for pattern, body in COUNCIL_RULES:
        if re.search(pattern, name):
            return body
    return None


def council_step(facts: Facts, territory: str) -> Step:
    body = council_body(territory) or "unknown"
    key = "law.council.cooperative" if facts.model == "data_cooperative" else "law.council"
    return Step("council", "todo", _text(key), _text(f"law.council.rule.{body}"))


def dpo_step(required: bool) -> Step:
    return Step(
        "dpo",
        "todo",
        _text("dp.dpo.with_dpia" if required else "dp.dpo.always"),
        _text("dp.dpo.rule"),
    )
