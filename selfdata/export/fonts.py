"""Where the embedded Unicode fonts (DejaVu) come from.

The PDFs embed DejaVu Sans so that French (œ, « », €, ’) and most scripts print the same on
every machine. The font files are looked up, in order, in ``SELFDATA_FONT_DIR``, Debian's
``fonts-dejavu-core`` package, and the copy shipped inside matplotlib's wheel (a dependency
of pymcdm, so always installed with the app).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FONT_FILES: dict[str, str] = {
    "": "DejaVuSans.ttf",
    "B": "DejaVuSans-Bold.ttf",
    "I": "DejaVuSans-Oblique.ttf",
}
"""fpdf2 style -> file name."""

SYSTEM_DIRS: tuple[str, ...] = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/local/share/fonts/dejavu",
)


class FontNotFoundError(RuntimeError):
    """No directory holds the DejaVu Sans fonts the PDFs embed."""


@dataclass(frozen=True)
class FontSet:
    directory: Path

    def path(self, style: str) -> Path:
        return self.directory / FONT_FILES[style]


def _matplotlib_dir() -> Path | None:
    try:
        import matplotlib
    except ImportError:  # pragma: no cover - matplotlib comes with pymcdm
        return None
    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def candidate_dirs() -> list[Path]:
    """Directories searched for the fonts, in order of preference."""
    dirs: list[Path] = []
    env = os.environ.get("SELFDATA_FONT_DIR")
    if env:
        dirs.append(Path(env))
    dirs += [Path(d) for d in SYSTEM_DIRS]
    mpl = _matplotlib_dir()
    if mpl is not None:
        dirs.append(mpl)
    return dirs


@lru_cache(maxsize=1)
def find_fonts() -> FontSet:
    """The first directory holding all the DejaVu Sans styles, or a clear error."""
    searched = candidate_dirs()
    for directory in searched:
        if all((directory / name).is_file() for name in FONT_FILES.values()):
            return FontSet(directory)
    raise FontNotFoundError(
        "DejaVu Sans fonts not found (needed to embed Unicode text in PDFs). Looked in: "
        + ", ".join(str(d) for d in searched)
        + ". Install Debian's fonts-dejavu-core, or matplotlib, or set SELFDATA_FONT_DIR."
    )
