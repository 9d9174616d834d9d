"""Workshop use cases: the one API the pages, the CLI and the tests call.

Every function takes the :class:`~selfdata.store.Store` first and the workshop's join
``code`` second. Participants prove who they are with their ``token`` (from :func:`join`),
the facilitator with the ``secret`` (from :func:`create_workshop`). Reads that the
projector needs take the code only.

Every write is one transaction: it either happens completely, bumps the workshop's version
counter by exactly one and appends one line to the audit log, or raises a
:class:`~selfdata.errors.SelfDataError` and changes nothing.

Permissions, in short (details in ``docs/store.md``):

- participant (token): propose a source or a need, withdraw their own proposal (while nobody
  else voted on it or used it), dot-vote within the budget and the per-need cap, withdraw
  their dots, rate scenarios. Refused with :class:`~selfdata.errors.Locked` while input is
  locked or the timer has run out.
- facilitator (secret): everything else — step, lock, timer, reveal, weights, moderation,
  territory selection, use cases and their governance answers and choice, scenarios and their
  networks, settings, undo, export, deletion. Answering the governance questionnaire is a
  facilitator action: the facilitator records what the room agreed.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import ValidationError
from sqlalchemy import Connection, delete, func, insert, select, update

from selfdata import access, credentials, transfer
from selfdata import operations as ops
from selfdata.access import WorkshopRow, check_text, commit, item_row
from selfdata.cards import DataSourceCard, I18nText, NeedCard
from selfdata.errors import (
    Conflict,
    Expired,
    Forbidden,
    InvalidInput,
    LimitExceeded,
    Locked,
    NotFound,
    SelfDataError,
)
from selfdata.facilitation import (
    MAX_ITEMS,
    MAX_TIMER_SECONDS,
    ScenarioDraft,
    choose_governance,
    create_scenario,
    create_use_case,
    delete_scenario,
    delete_use_case,
    facilitator_only,
    hide_contribution,
    select_source,
    set_governance_answer,
    set_governance_answers,
    set_locked,
    set_network_edits,
    set_revealed,
    set_step,
    set_vote_settings,
    set_weights,
    start_timer,
    stop_timer,
    undo,
    update_scenario,
    update_use_case,
)
from selfdata.readmodels import (
    audit_log,
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
    viewer_state,
    whoami,
    workshop_snapshot,
)
from selfdata.store import Store
from selfdata.store import schema as t
from selfdata.views import (
    AuditEntry,
    Created,
    InventoryView,
    Joined,
    NeedItem,
    NeedsBoard,
    ParticipantInfo,
    ParticipantList,
    Role,
    RoomPulse,
    RoomState,
    ScenarioRatings,
    ScenariosView,
    SourceItem,
    UseCasesView,
    ViewerState,
)
from selfdata.workshop import MAX_TEXT, MAX_TITLE, Workshop

__all__ = [
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
    "Role",
    "RoomPulse",
    "RoomState",
    "ScenarioDraft",
    "ScenarioRatings",
    "ScenariosView",
    "SourceDraft",
    "SourceItem",
    "UseCasesView",
    "ViewerState",
    # workshops
    "check_secret",
    "create_workshop",
    "delete_workshop",
    "example_names",
    "export_workshop",
    "import_workshop",
    "import_workshop_data",
    "purge_expired",
    "workshop_snapshot",
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
    "viewer_state",
    "whoami",
    # participants
    "join",
    "propose_need",
    "propose_source",
    "rate",
    "vote",
    "withdraw_proposal",
    "withdraw_vote",
    # facilitator
    "add_need",
    "add_source",
    "choose_governance",
    "create_scenario",
    "create_use_case",
    "delete_scenario",
    "delete_use_case",
    "hide_contribution",
    "select_source",
    "set_governance_answer",
    "set_governance_answers",
    "set_locked",
    "set_network_edits",
    "set_revealed",
    "set_step",
    "set_vote_settings",
    "set_weights",
    "start_timer",
    "stop_timer",
    "undo",
    "update_scenario",
    "update_use_case",
]

ContributionKind = Literal["source", "need"]

# --- limits (documented in docs/store.md) -------------------------------------------------
MAX_PSEUDONYM = 40
MAX_PARTICIPANTS = 300
MAX_PROPOSALS_PER_PARTICIPANT = 20
"""Sources and needs one participant may propose in one workshop."""
MAX_DOTS_PER_CALL = 50
RETENTION_DAYS_DEFAULT = 90
_ = (MAX_ITEMS, MAX_TIMER_SECONDS)


@dataclass(frozen=True)
class SourceDraft:
    """A data source proposed in the room (user text is stored as typed, in both languages)."""

    title: str
    holder: str
    description: str = ""
    holder_kind: str = "city"
    themes: Sequence[str] = ()
    """Theme ids; empty means the workshop's theme."""
    categories: Sequence[str] = ("contact_details",)
    refresh: str = "monthly"
    access: str = "paper"
    ease: int = 1
    sensitivity: str = "medium"
    portability: bool = False
    reusable: bool = True


