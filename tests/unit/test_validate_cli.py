"""``python -m selfdata validate``: one exact line per problem, exit 1; never a traceback.

The table below is the contract: a malformed file and the exact line a facilitator reads.
Files are written in a temporary folder and named relatively, as a user would type them;
references are checked against a few tiny decks written there too (``--cards decks``), so
the table does not move when the shipped decks grow.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from selfdata.cli import main
from selfdata.files.documents import MAX_FILE_BYTES

# --- tiny factories -------------------------------------------------------------------------


def text(fr: str, en: str | None = None) -> dict[str, str]:
    return {"fr": fr, "en": en or fr}


def source_card(**fields: Any) -> dict[str, Any]:
    card: dict[str, Any] = {
        "id": "water_meter",
        "title": text("Compteur d’eau", "Water meter"),
        "description": text("Litres consommés par jour.", "Litres used per day."),
        "holder": text("Régie de l’eau", "Water utility"),
        "holder_kind": "public_utility",
        "themes": ["water"],
        "categories": ["water_consumption"],
        "refresh": "daily",
        "access": "portal",
        "ease": 2,
        "sensitivity": "low",
        "portability": True,
    }
    card.update(fields)
    return card


def need_card(**fields: Any) -> dict[str, Any]:
    card: dict[str, Any] = {
        "id": "lower_bills",
        "title": text("Baisser ses factures", "Lower one’s bills"),
        "description": text("Comprendre sa consommation.", "Understand one’s consumption."),
        "persona": text("Une famille de quatre", "A family of four"),
        "themes": ["water"],
        "usage_family": "self_knowledge",
        "categories": ["water_consumption"],
    }
    card.update(fields)
    return card


def deck(kind: str, *cards: dict[str, Any]) -> dict[str, Any]:
    return {"schema": "selfdata-deck/1", "kind": kind, "cards": list(cards)}


def workshop(**fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema": "selfdata-workshop/1",
        "title": "Atelier eau",
        "territory": "Testville",
        "theme": "water",
        "participants": [{"id": "p1", "pseudonym": "Ana"}],
        "sources": [{"id": "water_meter", "card": source_card()}],
        "needs": [{"id": "lower_bills", "card": need_card()}],
        "use_cases": [
            {
                "id": "water_coach",
                "title": "Coach eau",
                "need": "lower_bills",
                "sources": ["water_meter"],
            }
        ],
    }
    data.update(fields)
    return data


def as_yaml(data: Any) -> bytes:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True).encode("utf-8")


def edited(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of ``data`` with the value at ``a.b[0].c`` replaced."""
    out = copy.deepcopy(data)
    parts = path.replace("[", ".").replace("]", "").split(".")
    target: Any = out
    for part in parts[:-1]:
        target = target[int(part)] if part.isdigit() else target[part]
    last = parts[-1]
    target[int(last) if last.isdigit() else last] = value
    return out


BILLION_LAUGHS = "\n".join(
    ['lol: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [
        f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]"
        for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
    ]
).encode()

DEEP = ("x: " + "[" * 25 + "]" * 25 + "\n").encode()

# --- the table ------------------------------------------------------------------------------

