"""The relational schema (SQLAlchemy Core, portable SQL) and its idempotent creation.

One row per workshop carries the settings, the version counter and the hashed facilitator
secret; every other table hangs off it by ``workshop_id``. Items keep their file id
(``slug``) and their order (``position``) so that export after import gives the same file.
Card payloads and network edits are JSON text: they are read and written whole.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    insert,
    inspect,
    select,
    text,
    update,
)

from selfdata.domain.identity import pseudonym_key

SCHEMA_VERSION = 15
"""Bump when the schema changes, and add the step to ``MIGRATIONS``."""

SCHEMA_LOCK_KEY = 0x5E1FDA7A
"""PostgreSQL advisory lock held while the schema is created or migrated."""

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("version", Integer, nullable=False),
)

workshops = Table(
    "workshops",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(16), nullable=False, unique=True),
    Column("secret_hash", String(64), nullable=False),
    Column("title", String(200), nullable=False),
    Column("territory", String(200), nullable=False),
    Column("theme", String(64), nullable=False),
    Column("illustrative", Boolean, nullable=False, default=False),
    Column("description", Text, nullable=False, default=""),
    Column("language", String(2), nullable=False, default="fr"),
    # the file's ``created`` as ISO text, kept verbatim for a lossless round trip
    Column("created", String(64)),
    Column("created_at", Float, nullable=False),
    Column("expires_at", Float),
    Column("step", String(32), nullable=False),
    Column("vote_budget", Integer, nullable=False),
    Column("vote_cap", Integer, nullable=False),
    Column("locked", Boolean, nullable=False, default=False),
    Column("revealed", Text, nullable=False, default="[]"),
    Column("timer_end", Float),
    Column("version", Integer, nullable=False, default=0),
    # bumped with ``version`` by every write that can change a ranking (everything but
    # dots and proposals): the outcome screens cache their ranking on it (docs/load.md)
    Column("ranking_version", Integer, nullable=False, default=0, server_default="0"),
    # what the projector shows (method, scenario, comparison, chart, QR): JSON text, set by
    # the facilitator only (selfdata/app/projector.py); version 4
    Column("projector", Text, nullable=False, default="{}", server_default="{}"),
    # bumped with ``version`` by the settings tablets must follow at once (budget, cap,
    # weights): live screens put it in the key that redraws them immediately; version 4
    Column("settings_version", Integer, nullable=False, default=0, server_default="0"),
    # the facilitator closed joining (schema 5): the code still opens the room, no one joins
    Column("joining_closed", Boolean, nullable=False, default=False, server_default=false()),
    # the facilitator named participants for this workshop (schema 8); off = anonymous: no
    # pseudonym in the console lists, on the tablets, in ``rank`` or in the report
    Column("show_pseudonyms", Boolean, nullable=False, default=False, server_default=false()),
    # the facilitator admits each new participant (schema 14): joiners wait until then
    Column("join_approval", Boolean, nullable=False, default=False, server_default=false()),
    # what the facilitator prepared (cards in play, agenda: the file's ``preparation``, JSON)
    # and the room's clock (when the step started, time spent per step, JSON); version 9
    Column("preparation", Text),
    Column("step_clock", Text),
    # how the room decides (schema 11, JSON, NULL = as before): whether participants weigh
    # the criteria and the rating round (selfdata/app/group_decision.py)
    Column("decision", Text),
    # bumped with ``ranking_version`` except by what a participant adds on their own to the
    # room's tallies (a rating, their weights, an objection: selfdata/app/access.py); what a
    # tablet that shows none of the room's tallies watches (selfdata/ui/push.content_key);
    # schema 15
    Column("shared_version", Integer, nullable=False, default=0, server_default="0"),
)

participants = Table(
    "participants",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("workshop_id", Integer, ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
    Column("slug", String(64), nullable=False),
    Column("pseudonym", String(200), nullable=False),
    # the name's look-alike skeleton (selfdata.domain.identity.pseudonym_key), unique per
    # workshop; NFKC and casefold() can triple a text's length ("ﬃ" -> "ffi"): no limit
    Column("pseudonym_key", Text, nullable=False),
    Column("joined", String(64)),
    Column("token_hash", String(64), unique=True),
    Column("position", Integer, nullable=False),
    # joined while the facilitator approves arrivals, not admitted yet (schema 14): may
    # read, may not act
    Column("waiting", Boolean, nullable=False, default=False, server_default=false()),
    UniqueConstraint("workshop_id", "slug"),
    UniqueConstraint("workshop_id", "pseudonym_key"),
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("workshop_id", Integer, ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
    Column("slug", String(64), nullable=False),
    Column("card", Text),
    Column("selected", Boolean, nullable=False, default=True),
    Column("proposed_by", Integer, ForeignKey("participants.id", ondelete="CASCADE")),
    Column("hidden", Boolean, nullable=False, default=False),
    Column("position", Integer, nullable=False),
    UniqueConstraint("workshop_id", "slug"),
)

needs = Table(
    "needs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("workshop_id", Integer, ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
    Column("slug", String(64), nullable=False),
    Column("card", Text),
    Column("proposed_by", Integer, ForeignKey("participants.id", ondelete="CASCADE")),
    Column("hidden", Boolean, nullable=False, default=False),
    Column("position", Integer, nullable=False),
    UniqueConstraint("workshop_id", "slug"),
)

votes = Table(
    "votes",
    metadata,
    Column("workshop_id", Integer, ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
    Column(
        "participant_id",
        Integer,
        ForeignKey("participants.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("need_id", Integer, ForeignKey("needs.id", ondelete="CASCADE"), primary_key=True),
    Column("dots", Integer, nullable=False),
    Column("position", Integer, nullable=False),
)

use_cases = Table(
    "use_cases",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("workshop_id", Integer, ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
    Column("slug", String(64), nullable=False),
    Column("title", String(200), nullable=False),
    Column("need_id", Integer, ForeignKey("needs.id", ondelete="CASCADE"), nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("governance_answers", Text, nullable=False, default="{}"),
    Column("governance_choice", String(64)),
    Column("position", Integer, nullable=False),
    UniqueConstraint("workshop_id", "slug"),
)

use_case_sources = Table(
    "use_case_sources",
    metadata,
    Column(
        "use_case_id", Integer, ForeignKey("use_cases.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, nullable=False),
)

scenarios = Table(
    "scenarios",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("workshop_id", Integer, ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
    Column("slug", String(64), nullable=False),
    Column("title", String(200), nullable=False),
    Column("use_case_id", Integer, ForeignKey("use_cases.id", ondelete="CASCADE"), nullable=False),
    Column("model", String(64), nullable=False),
    Column("residents", Integer, nullable=False),
    Column("duration_months", Integer, nullable=False),
    Column("partners", Text, nullable=False, default="[]"),
    Column("description", Text, nullable=False, default=""),
    Column("network_edits", Text, nullable=False, default="{}"),
    Column("position", Integer, nullable=False),
    Column("action_plan", Text, nullable=True),
    Column("city_roles", Text, nullable=True),
    Column("city_actors", Text, nullable=True),
    Column("plan_start", String(10), nullable=True),
    UniqueConstraint("workshop_id", "slug"),
)

criteria = Table(
    "criteria",
    metadata,
    Column(
        "workshop_id",
        Integer,
        ForeignKey("workshops.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("criterion", String(64), primary_key=True),
    Column("weight", Float, nullable=False),
    Column("position", Integer, nullable=False),
)


def _rating_columns() -> list[Column[Any]]:
    """A participant's rating of a scenario on a criterion: the columns ``ratings`` (the
    current round) and ``round_ratings`` (a closed round's) share."""
    return [
        Column(
            "participant_id",
            Integer,
            ForeignKey("participants.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        Column(
            "scenario_id",
            Integer,
            ForeignKey("scenarios.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        Column("criterion", String(64), primary_key=True),
        Column("value", Integer, nullable=False),
        Column("position", Integer, nullable=False),
    ]


ratings = Table(
    "ratings",
    metadata,
    Column("workshop_id", Integer, ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
    *_rating_columns(),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("workshop_id", Integer, ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
    Column("at", Float, nullable=False),
    Column("actor", String(64), nullable=False),
    Column("action", String(64), nullable=False),
    Column("detail", Text, nullable=False, default="{}"),
    # JSON of the inverse operation, for facilitator actions that can be undone
    Column("undo", Text),
    Column("undone", Boolean, nullable=False, default=False),
)

Index("ix_participants_workshop", participants.c.workshop_id, participants.c.position)
Index("ix_sources_workshop", sources.c.workshop_id, sources.c.position)
Index("ix_needs_workshop", needs.c.workshop_id, needs.c.position)
Index("ix_votes_workshop", votes.c.workshop_id, votes.c.position)
Index("ix_votes_need", votes.c.need_id)
Index("ix_use_cases_workshop", use_cases.c.workshop_id, use_cases.c.position)
Index("ix_use_case_sources_source", use_case_sources.c.source_id)
Index("ix_scenarios_workshop", scenarios.c.workshop_id, scenarios.c.position)
Index("ix_ratings_workshop", ratings.c.workshop_id, ratings.c.position)
workshop_cards = Table(
    "workshop_cards",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("workshop_id", Integer, ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("slug", String(64), nullable=False),
    Column("card", Text, nullable=False),
    Column("position", Integer, nullable=False),
    UniqueConstraint("workshop_id", "kind", "slug"),
)
"""Version 6: a workshop's own cards (``kind`` is a deck kind: ``data_sources``, ``needs``)."""

Index("ix_ratings_scenario", ratings.c.scenario_id)

tables = Table(
    "tables",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("workshop_id", Integer, ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
    Column("slug", String(64), nullable=False),
    Column("name", String(200), nullable=False),
    Column("colour", Integer, nullable=False, default=0),
    Column("position", Integer, nullable=False),
    UniqueConstraint("workshop_id", "slug"),
)
"""Version 10: the tables of a large room. ``participants``, ``needs`` and ``use_cases``
gain a nullable ``table_id`` (NULL: no table / shared by the whole room)."""
Index("ix_tables_workshop", tables.c.workshop_id, tables.c.position)
TABLE_COLUMNS = ("participants", "needs", "use_cases")
"""The tables that carry a ``table_id`` since version 10."""
for _name in TABLE_COLUMNS:
    metadata.tables[_name].append_column(
        Column("table_id", Integer, ForeignKey("tables.id", ondelete="SET NULL"))
    )
Index("ix_audit_workshop", audit_log.c.workshop_id, audit_log.c.id)

participant_weights = Table(
    "participant_weights",
    metadata,
    Column("workshop_id", Integer, ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
    Column(
        "participant_id",
        Integer,
        ForeignKey("participants.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("criterion", String(64), primary_key=True),
    Column("value", Integer, nullable=False),
    Column("position", Integer, nullable=False),
)
"""Version 11: each participant's swing weights (0–100 per criterion)."""
Index("ix_participant_weights_workshop", participant_weights.c.workshop_id)

round_ratings = Table(
    "round_ratings",
    metadata,
    Column("workshop_id", Integer, ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
    Column("round", Integer, primary_key=True),
    *_rating_columns(),
)
"""Version 11: the ratings of a closed round, kept when the next round opens (``ratings``
holds the current round's)."""
Index("ix_round_ratings_workshop", round_ratings.c.workshop_id, round_ratings.c.position)

objections = Table(
    "objections",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("workshop_id", Integer, ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
    Column(
        "participant_id", Integer, ForeignKey("participants.id", ondelete="CASCADE"), nullable=False
    ),
    Column("scenario_id", Integer, ForeignKey("scenarios.id", ondelete="CASCADE"), nullable=False),
    Column("reason", Text, nullable=False),
    Column("position", Integer, nullable=False),
    UniqueConstraint("participant_id", "scenario_id"),
)
"""Version 11: blocking objections raised in the consent round on the top scenario."""
Index("ix_objections_workshop", objections.c.workshop_id, objections.c.position)
DECISION_TABLES = (participant_weights, round_ratings, objections)


workshop_creations = Table(
    "workshop_creations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", Float, nullable=False),
    # a hash of the creating browser's network address; rows older than the quota's window
    # are deleted at the next creation and by the retention purge (selfdata/app/creation_quota.py)
    Column("client", String(64), nullable=False),
)
"""Version 13: recent workshop creations, for the per-address and total creation limits
shared by every server process (the count is in the database, not in one process's memory)."""
Index("ix_workshop_creations_at", workshop_creations.c.at)


def _add_ranking_version(conn: Connection) -> None:
    conn.execute(
        text("ALTER TABLE workshops ADD COLUMN ranking_version INTEGER NOT NULL DEFAULT 0")
    )
    conn.execute(update(workshops).values(ranking_version=workshops.c.version))


def _renormalise_pseudonym_keys(conn: Connection) -> None:
    """Version 3: ``pseudonym_key`` becomes the look-alike skeleton (it was ``casefold()``).

    Two participants already in a room may now share a skeleton ("Alice" and a Cyrillic
    "Аlice"): the first to have joined keeps the bare skeleton, the later one gets it
    suffixed with its own slug (after a separator no skeleton holds), so both stay and a new
    look-alike is still refused. Every key is first parked on a unique placeholder, so the
    unique index never sees two rows mid-way."""
    rows = conn.execute(
        select(
            participants.c.id,
            participants.c.workshop_id,
            participants.c.slug,
            participants.c.pseudonym,
        ).order_by(participants.c.workshop_id, participants.c.position, participants.c.id)
    ).all()
    taken: set[tuple[int, str]] = set()
    keys: dict[int, str] = {}
    for row in rows:
        key = pseudonym_key(row.pseudonym)
        if (row.workshop_id, key) in taken:
            key = f"{key}\x1f{row.slug}"
        taken.add((row.workshop_id, key))
        keys[row.id] = key
    for row_id in keys:
        conn.execute(
            update(participants)
            .where(participants.c.id == row_id)
            .values(pseudonym_key=f"\x1f{row_id}")
        )
    for row_id, key in keys.items():
        conn.execute(
            update(participants).where(participants.c.id == row_id).values(pseudonym_key=key)
        )


def _add_room_display(conn: Connection) -> None:
    """Version 4: ``projector`` (what the wall shows, JSON, ``{}`` = the defaults) and
    ``settings_version`` (starts at 0). Columns already there are left alone."""
    present = {c["name"] for c in inspect(conn).get_columns("workshops")}
    if "projector" not in present:
        conn.execute(text("ALTER TABLE workshops ADD COLUMN projector TEXT NOT NULL DEFAULT '{}'"))
    if "settings_version" not in present:
        conn.execute(
            text("ALTER TABLE workshops ADD COLUMN settings_version INTEGER NOT NULL DEFAULT 0")
        )


def _add_joining_closed(conn: Connection) -> None:
    """Version 5: ``workshops.joining_closed`` (every workshop open, as before)."""
    present = {c["name"] for c in inspect(conn).get_columns("workshops")}
    if "joining_closed" not in present:  # a database made from this schema has it already
        conn.execute(
            text("ALTER TABLE workshops ADD COLUMN joining_closed BOOLEAN NOT NULL DEFAULT FALSE")
        )


def _add_workshop_cards(conn: Connection) -> None:
    """Version 6: the ``workshop_cards`` table (created by ``create_all`` just before, as
    any new table is); nothing to convert, no workshop had cards of its own."""
    workshop_cards.create(conn, checkfirst=True)


def _add_action_plan_and_city_roles(conn: Connection) -> None:
    """Version 7: a scenario's action plan, the city's roles in it and the network actors
    that are the city (JSON, NULL until the facilitator records them)."""
    # Only the missing ones: ``create_all`` just before already gave them to a database
    # whose scenarios table is newer than its recorded version (a skipped number).
    present = {c["name"] for c in inspect(conn).get_columns("scenarios")}
    for column in ("action_plan", "city_roles", "city_actors"):
        if column not in present:
            conn.execute(text(f"ALTER TABLE scenarios ADD COLUMN {column} TEXT"))


def _add_show_pseudonyms(conn: Connection) -> None:
    """Version 8: ``workshops.show_pseudonyms`` (every workshop anonymous, the default: the
    console's old switch was per session, nothing to carry over)."""
    present = {c["name"] for c in inspect(conn).get_columns("workshops")}
    if "show_pseudonyms" not in present:  # a database made from this schema has it already
        conn.execute(
            text("ALTER TABLE workshops ADD COLUMN show_pseudonyms BOOLEAN NOT NULL DEFAULT FALSE")
        )


def _add_preparation(conn: Connection) -> None:
    """Version 9: ``workshops.preparation`` (cards in play and agenda) and
    ``workshops.step_clock`` (time spent per step), both NULL: nothing prepared, no clock."""
    present = {c["name"] for c in inspect(conn).get_columns("workshops")}
    for column in ("preparation", "step_clock"):
        if column not in present:
            conn.execute(text(f"ALTER TABLE workshops ADD COLUMN {column} TEXT"))


def _add_tables(conn: Connection) -> None:
    """Version 10: the ``tables`` table (made by ``create_all`` just before) and a nullable
    ``table_id`` on participants, needs and use cases: every existing row has no table, so
    a workshop behaves as before."""
    tables.create(conn, checkfirst=True)
    for name in TABLE_COLUMNS:
        present = {c["name"] for c in inspect(conn).get_columns(name)}
        if "table_id" not in present:
            conn.execute(
                text(f"ALTER TABLE {name} ADD COLUMN table_id INTEGER REFERENCES tables(id)")
            )


def _add_decision(conn: Connection) -> None:
    """Version 11: ``workshops.decision`` (NULL: no participants' weights, no rounds) and the
    tables of participants' weights, closed rounds' ratings and objections (made by
    ``create_all`` just before): every existing workshop decides as before."""
    for table in DECISION_TABLES:
        table.create(conn, checkfirst=True)
    present = {c["name"] for c in inspect(conn).get_columns("workshops")}
    if "decision" not in present:
        conn.execute(text("ALTER TABLE workshops ADD COLUMN decision TEXT"))


def _add_plan_start(conn: Connection) -> None:
    """Version 12: ``scenarios.plan_start``, the day an action plan starts (ISO date, NULL:
    dates to set). The steps' new fields (kind, weeks, budget) live in the plan's JSON."""
    present = {c["name"] for c in inspect(conn).get_columns("scenarios")}
    if "plan_start" not in present:
        conn.execute(text("ALTER TABLE scenarios ADD COLUMN plan_start VARCHAR(10)"))


def _add_workshop_creations(conn: Connection) -> None:
    """Version 13: the ``workshop_creations`` table (made by ``create_all`` just before)."""
    workshop_creations.create(conn, checkfirst=True)


def _add_join_approval(conn: Connection) -> None:
    """Version 14: ``workshops.join_approval`` and ``participants.waiting`` (off: everyone in
    as before), and the pseudonyms' look-alike keys made again (they now fold "rn" to "m" and
    "0" to "o": "Carnille" collides with "Camille")."""
    for table, column in (("workshops", "join_approval"), ("participants", "waiting")):
        present = {c["name"] for c in inspect(conn).get_columns(table)}
        if column not in present:
            conn.execute(
                text(f"ALTER TABLE {table} ADD COLUMN {column} BOOLEAN NOT NULL DEFAULT FALSE")
            )
    _renormalise_pseudonym_keys(conn)


def _add_shared_version(conn: Connection) -> None:
    """Version 15: ``workshops.shared_version`` (starts at 0: only its moves matter)."""
    present = {c["name"] for c in inspect(conn).get_columns("workshops")}
    if "shared_version" not in present:  # a database made from this schema has it already
        conn.execute(
            text("ALTER TABLE workshops ADD COLUMN shared_version INTEGER NOT NULL DEFAULT 0")
        )


MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    2: _add_ranking_version,
    3: _renormalise_pseudonym_keys,
    4: _add_room_display,
    5: _add_joining_closed,
    6: _add_workshop_cards,
    7: _add_action_plan_and_city_roles,
    8: _add_show_pseudonyms,
    9: _add_preparation,
    10: _add_tables,
    11: _add_decision,
    12: _add_plan_start,
    13: _add_workshop_creations,
    14: _add_join_approval,
    15: _add_shared_version,
}
"""Version n -> function bringing a version n-1 database to version n."""


def current_version(conn: Connection) -> int:
    row = conn.execute(select(schema_version.c.version).where(schema_version.c.id == 1)).first()
    return 0 if row is None else int(row[0])


def create_schema(conn: Connection) -> int:
    """Create missing tables, then apply pending migrations; safe to run again and again.
    Runs inside the caller's (write) transaction. Returns the schema version."""
    if conn.dialect.name == "postgresql":
        # Replicas starting together on an empty database would race to create the same
        # tables (a unique violation in the catalog); this lock makes them take turns.
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
    metadata.create_all(conn, checkfirst=True)
    found = current_version(conn)
    if found == 0:
        conn.execute(insert(schema_version).values(id=1, version=SCHEMA_VERSION))
        return SCHEMA_VERSION
    if found > SCHEMA_VERSION:
        raise RuntimeError(
            f"database schema version {found} is newer than this program's ({SCHEMA_VERSION})"
        )
    for target in range(found + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[target](conn)
        conn.execute(update(schema_version).where(schema_version.c.id == 1).values(version=target))
    return SCHEMA_VERSION


def dumps(value: Any) -> str:
    """How a JSON column's value is written (compact, UTF-8 kept as is)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
