"""The facilitator sees the chosen scenario's data-protection pre-check on the export page,
with the same verdict and rules as the dossier; participants do not."""

from __future__ import annotations

from pathlib import Path

import pytest
from outcome_pages import Room, open_room, page, texts

from selfdata.app import services
from selfdata.engines.data_protection import pre_check
from selfdata.files.loading import default_decks
from selfdata.i18n import t


@pytest.fixture
def room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Room:
    return open_room(tmp_path, monkeypatch, "grand_lyon")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_facilitator_reads_the_pre_check_of_the_chosen_scenario(room: Room, lang: str) -> None:
    at = page(room, "export", "facilitator", lang)
    assert not at.exception
    shown = texts(at)
    workshop = services.export_workshop(room.store, room.code, room.secret)
    first = at.selectbox(key="export_scenario").value
    scenario = next(s for s in workshop.scenarios if s.id == first)
    check = pre_check(workshop, scenario, default_decks())
    assert t("dp.title", lang) in shown
    assert t(f"dp.verdict.{check.dpia}", lang) in shown
    assert check.dpia_reason.get(lang) in shown
    for step in check.steps:
        assert t(f"dp.step.{step.id}", lang) in shown
        assert step.rule.get(lang) in shown
    for field in check.register:
        assert field.label.get(lang) in shown
    # the DPO's checklist, as the dossier prints it (issue 27)
    labels = [e.label for e in at.expander]
    for title in ("dpia.criteria", "dpia.cnil", "law.title"):
        assert t(title, lang) in labels
    for c in (*check.criteria, *check.cnil_items):
        assert t(f"dpia.{c.id}", lang) in shown and c.why.get(lang) in shown
    for p in check.processings:
        assert p.basis.get(lang) in shown and p.controller.get(lang) in shown
    for q in check.questions:
        assert q.question is not None and q.question.get(lang) in shown


def test_choosing_another_scenario_shows_its_own_pre_check(room: Room) -> None:
    at = page(room, "export", "facilitator")
    workshop = services.export_workshop(room.store, room.code, room.secret)
    other = workshop.scenarios[-1]
    at.selectbox(key="export_scenario").select(other.id).run()
    assert not at.exception
    check = pre_check(workshop, other, default_decks())
    title = next(f for f in check.register if f.id == "purpose").value.fr
    assert title in texts(at)


def test_participants_do_not_see_the_pre_check(room: Room) -> None:
    at = page(room, "export", "participant")
    assert not at.exception
    assert t("dp.title", "fr") not in texts(at)


def test_the_facilitator_saves_the_proposed_plan_and_undo_brings_the_proposal_back(
    room: Room,
) -> None:
    at = page(room, "export", "facilitator")
    sid = at.selectbox(key="export_scenario").value
    assert t("plan.title", "fr") in texts(at)
    assert t("plan.proposed", "fr") in texts(at)
    at.button(key=f"decision_plan_save_{sid}").click().run()
    assert not at.exception
    assert t("plan.saved", "fr") in texts(at)
    saved = services.export_workshop(room.store, room.code, room.secret)
    plan = next(s for s in saved.scenarios if s.id == sid).action_plan
    assert plan and plan[0].kind == "council" and plan[-1].kind == "evaluation"
    assert all(step.due is None and step.budget == "" for step in plan)  # nothing made up
    assert t("plan.proposed", "fr") not in texts(at.run())
    services.undo(room.store, room.code, room.secret)
    assert t("plan.proposed", "fr") in texts(at.run())


def test_the_plans_start_and_durations_give_the_dates_and_undo_restores_them(
    room: Room,
) -> None:
    from datetime import date

    from selfdata.domain.workshop import ActionStep

    at = page(room, "export", "facilitator")
    sid = at.selectbox(key="export_scenario").value
    at.date_input(key=f"decision_plan_start_{sid}").set_value(date(2027, 1, 4)).run()
    at.button(key=f"decision_plan_save_{sid}").click().run()
    assert not at.exception
    saved = services.export_workshop(room.store, room.code, room.secret)
    scenario = next(s for s in saved.scenarios if s.id == sid)
    assert scenario.plan_start == date(2027, 1, 4)
    assert all(s.due is None for s in scenario.action_plan or [])  # no duration: to set
    steps = [
        ActionStep(task="Délibération", owner="Conseil (élus)", kind="council", weeks=6),
        ActionStep(task="Conventions", owner="Exécutif", kind="agreement", weeks=8, budget="0 €"),
    ]
    services.set_action_plan(room.store, room.code, room.secret, sid, steps, date(2027, 1, 4))
    saved = services.export_workshop(room.store, room.code, room.secret)
    plan = next(s for s in saved.scenarios if s.id == sid).action_plan or []
    assert [s.due for s in plan] == [date(2027, 2, 15), date(2027, 4, 12)]
    assert plan[1].budget == "0 €"
    services.undo(room.store, room.code, room.secret)
    saved = services.export_workshop(room.store, room.code, room.secret)
    again = next(s for s in saved.scenarios if s.id == sid)
    assert again.plan_start == date(2027, 1, 4) and all(
        s.due is None for s in again.action_plan or []
    )


def test_the_dossier_prints_the_saved_plan(room: Room) -> None:
    from datetime import date

    from selfdata.domain.workshop import ActionStep
    from selfdata.export import scenario_dossier

    workshop = services.export_workshop(room.store, room.code, room.secret)
    sid = workshop.scenarios[0].id
    services.set_action_plan(
        room.store,
        room.code,
        room.secret,
        sid,
        [
            ActionStep(
                task="Réunir le comité de pilotage", owner="Vice-présidence", due=date(2027, 3, 1)
            )
        ],
    )
    workshop = services.export_workshop(room.store, room.code, room.secret)
    import io

    from pypdf import PdfReader

    for lang, title, when in [
        ("fr", "Plan d’action", "1er mars 2027"),
        ("en", "Action plan", "1 March 2027"),
    ]:
        pdf = scenario_dossier(workshop, default_decks(), sid, lang)
        text = " ".join(
            "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split()
        )
        assert title in text and "Réunir le comité de pilotage" in text and when in text
        assert " ".join(t("plan.proposed", lang).split()) not in text


def test_the_vault_shows_the_citys_roles_and_its_conflict_and_the_facilitator_records_roles(
    room: Room,
) -> None:
    at = page(room, "export", "facilitator")
    sid = at.selectbox(key="export_scenario").value
    assert sid == "sc_metropole_ttp"
    assert at.multiselect(key=f"decision_city_roles_{sid}").value == [
        "data_holder",
        "innovation_support",
    ]
    warnings = " ".join(str(w.value) for w in at.warning)
    assert "détient les données, opère la plateforme et décide des droits" in warnings
    at.multiselect(key=f"decision_city_roles_{sid}").set_value(["democratic_organisation"])
    at.multiselect(key=f"decision_city_actors_{sid}").set_value(["metropole_rsa"])
    at.run()
    at.button(key=f"decision_city_save_{sid}").click().run()
    assert not at.exception
    assert t("city.saved", "fr") in texts(at)
    saved = services.export_workshop(room.store, room.code, room.secret)
    vault = next(s for s in saved.scenarios if s.id == sid)
    assert vault.city_roles == ["democratic_organisation"]
    assert vault.city_actors == ["metropole_rsa"]
    assert not [w for w in at.warning if "opère la plateforme" in str(w.value)]
