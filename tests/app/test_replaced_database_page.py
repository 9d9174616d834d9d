"""A tablet's vote after the database file was deleted under the running app (`make clean`,
a removed `var/`) is refused with one plain sentence, and nothing says it was counted."""

from __future__ import annotations

import os
from pathlib import Path

from selfdata.app import services
from selfdata.store import Store
from tests.app.conftest import PageRunner
from tests.app.room_helpers import open_room


def test_a_vote_after_the_database_file_was_deleted_is_refused_on_the_tablet(
    app_store: Store, run_page: PageRunner
) -> None:
    room = open_room(app_store, "la_rochelle")
    services.set_step(app_store, room.code, room.secret, "needs")
    need = services.needs_board(app_store, room.code).needs[0]
    tablet = run_page("needs", code=room.code, token=room.token)
    assert "5 / 5" in [m.value for m in tablet.metric]
    db = Path(os.environ["SELFDATA_DB"])
    for path in db.parent.glob(db.name + "*"):
        path.unlink()  # the database and its -wal and -shm, as `rm -rf var/` does
    tablet.button(key=f"needs_vote_{need.id}").click().run()
    assert not tablet.exception
    # said on the board the tap reran (a warning), or on the page (an error or a toast)
    shown = " ".join(str(e.value) for e in [*tablet.error, *tablet.warning, *tablet.toast])
    assert "La base de données de ce serveur a été supprimée ou remplacée" in shown, shown
    assert "4 / 5" not in [m.value for m in tablet.metric]
