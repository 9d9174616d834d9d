"""Workshop creation is limited per network address and in total, per minute, by a count in
the database that every server process shares (selfdata/app/creation_quota.py): a hundred
creations in a minute are refused past the limit, in one plain sentence."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from selfdata.app import access, services
from selfdata.app.creation_quota import (
    PER_ADDRESS_DEFAULT,
    TOTAL_DEFAULT,
    CreationLimits,
    creation_limits,
)
from selfdata.domain.errors import LimitExceeded
from selfdata.store import Store
from tests.service_helpers import count_workshops

pytestmark = pytest.mark.storage

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _default_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SELFDATA_CREATE_PER_ADDRESS", raising=False)
    monkeypatch.delenv("SELFDATA_CREATE_PER_MINUTE", raising=False)


def _create(store: Store, address: str) -> str | None:
    """The refusal's key, or None when the workshop was created."""
    try:
        services.create_workshop(
            store, title="Atelier", territory="Testville", theme="water", client=address
        )
    except LimitExceeded as refused:
        return refused.key
    return None


def test_a_hundred_creations_in_a_minute_from_one_address_stop_at_the_limit(store: Store):
    outcomes = [_create(store, "203.0.113.5") for _ in range(100)]
    assert outcomes[:PER_ADDRESS_DEFAULT] == [None] * PER_ADDRESS_DEFAULT
    assert set(outcomes[PER_ADDRESS_DEFAULT:]) == {"workshop.too_many_here"}
    assert count_workshops(store) == PER_ADDRESS_DEFAULT
    assert _create(store, "198.51.100.7") is None  # another address still may


def test_a_hundred_creations_in_a_minute_from_a_hundred_addresses_stop_at_the_total(
    store: Store,
):
    outcomes = [_create(store, f"10.1.{i // 250}.{i % 250}") for i in range(100)]
    assert outcomes[:TOTAL_DEFAULT] == [None] * TOTAL_DEFAULT
    assert set(outcomes[TOTAL_DEFAULT:]) == {"workshop.too_many"}
    assert count_workshops(store) == TOTAL_DEFAULT


def test_the_refusal_says_when_to_try_again_and_the_minute_after_creation_is_open_again(
    store: Store, monkeypatch: pytest.MonkeyPatch
):
    now = [1_000_000.0]
    monkeypatch.setattr(access, "clock", lambda: now[0])
    monkeypatch.setenv("SELFDATA_CREATE_PER_ADDRESS", "2")
    assert [_create(store, "a") for _ in range(2)] == [None, None]
    now[0] += 15
    with pytest.raises(LimitExceeded) as refused:
        services.create_workshop(store, title="A", territory="B", theme="water", client="a")
    assert refused.value.message("fr") == (
        "Trop d’ateliers créés depuis cette adresse en une minute\u202f: réessayez dans 45\u00a0s."
    )
    assert "try again in 45 s" in refused.value.message("en")
    now[0] += 46
    assert _create(store, "a") is None


def test_an_imported_file_counts_as_a_creation(store: Store, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SELFDATA_CREATE_PER_ADDRESS", "1")
    raw = (ROOT / "scenarios" / "la_rochelle.yaml").read_bytes()
    services.import_workshop_file(store, raw, "atelier.yaml", "192.0.2.9")
    with pytest.raises(LimitExceeded):
        services.import_workshop_file(store, raw, "atelier.yaml", "192.0.2.9")
    assert count_workshops(store) == 1


def test_the_command_line_is_not_limited(store: Store, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SELFDATA_CREATE_PER_MINUTE", "1")
    for _ in range(3):
        services.create_workshop(store, title="A", territory="B", theme="water")
    assert count_workshops(store) == 3


_WORKER = """
import sys
from selfdata.app import services
from selfdata.domain.errors import LimitExceeded
from selfdata.store import Store
store = Store(sys.argv[1])
made = 0
for i in range(25):
    try:
        services.create_workshop(
            store, title="A", territory="B", theme="water", client=f"{sys.argv[2]}.{i}"
        )
        made += 1
    except LimitExceeded:
        pass
print(made)
"""


@pytest.mark.slow
def test_the_total_holds_across_server_processes(db_url: str):
    Store(db_url).dispose()  # the schema, made once
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, db_url, f"10.{n}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(4)
    ]
    made = [int(w.communicate(timeout=300)[0].strip()) for w in workers]
    assert sum(made) == TOTAL_DEFAULT, made
    store = Store(db_url)
    assert count_workshops(store) == TOTAL_DEFAULT
    store.dispose()


@pytest.mark.parametrize(
    ("env", "limits"),
    [
        ({}, CreationLimits(PER_ADDRESS_DEFAULT, TOTAL_DEFAULT)),
        (
            {"SELFDATA_CREATE_PER_ADDRESS": "3", "SELFDATA_CREATE_PER_MINUTE": "50"},
            CreationLimits(3, 50),
        ),
        ({"SELFDATA_CREATE_PER_ADDRESS": "0"}, CreationLimits(0, TOTAL_DEFAULT)),
        (
            {"SELFDATA_CREATE_PER_MINUTE": "many"},
            CreationLimits(PER_ADDRESS_DEFAULT, TOTAL_DEFAULT),
        ),
        ({"SELFDATA_CREATE_PER_MINUTE": "-4"}, CreationLimits(PER_ADDRESS_DEFAULT, 0)),
    ],
)
def test_the_limits_come_from_the_environment(env: dict[str, str], limits: CreationLimits):
    assert creation_limits(env) == limits


def test_the_retention_purge_forgets_old_creations(store: Store, monkeypatch: pytest.MonkeyPatch):
    from sqlalchemy import func, select

    from selfdata.store import schema as t

    now = [2_000_000.0]
    monkeypatch.setattr(access, "clock", lambda: now[0])
    _create(store, "203.0.113.5")
    now[0] += 61
    services.purge_expired(store)
    rows = store.read(
        lambda c: c.execute(select(func.count()).select_from(t.workshop_creations)).scalar_one()
    )
    assert rows == 0


def test_the_readme_states_the_creation_limits_the_server_applies():
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert (
        f"limited to {PER_ADDRESS_DEFAULT} a minute per network address and {TOTAL_DEFAULT} a "
        "minute on the whole server" in readme
    )
    for name, default in (
        ("SELFDATA_CREATE_PER_ADDRESS", PER_ADDRESS_DEFAULT),
        ("SELFDATA_CREATE_PER_MINUTE", TOTAL_DEFAULT),
    ):
        assert f"| `{name}` | `{default}` |" in readme
    sentence = LimitExceeded("workshop.too_many_here", wait=7).message("fr")
    assert sentence.startswith("Trop d’ateliers créés depuis cette adresse en une minute")
    assert "Trop d'ateliers créés depuis cette adresse en une minute" in readme


def test_the_privacy_section_and_the_deploy_guide_say_what_the_creation_limit_keeps():
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    deploy = " ".join((ROOT / "docs" / "deploy.md").read_text(encoding="utf-8").split())
    assert (
        "a hash of the creating browser's network address is kept for one minute, then erased "
        "at the next creation or by the server's hourly purge" in readme
    )
    assert "the counts are kept in the database, so every replica shares them" in deploy
    assert "set `SELFDATA_CREATE_PER_ADDRESS=0` there" in deploy