@dataclass(frozen=True)
class NeedDraft:
    """A resident need proposed in the room."""

    title: str
    description: str = ""
    persona: str = ""
    themes: Sequence[str] = ()
    """Theme ids; empty means the workshop's theme."""
    categories: Sequence[str] = ("contact_details",)
    usage_family: str = "self_knowledge"


def _now_iso() -> str:
    return datetime.fromtimestamp(access.clock(), UTC).isoformat().replace("+00:00", "Z")


def _retention_seconds() -> float | None:
    raw = os.environ.get("SELFDATA_RETENTION_DAYS", "").strip()
    try:
        days = float(raw) if raw else RETENTION_DAYS_DEFAULT
    except ValueError:
        days = RETENTION_DAYS_DEFAULT
    return None if days <= 0 else days * 86400


# === workshops ==============================================================================


def example_names() -> list[str]:
    """Example workshops shipped in ``scenarios/`` (file stems)."""
    from selfdata.loading import SCENARIOS_DIR

    return sorted(p.stem for p in SCENARIOS_DIR.glob("*.yaml"))


def _invalid_file(problems: Sequence[str]) -> InvalidInput:
    return InvalidInput(
        "import.invalid",
        "Ce fichier d’atelier ne peut pas être importé ; rien n’a été enregistré :",
        "This workshop file cannot be imported; nothing was saved:",
        problems=list(problems)[:50],
    )


def _store_new(store: Store, workshop: Workshop, action: str) -> Created:
    problems = transfer.import_problems(workshop, access.decks())
    if problems:
        raise _invalid_file(problems)
    secret = credentials.new_secret()
    now = access.clock()
    retention = _retention_seconds()

    def tx(conn: Connection) -> Created:
        code = credentials.new_code()
        while conn.execute(select(t.workshops.c.id).where(t.workshops.c.code == code)).first():
            code = credentials.new_code()
        transfer.write_workshop(
            conn,
            workshop,
            code=code,
            secret_hash=credentials.digest(secret),
            created_at=now,
            expires_at=None if retention is None else now + retention,
        )
        w = access.workshop_row(conn, code)
        commit(conn, w, actor="facilitator", action=action, detail={"title": workshop.title})
        return Created(code=code, secret=secret)

    return store.write(tx)


def create_workshop(
    store: Store,
    *,
    title: str | None = None,
    territory: str | None = None,
    theme: str | None = None,
    example: str | None = None,
    language: str = "fr",
) -> Created:
    """Open a new workshop: blank (``title``, ``territory`` and ``theme`` required) or a copy
    of ``scenarios/<example>.yaml`` with its content (the given title/territory/theme
    override the example's). Returns the join code (share it) and the facilitator secret
    (keep it)."""
    fields: dict[str, Any] = {"language": language, "created": _now_iso()}
    for name, value in (("title", title), ("territory", territory)):
        if value is not None:
            fields[name] = check_text(value, name, limit=MAX_TITLE, required=True)
    if theme is not None:
        fields["theme"] = theme
    if example is not None:
        if example not in example_names():
            raise InvalidInput(
                "example.unknown",
                f"Exemple inconnu : {str(example)[:64]!r}.",
                f"Unknown example: {str(example)[:64]!r}.",
            )
        from selfdata.loading import SCENARIOS_DIR, load_workshop

        data = load_workshop(SCENARIOS_DIR / f"{example}.yaml").dump()
        data.update(fields)
    else:
        missing = [n for n in ("title", "territory", "theme") if n not in fields]
        if missing:
            raise InvalidInput(
                "workshop.missing",
                "Pour un atelier vierge, indiquez le titre, le territoire et le thème.",
                "For a blank workshop, give a title, a territory and a theme.",
                problems=missing,
            )
        data = fields
    try:
        workshop = Workshop.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(
            "workshop.invalid",
            "Atelier invalide :",
            "Invalid workshop:",
            problems=[f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()],
        ) from None
    return _store_new(store, workshop, "create_workshop")


