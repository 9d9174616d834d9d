"""Preparing a workshop before the room: read a workshop file someone uploads, show what it
would create, then store it.

Reading is the same as the command line's (:func:`selfdata.files.loading.read_workshop_bytes`:
size, binary content, encoding, aliases, depth, tags, duplicate keys, then the models and
the references), and so is storing (:func:`selfdata.app.workshops.import_workshop`, all or
nothing). A preview never writes anything.

Large files are read in a worker process. Parsing itself lets other threads run between
YAML events, but validating a workshop (pydantic) and checking it (``json.dumps``) are long
C calls that hold the GIL: reading a 4.3 MB file in the server's process stalled another
room's reruns up to 0.5 s (p95 3.6x its p95 alone, ``tests/e2e/test_home_upload.py``). In a
worker process they hold only the worker's GIL.
"""

from __future__ import annotations

import re
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from typing import Any

from selfdata.app import access
from selfdata.app.access import facilitate, facilitator_only
from selfdata.app.creation_quota import claim_creation
from selfdata.app.read_models import Created
from selfdata.app.room_setup import put_in_play
from selfdata.app.workshops import import_workshop
from selfdata.domain.cards import DECK_KINDS, DataSourceCard, NeedCard
from selfdata.domain.errors import InvalidInput, LimitExceeded
from selfdata.domain.limits import MAX_ITEMS
from selfdata.domain.workshop import Workshop, WorkshopCards
from selfdata.files.inventory import ColumnUse, mapping_targets, read_sheet_cards
from selfdata.files.inventory_columns import KINDS
from selfdata.files.loading import FileFormatError, read_workshop_bytes
from selfdata.files.problems import Msg, localise
from selfdata.store import Store, Tx, transfer
from selfdata.store.queries import cards
from selfdata.store.queries.workshops import WorkshopRow

MAX_PROBLEMS_SHOWN = 50
"""A broken file can hold thousands of problems; the first fifty say enough."""
IN_PROCESS_BYTES = 256 * 1024
"""Files up to this size are read in the server's process (tens of milliseconds: the
demo workshop's 655 KB take ~0.9 s); larger ones in the worker process."""
WORKER_SECONDS = 120.0
"""Longest wait for the worker (a 5 MB file reads in ~10 s on a loaded 2-core machine)."""

PREVIEW_COUNTS = (
    "participants",
    "sources",
    "needs",
    "votes",
    "use_cases",
    "scenarios",
    "criteria",
    "ratings",
)
"""What a preview counts, in the order of the steps."""


@dataclass(frozen=True)
class WorkshopPreview:
    """What importing ``file`` would create (title, territory, how many of each thing), or
    why it cannot (``problems``, one line each, naming the file and the place)."""

    file: str
    problems: tuple[str, ...]
    title: str = ""
    territory: str = ""
    counts: tuple[tuple[str, int], ...] = ()

    @property
    def importable(self) -> bool:
        return not self.problems


def upload_name(filename: object) -> str:
    """The name shown for an uploaded file: its last path part, printable, at most 80
    characters (a browser sends what the user's system calls it)."""
    raw = str(filename or "")
    name = re.split(r"[\\/]", raw)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    return name[:80] or "workshop.yaml"


def _read(raw: bytes, name: str, lang: str) -> tuple[WorkshopPreview, object]:
    try:
        workshop = read_workshop_bytes(raw, name, None)
    except FileFormatError as exc:
        shown = exc.problems[:MAX_PROBLEMS_SHOWN]
        return WorkshopPreview(name, tuple(p.text(lang) for p in shown)), None
    problems = transfer.import_problems(workshop, access.decks())
    lines = tuple(f"{name}: {localise(p, lang)}" for p in problems[:MAX_PROBLEMS_SHOWN])
    counts = tuple((field, len(getattr(workshop, field))) for field in PREVIEW_COUNTS)
    preview = WorkshopPreview(name, lines, workshop.title, workshop.territory, counts)
    return preview, workshop


def _preview_here(raw: bytes, name: str, lang: str) -> WorkshopPreview:
    return _read(raw, name, lang)[0]


def _import_into(store: Store, raw: bytes, name: str, lang: str) -> Created:
    preview, workshop = _read(raw, name, lang)
    if not preview.importable or not isinstance(workshop, Workshop):
        raise InvalidInput("import.invalid", problems=list(preview.problems))
    return import_workshop(store, workshop)


def _import_in_worker(url: str, raw: bytes, name: str, lang: str) -> Created | tuple[str, ...]:
    """In the worker: the new workshop, or the problems that refused it (a refusal is sent
    back as plain lines, our errors not being picklable)."""
    store = Store(url, create=False)
    try:
        return _import_into(store, raw, name, lang)
    except InvalidInput as err:
        return tuple(err.problems)
    finally:
        store.dispose()


