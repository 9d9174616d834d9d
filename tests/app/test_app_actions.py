"""Widget actions reach the store: what one tablet does shows in another screen's read model."""

from __future__ import annotations

from selfdata.app import services
from selfdata.store import Store
from selfdata.ui.kept_secret import KEPT_KEY
from tests.app.conftest import PageRunner
from tests.app.room_helpers import Room, open_room, texts


def _needs_room(app_store: Store) -> Room:
    room = open_room(app_store, "la_rochelle")
    services.set_step(app_store, room.code, room.secret, "needs")
    return room


def test_a_dot_clicked_on_one_tablet_shows_on_the_facilitators_screen(
    app_store: Store, run_page: PageRunner
) -> None:
    room = _needs_room(app_store)
    need = services.needs_board(app_store, room.code).needs[0]
    before = services.needs_board(app_store, room.code, secret=room.secret).needs[0].total or 0
    tablet = run_page("needs", code=room.code, token=room.token)
    assert "5 / 5" in [m.value for m in tablet.metric]
    tablet.button(key=f"needs_vote_{need.id}").click().run()
    assert "4 / 5" in [m.value for m in tablet.metric]
    mine = services.needs_board(app_store, room.code, room.token).needs[0]
    assert mine.my_dots == 1
    facilitator = run_page("needs", code=room.code, secret=room.secret)
    title = need.card.title.fr if need.card else need.id
    assert f"Gommettes\u202f: {before + 1} ·" in texts(facilitator)
    assert services.needs_board(app_store, room.code, secret=room.secret).needs[0].total == (
        before + 1
    )
    assert title in texts(facilitator)


def test_a_dot_beyond_the_cap_is_refused_with_a_message_and_changes_nothing(
    app_store: Store, run_page: PageRunner
) -> None:
    room = _needs_room(app_store)
    need = services.needs_board(app_store, room.code).needs[0].id
    tablet = run_page("needs", code=room.code, token=room.token)
    stale = run_page("needs", code=room.code, token=room.token)  # a second tab, not redrawn
    for _ in range(3):
        tablet.button(key=f"needs_vote_{need}").click().run()
    assert services.needs_board(app_store, room.code, room.token).needs[0].my_dots == 3
    assert tablet.button(key=f"needs_vote_{need}").disabled, "at the cap, +1 is off"
    stale.button(key=f"needs_vote_{need}").click().run()  # drawn before the cap: refused
    assert services.needs_board(app_store, room.code, room.token).needs[0].my_dots == 3
    assert any("Au plus 3 gommettes" in str(e.value) for e in stale.toast), "where the finger is"
    assert not any("Au plus 3 gommettes" in e.value for e in stale.error), "shown once"


def test_a_locked_room_disables_the_dot_buttons(app_store: Store, run_page: PageRunner) -> None:
    room = _needs_room(app_store)
    services.set_locked(app_store, room.code, room.secret, True)
    tablet = run_page("needs", code=room.code, token=room.token)
    need = services.needs_board(app_store, room.code).needs[0].id
    assert tablet.button(key=f"needs_vote_{need}").disabled


def test_a_participant_proposes_a_need_that_everyone_then_sees(
    app_store: Store, run_page: PageRunner
) -> None:
    room = _needs_room(app_store)
    tablet = run_page("needs", code=room.code, token=room.token)
    tablet.text_input(key="needs_new_title").input("Savoir quand passe le bus")
    tablet.button(key="FormSubmitter:needs_propose_form-Proposer").click().run()
    titles = [n.card.title.fr for n in services.needs_board(app_store, room.code).needs if n.card]
    assert "Savoir quand passe le bus" in titles
    other = run_page("needs", code=room.code, token=room.join("Autre"))
    assert "Savoir quand passe le bus" in texts(other)


def test_joining_from_home_puts_the_token_in_the_address_and_restores_the_identity(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store, "nantes")
    home = run_page("home", code=room.code)
    offered = home.text_input(key="home_pseudonym").value
    assert offered, "a friendly pseudonym is offered"
    home.text_input(key="home_pseudonym").input("Renard rêveur")
    home.button(key="FormSubmitter:home_join_form-Rejoindre").click().run()
    token = home.query_params.get("token")
    assert token and home.query_params.get("code") == room.code
    names = [p.pseudonym for p in services.participants(app_store, room.code).participants]
    assert "Renard rêveur" in names
    # The tablet slept: the same address opens the same identity.
    again = run_page("needs", code=room.code, token=token)
    assert "Vous êtes Renard rêveur" in texts(again)


