"""Workshop use cases: the one API the pages, the CLI and the tests call (a facade).

The use cases live by actor in :mod:`~selfdata.app.workshops`,
:mod:`~selfdata.app.participants`, :mod:`~selfdata.app.contributions`,
:mod:`~selfdata.app.facilitator`, :mod:`~selfdata.app.operations` and :mod:`~selfdata.app.reads`;
this module only re-exports them, so ``services.X`` stays the one name to call.

Every function takes the :class:`~selfdata.store.Store` first and the workshop's join
``code`` second. Participants prove who they are with their ``token`` (from :func:`join`),
the facilitator with the ``secret`` (from :func:`create_workshop`). Reads that the
projector needs take the code only.

Every write is one transaction: it either happens completely, bumps the workshop's version
counter by exactly one and appends one line to the audit log, or raises a
:class:`~selfdata.domain.errors.SelfDataError` and changes nothing.

Permissions, in short (details in ``docs/store.md``):

- participant (token): propose a source or a need, withdraw their own proposal (while nobody
  else voted on it or used it), dot-vote within the budget and the per-need cap, withdraw
  their dots, rate scenarios, give their swing weights (when the facilitator asks), raise or
  withdraw a blocking objection (with a reason) during the consent round. In a room with
  tables, only the whole room's items and their own table's
  (:class:`~selfdata.domain.errors.Forbidden` for another table's). Refused with
  :class:`~selfdata.domain.errors.Locked` while input is locked or the timer has run out.
- facilitator (secret): everything else — step, lock, timer, reveal, weights, moderation,
  territory selection, use cases and their governance answers and choice, scenarios and their
  networks, settings, tables (create, rename, remove, seat a participant), participants'
  weights on or off, the rating rounds and the consent round (:mod:`selfdata.app.group_decision`),
  undo, export, deletion. Answering the governance questionnaire is a facilitator action: the
  facilitator records what the room agreed.
"""

from __future__ import annotations

from selfdata.app.contributions import (
    NeedDraft,
    SourceDraft,
    add_need,
    add_source,
    propose_need,
    propose_source,
    rate,
    vote,
    withdraw_proposal,
)
from selfdata.app.decision_record import set_action_plan, set_city_roles
from selfdata.app.facilitator import (
    ScenarioDraft,
    choose_governance,
    create_scenario,
    create_use_case,
    delete_scenario,
    delete_use_case,
    hide_contribution,
    select_source,
    set_governance_answers,
    set_locked,
    set_network_edits,
    set_pseudonyms_shown,
    set_revealed,
    set_step,
    set_vote_settings,
    set_weights,
    start_timer,
    stop_timer,
    update_scenario,
)
from selfdata.app.file_import import (
    InventoryPreview,
    WorkshopPreview,
    import_inventory_file,
    import_workshop_file,
    inventory_room,
    preview_inventory_file,
    preview_workshop_file,
    workshop_deck,
)
from selfdata.app.group_decision import (
    MyDecision,
    RoomDecision,
    close_consent,
    close_rating_round,
    my_decision,
    object_to_top,
    open_consent,
    open_rating_round,
    set_my_weights,
    set_participant_weights_on,
    withdraw_objection,
)
from selfdata.app.operations import describe_undo, undo, undo_step
from selfdata.app.participants import (
    admit,
    hide_participant_proposals,
    join,
    join_approval,
    joining_open,
    leave_workshop,
    my_data,
    remove_joined,
    remove_participant,
    set_join_approval,
    set_joining_open,
)
from selfdata.app.projector import qr_large as qr_large
from selfdata.app.projector import set_projection as set_projection
from selfdata.app.qualifying import CardToQualify, cards_to_qualify, qualify_cards
from selfdata.app.read_models import (
    AuditEntry,
    Created,
    CredentialCheck,
    InventoryView,
    Joined,
    NeedItem,
    NeedsBoard,
    ParticipantInfo,
    ParticipantList,
    RoomPulse,
    RoomState,
    ScenarioRatings,
    ScenariosView,
    SourceItem,
    TableInfo,
    UseCasesView,
)
from selfdata.app.reads import (
    audit_log,
    backup_workshop,
    credential_check,
    export_workshop,
    inventory,
    needs_board,
    participants,
    ranking_inputs,
    room_pulse,
    room_state,
    scenario_ratings,
    scenarios,
    use_cases,
    version,
    whoami,
    workshop_snapshot,
)
from selfdata.app.room_setup import (
    AgendaProgress,
    DeckInPlay,
    agenda,
    agenda_progress,
    edit_card_wording,
    prepared_deck,
    proposed_agenda,
    readiness_checks,
    restart_clock,
    room_deck,
    set_agenda,
    set_cards_in_play,
)
from selfdata.app.table_results import TableResults, table_results
from selfdata.app.tables import (
    TableProgress,
    assign_table,
    create_table,
    remove_table,
    rename_table,
    tables,
    tables_progress,
)
from selfdata.app.workshops import (
    create_workshop,
    delete_workshop,
    example_names,
    import_workshop,
    purge_expired,
)
from selfdata.domain.errors import (
    Conflict,
    Expired,
    Forbidden,
    InvalidInput,
    LimitExceeded,
    Locked,
    NotFound,
    SelfDataError,
)
from selfdata.domain.limits import MAX_PROPOSALS_PER_PARTICIPANT, MAX_PSEUDONYM

