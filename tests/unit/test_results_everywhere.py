"""Issue 14: the CLI (``rank``, ``export``) and the PDFs say what the screen says: weights
as entered, ties as ties, a scale-free swap, one sensitivity configuration, and a refusal
when every weight is 0."""

from __future__ import annotations

import io
import json
import re
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from selfdata.cli import main
from selfdata.domain.cards import Decks
from selfdata.domain.workshop import CriterionWeight, Workshop
from selfdata.files.loading import SCENARIOS_DIR, default_decks, dump_workshop, load_workshop
from tests.pdf_builds import scenario_dossier, workshop_report

FRACTIONAL = {
    "resident_benefit": 0.25,
    "collective_value": 0.15,
    "feasibility": 0.2,
    "cost": 0.15,
    "legal_risk": 0.15,
    "privacy_risk": 0.1,
}


@cache
def decks() -> Decks:
    return default_decks()


def base() -> Workshop:
    return load_workshop(SCENARIOS_DIR / "la_rochelle.yaml")


def weighted(weights: dict[str, float]) -> Workshop:
    """La Rochelle with these criteria and weights (ratings of other criteria dropped, as
    the workshop file would refuse them)."""
    w = base()
    return w.model_copy(
        update={
            "criteria": [CriterionWeight(criterion=c, weight=v) for c, v in weights.items()],
            "ratings": [r for r in w.ratings if r.criterion in weights],
        }
    )


def all_equal() -> Workshop:
    """Every rating a 3: the scenarios are tied, whatever the workshop's order."""
    w = weighted(FRACTIONAL)
    return w.model_copy(update={"ratings": [r.model_copy(update={"value": 3}) for r in w.ratings]})


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join("\n".join(p.extract_text() for p in reader.pages).split())


@cache
def report(kind: str, lang: str) -> str:
    workshop = {"fractional": weighted(FRACTIONAL), "tie": all_equal()}[kind]
    if kind == "tenth":
        workshop = weighted({c: w / 10 for c, w in FRACTIONAL.items()})
    return text_of(workshop_report(workshop, decks(), lang))


def write(tmp_path: Path, workshop: Workshop, name: str = "atelier.yaml") -> Path:
    path = tmp_path / name
    path.write_text(dump_workshop(workshop), encoding="utf-8")
    return path


