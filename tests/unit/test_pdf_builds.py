"""The suite's shared PDF builds (``tests/pdf_builds.py``): one build per distinct input,
kept for the run's other workers, built again when anything it reads changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop
from tests import pdf_builds


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[tuple[str, ...]]:
    seen: list[tuple[str, ...]] = []

    def fake(kind: str):  # the real builder's place, counting its calls
        def build(*args: object, **kwargs: object) -> bytes:
            seen.append((kind, *map(str, args[2:])))
            return f"%PDF {kind} {len(seen)}".encode()

        return build

    for kind in ("scenario_dossier", "workshop_report", "card_deck"):
        monkeypatch.setattr(pdf_builds.export, kind, fake(kind))
    monkeypatch.setattr(pdf_builds, "_built", {})
    monkeypatch.setattr(pdf_builds, "FOLDER", tmp_path / "shared")
    return seen


def test_a_document_is_built_once_for_the_same_input_and_again_when_it_changes(
    calls: list[tuple[str, ...]],
) -> None:
    workshop = load_workshop(SCENARIOS_DIR / "la_rochelle.yaml")
    decks = default_decks()
    first = pdf_builds.scenario_dossier(workshop, decks, workshop.scenarios[0].id, "fr")
    assert pdf_builds.scenario_dossier(workshop, decks, workshop.scenarios[0].id, "fr") == first
    assert len(calls) == 1
    pdf_builds.scenario_dossier(workshop, decks, workshop.scenarios[0].id, "en")
    renamed = workshop.model_copy(update={"title": "Un autre atelier"})
    pdf_builds.scenario_dossier(renamed, decks, workshop.scenarios[0].id, "fr")
    pdf_builds.workshop_report(workshop, decks, "fr")
    pdf_builds.workshop_report(workshop, decks, "fr", show_pseudonyms=True)
    pdf_builds.card_deck(decks, "fr")
    pdf_builds.card_deck(decks, "fr")
    assert len(calls) == 6


def test_another_worker_reads_the_build_from_the_run_s_folder(
    calls: list[tuple[str, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    decks = default_decks()
    built = pdf_builds.card_deck(decks, "en")
    monkeypatch.setattr(pdf_builds, "_built", {})  # another process: nothing in memory
    assert pdf_builds.card_deck(decks, "en") == built
    assert len(calls) == 1
    assert [p.suffix for p in pdf_builds.FOLDER.iterdir()] == [".pdf"]  # no partial file left


def test_a_build_that_raises_is_not_kept(
    calls: list[tuple[str, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> bytes:
        calls.append(("refused",))
        raise ValueError("no")

    monkeypatch.setattr(pdf_builds.export, "card_deck", refuse)
    for _ in range(2):
        with pytest.raises(ValueError):
            pdf_builds.card_deck(default_decks(), "fr")
    assert calls == [("refused",), ("refused",)]


def test_the_run_shares_its_builds_in_its_own_temporary_folder(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Set by tests/conftest.py for the run: under the run's base temporary folder (the one
    its xdist workers share), so nothing outlives the run."""
    assert pdf_builds.FOLDER is not None and pdf_builds.FOLDER.name == "pdf-builds"
    run = tmp_path_factory.getbasetemp()
    assert pdf_builds.FOLDER.parent in (run, run.parent)
