"""The common page furniture of every PDF: fonts, metadata, header, footer, styles.

User text is only ever passed to fpdf2 as plain text (never markdown nor HTML), after
:func:`printable` has removed control characters and replaced any character the embedded
font cannot draw by a visible U+FFFD "�", so hostile or exotic input still yields a valid,
readable PDF and no missing-glyph warning.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from io import BytesIO
from typing import Any

from fontTools import ttLib  # type: ignore[import-untyped]
from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos
from fpdf.fonts import TTFFont
from fpdf.prefs import ViewerPreferences
from fpdf.structure_tree import StructElem
from fpdf.table import Table

from selfdata.domain import palette
from selfdata.domain.typography import fr_punctuation
from selfdata.export.fonts import FONT_FILES, find_fonts
from selfdata.export.labels import t
from selfdata.export.numbers import fmt_date as fmt_date  # re-exported
from selfdata.export.numbers import fmt_float as fmt_float
from selfdata.export.numbers import fmt_int as fmt_int
from selfdata.export.tagging import TagTree

FAMILY = "DejaVu"
REPLACEMENT = "\ufffd"

Color = tuple[int, int, int]

# The colours are the one palette's, shared with the screen (selfdata.domain.palette).
INK: Color = palette.rgb(palette.INK)
MUTED: Color = palette.rgb(palette.MUTED)
RULE: Color = palette.rgb(palette.RULE)
ACCENT: Color = palette.rgb(palette.ACCENT)
PALE: Color = palette.rgb(palette.PALE)
MODEL_COLORS: dict[str, Color] = {
    model: palette.rgb(colour) for model, colour in palette.MODEL_COLOURS.items()
}


def tint(color: Color, amount: float) -> Color:
    """``color`` mixed with white (``amount`` 0 keeps it, 1 gives white)."""
    r, g, b = color
    return (
        round(r + (255 - r) * amount),
        round(g + (255 - g) * amount),
        round(b + (255 - b) * amount),
    )


def text_on(color: Color) -> Color:
    """Black or white, whichever contrasts more with ``color`` (WCAG, at least 4.58:1)."""
    return palette.rgb(palette.readable_on(palette.to_hex(color)))


_BREAKABLE_SPACE = re.compile(r"[^\S\u00a0\u202f]+")


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with "…" when longer (full text kept elsewhere),
    between two words when there is one in its second half.

    Runs of white space become one space, except the no-break spaces French punctuation
    needs (U+00A0, U+202F), which are kept as they are."""
    text = _BREAKABLE_SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:  # cut between words, never in the middle of a name
        cut = cut[:space]
    return cut.rstrip(" ,;:\u202f\u00a0") + "…"


_DROP_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_KEEP_FORMAT = frozenset({"\u00ad"})  # soft hyphen: fpdf2 breaks long words there


def printable(text: str, cmap: Any) -> str:
    """``text`` with only characters the font can draw.

    Tabs and other line controls become a space and line breaks stay; invisible control
    and format characters (bidi overrides, zero-width joiners, variation selectors) are
    dropped, whatever the font says, so that no hidden character changes what the reader
    sees; anything else missing from the font's ``cmap`` becomes "�".
    """
    out: list[str] = []
    for ch in text:
        if ch == "\n":
            out.append(ch)
        elif ch in "\t\r\v\f":
            out.append(" ")
        elif ch not in _KEEP_FORMAT and (
            unicodedata.category(ch) in _DROP_CATEGORIES or 0xFE00 <= ord(ch) <= 0xFE0F
        ):
            continue
        elif ord(ch) in cmap:
            out.append(ch)
        else:
            out.append(REPLACEMENT)
    return "".join(out)


@lru_cache(maxsize=1)
def _parsed_fonts() -> dict[str, tuple[TTFFont, bytes]]:
    """DejaVu parsed once per process, with the file bytes (see ``ExportPDF._add_fonts``)."""
    fonts = find_fonts()
    pdf = FPDF()
    data: dict[str, bytes] = {}
    for style in FONT_FILES:
        path = fonts.path(style)
        pdf.add_font(FAMILY, style, str(path))
        data[f"{FAMILY.lower()}{style}"] = path.read_bytes()
    return {key: (font, data[key]) for key, font in pdf.fonts.items() if isinstance(font, TTFFont)}


