"""Meta-tests: the repository keeps its own promises.

Every shipped deck and example workshop validates through the CLI; the published JSON
Schemas match the models; examples survive a dump and reload; every card speaks both
languages; only the UI layer imports Streamlit; every setting read from the environment is
documented in the README.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest

from selfdata.cli import COMMANDS, main
from selfdata.commands.schemas import stale
from selfdata.domain.cards import DECK_KINDS
from selfdata.files.loading import (
    CARDS_DIR,
    ROOT,
    SCENARIOS_DIR,
    dump_workshop,
    load_decks,
    load_workshop,
    parse_workshop,
    read_document,
)

EXAMPLES = ("la_rochelle", "grand_lyon", "nantes")
DECK_FILES = [CARDS_DIR / f"{kind}.yaml" for kind in DECK_KINDS]
EXAMPLE_FILES = [SCENARIOS_DIR / f"{name}.yaml" for name in EXAMPLES]
UI_PLACES = (ROOT / "selfdata" / "ui", ROOT / "pages")


def _shipped(folder: Path, expected: list[Path]) -> list[Path]:
    """The expected files (missing ones fail their test) plus any other file in ``folder``."""
    extra = sorted(p for p in folder.glob("*.yaml") if p not in expected)
    return expected + extra


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", _shipped(CARDS_DIR, DECK_FILES), ids=_rel)
def test_every_deck_validates_through_the_cli(
    path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    code = main(["validate", _rel(path)])
    assert (code, capsys.readouterr().out) == (0, f"{_rel(path)}: ok\n")


@pytest.mark.parametrize("path", _shipped(SCENARIOS_DIR, EXAMPLE_FILES), ids=_rel)
def test_every_example_workshop_validates_through_the_cli(
    path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    code = main(["validate", _rel(path)])
    assert (code, capsys.readouterr().out) == (0, f"{_rel(path)}: ok\n")


def test_the_shipped_decks_load_together_with_every_reference_resolved() -> None:
    decks = load_decks(CARDS_DIR)
    assert all(getattr(decks, kind) for kind in DECK_KINDS)


@pytest.mark.parametrize("path", _shipped(SCENARIOS_DIR, EXAMPLE_FILES), ids=_rel)
def test_every_example_survives_load_dump_load_unchanged(path: Path, tmp_path: Path) -> None:
    original = load_workshop(path, decks=load_decks(CARDS_DIR))
    copy = tmp_path / path.name
    copy.write_text(dump_workshop(original), encoding="utf-8")
    again = parse_workshop(read_document(copy), str(copy))
    assert again == original
    assert again.dump() == original.dump()


def test_the_published_json_schemas_are_up_to_date() -> None:
    assert stale(ROOT / "schemas") == [], "run `make schemas` and commit schemas/"


# --- both languages on every card ----------------------------------------------------------


def _texts(value: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every bilingual text (a mapping with ``fr`` or ``en``) under ``value``."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(value, dict):
        if "fr" in value or "en" in value:
            return [(path, value)]
        for key, child in value.items():
            found += _texts(child, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found += _texts(child, f"{path}[{i}]")
    return found


@pytest.mark.parametrize("path", DECK_FILES, ids=_rel)
def test_every_card_speaks_french_and_english(path: Path) -> None:
    cards = read_document(path)["cards"]
    one_language = []
    untranslated = []
    for i, card in enumerate(cards):
        texts = _texts(card)
        for where, text in texts:
            if not (str(text.get("fr", "")).strip() and str(text.get("en", "")).strip()):
                one_language.append(f"cards[{i}].{where}")
        # Titles may be proper names; a card whose every text is the same in both
        # languages was not translated.
        if texts and all(t.get("fr") == t.get("en") for _, t in texts):
            untranslated.append(f"cards[{i}] ({card.get('id')})")
    assert one_language == []
    assert untranslated == []


# --- layering -------------------------------------------------------------------------------


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_ui_layer_imports_streamlit() -> None:
    domain = [
        p
        for p in sorted((ROOT / "selfdata").rglob("*.py"))
        if not any(p.is_relative_to(place) for place in UI_PLACES)
    ]
    offenders = [_rel(p) for p in domain if "streamlit" in _imports(p)]
    assert offenders == []


# --- documentation --------------------------------------------------------------------------

ENV_READ = re.compile(r"""(?:environ(?:\.get)?|getenv)\s*[\[(]\s*["']([A-Z][A-Z0-9_]+)["']""")


def _settings_read_by_the_app() -> set[str]:
    files = [*(ROOT / "selfdata").rglob("*.py"), *(ROOT / "pages").glob("*.py")]
    files += [ROOT / "workshop_app.py"] if (ROOT / "workshop_app.py").exists() else []
    return {m for f in files for m in ENV_READ.findall(f.read_text(encoding="utf-8"))}


def test_every_setting_read_from_the_environment_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = _settings_read_by_the_app()
    assert "SELFDATA_DB" in names  # the scan itself works
    assert sorted(n for n in names if n not in readme) == []


def test_every_cli_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [c for c in COMMANDS if f"python -m selfdata {c}" not in readme] == []


def test_no_two_test_modules_outside_a_package_share_a_file_name() -> None:
    """pytest's default import mode imports each test file by its basename: two folders
    without ``__init__.py`` holding the same name break collection of the whole suite."""
    tests = ROOT / "tests"
    seen: dict[str, Path] = {}
    clashes = []
    for path in sorted(tests.rglob("test_*.py")):
        if (path.parent / "__init__.py").exists():
            continue
        if path.name in seen:
            clashes.append(f"{seen[path.name].relative_to(ROOT)} / {path.relative_to(ROOT)}")
        seen.setdefault(path.name, path)
    assert clashes == []


def test_the_deployment_guide_states_the_push_tick_the_code_uses() -> None:
    """docs/deploy.md says how often a replica reads a watched workshop's pulse."""
    from selfdata.ui.push import PUSH_TICK_SECONDS

    guide = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    assert f"one read per workshop every {PUSH_TICK_SECONDS:g} s" in guide
    assert "polls the workshop's version counter" not in guide
