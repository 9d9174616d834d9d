"""The toolkit's one palette: the screen (plotly, ``selfdata/ui``) and the paper (fpdf2,
``selfdata/export``) both read their colours here, so a flow type or an actor kind has
the same colour on the projector and in the dossier.

Colours are ``#RRGGBB`` strings; :func:`rgb` gives the ``(r, g, b)`` that fpdf2 wants.

The qualitative colours are Okabe & Ito's eight (2008), safe for the common colour-vision
deficiencies. The value network needs more than eight actor kinds, so the palette adds
three: Paul Tol's "muted" indigo and wine (also designed for colour-blind readers) and a
light grey for a kind the app does not know. They were chosen because no pair among the
eleven colours is closer, under simulated protanopia, deuteranopia or tritanopia (Machado
et al. 2009, CIELAB ΔE), than Okabe–Ito's own closest pair (sky blue and bluish green
under tritanopia, ΔE ≈ 16): greys of middle lightness were rejected because they merge
with bluish green or reddish purple for a deuteranope. ``tests/unit/test_palette.py``
measures it again.

Colour never carries meaning alone: actor kinds also differ by marker shape on screen and
by their printed name, flow types by their stroke (:data:`FLOW_STROKES`: width and dash
pattern, each type its own) and by the legend. Flow colours are drawn as thin lines and, on
paper, as the flows' numbers, so each has a contrast of at least 3:1 on white (WCAG 2.1,
non-text contrast): Okabe–Ito's orange (2.2:1), sky blue (2.3:1) and yellow (1.3:1) are too
pale for that and only fill shapes that carry a dark outline.

No plotly and no fpdf here: this module is pure data and arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

Hex = str
"""A colour as ``#RRGGBB``."""
RGB = tuple[int, int, int]

OKABE_ITO: Final[dict[str, Hex]] = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}
"""Okabe & Ito (2008), "Color Universal Design"."""

EXTENSION: Final[dict[str, Hex]] = {
    "indigo": "#332288",
    "wine": "#882255",
    "light_grey": "#CCCCCC",
}
"""Beyond Okabe–Ito, for the value network's actor kinds and flow types (see above)."""

QUALITATIVE: Final[dict[str, Hex]] = {**OKABE_ITO, **EXTENSION}

# --- neutrals and accents ----------------------------------------------------------------

WHITE: Final[Hex] = "#FFFFFF"
BLACK: Final[Hex] = OKABE_ITO["black"]
INK: Final[Hex] = "#212529"
"""Text and outlines, on screen and on paper."""
MUTED: Final[Hex] = "#6C757D"
"""Secondary text on paper (running heads, notes): 4.7:1 on white."""
CAPTION: Final[Hex] = "#5C5B5A"
"""Captions on screen (Streamlit dims them to 60 % opacity: shown opaque in this colour,
6.5:1 on white; axe-core's contrast rule)."""
LINK: Final[Hex] = "#1D4F91"
"""Links inside captions on screen (8.6:1 on white)."""
DISABLED: Final[Hex] = "#5A5958"
"""Labels of disabled inputs on screen, still readable (6.7:1 on white)."""
RULE: Final[Hex] = "#CED4DA"
"""Hairlines and frames on paper; the figures' grid."""
PALE: Final[Hex] = "#F1F3F5"
"""Shaded table rows and boxes on paper."""
GRID: Final[Hex] = "#DDDDDD"
"""Grid lines of the screen's charts."""
UNKNOWN: Final[Hex] = "#777777"
"""A flow whose type the app does not know (4.48:1 on white)."""