class ExportPDF(FPDF):
    """A4 portrait document with the toolkit's fonts, metadata, header and footer."""

    def __init__(
        self,
        *,
        lang: str,
        title: str,
        author: str,
        subject: str = "",
        running_head: str = "",
        created: datetime | None = None,
        orientation: str = "P",
        illustrative: bool = False,
    ) -> None:
        super().__init__(orientation=orientation, unit="mm", format="A4")
        self.tags = TagTree()
        self.struct_builder = self.tags
        self._marked: StructElem | str | None = None
        """The open marked content: a structure element's, ``ARTIFACT`` or none."""
        self._last_heading = 0
        self._kept: list[HeadingMark | tuple[int, int]] = []
        """The headings just drawn and where the page stood after them."""
        self.viewer_preferences = ViewerPreferences(display_doc_title=True)
        self.lang_code = "en" if lang == "en" else "fr"
        self.running_head = clip(running_head, 110)
        self.illustrative = illustrative
        """An illustrative workshop: every page's footer says its content is made up."""
        self._add_fonts()
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(True, margin=18)
        self.set_lang(self.lang_code)
        self.set_title(clip(title, 500))
        self.set_author(clip(author, 300))
        self.set_creator(t("app", self.lang_code))
        self.set_producer("fpdf2")
        if subject:
            self.set_subject(clip(subject, 500))
        self.set_creation_date(created or datetime.now(UTC))
        self.set_display_mode("fullwidth")
        self.set_text_color(*INK)
        self.set_font(FAMILY, "", 10)

    # -- fonts and text -----------------------------------------------------------------

    def _add_fonts(self) -> None:
        # Building fpdf2's font metrics for DejaVu takes ~0.1 s per document. A copy of a
        # cached TTFFont shares the metrics and gets its own subset; it also needs its own
        # fontTools object, because writing the PDF subsets that object in place.
        try:
            for key, (font, data) in _parsed_fonts().items():
                fresh = copy.deepcopy(font)
                fresh.ttfont = ttLib.TTFont(BytesIO(data), recalcTimestamp=False, lazy=True)
                self.fonts[key] = fresh
        except (AttributeError, TypeError):  # pragma: no cover - fpdf2 internals changed
            self.fonts.clear()
            fonts = find_fonts()
            for style in FONT_FILES:
                self.add_font(FAMILY, style, str(fonts.path(style)))

    def normalize_text(self, text: str) -> str:
        if self.lang_code == "fr":  # every printed French string, whoever composed it
            text = fr_punctuation(text)
        font = self.current_font
        cmap = getattr(font, "cmap", None)
        if cmap is not None:
            text = printable(text, cmap)
        return super().normalize_text(text)

    def text_height(self, w: float, h: float, text: str) -> float:
        """Height ``multi_cell(w, h, text)`` would take, in the current font."""
        height = self.multi_cell(w, h, text, dry_run=True, output=MethodReturnValue.HEIGHT)
        return float(height)  # type: ignore[arg-type]

    # -- tagged PDF: structure and marked content (selfdata/export/tagging.py) ------------

    @contextmanager
    def group(self, kind: str) -> Iterator[None]:
        """A structure element holding others (Sect, L, LI, Table, TR) around the block."""
        tree = self.tags
        tree.groups.append(tree.element(f"/{kind}", self.page, self.pages[self.page]))
        try:
            yield
        finally:
            tree.groups.pop()

    @contextmanager
    def leaf(
        self, kind: str, *, alt: str | None = None, title: str | None = None
    ) -> Iterator[None]:
        """What is drawn in the block is one structure element's content (P, H1, TD, Figure;
        a heading's ``title`` is its text, for tools listing headings).

        Inside another element's or an artifact's content, the block belongs to it."""
        if self._marked is not None:
            yield
            return
        self._marked = self.tags.element(
            f"/{kind}",
            self.page,
            self.pages[self.page],
            alt=None if alt is None else self.spoken(alt),
            title=None if title is None else self.spoken(title),
        )
        self._begin_marked()
        try:
            yield
        finally:
            self._out("EMC")
            self._marked = None

    def spoken(self, text: str) -> str:
        """``text`` as a screen reader gets it (an alt text, a heading's title): the same
        typography and the same invisible characters dropped as the printed text."""
        if self.lang_code == "fr":
            text = fr_punctuation(text)
        return printable(text, getattr(self.fonts.get(f"{FAMILY.lower()}"), "cmap", {}))

    @contextmanager
    def artifact(self) -> Iterator[None]:
        """What is drawn in the block is decoration a screen reader skips."""
        if self._marked is not None:
            yield
            return
        self._marked = ARTIFACT
        self._begin_marked()
        try:
            yield
        finally:
            self._out("EMC")
            self._marked = None

    def _begin_marked(self) -> None:
        marked = self._marked
        if marked is None:
            return
        if isinstance(marked, str):
            self._out("/Artifact BMC")
            return
        tree, page = self.tags, self.pages[self.page]
        mcid = tree.mark(marked, self.page, page)
        page.struct_parents = tree.struct_parents(self.page)
        self._out(f"{marked.s} <</MCID {mcid}>> BDC")

    def add_page(self, *args: Any, **kwargs: Any) -> None:
        """A page break inside marked content closes it on this page and reopens it on
        the next, around the footer and header (artifacts)."""
        marked, self._marked = self._marked, None
        if marked is not None:
            self._out("EMC")
        super().add_page(*args, **kwargs)
        self._marked = marked
        self._begin_marked()

    def heading_tag(self, level: int) -> str:
        """H1 for the document's title (level 0), H2 for a section (1) and so on, never
        skipping a level after the previous heading."""
        number = max(1, min(level + 1, self._last_heading + 1, 6))
        self._last_heading = number
        return f"H{number}"

    # -- page furniture -----------------------------------------------------------------

    def header(self) -> None:
        if self.page_no() == 1 or not self.running_head:
            return
        with self.artifact(), self.local_context(text_color=MUTED):
            self.set_font(FAMILY, "", 8)
            self.set_xy(self.l_margin, 8)
            self.cell(self.epw, 5, self.running_head, align="L")
            self.set_draw_color(*RULE)
            self.set_line_width(0.2)
            self.line(self.l_margin, 13.5, self.w - self.r_margin, 13.5)
        self.set_xy(self.l_margin, self.t_margin)
        self.set_font(FAMILY, "", 10)

    def footer(self) -> None:
        with self.artifact():
            self._footer()

    def _footer(self) -> None:
        if self.illustrative:
            with self.local_context(text_color=INK):
                self.set_font(FAMILY, "B", 7)
                self.set_xy(self.l_margin, self.h - 16.5)
                self.cell(self.epw, 4, t("illustrative_page", self.lang_code), align="L")
        with self.local_context(text_color=MUTED):
            self.set_font(FAMILY, "", 8)
            self.set_xy(self.l_margin, self.h - 12)
            label = f"{t('page', self.lang_code)} {self.page_no()} {t('of', self.lang_code)} "
            self.cell(self.epw, 5, label + "{nb}", align="R")
            self.set_xy(self.l_margin, self.h - 12)
            self.cell(self.epw / 2, 5, t("app", self.lang_code), align="L")

    # -- blocks -------------------------------------------------------------------------

    def ensure_space(self, height: float) -> None:
        """Start a new page unless ``height`` mm still fit on this one."""
        if self.get_y() + height > self.h - self.b_margin:
            self.add_page()

    def heading(self, text: str, level: int = 1) -> None:
        """A heading, kept on the same page as the first lines of what follows it (the
        next block moves it over with itself: :meth:`keep_with_heading`)."""
        size = HEADING_SIZES.get(level, 10.5)
        self.keep_with_heading(size * 1.6 + 12)
        chain = self._kept[:-1] if self._chained() else []
        self.ensure_space(size * 1.6 + 12)
        mark = HeadingMark(text, level, self.page, len(self._contents()), self.get_y())
        mark.last_heading = self._last_heading
        outline = len(self._outline)
        if level <= 2:
            self.start_section(clip(text, 120), level=max(level - 1, 0), strict=False)
        mark.outline = len(self._outline) != outline
        self.ln(2 if level > 1 else 4)
        self.set_font(FAMILY, "B", size)
        self.set_text_color(*(ACCENT if level <= 1 else INK))
        with self.leaf(self.heading_tag(level), title=clip(text, 300)):
            mark.elem = self._marked
            self.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if level <= 1:
            with self.artifact():
                self.set_draw_color(*ACCENT)
                self.set_line_width(0.4)
                y = self.get_y() + 1
                self.line(self.l_margin, y, self.l_margin + 30, y)
            self.ln(3)
        else:
            self.ln(1)
        self.set_text_color(*INK)
        self.set_font(FAMILY, "", 10)
        self._kept = [*chain, mark, (self.page, len(self._contents()))]

    def _contents(self) -> bytearray:
        contents = self.pages[self.page].contents
        assert isinstance(contents, bytearray)
        return contents

    def _chained(self) -> bool:
        """Whether nothing was drawn since the last heading."""
        return bool(self._kept) and self._kept[-1] == (self.page, len(self._contents()))

    def keep_with_heading(
        self, height: float | Callable[[], float], *, at_most: float | None = None
    ) -> None:
        """Before a block whose first lines are ``height`` mm tall (measured only right
        after a heading, and only if ``at_most`` mm would not fit): when the headings just
        above it are at the foot of this page and those lines do not fit, the headings are
        taken off this page and drawn again at the top of the next one."""
        if not self._chained():
            return
        if at_most is not None and self.get_y() + at_most <= self.page_break_trigger:
            return
        if callable(height):
            height = height()
        if self.get_y() + height <= self.page_break_trigger:
            return
        marks = [m for m in self._kept if isinstance(m, HeadingMark)]
        if any(m.page != self.page for m in marks):
            return
        first = marks[0]
        del self._contents()[first.offset :]
        for mark in reversed(marks):
            self.tags.unmark(mark.elem, self.page)
            if mark.outline:
                self._outline.pop()
        self._last_heading = first.last_heading
        self._kept = []
        self.set_y(first.y)
        self.add_page()
        for mark in marks:
            self.heading(mark.text, mark.level)

    def paragraph(
        self, text: str, *, size: float = 10, style: str = "", color: Color = INK
    ) -> None:
        if not text.strip():
            return
        self.set_font(FAMILY, style, size)
        self.keep_with_heading(
            lambda: min(self.text_height(self.epw, size * 0.5, text), size), at_most=size
        )
        with self.leaf("P"), self.local_context(text_color=color):
            self.multi_cell(
                0, size * 0.5, text.strip(), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )
        self.ln(1.5)
        self.set_font(FAMILY, "", 10)

    def note(self, text: str) -> None:
        """A muted, italic remark (an empty section, a caveat)."""
        self.paragraph(text, size=9, style="I", color=MUTED)

    def bullets(self, items: Iterable[str], *, size: float = 10) -> None:
        items = [item.strip() for item in items if item.strip()]
        if not items:
            return
        self.set_font(FAMILY, "", size)
        self.keep_with_heading(
            lambda: min(self.text_height(self.epw - 5, size * 0.5, items[0]), size), at_most=size
        )
        with self.group("L"):
            for item in items:
                with self.group("LI"):
                    self.set_x(self.l_margin)
                    with self.leaf("Lbl"):
                        self.cell(5, size * 0.5, "•")
                    with self.leaf("LBody"):
                        self.multi_cell(
                            self.epw - 5,
                            size * 0.5,
                            item,
                            align="L",
                            new_x=XPos.LMARGIN,
                            new_y=YPos.NEXT,
                        )
                self.ln(0.8)
        self.ln(1)

    def key_values(self, rows: Sequence[tuple[str, str]], *, key_width: float = 45) -> None:
        """Label and value side by side, tagged as a two-column table (TH, TD)."""
        value_width = self.epw - key_width
        with self.group("Table"):
            for key, value in rows:
                value = value or "—"
                self.set_font(FAMILY, "B", 9.5)
                key_h = self.text_height(key_width, 5, key)
                self.set_font(FAMILY, "", 9.5)
                value_h = self.text_height(value_width, 5, value)
                self.keep_with_heading(max(key_h, value_h))
                if max(key_h, value_h) < self.h - self.t_margin - self.b_margin:
                    self.ensure_space(max(key_h, value_h))
                page, y = self.page, self.get_y()
                self.set_x(self.l_margin)
                with self.group("TR"):
                    self.set_font(FAMILY, "B", 9.5)
                    with self.leaf("TH"):
                        self.multi_cell(
                            key_width, 5, key, align="L", new_x=XPos.RIGHT, new_y=YPos.TOP
                        )
                    self.set_font(FAMILY, "", 9.5)
                    with self.leaf("TD"):
                        self.multi_cell(value_width, 5, value, align="L", new_x=XPos.LMARGIN)
                if self.page == page:
                    self.set_y(max(self.get_y(), y + key_h))
                self.set_y(self.get_y() + 0.8)
        self.ln(1)

    def data_table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        size: float = 8.5,
        align: Sequence[str] | None = None,
    ) -> None:
        """A table that repeats its heading row after a page break.

        Callers clip long cell texts: a row must fit on one page.
        """
        self.set_font(FAMILY, "", size)
        self.keep_with_heading(lambda: self._rows_height([headers, *rows[:1]], widths, size))
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.set_text_color(0)
        # fpdf2 tables inherit the current fill colour unless it is the default (black).
        self.set_fill_color(0)
        table = TaggedTable(
            self,
            col_widths=tuple(widths),
            width=self.epw,
            text_align=tuple(align) if align else "LEFT",  # type: ignore[arg-type]
            line_height=size * 0.5,
            headings_style=_heading_style(),
            cell_fill_color=PALE,
            cell_fill_mode="EVEN_ROWS",
            borders_layout="HORIZONTAL_LINES",
            padding=(1.2, 1.5),
        )
        head = table.row()
        for h in headers:
            head.cell(h)
        for values in rows:
            row = table.row()
            for value in values:
                row.cell(value)
        with self.group("Table"):
            table.render()
        self.ln(3)
        self.set_font(FAMILY, "", 10)
        self.set_text_color(*INK)

    def _rows_height(
        self, rows: Sequence[Sequence[str]], widths: Sequence[float], size: float
    ) -> float:
        """The height of a table's first rows (padding 1.2 mm above and below)."""
        scale = self.epw / (sum(widths) or 1)
        total = 0.0
        for values in rows:
            heights = [
                self.text_height(w * scale - 3, size * 0.5, value)
                for w, value in zip(widths, values, strict=False)
            ]
            total += max(heights, default=0.0) + 2.4
        return total


