"""A workshop file's problems and ``workshops restore``'s messages in the page's / command's
language (issue 29: PyYAML's, pydantic's and the system's English words reached French
screens; ``restore`` spoke English only). English keeps the library's own words."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from selfdata.app import services
from selfdata.cli import main
from selfdata.files.documents import parse_text, read_document
from selfdata.files.loading import dump_workshop
from selfdata.files.problems import FileFormatError, Problem, validation_problems
from selfdata.store import Store

ENGLISH = re.compile(
    r"\b(found|expected|while|cannot|could not|unknown|invalid|failed|out of range|"
    r"escape|character|token|input|should|directory|error)\b",
    re.I,
)
"""Words of the libraries' messages; none is French."""


def _problems(text: str, *, json_syntax: bool = False) -> list[Problem]:
    with pytest.raises(FileFormatError) as caught:
        parse_text(text, "atelier.yaml", json_syntax=json_syntax)
    return list(caught.value.problems)


@pytest.mark.parametrize(
    ("text", "json_syntax", "english"),
    [
        ('a: "\\q"\n', False, "found unknown escape character"),  # no phrase for it
        ("a: & x\n", False, "expected alphabetic or numeric character"),  # nor for this
        ("a: &x 1\nb: *y\n", False, "undefined alias"),
        ("? [a]\n: b\n", False, "a key cannot be a list"),
        ("%YAML 1.1\n%YAML 1.1\n---\na: 1\n", False, "%YAML directive"),
        ("a: @b\n", False, "cannot start a value"),
        ("a: !!binary x$\n", False, "failed to decode base64"),
        ("a: 0000-01-01\n", False, "year 0 is out of range"),
        ('{"a": "\\q"}', True, "Invalid \\escape"),
    ],
)
def test_a_file_s_syntax_problem_is_french_on_a_french_page(
    text: str, json_syntax: bool, english: str
) -> None:
    [problem] = _problems(text, json_syntax=json_syntax)
    french = problem.text("fr")
    assert not ENGLISH.search(french.split(": ", 1)[1]), french
    assert english in problem.text("en") and str(problem) == problem.text("en")


def test_pydantic_s_own_words_are_french_on_a_french_page() -> None:
    class Slot(BaseModel):
        at: dt.time

    with pytest.raises(ValidationError) as caught:
        Slot.model_validate({"at": "25:99"})
    [problem] = validation_problems("atelier.yaml", caught.value, model=Slot)
    assert "valeur refusée" in problem.text("fr") and not ENGLISH.search(problem.text("fr"))
    assert "input should be" in problem.text("en").lower()
    [raw] = validation_problems("atelier.yaml", caught.value)  # without the model
    assert not ENGLISH.search(raw.text("fr").split(": ", 1)[1])


def test_the_system_s_words_are_french_on_a_french_page(tmp_path: Path) -> None:
    inside_a_file = tmp_path / "atelier.yaml" / "x.yaml"
    inside_a_file.parent.write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        read_document(inside_a_file)
    [problem] = caught.value.problems
    assert "lecture du fichier impossible" in problem.text("fr")
    assert not ENGLISH.search(problem.text("fr").split(": ", 1)[1]), problem.text("fr")
    assert "Not a directory" in problem.text("en")


def _store(tmp_path: Path) -> tuple[str, Path]:
    url = f"sqlite:///{tmp_path / 'workshops.db'}"
    store = Store(url)
    try:
        created = services.create_workshop(store, example="la_rochelle")
        good = tmp_path / "good.selfdata.yaml"
        good.write_text(dump_workshop(services.backup_workshop(store, created.code)), "utf-8")
    finally:
        store.dispose()
    return url, good


def test_workshops_restore_speaks_french_by_default_and_english_on_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, good = _store(tmp_path)
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: x\n  a: &x 1\nb: *y\n", encoding="utf-8")
    assert main(["workshops", "--db", url, "restore", str(good), str(broken)]) == 1
    out, err = capsys.readouterr()
    assert "\tsecret d’animation " in out and "facilitator" not in out
    assert "YAML invalide" in err and not ENGLISH.search(err.split(": ", 1)[1]), err
    assert main(["workshops", "--db", url, "restore", "--lang", "en", str(good), str(broken)]) == 1
    out, err = capsys.readouterr()
    assert "\tfacilitator secret " in out and "invalid YAML" in err


def test_the_home_page_s_preview_of_an_uploaded_file_words_them_in_the_page_s_language() -> None:
    raw = b'title: "\\q"\n'
    [french] = services.preview_workshop_file(raw, "atelier.yaml", "fr").problems
    assert "YAML invalide" in french and not ENGLISH.search(french.split(": ", 1)[1]), french
    [english] = services.preview_workshop_file(raw, "atelier.yaml", "en").problems
    assert "found unknown escape character" in english