MALFORMED: list[tuple[str, str, bytes, str]] = [
    (
        "yaml syntax error, with line and column",
        "syntax.yaml",
        b"schema: selfdata-deck/1\nkind: themes\ncards:\n  - id: a\n   title: x\n",
        "syntax.yaml:5:4: invalid YAML: this line is not indented like the ones around it",
    ),
    (
        "unknown theme, with a suggestion",
        "data_sources.yaml",
        as_yaml(deck("data_sources", source_card(themes=["water", "mobilty"]))),
        "data_sources.yaml: cards[0].themes[1]: unknown theme 'mobilty' — did you mean 'mobility'?",
    ),
    (
        "unknown theme inside a workshop's custom need card",
        "workshop.yaml",
        as_yaml(workshop(needs=[{"id": "lower_bills", "card": need_card(themes=["watter"])}])),
        "workshop.yaml: needs[0].card.themes[0]: unknown theme 'watter' — did you mean 'water'?",
    ),
    (
        "missing required fields, on one line",
        "workshop.yaml",
        as_yaml({"schema": "selfdata-workshop/1", "title": "Atelier"}),
        "workshop.yaml: missing required fields 'territory', 'theme'",
    ),
    (
        "wrong type: a number where a text is expected",
        "workshop.yaml",
        as_yaml(workshop(title=2019)),
        "workshop.yaml: title: expected a text, got 2019",
    ),
    (
        "ease of access out of range",
        "data_sources.yaml",
        as_yaml(deck("data_sources", source_card(ease=5))),
        "data_sources.yaml: cards[0].ease: expected an integer between 1 and 3, got 5",
    ),
    (
        "unknown top-level key, with a suggestion",
        "workshop.yaml",
        as_yaml({**workshop(), "particpants": []}),
        "workshop.yaml: unknown field 'particpants' — did you mean 'participants'?",
    ),
    (
        "closed vocabulary value, with a suggestion",
        "data_sources.yaml",
        as_yaml(deck("data_sources", source_card(access="apii"))),
        "data_sources.yaml: cards[0].access: unknown value 'apii' — did you mean 'api'? "
        "(expected one of: paper, on_request, portal, api, open_data, not_available)",
    ),
    (
        "wrong schema tag",
        "old.yaml",
        as_yaml({**workshop(), "schema": "selfdata-workshop/2"}),
        "old.yaml: schema: unknown schema 'selfdata-workshop/2' — did you mean "
        "'selfdata-workshop/1'? (expected 'selfdata-deck/1' or 'selfdata-workshop/1')",
    ),
    (
        "no schema tag at all",
        "notes.yaml",
        b"title: Atelier\n",
        "notes.yaml: missing 'schema': expected 'selfdata-deck/1' or 'selfdata-workshop/1'",
    ),
    (
        "duplicate key",
        "dup.yaml",
        b"schema: selfdata-deck/1\nkind: themes\ncards:\n  - id: a\n    id: b\n",
        "dup.yaml:5:5: duplicate key 'id' (first at line 4)",
    ),
    (
        "alias bomb (billion laughs)",
        "bomb.yaml",
        BILLION_LAUGHS,
        "bomb.yaml:6:4: the document expands to more than 250,000 values through its "
        "aliases (*name)",
    ),
    (
        "recursive alias",
        "loop.yaml",
        b"a: &x [1, *x]\n",
        "loop.yaml:1:4: recursive alias: a value contains itself",
    ),
    (
        "file over the size limit",
        "huge.yaml",
        b"# " + b"x" * MAX_FILE_BYTES,
        "huge.yaml: file too large (5.0 MB; the limit is 5 MB)",
    ),
    (
        "nesting deeper than the limit",
        "deep.yaml",
        DEEP,
        "deep.yaml:1:23: nesting deeper than 20 levels",
    ),
    (
        "binary content",
        "photo.yaml",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "photo.yaml:3:1: binary content (NUL byte): expected a YAML or JSON text file",
    ),
    (
        "text that is not UTF-8 (Latin-1 from an old spreadsheet)",
        "latin1.yaml",
        "schema: selfdata-workshop/1\nterritory: Orléans\n".encode("latin-1"),
        "latin1.yaml:2:15: not UTF-8 text (byte 0xe9): save the file as UTF-8",
    ),
    (
        "UTF-16 text",
        "utf16.yaml",
        "schema: selfdata-deck/1\n".encode("utf-16"),
        "utf16.yaml: text is UTF-16: save the file as UTF-8",
    ),
    (
        "empty file",
        "empty.yaml",
        b"",
        "empty.yaml: file is empty",
    ),
    (
        "a file of comments only counts as empty",
        "comments.yaml",
        b"# to do\n\n",
        "comments.yaml: file is empty",
    ),
    (
        "a list at the top level",
        "list.yaml",
        b"- schema: selfdata-deck/1\n",
        "list.yaml: expected a mapping with a 'schema:' at the top level, got a list",
    ),
    (
        "tab indentation",
        "tabs.yaml",
        b"schema: selfdata-deck/1\ncards:\n\t- id: a\n",
        "tabs.yaml:3:1: a tab character cannot indent YAML: use spaces",
    ),
    (
        "a python tag (code execution attempt)",
        "evil.yaml",
        b'schema: !!python/object/apply:os.system ["true"]\n',
        "evil.yaml:1:9: unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'",
    ),
    (
        "several documents in one file",
        "two.yaml",
        b"schema: selfdata-deck/1\n---\nschema: selfdata-deck/1\n",
        "two.yaml:2:1: several YAML documents (---) in one file: expected a single document",
    ),
    (
        "control character",
        "bell.yaml",
        b"schema: selfdata-deck/1\ntitle: a\x07\n",
        "bell.yaml:2:9: control character U+0007 is not allowed",
    ),
    (
        "dangling use-case source reference",
        "workshop.yaml",
        as_yaml(edited(workshop(), "use_cases[0].sources[0]", "water_metre")),
        "workshop.yaml: use_cases[0].sources[0]: unknown data source 'water_metre' — did you "
        "mean 'water_meter'?",
    ),
    (
        "use case naming a deck source the workshop did not take",
        "workshop.yaml",
        as_yaml(edited(workshop(), "use_cases[0].sources[0]", "water_daily_consumption")),
        "workshop.yaml: use_cases[0].sources[0]: data source 'water_daily_consumption' is not in "
        "the workshop's inventory (sources)",
    ),
    (
        "duplicate card ids",
        "data_sources.yaml",
        as_yaml(deck("data_sources", source_card(), source_card())),
        "data_sources.yaml: cards[1].id: duplicate id 'water_meter' (also cards[0])",
    ),
    (
        "votes over the budget",
        "workshop.yaml",
        as_yaml(
            workshop(
                settings={"vote_budget": 2, "vote_cap": 3},
                votes=[{"participant": "p1", "need": "lower_bills", "dots": 3}],
            )
        ),
        "workshop.yaml: votes[0].dots: participant 'p1' places 3 dots, over the budget of 2",
    ),
    (
        "rating by an unknown participant",
        "workshop.yaml",
        as_yaml(
            workshop(
                scenarios=[
                    {
                        "id": "pilot",
                        "title": "Pilote",
                        "use_case": "water_coach",
                        "model": "personal_cloud",
                        "scope": {"residents": 500, "duration_months": 12},
                    }
                ],
                ratings=[
                    {"participant": "p2", "scenario": "pilot", "criterion": "cost", "value": 3}
                ],
            )
        ),
        "workshop.yaml: ratings[0].participant: unknown participant 'p2'",
    ),
    (
        "duplicate key in JSON",
        "workshop.json",
        b'{"schema": "selfdata-workshop/1", "title": "A", "title": "B"}',
        "workshop.json: duplicate key 'title'",
    ),
    (
        "JSON syntax error, with line and column",
        "workshop.json",
        b'{\n  "schema": "selfdata-workshop/1",\n  "title": "A",\n}\n',
        "workshop.json:4:1: invalid JSON: Expecting property name enclosed in double quotes",
    ),
]