HEADING_SIZES = {0: 20.0, 1: 15.0, 2: 12.0, 3: 10.5}
ARTIFACT = "artifact"


@dataclass
class HeadingMark:
    """Where a heading was drawn, to take it back (:meth:`ExportPDF.keep_with_heading`)."""

    text: str
    level: int
    page: int
    offset: int
    y: float
    last_heading: int = 0
    outline: bool = False
    elem: Any = None


class TaggedTable(Table):
    """fpdf2's table, tagged: a TR per row, a TH or TD per cell; the heading row repeated
    after a page break is an artifact (a screen reader reads it once)."""

    def _render_table_row(self, i: int, *args: Any, **kwargs: Any) -> None:
        pdf: ExportPDF = self._fpdf  # type: ignore[assignment]
        drawn: set[int] = self.__dict__.setdefault("_drawn_rows", set())
        if i in drawn:
            with pdf.artifact():
                super()._render_table_row(i, *args, **kwargs)
            return
        drawn.add(i)
        with pdf.group("TR"):
            super()._render_table_row(i, *args, **kwargs)

    def _render_table_cell(self, i: int, j: int, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("cell_height_info", args[2] if len(args) > 2 else None) is None:
            return super()._render_table_cell(i, j, *args, **kwargs)
        pdf: ExportPDF = self._fpdf  # type: ignore[assignment]
        with pdf.leaf("TH" if i < self._num_heading_rows else "TD"):
            return super()._render_table_cell(i, j, *args, **kwargs)


def _heading_style() -> Any:
    from fpdf.fonts import FontFace

    return FontFace(family=FAMILY, emphasis="BOLD", color=(255, 255, 255), fill_color=ACCENT)
