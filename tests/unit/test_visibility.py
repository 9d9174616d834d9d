"""Who sees what (:mod:`selfdata.domain.visibility`): each rule as a table of cases, without
a database."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from selfdata.domain import visibility as v
from selfdata.domain.viewer import ROLES, Role, Viewer
from selfdata.domain.workshop import STEP_IDS

# --- the reveal rule ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "projecting", "revealed", "step", "sees"),
    [
        ("facilitator", False, (), "scenarios", True),
        ("operator", False, (), "scenarios", True),
        ("facilitator", True, (), "scenarios", False),
        ("facilitator", True, ("scenarios",), "scenarios", True),
        ("participant", False, (), "scenarios", False),
        ("participant", False, ("needs",), "scenarios", False),
        ("participant", False, ("scenarios",), "scenarios", True),
        ("participant", True, ("scenarios",), "scenarios", True),
        ("projection", False, ("needs",), "needs", True),
        ("projection", False, (), "needs", False),
        ("visitor", False, (), "needs", False),
        ("visitor", False, ("needs",), "needs", True),
    ],
)
def test_the_reveal_rule(
    role: Role, projecting: bool, revealed: tuple[str, ...], step: str, sees: bool
) -> None:
    assert v.may_see_results(role, revealed, step, projecting=projecting) is sees
    viewer = Viewer(role, projecting=projecting)
    assert v.viewer_sees_results(viewer, revealed, step) is sees


def test_the_wall_s_view_of_a_facilitator_sees_only_what_is_revealed() -> None:
    me = Viewer("facilitator", "ABCDEF", secret="s")
    assert v.viewer_sees_results(me, (), "needs")
    assert not v.viewer_sees_results(me.on_wall(), (), "needs")
    assert me.on_wall(large=False) is me
    assert me.on_wall().secret == "s"  # the same credentials, read again by the reads


@pytest.mark.parametrize(("role", "sees"), [(r, r in ("facilitator", "operator")) for r in ROLES])
def test_only_the_facilitator_and_the_operator_see_everyones_ratings(role: Role, sees: bool):
    assert v.may_see_everyones_ratings(role) is sees


@pytest.mark.parametrize("step", STEP_IDS)
def test_the_report_follows_the_export_or_the_ranking_reveal(step: str):
    allowed = step in ("export", "scenarios")
    assert v.participants_may_download_report((step,)) is allowed
    assert v.may_download_report("participant", (step,)) is allowed
    assert v.may_download_report("projection", (step,)) is False
    assert v.may_download_report("visitor", (step,)) is False
    assert v.may_download_report("facilitator", ()) is True
    assert v.may_download_report("operator", ()) is True


@pytest.mark.parametrize(("role", "sees"), [(r, r == "facilitator") for r in ROLES])
def test_hidden_contributions_are_the_facilitator_s(role: Role, sees: bool) -> None:
    assert v.may_see_hidden(role) is sees


# --- table scoping ------------------------------------------------------------------------

A, B = "table-a", "table-b"


@pytest.mark.parametrize(
    ("item_table", "table", "in_scope"),
    [(None, A, True), (A, A, True), (B, A, False), (None, None, True), (A, None, False)],
)
def test_a_table_s_items_are_the_room_s_and_its_own(
    item_table: str | None, table: str | None, in_scope: bool
) -> None:
    assert v.in_table_scope(item_table, table) is in_scope


@pytest.mark.parametrize(
    ("role", "scope", "item_table", "shown"),
    [
        # a participant at table A: the room's items and A's, never B's
        ("participant", A, None, True),
        ("participant", A, A, True),
        ("participant", A, B, False),
        # a participant seated at no table: the room's items only
        ("participant", None, None, True),
        ("participant", None, A, False),
        # the room's screens (no table): every table's items
        ("facilitator", None, A, True),
        ("projection", None, B, True),
        ("visitor", None, A, True),
        ("operator", None, A, True),
        # a table's screen on the wall: the room's and that table's
        ("projection", A, None, True),
        ("projection", A, A, True),
        ("projection", A, B, False),
        ("facilitator", B, A, False),
    ],
)
def test_who_sees_which_table_s_items(
    role: Role, scope: str | None, item_table: str | None, shown: bool
) -> None:
    assert v.sees_table_item(role, scope, item_table) is shown


@pytest.mark.parametrize(
    ("role", "seat", "asked", "scope"),
    [
        ("participant", A, None, A),
        ("participant", A, B, A),  # a participant cannot look from another table
        ("participant", None, B, None),
        ("projection", None, B, B),
        ("projection", None, None, None),
        ("facilitator", None, A, A),
    ],
)
def test_the_table_a_screen_is_seen_from(
    role: Role, seat: str | None, asked: str | None, scope: str | None
) -> None:
    assert v.may_choose_table(role) is (role != "participant")
    assert v.table_scope(role, seat, asked) == scope


@pytest.mark.parametrize(
    ("scope", "voter_table", "counts"),
    [(None, None, True), (None, A, True), (A, A, True), (A, B, False), (A, None, False)],
)
def test_a_table_s_dots_are_its_participants(
    scope: str | None, voter_table: str | None, counts: bool
) -> None:
    assert v.counts_at(scope, voter_table) is counts


@pytest.mark.parametrize(
    ("item_table", "seen_by"), [(None, [A, B]), (A, [A]), (B, [B]), ("gone", [])]
)
def test_the_tables_that_see_an_item(item_table: str | None, seen_by: list[str]) -> None:
    assert v.tables_seeing(item_table, [A, B]) == seen_by


@pytest.mark.parametrize(
    ("role", "hidden", "item_table", "scope", "own", "listed"),
    [
        ("facilitator", True, None, None, 0, True),
        ("participant", True, None, None, 0, False),
        ("participant", True, None, None, 2, True),  # own dots: kept, to withdraw them
        ("projection", True, None, None, 0, False),
        ("participant", False, B, A, 0, False),
        ("participant", False, B, A, 1, True),  # dots placed before a change of table
        ("participant", False, A, A, 0, True),
        ("projection", False, B, None, 0, True),
        ("facilitator", True, B, A, 0, False),
    ],
)
def test_what_a_board_lists(
    role: Role, hidden: bool, item_table: str | None, scope: str | None, own: int, listed: bool
) -> None:
    assert v.shows_item(role, hidden=hidden, item_table=item_table, scope=scope, own=own) is listed


# --- anonymous mode -----------------------------------------------------------------------


@pytest.mark.parametrize("named", [True, False])
def test_screens_show_pseudonyms_only_when_the_facilitator_named_participants(named: bool):
    assert v.pseudonyms_on_screen(named) is named


@pytest.mark.parametrize(
    ("role", "named", "names"),
    [
        ("facilitator", True, True),
        ("operator", True, True),
        ("facilitator", False, False),
        ("operator", False, False),
        ("participant", True, False),
        ("participant", False, False),
        ("projection", True, False),
        ("visitor", True, False),
    ],
)
def test_documents_name_pseudonyms_only_in_the_facilitator_s_copy(
    role: Role, named: bool, names: bool
) -> None:
    assert v.documents_name_pseudonyms(role, named) is names


# --- every read and screen asks the rules -------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
ASKERS = (
    "selfdata/app/reads.py",
    "selfdata/app/outcomes.py",
    "selfdata/app/table_results.py",
    "selfdata/ui/needs_view.py",
    "selfdata/ui/room_views.py",
    "selfdata/ui/scenario_view.py",
    "selfdata/ui/outcome_data.py",
    "selfdata/ui/export_files.py",
)


def role_comparisons(source: str) -> list[str]:
    """Comparisons of a value with a role's name (``role != "facilitator"``): a rule of who
    sees what decided again outside :mod:`selfdata.domain.visibility`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            values = [n for o in operands for n in ast.walk(o) if isinstance(n, ast.Constant)]
            if any(c.value in ROLES for c in values):
                found.append(f"{node.lineno}: {ast.unparse(node)}")
    return found


