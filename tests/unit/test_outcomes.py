"""The reveal rule, enforced by :mod:`selfdata.app.outcomes`: a participant obtains no
other participant's rating and no group result before the facilitator reveals them,
whatever public read they call; the ranking is assembled in one place for the screens, the
command line and the PDFs."""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable, Iterator
from typing import Any

import pydantic
import pytest

from selfdata.app import outcomes, reads, services
from selfdata.domain.errors import Forbidden, SelfDataError
from selfdata.domain.workshop import Rating
from selfdata.engines import ranking as engine
from selfdata.export.facts import Lookup, ranking_facts
from selfdata.files.loading import default_decks
from selfdata.store import Store

# The operator's whole-workshop read for backups (``workshops backup``, run by whoever holds
# the database): it takes no viewer, and no screen calls it (checked below).
NOT_A_VIEWER_READ = {"backup_workshop"}


def _room(store: Store) -> tuple[str, str, str, str]:
    """A workshop with ratings from two participants, every step hidden: (code, secret,
    Alice's token, Bob's token)."""
    created = services.create_workshop(store, example="la_rochelle")
    code, secret = created.code, created.secret
    services.set_locked(store, code, secret, False)
    alice = services.join(store, code, "Alice").token
    bob = services.join(store, code, "Bob").token
    scenario = services.scenarios(store, code).scenarios[0].id
    services.rate(store, code, alice, scenario, "feasibility", 4)
    services.rate(store, code, bob, scenario, "feasibility", 1)
    for step in services.room_state(store, code).revealed:
        services.set_revealed(store, code, secret, step, False)
    assert services.room_state(store, code).revealed == ()
    return code, secret, alice, bob


def _public_reads() -> Iterator[tuple[str, Callable[..., Any]]]:
    for module in (reads, outcomes):
        for name, fn in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(fn):
                continue
            if fn.__module__ != module.__name__ or name in NOT_A_VIEWER_READ:
                continue
            params = list(inspect.signature(fn).parameters)
            if params[:2] == ["store", "code"]:
                yield f"{module.__name__}.{name}", fn


def _call_as(fn: Callable[..., Any], store: Store, code: str, token: str) -> Any:
    """``fn`` called with what a participant's session holds: the code and its token (a
    read that wants a secret gets the token, the only credential it has)."""
    args: list[Any] = [store, code]
    kwargs: dict[str, Any] = {}
    for name, param in list(inspect.signature(fn).parameters.items())[2:]:
        if name == "token":
            value: Any = token
        elif name == "secret":
            if param.default is not inspect.Parameter.empty:
                continue
            value = token
        elif name == "decks":
            value = default_decks()
        elif param.default is not inspect.Parameter.empty:
            continue
        else:
            raise AssertionError(f"{fn.__name__}: no value for its parameter {name!r}")
        if param.kind is inspect.Parameter.KEYWORD_ONLY:
            kwargs[name] = value
        else:
            args.append(value)
    return fn(*args, **kwargs)


def _leaks(value: Any, me: str, seen: set[int] | None = None) -> list[str]:
    """What in ``value`` a participant ``me`` must not see before the reveal: another
    participant's rating, a ranking or a ratings table, a need's dot total."""
    seen = set() if seen is None else seen
    if id(value) in seen or isinstance(value, (str, bytes, int, float, bool, type(None))):
        return []
    seen.add(id(value))
    if isinstance(value, Rating):
        return [] if value.participant == me else [f"rating of {value.participant}"]
    if isinstance(value, (engine.Ranking, engine.RatingTable, outcomes.GroupRanking)):
        return [type(value).__name__]
    found: list[str] = []
    if type(value).__name__ == "NeedItem" and (value.total, value.voters) != (None, None):
        found.append(f"dot total of {value.id}")
    if isinstance(value, dict):
        children: list[Any] = [*value.keys(), *value.values()]
    elif isinstance(value, (list, tuple, set, frozenset)):
        children = list(value)
    elif dataclasses.is_dataclass(value):
        children = [getattr(value, f.name) for f in dataclasses.fields(value)]
    elif isinstance(value, pydantic.BaseModel):
        children = [getattr(value, name) for name in type(value).model_fields]
    else:
        children = []
    for child in children:
        found += _leaks(child, me, seen)
    return found