def rank_cli(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> tuple[int, str]:
    code = main(["rank", str(path), *args])
    return code, capsys.readouterr().out


FROM_X_TO_X = re.compile(r"(?:\bde|\bfrom) ([\d,.]+\s?%?) (?:à|to) \1(?![\d,.])")


@pytest.mark.pdf
@pytest.mark.parametrize(("lang", "quarter"), [("fr", "0,25"), ("en", "0.25")])
def test_the_report_prints_fractional_weights_as_entered(lang: str, quarter: str) -> None:
    text = report("fractional", lang)
    assert quarter in text
    assert ("0,15" if lang == "fr" else "0.15") in text
    assert FROM_X_TO_X.search(text) is None


@pytest.mark.pdf
@pytest.mark.parametrize(("lang", "quarter"), [("fr", "0,25"), ("en", "0.25")])
def test_the_dossier_prints_fractional_weights_as_entered(lang: str, quarter: str) -> None:
    w = weighted(FRACTIONAL)
    text = text_of(scenario_dossier(w, decks(), w.scenarios[0].id, lang))
    assert quarter in text
    assert FROM_X_TO_X.search(text) is None


def test_rank_prints_fractional_weights_as_entered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = rank_cli(capsys, write(tmp_path, weighted(FRACTIONAL)))
    assert code == 0
    assert "resident_benefit 0.25" in out and "cost 0.15" in out
    assert FROM_X_TO_X.search(out) is None
    assert "(-0.03)" not in out


@pytest.mark.pdf
def test_dividing_every_weight_by_ten_changes_neither_ranking_stability_nor_swap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tenth = weighted({c: w / 10 for c, w in FRACTIONAL.items()})
    _, one = rank_cli(capsys, write(tmp_path, weighted(FRACTIONAL), "a.yaml"), "--json")
    _, other = rank_cli(capsys, write(tmp_path, tenth, "b.yaml"), "--json")
    a, b = json.loads(one), json.loads(other)
    assert [r["scenario"] for r in a["ranking"]] == [r["scenario"] for r in b["ranking"]]
    assert a["sensitivity"]["winner_stability"] == pytest.approx(
        b["sensitivity"]["winner_stability"]
    )
    assert a["weight_swap"] is not None
    assert a["weight_swap"]["criterion"] == b["weight_swap"]["criterion"]
    assert a["weight_swap"]["new_share"] == pytest.approx(b["weight_swap"]["new_share"])
    for lang in ("fr", "en"):
        tenth_text = text_of(workshop_report(tenth, decks(), lang))
        heading = "Sensibilité aux poids" if lang == "fr" else "Sensitivity to the weights"
        # the same sentences, but for the weights in the workshop's own units (÷ 10)
        own_units = re.compile(r" \((?:poids|weight) [^)]*\)")
        one_text = report("fractional", lang)
        same = own_units.sub("", one_text[one_text.index(heading) :]).split(".")[:3]
        assert own_units.sub("", tenth_text[tenth_text.index(heading) :]).split(".")[:3] == same


def test_rank_reports_all_equal_ratings_as_a_tie(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = rank_cli(capsys, write(tmp_path, all_equal()))
    assert code == 0
    assert "tied for first place" in out
    assert "Winner:" not in out and "100%" not in out
    assert "  1st " not in out and "2nd" not in out
    assert out.count("tied 1st") == len(all_equal().scenarios)


@pytest.mark.pdf
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_report_reports_all_equal_ratings_as_a_tie(lang: str) -> None:
    text = report("tie", lang)
    tied = "1er ex æquo" if lang == "fr" else "tied 1st"
    assert text.count(tied) >= len(all_equal().scenarios)
    assert ("à égalité en tête" if lang == "fr" else "tied for first place") in text
    assert ("reste premier" if lang == "fr" else "stays first") not in text
    stability = "1er ex æquo" if lang == "fr" else "tied 1st"
    rows = re.findall(stability + r" .+? (\d+\s?%) (\d+\s?%)", text)
    assert rows and all(row[1].startswith("25") for row in rows)  # 1/4 each, not 100 %


def test_export_refuses_zero_weights_with_a_message_about_the_weights(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    zero = weighted(dict.fromkeys(FRACTIONAL, 0.0))
    out = tmp_path / "out"
    code = main(["export", str(write(tmp_path, zero)), "--out", str(out), "--lang", "en"])
    captured = capsys.readouterr()
    assert code != 0
    assert "weight of 0" in captured.err and "Traceback" not in captured.err
    assert not any(out.glob("*.pdf"))
    code = main(["export", str(write(tmp_path, zero)), "--out", str(out), "--lang", "fr"])
    assert code != 0 and "poids de 0" in capsys.readouterr().err


@pytest.mark.pdf
@pytest.mark.parametrize(
    ("lang", "chosen", "not_chosen"),
    [("fr", "Modèle retenu", "pas encore choisi"), ("en", "Chosen model", "not chosen yet")],
)
def test_the_dossier_never_says_chosen_model_and_not_chosen_yet_together(
    lang: str, chosen: str, not_chosen: str
) -> None:
    w = base()
    scenario = w.scenarios[0]
    use_cases = [
        u.model_copy(update={"governance_choice": None}) if u.id == scenario.use_case else u
        for u in w.use_cases
    ]
    w = w.model_copy(update={"use_cases": use_cases})
    text = text_of(scenario_dossier(w, decks(), scenario.id, lang))
    assert not_chosen in text
    assert chosen not in text