def test_creating_a_workshop_from_an_example_gives_a_facilitator_link_and_a_join_code(
    app_store: Store, run_page: PageRunner
) -> None:
    home = run_page("home")
    home.selectbox(key="home_example").set_value("grand_lyon")
    home.button(key="FormSubmitter:home_create_form-Créer l’atelier").click().run()
    code = home.query_params.get("code")
    assert code and "secret" not in home.query_params, "the address bar shows no secret"
    secret = home.session_state[KEPT_KEY][code]  # this tab keeps it (a mirrored laptop)
    assert services.credential_check(app_store, code, secret=secret).facilitator
    assert secret not in str([c.value for c in home.code]), "secret hidden unless asked"
    buttons = [b.proto.url for b in home.get("link_button")]
    assert f"http://atelier.example:8501/?code={code}" in buttons
    assert f"http://atelier.example:8501/projection?code={code}&view=projection" in buttons
    home.toggle(key="home_show_private").set_value(True).run()
    links = [c.value for c in home.code]
    assert f"http://atelier.example:8501/console?code={code}&secret={secret}" in links
    from selfdata.files.loading import SCENARIOS_DIR, load_workshop

    example = load_workshop(SCENARIOS_DIR / "grand_lyon.yaml")
    assert services.room_state(app_store, code).title == example.title


def test_a_blank_workshop_needs_a_title_and_a_territory(
    app_store: Store, run_page: PageRunner
) -> None:
    home = run_page("home")
    home.button(key="FormSubmitter:home_create_form-Créer l’atelier").click().run()
    assert "secret" not in home.query_params
    assert home.error, "the refusal is shown"
    home.text_input(key="home_title").input("Atelier eau")
    home.text_input(key="home_territory").input("Niort")
    home.button(key="FormSubmitter:home_create_form-Créer l’atelier").click().run()
    code = home.query_params.get("code")
    assert code and services.room_state(app_store, code).title == "Atelier eau"


def test_the_console_drives_step_lock_reveal_timer_and_undo(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store, "la_rochelle")
    console = run_page("console", code=room.code, secret=room.secret)
    console.button(key="console_step_needs").click().run()
    assert services.room_state(app_store, room.code).step == "needs"
    assert console.button(key="console_step_needs").disabled, "the current step is shown as such"
    assert not console.button(key="console_step_inventory").disabled
    console.button(key="console_lock").click().run()
    assert services.room_state(app_store, room.code).locked
    console.button(key="console_undo").click().run()
    assert not services.room_state(app_store, room.code).locked
    revealed = "needs" in services.room_state(app_store, room.code).revealed
    console.button(key="console_reveal").click().run()
    assert ("needs" in services.room_state(app_store, room.code).revealed) is not revealed
    console.number_input(key="console_timer_minutes").set_value(2)
    console.button(key="console_timer_start").click().run()
    state = services.room_state(app_store, room.code)
    assert state.timer_remaining is not None and 100 < state.timer_remaining <= 120
    assert "la saisie se verrouille" in texts(console)
    console.button(key="console_timer_stop").click().run()
    assert services.room_state(app_store, room.code).timer_end is None


def test_the_console_hides_a_participants_contribution(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store, "la_rochelle")
    room.at("needs")
    need = services.propose_need(
        app_store, room.code, room.token, draft=services.NeedDraft(title="Hors sujet")
    )
    console = run_page("console", code=room.code, secret=room.secret)
    console.button(key=f"console_hide_need_{need}").click().run()
    everyone = services.needs_board(app_store, room.code, secret=room.secret).needs
    assert next(n for n in everyone if n.id == need).hidden
    assert "Hors sujet" not in texts(run_page("needs", code=room.code, token=room.join("Zoé")))


def test_the_inventory_filters_the_deck_and_a_participant_puts_a_card_on_the_table(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store, "nantes")
    room.at("inventory")  # where the room puts data sources on the table
    tablet = run_page("inventory", code=room.code, token=room.token)
    tablet.multiselect(key="inventory_f_sens").set_value(["special"]).run()
    shown = texts(tablet)
    assert "catégorie particulière" in shown
    on_table = {s.id for s in services.inventory(app_store, room.code).sources}
    add = [b for b in tablet.button if b.key and b.key.startswith("inventory_add_")]
    candidates = [b for b in add if b.key.removeprefix("inventory_add_") not in on_table]
    assert candidates
    card = candidates[0].key.removeprefix("inventory_add_")
    candidates[0].click().run()
    assert card in {s.id for s in services.inventory(app_store, room.code).sources}