def import_workshop(store: Store, workshop: Workshop) -> Created:
    """Store a whole workshop (from a file) as a new workshop with a fresh code and secret.

    All or nothing: references are checked first (votes and ratings name existing
    participants, use cases name existing needs and sources…); any problem raises
    :class:`InvalidInput` listing every problem, and nothing is written. Participants come
    without tokens (tokens are never exported): they join again under a new pseudonym."""
    if not isinstance(workshop, Workshop):
        raise _invalid_file(["expected a workshop"])
    return _store_new(store, workshop, "import_workshop")


def import_workshop_data(store: Store, data: object, file: str = "<workshop>") -> Created:
    """Like :func:`import_workshop` for raw parsed YAML/JSON (an upload): a malformed file is
    refused with :class:`InvalidInput` whose ``problems`` name the place and the fault."""
    try:
        workshop = Workshop.model_validate(data)
    except ValidationError as exc:
        problems = []
        for e in exc.errors()[:50]:
            where = ".".join(str(part) for part in e["loc"])
            problems.append(f"{file}: {where}: {e['msg']}" if where else f"{file}: {e['msg']}")
        raise _invalid_file(problems) from None
    return import_workshop(store, workshop)


def check_secret(store: Store, code: str, secret: str) -> None:
    """Raise :class:`Forbidden` unless ``secret`` is this workshop's facilitator secret
    (constant-time comparison). Lets the UI check a secret before showing the console."""

    def fn(conn: Connection) -> None:
        access.require_facilitator(access.workshop_row(conn, code), secret)

    store.read(fn)


def _erase(conn: Connection, workshop_id: int) -> None:
    cases = select(t.use_cases.c.id).where(t.use_cases.c.workshop_id == workshop_id)
    conn.execute(delete(t.use_case_sources).where(t.use_case_sources.c.use_case_id.in_(cases)))
    for table in (
        t.ratings,
        t.votes,
        t.criteria,
        t.scenarios,
        t.use_cases,
        t.sources,
        t.needs,
        t.participants,
        t.audit_log,
    ):
        conn.execute(delete(table).where(table.c.workshop_id == workshop_id))
    conn.execute(delete(t.workshops).where(t.workshops.c.id == workshop_id))


def delete_workshop(store: Store, code: str, secret: str) -> None:
    """Erase the workshop and every row that belongs to it, audit log included (data
    retention). The code stops working at once."""

    def tx(conn: Connection) -> None:
        w = access.workshop_row(conn, code, for_update=True)
        access.require_facilitator(w, secret)
        _erase(conn, w.id)

    store.write(tx)


def purge_expired(store: Store, now: float | None = None) -> int:
    """Erase every workshop past its retention date; returns how many were erased."""
    moment = access.clock() if now is None else now

    def tx(conn: Connection) -> int:
        ids = [
            int(i)
            for (i,) in conn.execute(
                select(t.workshops.c.id).where(
                    t.workshops.c.expires_at.is_not(None), t.workshops.c.expires_at <= moment
                )
            )
        ]
        for workshop_id in ids:
            _erase(conn, workshop_id)
        return len(ids)

    return store.write(tx)


# === participants ===========================================================================


def _participant_write(
    store: Store,
    code: str,
    token: str,
    action: str,
    fn: Any,
    *,
    needs_open: bool = True,
) -> Any:
    def tx(conn: Connection) -> Any:
        w = access.workshop_row(conn, code, for_update=True)
        p = access.participant_row(conn, w, token)
        if needs_open:
            access.require_open(w)
        result, detail = fn(conn, w, p)
        commit(conn, w, actor=p.slug, action=action, detail=detail)
        return result

    return store.write(tx)


