""" "My data": everything a workshop holds about one participant, as a portable document.

The tool asks cities to give residents their data back in a form they can take away; it
does the same for its participants. :func:`my_data_document` returns a plain dict
(``schema: selfdata-my-data/1``, JSON- and YAML-serialisable) with the participant's
pseudonym and join time, the sources and needs they proposed (with the card they wrote),
their dots on each need and their ratings of each scenario, and when they gave them their
swing weights, their round-1 ratings and their objection. It holds nothing about anyone
else: no other pseudonym, no other participant's dots or ratings, no totals.

Pure: it reads the :class:`~selfdata.domain.workshop.Workshop` aggregate (and, if given,
the decks, to name the deck cards that were voted on); no store, no clock.
"""

from __future__ import annotations

from typing import Any

from selfdata.domain.cards import Decks
from selfdata.domain.errors import NotFound
from selfdata.domain.workshop import Workshop

MY_DATA_SCHEMA = "selfdata-my-data/1"


def my_data_document(
    workshop: Workshop, participant_id: str, decks: Decks | None = None
) -> dict[str, Any]:
    """The participant's own data. Raises :class:`NotFound` (``participant.unknown``) for an
    id that is not a participant of ``workshop``."""
    me = next((p for p in workshop.participants if p.id == participant_id), None)
    if me is None:
        raise NotFound("participant.unknown", text="participant.gone")
    need_titles = _need_titles(workshop, decks)
    scenario_titles = {s.id: s.title for s in workshop.scenarios}
    criterion_titles = {c.id: c.title.model_dump() for c in decks.criteria} if decks else {}

    def titled(item: dict[str, Any], key: str, titles: dict[str, Any]) -> dict[str, Any]:
        title = titles.get(item[key])
        return item if title is None else {**item, f"{key}_title": title}

    participant: dict[str, Any] = {"id": me.id, "pseudonym": me.pseudonym}
    if me.joined is not None:
        participant["joined"] = me.model_dump(mode="json")["joined"]
    document = {
        "schema": MY_DATA_SCHEMA,
        "workshop": {"title": workshop.title, "territory": workshop.territory},
        "participant": participant,
        "proposed_sources": [
            s.model_dump(mode="json", exclude={"proposed_by"}, exclude_none=True)
            for s in workshop.sources
            if s.proposed_by == me.id
        ],
        "proposed_needs": [
            n.model_dump(mode="json", exclude={"proposed_by"}, exclude_none=True)
            for n in workshop.needs
            if n.proposed_by == me.id
        ],
        "dots": [
            titled({"need": v.need, "dots": v.dots}, "need", need_titles)
            for v in workshop.votes
            if v.participant == me.id
        ],
        "ratings": [
            titled(
                titled(
                    {"scenario": r.scenario, "criterion": r.criterion, "value": r.value},
                    "scenario",
                    scenario_titles,
                ),
                "criterion",
                criterion_titles,
            )
            for r in workshop.ratings
            if r.participant == me.id
        ],
    }
    return document | _decision(workshop, me.id)


def _decision(workshop: Workshop, me: str) -> dict[str, Any]:
    """How the room decides, one's own part only, when there is any: one's swing weights,
    one's round-1 ratings, one's objection."""
    out: dict[str, Any] = {}
    weights = [pw for pw in workshop.participant_weights or () if pw.participant == me]
    if weights:
        out["weights"] = {s.criterion: s.value for s in weights[0].weights}
    first = workshop.rounds.first if workshop.rounds is not None else None
    mine = [r for r in first or () if r.participant == me]
    if mine:
        out["round_1_ratings"] = [
            {"scenario": r.scenario, "criterion": r.criterion, "value": r.value} for r in mine
        ]
    consent = workshop.consent
    for objection in consent.objections if consent is not None else ():
        if consent is not None and objection.participant == me:
            out["objection"] = {"scenario": consent.scenario, "reason": objection.reason}
    return out


def _need_titles(workshop: Workshop, decks: Decks | None) -> dict[str, Any]:
    titles: dict[str, Any] = {}
    for need in workshop.needs:
        card = need.card or (decks.need(need.id) if decks else None)
        if card is not None:
            titles[need.id] = card.title.model_dump()
    return titles
