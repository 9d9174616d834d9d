"""Meta-tests: the architecture stays walkable.

- no import cycle anywhere in ``selfdata`` (every import counts, also those inside functions
  or under ``TYPE_CHECKING``: a cycle that only works because an import was moved into a
  function is still a cycle);
- the layers import one way only: domain <- engines <- files / store <- app <- export /
  commands / ui (see docs/architecture.md);
- no page script over 120 lines, no module over 600 lines unless listed below with a reason;
- every path that docs/architecture.md names exists.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "selfdata"
PAGE_MAX_LINES = 120
MODULE_MAX_LINES = 600
LONG_MODULES: dict[str, str] = {
    # path: why it may stay over MODULE_MAX_LINES (remove the entry once it is split)
    "selfdata/files/documents.py": "hostile-file reading: the guarded composer and the libyaml "
    "fast path share one set of guards and limits (size, depth, values, aliases) and must stop "
    "a file at the same line:column, so they are read side by side; writing is one function "
    "(dump_yaml), no cut there (looked at for issue 13)",
}


# --- the import graph -----------------------------------------------------------------------


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imported(name: str, path: Path, known: set[str]) -> Iterator[tuple[str, int]]:
    """The ``selfdata`` modules that ``name`` imports, with the line of each import.

    ``from package import module`` names the module; ``from module import name`` the
    module. A package's own ``__init__`` is not counted for importing its sub-modules (that
    is how Python packages work, and a package re-exporting its parts is no cycle)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in known:
                    yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base if is_package else base[:-1]
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            for alias in node.names:
                child = f"{module}.{alias.name}"
                if child in known:
                    yield child, node.lineno
                elif module in known:
                    yield module, node.lineno


@functools.cache  # read-only; five tests walk it
def import_graph() -> dict[str, dict[str, int]]:
    """module -> {imported module: line of the first such import}."""
    modules = _modules()
    known = set(modules)
    graph: dict[str, dict[str, int]] = {}
    for name, path in modules.items():
        edges: dict[str, int] = {}
        for target, line in _imported(name, path, known):
            if target != name:
                edges.setdefault(target, line)
        graph[name] = edges
    return graph