@pytest.mark.parametrize("path", ASKERS)
def test_the_reads_and_screens_ask_the_rules(path: str) -> None:
    source = (ROOT / path).read_text(encoding="utf-8")
    assert "visibility" in source, f"{path} does not ask selfdata.domain.visibility"
    assert role_comparisons(source) == []
    assert (
        "show_pseudonyms" not in source
        or "pseudonyms_on_screen" in source
        or ("documents_name_pseudonyms" in source)
    )


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ('if row.hidden and role != "facilitator":\n    pass\n', 1),
        ('x = role in ("facilitator", "operator")\n', 1),
        ("if visibility.may_see_hidden(role):\n    pass\n", 0),
    ],
)
def test_a_role_compared_by_hand_is_found(source: str, found: int) -> None:
    assert len(role_comparisons(source)) == found


def test_the_needs_view_asks_the_dot_rules_instead_of_checking_the_cap_itself() -> None:
    """The +1 / -1 buttons are off when :func:`selfdata.domain.rules.dot_breaches` says so
    (budget, cap per need, nothing to withdraw), not by a comparison of its own."""
    source = (ROOT / "selfdata/ui/needs_view.py").read_text(encoding="utf-8")
    assert "dot_breaches(" in source
    by_hand = [
        ast.unparse(node)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Compare)
        and not all(isinstance(op, ast.Is | ast.IsNot) for op in node.ops)
        and any(
            isinstance(n, ast.Attribute) and n.attr in {"cap", "remaining", "my_dots", "budget"}
            for o in (node.left, *node.comparators)
            for n in ast.walk(o)
        )
    ]
    assert by_hand == []
