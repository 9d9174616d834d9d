"""The scenario dossier, read back from the PDF as a reader would see it."""

from __future__ import annotations

import io
from functools import cache

import pytest
from pypdf import PdfReader

from selfdata.domain.cards import Decks
from selfdata.domain.workshop import Scenario, Scope, Workshop
from selfdata.export import ScenarioNotFoundError
from selfdata.export.dossier import COVER_TITLE_CHARS
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop
from tests.pdf_builds import scenario_dossier

pytestmark = pytest.mark.pdf  # builds PDFs and reads them back: make test, not test-fast

SCENARIO = "sc_coach_co2"


@cache
def decks() -> Decks:
    return default_decks()


@cache
def la_rochelle() -> Workshop:
    return load_workshop(SCENARIOS_DIR / "la_rochelle.yaml")


def read(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())


@cache
def dossier(lang: str) -> tuple[PdfReader, str]:
    return read(scenario_dossier(la_rochelle(), decks(), SCENARIO, lang))


def with_scenario(workshop: Workshop, **changes: object) -> Workshop:
    scenarios = [
        s.model_copy(update=changes) if s.id == SCENARIO else s for s in workshop.scenarios
    ]
    return workshop.model_copy(update={"scenarios": scenarios})


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_dossier_names_the_scenario_its_holders_and_its_model(lang: str) -> None:
    _, text = dossier(lang)
    w = la_rochelle()
    scenario = next(s for s in w.scenarios if s.id == SCENARIO)
    use_case = next(u for u in w.use_cases if u.id == scenario.use_case)
    assert scenario.title in text
    model = decks().model(scenario.model)
    assert model is not None and model.title.get(lang) in text
    for source_id in use_case.sources:
        card = decks().source(source_id)
        assert card is not None
        # Holders are printed in table cells that may wrap: compare without spaces.
        assert card.holder.get(lang).replace(" ", "") in text.replace(" ", "")


@pytest.mark.parametrize(
    ("lang", "phrases"),
    [
        (
            "fr",
            [
                "Le cas d’usage",
                "Le choix de gouvernance",
                "Le réseau de valeur",
                "Évaluations et classement",
                "Risques et prochaines étapes",
                "Rang 1 sur 4",
                "« Coach",
            ],
        ),
        (
            "en",
            [
                "The use case",
                "The governance choice",
                "The value network",
                "Ratings and ranking",
                "Risks and next steps",
                "Rank 1 of 4",
                "“Coach",
            ],
        ),
    ],
)
def test_dossier_sections_read_in_the_chosen_language(lang: str, phrases: list[str]) -> None:
    _, text = dossier(lang)
    for phrase in phrases:
        assert phrase in text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_dossier_carries_title_language_author_and_page_numbers(lang: str) -> None:
    reader, text = dossier(lang)
    meta = reader.metadata
    assert meta is not None and meta.title is not None and meta.author is not None
    assert meta.title.startswith("Coach CO2")
    assert la_rochelle().title in meta.author
    assert reader.trailer["/Root"]["/Lang"] == lang
    pages = len(reader.pages)
    last = reader.pages[-1].extract_text()
    assert (f"Page {pages} sur {pages}" if lang == "fr" else f"Page {pages} of {pages}") in last


def test_dossier_lists_the_five_governance_fits_with_reasons() -> None:
    _, text = dossier("en")
    for model in decks().governance_models:
        assert model.title.en in text
    assert "/ 100" in text
    assert "+ " in text


def test_an_empty_scenario_says_it_is_not_rated_rather_than_failing() -> None:
    w = la_rochelle()
    empty = Scenario(
        id="empty",
        title="Nothing yet",
        use_case="no_such_use_case",
        model="unknown_model",
        scope=Scope(residents=0, duration_months=0),
    )
    w = w.model_copy(update={"scenarios": [*w.scenarios, empty]})
    _, text = read(scenario_dossier(w, decks(), "empty", "fr"))
    assert "Aucune évaluation pour ce scénario" in text
    assert "ne renvoie à aucun cas d’usage connu" in text


def test_a_workshop_without_any_rating_still_gets_dossiers() -> None:
    w = la_rochelle().model_copy(update={"ratings": []})
    _, text = read(scenario_dossier(w, decks(), SCENARIO, "en"))
    assert "No ratings for this scenario" in text


def test_an_unknown_scenario_is_refused() -> None:
    with pytest.raises(ScenarioNotFoundError):
        scenario_dossier(la_rochelle(), decks(), "nope", "fr")


HOSTILE = {
    "long title": "Titre très long " * 320,
    "script": "<script>alert('x')</script> & <b>bold</b>",
    "emoji": "Vélo 🚲 partagé 🦄🧑‍🤝‍🧑 ❤️",
    "right to left": "מידע אישי البيانات الشخصية",
}


@pytest.mark.parametrize("title", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_text_still_yields_a_readable_dossier(title: str) -> None:
    w = with_scenario(la_rochelle(), title=title, description=title)
    reader, text = read(scenario_dossier(w, decks(), SCENARIO, "fr"))
    assert len(reader.pages) >= 3
    assert "Le choix de gouvernance" in text


def test_markup_is_printed_as_text() -> None:
    w = with_scenario(la_rochelle(), title=HOSTILE["script"])
    _, text = read(scenario_dossier(w, decks(), SCENARIO, "en"))
    assert "<script>alert('x')</script> & <b>bold</b>" in text


def test_a_very_long_title_is_shortened_on_the_cover_and_kept_in_the_body() -> None:
    title = "Expérimentation " + "très " * 1000 + "longue"
    w = with_scenario(la_rochelle(), title=title)
    reader, _ = read(scenario_dossier(w, decks(), SCENARIO, "fr"))
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "…" in cover
    # The cover title and the summary each quote the title, shortened.
    assert cover.count("très") <= 2 * COVER_TITLE_CHARS // 5
    body = " ".join(" ".join(p.extract_text() for p in reader.pages[1:]).split())
    assert body.count("très") >= 1000


def test_two_dossiers_in_a_row_both_embed_their_own_glyphs() -> None:
    # The fonts are parsed once per process; writing a PDF must not spoil the next one.
    first = with_scenario(la_rochelle(), title="Kjqxz wvy")
    second = with_scenario(la_rochelle(), title="Ærø Ŧŋ Ωμ")
    _, a = read(scenario_dossier(first, decks(), SCENARIO, "fr"))
    _, b = read(scenario_dossier(second, decks(), SCENARIO, "fr"))
    assert "Kjqxz wvy" in a
    assert "Ærø Ŧŋ Ωμ" in b