def test_the_public_reads_are_all_checked():
    names = {name for name, _ in _public_reads()}
    assert {
        "selfdata.app.reads.scenario_ratings",
        "selfdata.app.reads.ranking_inputs",
        "selfdata.app.reads.needs_board",
        "selfdata.app.outcomes.group_ranking",
        "selfdata.app.outcomes.report_workshop",
    } <= names
    # services re-exports the reads: nothing reaches the store around them
    for name in services.__all__:
        fn = getattr(services, name)
        if inspect.isfunction(fn) and fn.__module__ == reads.__name__:
            assert name in {n.rsplit(".", 1)[1] for n in names} | NOT_A_VIEWER_READ


def test_before_the_reveal_no_read_gives_a_participant_anything_of_the_others(store: Store):
    code, _, alice, _ = _room(store)
    me = services.whoami(store, code, alice).id
    refused: list[str] = []
    for name, fn in _public_reads():
        try:
            result = _call_as(fn, store, code, alice)
        except SelfDataError:
            refused.append(name)
            continue
        assert _leaks(result, me) == [], name
    assert {
        "selfdata.app.reads.ranking_inputs",
        "selfdata.app.reads.export_workshop",
        "selfdata.app.reads.audit_log",
        "selfdata.app.outcomes.group_ranking",
        "selfdata.app.outcomes.report_workshop",
    } <= set(refused)
    # and their own ratings they always see
    assert list(services.scenario_ratings(store, code, alice).mine.values()) == [4]


def test_the_reveal_shows_the_group_results_and_never_the_others_ratings(store: Store):
    code, secret, alice, _ = _room(store)
    decks = default_decks()
    with pytest.raises(outcomes.ResultsHidden) as hidden:
        outcomes.group_ranking(store, code, decks, token=alice)
    assert "révélés" in hidden.value.message("fr") and "revealed" in hidden.value.message("en")
    with pytest.raises(outcomes.ResultsHidden):
        outcomes.group_ranking(store, code, decks)  # the projector, code only
    services.set_revealed(store, code, secret, "scenarios", True)
    for viewer in ({"token": alice}, {}, {"secret": secret}):
        group = outcomes.group_ranking(store, code, decks, **viewer)  # type: ignore[arg-type]
        assert isinstance(group, outcomes.GroupRanking)
    assert services.scenario_ratings(store, code, alice).ratings is None
    assert services.scenario_ratings(store, code).ratings is None
    assert len(services.scenario_ratings(store, code, secret=secret).matrix()) > 2
    with pytest.raises(Forbidden):
        services.ranking_inputs(store, code, alice)


def test_the_facilitator_sees_every_result_before_the_reveal(store: Store):
    code, secret, _, _ = _room(store)
    decks = default_decks()
    group = outcomes.group_ranking(store, code, decks, secret=secret)
    assert isinstance(group, outcomes.GroupRanking)
    workshop = services.ranking_inputs(store, code, secret)
    assert group == outcomes.rank(workshop, decks)
    assert group.ranking == engine.rank_scenarios(workshop, decks)
    with pytest.raises(Forbidden):
        outcomes.group_ranking(store, code, decks, secret="not-the-secret")


def test_the_defaults_are_the_engines():
    assert (outcomes.DEFAULT_DRAWS, outcomes.DEFAULT_SPREAD) == (
        engine.DEFAULT_DRAWS,
        engine.DEFAULT_SPREAD,
    )


@pytest.mark.parametrize("example", ["la_rochelle", "grand_lyon", "nantes"])
def test_the_documents_rank_as_the_screens_and_the_command_line(store: Store, example: str):
    created = services.create_workshop(store, example=example)
    workshop = services.export_workshop(store, created.code, created.secret)
    decks = default_decks()
    facts = ranking_facts(Lookup(workshop, decks), "fr")  # the one sensitivity configuration
    rated = {r.scenario for r in workshop.ratings}
    subset = workshop.model_copy(
        update={"scenarios": [s for s in workshop.scenarios if s.id in rated]}
    )
    expected = engine.rank_scenarios(subset, decks)
    assert facts.ranking == expected
    assert facts.order == tuple(s.scenario for s in expected.scenarios)
    topsis = engine.rank_scenarios(subset, decks, "topsis", draws=1)
    assert facts.topsis_rank == {s.scenario: s.place for s in topsis.scenarios}


def test_no_screen_calls_the_operators_backup_read():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    callers = [
        str(p.relative_to(root))
        for folder in ("pages", "selfdata/ui")
        for p in (root / folder).rglob("*.py")
        if "backup_workshop" in p.read_text(encoding="utf-8")
    ]
    assert callers == []