ACCENT: Final[Hex] = OKABE_ITO["blue"]
"""Headings on paper, ordinary bars on screen (votes, fits, scenarios)."""
HIGHLIGHT: Final[Hex] = OKABE_ITO["orange"]
"""The bar that stands out: the winning scenario, the chosen model."""
CONSENSUS: Final[Hex] = OKABE_ITO["bluish_green"]
"""The consensus bars."""
FLAG: Final[Hex] = OKABE_ITO["vermillion"]
"""The ring around an actor a network diagnostic points at."""
SEQUENTIAL_SCALE: Final[str] = "Cividis"
"""Heatmaps: perceptually uniform and readable with colour-vision deficiencies."""

# --- value network -------------------------------------------------------------------------

FLOW_COLOURS: Final[dict[str, Hex]] = {
    "personal_data": OKABE_ITO["vermillion"],
    "consent": OKABE_ITO["blue"],
    "service": OKABE_ITO["bluish_green"],
    "money": EXTENSION["wine"],
    "insight": OKABE_ITO["reddish_purple"],
    "oversight": OKABE_ITO["black"],
}
"""One colour per flow type (``selfdata.domain.cards.FlowType``), each at least 3:1 on
white. Money was Okabe–Ito orange until it was measured at 2.2:1."""


@dataclass(frozen=True)
class FlowStroke:
    """How a flow type's line is drawn, so that it reads without colour (greyscale
    print, colour-blind readers): its own width and dash pattern."""

    width: float
    """Line width on paper, in mm; the screen scales its line width by ``width / 0.45``."""
    dash: tuple[float, ...]
    """On/off lengths on paper, in mm (empty: a solid line)."""
    plotly_dash: str
    """The same pattern on screen, as plotly names it."""


FLOW_STROKES: Final[dict[str, FlowStroke]] = {
    "personal_data": FlowStroke(0.8, (), "solid"),
    "service": FlowStroke(0.3, (), "solid"),
    "money": FlowStroke(0.55, (3.0, 0.9), "longdash"),
    "consent": FlowStroke(0.45, (1.3, 1.1), "dash"),
    "insight": FlowStroke(0.55, (0.35, 0.85), "dot"),
    "oversight": FlowStroke(0.45, (2.2, 0.8, 0.4, 0.8), "dashdot"),
}
"""One stroke per flow type, no two alike: tangible flows solid (personal data thick,
service thin) or in long dashes (money), intangible ones in short dashes (consent), dots
(insight) or dash-dots (oversight). The legend on screen and on paper shows each."""
UNKNOWN_STROKE: Final[FlowStroke] = FlowStroke(0.45, (0.8, 0.8), "dot")


def flow_stroke(flow_type: str) -> FlowStroke:
    """The stroke of a flow type; :data:`UNKNOWN_STROKE` for a type the app does not know."""
    return FLOW_STROKES.get(flow_type, UNKNOWN_STROKE)


@dataclass(frozen=True)
class KindStyle:
    """How an actor kind is drawn: a colour and, on screen, a plotly marker symbol."""

    colour: Hex
    symbol: str


OTHER_KIND: Final[str] = "other"
"""The style key of an actor whose kind is missing or unknown."""

KIND_STYLES: Final[dict[str, KindStyle]] = {
    "resident": KindStyle(OKABE_ITO["orange"], "star"),
    "data_holder": KindStyle(OKABE_ITO["blue"], "square"),
    "city": KindStyle(OKABE_ITO["bluish_green"], "diamond"),
    "operator": KindStyle(OKABE_ITO["sky_blue"], "hexagon"),
    "intermediary": KindStyle(OKABE_ITO["reddish_purple"], "pentagon"),
    "collective": KindStyle(OKABE_ITO["vermillion"], "triangle-up"),
    "service_provider": KindStyle(OKABE_ITO["yellow"], "circle"),
    "researcher": KindStyle(EXTENSION["indigo"], "triangle-down"),
    "mediator": KindStyle(EXTENSION["wine"], "hourglass"),
    "regulator": KindStyle(OKABE_ITO["black"], "cross"),
    OTHER_KIND: KindStyle(EXTENSION["light_grey"], "circle-dot"),
}
"""One colour and one shape per actor kind (``selfdata.domain.cards.ActorKind``), no
colour and no shape shared. Markers are outlined in :data:`INK`, so pale fills show."""