def test_the_facilitator_sets_a_source_aside(app_store: Store, run_page: PageRunner) -> None:
    room = open_room(app_store, "la_rochelle")
    first = services.inventory(app_store, room.code).sources[0]
    page = run_page("inventory", code=room.code, secret=room.secret)
    page.button(key=f"inventory_select_{first.id}").click().run()
    after = services.inventory(app_store, room.code).sources[0]
    assert after.selected is not first.selected


def test_the_use_case_matrix_shows_scores_with_reasons_and_names_a_use_case(
    app_store: Store, run_page: PageRunner
) -> None:
    import json

    room = open_room(app_store, "la_rochelle")
    page = run_page("use_cases", code=room.code, secret=room.secret)
    chart = page.get("plotly_chart")[0]
    spec = json.loads(chart.proto.spec)
    heat = spec["data"][0]
    assert heat["type"] == "heatmap" and heat["colorscale"]
    hover = heat["text"]
    assert any("Score" in cell and "facilité" in cell for row in hover for cell in row)
    before = len(services.use_cases(app_store, room.code).use_cases)
    page.text_input(key="use_cases_title").input("Mon trajet le moins cher")
    page.button(key="FormSubmitter:use_cases_create_form-Créer le cas d’usage").click().run()
    cases = services.use_cases(app_store, room.code).use_cases
    assert len(cases) == before + 1
    assert cases[-1].title == "Mon trajet le moins cher" and cases[-1].sources


GOVERNANCE_SAVE = "FormSubmitter:governance_answers_form-Enregistrer les réponses"


def test_governance_answers_and_choice_are_recorded_by_the_facilitator(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store, "grand_lyon")
    case = services.use_cases(app_store, room.code).use_cases[0]
    page = run_page("governance", code=room.code, secret=room.secret)
    assert len(page.get("plotly_chart")) == 1
    key = f"governance_q_{case.id}_holders"
    page.radio(key=key).set_value("one").run()
    assert services.use_cases(app_store, room.code).use_cases[0].governance_answers == (
        case.governance_answers
    ), "choosing an answer records nothing until it is saved"
    page.radio(key=key).set_value("one")
    page.button(key=GOVERNANCE_SAVE).click().run()
    after = services.use_cases(app_store, room.code).use_cases[0]
    assert after.governance_answers == {**case.governance_answers, "holders": "one"}
    assert "Réponses enregistrées (modifications\u202f: 1)." in texts(page)
    page.selectbox(key=f"governance_model_{case.id}").set_value("data_cooperative")
    page.button(key="FormSubmitter:governance_choice_form-Confirmer le choix").click().run()
    assert services.use_cases(app_store, room.code).use_cases[0].governance_choice == (
        "data_cooperative"
    )
    assert "Modèle retenu\u202f: Coopérative de données" in texts(page)


def _questions() -> list[str]:
    from selfdata.files.loading import default_decks

    return [q.id for q in default_decks().governance_questions]


def test_saving_the_questionnaire_records_only_what_was_changed_on_this_screen(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store, "grand_lyon")
    case = services.use_cases(app_store, room.code).use_cases[0]
    first, second = _questions()[:2]
    page = run_page("governance", code=room.code, secret=room.secret)
    # Another tab answers the second question after this form was drawn.
    services.set_governance_answers(app_store, room.code, room.secret, case.id, {second: None})
    elsewhere = services.use_cases(app_store, room.code).use_cases[0].governance_answers
    log = services.audit_log(app_store, room.code, room.secret)
    page.radio(key=f"governance_q_{case.id}_{first}").set_value(None)
    page.button(key=GOVERNANCE_SAVE).click().run()
    after = services.use_cases(app_store, room.code).use_cases[0].governance_answers
    assert after == {k: v for k, v in elsewhere.items() if k != first}
    logged = services.audit_log(app_store, room.code, room.secret)
    new = logged[: len(logged) - len(log)]
    assert [(e.action, e.detail["answers"]) for e in new] == [
        ("set_governance_answers", {first: None})
    ]
    assert page.radio(key=f"governance_q_{case.id}_{second}").value is None, (
        "the form now shows the other tab's answer"
    )


