"""Every command shown in the README's command table is accepted as written.

Each row's syntax is turned into argument lists (placeholders filled, optional parts
included, each alternative of ``a|b`` tried) and handed to the CLI's own parser — parsed,
not run, so nothing is written or read. The README once showed ``workshops … [--db URL]``
after the action, where the parser refuses it; this test would have said so.
"""

from __future__ import annotations

import re
import shlex

import pytest

from selfdata.cli import COMMANDS, build_parser, main
from selfdata.files.loading import ROOT

PLACEHOLDERS = {
    "PATH": "cards/themes.yaml",
    "WORKSHOP": "scenarios/nantes.yaml",
    "DIR": "out",
    "FILE": "atelier.yaml",
    "FILE.pdf": "deck.pdf",
    "FILE.csv": "sources.csv",
    "FILE.xlsx": "sources.xlsx",
    "CODE": "ABC234",
    "URL": "sqlite:///x.db",
    "ID": "pilot",
    "S": "secret",
    "N": "7",
}


def table_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Command line", 1)[1].split("\n## ", 1)[0]
    found = re.findall(r"^\| `(python -m selfdata [^`]+)` \|", section, flags=re.M)
    return [f.replace("\\|", "|") for f in found]


def variants(syntax: str) -> list[list[str]]:
    """Argument lists for ``syntax``: one per alternative of its ``a|b`` choices."""
    tokens = shlex.split(syntax.replace("[", " ").replace("]", " ").replace("…", ""))
    tokens = tokens[3:]  # python -m selfdata
    choices = [t.split("|") for t in tokens]
    count = max(len(c) for c in choices)
    out = []
    for i in range(count):
        argv = []
        for options in choices:
            token = options[min(i, len(options) - 1)]
            name, eq, value = token.partition("=")
            if eq:
                argv.append(f"{name}={PLACEHOLDERS.get(value, value)}")
            else:
                argv.append(PLACEHOLDERS.get(token, token))
        out.append(argv)
    return out


def test_the_table_lists_every_command() -> None:
    shown = {c.split()[3] for c in table_commands()}
    assert shown == set(COMMANDS)


@pytest.mark.parametrize("syntax", table_commands())
def test_each_command_of_the_readme_is_accepted_as_written(syntax: str) -> None:
    parser = build_parser()
    for argv in variants(syntax):
        try:
            parser.parse_args(argv)
        except SystemExit as exc:  # argparse refuses with exit status 2
            pytest.fail(f"the CLI refuses {argv} (README: {syntax}): exit {exc.code}")


def test_a_command_with_db_after_the_action_is_refused_so_the_test_can_fail() -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(variants("python -m selfdata workshops list [--db URL]")[0])


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_answers_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("usage: python -m selfdata")
