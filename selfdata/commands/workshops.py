"""``python -m selfdata workshops list|backup|restore|purge|delete``: the operator's view of the
store the app uses (``DATABASE_URL``, else the SQLite file ``SELFDATA_DB``; ``--db URL``
overrides both).

- ``list``: every workshop with its code, title, participants, last change and expiry.
- ``backup --out DIR``: every live workshop as a portable workshop file
  ``DIR/<code>.selfdata.yaml`` (pseudonyms, contributions, votes, ratings; never tokens nor
  secrets), the same file the facilitator downloads.
- ``restore FILE… [--lang fr|en]``: import workshop files; each gets a new join code and
  facilitator secret, printed once (codes and secrets are not in the files); a refused file
  says why in French, or English with ``--lang en``.
- ``purge``: erase every workshop past its retention date (``SELFDATA_RETENTION_DAYS``).
- ``delete CODE [--secret=SECRET]``: the facilitator erases a workshop and all its rows. The
  secret is read from standard input when not given (it then stays out of the process
  list); write ``--secret=…`` with the equals sign, as a secret may begin with ``-``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from sqlalchemy import Connection, func, select

from selfdata.app import services
from selfdata.domain.errors import SelfDataError
from selfdata.files.loading import FileFormatError, dump_workshop, load_workshop
from selfdata.i18n import t as say
from selfdata.store import Store
from selfdata.store import schema as t


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", help="database URL (default: the app's)")
    actions = parser.add_subparsers(dest="action", required=True)
    actions.add_parser("list", help="list every workshop")
    backup = actions.add_parser("backup", help="write every workshop as a workshop file")
    backup.add_argument("--out", required=True, type=Path, metavar="DIR", help="output folder")
    restore = actions.add_parser("restore", help="import workshop files (new codes)")
    restore.add_argument("files", nargs="+", type=Path, metavar="FILE", help="workshop files")
    restore.add_argument(
        "--lang", choices=("fr", "en"), default="fr", help="language of the messages (fr)"
    )
    actions.add_parser("purge", help="erase workshops past their retention date")
    delete = actions.add_parser("delete", help="erase one workshop and all its rows")
    delete.add_argument("code", metavar="CODE", help="the workshop's join code")
    delete.add_argument(
        "--secret", help="the facilitator secret (--secret=…; default: read from stdin)"
    )


def _rows(conn: Connection) -> list[tuple[str, str, int, float | None, float | None]]:
    people = (
        select(func.count())
        .select_from(t.participants)
        .where(t.participants.c.workshop_id == t.workshops.c.id)
        .scalar_subquery()
    )
    last = (
        select(func.max(t.audit_log.c.at))
        .where(t.audit_log.c.workshop_id == t.workshops.c.id)
        .scalar_subquery()
    )
    query = select(
        t.workshops.c.code, t.workshops.c.title, people, last, t.workshops.c.expires_at
    ).order_by(t.workshops.c.id)
    return [(r[0], r[1], int(r[2]), r[3], r[4]) for r in conn.execute(query)]


def _date(epoch: float | None) -> str:
    if epoch is None:
        return "-"
    return dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def run(args: argparse.Namespace) -> int:
    store = Store(args.db) if args.db else Store.from_env()
    try:
        return _run(store, args)
    except SelfDataError as exc:
        print(exc.message("en"), file=sys.stderr)
        return 1
    finally:
        store.dispose()


def _run(store: Store, args: argparse.Namespace) -> int:
    if args.action == "delete":
        secret = args.secret if args.secret is not None else sys.stdin.readline().strip()
        services.delete_workshop(store, args.code, secret)
        print(f"deleted workshop {args.code.upper()} and all its rows")
        return 0
    if args.action == "restore":
        return _restore(store, args.files, args.lang)
    if args.action == "purge":
        print(f"erased {services.purge_expired(store)} expired workshop(s)")
        return 0
    rows = store.read(_rows)
    if args.action == "list":
        for code, title, people, last, expires in rows:
            changed, ends = _date(last), _date(expires)
            print(f"{code}\t{title}\t{people} participants\tchanged {changed}\texpires {ends}")
        print(f"{len(rows)} workshop(s)", file=sys.stderr)
        return 0
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for code, *_ in rows:
        try:
            workshop = services.backup_workshop(store, code)
        except SelfDataError as exc:  # expired: due for erasure, not for backup
            print(f"{code}: skipped ({exc.message('en')})", file=sys.stderr)
            continue
        (out / f"{code}.selfdata.yaml").write_text(dump_workshop(workshop), encoding="utf-8")
        written += 1
    print(f"wrote {written} workshop file(s) to {out}")
    return 0


def _restore(store: Store, files: list[Path], lang: str) -> int:
    """Each file imported with a new code and secret, printed once; a file refused says why,
    in ``lang`` (the problems of a workshop file as the pages word them)."""
    failed = 0
    for path in files:
        try:
            created = services.import_workshop(store, load_workshop(path))
        except FileFormatError as exc:
            for problem in exc.problems:
                print(problem.text(lang), file=sys.stderr)
            failed += 1
            continue
        except SelfDataError as exc:
            print(
                say("files.restore.refused", lang, path=path, why=exc.head(lang)), file=sys.stderr
            )
            for line in exc.message(lang).splitlines()[1:]:
                print(f"  {line}", file=sys.stderr)
            failed += 1
            continue
        done = say(
            "files.restore.created", lang, path=path, code=created.code, secret=created.secret
        )
        print(done)
    return 1 if failed else 0
