"""The real app under load: `workshop_app.py` with the La Rochelle example workshop.

Setup goes through :mod:`selfdata.app.services` on a throwaway SQLite file (``SELFDATA_DB``):
the example workshop is created, put on the needs step with a dot budget no participant
will exhaust and its results not yet revealed (the room votes, then sees), and one
participant per tablet joins. Each tablet then opens
``?code=…&token=…`` on the ``needs`` page and votes with the ``needs_vote_<need>`` buttons;
to rate, it goes to the ``scenarios`` page, sets one criterion of one scenario (the
``scenarios_rate_<scenario>_<criterion>`` control) and comes back. The projector opens
``?code=…&view=projection`` and polls its timed fragment; the dots it shows are the figure
followed. Votes are read back per participant from :func:`services.needs_board`.
"""

from __future__ import annotations

import asyncio
import functools
import os
import random
from collections import Counter
from pathlib import Path

from bench.load import ROOT, Scenario, Timed
from bench.protocol import StreamlitServer, StreamlitSession
from selfdata.app import services
from selfdata.i18n import t
from selfdata.store import Store
from selfdata.store.engine import sqlite_url

EXAMPLE = "la_rochelle"
HUMAN_GAP_S = 0.3  # between the steps of one gesture: a person does not click in 0 ms


class WorkshopScenario(Scenario):
    name = "workshop"
    vote_prefix = "needs_vote_"

    def __init__(self, database_url: str | None = None) -> None:
        self.database_url = database_url  # None: a SQLite file in the work directory
        self.db = Path()
        self.store: Store | None = None
        self.code = ""
        self.tokens: list[str] = []

    def prepare(self, workdir: Path, participants: int) -> None:
        self.db = workdir / "x.db"
        self.store = Store(self.database_url or sqlite_url(self.db))
        created = services.create_workshop(self.store, example=EXAMPLE)
        self.code = created.code
        services.set_step(self.store, self.code, created.secret, "needs")
        services.set_locked(self.store, self.code, created.secret, False)
        services.set_vote_settings(self.store, self.code, created.secret, budget=50, cap=50)
        # the room at work: the dots are revealed after the vote (the example has them shown)
        services.set_revealed(self.store, self.code, created.secret, "needs", False)
        self.tokens = [
            services.join(self.store, self.code, f"Tablette {i + 1}").token
            for i in range(participants + 2)  # a browser tablet; the last warms the pages up
        ]

    def server(self, options: dict[str, str], workdir: Path) -> StreamlitServer:
        # BENCH_APP_ROOT: another checkout of the app (to measure a change side by side).
        root = Path(os.environ.get("BENCH_APP_ROOT") or ROOT)
        return StreamlitServer(
            root / "workshop_app.py",
            cwd=root,  # the project's .streamlit/config.toml applies
            env=(
                {"DATABASE_URL": self.database_url}
                if self.database_url
                else {"SELFDATA_DB": str(self.db)}
            ),
            options=options,
            log_path=workdir / "server.log",
        )

    async def warm_up(self, url: str) -> None:
        query, page = self.participant_entry(len(self.tokens) - 1)
        async with StreamlitSession(url, query_string=query, page_name=page) as tablet:
            await tablet.rerun()
            await tablet.rerun(page="scenarios")
            await tablet.rerun(page="needs")

    def participant_entry(self, index: int) -> tuple[str, str]:
        return f"code={self.code}&token={self.tokens[index]}", "needs"

    def browser_entry(self, participants: int) -> str | None:
        return f"code={self.code}&token={self.tokens[participants]}"

    def projector_entry(self) -> tuple[str, str]:
        return f"code={self.code}&view=projection", ""

    async def rate(self, session: StreamlitSession, rng: random.Random, timed: Timed) -> None:
        ok, _ = await timed("navigate", functools.partial(session.rerun, page="scenarios"))
        keys = [k for k, kind in session.widget_keys() if k.startswith("scenarios_rate_")]
        if ok and keys:
            await asyncio.sleep(HUMAN_GAP_S)
            key = rng.choice(keys)
            await timed("rate", functools.partial(session.set_value, key, rng.randint(1, 5)))
        await asyncio.sleep(HUMAN_GAP_S)
        await timed("navigate", functools.partial(session.rerun, page="needs"))

    def projector_total(self, session: StreamlitSession) -> int | None:
        label = t("counts.dots", "fr") + ": "
        for text in session.texts():
            if text.startswith(label):
                return int(text.removeprefix(label))
        return None

    def initial_total(self) -> int:
        assert self.store is not None
        return services.needs_board(self.store, self.code).dots_cast

    def stored_votes(self) -> Counter[tuple[int, str]]:
        assert self.store is not None
        out: Counter[tuple[int, str]] = Counter()
        for index, token in enumerate(self.tokens):
            for need in services.needs_board(self.store, self.code, token).needs:
                if need.my_dots:
                    out[(index, need.id)] = need.my_dots
        return out
