"""The second newcomer walk (issue 30): the refusals and rules a service decides."""

from __future__ import annotations

import pytest

from selfdata.app import services
from selfdata.domain.errors import InvalidInput, SelfDataError
from selfdata.store import Store
from tests.service_helpers import open_room


def _use_case(store: Store) -> tuple[object, str]:
    room = open_room(store)
    need, source = room.need(), room.source()
    case = services.create_use_case(
        store, room.code, room.secret, title="Suivre sa consommation", need=need, sources=[source]
    )
    return room, case


def _draft(case: str, title: str, residents: int = 100, months: int = 6) -> object:
    return services.ScenarioDraft(
        title=title,
        use_case=case,
        model="personal_cloud",
        residents=residents,
        duration_months=months,
    )


@pytest.mark.parametrize(
    ("holder", "lang", "named"),
    [("", "fr", "«\u202fQui la détient\u202f»"), ("", "en", "'Who holds it'")],
)
def test_a_refusal_names_the_field_as_the_form_labels_it_never_its_internal_name(
    store: Store, holder: str, lang: str, named: str
) -> None:
    room = open_room(store)
    token = room.join("Camille")
    with pytest.raises(SelfDataError) as refused:
        services.propose_source(
            store, room.code, token, draft=services.SourceDraft(title="Compteur", holder=holder)
        )
    message = refused.value.message(lang)
    assert named in message and "holder" not in message


def test_an_empty_title_is_named_title_in_words() -> None:
    assert InvalidInput("text.empty", field="title").message("fr") == (
        "Le champ «\u202fTitre\u202f» ne peut pas être vide."
    )


@pytest.mark.parametrize("title", ["Pilote", "  pilote ", "PILOTE", "Pi lote"])
def test_a_second_scenario_with_the_same_title_is_refused_ignoring_case_and_spaces(
    store: Store, title: str
) -> None:
    room, case = _use_case(store)
    services.create_scenario(store, room.code, room.secret, _draft(case, "Pilote"))
    if title == "Pi lote":  # another title: accepted
        services.create_scenario(store, room.code, room.secret, _draft(case, title))
        return
    with pytest.raises(InvalidInput) as refused:
        services.create_scenario(store, room.code, room.secret, _draft(case, title))
    assert refused.value.key == "scenario.duplicate_title"
    assert "«\u202f" in refused.value.message("fr")
    assert len(services.scenarios(store, room.code).scenarios) == 1


def test_renaming_a_scenario_to_another_s_title_is_refused_but_keeping_its_own_is_not(
    store: Store,
) -> None:
    room, case = _use_case(store)
    first = services.create_scenario(store, room.code, room.secret, _draft(case, "Pilote A"))
    services.create_scenario(store, room.code, room.secret, _draft(case, "Pilote B"))
    services.update_scenario(store, room.code, room.secret, first, _draft(case, "pilote a", 200))
    with pytest.raises(InvalidInput):
        services.update_scenario(store, room.code, room.secret, first, _draft(case, "Pilote  b"))


@pytest.mark.parametrize(("residents", "months"), [(0, 0), (0, 6), (100, 0)])
def test_a_scenario_for_no_resident_or_no_month_is_refused_with_a_message(
    store: Store, residents: int, months: int
) -> None:
    room, case = _use_case(store)
    with pytest.raises(InvalidInput) as refused:
        services.create_scenario(
            store, room.code, room.secret, _draft(case, "Pilote", residents, months)
        )
    assert "au moins un habitant" in refused.value.message("fr")
    assert services.scenarios(store, room.code).scenarios == ()


@pytest.mark.parametrize(
    ("weight", "lang", "shown"),
    [
        (2.4014, "fr", "environ 2,4"),
        (2.5, "fr", "2,5"),
        (5.5, "fr", "5,5"),
        (0.1534, "en", "about 0.15"),
        (3.0, "en", "3"),
    ],
)
def test_a_computed_weight_reads_as_a_facilitator_would_type_it(
    weight: float, lang: str, shown: str
) -> None:
    from selfdata.engines.ranking_summary import _about

    assert _about(weight, lang) == shown


