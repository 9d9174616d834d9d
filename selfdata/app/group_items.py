"""When a proposal belongs to the group (issue 30: one rule for "Retirer" and for "Quitter et
effacer").

A participant's proposal belongs to the group once someone else acted on it: another
participant's dots on a need, or a use case built on it. Withdrawing it is then refused; the
author's erasure keeps it, with no link to its author (their own dots on it go), instead of
deleting the others' dots with it.
"""

from __future__ import annotations

from selfdata.app import operations as ops
from selfdata.store import Tx
from selfdata.store.queries import votes


def others_voted(tx: Tx, need_row_id: int, participant_id: int) -> bool:
    """Someone other than ``participant_id`` placed dots on the need."""
    return votes.others_on(tx, need_row_id, participant_id)


def belongs_to_the_group(tx: Tx, kind: str, item_id: int, participant_id: int) -> bool:
    """The proposal ``item_id`` of ``participant_id`` is the group's (see the module)."""
    if ops.item_in_use(tx, kind, item_id):
        return True
    return kind == "need" and others_voted(tx, item_id, participant_id)
