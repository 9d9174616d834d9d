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
from selfdata.export.labels import origin_words, t, vocab, yes_no
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
    """The card's id, printed at its foot."""
    sources: str = ""
    """The sources the card cites, printed last (in full, over several cards if need be)."""


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
        foot=card.id,
        sources="; ".join(card.sources),
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
        foot=card.id,
        sources="; ".join(card.sources),
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
        foot=card.id,
        sources="; ".join(card.sources),
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
    words = origin_words(card.origin, lang, need=isinstance(card, NeedCard))
    return f"{kind} · {words}" if words else kind


def deck_faces(decks: Decks, lang: str) -> list[CardFace]:
    """Every printed card, in deck order: data sources, needs, governance models."""
    return (
        [source_face(c, decks, lang) for c in decks.data_sources]
        + [need_face(c, decks, lang) for c in decks.needs]
        + [model_face(c, lang) for c in decks.governance_models]
    )


# -- drawing ------------------------------------------------------------------------------

BAND_H = 10.5
FONT_SIZES = (9.0, 8.5, 8.0)
"""A card's text sizes, largest first; 8 pt is the smallest print a card uses."""
MAX_PARTS = 4
"""A card too long for one A6 card goes on over the next ones (its title numbered "1/2",
"2/2"), at most this many: one sheet; only beyond is its text shortened with "…"."""
PAD = 4.0


@dataclass(frozen=True)
class CardPart:
    """One printed A6 card: a face, or a part of a face too long for one card."""

    face: CardFace
    blocks: list[Block]
    size: float
    part: int = 1
    parts: int = 1

    @property
    def title(self) -> str:
        title = clip(self.face.title, 90)
        return title if self.parts == 1 else f"{title} ({self.part}/{self.parts})"


def _sep(lang: str) -> str:
    return "\u202f: " if lang != "en" else ": "


def _inner_width() -> float:
    return CARD_W - 2 * SAFETY - 2 * PAD


def _blocks_height(pdf: ExportPDF, blocks: Sequence[Block], size: float) -> float:
    return sum(_block_height(pdf, b, size) for b in blocks)


def _block_height(pdf: ExportPDF, block: Block, size: float) -> float:
    """A block's height at ``size`` (remembered: a long card is measured many times)."""
    key = (block, size)
    cache: dict[tuple[Block, float], float] = pdf.__dict__.setdefault("_block_heights", {})
    if key not in cache:
        text = f"{block.label}{_sep(pdf.lang_code)}{block.text}" if block.label else block.text
        # Measured in bold, a little wider than the mixed text really printed.
        pdf.set_font(FAMILY, "B", size)
        cache[key] = pdf.text_height(_inner_width(), size * 0.45, text) + size * 0.22
    return cache[key]


def _body_height(pdf: ExportPDF, face: CardFace) -> float:
    """The height left for the blocks under the title (numbered as a part) and above the
    foot."""
    pdf.set_font(FAMILY, "B", 11)
    title_h = pdf.text_height(_inner_width(), 4.8, clip(face.title, 90) + " (9/9)")
    return CARD_H - 2 * SAFETY - BAND_H - 3 - title_h - 1.5 - PAD - 4.5 - 2


def card_parts(pdf: ExportPDF, face: CardFace) -> list[CardPart]:
    """The printed cards of ``face``: one at the largest size that fits, else as many as its
    text needs at 8 pt, splitting between blocks (or, for a block longer than a card,
    between words)."""
    blocks = list(face.blocks)
    if face.sources:
        blocks.append(Block(t("sources_label", pdf.lang_code), face.sources, "muted"))
    height = _body_height(pdf, face)
    for size in FONT_SIZES:
        if _blocks_height(pdf, blocks, size) <= height:
            return [CardPart(face, blocks, size)]
    size = FONT_SIZES[-1]
    groups: list[list[Block]] = [[]]
    queue = list(blocks)
    while queue:
        block = queue.pop(0)
        if _blocks_height(pdf, [*groups[-1], block], size) <= height:
            groups[-1].append(block)
            continue
        head, rest = _split(pdf, block, height - _blocks_height(pdf, groups[-1], size), size)
        if head is not None:
            groups[-1].append(head)
        if groups[-1]:
            groups.append([])
        queue.insert(0, rest)
    groups = [g for g in groups if g]
    if len(groups) > MAX_PARTS:
        groups = groups[: MAX_PARTS - 1] + [_shorten(pdf, sum(groups[MAX_PARTS - 1 :], []), height)]
    return [CardPart(face, g, size, i + 1, len(groups)) for i, g in enumerate(groups)]