_POOL: list[ProcessPoolExecutor] = []
_POOL_LOCK = threading.Lock()


def _pool() -> ProcessPoolExecutor:
    """One worker process for the whole server (started on first use, "spawn": the server
    runs threads, which a fork would copy mid-flight). Uploads queue for it."""
    with _POOL_LOCK:
        if not _POOL:
            _POOL.append(ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")))
        return _POOL[0]


def _in_worker(fn: object, *args: object) -> object:
    try:
        return _pool().submit(fn, *args).result(timeout=WORKER_SECONDS)  # type: ignore[arg-type]
    except BrokenProcessPool:
        with _POOL_LOCK:
            _POOL.clear()
        raise InvalidInput(
            "import.invalid", problems=[Msg("files.problem.worker_failed")]
        ) from None


def preview_workshop_file(raw: bytes, filename: str, lang: str = "en") -> WorkshopPreview:
    """Read an uploaded workshop file and say what importing it would create; stores
    nothing. The problems are worded in ``lang`` (the page's)."""
    name = upload_name(filename)
    if len(raw) <= IN_PROCESS_BYTES:
        return _preview_here(raw, name, lang)
    try:
        return _in_worker(_preview_here, raw, name, lang)  # type: ignore[return-value]
    except InvalidInput as err:
        return WorkshopPreview(name, tuple(f"{name}: {localise(p, lang)}" for p in err.problems))


def import_workshop_file(
    store: Store, raw: bytes, filename: str, client: str | None = None, lang: str = "en"
) -> Created:
    """Read an uploaded workshop file again and store it as a new workshop (fresh code and
    secret); a file that cannot be imported raises :class:`InvalidInput` (its problems in
    ``lang``) and writes nothing. ``client``: as for
    :func:`~selfdata.app.workshops.create_workshop` (counted first)."""
    if client is not None:
        claim_creation(store, client)
    name = upload_name(filename)
    if len(raw) <= IN_PROCESS_BYTES:
        return _import_into(store, raw, name, lang)
    done = _in_worker(_import_in_worker, store.url, raw, name, lang)
    if not isinstance(done, Created):
        raise InvalidInput("import.invalid", problems=list(done))  # type: ignore[call-overload]
    return done


# === the city's inventory, from a spreadsheet ================================================


@dataclass(frozen=True)
class InventoryPreview:
    """What importing an inventory spreadsheet would add to a workshop: ``titles`` of the
    cards read (in the sheet's order), or ``problems`` naming the line and the column;
    ``warnings`` (columns kept aside, the example row left out) never refuse; ``mapping``
    says what each column feeds, ``targets`` what it may feed instead; ``to_qualify`` how
    many cards have fields nobody gave."""

    file: str
    kind: str
    problems: tuple[str, ...]
    titles: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    mapping: tuple[ColumnUse, ...] = ()
    targets: tuple[str, ...] = ()
    to_qualify: int = 0

    @property
    def importable(self) -> bool:
        return not self.problems and bool(self.titles)


def _inventory_cards(
    raw: bytes, filename: str, kind: str, lang: str, mapping: dict[int, str] | None = None
) -> tuple[str, list[DataSourceCard | NeedCard], tuple[str, ...], InventoryPreview]:
    """The cards of an inventory spreadsheet, its problems and its preview; a sheet over
    :data:`IN_PROCESS_BYTES` is read in the worker process (an XLSX is unpacked and loaded
    whole: its CPU and memory are not the room's)."""
    if kind not in KINDS:
        raise InvalidInput("kind.invalid")
    if len(raw) > IN_PROCESS_BYTES:
        return _in_worker(_inventory_cards_here, raw, filename, kind, lang, mapping)  # type: ignore[return-value]
    return _inventory_cards_here(raw, filename, kind, lang, mapping)


def _inventory_cards_here(
    raw: bytes, filename: str, kind: str, lang: str, mapping: dict[int, str] | None = None
) -> tuple[str, list[DataSourceCard | NeedCard], tuple[str, ...], InventoryPreview]:
    name = upload_name(filename)
    if kind not in KINDS:
        raise InvalidInput("kind.invalid")
    decks = access.decks()
    known = None if decks is None else {k: getattr(decks, k) for k in DECK_KINDS}
    reading = read_sheet_cards(raw, name, kind, lang, decks=known, mapping=mapping)
    problems = tuple(p.text(lang) for p in reading.problems[:MAX_PROBLEMS_SHOWN])
    preview = InventoryPreview(
        name,
        kind,
        problems,
        () if problems else tuple(card.title.get(lang) for card in reading.cards),
        tuple(str(w) for w in reading.warnings[:MAX_PROBLEMS_SHOWN]),
        tuple(reading.mapping),
        tuple(mapping_targets(kind)),
        sum(1 for c in reading.cards if c.to_qualify()),
    )
    return name, reading.cards, problems, preview


def preview_inventory_file(
    raw: bytes, filename: str, kind: str, lang: str, mapping: dict[int, str] | None = None
) -> InventoryPreview:
    """Read an inventory spreadsheet or a processing register (CSV or XLSX) of ``kind``
    (``sources`` or ``needs``) without storing anything; problems are worded in ``lang``;
    ``mapping`` (column index -> target) is the facilitator's fix of the columns."""
    return _inventory_cards(raw, filename, kind, lang, mapping)[3]


def _live_count(conn: Tx, w: WorkshopRow, kind: str) -> int:
    """Items of ``kind`` on the table that count toward the cap (hidden ones do not)."""
    return cards.shown_count(conn, "sources" if kind == "sources" else "needs", w.id)


def inventory_room(store: Store, code: str, kind: str, target: str = "board") -> int:
    """How many more cards of ``kind`` the workshop can take (on the table, or in its own
    deck): the preview offers no more than this, and the import counts the same way."""

    def read(conn: Tx) -> int:
        w = access.workshop_row(conn, code)
        if target == "deck":
            own = transfer.read_cards(conn, w.id) or WorkshopCards()
            deck_kind = "data_sources" if kind == "sources" else "needs"
            return max(0, MAX_ITEMS - len(getattr(own, deck_kind)))
        return max(0, MAX_ITEMS - _live_count(conn, w, kind))

    room: int = store.read(read)
    return room


@facilitator_only
def import_inventory_file(
    store: Store,
    code: str,
    secret: str,
    raw: bytes,
    filename: str,
    kind: str,
    lang: str,
    *,
    target: str = "board",
    mapping: dict[int, str] | None = None,
) -> int:
    """Add every card of an inventory spreadsheet, in one transaction, to the workshop's
    sources or needs (``target="board"``: on the table at once) or to its own deck
    (``target="deck"``: the cards the room picks from, instead of the bundled deck of that
    kind). A sheet with any problem adds nothing (:class:`InvalidInput` listing them).
    Returns how many were added. Every card is marked as coming from the city's file."""
    _, read, problems, _ = _inventory_cards(raw, filename, kind, lang, mapping)
    read_cards = [c.model_copy(update={"origin": "city_file"}) for c in read]
    if problems:
        raise InvalidInput("import.inventory", problems=list(problems))
    if not read_cards:
        raise InvalidInput("import.inventory", problems=[upload_name(filename) + ": 0"])
    if target == "deck":
        return _add_to_deck(store, code, secret, kind, read_cards)
    on_board: cards.CardKind = "sources" if kind == "sources" else "needs"

    def fn(conn: Tx, w: WorkshopRow) -> Any:
        if _live_count(conn, w, kind) + len(read_cards) > MAX_ITEMS:
            raise LimitExceeded("items.too_many", limit=MAX_ITEMS)
        for card in read_cards:
            slug = access.unique_slug(conn, on_board, w.id, card.id)
            stored = card.model_copy(update={"id": slug}).model_dump(mode="json")
            position = access.next_position(conn, on_board, w.id)
            cards.add_from_file(conn, on_board, w.id, slug, stored, position)
        return len(read_cards), {"kind": kind, "count": len(read_cards)}, None

    added: int = facilitate(store, code, secret, "import_inventory", fn)
    return added


def _add_to_deck(
    store: Store, code: str, secret: str, kind: str, cards: list[DataSourceCard | NeedCard]
) -> int:
    deck_kind = "data_sources" if kind == "sources" else "needs"

    def fn(conn: Tx, w: WorkshopRow) -> Any:
        own = transfer.read_cards(conn, w.id) or WorkshopCards()
        mine: list[Any] = list(getattr(own, deck_kind))
        if len(mine) + len(cards) > MAX_ITEMS:
            raise LimitExceeded("items.too_many", limit=MAX_ITEMS)
        taken = {c.id for c in mine}
        for card in cards:
            slug, n = card.id, 2
            while slug in taken:
                slug, n = f"{card.id[:60]}_{n}", n + 1
            taken.add(slug)
            mine.append(card.model_copy(update={"id": slug}))
        transfer.write_cards(conn, w.id, own.model_copy(update={deck_kind: mine}))
        put_in_play(conn, w, deck_kind, [c.id for c in mine[-len(cards) :]])
        return len(cards), {"kind": kind, "count": len(cards), "target": "deck"}, None

    added: int = facilitate(store, code, secret, "import_inventory", fn)
    return added


def workshop_deck(store: Store, code: str) -> WorkshopCards | None:
    """The workshop's own cards (None: it has none, the bundled decks apply)."""
    return store.read(lambda conn: transfer.read_cards(conn, access.workshop_row(conn, code).id))
