"""The fast YAML reader (libyaml's events built straight into Python values) reads what the
guarded composer reads, and refuses what it refuses with the same line.

``documents._build_plain`` handles the common case; anything unusual (repeated keys, tags,
merge keys, recursive or oversized aliases, several documents) is handed back to the
guarded composer. These tests compare the two on the shipped files, the demo workshop and
random documents, so the fast path can never change what a user reads.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfdata.app.demo import demo_workshop
from selfdata.files import documents
from selfdata.files.documents import MAX_NODES, FileFormatError, parse_text
from selfdata.files.loading import CARDS_DIR, SCENARIOS_DIR, default_decks

SHIPPED = sorted(CARDS_DIR.glob("*.yaml")) + sorted(SCENARIOS_DIR.glob("*.yaml"))


def guarded(text: str) -> Any:
    """What the reader built before the fast path: the Python composer over libyaml."""
    return documents._load_with(documents._FastLoader, text)


def outcome(text: str) -> tuple[str, Any]:
    """("ok", data) or ("refused", the lines a user reads)."""
    try:
        return "ok", parse_text(text, "f.yaml")
    except FileFormatError as exc:
        return "refused", [str(p) for p in exc.problems]


def outcome_without_fast_path(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, Any]:
    def unusual(_: str) -> Any:
        raise documents._Unusual

    with monkeypatch.context() as patch:
        patch.setattr(documents, "_build_plain", unusual)
        return outcome(text)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_shipped_file_takes_the_fast_path_and_reads_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = documents._build_plain(text)  # raises _Unusual if it fell back
    assert fast == guarded(text)
    assert repr(fast) == repr(guarded(text))  # same types too (1 is not 1.0 nor True)


@pytest.mark.slow
def test_the_demo_workshop_takes_the_fast_path_and_reads_the_same() -> None:
    data = demo_workshop(default_decks()).dump()
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    fast = documents._build_plain(text)
    assert repr(fast) == repr(guarded(text))


def test_values_shared_through_anchors_stay_shared_as_before() -> None:
    text = "kit: &kit [Fing 2019]\na: *kit\nb: {x: &one 1, y: *one}\n"
    fast = documents._build_plain(text)
    assert fast == {"kit": ["Fing 2019"], "a": ["Fing 2019"], "b": {"x": 1, "y": 1}}
    assert fast["a"] is fast["kit"]


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb: 2\na: 3\n",  # repeated key
        "a: !!str 1\n",  # explicit tag
        "base: &b {x: 1}\nc: {<<: *b, y: 2}\n",  # merge key
        "a: &x [1, *x]\n",  # recursive alias
        "a: *nowhere\n",  # unknown alias
        "? [a]\n: 1\n",  # a list as a key
        "a: 1\n---\nb: 2\n",  # two documents
        "a: =\n",  # the value tag
    ],
)
def test_unusual_documents_are_handed_to_the_guarded_reader(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(documents._Unusual):
        documents._build_plain(text)
    assert outcome(text) == outcome_without_fast_path(text, monkeypatch)


@pytest.mark.slow
def test_too_many_values_stop_at_the_same_place_as_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "values:\n" + "- 1\n" * (MAX_NODES + 5)
    got = outcome(text)
    assert got == outcome_without_fast_path(text, monkeypatch)
    # the mapping, its key and the list come first: the 250,001st value is on line 249,999
    assert got == ("refused", [f"f.yaml:{MAX_NODES - 1}:3: more than 250,000 values in one file"])


def test_an_impossible_date_is_one_line_with_its_position() -> None:
    assert outcome("title: Atelier\ncreated: 2019-13-45\n") == (
        "refused",
        ["f.yaml:2:10: invalid value '2019-13-45': month must be in 1..12"],
    )


def test_an_impossible_date_is_said_in_french_too() -> None:
    from selfdata.files.documents import parse_text
    from selfdata.files.problems import FileFormatError

    with pytest.raises(FileFormatError) as refused:
        parse_text("title: Atelier\ncreated: 2019-13-45\n", "f.yaml")
    (problem,) = refused.value.problems
    assert problem.text("fr") == (
        "f.yaml:2:10: valeur invalide '2019-13-45'\u202f: le mois doit aller de 1 à 12"
    )
    assert problem.text("en") == str(problem)


def test_an_impossible_date_in_an_unusual_document_is_one_line_too() -> None:
    kind, lines = outcome("a: !!str x\ncreated: 2019-13-45\n")
    assert kind == "refused"
    assert lines == ["f.yaml: invalid value: month must be in 1..12"]


# --- random documents -------------------------------------------------------------------------

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**12), max_value=10**12)
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["NO", "yes", "on", "~", "1:30", "0x1f", "1_000", ".inf", "2019-10-01"])
    | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1))
)
documents_ = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=25,
)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(data=documents_, flow=st.sampled_from([None, True, False]))
def test_random_documents_read_the_same_through_both_paths(data: Any, flow: bool | None) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    try:
        fast = documents._build_plain(text)
    except documents._Unusual:
        return
    assert repr(fast) == repr(guarded(text))


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(alphabet=st.sampled_from(list("ab:-[]{},&*!?#'\"\n 1<=|>")), max_size=60))
def test_any_text_gets_the_same_answer_as_before(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert outcome(text) == outcome_without_fast_path(text, monkeypatch)
