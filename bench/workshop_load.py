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
import time
from collections import Counter
from pathlib import Path

from bench.load import ROOT, Scenario, Timed
from bench.protocol import RunResult, StreamlitServer, StreamlitSession
from selfdata.app import access, services
from selfdata.i18n import t
from selfdata.store import Store
from selfdata.store.engine import sqlite_url

EXAMPLE = "la_rochelle"
HUMAN_GAP_S = 0.3  # between the steps of one gesture: a person does not click in 0 ms


def _joined_earlier(store: Store, code: str, n: int) -> list[str]:
    """``n`` participants joined (a browser tablet; the last warms the pages up), as if over
    the hour before: a room admits at most ``ROOM_JOINS_PER_MINUTE`` joins a minute, and the
    run's joins are its tablets opening their links, not these."""
    start = time.time() - 3600
    real = access.clock
    try:
        tokens = []
        for i in range(n):
            access.clock = functools.partial(float, start + i * 3600 / (n + 1))
            tokens.append(services.join(store, code, f"Tablette {i + 1}").token)
        return tokens
    finally:
        access.clock = real


class WorkshopScenario(Scenario):
    name = "workshop"
    vote_prefix = "needs_vote_"

    def __init__(self, database_url: str | None = None) -> None:
        self.database_url = database_url  # None: a SQLite file in the work directory
        self.db = Path()
        self.store: Store | None = None
        self.code = ""
        self.secret = ""
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
        # ... and the scenarios' ranking after the rating (the example has it shown)
        services.set_revealed(self.store, self.code, created.secret, "scenarios", False)
        self.secret = created.secret
        self.tokens = _joined_earlier(self.store, self.code, participants + 2)

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

    def to_rating_step(self) -> None:
        """The facilitator moves the room on to the scenarios step (the tablets follow)."""
        assert self.store is not None
        services.set_step(self.store, self.code, self.secret, "scenarios")

    async def rate_here(self, session: StreamlitSession, rng: random.Random) -> RunResult | None:
        """A rating on the scenarios page the tablet is on (the rating phase): one criterion
        of the scenario shown, a value from 1 to 5. None: no rating control on the page."""
        keys = [k for k, _ in session.widget_keys() if k.startswith("scenarios_rate_")]
        if not keys:
            return None
        return await session.set_value(rng.choice(keys), rng.randint(1, 5))

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


class RatingScenario(WorkshopScenario):
    """The rating phase (issue 25): the room on the scenarios step, the results not yet
    revealed; each tablet opens the scenarios page and rates in place. A "vote" is a rating
    of a criterion this tablet has not rated yet (``scenarios_rate_<scenario>_<criterion>``,
    a value from 1 to 5), checked against the store like a dot (one per participant,
    scenario and criterion); the projector follows "Notes données" (ratings given). The
    other actions: another scenario picked (the form's own run), a reload."""

    name = "rating"
    vote_prefix = "scenarios_rate_"
    browser_tablet = "chromium_rater"

    def __init__(self, database_url: str | None = None) -> None:
        super().__init__(database_url)
        self.rated: dict[int, set[str]] = {}  # session id -> keys it rated

    def prepare(self, workdir: Path, participants: int) -> None:
        super().prepare(workdir, participants)
        self.to_rating_step()
        self.base = self._given()

    def _given(self) -> int:
        assert self.store is not None
        return services.scenario_ratings(self.store, self.code, secret=self.secret).given

    async def warm_up(self, url: str) -> None:
        query, _ = self.participant_entry(len(self.tokens) - 1)
        async with StreamlitSession(url, query_string=query, page_name="scenarios") as tablet:
            await tablet.rerun()
            await tablet.rerun(page="needs")
            await tablet.rerun(page="scenarios")

    def participant_entry(self, index: int) -> tuple[str, str]:
        return f"code={self.code}&token={self.tokens[index]}", "scenarios"

    def vote_keys(self, session: StreamlitSession) -> list[str]:
        done = self.rated.get(id(session), set())
        return [
            key
            for key, _ in session.widget_keys()
            if key.startswith(self.vote_prefix)
            and key not in done
            and not session.find_widget(key)[1].disabled
        ]

    async def cast(self, session: StreamlitSession, key: str, rng: random.Random) -> RunResult:
        self.rated.setdefault(id(session), set()).add(key)
        return await session.set_value(key, rng.randint(1, 5))

    async def rate(self, session: StreamlitSession, rng: random.Random, timed: Timed) -> None:
        picker = "scenarios_pick"
        if not session.has_widget(picker):
            await timed("reload", session.rerun)
            return
        options = list(session.find_widget(picker)[1].options)
        await timed("pick", functools.partial(session.set_value, picker, rng.choice(options)))

    def projector_total(self, session: StreamlitSession) -> int | None:
        label = t("counts.ratings", "fr") + ": "
        for text in session.texts():
            if text.startswith(label):
                return int(text.removeprefix(label)) - self.base
        return None

    def initial_total(self) -> int:
        return 0  # the example's own ratings are taken off what the projector shows

    def stored_votes(self) -> Counter[tuple[int, str]]:
        assert self.store is not None
        out: Counter[tuple[int, str]] = Counter()
        for index, token in enumerate(self.tokens):
            for scenario, criterion in services.scenario_ratings(self.store, self.code, token).mine:
                out[(index, f"{scenario}_{criterion}")] = 1
        return out
