from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from selfdata.cli import main


def valid_workshop(**changes: Any) -> dict[str, Any]:
    scenarios = [
        {
            "id": sid,
            "title": title,
            "use_case": "coach",
            "model": model,
            "scope": {"residents": 500, "duration_months": 12},
        }
        for sid, title, model in [
            ("cloud", "Coach CO2 en cloud personnel", "personal_cloud"),
            ("transfer", "Coach CO2 par transfert direct", "direct_transfer"),
        ]
    ]
    ratings = []
    for i, (cloud, transfer) in enumerate([(5, 2), (4, 3), (5, 3)]):
        for criterion, value_cloud, value_transfer in [
            ("resident_benefit", cloud, transfer),
            ("cost", 3, 2),
        ]:
            ratings += [
                {
                    "participant": f"p{i}",
                    "scenario": "cloud",
                    "criterion": criterion,
                    "value": value_cloud,
                },
                {
                    "participant": f"p{i}",
                    "scenario": "transfer",
                    "criterion": criterion,
                    "value": value_transfer,
                },
            ]
    data: dict[str, Any] = {
        "schema": "selfdata-workshop/1",
        "title": "Atelier mobilité",
        "territory": "La Rochelle",
        "theme": "mobility",
        "sources": [{"id": "trip_traces_app"}],
        "needs": [{"id": "trip_carbon_footprint"}],
        "use_cases": [
            {
                "id": "coach",
                "title": "Bilan carbone de mes trajets",
                "need": "trip_carbon_footprint",
                "sources": ["trip_traces_app"],
            }
        ],
        "scenarios": scenarios,
        "criteria": [
            {"criterion": "resident_benefit", "weight": 3},
            {"criterion": "cost", "weight": 2},
        ],
        "participants": [{"id": f"p{i}", "pseudonym": f"Personne {i}"} for i in range(3)],
        "ratings": ratings,
    }
    data.update(changes)
    return data


def write(tmp_path: Path, data: Any, name: str = "atelier.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_rank_prints_the_ranking_and_the_winners_stability(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["rank", str(write(tmp_path, valid_workshop()))])
    out = capsys.readouterr().out
    assert code == 0
    lines = out.splitlines()
    first = next(line for line in lines if line.strip().startswith("1st "))
    assert "[cloud]" in first
    assert "Winner: Coach CO2 en cloud personnel" in out
    assert "Personne" not in out, "anonymous unless the workshop names participants"
    assert "participant 1:" in out and "participant 3:" in out


def test_rank_names_each_agreement_only_when_the_workshop_names_participants(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    named = valid_workshop(settings={"show_pseudonyms": True})
    assert main(["rank", str(write(tmp_path, named, "named.yaml"))]) == 0
    assert "Personne 0:" in capsys.readouterr().out
    path = str(write(tmp_path, valid_workshop()))
    assert main(["rank", path, "--json"]) == 0
    anonymous = json.loads(capsys.readouterr().out)["participants"]
    assert len(anonymous) == 3
    assert all(set(p) & {"participant", "pseudonym"} == set() for p in anonymous)
    assert "Personne" not in json.dumps(anonymous)


@pytest.mark.parametrize("method", ["weighted-sum", "topsis"])
def test_rank_json_has_the_documented_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], method: str
) -> None:
    path = str(write(tmp_path, valid_workshop(settings={"show_pseudonyms": True})))
    code = main(["rank", path, "--method", method, "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert list(data) == [
        "schema",
        "workshop",
        "method",
        "criteria",
        "ranking",
        "sensitivity",
        "weight_swap",
        "participants",
        "outcome",
        "lead",
        "tied_groups",
        "weight_sets",
        "winner_depends_on_weights",
        "robustness",
        "rounds",
        "consent",
    ]
    assert data["schema"] == "selfdata-ranking/1"
    assert data["method"] == method
    assert [r["scenario"] for r in data["ranking"]] == ["cloud", "transfer"]
    assert set(data["ranking"][0]) == {
        "rank",
        "position",
        "tied",
        "scenario",
        "title",
        "score",
        "consensus",
        "ratings",
        "missing",
    }
    assert data["sensitivity"]["winner"] == "cloud"
    assert 0 <= data["sensitivity"]["winner_stability"] <= 1
    assert len(data["sensitivity"]["rank_probabilities"]["cloud"]) == 2
    assert {p["participant"] for p in data["participants"]} == {"p0", "p1", "p2"}


def test_the_same_seed_gives_the_same_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(write(tmp_path, valid_workshop()))
    main(["rank", path, "--json", "--seed", "3"])
    first = capsys.readouterr().out
    main(["rank", path, "--json", "--seed", "3"])
    assert capsys.readouterr().out == first


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("title: [unclosed", "atelier.yaml"),
        (None, "ratings[0].value"),
        ({"schema": "selfdata-workshop/1"}, "title"),
    ],
)
def test_a_bad_workshop_file_prints_its_problems_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: Any, expected: str
) -> None:
    path = tmp_path / "atelier.yaml"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        data = content or valid_workshop()
        if content is None:
            data["ratings"][0]["value"] = 9
        write(tmp_path, data)
    code = main(["rank", str(path)])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert expected in captured.err
    assert "Traceback" not in captured.err


def test_a_missing_file_is_reported_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rank", str(tmp_path / "nowhere.yaml")]) == 1
    err = capsys.readouterr().err
    assert "nowhere.yaml" in err and "Traceback" not in err


def test_a_workshop_without_scenarios_says_it_cannot_be_ranked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, valid_workshop(scenarios=[], ratings=[]))
    assert main(["rank", str(path)]) == 1
    assert "no scenario to rank" in capsys.readouterr().err


def test_rank_json_gives_each_weight_set_and_the_resampled_room(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workshop = valid_workshop(
        tables=[{"id": "lilas", "name": "Les Lilas"}],
        settings={"participant_weights": True},
        # everyone puts cost first: the cheaper transfer scenario wins on their weights
        participant_weights=[
            {"participant": f"p{i}", "weights": [
                {"criterion": "resident_benefit", "value": 10},
                {"criterion": "cost", "value": 100},
            ]}
            for i in range(3)
        ],
    )  # fmt: skip
    workshop["participants"][0]["table"] = "lilas"
    path = str(write(tmp_path, workshop))
    assert main(["rank", path, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    sets = {s["source"]: s for s in data["weight_sets"]}
    assert list(sets) == ["facilitator", "group", "table:lilas"]
    assert sets["facilitator"]["ranking"][0]["scenario"] == "cloud"
    assert sets["group"]["ranking"][0]["scenario"] == "transfer"
    assert sets["group"]["participants"] == 3 and sets["table:lilas"]["participants"] == 1
    assert data["winner_depends_on_weights"] is True
    resampled = data["robustness"]["participants_resampled"]
    assert (resampled["draws"], resampled["seed"]) == (1000, 0)
    assert resampled["winner"] == "cloud"
    assert 0 <= resampled["winner_first_share"] <= 1
    assert set(resampled["rank_probabilities"]) == {"cloud", "transfer"}
    assert sum(resampled["rank_probabilities"]["cloud"]) == pytest.approx(1)
    assert main(["rank", path]) == 0
    assert "The winner depends on whose weights: ‘Coach CO2 en cloud personnel’ with the " in (
        capsys.readouterr().out
    )
