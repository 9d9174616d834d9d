"""Tables on screen: the console's section, the join page's choice, the tablet's badge, the
table screen (``view=projection&table=<id>``) and the plenary view (``table=all``)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from selfdata.app import services
from selfdata.store import Store
from tests.app.conftest import PageRunner
from tests.app.outcome_pages import figures
from tests.app.room_helpers import Room, raw_texts, texts


@dataclass(frozen=True)
class Split:
    room: Room
    a: str
    b: str
    alice: str
    bob: str
    need: str
    """A shared need: Alice gives it 2 dots, Bob none."""
    other: str
    """Another shared need: Bob gives it 3 dots."""


@pytest.fixture
def split(app_store: Store, room: Room) -> Split:
    a = services.create_table(app_store, room.code, room.secret, "Les Lilas")
    b = services.create_table(app_store, room.code, room.secret, "Les Tilleuls")
    alice = services.join(app_store, room.code, "Alice", table=a).token
    bob = services.join(app_store, room.code, "Bob", table=b).token
    board = services.needs_board(app_store, room.code, secret=room.secret).needs
    need, other = board[0].id, board[1].id
    services.set_vote_settings(app_store, room.code, room.secret, budget=5, cap=3)
    room.at("needs")  # the dots at the needs step, then the room goes on to the scenarios
    services.vote(app_store, room.code, alice, need, 2)
    services.vote(app_store, room.code, bob, other, 3)
    room.at("scenarios")
    return Split(room, a, b, alice, bob, need, other)


def test_the_console_creates_a_table_with_a_name_and_a_colour(
    app_store: Store, room: Room, run_page: PageRunner
) -> None:
    console = run_page("console", code=room.code, secret=room.secret)
    assert "Aucune table" in texts(console)
    console.text_input(key="console_table_name").input("Les Lilas")
    console.selectbox(key="console_table_colour").set_value(2)
    console.button(key="FormSubmitter:console_tables_form-Créer la table").click().run()
    assert services.tables(app_store, room.code) == (
        services.TableInfo(services.tables(app_store, room.code)[0].id, "Les Lilas", 2),
    )
    assert not console.exception


def test_the_console_lists_each_tables_progress_and_links_its_screens(
    split: Split, run_page: PageRunner
) -> None:
    room = split.room
    console = run_page("console", code=room.code, secret=room.secret)
    assert not console.exception
    (frame,) = [d.value for d in console.dataframe if "Gommettes posées" in d.value.columns]
    rows = frame.to_dict("records")
    assert rows[0]["Table"] == "Les Lilas" and rows[0]["Gommettes posées"] == 2
    assert rows[1]["Table"] == "Les Tilleuls" and rows[1]["Gommettes posées"] == 3
    assert rows[2]["Table"] == "Sans table"  # the example's « Testeur » joined before
    links = [b.proto.url for b in console.get("link_button")]
    assert any(f"table={split.a}" in url and "view=projection" in url for url in links)
    assert any("table=all" in url for url in links)


def test_the_console_seats_a_participant_and_a_bad_name_is_refused_clearly(
    app_store: Store, split: Split, run_page: PageRunner
) -> None:
    room = split.room
    console = run_page("console", code=room.code, secret=room.secret)
    tester = services.whoami(app_store, room.code, room.token).id
    seat = [s for s in console.selectbox if s.label == "Participant"][0]
    seat.set_value(tester)
    [s for s in console.selectbox if s.label == "À la table"][0].set_value(split.b)
    console.button(key="FormSubmitter:console_seat_form-Placer").click().run()
    assert services.whoami(app_store, room.code, room.token).table.id == split.b  # type: ignore[union-attr]
    console.text_input(key="console_table_name").input("les lilas")
    console.button(key="FormSubmitter:console_tables_form-Créer la table").click().run()
    assert "Une table s’appelle déjà" in texts(console)
    assert len(services.tables(app_store, room.code)) == 2


def test_joining_offers_the_tables_as_a_radio_and_seats_the_participant(
    app_store: Store, split: Split, run_page: PageRunner
) -> None:
    room = split.room
    home = run_page("home", code=room.code)
    choice = home.radio(key="home_table")
    assert choice.options == ["Les Lilas", "Les Tilleuls"] and choice.value is None
    home.text_input(key="home_pseudonym").input("Carole")
    choice.set_value(split.b)
    home.button(key="FormSubmitter:home_join_form-Rejoindre").click().run()
    token = home.query_params["token"]
    token = token[0] if isinstance(token, list) else token
    assert services.whoami(app_store, room.code, token).table.name == "Les Tilleuls"  # type: ignore[union-attr]


def test_a_room_without_tables_offers_no_table_choice(room: Room, run_page: PageRunner):
    home = run_page("home", code=room.code)
    assert not [r for r in home.radio if r.key == "home_table"]


def test_a_tablet_shows_its_table_name_on_its_colour(split: Split, run_page: PageRunner):
    needs = run_page("needs", code=split.room.code, token=split.alice)
    badges = [h.proto.body for h in needs.get("html") if "sd-table-badge" in h.proto.body]
    assert badges and "Les Lilas" in badges[0] and "#0072B2" in badges[0]


def test_a_tablet_sees_the_room_needs_and_its_tables_only(
    app_store: Store, split: Split, run_page: PageRunner
) -> None:
    split.room.at("needs")
    own = services.propose_need(
        app_store, split.room.code, split.bob, draft=services.NeedDraft(title="Bancs du square")
    )
    assert own
    assert "Bancs du square" in texts(run_page("needs", code=split.room.code, token=split.bob))
    assert "Bancs du square" not in texts(
        run_page("needs", code=split.room.code, token=split.alice)
    )


def test_a_table_screen_shows_that_tables_votes_only(
    app_store: Store, split: Split, run_page: PageRunner
) -> None:
    room = split.room
    services.set_step(app_store, room.code, room.secret, "needs")
    services.set_revealed(app_store, room.code, room.secret, "needs", True)
    wall = run_page("projection", code=room.code, view="projection", table=split.a)
    assert not wall.exception
    assert any("Les Lilas" in h.proto.body for h in wall.get("html"))
    (figure,) = figures(wall)
    assert sorted(v for v in figure["data"][0]["x"] if v) == [2]  # Alice's 2 dots only
    assert {m.label: m.value for m in wall.metric}["Gommettes de la table"] == "2"
    other = run_page("projection", code=room.code, view="projection", table=split.b)
    (figure,) = figures(other)
    assert sorted(v for v in figure["data"][0]["x"] if v) == [3]


def test_an_unknown_table_screen_says_so(split: Split, run_page: PageRunner) -> None:
    wall = run_page("projection", code=split.room.code, view="projection", table="nope")
    assert not wall.exception
    assert "Cette table n’existe pas" in texts(wall)


def test_the_plenary_waits_for_the_reveal(
    app_store: Store, split: Split, run_page: PageRunner
) -> None:
    for step in ("needs", "scenarios"):
        services.set_revealed(app_store, split.room.code, split.room.secret, step, False)
    wall = run_page("projection", code=split.room.code, view="projection", table="all")
    assert not wall.exception
    assert "pas encore révélé" in texts(wall)
    assert not figures(wall)


def test_the_plenary_compares_the_tables_votes_and_their_agreement(
    app_store: Store, split: Split, run_page: PageRunner
) -> None:
    room = split.room
    services.set_revealed(app_store, room.code, room.secret, "needs", True)
    # the room is on the scenarios step: the plenary shows the votes once steered to them
    services.set_projection(app_store, room.code, room.secret, plenary="needs")
    wall = run_page("projection", code=room.code, view="projection", table="all", lang="en")
    assert not wall.exception
    shown = texts(wall)
    assert "Plenary: the tables compared" in shown and "Votes per table" in shown
    assert "Les Lilas and Les Tilleuls: Kendall's τ" in shown
    assert "The tables are split on:" in shown  # in plain words, above the chart
    figure = [f for f in figures(wall) if f["data"][0]["type"] == "bar"][0]
    names = [trace["name"] for trace in figure["data"]]
    assert names == ["Les Lilas", "Les Tilleuls"]
    lilas, tilleuls = figure["data"]
    assert sum(lilas["x"]) == 2 and sum(tilleuls["x"]) == 3
    assert any("(2)" in label for label in lilas["y"])  # the whole room's total per need
    assert figure["layout"]["legend"]["font"]["size"] >= 24  # readable from the back


def test_the_plenary_shows_each_tables_ranking_and_the_overall_one(
    app_store: Store, split: Split, run_page: PageRunner
) -> None:
    room = split.room
    scenarios = services.scenarios(app_store, room.code).scenarios
    first, second = scenarios[0].id, scenarios[1].id
    for token, good in ((split.alice, first), (split.bob, second)):
        for sid in (first, second):
            services.rate(
                app_store, room.code, token, sid, "resident_benefit", 5 if sid == good else 1
            )
    services.set_revealed(app_store, room.code, room.secret, "scenarios", True)
    wall = run_page("projection", code=room.code, view="projection", table="all")
    assert not wall.exception
    assert "Classement par table" in texts(wall)
    grid = [f for f in figures(wall) if f["data"][0]["type"] == "heatmap"][0]
    assert grid["data"][0]["x"] == ["Toute la salle", "Les Lilas", "Les Tilleuls"]
    assert "Accord entre les tables" in raw_texts(wall)


def test_a_table_screen_on_the_scenarios_step_lists_that_tables_ranking(
    app_store: Store, split: Split, run_page: PageRunner
) -> None:
    room = split.room
    scenarios = services.scenarios(app_store, room.code).scenarios
    first, second = scenarios[0], scenarios[1]
    for sid in (first.id, second.id):
        value = 5 if sid == second.id else 1
        services.rate(app_store, room.code, split.alice, sid, "resident_benefit", value)
    services.set_step(app_store, room.code, room.secret, "scenarios")
    services.set_revealed(app_store, room.code, room.secret, "scenarios", True)
    wall = run_page("projection", code=room.code, view="projection", table=split.a)
    assert not wall.exception
    shown = texts(wall)
    assert f"1. {second.title}" in shown and f"2. {first.title}" in shown


def test_a_use_case_is_created_for_a_table_from_its_page(
    app_store: Store, split: Split, run_page: PageRunner
) -> None:
    room = split.room
    page = run_page("use_cases", code=room.code, secret=room.secret)
    assert not page.exception
    page.text_input(key="use_cases_title").input("Cas des Lilas")
    page.selectbox(key="use_cases_table").set_value(split.a)
    page.button(key="FormSubmitter:use_cases_create_form-Créer le cas d’usage").click().run()
    made = [
        u for u in services.use_cases(app_store, room.code).use_cases if u.title == "Cas des Lilas"
    ]
    assert made and made[0].table == split.a
    assert "Table Les Lilas" in texts(page)


def test_a_tablet_rates_only_the_scenarios_of_the_room_and_its_table(
    app_store: Store, split: Split, run_page: PageRunner
) -> None:
    room = split.room
    view = services.scenarios(app_store, room.code)
    source = view.use_cases[0].sources[0]
    case = services.create_use_case(
        app_store,
        room.code,
        room.secret,
        title="Cas B",
        need=split.other,
        sources=[source],
        table=split.b,
    )
    services.create_scenario(
        app_store,
        room.code,
        room.secret,
        services.ScenarioDraft(
            residents=100,
            duration_months=6,
            title="Pilote des Tilleuls",
            use_case=case,
            model="personal_cloud",
        ),
    )
    services.set_step(app_store, room.code, room.secret, "scenarios")
    alice = run_page("scenarios", code=room.code, token=split.alice)
    bob = run_page("scenarios", code=room.code, token=split.bob)
    assert not alice.exception and not bob.exception
    picks = {
        name: [o for s in page.selectbox for o in s.options]
        for name, page in (("alice", alice), ("bob", bob))
    }
    assert "Pilote des Tilleuls" in picks["bob"]
    assert "Pilote des Tilleuls" not in picks["alice"]


def test_the_console_removes_a_table_and_its_people_stay_unseated(
    app_store: Store, split: Split, run_page: PageRunner
) -> None:
    room = split.room
    console = run_page("console", code=room.code, secret=room.secret)
    assert "ses besoins et ses cas d’usage deviennent ceux de toute la salle" in texts(console)
    console.button(key=f"console_table_remove_{split.b}").click().run()
    assert not console.exception
    assert [x.name for x in services.tables(app_store, room.code)] == ["Les Lilas"]
    assert services.whoami(app_store, room.code, split.bob).table is None


@pytest.mark.parametrize("step", ["use_cases", "governance"])
def test_a_table_screen_lists_the_room_use_cases_and_its_tables_not_the_others(
    app_store: Store, split: Split, run_page: PageRunner, step: str
) -> None:
    room = split.room
    need = split.need
    source = services.inventory(app_store, room.code).sources[0].id
    for title, table in (("Cas de la salle", None), ("Cas des Lilas", split.a)):
        services.create_use_case(
            app_store, room.code, room.secret, title=title, need=need, sources=[source], table=table
        )
    services.create_use_case(
        app_store,
        room.code,
        room.secret,
        title="Cas des Tilleuls",
        need=need,
        sources=[source],
        table=split.b,
    )
    services.set_step(app_store, room.code, room.secret, step)
    services.set_revealed(app_store, room.code, room.secret, step, True)
    everyone = {u.title for u in services.use_cases(app_store, room.code).use_cases} - {
        "Cas des Lilas",
        "Cas des Tilleuls",
    }
    wall = run_page("projection", code=room.code, view="projection", table=split.a)
    assert not wall.exception
    shown = raw_texts(wall)
    assert "Cas de la salle" in shown and "Cas des Lilas" in shown
    assert "Cas des Tilleuls" not in shown
    counted = {m.label: m.value for m in wall.metric}
    assert counted["Cas d’usage"] == str(len(everyone) + 1)
    room_wall = run_page("projection", code=room.code, view="projection")
    assert "Cas des Tilleuls" in raw_texts(room_wall)


def test_the_console_participant_list_says_each_persons_table(
    app_store: Store, split: Split, run_page: PageRunner
) -> None:
    room = split.room
    services.set_pseudonyms_shown(app_store, room.code, room.secret, True)
    console = run_page("console", code=room.code, secret=room.secret)
    assert not console.exception
    (frame,) = [d.value for d in console.dataframe if "Propositions" in d.value.columns]
    seats = dict(zip(frame["Pseudonyme"], frame["Table"], strict=True))
    assert seats["Alice"] == "Les Lilas" and seats["Bob"] == "Les Tilleuls"
    assert seats["Testeur"] == "Sans table"


def test_a_room_without_tables_lists_participants_without_a_table_column(
    room: Room, run_page: PageRunner
) -> None:
    console = run_page("console", code=room.code, secret=room.secret)
    (frame,) = [d.value for d in console.dataframe if "Propositions" in d.value.columns]
    assert "Table" not in frame.columns


def test_the_plenary_is_steered_from_the_console_and_says_its_comparison_first(
    app_store: Store, split: Split, run_page: PageRunner
) -> None:
    room = split.room
    for step in ("needs", "scenarios"):
        services.set_revealed(app_store, room.code, room.secret, step, True)
    console = run_page("console", code=room.code, secret=room.secret, lang="en")
    assert "The plenary (tables) shows" in texts(console)
    console.button(key="wall_plenary_needs").click().run()
    assert services.room_state(app_store, room.code).projector.plenary == "needs"
    wall = run_page("projection", code=room.code, view="projection", table="all", lang="en")
    shown = texts(wall)
    assert "Votes per table" in shown and "Ranking per table" not in shown
    words = shown.index("The tables are split on:")
    assert words < shown.index("Les Lilas and Les Tilleuls: ")  # the plain words first
    with pytest.raises(services.Forbidden):
        services.set_projection(app_store, room.code, split.alice, plenary="scenarios")
    with pytest.raises(services.InvalidInput):
        services.set_projection(app_store, room.code, room.secret, plenary="everything")
    console.button(key="wall_plenary_scenarios").click().run()
    wall = run_page("projection", code=room.code, view="projection", table="all", lang="en")
    shown = texts(wall)
    assert "Ranking per table" in shown and "Votes per table" not in shown


def test_the_plenary_follows_the_step_by_default() -> None:
    from selfdata.ui.tables_view import plenary_part

    assert plenary_part("needs", "auto", True, True) == "needs"
    assert plenary_part("scenarios", "auto", True, True) == "scenarios"
    assert plenary_part("scenarios", "auto", True, False) == "needs"  # rankings not revealed
    assert plenary_part("needs", "scenarios", True, True) == "scenarios"
    assert plenary_part("needs", "auto", False, False) is None