def join(store: Store, code: str, pseudonym: str) -> Joined:
    """Join with a pseudonym (1–40 characters, unique in the workshop regardless of case).
    Returns the participant id and the token to keep in the URL. Joining stays open while
    input is locked."""
    name = check_text(pseudonym, "pseudonym", limit=MAX_PSEUDONYM, required=True)
    name = re.sub(r"\s+", " ", name)
    token = credentials.new_token()

    def tx(conn: Connection) -> Joined:
        w = access.workshop_row(conn, code, for_update=True)
        count = conn.execute(
            select(func.count())
            .select_from(t.participants)
            .where(t.participants.c.workshop_id == w.id)
        ).scalar_one()
        if count >= MAX_PARTICIPANTS:
            raise LimitExceeded(
                "participants.full",
                f"Cet atelier est complet ({MAX_PARTICIPANTS} participants).",
                f"This workshop is full ({MAX_PARTICIPANTS} participants).",
            )
        taken = conn.execute(
            select(t.participants.c.id).where(
                t.participants.c.workshop_id == w.id,
                t.participants.c.pseudonym_key == name.casefold(),
            )
        ).first()
        if taken:
            raise Conflict(
                "pseudonym.taken",
                f"Le pseudonyme « {name} » est déjà pris dans cet atelier : "
                "choisissez-en un autre.",
                f"The pseudonym '{name}' is already taken in this workshop: choose another one.",
            )
        slug = access.unique_slug(conn, t.participants, w.id, f"p-{secrets.token_hex(3)}")
        conn.execute(
            insert(t.participants).values(
                workshop_id=w.id,
                slug=slug,
                pseudonym=name,
                pseudonym_key=name.casefold(),
                joined=_now_iso(),
                token_hash=credentials.digest(token),
                position=access.next_position(conn, t.participants, w.id),
            )
        )
        commit(conn, w, actor=slug, action="join", detail={"pseudonym": name})
        return Joined(participant_id=slug, token=token, pseudonym=name)

    return store.write(tx)


def _draft_problem(exc: ValidationError) -> InvalidInput:
    return InvalidInput(
        "card.invalid",
        "Cette proposition est incomplète ou invalide :",
        "This proposal is incomplete or invalid:",
        problems=[f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()],
    )


def _check_vocabulary(themes: Sequence[str], categories: Sequence[str]) -> None:
    decks = access.decks()
    if decks is None:
        return
    bad = [x for x in themes if x not in {c.id for c in decks.themes}]
    bad += [x for x in categories if x not in {c.id for c in decks.data_categories}]
    if bad:
        raise InvalidInput(
            "card.vocabulary",
            f"Thème ou catégorie inconnus : {', '.join(str(b)[:64] for b in bad)}.",
            f"Unknown theme or category: {', '.join(str(b)[:64] for b in bad)}.",
        )


def _source_card(slug: str, draft: SourceDraft, theme: str) -> DataSourceCard:
    title = check_text(draft.title, "title", limit=MAX_TITLE, required=True)
    holder = check_text(draft.holder, "holder", limit=MAX_TITLE, required=True)
    description = check_text(draft.description, "description", limit=MAX_TEXT) or title
    themes = list(draft.themes) or [theme]
    _check_vocabulary(themes, list(draft.categories))
    try:
        return DataSourceCard(
            id=slug,
            title=I18nText.same(title),
            description=I18nText.same(description),
            holder=I18nText.same(holder),
            holder_kind=draft.holder_kind,
            themes=themes,
            categories=list(draft.categories),
            refresh=draft.refresh,
            access=draft.access,
            ease=draft.ease,
            sensitivity=draft.sensitivity,
            portability=draft.portability,
            reusable=draft.reusable,
        )
    except ValidationError as exc:
        raise _draft_problem(exc) from None


def _need_card(slug: str, draft: NeedDraft, theme: str) -> NeedCard:
    title = check_text(draft.title, "title", limit=MAX_TITLE, required=True)
    description = check_text(draft.description, "description", limit=MAX_TEXT) or title
    persona = check_text(draft.persona, "persona", limit=MAX_TEXT) or "—"
    themes = list(draft.themes) or [theme]
    _check_vocabulary(themes, list(draft.categories))
    try:
        return NeedCard(
            id=slug,
            title=I18nText.same(title),
            description=I18nText.same(description),
            persona=I18nText.same(persona),
            themes=themes,
            usage_family=draft.usage_family,
            categories=list(draft.categories),
        )
    except ValidationError as exc:
        raise _draft_problem(exc) from None