def tiny_decks() -> dict[str, dict[str, Any]]:
    def card(card_id: str, **fields: Any) -> dict[str, Any]:
        return {"id": card_id, "title": text(card_id), "description": text(card_id), **fields}

    return {
        "themes": deck(
            "themes",
            *(card(t, color="#0072B2") for t in ("water", "mobility", "energy")),
        ),
        "data_categories": deck("data_categories", card("water_consumption")),
        "data_sources": deck("data_sources", source_card(id="water_daily_consumption")),
        "criteria": deck("criteria", card("cost", direction="cost", default_weight=1)),
    }


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "decks").mkdir()
    for kind, content in tiny_decks().items():
        (tmp_path / "decks" / f"{kind}.yaml").write_bytes(as_yaml(content))
    return tmp_path


def validate(
    capsys: pytest.CaptureFixture[str], *paths: str, lang: str = "en"
) -> tuple[int, list[str], str]:
    code = main(["validate", "--cards", "decks", "--lang", lang, *paths])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [pytest.param(name, content, expected, id=case) for case, name, content, expected in MALFORMED],
)
def test_a_malformed_file_gets_exactly_one_plain_line_and_exit_1(
    in_tmp: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes,
    expected: str,
) -> None:
    (in_tmp / name).write_bytes(content)
    code, out, err = validate(capsys, name)
    assert (code, out) == (1, [expected])
    assert "Traceback" not in err


def test_the_table_covers_at_least_twelve_kinds_of_malformed_file() -> None:
    assert len({case for case, *_ in MALFORMED}) >= 12


