"""Who is looking: the one role type and the one :class:`Viewer` of the whole package.

A screen, a read and a document all ask the same question — who is this? — and answer it
with these two names: the pages (:class:`selfdata.ui.session.PageContext` carries a
``Viewer``), the reads and the outcomes (:mod:`selfdata.app.outcomes`) and the rules of who
sees what (:mod:`selfdata.domain.visibility`). A viewer is proven, never trusted: the
credentials it carries (``secret``, ``token``) are checked against the store on every run
(:func:`selfdata.app.viewer.resolve_viewer`) and again by every read that takes them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal, get_args

Role = Literal["facilitator", "participant", "projection", "visitor", "operator"]
"""Who looks: the facilitator (holding the workshop's secret), a participant (a token),
the projector (the code only, ``view=projection``), a visitor who has not joined (no code,
or a code without credentials), or the operator holding the workshop file (command line)."""

ROLES: tuple[Role, ...] = get_args(Role)


@dataclass(frozen=True)
class Viewer:
    """Who is looking at a screen, and the credentials that prove it again on a read."""

    role: Role
    code: str | None = None
    """The workshop's code as stored, when the address names an open workshop."""
    secret: str | None = None
    """The facilitator secret, only once verified."""
    token: str | None = None
    """The participant token, only once verified."""
    participant: str | None = None
    """The participant's id (``None`` for every other role)."""
    table: str | None = None
    """The table this viewer sees the room from: a participant's seat (``None``: the whole
    room's screen, or a participant seated at no table)."""
    lang: str = "fr"
    """``fr`` or ``en``."""
    projecting: bool = False
    """The wall's view: a facilitator projecting sees only what the room may see."""

    def on_wall(self, large: bool = True) -> Viewer:
        """This viewer as the wall shows it (``large``), else unchanged."""
        return replace(self, projecting=True) if large and not self.projecting else self
