"""The use cases hold the rules, the store holds the SQL (issue 24): no module of
``selfdata/app`` imports SQLAlchemy or the schema's tables; they call the named queries of
:mod:`selfdata.store.queries` with the transaction ``Store.read``/``Store.write`` hands them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "selfdata" / "app"
FORBIDDEN = ("sqlalchemy", "selfdata.store.schema")


def sql_imports(path: Path) -> list[str]:
    """The forbidden imports of a module, as ``line: module``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        else:
            continue
        hits = [n for n in names if n.startswith(FORBIDDEN)]
        if hits:
            found.append(f"{node.lineno}: {hits[0]}")
    return found


def test_the_finder_sees_every_way_of_importing_sql(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "import sqlalchemy\nfrom sqlalchemy import select\nfrom selfdata.store import schema\n"
        "def f():\n    from sqlalchemy.exc import OperationalError\n"
    )
    assert [line.split(":")[0] for line in sql_imports(module)] == ["1", "2", "3", "5"]


@pytest.mark.parametrize("path", sorted(APP.glob("*.py")), ids=lambda p: p.name)
def test_no_use_case_module_imports_sql(path: Path) -> None:
    assert not sql_imports(path), f"selfdata/app/{path.name} imports SQL"
