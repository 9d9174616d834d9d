"""The relational schema (SQLAlchemy Core, portable SQL) and its idempotent creation.

One row per workshop carries the settings, the version counter and the hashed facilitator
secret; every other table hangs off it by ``workshop_id``. Items keep their file id
(``slug``) and their order (``position``) so that export after import gives the same file.
Card payloads and network edits are JSON text: they are read and written whole.
"""

from __future__ import annotations

from collections.abc import Callable

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
    insert,
    select,
    text,
    update,
)

SCHEMA_VERSION = 2
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
)

participants = Table(
    "participants",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("workshop_id", Integer, ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
    Column("slug", String(64), nullable=False),
    Column("pseudonym", String(200), nullable=False),
    # casefold() can triple a text's length ("ﬃ" -> "ffi"): no length limit on the key
    Column("pseudonym_key", Text, nullable=False),
    Column("joined", String(64)),
    Column("token_hash", String(64), unique=True),
    Column("position", Integer, nullable=False),
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

ratings = Table(
    "ratings",
    metadata,
    Column("workshop_id", Integer, ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
    Column(
        "participant_id",
        Integer,
        ForeignKey("participants.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "scenario_id", Integer, ForeignKey("scenarios.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("criterion", String(64), primary_key=True),
    Column("value", Integer, nullable=False),
    Column("position", Integer, nullable=False),
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
Index("ix_ratings_scenario", ratings.c.scenario_id)
Index("ix_audit_workshop", audit_log.c.workshop_id, audit_log.c.id)


def _add_ranking_version(conn: Connection) -> None:
    conn.execute(
        text("ALTER TABLE workshops ADD COLUMN ranking_version INTEGER NOT NULL DEFAULT 0")
    )
    conn.execute(update(workshops).values(ranking_version=workshops.c.version))


MIGRATIONS: dict[int, Callable[[Connection], None]] = {2: _add_ranking_version}
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