@pytest.mark.pdf
def test_the_report_agrees_a_proposed_need_in_the_masculine_and_a_source_in_the_feminine(
    store: Store,
) -> None:
    import io

    from pypdf import PdfReader

    from selfdata.export import workshop_report
    from selfdata.files.loading import default_decks

    created = services.create_workshop(store, example="la_rochelle")
    token = services.join(store, created.code, "Camille").token
    services.set_step(store, created.code, created.secret, "needs")
    services.propose_need(
        store, created.code, token, draft=services.NeedDraft(title="Garer mon vélo")
    )
    workshop = services.workshop_snapshot(store, created.code)
    pdf = workshop_report(workshop, default_decks(), "fr")
    text = " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Garer mon vélo (proposé en atelier)" in text
    assert "(proposée en atelier)" not in text.split("Garer mon vélo", 1)[1][:30]


def test_the_readme_s_live_update_figures_are_the_code_s() -> None:
    """Issue 30: the README said both "pushed, 10 s safety net" and "the projector asks
    every second"; one paragraph now, each figure read from the code."""
    import re
    from pathlib import Path

    from selfdata.ui import live, push

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    paragraph = " ".join(readme.split("Live updates are pushed:", 1)[1].split("\n\n")[0].split())

    def seconds(after: str) -> float:
        found = re.search(re.escape(after) + r" ([\d.]+) s", paragraph)
        assert found is not None, after
        return float(found.group(1))

    assert seconds("watched workshop every") == push.PUSH_TICK_SECONDS
    assert seconds("at most once every") == live.SCREEN_REFRESH_SECONDS
    assert seconds("contributions at most every") == live.PARTICIPANT_REFRESH_SECONDS
    assert seconds("safety net (every") == live.SAFETY_POLL_SECONDS
    assert re.search(rf"{live.TABLET_SAFETY_POLL_SECONDS:g} s on a tablet\)", paragraph)
    assert seconds("it ticks every") == live.POLL_SECONDS
    assert re.search(rf"\({live.TABLET_POLL_SECONDS:g} s on a tablet\) to draw", paragraph)
    assert "asks every second" not in readme and "ask the store every second" not in readme
    assert "10 s (30 s on a tablet) as a safety net" in " ".join(readme.split())


@pytest.mark.storage
def test_erasure_keeps_a_need_others_voted_on_anonymised_the_rule_that_refuses_withdrawing_it(
    store: Store,
) -> None:
    """Issue 30: after the reveal, leaving removed a need with others' dots (15 → 10 dots)
    while "Retirer" on that need was refused. One rule now: it belongs to the group."""
    from selfdata.domain.errors import Conflict

    room = open_room(store)
    author, voter = room.join("Camille"), room.join("Dominique")
    need = room.need("Garer mon vélo", token=author)
    services.vote(store, room.code, author, need, 1)
    services.vote(store, room.code, voter, need, 1)
    services.vote(store, room.code, voter, need, 1)
    with pytest.raises(Conflict):
        services.withdraw_proposal(store, room.code, author, "need", need)
    services.leave_workshop(store, room.code, author)
    kept = next(n for n in services.workshop_snapshot(store, room.code).needs if n.id == need)
    assert kept.proposed_by is None
    board = services.needs_board(store, room.code, secret=room.secret)
    assert next(n for n in board.needs if n.id == need).total == 2  # the voter's, not the author's


@pytest.mark.storage
def test_erasure_deletes_a_need_only_its_author_voted_on(store: Store) -> None:
    room = open_room(store)
    author = room.join("Camille")
    need = room.need("Garer mon vélo", token=author)
    services.vote(store, room.code, author, need, 1)
    services.leave_workshop(store, room.code, author)
    assert need not in {n.id for n in services.workshop_snapshot(store, room.code).needs}