def _add_item(
    conn: Connection,
    w: WorkshopRow,
    kind: ContributionKind,
    proposer: int | None,
    card_id: str | None,
    draft: SourceDraft | NeedDraft | None,
) -> str:
    table = t.sources if kind == "source" else t.needs
    count = conn.execute(
        select(func.count()).select_from(table).where(table.c.workshop_id == w.id)
    ).scalar_one()
    if count >= MAX_ITEMS:
        raise LimitExceeded(
            "items.too_many",
            f"Cet atelier compte déjà {MAX_ITEMS} éléments de ce type : c’est le maximum.",
            f"This workshop already has {MAX_ITEMS} items of this kind: that is the maximum.",
        )
    if (card_id is None) == (draft is None):
        raise InvalidInput(
            "proposal.invalid",
            "Proposez soit une carte du jeu, soit une carte personnalisée.",
            "Propose either a deck card or a custom card.",
        )
    values: dict[str, Any] = {"card": None}
    if card_id is not None:
        decks = access.decks()
        card = None
        if decks is not None:
            card = decks.source(card_id) if kind == "source" else decks.need(card_id)
        if decks is None or card is None:
            raise InvalidInput(
                "card.unknown",
                f"Carte inconnue : {str(card_id)[:64]!r}.",
                f"Unknown card: {str(card_id)[:64]!r}.",
            )
        taken = conn.execute(
            select(table.c.id).where(table.c.workshop_id == w.id, table.c.slug == card_id)
        ).first()
        if taken:
            raise Conflict(
                "card.already_there",
                "Cette carte est déjà sur la table.",
                "This card is already on the table.",
            )
        slug = card_id
    else:
        title = getattr(draft, "title", "")
        check_text(title, "title", limit=MAX_TITLE, required=True)
        slug = access.unique_slug(conn, table, w.id, access.slugify(title))
        if kind == "source" and isinstance(draft, SourceDraft):
            built: DataSourceCard | NeedCard = _source_card(slug, draft, w.theme)
        elif kind == "need" and isinstance(draft, NeedDraft):
            built = _need_card(slug, draft, w.theme)
        else:
            raise InvalidInput(
                "proposal.invalid",
                "Type de carte inattendu pour cette proposition.",
                "Unexpected kind of card for this proposal.",
            )
        values["card"] = access.dumps(built.model_dump(mode="json"))
    if kind == "source":
        values["selected"] = True
    conn.execute(
        insert(table).values(
            workshop_id=w.id,
            slug=slug,
            proposed_by=proposer,
            hidden=False,
            position=access.next_position(conn, table, w.id),
            **values,
        )
    )
    return slug


def _propose(
    store: Store,
    code: str,
    token: str,
    kind: ContributionKind,
    card_id: str | None,
    draft: SourceDraft | NeedDraft | None,
) -> str:
    def fn(conn: Connection, w: WorkshopRow, p: access.ParticipantRow) -> tuple[str, Any]:
        mine = sum(
            conn.execute(
                select(func.count())
                .select_from(table)
                .where(table.c.workshop_id == w.id, table.c.proposed_by == p.id)
            ).scalar_one()
            for table in (t.sources, t.needs)
        )
        if mine >= MAX_PROPOSALS_PER_PARTICIPANT:
            raise LimitExceeded(
                "proposals.too_many",
                f"Vous avez déjà fait {MAX_PROPOSALS_PER_PARTICIPANT} propositions : "
                "c’est le maximum par personne.",
                f"You already made {MAX_PROPOSALS_PER_PARTICIPANT} proposals: that is the "
                "maximum per person.",
            )
        slug = _add_item(conn, w, kind, p.id, card_id, draft)
        return slug, {"kind": kind, "id": slug}

    result: str = _participant_write(store, code, token, f"propose_{kind}", fn)
    return result


def propose_source(
    store: Store,
    code: str,
    token: str,
    *,
    card_id: str | None = None,
    draft: SourceDraft | None = None,
) -> str:
    """Put a data source on the inventory: a deck card (``card_id``) or a custom card
    (``draft``). Returns the source id. Refused while locked or past the per-participant
    limit of proposals."""
    return _propose(store, code, token, "source", card_id, draft)


