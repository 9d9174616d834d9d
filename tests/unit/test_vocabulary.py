"""One vocabulary for who is looking (issue 24): one ``Viewer`` class and one role type in
the whole package, and none of the old spellings left (``UiRole``, ``Audience``,
``ViewerState``, two ``viewer()`` functions)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(
    [*(ROOT / "selfdata").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "workshop_app.py"]
)
OLD_NAMES = {"UiRole", "Audience", "ViewerState"}
ROLE_WORDS = {"facilitator", "participant"}


def _trees(paths: list[Path]) -> Iterator[tuple[str, ast.AST]]:
    for path in paths:
        yield str(path.relative_to(ROOT)), ast.parse(path.read_text(encoding="utf-8"))


def viewer_classes(paths: list[Path]) -> list[str]:
    return [
        f"{name}:{node.lineno}"
        for name, tree in _trees(paths)
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef) and node.name == "Viewer"
    ]


def _is_role_literal(value: ast.AST | None) -> bool:
    """``Literal["facilitator", "participant", …]``: a type spelling roles."""
    if not (isinstance(value, ast.Subscript) and ast.unparse(value.value).endswith("Literal")):
        return False
    words = {n.value for n in ast.walk(value.slice) if isinstance(n, ast.Constant)}
    return ROLE_WORDS <= words


def role_types(paths: list[Path]) -> list[str]:
    found = []
    for name, tree in _trees(paths):
        for node in ast.walk(tree):
            value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
            if _is_role_literal(value):
                found.append(f"{name}:{node.lineno}")
    return found


def _spelled(node: ast.AST) -> str | None:
    """The name a node spells: a name, an attribute, an import or a class."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.alias):
        return node.asname or node.name
    if isinstance(node, ast.ClassDef):
        return node.name
    return None


def old_names(paths: list[Path]) -> list[str]:
    return [
        f"{name}: {_spelled(node)}"
        for name, tree in _trees(paths)
        for node in ast.walk(tree)
        if _spelled(node) in OLD_NAMES
    ]


def viewer_functions(paths: list[Path]) -> list[str]:
    """Functions named plainly ``viewer``: the resolving functions have names of their own."""
    return [
        f"{name}:{node.lineno}"
        for name, tree in _trees(paths)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name == "viewer"
    ]


def test_one_viewer_class() -> None:
    assert viewer_classes(SOURCES) == ["selfdata/domain/viewer.py:" + _line("class Viewer")]


def test_one_role_type() -> None:
    assert role_types(SOURCES) == ["selfdata/domain/viewer.py:" + _line("Role = Literal[")]


def test_no_old_spelling_left() -> None:
    assert old_names(SOURCES) == []
    assert viewer_functions(SOURCES) == []


def _line(start: str) -> str:
    lines = (ROOT / "selfdata/domain/viewer.py").read_text(encoding="utf-8").splitlines()
    return str(next(n for n, line in enumerate(lines, 1) if line.startswith(start)))


@pytest.mark.parametrize(
    ("source", "finder", "found"),
    [
        ("class Viewer:\n    pass\n", viewer_classes, 1),
        ('R = Literal["facilitator", "participant", "projection"]\n', role_types, 1),
        ('R: TypeAlias = typing.Literal["participant", "facilitator"]\n', role_types, 1),
        ('Q = Literal["auto", "large"]\n', role_types, 0),
        ("from x import UiRole\n", old_names, 1),
        ("def f(a: Audience) -> None: ...\n", old_names, 1),
        ("y = read_models.ViewerState\n", old_names, 1),
        ("def viewer() -> None: ...\n", viewer_functions, 1),
    ],
)
def test_the_finders_find_a_second_spelling(
    tmp_path: Path, source: str, finder: object, found: int
) -> None:
    path = ROOT / "tests" / "unit" / f"_vocabulary_probe_{tmp_path.name}.py"
    path.write_text(source, encoding="utf-8")
    try:
        assert callable(finder)
        assert len(finder([path])) == found
    finally:
        path.unlink()


def test_the_glossary_names_every_role_with_its_screen_label() -> None:
    """docs/glossary.md, "Who is looking, in the code": one row per ``Role``, labelled as
    the screens label it (``role.*`` in the catalogue)."""
    from selfdata.domain.viewer import ROLES
    from selfdata.i18n import catalog

    text = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    text = text.split("## Who is looking, in the code")[1].split("\n## ")[0]
    rows = {
        cells[0].strip("`"): (cells[1], cells[2])
        for line in text.splitlines()
        if line.startswith("| `") and not line.startswith("| `Role`")
        for cells in [[c.strip() for c in line.strip("|").split("|")]]
    }
    assert sorted(rows) == sorted(ROLES)
    for role, (fr, en) in rows.items():
        label = catalog().get(f"role.{role}")
        assert (fr, en) == ((label["fr"], label["en"]) if label else ("—", "—")), role