def test_redrawing_the_questionnaire_never_writes_an_answer(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store, "grand_lyon")
    case = services.use_cases(app_store, room.code).use_cases[0]
    page = run_page("governance", code=room.code, secret=room.secret)
    log = services.audit_log(app_store, room.code, room.secret)
    services.set_governance_answers(
        app_store, room.code, room.secret, case.id, {_questions()[0]: None}
    )
    stored = services.use_cases(app_store, room.code).use_cases[0].governance_answers
    for _ in range(4):
        page.run()
        assert not page.exception
    assert services.use_cases(app_store, room.code).use_cases[0].governance_answers == stored
    assert len(services.audit_log(app_store, room.code, room.secret)) == len(log) + 1
    page.button(key=GOVERNANCE_SAVE).click().run()
    assert services.use_cases(app_store, room.code).use_cases[0].governance_answers == stored
    assert len(services.audit_log(app_store, room.code, room.secret)) == len(log) + 1
    assert "Aucune réponse n’a changé\u202f: rien à enregistrer." in texts(page)


def test_the_console_never_changes_the_step_without_a_click(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store, "la_rochelle")
    console = run_page("console", code=room.code, secret=room.secret)
    # The step moves from another tab (or an undo) while this console stays open.
    services.set_step(app_store, room.code, room.secret, "use_cases")
    log = services.audit_log(app_store, room.code, room.secret)
    for _ in range(5):
        console.run()
        assert not console.exception
        assert services.room_state(app_store, room.code).step == "use_cases"
        assert console.button(key="console_step_use_cases").disabled
    # No choice widget holds the step, so no value resent by the browser (stale state, a
    # fallback to the first option) can move the room: only a button click does.
    choices = [*console.radio, *console.selectbox, *console.get("segmented_control")]
    assert "use_cases" not in [w.value for w in choices]
    # Widgets touched without a step click (a redraw resending their values) move nothing.
    console.number_input(key="console_timer_minutes").set_value(3).run()
    assert services.room_state(app_store, room.code).step == "use_cases"
    assert services.audit_log(app_store, room.code, room.secret) == log
    console.button(key="console_step_inventory").click().run()
    assert services.room_state(app_store, room.code).step == "inventory"
    after = services.audit_log(app_store, room.code, room.secret)
    assert len(after) == len(log) + 1
    assert (after[0].action, after[0].detail) == ("set_step", {"step": "inventory"})


def _sources_shown(page: object) -> list[str]:
    boxes = [m for m in page.multiselect if m.key and m.key.startswith("use_cases_sources")]  # type: ignore[attr-defined]
    assert len(boxes) == 1
    return list(boxes[0].value)


def test_picking_another_need_after_a_use_case_prefills_that_needs_sources(
    app_store: Store, run_page: PageRunner
) -> None:
    """Issue 14: the pre-filled sources kept the previous need's (water got electricity)."""
    room = open_room(app_store, "la_rochelle")
    fresh = run_page("use_cases", code=room.code, secret=room.secret)
    needs = fresh.selectbox(key="use_cases_need").options
    suggestions = {}
    for need in needs:
        fresh.selectbox(key="use_cases_need").set_value(need).run()
        suggestions[need] = _sources_shown(fresh)
    first, second = next((a, b) for a in needs for b in needs if suggestions[a] != suggestions[b])
    page = run_page("use_cases", code=room.code, secret=room.secret)
    page.selectbox(key="use_cases_need").set_value(first).run()
    assert _sources_shown(page) == suggestions[first]
    page.text_input(key="use_cases_title").input("Pour le premier besoin")
    page.button(key="FormSubmitter:use_cases_create_form-Créer le cas d’usage").click().run()
    assert services.use_cases(app_store, room.code).use_cases[-1].sources == suggestions[first]
    page.selectbox(key="use_cases_need").set_value(second).run()
    assert not page.exception
    assert _sources_shown(page) == suggestions[second]


def _in_order(node: object) -> list[object]:
    """Every element under ``node``, in the order the page draws them."""
    children = getattr(node, "children", None)
    if not isinstance(children, dict):
        return [node]
    return [e for key in sorted(children) for e in _in_order(children[key])]


