"""The PDFs as they leave the room: written by the CLI, rendered page by page by poppler."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from selfdata.cli import main
from selfdata.domain.cards import Decks
from selfdata.domain.workshop import Workshop
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop
from tests.pdf_builds import card_deck, scenario_dossier, workshop_report

EXAMPLE = SCENARIOS_DIR / "la_rochelle.yaml"


@cache
def decks() -> Decks:
    return default_decks()


@cache
def example() -> Workshop:
    return load_workshop(EXAMPLE)


def pdftoppm() -> str:
    found = shutil.which("pdftoppm")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdftoppm (poppler-utils) is required in CI: run `make system-deps`")
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    return found


def hostile(workshop: Workshop) -> Workshop:
    first = workshop.scenarios[0].model_copy(
        update={
            "title": "‮<script>alert(1)</script> 🦄 مرحبا " + "x" * 5000,
            "description": "שלום 🧑‍🤝‍🧑 \x00\x1b[31m " * 50,
        }
    )
    return workshop.model_copy(update={"scenarios": [first, *workshop.scenarios[1:]]})


DOCUMENTS = {
    "dossier-fr": lambda: scenario_dossier(example(), decks(), "sc_coach_co2", "fr"),
    "dossier-en": lambda: scenario_dossier(example(), decks(), "sc_coach_co2", "en"),
    "dossier-hostile": lambda: scenario_dossier(
        hostile(example()), decks(), example().scenarios[0].id, "fr"
    ),
    "report-fr": lambda: workshop_report(example(), decks(), "fr", show_pseudonyms=True),
    "report-en-hostile": lambda: workshop_report(hostile(example()), decks(), "en"),
    "deck-fr": lambda: card_deck(decks(), "fr"),
    "deck-en": lambda: card_deck(decks(), "en"),
}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_page_renders_with_poppler(name: str, tmp_path: Path) -> None:
    tool = pdftoppm()
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(DOCUMENTS[name]())
    pages = len(PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    result = subprocess.run(
        [tool, "-r", "30", "-png", str(pdf), str(tmp_path / "page")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr, result.stderr
    assert len(list(tmp_path.glob("page-*.png"))) == pages


def test_the_export_command_writes_the_report_and_every_dossier(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(EXAMPLE), "--out", str(tmp_path), "--lang", "en"]) == 0
    written = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert len(written) == 1 + len(example().scenarios)
    assert any(name.endswith("-report-en.pdf") for name in written)
    for scenario in example().scenarios:
        assert any(scenario.id.replace("_", "-") in name for name in written)
    assert "KB" in capsys.readouterr().out


def test_the_export_command_can_write_one_dossier(tmp_path: Path) -> None:
    code = main(["export", str(EXAMPLE), "--out", str(tmp_path), "--scenario", "sc_coach_co2"])
    assert code == 0
    (only,) = tmp_path.glob("*.pdf")
    text = PdfReader(only).pages[0].extract_text()
    assert "DOSSIER DE SCÉNARIO" in text


def test_an_unknown_scenario_is_named_with_the_known_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(EXAMPLE), "--out", str(tmp_path), "--scenario", "nope"]) == 1
    err = capsys.readouterr().err
    assert "no scenario 'nope'" in err and "sc_coach_co2" in err
    assert not list(tmp_path.glob("*.pdf"))


def test_a_broken_workshop_file_is_reported_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: selfdata-workshop/1\ntitle: [unclosed\n", encoding="utf-8")
    assert main(["export", str(bad), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "bad.yaml" in err and "Traceback" not in err


def test_the_cards_command_prints_the_deck(tmp_path: Path) -> None:
    out = tmp_path / "deck" / "cards.pdf"
    assert main(["cards", "--out", str(out), "--lang", "en"]) == 0
    reader = PdfReader(out)
    assert reader.metadata is not None and reader.metadata.title == "Self Data card deck"
    assert "Four A6 cards per A4 sheet" in " ".join(reader.pages[0].extract_text().split())
