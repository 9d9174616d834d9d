"""Who sees what: the reveal rule, table scoping and anonymous mode, as pure functions.

The one home of these rules (no database, no Streamlit): the reads of
:mod:`selfdata.app.reads`, :mod:`selfdata.app.outcomes` and :mod:`selfdata.app.table_results`
apply them to what they read, the services to what a participant may act on, and the
screens ask them instead of deciding again. Each is tested by a table of cases in
``tests/unit/test_visibility.py``.

**The reveal rule.** The facilitator (and the operator holding the workshop file on the
command line) sees every result at any time. A participant, the projector or a visitor
sees a step's group results only once the facilitator has revealed that step; a
facilitator projecting the screen is treated as the projector (:func:`may_see_results`).
Another participant's individual ratings are shown to the facilitator and the operator
only (:func:`may_see_everyones_ratings`); the report follows the ranking's reveal
(:func:`may_download_report`). Hidden contributions are the facilitator's to see
(:func:`may_see_hidden`).

**Table scoping.** In a room split into tables, an item (a need, a use case) belongs to the
whole room (``None``) or to one table. A participant sees and acts on the whole room's
items and their own table's, never another table's; a table's screen shows the whole
room's and that table's; the room's screens (facilitator, projector without a table) show
every table's (:func:`sees_table_item`). Dots and ratings stay per participant; a table's
are its participants' (:func:`counts_at`).

**Anonymous mode.** Pseudonyms show on screens only once the facilitator named participants
(the workshop's ``show_pseudonyms``, off by default), for every viewer alike
(:func:`pseudonyms_on_screen`); the report and the command line's ranking name them only
in the facilitator's or the operator's copy (:func:`documents_name_pseudonyms`).
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable
from typing import TypeVar

from selfdata.domain.viewer import Role, Viewer

SEES_ALL: tuple[Role, ...] = ("facilitator", "operator")
"""Who sees every result, revealed or not."""

REPORT_STEPS = ("export", "scenarios")
"""Participants may download the workshop report once either step is revealed (the report
shows the ranking, so it follows the ranking's reveal; README, "Export")."""

T = TypeVar("T", bound=Hashable)

# --- the reveal rule ---------------------------------------------------------------------


def may_see_results(
    role: Role, revealed: Collection[str], step: str, *, projecting: bool = False
) -> bool:
    """Whether ``role`` may see the group's results of ``step``: always the facilitator
    (unless projecting) and the operator, everyone else once ``step`` is revealed."""
    if role in SEES_ALL and not projecting:
        return True
    return step in revealed


def viewer_sees_results(viewer: Viewer, revealed: Collection[str], step: str) -> bool:
    """:func:`may_see_results` for a :class:`~selfdata.domain.viewer.Viewer` (its role and
    whether it is the wall's view)."""
    return may_see_results(viewer.role, revealed, step, projecting=viewer.projecting)


def may_see_everyones_ratings(role: Role) -> bool:
    """Individual ratings of every participant: the facilitator and the operator only (a
    participant always sees their own)."""
    return role in SEES_ALL


def participants_may_download_report(revealed: Collection[str]) -> bool:
    """Whether the ``export`` or the ``scenarios`` step is revealed."""
    return any(step in revealed for step in REPORT_STEPS)


def may_download_report(role: Role, revealed: Collection[str]) -> bool:
    """The workshop report: the facilitator and the operator, or a participant once the
    ``export`` or ``scenarios`` step is revealed (without pseudonyms)."""
    if role in SEES_ALL:
        return True
    return role == "participant" and participants_may_download_report(revealed)


def may_see_hidden(role: Role) -> bool:
    """Contributions the facilitator hid: the facilitator's only."""
    return role == "facilitator"


# --- table scoping -----------------------------------------------------------------------


def in_table_scope(item_table: object, table: object) -> bool:
    """Whether an item belonging to ``item_table`` (``None``: the whole room's) is one of
    ``table``'s: the whole room's items and the table's own. What a participant seated at
    ``table`` may act on, what ``table`` ranks, and what a use case of ``table`` may build on."""
    return item_table is None or item_table == table


def sees_table_item(role: Role, scope: object, item_table: object) -> bool:
    """Whether a screen seen from ``scope`` (a table, or ``None``: the whole room) shows an
    item of ``item_table``: its scope's items (:func:`in_table_scope`), and every table's on
    the room's screens — never on a participant's, even one seated at no table."""
    if in_table_scope(item_table, scope):
        return True
    return scope is None and role != "participant"


def may_choose_table(role: Role) -> bool:
    """Whether a screen may ask to be seen from a table of its choice (a table's screen on
    the wall); a participant always sees from their own seat."""
    return role != "participant"


def table_scope(role: Role, seat: T | None, asked: T | None) -> T | None:
    """The table a screen is seen from: a participant's own seat, else the table asked for
    (``None``: the whole room)."""
    return asked if may_choose_table(role) else seat


def counts_at(scope: object, voter_table: object) -> bool:
    """Whether a participant seated at ``voter_table`` counts on a screen seen from
    ``scope``: everyone on the room's screens, a table's participants on its own."""
    return scope is None or voter_table == scope


def tables_seeing(item_table: T | None, tables: Iterable[T]) -> list[T]:
    """The tables (of ``tables``, in their order) that see an item of ``item_table``."""
    return [x for x in tables if in_table_scope(item_table, x)]


def shows_item(
    role: Role, *, hidden: bool, item_table: object = None, scope: object = None, own: int = 0
) -> bool:
    """Whether a board lists a contribution: hidden ones to the facilitator only
    (:func:`may_see_hidden`), another table's as :func:`sees_table_item` says; an item
    holding ``own`` dots of the viewer always stays (they may withdraw them)."""
    if own > 0:
        return True
    if hidden and not may_see_hidden(role):
        return False
    return sees_table_item(role, scope, item_table)


# --- anonymous mode ----------------------------------------------------------------------


def pseudonyms_on_screen(named: bool) -> bool:
    """Whether screens show who proposed what and who joined by their pseudonyms: only once
    the facilitator named participants (``named``; off: anonymous), for every viewer alike
    (lists say "Participant 1, 2…" otherwise)."""
    return named


def documents_name_pseudonyms(role: Role, named: bool) -> bool:
    """Whether a document (the workshop report, the ``rank`` command's output) names
    pseudonyms: the facilitator's or the operator's copy of a workshop that names
    participants; a participant's copy never does."""
    return named and role in SEES_ALL