def _split(pdf: ExportPDF, block: Block, height: float, size: float) -> tuple[Block | None, Block]:
    """The most words of ``block`` that fit in ``height``, and the rest (labelled again)."""
    words = block.text.split(" ")
    fits = 0
    low, high = 1, len(words) - 1
    while low <= high:
        mid = (low + high) // 2
        if (
            _blocks_height(pdf, [Block(block.label, " ".join(words[:mid]), block.style)], size)
            <= height
        ):
            fits, low = mid, mid + 1
        else:
            high = mid - 1
    if fits == 0:
        return None, block
    return (
        Block(block.label, " ".join(words[:fits]), block.style),
        Block(block.label, " ".join(words[fits:]), block.style),
    )


def _shorten(pdf: ExportPDF, blocks: list[Block], height: float) -> list[Block]:
    """The last resort for a card longer than a sheet: its last part shortened with "…"."""
    size = FONT_SIZES[-1]
    while blocks and _blocks_height(pdf, blocks, size) > height:
        longest = max(range(len(blocks)), key=lambda i: len(blocks[i].text))
        b = blocks[longest]
        if len(b.text) <= 20:
            blocks.pop()
            continue
        blocks[longest] = Block(b.label, clip(b.text, int(len(b.text) * 0.75)), b.style)
    return blocks


def draw_card(pdf: ExportPDF, card: CardPart, x: float, y: float) -> None:
    """Draw ``card`` in the A6 cell whose top-left corner is (``x``, ``y``)."""
    left, top = x + SAFETY, y + SAFETY
    h = CARD_H - 2 * SAFETY
    _draw_frame(pdf, card.face, left, top)
    inner = _inner_width()
    with pdf.group("Div"):
        _draw_band(pdf, card.face, left, top)
        # Title.
        pdf.set_text_color(*INK)
        pdf.set_font(FAMILY, "B", 11)
        pdf.set_xy(left + PAD, top + BAND_H + 3)
        with pdf.leaf(pdf.heading_tag(1), title=card.title):
            pdf.multi_cell(inner, 4.8, card.title, align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
        _draw_blocks(pdf, card, left + PAD, pdf.get_y() + 1.5)
        _draw_foot(pdf, card.face, left, top + h - PAD - 3.5)


def _draw_frame(pdf: ExportPDF, face: CardFace, left: float, top: float) -> None:
    """The card's outline, tinted background, white body and coloured band (artifacts)."""
    w, h = CARD_W - 2 * SAFETY, CARD_H - 2 * SAFETY
    with pdf.artifact():
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


def _draw_band(pdf: ExportPDF, face: CardFace, left: float, top: float) -> None:
    """The band's text: the card's kind, then its themes."""
    inner = _inner_width()
    pdf.set_text_color(*text_on(face.color))
    pdf.set_font(FAMILY, "B", 8)
    pdf.set_xy(left + PAD, top + 1.2)
    with pdf.leaf("P"):
        pdf.cell(inner, 3.8, face.kind.upper())
        if face.tags:
            pdf.set_font(FAMILY, "", 8)
            pdf.set_xy(left + PAD, top + 5.4)
            pdf.cell(inner, 3.8, clip(face.tags, 60))


def _draw_foot(pdf: ExportPDF, face: CardFace, left: float, foot_top: float) -> None:
    """A rule, then the card's foot (its source) in small muted type."""
    inner = _inner_width()
    with pdf.artifact():
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.2)
        pdf.line(left + PAD, foot_top - 1, left + PAD + inner, foot_top - 1)
    pdf.set_text_color(*MUTED)
    pdf.set_font(FAMILY, "", 8)
    pdf.set_xy(left + PAD, foot_top)
    with pdf.leaf("P"):
        pdf.cell(inner, 3.5, clip(face.foot, 60), align="L")
    pdf.set_text_color(*INK)


def _draw_blocks(pdf: ExportPDF, card: CardPart, x: float, y: float) -> None:
    size = card.size
    pdf.set_left_margin(x)
    pdf.set_right_margin(SHEET_W - (x + _inner_width()))
    pdf.set_xy(x, y)
    for b in card.blocks:
        style = "" if b.style == "muted" else b.style
        with pdf.leaf("P"), pdf.local_context(text_color=MUTED if b.style == "muted" else INK):
            if b.label:
                pdf.set_font(FAMILY, "B", size)
                pdf.write(size * 0.45, f"{b.label}{_sep(pdf.lang_code)}")
            pdf.set_font(FAMILY, style, size)
            pdf.write(size * 0.45, b.text)
        pdf.ln(size * 0.45 + size * 0.22)
    pdf.set_margins(18, 18, 18)