__all__ = [
    # how the room decides (selfdata.app.group_decision)
    "MyDecision",
    "RoomDecision",
    "close_consent",
    "close_rating_round",
    "my_decision",
    "object_to_top",
    "open_consent",
    "open_rating_round",
    "set_my_weights",
    "set_participant_weights_on",
    "withdraw_objection",
    # limits
    "MAX_PROPOSALS_PER_PARTICIPANT",
    "MAX_PSEUDONYM",
    # errors
    "Conflict",
    "Expired",
    "Forbidden",
    "InvalidInput",
    "LimitExceeded",
    "Locked",
    "NotFound",
    "SelfDataError",
    # values and read models
    "AuditEntry",
    "Created",
    "InventoryView",
    "Joined",
    "NeedDraft",
    "NeedItem",
    "NeedsBoard",
    "ParticipantInfo",
    "ParticipantList",
    "RoomPulse",
    "RoomState",
    "ScenarioDraft",
    "ScenarioRatings",
    "ScenariosView",
    "SourceDraft",
    "SourceItem",
    "UseCasesView",
    "CredentialCheck",
    "TableInfo",
    "TableProgress",
    "TableResults",
    # tables
    "assign_table",
    "create_table",
    "remove_table",
    "rename_table",
    "table_results",
    "tables",
    "tables_progress",
    # workshops
    "create_workshop",
    "delete_workshop",
    "example_names",
    "export_workshop",
    "import_workshop",
    "import_inventory_file",
    "import_workshop_file",
    "preview_inventory_file",
    "inventory_room",
    "cards_to_qualify",
    "qualify_cards",
    "CardToQualify",
    "workshop_deck",
    "InventoryPreview",
    "preview_workshop_file",
    "WorkshopPreview",
    "purge_expired",
    "backup_workshop",
    "workshop_snapshot",
    # preparing the room
    "AgendaProgress",
    "DeckInPlay",
    "agenda",
    "agenda_progress",
    "edit_card_wording",
    "prepared_deck",
    "proposed_agenda",
    "readiness_checks",
    "restart_clock",
    "room_deck",
    "set_agenda",
    "set_cards_in_play",
    # reads
    "audit_log",
    "inventory",
    "needs_board",
    "participants",
    "ranking_inputs",
    "room_pulse",
    "room_state",
    "scenario_ratings",
    "scenarios",
    "use_cases",
    "version",
    "credential_check",
    "whoami",
    # participants
    "join",
    "leave_workshop",
    "my_data",
    "propose_need",
    "propose_source",
    "rate",
    "vote",
    "withdraw_proposal",
    # facilitator
    "hide_participant_proposals",
    "joining_open",
    "remove_joined",
    "remove_participant",
    "set_join_approval",
    "admit",
    "join_approval",
    "set_joining_open",
    "add_need",
    "add_source",
    "choose_governance",
    "create_scenario",
    "create_use_case",
    "delete_scenario",
    "delete_use_case",
    "hide_contribution",
    "select_source",
    "set_governance_answers",
    "set_action_plan",
    "set_city_roles",
    "set_locked",
    "set_network_edits",
    "set_pseudonyms_shown",
    "set_revealed",
    "set_step",
    "set_vote_settings",
    "set_weights",
    "start_timer",
    "stop_timer",
    "undo",
    "undo_step",
    "describe_undo",
    "update_scenario",
]
