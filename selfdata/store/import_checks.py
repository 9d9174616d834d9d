"""Why a workshop cannot be stored (:func:`import_problems`), checked before any row is
written: list sizes, text the database cannot hold, pseudonyms and votes given twice,
dangling references. Each problem is a :class:`~selfdata.files.problems.Msg`, which the
pages word in their language."""

from __future__ import annotations

import json
from typing import Any

from selfdata.domain.cards import Decks
from selfdata.domain.identity import pseudonym_key
from selfdata.domain.limits import (
    DOTS_MAX,
    MAX_CRITERIA,
    MAX_ITEMS,
    MAX_PARTICIPANTS,
    MAX_RATINGS,
    MAX_TABLES,
    MAX_VOTES,
)
from selfdata.domain.workshop import Workshop
from selfdata.store.decision_transfer import decision_problems

LIST_LIMITS = {
    "participants": MAX_PARTICIPANTS,
    "sources": MAX_ITEMS,
    "needs": MAX_ITEMS,
    "use_cases": MAX_ITEMS,
    "scenarios": MAX_ITEMS,
    "criteria": MAX_CRITERIA,
    "tables": MAX_TABLES,
    "votes": MAX_VOTES,
    "ratings": MAX_RATINGS,
}


def import_problems(workshop: Workshop, decks: Decks | None) -> list[str]:
    """Why ``workshop`` cannot be stored (empty list: it can)."""
    from selfdata.files.problems import Msg
    from selfdata.files.references import workshop_problems

    problems: list[str] = []  # each a Msg: the pages word it in their language
    for field, limit in LIST_LIMITS.items():
        count = len(getattr(workshop, field) or ())
        if count > limit:
            problems.append(Msg("files.problem.over_limit", field=field, n=count, limit=limit))
    problems += _text_problems(workshop)
    problems += _pseudonym_problems(workshop)
    problems += _vote_problems(workshop)
    problems += _card_id_problems(workshop)
    for i, case in enumerate(workshop.use_cases):
        if len(set(case.sources)) != len(case.sources):
            problems.append(Msg("files.problem.source_twice", where=f"use_cases[{i}].sources"))
    deck_arg: Any = decks if decks is not None else {}
    problems += [
        Msg("files.problem.at", where=f.where, message=f.message)
        for f in workshop_problems(workshop, deck_arg)
    ]
    return problems + decision_problems(workshop)


def _text_problems(workshop: Workshop) -> list[str]:
    from selfdata.files.problems import Msg

    problems: list[str] = []
    text = json.dumps(workshop.dump(), ensure_ascii=False)
    if "\\u0000" in text:
        problems.append(Msg("files.problem.nul"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        problems.append(Msg("files.problem.not_unicode"))
    return problems


def _pseudonym_problems(workshop: Workshop) -> list[str]:
    """Two participants whose pseudonyms look alike (as the join refuses them)."""
    from selfdata.files.problems import Msg

    problems: list[str] = []
    seen: dict[str, int] = {}
    for i, person in enumerate(workshop.participants):
        key = pseudonym_key(person.pseudonym)
        if key in seen:
            problems.append(
                Msg(
                    "files.problem.pseudonym_taken",
                    where=f"participants[{i}].pseudonym",
                    name=person.pseudonym,
                    other=f"participants[{seen[key]}]",
                )
            )
        else:
            seen[key] = i
    return problems


def _vote_problems(workshop: Workshop) -> list[str]:
    """Votes over the cap per need, and a participant's second vote row on one need."""
    from selfdata.files.problems import Msg

    problems: list[str] = [
        Msg("files.problem.dots_max", where=f"votes[{i}].dots", n=DOTS_MAX)
        for i, vote in enumerate(workshop.votes)
        if vote.dots > DOTS_MAX
    ]
    seen: dict[tuple[str, str], int] = {}
    for i, vote in enumerate(workshop.votes):
        pair = (vote.participant, vote.need)
        if pair in seen:
            problems.append(
                Msg(
                    "files.problem.voted_twice",
                    where=f"votes[{i}]",
                    participant=vote.participant,
                    need=vote.need,
                    other=f"votes[{seen[pair]}]",
                )
            )
        else:
            seen[pair] = i
    return problems


def _card_id_problems(workshop: Workshop) -> list[str]:
    """Two source cards, or two need cards, with the same id."""
    from selfdata.files.problems import Msg

    problems: list[str] = []
    for kind in ("data_sources", "needs"):
        first: dict[str, int] = {}
        for i, card in enumerate(getattr(workshop.cards, kind, [])):
            if card.id in first:
                duplicate = Msg(
                    "files.problem.duplicate",
                    what=Msg("files.problem.noun.id"),
                    value=card.id,
                    other=f"cards.{kind}[{first[card.id]}]",
                )
                problems.append(
                    Msg("files.problem.at", where=f"cards.{kind}[{i}].id", message=duplicate)
                )
            first.setdefault(card.id, i)
    return problems