def draw_crop_marks(pdf: ExportPDF) -> None:
    with pdf.artifact():
        _crop_marks(pdf)


def _crop_marks(pdf: ExportPDF) -> None:
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
        with self.artifact(), self.local_context(text_color=MUTED):
            self.set_font(FAMILY, "", 8)
            self.set_xy(CARD_W + 2, CARD_H + 1)
            self.cell(20, 3.5, f"{self.page_no()} / {{nb}}")


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
    pdf.add_page()
    cards = lay_out(pdf, faces)
    _cover(pdf, decks, faces, lang, len(cards))
    pdf.set_auto_page_break(False)
    for i, card in enumerate(cards):
        slot = i % 4
        if slot == 0:
            pdf.add_page()
            draw_crop_marks(pdf)
        draw_card(pdf, card, (slot % 2) * CARD_W, (slot // 2) * CARD_H)
    return bytes(pdf.output())


def lay_out(pdf: ExportPDF, faces: Sequence[CardFace]) -> list[CardPart]:
    """Every printed A6 card, in deck order (a long face on several cards)."""
    return [card for face in faces for card in card_parts(pdf, face)]


def printed_cards(decks: Decks, lang: str = "fr") -> list[CardPart]:
    """The A6 cards :func:`card_deck` prints, in order."""
    pdf = _DeckPDF(lang=lang, title="", author="")
    pdf.add_page()  # fpdf2 measures text on a page
    return lay_out(pdf, deck_faces(decks, lang))


def _cover(pdf: ExportPDF, decks: Decks, faces: Sequence[CardFace], lang: str, pieces: int) -> None:
    pdf.heading(t("deck", lang), level=0)
    pdf.paragraph(t("deck_subtitle", lang))
    _, total = deck_counts(decks)
    pdf.paragraph(t("cover_cards", lang, n=len(faces), total=total), style="B")
    if pieces > len(faces):
        sheets = (pieces + 3) // 4
        pdf.paragraph(t("cover_pieces", lang, pieces=pieces, sheets=sheets))
    counts = [
        (t("kind_data_source", lang), len(decks.data_sources)),
        (t("kind_need", lang), len(decks.needs)),
        (t("kind_model", lang), len(decks.governance_models)),
    ]
    pdf.bullets(f"{name}\u202f: {n}" if lang != "en" else f"{name}: {n}" for name, n in counts)
    pdf.heading(t("themes", lang), level=2)
    with pdf.group("L"):
        for theme in decks.themes:
            _theme_line(pdf, theme.title.get(lang), theme.description.get(lang), theme.color)
    pdf.heading(t("kind_models", lang), level=2)
    with pdf.group("L"):
        for model in decks.governance_models:
            y = pdf.get_y()
            with pdf.group("LI"):
                with pdf.artifact():
                    pdf.set_fill_color(*MODEL_COLORS.get(model.id, INK))
                    pdf.rect(pdf.l_margin, y + 0.6, 8, 4, style="F")
                pdf.set_xy(pdf.l_margin + 11, y)
                pdf.set_font(FAMILY, "B", 9.5)
                with pdf.leaf("LBody"):
                    pdf.cell(0, 5, model.title.get(lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(0.8)
    pdf.ln(2)


def _theme_line(pdf: ExportPDF, title: str, description: str, colour: str | None) -> None:
    """A theme on the cover: its colour, its name, what it covers."""
    y = pdf.get_y()
    with pdf.group("LI"):
        with pdf.artifact():
            pdf.set_fill_color(*palette.rgb(palette.theme_colour(colour)))
            pdf.set_draw_color(*RULE)
            pdf.rect(pdf.l_margin, y + 0.6, 8, 4, style="DF")
        pdf.set_xy(pdf.l_margin + 11, y)
        pdf.set_font(FAMILY, "B", 9.5)
        with pdf.leaf("Lbl"):
            pdf.multi_cell(50, 5, title, align="L", new_x=XPos.RIGHT, new_y=YPos.TOP)
        bottom = pdf.get_y() + pdf.text_height(50, 5, title)
        pdf.set_xy(pdf.l_margin + 63, y)
        pdf.set_font(FAMILY, "", 9)
        with pdf.leaf("LBody"):
            pdf.multi_cell(0, 5, description, align="L", new_x=XPos.LMARGIN)
    pdf.set_y(max(pdf.get_y(), bottom) + 0.8)