def propose_need(
    store: Store,
    code: str,
    token: str,
    *,
    card_id: str | None = None,
    draft: NeedDraft | None = None,
) -> str:
    """Put a need on the board: a deck card (``card_id``) or a custom card (``draft``).
    Returns the need id."""
    return _propose(store, code, token, "need", card_id, draft)


def _facilitator_add(
    store: Store,
    code: str,
    secret: str,
    kind: ContributionKind,
    card_id: str | None,
    draft: SourceDraft | NeedDraft | None,
) -> str:
    from selfdata.facilitation import facilitate

    def fn(conn: Connection, w: WorkshopRow) -> Any:
        slug = _add_item(conn, w, kind, None, card_id, draft)
        return slug, {"kind": kind, "id": slug}, ops.op("remove_item", kind=kind, slug=slug)

    result: str = facilitate(store, code, secret, f"add_{kind}", fn)
    return result


@facilitator_only
def add_source(
    store: Store,
    code: str,
    secret: str,
    *,
    card_id: str | None = None,
    draft: SourceDraft | None = None,
) -> str:
    """Facilitator adds a source (deck card or custom). Returns its id."""
    return _facilitator_add(store, code, secret, "source", card_id, draft)


@facilitator_only
def add_need(
    store: Store,
    code: str,
    secret: str,
    *,
    card_id: str | None = None,
    draft: NeedDraft | None = None,
) -> str:
    """Facilitator adds a need (deck card or custom). Returns its id."""
    return _facilitator_add(store, code, secret, "need", card_id, draft)


def withdraw_proposal(
    store: Store, code: str, token: str, kind: ContributionKind, item_id: str
) -> None:
    """Withdraw one's own source or need (with one's own dots on it). Refused
    (:class:`Conflict`) once another participant voted on it or a use case uses it: ask the
    facilitator to hide it instead."""
    if kind not in ("source", "need"):
        raise InvalidInput("kind.invalid", "Type d’élément inconnu.", "Unknown kind of item.")
    table = t.sources if kind == "source" else t.needs

    def fn(conn: Connection, w: WorkshopRow, p: access.ParticipantRow) -> tuple[None, Any]:
        row = item_row(conn, table, w, item_id, kind)
        if row.proposed_by != p.id:
            raise Forbidden(
                "proposal.not_yours",
                "Vous ne pouvez retirer que vos propres propositions.",
                "You can only withdraw your own proposals.",
            )
        if ops.item_in_use(conn, kind, row.id):
            raise ops.in_use_error(kind)
        if kind == "need":
            others = conn.execute(
                select(t.votes.c.dots)
                .where(t.votes.c.need_id == row.id, t.votes.c.participant_id != p.id)
                .limit(1)
            ).first()
            if others is not None:
                raise Conflict(
                    "need.has_votes",
                    "D’autres participants ont déjà voté pour ce besoin : il reste sur la table.",
                    "Other participants already voted for this need: it stays on the table.",
                )
            conn.execute(delete(t.votes).where(t.votes.c.need_id == row.id))
        conn.execute(delete(table).where(table.c.id == row.id))
        return None, {"kind": kind, "id": item_id}

    _participant_write(store, code, token, "withdraw_proposal", fn)