def tangles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """Every strongly connected component of more than one module (Tarjan): the modules
    that import each other, directly or not. Sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, {}):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(components)


def find_cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """One shortest cycle per tangle, from its smallest module back to it."""
    return [_one_cycle(graph, set(c)) for c in tangles(graph)]


def _one_cycle(graph: dict[str, dict[str, int]], members: set[str]) -> list[str]:
    """A shortest cycle through the smallest member of a strongly connected component."""
    start = min(members)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for nxt in sorted(graph[node]):
            if nxt == start:
                return [*paths[node], start]
            if nxt in members and nxt not in paths:
                paths[nxt] = [*paths[node], nxt]
                queue.append(nxt)
    return sorted(members)  # pragma: no cover - a component always has a cycle


def _describe(graph: dict[str, dict[str, int]], cycle: list[str]) -> str:
    steps = [f"{a} (line {graph[a][b]}) -> {b}" for a, b in zip(cycle, cycle[1:], strict=False)]
    return "\n    ".join(steps)


def test_the_import_graph_counts_every_import_also_inside_functions(tmp_path: Path) -> None:
    source = tmp_path / "selfdata" / "ui" / "chrome.py"
    source.parent.mkdir(parents=True)
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "import selfdata.domain.cards\n"
        "from selfdata.ui import widgets\n"
        "from . import style\n"
        "if TYPE_CHECKING:\n"
        "    from selfdata.ui.context import PageContext\n"
        "def f():\n"
        "    from selfdata.app.links import page_url\n",
        encoding="utf-8",
    )
    known = {
        "selfdata.ui",
        "selfdata.ui.widgets",
        "selfdata.ui.style",
        "selfdata.ui.context",
        "selfdata.app.links",
        "selfdata.domain.cards",
    }
    found = dict(_imported("selfdata.ui.chrome", source, known))
    assert found == {
        "selfdata.domain.cards": 2,
        "selfdata.ui.widgets": 3,
        "selfdata.ui.style": 4,
        "selfdata.ui.context": 6,
        "selfdata.app.links": 8,
    }
    graph = import_graph()
    assert len(graph) >= 60  # the scan found the package
    assert "selfdata.app.services" in graph["selfdata.ui.live"]


def test_the_cycle_finder_names_a_cycle() -> None:
    graph = {"a": {"b": 1}, "b": {"c": 2}, "c": {"a": 3, "d": 4}, "d": {}}
    assert find_cycles(graph) == [["a", "b", "c", "a"]]
    assert tangles({**graph, "d": {"b": 5}}) == [["a", "b", "c", "d"]]
    assert find_cycles({"a": {"b": 1}, "b": {}}) == []


def test_no_import_cycle_in_selfdata() -> None:
    graph = import_graph()
    report = "\n".join(
        f"these modules import each other: {', '.join(members)}\n"
        f"  for example:\n    {_describe(graph, _one_cycle(graph, set(members)))}"
        for members in tangles(graph)
    )
    assert not report, f"import cycles in selfdata (break each one):\n{report}"


# --- layers ---------------------------------------------------------------------------------

LAYERS: dict[str, frozenset[str]] = {
    # layer: the layers it may import (besides itself). The picture is in docs/architecture.md.
    # i18n is a leaf (the catalogue of texts: it imports nothing of selfdata) that every
    # layer above the domain may read.
    "domain": frozenset(),
    "i18n": frozenset(),
    "engines": frozenset({"domain", "i18n"}),
    "files": frozenset({"domain", "engines", "i18n"}),
    "store": frozenset({"domain", "engines", "files", "i18n"}),
    "app": frozenset({"domain", "engines", "files", "store", "i18n"}),
    "export": frozenset({"domain", "engines", "files", "app", "i18n"}),
    "commands": frozenset({"domain", "engines", "files", "store", "app", "export", "i18n"}),
    "ui": frozenset({"domain", "engines", "files", "store", "app", "export", "i18n"}),
}
"""``selfdata/<layer>/``; a top-level module (``selfdata/cli.py``, ``__main__``, the package
``__init__``) is an entry point and may import any layer."""

KNOWN_CROSSINGS: dict[tuple[str, str], str] = {
    # (importer, imported): why it is tolerated for now (remove once fixed; a test fails
    # when an entry is no longer true, so the list only shrinks)
}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in LAYERS) else None


def test_every_selfdata_sub_package_is_a_known_layer() -> None:
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert packages <= set(LAYERS), f"add the new layer to LAYERS: {packages - set(LAYERS)}"


def test_the_layers_import_one_way_only() -> None:
    graph = import_graph()
    wrong = []
    for module, edges in sorted(graph.items()):
        layer = _layer(module)
        if layer is None:
            continue
        for target, line in sorted(edges.items()):
            other = _layer(target)
            if other is None or other == layer or other in LAYERS[layer]:
                continue
            if (module, target) not in KNOWN_CROSSINGS:
                wrong.append(f"{module} (line {line}) imports {target}: {layer} -> {other}")
    assert wrong == [], "imports against the layers (docs/architecture.md):\n" + "\n".join(wrong)


def test_every_tolerated_crossing_still_exists() -> None:
    graph = import_graph()
    gone = [pair for pair in KNOWN_CROSSINGS if pair[1] not in graph.get(pair[0], {})]
    assert gone == [], "remove these from KNOWN_CROSSINGS: the import is gone"


# --- sizes ----------------------------------------------------------------------------------


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_every_page_is_thin() -> None:
    pages = sorted((ROOT / "pages").glob("*.py"))
    assert pages
    fat = {_rel(p): _lines(p) for p in pages if _lines(p) > PAGE_MAX_LINES}
    assert fat == {}, f"pages compose sections (ui/<page>_view.py), at most {PAGE_MAX_LINES}"


def test_no_module_is_over_the_size_limit_without_a_stated_reason() -> None:
    long = {
        _rel(p): _lines(p)
        for p in sorted(PACKAGE.rglob("*.py"))
        if _lines(p) > MODULE_MAX_LINES and _rel(p) not in LONG_MODULES
    }
    assert long == {}, "split these, or list them in LONG_MODULES with a reason"


def test_every_listed_long_module_is_still_long() -> None:
    shrunk = [
        path
        for path in LONG_MODULES
        if not (ROOT / path).exists() or _lines(ROOT / path) <= MODULE_MAX_LINES
    ]
    assert shrunk == [], "remove these from LONG_MODULES: they are gone or short now"


# --- docs/architecture.md -------------------------------------------------------------------

DOC = ROOT / "docs" / "architecture.md"
PATH_IN_DOC = re.compile(
    r"`((?:selfdata|pages|tests|bench|docs|cards|scenarios|schemas)/[\w./-]*|workshop_app\.py"
    r"|Makefile|README\.md)`"
)
NAME_IN_PATH = re.compile(r"`(\w+)`(?: / `(\w+)`)? in `([\w./-]+\.py)`")
PLANNED: dict[str, str] = {
    # a path the doc names before it exists: who creates it. Remove the entry once it does
    # (a test fails then, so this list cannot rot).
}


def _doc_text() -> str:
    return DOC.read_text(encoding="utf-8")


def _doc_paths() -> list[str]:
    return sorted(set(PATH_IN_DOC.findall(_doc_text())))


def test_the_architecture_doc_names_paths() -> None:
    paths = _doc_paths()
    assert len(paths) >= 20
    assert {"selfdata/engines/ranking.py", "selfdata/export/network_drawing.py"} <= set(paths)


@pytest.mark.parametrize("path", _doc_paths())
def test_every_path_named_in_the_architecture_doc_exists(path: str) -> None:
    exists = (ROOT / path.rstrip("/")).exists()
    if path in PLANNED:
        assert not exists, f"{path} exists now: remove it from PLANNED in this file"
        pytest.skip(f"{path} is planned ({PLANNED[path]})")
    assert exists, f"docs/architecture.md names {path}: update the doc"


def test_every_planned_path_is_named_in_the_doc() -> None:
    assert sorted(set(PLANNED) - set(_doc_paths())) == []


@pytest.mark.parametrize(
    ("names", "path"),
    [((a, b), path) for a, b, path in NAME_IN_PATH.findall(_doc_text())],
    ids=lambda v: "/".join(x for x in v if x) if isinstance(v, tuple) else str(v),
)
def test_every_name_the_doc_places_in_a_module_is_there(names: tuple[str, str], path: str) -> None:
    if path in PLANNED:
        pytest.skip(f"{path} is planned ({PLANNED[path]})")
    source = (ROOT / path).read_text(encoding="utf-8")
    missing = [n for n in names if n and not re.search(rf"\b{n}\b", source)]
    assert missing == [], f"docs/architecture.md places {missing} in {path}: update the doc"


# --- README.md and the figures ----------------------------------------------------------------


def test_every_path_named_in_the_readme_exists() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = sorted(set(PATH_IN_DOC.findall(readme)))
    assert "selfdata/ui/figures/" in named
    assert [p for p in named if not (ROOT / p.rstrip("/")).exists()] == []


FIGURES = PACKAGE / "ui" / "figures"


def test_the_figures_are_one_module_per_subject_beside_the_engine_they_draw() -> None:
    """README and docs/architecture.md: the screen's network drawing is
    ``selfdata/ui/figures/network.py``, named like ``selfdata/engines/network.py``."""
    subjects = {"network", "ranking", "matching", "governance"}
    assert {p.stem for p in FIGURES.glob("*.py")} >= subjects | {"votes", "wall", "ready"}
    assert all((PACKAGE / "engines" / f"{name}.py").exists() for name in subjects)
    assert "def network_figure(" in (FIGURES / "network.py").read_text(encoding="utf-8")
    assert "def draw_network(" in (PACKAGE / "export" / "network_drawing.py").read_text(
        encoding="utf-8"
    )


def test_the_figures_are_pure_functions() -> None:
    """No Streamlit, no store, no service in ``selfdata/ui/figures``: a domain object or a
    read model in, a figure out (the pages do the caching)."""
    graph = import_graph()
    impure = []
    for path in sorted(FIGURES.rglob("*.py")):
        name = _module_name(path)
        source = path.read_text(encoding="utf-8")
        if re.search(r"^\s*(?:import|from)\s+streamlit\b", source, re.M):
            impure.append(f"{name} imports streamlit")
        for target in graph[name]:
            layer = _layer(target)
            if layer in {"store", "app", "export", "commands"} or (
                layer == "ui" and not target.startswith("selfdata.ui.figures")
            ):
                impure.append(f"{name} imports {target}")
    assert impure == []


# --- every name a row of docs/architecture.md gives is in the modules the row names ---------

NAME_IN_DOC = re.compile(r"`([A-Za-z_][\w.]*)(?:\([^`]*\))?`")
"""A backticked code name: ``may_see_results``, ``Store.check``, ``page_context(page)``."""
NOT_CODE = (".py", ".md", ".yaml", ".yml", ".json", ".toml", ".txt")
NOT_NAMES = {"selfdata", "pages", "None", "True", "False"}


def _row_modules(row: str, root: Path) -> list[Path]:
    """The Python modules a row names (a folder stands for every module in it)."""
    found: list[Path] = []
    for path in PATH_IN_DOC.findall(row):
        target = root / path.rstrip("/")
        if path.endswith(".py") and target.is_file():
            found.append(target)
        elif target.is_dir():
            found.extend(sorted(target.rglob("*.py")))
    return found


def stale_names(doc: str, root: Path) -> list[str]:
    """Every backticked name in a table row of ``doc`` that none of the modules the row
    names defines or mentions (each part of a dotted name, as a word), as ``name (row)``.
    Rows that name no module (the layers' folders, the load figures) are not checked."""
    stale = []
    for row in doc.splitlines():
        if not row.startswith("| ") or row.startswith("|---"):
            continue
        modules = _row_modules(row, root)
        if not modules:
            continue
        sources = [m.read_text(encoding="utf-8") for m in modules]
        for name in NAME_IN_DOC.findall(row):
            if name.endswith(NOT_CODE) or name in NOT_NAMES or name.startswith("st."):
                continue  # a file, a Python constant, Streamlit's own API
            if not any(_defines(source, name) for source in sources):
                stale.append(f"{name} ({row.split('|')[1].strip()[:60]})")
    return stale


def _defines(source: str, name: str) -> bool:
    """Whether ``source`` defines ``name``'s last part (a function, a class, a constant or
    field, an import, or a quoted key such as a column's name) — and, for ``Class.member``,
    the class too. A lower-case qualifier (``services.vote``, ``ctx.act``) is how callers
    spell it and is not looked for."""
    if re.search(rf"[\"']{re.escape(name)}[\"']", source):
        return True  # a key said whole: an error's ``store.replaced``
    *qualifiers, last = name.split(".")
    if qualifiers and qualifiers[-1][:1].isupper() and not _defines(source, qualifiers[-1]):
        return False
    word = re.escape(last)
    return bool(
        re.search(rf"(?:def|class)\s+{word}\b", source)
        or re.search(rf"^\s*{word}\s*(?::|=)", source, re.M)
        or re.search(rf"^\s*(?:from\s+\S+\s+)?import\b[^\n]*\b{word}\b", source, re.M)
        or re.search(rf"^\s+{word},?$", source, re.M)  # in an import's parentheses
        or re.search(rf"[\"']{word}[\"']", source)
    )


def test_every_name_in_a_row_of_the_architecture_doc_is_in_a_module_the_row_names() -> None:
    assert stale_names(_doc_text(), ROOT) == [], "docs/architecture.md: update these rows"


def test_a_stale_name_in_a_row_is_found() -> None:
    planted = (
        _doc_text()
        + "\n| Who sees results | `may_see_the_results` in `selfdata/domain/visibility.py` |\n"
        + "| The poll | `POLL_SECONDS` and `Store.check` in `selfdata/ui/push.py` |\n"
    )
    assert stale_names(planted, ROOT) == [
        "may_see_the_results (Who sees results)",
        "POLL_SECONDS (The poll)",
        "Store.check (The poll)",
    ]
