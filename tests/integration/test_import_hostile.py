"""Hostile import: valid workshop files, mutated at random, either import completely (and
export back identical) or are refused with a clear message and nothing written."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfdata.app import services
from selfdata.domain.workshop import Workshop
from selfdata.files.loading import SCENARIOS_DIR, load_workshop
from selfdata.store import Store
from tests.service_helpers import count_workshops, import_workshop_data, open_room

pytestmark = pytest.mark.storage


def _live_workshop_file() -> dict[str, Any]:
    """A small workshop produced through the services, as exported."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/base.db")
        room = open_room(store)
        alice, bob = room.join("Alice"), room.join("Bob")
        need, source = room.need(token=alice), room.source(token=bob)
        room.at("needs")
        services.vote(store, room.code, bob, need, 2)
        case = services.create_use_case(
            store, room.code, room.secret, title="Cas", need=need, sources=[source]
        )
        scenario = services.create_scenario(
            store,
            room.code,
            room.secret,
            services.ScenarioDraft(
                residents=100,
                duration_months=6,
                title="Pilote",
                use_case=case,
                model="data_cooperative",
            ),
        )
        room.at("scenarios")
        services.rate(store, room.code, alice, scenario, "cost", 2)
        data = services.export_workshop(store, room.code, room.secret).dump()
        store.dispose()
    return data


BASES: list[dict[str, Any]] = [_live_workshop_file()] + [
    load_workshop(path).dump() for path in sorted(SCENARIOS_DIR.glob("*.yaml"))
]


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _paths(value, (*prefix, i))
    return out


def _ids(data: dict[str, Any]) -> list[str]:
    """Ids present in the file, to swap one reference for another."""
    return [
        item["id"]
        for key in ("participants", "needs", "sources", "scenarios", "use_cases")
        # A mutation may have replaced the list itself (participants: null).
        for item in (data.get(key) if isinstance(data.get(key), list) else [])
        if isinstance(item, dict) and isinstance(item.get("id"), str)
    ]


HOSTILE_VALUES = st.one_of(
    st.sampled_from(
        [None, -1, 0, 51, 10**12, "", " ", "x" * 3000, "nul\x00", "é🙂", [], {}, True, 1.5]
    ),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.integers(min_value=-(2**70), max_value=2**70),
)


@st.composite
def mutated_files(draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(draw(st.sampled_from(BASES)))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        paths = _paths(data)
        path = draw(st.sampled_from(paths))
        parent: Any = data
        for part in path[:-1]:
            parent = parent[part]
        last = path[-1]
        kind = draw(st.sampled_from(["replace", "other_id", "delete", "duplicate", "extra_key"]))
        if kind == "replace":
            parent[last] = draw(HOSTILE_VALUES)
        elif kind == "other_id":
            parent[last] = draw(st.sampled_from(_ids(data) or ["x"]))
        elif kind == "delete":
            del parent[last]
        elif kind == "duplicate" and isinstance(parent, list):
            parent.insert(last, copy.deepcopy(parent[last]))
        elif kind == "extra_key" and isinstance(parent, dict):
            parent["unexpected"] = 1
    return data


@settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=mutated_files())
def test_a_mutated_file_imports_completely_or_is_refused_clearly(store: Store, data: Any):
    before = count_workshops(store)
    try:
        created = import_workshop_data(store, data, "hostile.yaml")
    except services.InvalidInput as err:
        assert err.problems, "a refusal names what is wrong"
        assert err.message("fr").startswith("Ce fichier") and err.message("en")
        assert count_workshops(store) == before
        return
    assert count_workshops(store) == before + 1
    exported = services.export_workshop(store, created.code, created.secret)
    assert exported.dump() == Workshop.model_validate(data).dump()


def test_the_unmutated_bases_import_and_export_identically(store: Store):
    for base in BASES:
        created = import_workshop_data(store, base)
        assert services.export_workshop(store, created.code, created.secret).dump() == base


def test_something_that_is_not_a_workshop_at_all_is_refused(store: Store):
    for thing in (None, 42, "text", [], {"schema": "selfdata-workshop/9"}):
        try:
            import_workshop_data(store, thing)
        except services.InvalidInput as err:
            assert err.problems
        else:
            raise AssertionError(f"{thing!r} was imported")
    assert count_workshops(store) == 0
