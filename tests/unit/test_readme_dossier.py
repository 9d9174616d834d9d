"""The README's promises about the dossier's DPO checklist and action plan (issue 27)."""

from __future__ import annotations

from pathlib import Path

from selfdata.engines.action_plan import STEP_ORDER, seed_plan
from selfdata.engines.data_protection import pre_check
from selfdata.engines.dpia import CNIL_ITEMS, CRITERIA
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop

README = " ".join((Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8").split())


def test_the_readme_describes_the_checklist_the_engine_computes() -> None:
    assert "WP248's nine criteria" in README and len(CRITERIA) == 9
    assert "délibération 2018-327" in README and CNIL_ITEMS
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