def vote(store: Store, code: str, token: str, need_id: str, delta: int = 1) -> int:
    """Add (``delta > 0``) or withdraw (``delta < 0``) dots on a need. Returns the
    participant's dots on that need afterwards. Refused with :class:`LimitExceeded` beyond
    the budget or the per-need cap (or when withdrawing dots one has not placed),
    :class:`Locked` while input is locked."""
    if (
        isinstance(delta, bool)
        or not isinstance(delta, int)
        or delta == 0
        or abs(delta) > MAX_DOTS_PER_CALL
    ):
        raise InvalidInput(
            "vote.invalid",
            "Nombre de gommettes invalide.",
            "Invalid number of dots.",
        )

    def fn(conn: Connection, w: WorkshopRow, p: access.ParticipantRow) -> tuple[int, Any]:
        need = item_row(conn, t.needs, w, need_id, "need")
        key = (t.votes.c.participant_id == p.id, t.votes.c.need_id == need.id)
        current = conn.execute(select(t.votes.c.dots).where(*key)).scalar() or 0
        new = current + delta
        if delta > 0:
            if need.hidden:
                raise Forbidden(
                    "need.hidden",
                    "Ce besoin a été masqué par l’animateur : on ne peut plus voter pour lui.",
                    "The facilitator hid this need: it can no longer receive dots.",
                )
            spent = conn.execute(
                select(func.coalesce(func.sum(t.votes.c.dots), 0)).where(
                    t.votes.c.participant_id == p.id
                )
            ).scalar_one()
            if spent + delta > w.vote_budget:
                raise LimitExceeded(
                    "vote.budget",
                    f"Vous avez déjà placé {spent} gommettes sur {w.vote_budget} : "
                    "retirez-en une pour voter ailleurs.",
                    f"You already placed {spent} of your {w.vote_budget} dots: "
                    "withdraw one to vote elsewhere.",
                )
            if new > w.vote_cap:
                raise LimitExceeded(
                    "vote.cap",
                    f"Au plus {w.vote_cap} gommettes par besoin.",
                    f"At most {w.vote_cap} dots per need.",
                )
        elif new < 0:
            raise LimitExceeded(
                "vote.nothing_to_withdraw",
                f"Vous n’avez que {current} gommette(s) sur ce besoin.",
                f"You only have {current} dot(s) on this need.",
            )
        if current == 0:
            conn.execute(
                insert(t.votes).values(
                    workshop_id=w.id,
                    participant_id=p.id,
                    need_id=need.id,
                    dots=new,
                    position=access.next_position(conn, t.votes, w.id),
                )
            )
        elif new == 0:
            conn.execute(delete(t.votes).where(*key))
        else:
            conn.execute(update(t.votes).where(*key).values(dots=new))
        return new, {"need": need_id, "delta": delta}

    result: int = _participant_write(store, code, token, "vote", fn)
    return result


def withdraw_vote(store: Store, code: str, token: str, need_id: str) -> None:
    """Take back all of one's dots from a need (:class:`LimitExceeded` if there are none)."""

    def fn(conn: Connection, w: WorkshopRow, p: access.ParticipantRow) -> tuple[None, Any]:
        need = item_row(conn, t.needs, w, need_id, "need")
        key = (t.votes.c.participant_id == p.id, t.votes.c.need_id == need.id)
        current = conn.execute(select(t.votes.c.dots).where(*key)).scalar() or 0
        if current == 0:
            raise LimitExceeded(
                "vote.nothing_to_withdraw",
                "Vous n’avez pas de gommette sur ce besoin.",
                "You have no dot on this need.",
            )
        conn.execute(delete(t.votes).where(*key))
        return None, {"need": need_id, "delta": -current}

    _participant_write(store, code, token, "withdraw_vote", fn)


def rate(
    store: Store, code: str, token: str, scenario_id: str, criterion: str, value: int | None
) -> None:
    """Rate a scenario on a criterion from 1 to 5; ``None`` removes the rating."""
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5
    ):
        raise InvalidInput(
            "rating.invalid",
            "Une note va de 1 à 5.",
            "A rating goes from 1 to 5.",
        )

    def fn(conn: Connection, w: WorkshopRow, p: access.ParticipantRow) -> tuple[None, Any]:
        scenario = item_row(conn, t.scenarios, w, scenario_id, "scenario")
        known = ops.known_criteria(conn, w)
        if known is not None and criterion not in known:
            raise InvalidInput(
                "criterion.unknown",
                f"Critère inconnu : {str(criterion)[:64]!r}.",
                f"Unknown criterion: {str(criterion)[:64]!r}.",
            )
        key = (
            t.ratings.c.participant_id == p.id,
            t.ratings.c.scenario_id == scenario.id,
            t.ratings.c.criterion == criterion,
        )
        exists = conn.execute(select(t.ratings.c.value).where(*key)).first() is not None
        if value is None:
            if exists:
                conn.execute(delete(t.ratings).where(*key))
        elif exists:
            conn.execute(update(t.ratings).where(*key).values(value=value))
        else:
            conn.execute(
                insert(t.ratings).values(
                    workshop_id=w.id,
                    participant_id=p.id,
                    scenario_id=scenario.id,
                    criterion=criterion,
                    value=value,
                    position=access.next_position(conn, t.ratings, w.id),
                )
            )
        return None, {"scenario": scenario_id, "criterion": criterion, "value": value}

    _participant_write(store, code, token, "rate", fn)