def test_the_facilitators_need_picker_comes_before_the_matrix_and_the_list(
    app_store: Store, run_page: PageRunner
) -> None:
    """Issue 14: the need picker was 2,000 px down the page, below the matrix and the list;
    each pick began with a scroll, which closes a drop-down list opened before the page
    handled it. The form is drawn first (tests/e2e/test_use_case_sources.py: in view)."""
    room = open_room(app_store, "la_rochelle")
    page = run_page("use_cases", code=room.code, secret=room.secret)
    drawn = _in_order(page.main)
    kinds = [getattr(e, "type", "") for e in drawn]
    picker = next(i for i, e in enumerate(drawn) if getattr(e, "key", None) == "use_cases_need")
    assert picker < kinds.index("plotly_chart")
    assert any(k == "button" for k in kinds[kinds.index("plotly_chart") :])  # list after


def test_french_multiselects_have_a_french_placeholder(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store, "nantes")
    for name, params in [
        ("inventory", {"token": room.token}),
        ("use_cases", {"secret": room.secret}),
    ]:
        page = run_page(name, code=room.code, **params)
        assert page.multiselect
        for box in page.multiselect:
            assert box.proto.placeholder == "Choisir…", (name, box.key)


def test_undo_names_what_it_will_undo_before_and_what_it_undid_after(
    app_store: Store, run_page: PageRunner
) -> None:
    """Issue 14: four blind undos reverted steps and hid the ranking without a word."""
    room = open_room(app_store, "la_rochelle")
    services.set_revealed(app_store, room.code, room.secret, "scenarios", False)
    services.set_step(app_store, room.code, room.secret, "needs")
    console = run_page("console", code=room.code, secret=room.secret)
    console.button(key="console_step_scenarios").click().run()
    console.button(key="console_reveal").click().run()
    assert "scenarios" in services.room_state(app_store, room.code).revealed
    assert console.button(key="console_undo").label == "Annuler\u00a0: la révélation du classement"
    console.button(key="console_undo").click().run()
    assert "scenarios" not in services.room_state(app_store, room.code).revealed
    assert [s.value for s in console.success] == ["Annulé\u00a0: la révélation du classement."]
    assert console.button(key="console_undo").label == (
        "Annuler\u00a0: le passage à l’étape «\u00a0Scénarios\u00a0»"
    )
    english = run_page("console", code=room.code, secret=room.secret, lang="en")
    assert english.button(key="console_undo").label == "Undo: the move to the “Scenarios” step"
    english.button(key="console_undo").click().run()
    assert [s.value for s in english.success] == ["Undone: the move to the “Scenarios” step."]


def test_card_details_show_labelled_translated_fields_not_raw_ones(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store, "la_rochelle")
    page = run_page("inventory", code=room.code, secret=room.secret)
    shown = texts(page)
    assert "Statut du détenteur" in shown and "Portabilité RGPD" in shown
    for raw in ("holder_kind", "`portability`", "True", "False", "public_utility"):
        assert raw not in shown, raw


def test_a_need_card_says_for_whom_in_plain_words(app_store: Store, run_page: PageRunner) -> None:
    room = open_room(app_store, "la_rochelle")
    page = run_page("needs", code=room.code, token=room.token)
    shown = texts(page)
    assert "Pour qui (un habitant type)" in shown
    assert "👤" not in shown


def test_a_tie_nobody_broke_shows_choose_and_confirms_nothing(
    app_store: Store, run_page: PageRunner
) -> None:
    """The walk's G1: with no answer, every model fits at 50/100; the drop-down showed the
    first of the tie as if it were the best fit, and one click recorded it as the group's."""
    room = open_room(app_store, "grand_lyon")
    first = services.use_cases(app_store, room.code).use_cases[0]
    case_id = services.create_use_case(
        app_store,
        room.code,
        room.secret,
        title="Un cas sans réponses",
        need=first.need,
        sources=list(first.sources),
    )
    page = run_page("governance", code=room.code, secret=room.secret)
    page.selectbox(key="governance_case").set_value(case_id).run()
    key = f"governance_model_{case_id}"
    assert page.selectbox(key=key).value is None, "no model pre-selected from a tie"
    page.button(key="FormSubmitter:governance_choice_form-Confirmer le choix").click().run()
    assert not page.exception
    case = next(c for c in services.use_cases(app_store, room.code).use_cases if c.id == case_id)
    assert case.governance_choice is None, "nothing saved"
    assert "Choisissez d’abord un modèle" in texts(page)
