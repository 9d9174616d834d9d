"""The printable card deck: data-source, need and governance-model cards for paper
workshops, four A6 cards per A4 sheet with crop marks, coloured by theme.

A sheet is cut along its two centre lines (marked at the sheet's edges and by a cross in
the middle) into four exact A6 cards. Each card keeps a white safety margin so that no
printer clips it; its text shrinks to fit, then is shortened with "…" as a last resort.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from fpdf.enums import XPos, YPos

from selfdata.domain import palette
from selfdata.domain.cards import (
    DataSourceCard,
    Decks,
    GovernanceModelCard,
    NeedCard,
    deck_counts,
)
from selfdata.domain.workshop import Workshop
from selfdata.export.labels import t, vocab, yes_no
from selfdata.export.pdf_base import (
    FAMILY,
    INK,
    MODEL_COLORS,
    MUTED,
    RULE,
    Color,
    ExportPDF,
    clip,
    text_on,
    tint,
)

SHEET_W, SHEET_H = 210.0, 297.0
CARD_W, CARD_H = SHEET_W / 2, SHEET_H / 2  # A6: 105 x 148.5 mm
SAFETY = 7.0
"""White margin kept inside each A6 cell (printers do not print to the paper's edge)."""
MARK = 5.0
"""Length of a crop mark."""


@dataclass(frozen=True)
class Block:
    label: str | None
    text: str
    style: str = ""


@dataclass(frozen=True)
class CardFace:
    """What one printed card says, independent of where it is drawn."""

    kind: str
    color: Color
    tags: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    foot: str = ""


def _dots(ease: int | None, lang: str) -> str:
    if ease is None:
        return t("to_qualify", lang)
    return "●" * ease + "○" * (3 - ease)


def _categories(ids: Sequence[str], decks: Decks, lang: str) -> str:
    categories = decks.index("data_categories")
    named = [categories[c].title.get(lang) if c in categories else c for c in ids]
    return ", ".join(named) or t("to_qualify", lang)


def _first_theme_colour(ids: Sequence[str], decks: Decks) -> tuple[int, int, int]:
    first = decks.index("themes").get(ids[0]) if ids else None
    return palette.rgb(palette.theme_colour(getattr(first, "color", None)))


def _register_blocks(card: DataSourceCard, lang: str) -> list[Block]:
    """What the city's processing register says of the source, when it says it."""
    return [
        Block(t(name, lang), value.get(lang), "I")
        for name in ("purpose", "legal_basis", "data_subjects", "recipients", "retention")
        if (value := getattr(card, name)) is not None
    ]


def source_face(card: DataSourceCard, decks: Decks, lang: str) -> CardFace:
    color = _first_theme_colour(card.themes, decks)
    portable = yes_no(card.portability, lang)
    blocks = [
        Block(None, card.description.get(lang)),
        Block(
            t("holder", lang),
            f"{card.holder.get(lang)} ({vocab('holder_kind', card.holder_kind, lang)})",
        ),
        Block(t("categories", lang), _categories(card.categories, decks, lang)),
        Block(
            t("access", lang),
            f"{vocab('access', card.access, lang)} · {t('ease', lang).lower()} "
            f"{_dots(card.ease, lang)} · {vocab('refresh', card.refresh, lang)}",
        ),
        Block(
            t("sensitivity", lang),
            f"{vocab('sensitivity', card.sensitivity, lang)} · "
            f"{t('portability', lang)}\u202f: {portable}"
            if lang != "en"
            else f"{vocab('sensitivity', card.sensitivity, lang)} · "
            f"{t('portability', lang)}: {portable}",
        ),
    ]
    blocks += _register_blocks(card, lang)
    if not card.reusable:
        blocks.append(Block(None, t("not_reusable", lang), "B"))
    if card.legal_notes is not None:
        blocks.append(Block(t("legal_notes", lang), card.legal_notes.get(lang), "I"))
    if card.example is not None:
        blocks.append(Block(t("example", lang), card.example.get(lang), "I"))
    return CardFace(
        kind=_kind("kind_data_source", card, lang),
        color=color,
        tags=_theme_names(card.themes, decks, lang),
        title=card.title.get(lang),
        blocks=blocks,
        foot=_foot(card.id, card.sources, lang),
    )


def need_face(card: NeedCard, decks: Decks, lang: str) -> CardFace:
    color = _first_theme_colour(card.themes, decks)
    blocks = [
        Block(t("persona", lang), card.persona.get(lang), "I"),
        Block(None, card.description.get(lang)),
        Block(t("usage_family", lang), vocab("usage_family", card.usage_family, lang)),
        Block(t("categories", lang), _categories(card.categories, decks, lang)),
    ]
    return CardFace(
        kind=_kind("kind_need", card, lang),
        color=color,
        tags=_theme_names(card.themes, decks, lang),
        title=card.title.get(lang),
        blocks=blocks,
        foot=_foot(card.id, card.sources, lang),
    )


def model_face(card: GovernanceModelCard, lang: str) -> CardFace:
    blocks = [
        Block(None, card.summary.get(lang)),
        Block(t("where_data_lives", lang), card.where_data_lives.get(lang)),
        Block(t("who_decides", lang), card.who_decides.get(lang)),
        Block(t("consent", lang), card.consent.get(lang)),
        Block(t("city_role", lang), card.city_role.get(lang)),
        Block(t("strengths", lang), join_items((s.get(lang) for s in card.strengths), lang)),
        Block(t("weaknesses", lang), join_items((s.get(lang) for s in card.weaknesses), lang)),
        Block(
            t("maturity", lang),
            f"{vocab('maturity', card.maturity, lang)} · "
            f"{t('cost', lang)}\u202f: {card.cost.get(lang)}"
            if lang != "en"
            else f"{vocab('maturity', card.maturity, lang)} · {t('cost', lang)}: "
            f"{card.cost.get(lang)}",
        ),
        Block(t("examples", lang), join_items((e.get(lang) for e in card.examples), lang), "I"),
    ]
    if card.legal_framework:
        blocks.append(
            Block(
                t("legal_framework", lang),
                join_items((law.get(lang) for law in card.legal_framework), lang),
            )
        )
    return CardFace(
        kind=t("kind_model", lang),
        color=MODEL_COLORS.get(card.id, INK),
        tags="",
        title=card.title.get(lang),
        blocks=blocks,
        foot=_foot(card.id, card.sources, lang),
    )


def join_items(items: Iterable[str], lang: str) -> str:
    """Short sentences run together: "a ; b ; c." in French, "a; b; c." in English."""
    parts = [i.strip().rstrip(".;").strip() for i in items if i.strip()]
    if not parts:
        return ""
    return ("\u202f; " if lang != "en" else "; ").join(parts) + "."


def _theme_names(ids: Sequence[str], decks: Decks, lang: str) -> str:
    themes = decks.index("themes")
    return " · ".join(themes[i].title.get(lang) if i in themes else i for i in ids)


def _foot(card_id: str, sources: Sequence[str], lang: str) -> str:
    if not sources:
        return card_id
    sep = "\u202f: " if lang != "en" else ": "
    return f"{card_id} — {t('sources_label', lang)}{sep}{'; '.join(sources)}"


def workshop_decks(workshop: Workshop, decks: Decks) -> Decks:
    """The cards a workshop prints: its sources and needs on the table, then the rest of its
    own deck; each from the room marked as such (a card from the city's file already is).
    A workshop with none of either kind prints the bundled deck of that kind."""

    def own(items: Sequence[Any], deck: Sequence[Any], bundled: Callable[[str], Any]) -> list[Any]:
        cards: list[Any] = []
        for item in items:
            if item.hidden:
                continue
            card = item.card or bundled(item.id)
            if card is None:
                continue
            if item.card is not None and card.origin is None and item.proposed_by:
                card = card.model_copy(update={"origin": "room"})
            cards.append(card)
        seen = {c.id for c in cards}
        return cards + [c for c in deck if c.id not in seen]

    mine = workshop.cards
    sources = own(workshop.sources, mine.data_sources if mine else [], decks.source)
    needs = own(workshop.needs, mine.needs if mine else [], decks.need)
    return decks.model_copy(
        update={
            "data_sources": sources or decks.data_sources,
            "needs": needs or decks.needs,
        }
    )


def _kind(key: str, card: DataSourceCard | NeedCard, lang: str) -> str:
    """The card's kind, and where it came from when it is the workshop's own."""
    kind = t(key, lang)
    return f"{kind} · {t(f'origin.{card.origin}', lang)}" if card.origin else kind


def deck_faces(decks: Decks, lang: str) -> list[CardFace]:
    """Every printed card, in deck order: data sources, needs, governance models."""
    return (
        [source_face(c, decks, lang) for c in decks.data_sources]
        + [need_face(c, decks, lang) for c in decks.needs]
        + [model_face(c, lang) for c in decks.governance_models]
    )


# -- drawing ------------------------------------------------------------------------------

BAND_H = 9.0
FONT_SIZES = (8.5, 8.0, 7.5, 7.0, 6.5, 6.0, 5.5)


def _sep(lang: str) -> str:
    return "\u202f: " if lang != "en" else ": "


def _blocks_height(pdf: ExportPDF, blocks: Sequence[Block], width: float, size: float) -> float:
    pdf.set_font(FAMILY, "", size)
    total = 0.0
    for b in blocks:
        text = f"{b.label}{_sep(pdf.lang_code)}{b.text}" if b.label else b.text
        # Measured in bold, a little wider than the mixed text really printed.
        pdf.set_font(FAMILY, "B", size)
        total += pdf.text_height(width, size * 0.45, text)
        total += size * 0.22
    return total


def _fit(
    pdf: ExportPDF, blocks: list[Block], width: float, height: float
) -> tuple[list[Block], float]:
    """The blocks and the largest font size that fit in ``width`` x ``height``."""
    for size in FONT_SIZES:
        if _blocks_height(pdf, blocks, width, size) <= height:
            return blocks, size
    size = FONT_SIZES[-1]
    blocks = list(blocks)
    while _blocks_height(pdf, blocks, width, size) > height:
        longest = max(range(len(blocks)), key=lambda i: len(blocks[i].text))
        b = blocks[longest]
        if len(b.text) <= 20:
            blocks.pop()
            if not blocks:
                break
            continue
        blocks[longest] = Block(b.label, clip(b.text, int(len(b.text) * 0.75)), b.style)
    return blocks, size


def draw_card(pdf: ExportPDF, face: CardFace, x: float, y: float) -> None:
    """Draw ``face`` in the A6 cell whose top-left corner is (``x``, ``y``)."""
    left, top = x + SAFETY, y + SAFETY
    w, h = CARD_W - 2 * SAFETY, CARD_H - 2 * SAFETY
    pad = 4.0
    inner = w - 2 * pad

    pdf.set_draw_color(*face.color)
    pdf.set_line_width(0.6)
    pdf.set_fill_color(*tint(face.color, 0.85))
    pdf.rect(left, top, w, h, style="DF", round_corners=True, corner_radius=3)
    pdf.set_fill_color(255, 255, 255)
    pdf.rect(left + 1.5, top + BAND_H + 1, w - 3, h - BAND_H - 2.5, style="F")
    pdf.set_fill_color(*face.color)
    pdf.rect(
        left,
        top,
        w,
        BAND_H,
        style="F",
        round_corners=("TOP_LEFT", "TOP_RIGHT"),  # type: ignore[arg-type]
        corner_radius=3,
    )

    # Band: card kind, then themes.
    pdf.set_text_color(*text_on(face.color))
    pdf.set_font(FAMILY, "B", 7)
    pdf.set_xy(left + pad, top + 1.2)
    pdf.cell(inner, 3.5, face.kind.upper())
    if face.tags:
        pdf.set_font(FAMILY, "", 6.5)
        pdf.set_xy(left + pad, top + 4.6)
        pdf.cell(inner, 3.2, clip(face.tags, 70))

    # Title.
    pdf.set_text_color(*INK)
    pdf.set_font(FAMILY, "B", 11)
    title = clip(face.title, 90)
    pdf.set_xy(left + pad, top + BAND_H + 3)
    pdf.multi_cell(inner, 4.8, title, align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
    body_top = pdf.get_y() + 1.5

    # Foot: id and sources, smallest print.
    foot = clip(face.foot, 260)
    pdf.set_font(FAMILY, "", 5.5)
    foot_h = pdf.text_height(inner, 2.5, foot)
    foot_top = top + h - pad - foot_h

    blocks, size = _fit(pdf, face.blocks, inner, foot_top - body_top - 2)
    pdf.set_left_margin(left + pad)
    pdf.set_right_margin(SHEET_W - (left + pad + inner))
    pdf.set_xy(left + pad, body_top)
    for b in blocks:
        if b.label:
            pdf.set_font(FAMILY, "B", size)
            pdf.write(size * 0.45, f"{b.label}{_sep(pdf.lang_code)}")
        pdf.set_font(FAMILY, b.style, size)
        pdf.write(size * 0.45, b.text)
        pdf.ln(size * 0.45 + size * 0.22)
    pdf.set_margins(18, 18, 18)

    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)
    pdf.line(left + pad, foot_top - 1, left + pad + inner, foot_top - 1)
    pdf.set_text_color(*MUTED)
    pdf.set_font(FAMILY, "", 5.5)
    pdf.set_xy(left + pad, foot_top)
    pdf.multi_cell(inner, 2.5, foot, align="L")
    pdf.set_text_color(*INK)


def draw_crop_marks(pdf: ExportPDF) -> None:
    pdf.set_draw_color(*MUTED)
    pdf.set_line_width(0.2)
    cx, cy = CARD_W, CARD_H
    edge = 2.0  # start of the marks, inside the paper edge
    pdf.line(cx, edge, cx, edge + MARK)
    pdf.line(cx, SHEET_H - edge - MARK, cx, SHEET_H - edge)
    pdf.line(edge, cy, edge + MARK, cy)
    pdf.line(SHEET_W - edge - MARK, cy, SHEET_W - edge, cy)
    pdf.line(cx - MARK, cy, cx + MARK, cy)
    pdf.line(cx, cy - MARK, cx, cy + MARK)


class _DeckPDF(ExportPDF):
    cover_pages = 1

    def header(self) -> None:  # card sheets carry no running head
        return

    def footer(self) -> None:
        if self.page_no() <= self.cover_pages:
            super().footer()
            return
        with self.local_context(text_color=MUTED):
            self.set_font(FAMILY, "", 6)
            self.set_xy(CARD_W + 2, CARD_H + 1)
            self.cell(20, 3, f"{self.page_no()} / {{nb}}")


def card_deck(decks: Decks, lang: str = "fr", *, created: datetime | None = None) -> bytes:
    """The printable deck (PDF bytes): a cover sheet, then four A6 cards per A4 sheet."""
    faces = deck_faces(decks, lang)
    pdf = _DeckPDF(
        lang=lang,
        title=t("deck", lang),
        author=t("app", lang),
        subject=t("deck_subtitle", lang),
        created=created,
    )
    _cover(pdf, decks, faces, lang)
    pdf.set_auto_page_break(False)
    for i, face in enumerate(faces):
        slot = i % 4
        if slot == 0:
            pdf.add_page()
            draw_crop_marks(pdf)
        draw_card(pdf, face, (slot % 2) * CARD_W, (slot // 2) * CARD_H)
    return bytes(pdf.output())


def _cover(pdf: ExportPDF, decks: Decks, faces: Sequence[CardFace], lang: str) -> None:
    pdf.add_page()
    pdf.heading(t("deck", lang), level=0)
    pdf.paragraph(t("deck_subtitle", lang))
    _, total = deck_counts(decks)
    pdf.paragraph(t("cover_cards", lang, n=len(faces), total=total), style="B")
    counts = [
        (t("kind_data_source", lang), len(decks.data_sources)),
        (t("kind_need", lang), len(decks.needs)),
        (t("kind_model", lang), len(decks.governance_models)),
    ]
    pdf.bullets(f"{name}\u202f: {n}" if lang != "en" else f"{name}: {n}" for name, n in counts)
    pdf.heading(t("themes", lang), level=2)
    for theme in decks.themes:
        color = palette.rgb(palette.theme_colour(theme.color))
        y = pdf.get_y()
        pdf.set_fill_color(*color)
        pdf.set_draw_color(*RULE)
        pdf.rect(pdf.l_margin, y + 0.6, 8, 4, style="DF")
        pdf.set_xy(pdf.l_margin + 11, y)
        pdf.set_font(FAMILY, "B", 9.5)
        pdf.multi_cell(50, 5, theme.title.get(lang), align="L", new_x=XPos.RIGHT, new_y=YPos.TOP)
        bottom = pdf.get_y() + pdf.text_height(50, 5, theme.title.get(lang))
        pdf.set_xy(pdf.l_margin + 63, y)
        pdf.set_font(FAMILY, "", 9)
        pdf.multi_cell(0, 5, theme.description.get(lang), align="L", new_x=XPos.LMARGIN)
        pdf.set_y(max(pdf.get_y(), bottom) + 0.8)
    pdf.heading(t("kind_models", lang), level=2)
    for model in decks.governance_models:
        y = pdf.get_y()
        pdf.set_fill_color(*MODEL_COLORS.get(model.id, INK))
        pdf.rect(pdf.l_margin, y + 0.6, 8, 4, style="F")
        pdf.set_xy(pdf.l_margin + 11, y)
        pdf.set_font(FAMILY, "B", 9.5)
        pdf.cell(0, 5, model.title.get(lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(0.8)
    pdf.ln(2)