def flow_colour(flow_type: str) -> Hex:
    """The colour of a flow type; :data:`UNKNOWN` for a type the app does not know."""
    return FLOW_COLOURS.get(flow_type, UNKNOWN)


def kind_key(kind: str | None) -> str:
    """The :data:`KIND_STYLES` key of an actor kind: itself, or ``other``."""
    return kind if kind is not None and kind in KIND_STYLES else OTHER_KIND


def kind_style(kind: str | None) -> KindStyle:
    """The colour and shape of an actor kind (``other`` when missing or unknown)."""
    return KIND_STYLES[kind_key(kind)]


# --- governance models ---------------------------------------------------------------------

MODEL_COLOURS: Final[dict[str, Hex]] = {
    "personal_cloud": OKABE_ITO["blue"],
    "direct_transfer": OKABE_ITO["orange"],
    "trusted_third_party": OKABE_ITO["bluish_green"],
    "data_cooperative": OKABE_ITO["reddish_purple"],
    "civic_data_trust": OKABE_ITO["vermillion"],
}
"""The five governance models (``GOVERNANCE_MODEL_IDS``): the dossier's cover band and the
printed model cards. Text on them is black or white, whichever reads (:func:`readable_on`)."""

# --- tables of a large room ---------------------------------------------------------------

TABLE_COLOURS: Final[tuple[str, ...]] = (
    "blue",
    "vermillion",
    "bluish_green",
    "reddish_purple",
    "orange",
    "sky_blue",
    "indigo",
    "wine",
    "yellow",
    "black",
)
"""The colours a facilitator gives the tables of a room, by index (a table stores the
index): the qualitative palette's colours without the light grey, ordered so that the first
tables get the colours that stay furthest apart. Each table is also named on screen."""


def table_colour(index: int) -> Hex:
    """The colour of table colour ``index`` (wraps around past the last one)."""
    return QUALITATIVE[TABLE_COLOURS[int(index) % len(TABLE_COLOURS)]]


# --- themes --------------------------------------------------------------------------------

THEME_FALLBACK: Final[Hex] = RULE
"""A card whose theme is missing from the deck. The themes' own colours are deck data
(``color`` in ``cards/themes.yaml``, Paul Tol's "light" scheme), so that a territory
adding a theme gives it a colour without changing code."""


def theme_colour(value: str | None) -> Hex:
    """A theme's ``color`` as ``#RRGGBB``, or :data:`THEME_FALLBACK` when it is not one."""
    if value is None:
        return THEME_FALLBACK
    try:
        return to_hex(rgb(value))
    except ValueError:
        return THEME_FALLBACK


# --- arithmetic ----------------------------------------------------------------------------


def rgb(colour: Hex) -> RGB:
    """``"#0072B2"`` → ``(0, 114, 178)``; :class:`ValueError` when it is not ``#RRGGBB``."""
    if len(colour) != 7 or colour[0] != "#":
        raise ValueError(f"not a #RRGGBB colour: {colour!r}")
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return (r, g, b)


def to_hex(colour: RGB) -> Hex:
    """``(0, 114, 178)`` → ``"#0072B2"``."""
    r, g, b = colour
    return f"#{r:02X}{g:02X}{b:02X}"


def luminance(colour: Hex) -> float:
    """Relative luminance (WCAG 2.1), 0 for black to 1 for white."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Hex, b: Hex = WHITE) -> float:
    """WCAG 2.1 contrast ratio, 1 (none) to 21 (black on white)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable_on(background: Hex) -> Hex:
    """Black or white, whichever contrasts more with ``background``: at least 4.58:1
    (√21) whatever the background, so small text on a coloured box stays legible."""
    return BLACK if contrast(BLACK, background) >= contrast(WHITE, background) else WHITE
