"""The printable card deck: four A6 cards per A4 sheet, every card of the three decks."""

from __future__ import annotations

import io
import math
from functools import cache

import pytest
from pypdf import PdfReader

from selfdata.domain.cards import Decks, I18nText
from selfdata.export.deck import CARD_H, CARD_W, deck_faces, printed_cards
from selfdata.files.loading import default_decks
from tests.pdf_builds import card_deck

pytestmark = pytest.mark.pdf  # builds PDFs and reads them back: make test, not test-fast


@cache
def decks() -> Decks:
    return default_decks()


@cache
def deck(lang: str) -> PdfReader:
    return PdfReader(io.BytesIO(card_deck(decks(), lang)))


def squash(text: str) -> str:
    return "".join(text.split())


def test_a6_cards_tile_an_a4_sheet() -> None:
    assert (CARD_W * 2, CARD_H * 2) == (210, 297)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_deck_has_a_cover_then_four_cards_per_a4_sheet(lang: str) -> None:
    reader = deck(lang)
    faces = len(decks().data_sources) + len(decks().needs) + len(decks().governance_models)
    cards = printed_cards(decks(), lang)
    assert {card.face.title for card in cards} == {f.title for f in deck_faces(decks(), lang)}
    assert len(cards) >= faces
    assert len(reader.pages) == 1 + math.ceil(len(cards) / 4)
    for page in reader.pages:
        width_mm = float(page.mediabox.width) * 25.4 / 72
        height_mm = float(page.mediabox.height) * 25.4 / 72
        assert (round(width_mm), round(height_mm)) == (210, 297)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_card_title_is_printed(lang: str) -> None:
    text = squash(" ".join(p.extract_text() for p in deck(lang).pages))
    for card in [*decks().data_sources, *decks().needs, *decks().governance_models]:
        assert squash(card.title.get(lang)) in text, card.id


def test_each_sheet_holds_the_cards_in_deck_order() -> None:
    cards = printed_cards(decks(), "fr")
    second_sheet = squash(deck("fr").pages[2].extract_text())
    for card in cards[4:8]:
        assert squash(card.title) in second_sheet


def test_a_card_with_far_too_much_text_stays_on_its_sheet() -> None:
    source = decks().data_sources[0]
    wordy = source.model_copy(
        update={
            "description": I18nText.same("Très long texte. " * 400),
            "title": I18nText.same("Titre " * 60),
        }
    )
    small = decks().model_copy(
        update={"data_sources": [wordy], "needs": [], "governance_models": []}
    )
    reader = PdfReader(io.BytesIO(card_deck(small, "fr")))
    assert len(reader.pages) == 2
    assert "…" in reader.pages[1].extract_text()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_deck_cover_counts_cards_like_the_home_page_and_has_no_font_note(lang: str) -> None:
    """Issue 14: the cover said 86 cards, the home page 128; both now give both, with the
    scope of each; and no note about emoji and fonts on a citizen's cover."""
    import io

    from pypdf import PdfReader

    from selfdata.domain.cards import deck_counts
    from selfdata.export import card_deck
    from selfdata.export.deck import deck_faces
    from selfdata.files.loading import default_decks
    from selfdata.i18n import t

    decks = default_decks()
    printed, total = deck_counts(decks)
    assert printed == len(deck_faces(decks, lang)) and total > printed
    cover = " ".join(PdfReader(io.BytesIO(card_deck(decks, lang))).pages[0].extract_text().split())
    assert f"{printed} " in cover and f"{total} " in cover
    assert "emoji" not in cover and "police" not in cover and "font" not in cover
    home = t("cards.browse_help", lang, n=total, printed=printed)
    assert str(printed) in home and str(total) in home


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_cover_says_how_many_a6_cards_to_cut_when_some_go_on_over_two(lang: str) -> None:
    """Issue 27: long cards go on over numbered cards instead of shrinking to 5.5 pt; the
    cover counts the pieces of paper the facilitator will cut."""
    cards = printed_cards(decks(), lang)
    cover = " ".join(deck(lang).pages[0].extract_text().split())
    assert len(cards) > len(deck_faces(decks(), lang))
    assert f"{len(cards)} " in cover and f"{math.ceil(len(cards) / 4)} " in cover
    assert "(1/2)" in cover
