"""The README's promises about the dossier's DPO checklist and action plan (issue 27)."""

from __future__ import annotations

from pathlib import Path

from selfdata.engines.action_plan import STEP_ORDER, seed_plan
from selfdata.engines.cnil_list import CNIL_ITEMS
from selfdata.engines.data_protection import pre_check
from selfdata.engines.dpia import CRITERIA
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop

README = " ".join((Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8").split())


def test_the_readme_describes_the_checklist_the_engine_computes() -> None:
    assert "WP248's nine criteria" in README and len(CRITERIA) == 9
    assert "délibération 2018-327" in README and CNIL_ITEMS
    assert "its fourteen items" in README and len(CNIL_ITEMS) == 14
    named = (
        "from health care and genetic or biometric data to employee monitoring and "
        "large-scale location data"
    )
    assert named in README
    ids = [i for i, _ in CNIL_ITEMS]
    assert ids[0] == "cnil_health_care" and ids[-1] == "cnil_location"
    assert {"cnil_genetic", "cnil_biometric", "cnil_employee_monitoring"} <= set(ids)
    assert "not a legal opinion" in README
    workshop = load_workshop(SCENARIOS_DIR / "grand_lyon.yaml")
    check = pre_check(workshop, workshop.scenarios[0], default_decks())
    assert "art. 6" in check.register[2].value.fr  # the basis per processing, in the register
    assert {s.id for s in check.steps} >= {"information", "dga", "council"}


def test_the_readme_describes_the_plan_in_the_order_the_engine_seeds() -> None:
    assert (
        "council decision, agreements, impact assessment before the launch, information, "
        "recruitment, run, evaluation" in README
    )
    assert STEP_ORDER.index("council") < STEP_ORDER.index("agreement") < STEP_ORDER.index("dpia")
    assert STEP_ORDER.index("information") < STEP_ORDER.index("recruitment")
    assert STEP_ORDER.index("run") < STEP_ORDER.index("evaluation")
    workshop = load_workshop(SCENARIOS_DIR / "la_rochelle.yaml")
    plan = seed_plan(workshop, workshop.scenarios[0], default_decks(), "fr")
    assert "« à fixer » / « à chiffrer »" in README
    assert all(p.due is None and not p.budget for p in plan)
