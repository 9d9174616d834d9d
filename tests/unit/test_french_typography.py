"""French typography everywhere the room and the readers look: no ordinary space before
``: ; ? !`` in the UI catalogues, the strings the engines compose, the decks or the PDFs
(rendered for real and read back), and one vocabulary (docs/glossary.md)."""

from __future__ import annotations

import io
from functools import cache

import pytest
from pypdf import PdfReader

from selfdata.domain.cards import Decks
from selfdata.domain.typography import NNBSP, fr_punctuation, loose_guillemets, loose_punctuation
from selfdata.engines.matching import match_sources
from selfdata.engines.network import diagnose, scenario_network
from selfdata.files.loading import SCENARIOS_DIR, default_decks, load_workshop
from selfdata.i18n import catalog
from tests.pdf_builds import card_deck, scenario_dossier, workshop_report

EXAMPLES = ("la_rochelle", "grand_lyon", "nantes")


@cache
def decks() -> Decks:
    return default_decks()


def test_no_french_message_of_the_catalogues_has_a_loose_space_before_high_punctuation() -> None:
    found = [
        (key, bit) for key, texts in catalog().items() for bit in loose_punctuation(texts["fr"])
    ]
    assert found == []


def test_no_french_message_of_the_catalogues_has_a_breakable_space_inside_guillemets() -> None:
    found = [
        (key, bit) for key, texts in catalog().items() for bit in loose_guillemets(texts["fr"])
    ]
    assert found == []


def test_the_catalogues_put_a_narrow_no_break_space_where_french_wants_one() -> None:
    assert catalog()["inventory.card_facts"]["fr"].startswith(f"Détenteur{NNBSP}:")
    assert catalog()["inventory.new_holder"]["fr"] == f"Qui la détient{NNBSP}?"


@pytest.mark.parametrize(
    "banned",
    [
        "l’animateur", "L’animateur", "Dévoiler", "dévoil", "Cacher", "Régulateur",
        "espace client", "participant·e", "(s)", "moins c’est mieux",
    ],
)  # fmt: skip
def test_the_french_ui_follows_the_glossary_and_the_inclusive_writing_choice(banned: str) -> None:
    """docs/glossary.md: one word per notion; épicène wording (l’animation, les personnes),
    no median dot and no "(s)"; touch screens are tapped, not only hovered."""
    assert [key for key, texts in catalog().items() if banned in texts["fr"]] == []


def test_touch_screens_are_told_to_tap_not_only_to_hover() -> None:
    hover = [texts for texts in catalog().values() if "survol" in texts["fr"]]
    assert hover and all("touch" in t["fr"] and "tap" in t["en"] for t in hover)


def test_no_emoji_in_the_catalogues() -> None:
    emoji = [
        k for k, texts in catalog().items() for s in texts.values() for c in s if ord(c) >= 0x1F000
    ]
    assert emoji == []


def test_strings_composed_by_the_engines_keep_french_typography() -> None:
    workshop = load_workshop(SCENARIOS_DIR / "grand_lyon.yaml")
    texts = [
        r.text.fr
        for need in decks().needs[:8]
        for m in match_sources(need, decks().data_sources, decks())
        for r in m.reasons
    ]
    for scenario in workshop.scenarios:
        texts += [f.text.fr for f in diagnose(scenario_network(scenario, decks())).findings]
    assert texts and [bit for s in texts for bit in loose_punctuation(s)] == []


def _pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.pdf
@pytest.mark.parametrize("name", EXAMPLES)
def test_the_french_pdfs_read_back_without_a_loose_space_before_high_punctuation(
    name: str,
) -> None:
    workshop = load_workshop(SCENARIOS_DIR / f"{name}.yaml")
    texts = [_pdf_text(workshop_report(workshop, decks(), "fr"))]
    texts += [
        _pdf_text(scenario_dossier(workshop, decks(), s.id, "fr")) for s in workshop.scenarios
    ]
    assert all(NNBSP in t for t in texts)
    assert [bit for t in texts for bit in loose_punctuation(t)] == []
    # « » too: a no-break space inside, so no line starts with » or ends with « (issue 27)
    assert any("«" in t for t in texts)
    assert [bit for t in texts for bit in loose_guillemets(t)] == []


@pytest.mark.pdf
def test_the_french_card_deck_reads_back_without_a_loose_space_before_high_punctuation() -> None:
    text = _pdf_text(card_deck(decks(), "fr"))
    assert NNBSP in text and loose_punctuation(text) == []
    assert "«" in text and loose_guillemets(text) == []


@pytest.mark.pdf
def test_a_pdf_prints_even_a_participants_french_text_with_french_typography() -> None:
    """The PDF's text hook applies the one helper to whatever a workshop typed."""
    workshop = load_workshop(SCENARIOS_DIR / "nantes.yaml")
    first = workshop.scenarios[0]
    typed = first.model_copy(update={"title": "Qui décide ? Nous : les habitants !"})
    changed = workshop.model_copy(update={"scenarios": [typed, *workshop.scenarios[1:]]})
    text = _pdf_text(scenario_dossier(changed, decks(), typed.id, "fr"))
    assert f"Qui décide{NNBSP}? Nous{NNBSP}: les habitants{NNBSP}!" in text


def test_guillemets_get_a_narrow_no_break_space_inside() -> None:
    assert fr_punctuation("Il dit « oui » puis «non».") == (
        f"Il dit «{NNBSP}oui{NNBSP}» puis «{NNBSP}non{NNBSP}»."
    )
    assert fr_punctuation("«\u00a0x\u00a0»") == f"«{NNBSP}x{NNBSP}»"
    assert fr_punctuation(fr_punctuation("« a »")) == fr_punctuation("« a »")
    assert loose_guillemets("« a »") and loose_guillemets("«a»")
    assert loose_guillemets("texte «\nsuite »") and not loose_guillemets(fr_punctuation("« a »"))


@pytest.mark.pdf
def test_a_pdf_keeps_a_participants_guillemets_together_with_their_words() -> None:
    workshop = load_workshop(SCENARIOS_DIR / "nantes.yaml")
    first = workshop.scenarios[0]
    typed = first.model_copy(update={"title": "Le « bon » trajet, «sans» détour"})
    changed = workshop.model_copy(update={"scenarios": [typed, *workshop.scenarios[1:]]})
    text = _pdf_text(scenario_dossier(changed, decks(), typed.id, "fr"))
    assert f"Le «{NNBSP}bon{NNBSP}» trajet, «{NNBSP}sans{NNBSP}» détour" in text


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("Métropole de Lyon", "de la Métropole de Lyon"),
        ("Agglomération de La Rochelle", "de l’Agglomération de La Rochelle"),
        ("Eurométropole de Strasbourg", "de l’Eurométropole de Strasbourg"),
        (
            "Communauté d'agglomération de La Rochelle",
            "de la Communauté d'agglomération de La Rochelle",
        ),
        ("Grand Lyon", "du Grand Lyon"),
        ("Département de la Gironde", "du département de la Gironde"),
        ("Angers", "d’Angers"),
        ("Nantes Métropole", "de Nantes Métropole"),
    ],
)
def test_a_territory_gets_the_article_french_wants(name: str, said: str) -> None:
    from selfdata.domain.typography import fr_of

    assert fr_of(name) == said