def test_a_valid_workshop_in_yaml_or_json_passes_with_exit_0(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (in_tmp / "atelier.yaml").write_bytes(as_yaml(workshop()))
    (in_tmp / "atelier.json").write_text(json.dumps(workshop(), ensure_ascii=False, indent="\t"))
    code, out, _ = validate(capsys, "atelier.yaml", "atelier.json")
    assert (code, out) == (0, ["atelier.yaml: ok", "atelier.json: ok"])


def test_a_yaml_1_1_boolean_word_stays_text(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Under YAML 1.1 `no` would become false and fail as "expected a text".
    content = as_yaml(workshop(territory="PLACE")).replace(b"territory: PLACE", b"territory: no")
    (in_tmp / "norway.yaml").write_bytes(content)
    code, out, _ = validate(capsys, "norway.yaml")
    assert (code, out) == (0, ["norway.yaml: ok"])


def test_every_problem_of_a_file_is_listed_not_just_the_first(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = deck("data_sources", source_card(ease=0), source_card(id="b", refresh="hourly"))
    (in_tmp / "d.yaml").write_bytes(as_yaml(broken))
    code, out, _ = validate(capsys, "d.yaml")
    assert code == 1
    assert out == [
        "d.yaml: cards[0].ease: expected an integer between 1 and 3, got 0",
        "d.yaml: cards[1].refresh: unknown value 'hourly' (expected one of: realtime, daily, "
        "weekly, monthly, quarterly, yearly, on_event)",
    ]


def test_a_folder_stands_for_its_yaml_and_json_files(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = in_tmp / "mix"
    folder.mkdir()
    (folder / "a.yaml").write_bytes(as_yaml(workshop()))
    (folder / "b.json").write_text(json.dumps(workshop()))
    (folder / "notes.txt").write_text("not a deck")
    code, out, _ = validate(capsys, "mix")
    assert (code, out) == (0, ["mix/a.yaml: ok", "mix/b.json: ok"])


def test_one_bad_file_among_good_ones_fails_the_run_and_says_how_many(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (in_tmp / "good.yaml").write_bytes(as_yaml(workshop()))
    (in_tmp / "empty.yaml").write_bytes(b"")
    code, out, err = validate(capsys, "good.yaml", "empty.yaml", "missing.yaml")
    assert code == 1
    assert out == ["good.yaml: ok", "empty.yaml: file is empty", "missing.yaml: file not found"]
    assert err.strip() == "2 of 3 files invalid"


def test_the_problems_are_french_by_default_and_english_on_request(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 29: the problems of a workshop file came in English under a French summary;
    they now come from the same catalogue as the app's pages, French unless ``--lang en``."""
    broken = deck("data_sources", source_card(ease=0), source_card(id="b", refresh="hourly"))
    (in_tmp / "d.yaml").write_bytes(as_yaml(broken))
    (in_tmp / "w.yaml").write_bytes(as_yaml(workshop()).replace(b"title:", b"titel:", 1))
    (in_tmp / "open.yaml").write_bytes(as_yaml(workshop()) + b"x: [1, 2\n")
    end = as_yaml(workshop()).count(b"\n") + 2  # the line after the unclosed bracket
    files = ["d.yaml", "w.yaml", "missing.yaml", "open.yaml"]
    code = main(["validate", "--cards", "decks", *files])
    out, err = capsys.readouterr()
    assert code == 1
    assert out.splitlines() == [
        "d.yaml: cards[0].ease: attendu\u202f: un nombre entier entre 1 et 3\u00a0; reçu\u202f: 0",
        "d.yaml: cards[1].refresh: valeur inconnue 'hourly' (attendu\u202f: l’une de realtime, "
        "daily, weekly, monthly, quarterly, yearly, on_event)",
        "w.yaml: champ obligatoire manquant\u202f: 'title'",
        "w.yaml: champ inconnu 'titel' — vouliez-vous dire 'title'\u202f?",
        "missing.yaml: fichier introuvable",
        f"open.yaml:{end}:1: YAML invalide\u202f: le fichier se termine trop tôt (un crochet "
        "jamais fermé\u202f?)",
    ]
    assert err.strip() == "4 fichiers invalides sur 4"
    _, english, _ = validate(capsys, "w.yaml")
    assert english == [
        "w.yaml: missing required field 'title'",
        "w.yaml: unknown field 'titel' — did you mean 'title'?",
    ]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (None, "1 fichier invalide sur 1"),
        ("fr", "1 fichier invalide sur 1"),
        ("en", "1 of 1 file invalid"),
    ],
)
def test_the_summary_is_french_by_default_and_comes_on_its_own_line_after_the_problems(
    in_tmp: Path, capfd: pytest.CaptureFixture[str], lang: str | None, expected: str
) -> None:
    """Issue 30: "1 of 1 file invalid" came in English, glued to the last French line."""
    (in_tmp / "empty.yaml").write_bytes(b"")
    code = main(["validate", "--cards", "decks", *(["--lang", lang] if lang else []), "empty.yaml"])
    out, err = capfd.readouterr()
    assert code == 1
    assert out.endswith("\n") and err == expected + "\n"


def test_a_bug_in_a_checker_still_prints_one_line_and_no_traceback(
    in_tmp: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise KeyError("oops")

    monkeypatch.setattr("selfdata.commands.validate.check_file", broken)
    (in_tmp / "a.yaml").write_bytes(as_yaml(workshop()))
    code, out, err = validate(capsys, "a.yaml")
    assert (code, out) == (1, ["a.yaml: internal error while checking: KeyError: 'oops'"])
    assert "Traceback" not in err
