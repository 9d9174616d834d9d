"""Module names say their job (issue 24): no two modules of one package whose names differ
only by an inflection (``preparation`` beside ``preparing``, ``decide`` beside ``decision``,
``view`` beside ``views``)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = sorted(
    p for p in (ROOT / "selfdata").rglob("*") if p.is_dir() and (p / "__init__.py").exists()
)
SUFFIXES = ("ations", "ation", "ions", "ion", "ings", "ing", "ers", "er", "es", "ed", "s", "e")


def stem(name: str) -> str:
    """The name without its last inflection, and a ``-d``/``-s`` ending of the root merged
    (``decide`` and ``decision`` both give ``deci``)."""
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 3:
            name = name[: -len(suffix)]
            break
    return name[:-1] if name.endswith(("d", "s")) else name


@pytest.mark.parametrize(
    ("a", "b", "clash"),
    [
        ("preparation", "preparing", True),
        ("decide", "decision", True),
        ("decisions", "decision", True),
        ("deciding", "decision", True),
        ("view", "views", True),
        ("catalog_prepare", "catalog_preparing", True),
        ("transfer", "decision_transfer", False),
        ("room_setup", "file_import", False),
        ("ranking", "ranking_summary", False),
        ("limits", "throttle", False),
    ],
)
def test_the_stem_rule(a: str, b: str, clash: bool) -> None:
    assert (stem(a) == stem(b)) is clash


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_two_modules_differ_only_by_a_suffix(package: Path) -> None:
    names = sorted(p.stem for p in package.glob("*.py") if p.stem != "__init__")
    clashes = [(a, b) for a, b in itertools.combinations(names, 2) if stem(a) == stem(b)]
    assert not clashes, f"{package.relative_to(ROOT)}: names that differ only by a suffix"
