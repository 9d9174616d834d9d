"""Pseudonyms are cleaned before they are stored and compared by their look: the look-alike
table of issue 15, the blank and reserved names, and the schema step that re-keys the
participants already in a database."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import insert, select, update
from sqlalchemy import text as sql_text
from sqlalchemy.exc import IntegrityError

from selfdata.app import services
from selfdata.domain.errors import InvalidInput, LimitExceeded, SelfDataError
from selfdata.domain.identity import (
    MAX_PSEUDONYM,
    RESERVED_PSEUDONYMS,
    clean_pseudonym,
    pseudonym_key,
)
from selfdata.domain.workshop import Participant, Workshop
from selfdata.store import SCHEMA_VERSION, Store
from selfdata.store import schema as t
from selfdata.store.transfer import import_problems
from tests.service_helpers import open_room

ALICE_COMPOSED = unicodedata.normalize("NFC", "Alicé")
ALICE_DECOMPOSED = unicodedata.normalize("NFD", "Alicé")


def _admitted(names: list[str]) -> list[str]:
    """What a room would let in, joining ``names`` in turn: a name is refused when it is
    invalid or when its key is already taken (what the store's unique index enforces)."""
    keys: set[str] = set()
    admitted = []
    for raw in names:
        try:
            name = clean_pseudonym(raw)
        except SelfDataError:
            continue
        if pseudonym_key(name) not in keys:
            keys.add(pseudonym_key(name))
            admitted.append(name)
    return admitted


LOOK_ALIKES_OF_ALICE = [
    pytest.param("A\u200blice", id="zero-width-space"),
    pytest.param("\u0410lice", id="cyrillic-capital-a"),
    pytest.param("Ali\u0441e", id="cyrillic-small-es"),
    pytest.param("\u0391lice", id="greek-capital-alpha"),
    pytest.param("Ａｌｉｃｅ", id="fullwidth"),
    pytest.param("alice", id="lower-case"),
    pytest.param("ALICE", id="upper-case"),
    pytest.param(ALICE_COMPOSED, id="accent-composed"),
    pytest.param(ALICE_DECOMPOSED, id="accent-decomposed"),
    pytest.param(" Alice\u00a0", id="surrounding-spaces"),
    pytest.param("Alice\ufe0f", id="variation-selector"),
    pytest.param("\u2066Alice\u2069", id="bidi-isolate"),
    pytest.param("Al\u00adice", id="soft-hyphen"),
]


@pytest.mark.parametrize("look_alike", LOOK_ALIKES_OF_ALICE)
def test_a_look_alike_of_alice_is_refused_as_a_duplicate(look_alike: str):
    assert pseudonym_key(clean_pseudonym(look_alike)) == pseudonym_key("Alice")
    assert _admitted(["Alice", look_alike]) == ["Alice"]


def test_composed_and_decomposed_accents_are_one_name():
    assert ALICE_COMPOSED != ALICE_DECOMPOSED
    assert clean_pseudonym(ALICE_DECOMPOSED) == ALICE_COMPOSED  # stored composed
    assert _admitted([ALICE_COMPOSED, ALICE_DECOMPOSED]) == [ALICE_COMPOSED]
    assert _admitted([ALICE_DECOMPOSED, ALICE_COMPOSED]) == [ALICE_COMPOSED]


@pytest.mark.parametrize(
    "blank",
    ["\u200b", "\u2800", "\u3164", "\u115f\u1160", "\uffa0", "\u200e\u200f", " \u00a0\t", ""],
)
def test_a_name_that_shows_nothing_is_refused_as_blank(blank: str):
    with pytest.raises(InvalidInput) as refused:
        clean_pseudonym(blank)
    assert refused.value.key == "pseudonym.blank"
    assert refused.value.message("fr") != refused.value.message("en")
    assert "\u202f:" in refused.value.message("fr")  # French typography


@pytest.mark.parametrize(
    "reserved",
    [
        "Animateur",
        "animation",
        "Facilitator",
        "ANIMATRICE",
        "Facilitateur·rice",
        "Facilitateur.rice",
        "\u0410nimateur",  # Cyrillic A
        "Animateur 2",
        "Ｆａｃｉｌｉｔａｔｏｒ",
    ],
)
def test_the_facilitator_s_names_and_their_look_alikes_are_reserved(reserved: str):
    with pytest.raises(InvalidInput) as refused:
        clean_pseudonym(reserved)
    assert refused.value.key == "pseudonym.reserved"
    assert "anime" in refused.value.message("fr") and "running" in refused.value.message("en")


def test_every_reserved_name_is_refused():
    for name in RESERVED_PSEUDONYMS:
        with pytest.raises(InvalidInput):
            clean_pseudonym(name)


def test_a_right_to_left_override_is_stripped():
    assert clean_pseudonym("\u202eAlice\u202c") == "Alice"
    assert clean_pseudonym("Ali\u202ece") == "Alice"
    for control in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c":
        assert control not in clean_pseudonym(f"Ana{control}Bel")


def test_whitespace_is_collapsed_to_single_spaces():
    assert clean_pseudonym("  Héron \u00a0\t cendré\u3000") == "Héron cendré"


def test_distinct_names_are_accepted_and_stay_distinct():
    names = ["Alice", "Héron cendré", "Alicia", "李雷", "Zoë", "Ali", "Castor rêveur", "🦊"]
    assert _admitted(names) == names
    assert len({pseudonym_key(n) for n in names}) == len(names)


def test_a_name_too_long_is_refused_after_cleaning_and_padding_does_not_count():
    assert clean_pseudonym("a" * MAX_PSEUDONYM) == "a" * MAX_PSEUDONYM
    assert clean_pseudonym("\u200b" * 100 + "Ana") == "Ana"
    for too_long in ("a" * (MAX_PSEUDONYM + 1), "\u200b" * 10_000 + "Ana"):
        with pytest.raises(LimitExceeded) as refused:
            clean_pseudonym(too_long)
        assert refused.value.key == "pseudonym.too_long"


def test_a_pseudonym_that_is_not_text_is_refused():
    with pytest.raises(InvalidInput):
        clean_pseudonym(None)


def test_the_key_is_total_and_stable():
    """Any text has a key (a workshop file's pseudonyms are not cleaned), the same twice."""
    for text in ("", "\u200b", "Animateur", "x" * 1000, "\U0001f98a"):
        assert pseudonym_key(text) == pseudonym_key(text)
    assert pseudonym_key("Alice") == pseudonym_key(pseudonym_key("Alice"))


# --- the schema step (version 3) ---------------------------------------------------------


@pytest.mark.storage
def test_a_version_2_database_gets_look_alike_keys_and_keeps_its_participants(db_url: str):
    url = db_url  # SQLite and PostgreSQL
    store = Store(url)
    created = services.create_workshop(store, example="la_rochelle")
    code = created.code
    olds = ["Alice", "\u0410lice", ALICE_DECOMPOSED, "Zoë"]

    def make_it_version_2(conn):  # type: ignore[no-untyped-def]
        wid = conn.execute(select(t.workshops.c.id).where(t.workshops.c.code == code)).scalar()
        conn.execute(update(t.participants).values(pseudonym_key=t.participants.c.pseudonym))
        for i, name in enumerate(olds):  # version 2 keyed by casefold(): all four got in
            conn.execute(
                insert(t.participants).values(
                    workshop_id=wid,
                    slug=f"p-old{i}",
                    pseudonym=name,
                    pseudonym_key=name.casefold(),
                    position=100 + i,
                )
            )
        conn.execute(sql_text("ALTER TABLE workshops DROP COLUMN joining_closed"))  # schema 5
        conn.execute(update(t.schema_version).values(version=2))
        return wid

    wid = store.write(make_it_version_2)
    store.dispose()

    migrated = Store(url)
    found = migrated.read(lambda c: c.execute(select(t.schema_version.c.version)).scalar_one())
    assert found == SCHEMA_VERSION >= 3
    rows = migrated.read(
        lambda c: c.execute(
            select(t.participants.c.pseudonym, t.participants.c.pseudonym_key)
            .where(t.participants.c.workshop_id == wid)
            .order_by(t.participants.c.position)
        ).all()
    )
    keys = dict((name, key) for name, key in rows)
    assert len(rows) == 9 + len(olds)  # nobody lost
    assert keys["Alice"] == pseudonym_key("Alice") == "alice"  # the first keeps the key
    assert keys["\u0410lice"] != keys[ALICE_DECOMPOSED] != "alice"  # the later are set apart
    assert keys["Héron cendré"] == pseudonym_key("Héron cendré")
    assert keys["Zoë"] == "zoe"

    def join_a_look_alike(conn):  # type: ignore[no-untyped-def]
        conn.execute(
            insert(t.participants).values(
                workshop_id=wid,
                slug="p-new",
                pseudonym="Ａｌｉｃｅ",
                pseudonym_key=pseudonym_key("Ａｌｉｃｅ"),
                position=200,
            )
        )

    with pytest.raises(IntegrityError):  # the unique index now refuses a look-alike
        migrated.write(join_a_look_alike)
    exported = services.export_workshop(migrated, code, created.secret)
    assert [p.pseudonym for p in exported.participants][-len(olds) :] == olds
    migrated.dispose()


def test_a_workshop_file_with_look_alike_pseudonyms_is_refused_with_both_named():
    workshop = Workshop(
        title="Atelier",
        territory="Testville",
        theme="water",
        participants=[
            Participant(id="p1", pseudonym="Alice"),
            Participant(id="p2", pseudonym="\u0410lice"),
            Participant(id="p3", pseudonym="Zoë"),
        ],
    )
    problems = [p for p in import_problems(workshop, None) if "pseudonym" in p]
    assert problems == [
        "participants[1].pseudonym: pseudonym '\u0410lice' is already used by participants[0]"
    ]


# --- through the service: what a room actually lets in ----------------------------------------


@pytest.mark.parametrize("look_alike", LOOK_ALIKES_OF_ALICE)
@pytest.mark.storage
def test_joining_a_room_under_a_look_alike_of_alice_is_refused(store: Store, look_alike: str):
    room = open_room(store)
    room.join("Alice")
    with pytest.raises(services.Conflict) as refused:
        room.join(look_alike)
    assert refused.value.key == "pseudonym.taken"
    assert services.participants(store, room.code).count == 1


@pytest.mark.parametrize(
    "name, key",
    [
        ("\u200b", "pseudonym.blank"),
        ("Animateur", "pseudonym.reserved"),
        ("\u0410nimation", "pseudonym.reserved"),
    ],
)
def test_joining_under_a_blank_or_reserved_name_is_refused_and_changes_nothing(
    store: Store, name: str, key: str
):
    room = open_room(store)
    before = room.version()
    with pytest.raises(InvalidInput) as refused:
        room.join(name)
    assert refused.value.key == key
    assert room.version() == before
    assert services.participants(store, room.code).count == 0


@pytest.mark.storage
def test_a_joined_name_is_stored_cleaned(store: Store):
    room = open_room(store)
    joined = services.join(store, room.code, "\u202eA\u200bli\u00a0\u00a0ce\u2069")
    assert joined.pseudonym == "Ali ce"
    assert services.whoami(store, room.code, joined.token).pseudonym == "Ali ce"


@pytest.mark.parametrize(
    "impostor",
    [
        "L'animateur",
        "Animateur du jour",
        "Admin",
        "4dm1n",
        "Anim@trice",
        "Modérateur",
        "The organizer",
        "Administratrice",
        "Faci1itateur",
    ],
)
def test_a_name_claiming_a_role_in_either_language_is_refused(impostor: str):
    with pytest.raises(InvalidInput) as refused:
        clean_pseudonym(impostor)
    assert refused.value.key == "pseudonym.reserved"


@pytest.mark.parametrize(
    ("first", "look_alike"),
    [("Bob", "B0b"), ("Camille", "Carnille"), ("Wendy", "Vvendy"), ("Carnille", "Camille")],
)
def test_a_name_read_at_a_glance_as_an_existing_one_is_a_duplicate(first: str, look_alike: str):
    assert _admitted([first, look_alike]) == [first]


def test_ordinary_names_near_the_role_words_still_join():
    names = ["Animaux", "Adèle", "Rootbeer", "Mathilde", "Lili", "Hostel", "Modeste", "Orge"]
    assert _admitted(names) == names


# --- the schema step (version 11) --------------------------------------------------------


@pytest.mark.storage
def test_a_version_10_database_gets_join_approval_and_the_new_look_alike_keys(db_url: str):
    store = Store(db_url)
    room = open_room(store)
    room.join("Carnille")

    def make_it_version_10(conn):  # type: ignore[no-untyped-def]
        conn.execute(update(t.participants).values(pseudonym_key=t.participants.c.pseudonym))
        conn.execute(sql_text("ALTER TABLE participants DROP COLUMN waiting"))
        conn.execute(sql_text("ALTER TABLE workshops DROP COLUMN join_approval"))
        conn.execute(update(t.schema_version).values(version=10))

    store.write(make_it_version_10)
    store.dispose()
    migrated = Store(db_url)
    assert SCHEMA_VERSION >= 11
    assert not services.join_approval(migrated, room.code)
    people = services.participants(migrated, room.code).participants
    assert [(p.pseudonym, p.waiting) for p in people] == [("Carnille", False)]
    with pytest.raises(SelfDataError) as taken:
        services.join(migrated, room.code, "Camille")  # read alike at a glance
    assert taken.value.key == "pseudonym.taken"
    migrated.dispose()
